// RUN: lutfold-opt --tosa-fold-to-table %s | FileCheck %s

// The pass runs on any operation and reaches islands in nested modules.

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

// Islands in nested modules are found too.
// CHECK-LABEL: module @outer
// CHECK:         module @inner
// CHECK-LABEL:   func.func @nested
// CHECK:           tosa.table
// CHECK-NOT:       tosa.sigmoid
module @outer {
  module @inner {
    func.func @nested(%arg0: tensor<8x!in>) -> tensor<8x!out> {
      %0 = quant.dcast %arg0 : tensor<8x!in> to tensor<8xf32>
      %1 = tosa.sigmoid %0 : (tensor<8xf32>) -> tensor<8xf32>
      %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!out>
      return %2 : tensor<8x!out>
    }
  }
}
