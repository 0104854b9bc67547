// --lutfold-pipeline composes what the fold leaves: two islands in a row
// become two tables on the storage values, then one table; a fused ReLU
// (an i8 clamp on the storage) after them joins too. With
// compose-tables=false the tables stay apart.

// RUN: lutfold-opt --lutfold-pipeline %s | FileCheck %s
// RUN: lutfold-opt --lutfold-pipeline="compose-tables=false" %s \
// RUN:   | FileCheck %s --check-prefix=APART
// The composed table is the two folded tables composed, then clamped: the
// fold alone followed by the compose pass gives the same module.
// RUN: lutfold-opt --tosa-fold-to-table --tosa-compose-tables %s > %t.twopass
// RUN: lutfold-opt --lutfold-pipeline %s > %t.pipeline
// RUN: diff %t.twopass %t.pipeline

// CHECK-LABEL: func.func @two_islands
// CHECK-COUNT-1: tosa.table
// CHECK-NOT: tosa.table
// CHECK-NOT: tosa.clamp
// APART-LABEL: func.func @two_islands
// APART-COUNT-2: tosa.table
// APART: tosa.clamp
func.func @two_islands(%arg0: tensor<16x!quant.uniform<i8:f32, 0.05:-3>>)
    -> tensor<16xi8> {
  %0 = quant.dcast %arg0 : tensor<16x!quant.uniform<i8:f32, 0.05:-3>> to tensor<16xf32>
  %1 = tosa.sigmoid %0 : (tensor<16xf32>) -> tensor<16xf32>
  %2 = quant.qcast %1 : tensor<16xf32> to tensor<16x!quant.uniform<i8:f32, 0.00390625:-128>>
  %3 = quant.dcast %2 : tensor<16x!quant.uniform<i8:f32, 0.00390625:-128>> to tensor<16xf32>
  %4 = tosa.tanh %3 : (tensor<16xf32>) -> tensor<16xf32>
  %5 = quant.qcast %4 : tensor<16xf32> to tensor<16x!quant.uniform<i8:f32, 0.0078125>>
  %6 = quant.scast %5 : tensor<16x!quant.uniform<i8:f32, 0.0078125>> to tensor<16xi8>
  %7 = tosa.clamp %6 {min_val = 0 : i8, max_val = 100 : i8} : (tensor<16xi8>) -> tensor<16xi8>
  return %7 : tensor<16xi8>
}
