// NaN results of an int16 island get the output zero point as their
// reference, and a remark names the operation that produces them. log near
// 0 is far from what TABLE + RESCALE can follow, so the cap is lifted here:
// by default this island is declined (tosa-fold-to-table-max-error.mlir).

// RUN: lutfold-opt --verify-diagnostics --tosa-fold-to-table="max-error=65535" %s \
// RUN:   | FileCheck %s

!in = !quant.uniform<i16:f32, 0.001>
!out = !quant.uniform<i16:f32, 0.001:7>

// CHECK-LABEL: func.func @log_nan
// CHECK:         tosa.table
// CHECK-NOT:     tosa.log
func.func @log_nan(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  // expected-remark@+1 {{'tosa.log' gives NaN for input codes -32768..-1; the table aims them at output code 7 (the output zero point)}}
  %1 = tosa.log %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}
