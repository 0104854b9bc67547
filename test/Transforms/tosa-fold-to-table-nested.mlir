// RUN: lutfold-opt --tosa-fold-to-table %s | FileCheck %s
// RUN: lutfold-opt --lutfold-pipeline %s | FileCheck %s
// RUN: lutfold-opt --lutfold-pipeline=report %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=REPORT

// The pass runs on any operation and reaches islands in nested modules; so
// does the pipeline.
// REPORT: remark: folded into a table: tosa.sigmoid;

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

// Islands in nested modules are found too.
// CHECK-LABEL: module @outer
// CHECK:         module @inner
// CHECK-LABEL:   func.func @nested
// CHECK:           tosa.table
// CHECK-NOT:       tosa.sigmoid
// CHECK-LABEL:   func.func @beside
// CHECK:           tosa.table
// CHECK-NOT:       tosa.tanh
// REPORT: remark: folded into a table: tosa.tanh;
module @outer {
  module @inner {
    func.func @nested(%arg0: tensor<8x!in>) -> tensor<8x!out> {
      %0 = quant.dcast %arg0 : tensor<8x!in> to tensor<8xf32>
      %1 = tosa.sigmoid %0 : (tensor<8xf32>) -> tensor<8xf32>
      %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!out>
      return %2 : tensor<8x!out>
    }
  }
  func.func @beside(%arg0: tensor<8x!in>) -> tensor<8x!out> {
    %0 = quant.dcast %arg0 : tensor<8x!in> to tensor<8xf32>
    %1 = tosa.tanh %0 : (tensor<8xf32>) -> tensor<8xf32>
    %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!out>
    return %2 : tensor<8x!out>
  }
}
