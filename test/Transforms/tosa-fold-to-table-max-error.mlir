// max-int16-error: an int16 island whose fitted TABLE + RESCALE is off by
// more output codes is declined, with the error reached. log from i16 with a
// 0.001 scale to i8 0.05:7 reaches 33 codes where log falls towards -inf
// (its 32768 NaN codes are not counted).

// RUN: lutfold-opt --verify-diagnostics \
// RUN:   --tosa-fold-to-table="max-int16-error=2 report-declined=true" %s | FileCheck %s --check-prefix=CAPPED
// RUN: lutfold-opt --tosa-fold-to-table="max-int16-error=33 report-folded=true" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WITHIN

// CAPPED-LABEL: func.func @log16
// CAPPED:         tosa.log
// CAPPED-NOT:     tosa.table
// CAPPED-LABEL: func.func @tanh16
// CAPPED:         tosa.table
// WITHIN: remark: folded into a table: tosa.log; {{.*}}; TABLE + RESCALE, error at most 33 output codes, mean 0.0529 (32768 NaN codes not counted); new table
// WITHIN: remark: folded into a table: tosa.tanh; {{.*}}; TABLE + RESCALE, error at most {{[12]}} output codes

func.func @log16(%arg0: tensor<8x!quant.uniform<i16:f32, 0.001>>) -> tensor<8x!quant.uniform<i8:f32, 0.05:7>> {
  %0 = quant.dcast %arg0 : tensor<8x!quant.uniform<i16:f32, 0.001>> to tensor<8xf32>
  %1 = tosa.log %0 : (tensor<8xf32>) -> tensor<8xf32>
  // expected-remark@+1 {{not folded into a table: TABLE + RESCALE is off by up to 33 output codes, above max-int16-error=2}}
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!quant.uniform<i8:f32, 0.05:7>>
  return %2 : tensor<8x!quant.uniform<i8:f32, 0.05:7>>
}

// A typical int16 island stays within the cap.
func.func @tanh16(%arg0: tensor<8x!quant.uniform<i16<-32767:32767>:f32, 0.000244140625>>) -> tensor<8x!quant.uniform<i16<-32767:32767>:f32, 0.000030518509475997192>> {
  %0 = quant.dcast %arg0 : tensor<8x!quant.uniform<i16<-32767:32767>:f32, 0.000244140625>> to tensor<8xf32>
  %1 = tosa.tanh %0 : (tensor<8xf32>) -> tensor<8xf32>
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!quant.uniform<i16<-32767:32767>:f32, 0.000030518509475997192>>
  return %2 : tensor<8x!quant.uniform<i16<-32767:32767>:f32, 0.000030518509475997192>>
}
