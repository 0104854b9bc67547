// max-error: a fold that is not exact (int16 TABLE + RESCALE) whose output
// is off by more output codes on some input code is declined, with the error
// reached. By default the cap is one 64th of the output range: 4 codes for
// i8 outputs, 1024 for i16 ones. log from i16 with a 0.001 scale to i8
// 0.05:7 reaches 33 codes where log falls towards -inf (its 32768 NaN codes
// are not counted); typical activations stay within the default.

// RUN: lutfold-opt --split-input-file --verify-diagnostics \
// RUN:   --tosa-fold-to-table="report-declined=true" %s | FileCheck %s --check-prefix=DEFAULT
// RUN: lutfold-opt --split-input-file --tosa-fold-to-table="max-error=2 report-declined=true" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CAPPED
// max-int16-error is the option's former name.
// RUN: lutfold-opt --split-input-file --tosa-fold-to-table="max-int16-error=2 report-declined=true" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CAPPED
// RUN: lutfold-opt --split-input-file --tosa-fold-to-table="max-error=33 report-folded=true" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WITHIN
// RUN: not lutfold-opt --tosa-fold-to-table="max-error=-2" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=INVALID

// CAPPED: remark: not folded into a table: TABLE + RESCALE is off by up to 33 output codes, above max-error=2
// CAPPED: remark: not folded into a table: TABLE + RESCALE is off by up to {{[0-9]+}} output codes, above max-error=2
// CAPPED-NOT: remark: not folded
// WITHIN: remark: folded into a table: tosa.log; {{.*}}; TABLE + RESCALE, error at most 33 output codes, mean 0.0529 (32768 NaN codes not counted); new table
// WITHIN: remark: folded into a table: tosa.tanh; {{.*}}; TABLE + RESCALE, error at most {{[12]}} output codes
// INVALID: max-error must be -1 (the default cap) or a number of output codes >= 0

// DEFAULT-LABEL: func.func @log16
// DEFAULT:         tosa.log
// DEFAULT-NOT:     tosa.table
func.func @log16(%arg0: tensor<8x!quant.uniform<i16:f32, 0.001>>) -> tensor<8x!quant.uniform<i8:f32, 0.05:7>> {
  %0 = quant.dcast %arg0 : tensor<8x!quant.uniform<i16:f32, 0.001>> to tensor<8xf32>
  %1 = tosa.log %0 : (tensor<8xf32>) -> tensor<8xf32>
  // expected-remark@+1 {{not folded into a table: TABLE + RESCALE is off by up to 33 output codes, above the default cap of 4 codes (one 64th of the output range; max-error sets it)}}
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!quant.uniform<i8:f32, 0.05:7>>
  return %2 : tensor<8x!quant.uniform<i8:f32, 0.05:7>>
}

// -----

// A typical int16 island stays within every cap here.
// DEFAULT-LABEL: func.func @tanh16
// DEFAULT:         tosa.table
// DEFAULT-NOT:     tosa.tanh
func.func @tanh16(%arg0: tensor<8x!quant.uniform<i16<-32767:32767>:f32, 0.000244140625>>) -> tensor<8x!quant.uniform<i16<-32767:32767>:f32, 0.000030518509475997192>> {
  %0 = quant.dcast %arg0 : tensor<8x!quant.uniform<i16<-32767:32767>:f32, 0.000244140625>> to tensor<8xf32>
  %1 = tosa.tanh %0 : (tensor<8xf32>) -> tensor<8xf32>
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!quant.uniform<i16<-32767:32767>:f32, 0.000030518509475997192>>
  return %2 : tensor<8x!quant.uniform<i16<-32767:32767>:f32, 0.000030518509475997192>>
}

// -----

// A reciprocal from int16 to int16 whose output range is 1/x's over the
// input codes: the pole at 0 puts TABLE + RESCALE tens of thousands of codes
// off near it, far above the default cap of 1024 codes for i16 outputs.
// DEFAULT-LABEL: func.func @reciprocal16
// DEFAULT:         tosa.reciprocal
// DEFAULT-NOT:     tosa.table
func.func @reciprocal16(%arg0: tensor<8x!quant.uniform<i16:f32, 0.001>>) -> tensor<8x!quant.uniform<i16:f32, 0.0305>> {
  %0 = quant.dcast %arg0 : tensor<8x!quant.uniform<i16:f32, 0.001>> to tensor<8xf32>
  %1 = tosa.reciprocal %0 : (tensor<8xf32>) -> tensor<8xf32>
  // expected-remark@+1 {{not folded into a table: TABLE + RESCALE is off by up to}}
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!quant.uniform<i16:f32, 0.0305>>
  return %2 : tensor<8x!quant.uniform<i16:f32, 0.0305>>
}

// The pipeline applies the same cap, and passes max-error on.
// RUN: lutfold-opt --split-input-file --lutfold-pipeline %s | FileCheck %s --check-prefix=DEFAULT
// RUN: lutfold-opt --split-input-file --lutfold-pipeline="max-error=65535" %s \
// RUN:   | FileCheck %s --check-prefix=UNCAPPED
// UNCAPPED-LABEL: func.func @log16
// UNCAPPED-NOT:     tosa.log
// UNCAPPED-LABEL: func.func @reciprocal16
// UNCAPPED-NOT:     tosa.reciprocal
