// The folded IR passes upstream TOSA validation for an integer-only target,
// while the float island it replaces does not.

// RUN: lutfold-opt --tosa-fold-to-table %s | mlir-opt --tosa-validate | FileCheck %s
// RUN: lutfold-opt --tosa-fold-to-table %s \
// RUN:   | mlir-opt --tosa-attach-target="profiles=pro_int" \
// RUN:     --tosa-validate="strict-op-spec-alignment" | FileCheck %s
// RUN: not mlir-opt --tosa-attach-target="profiles=pro_int" \
// RUN:   --tosa-validate="strict-op-spec-alignment" %s \
// RUN:   2>&1 | FileCheck %s --check-prefix=FLOAT

// FLOAT: 'tosa.sigmoid' op illegal: requires [pro_fp] but not enabled in target

!in = !quant.uniform<i8<-127:127>:f32, 0.15988604724407196:-17>
!out = !quant.uniform<i8<-127:127>:f32, 0.0039350856095552444:-127>
!pt2e = !quant.uniform<i8:f32, 0.00390625:-128>

// CHECK-LABEL: func.func @rank4
// CHECK:         tosa.table
// CHECK-NOT:     tosa.sigmoid
func.func @rank4(%arg0: tensor<1x8x8x16x!in>) -> tensor<1x8x8x16x!out> {
  %0 = quant.dcast %arg0 : tensor<1x8x8x16x!in> to tensor<1x8x8x16xf32>
  %1 = tosa.sigmoid %0 : (tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  %2 = quant.qcast %1 : tensor<1x8x8x16xf32> to tensor<1x8x8x16x!out>
  return %2 : tensor<1x8x8x16x!out>
}

// CHECK-LABEL: func.func @rank0
// CHECK:         tosa.table
// CHECK-NOT:     tosa.sigmoid
func.func @rank0(%arg0: tensor<!in>) -> tensor<!pt2e> {
  %0 = quant.dcast %arg0 : tensor<!in> to tensor<f32>
  %1 = tosa.sigmoid %0 : (tensor<f32>) -> tensor<f32>
  %2 = quant.qcast %1 : tensor<f32> to tensor<!pt2e>
  return %2 : tensor<!pt2e>
}
