// A module as exporters write it: ml_program globals, linalg and arith
// beside the quantized islands, and a nested module. lutfold-opt loads every
// upstream dialect; the fold and the pipeline reach every island and leave
// the rest as it was.

// RUN: lutfold-opt --tosa-fold-to-table %s | FileCheck %s
// RUN: lutfold-opt --lutfold-pipeline %s | FileCheck %s
// RUN: lutfold-opt --tosa-fold-to-table %s | lutfold-opt | FileCheck %s

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

// CHECK: ml_program.global private mutable @state(dense<0.000000e+00> : tensor<4xf32>)
ml_program.global private mutable @state(dense<0.0> : tensor<4xf32>) : tensor<4xf32>

// CHECK-LABEL: func.func @main
// CHECK:         ml_program.global_load @state
// CHECK:         linalg.generic
// CHECK:         tosa.table
// CHECK-NOT:     tosa.sigmoid
// CHECK:         ml_program.global_store @state
func.func @main(%arg0: tensor<4x!in>, %arg1: tensor<4xf32>) -> (tensor<4x!out>, tensor<4xf32>) {
  %s = ml_program.global_load @state : tensor<4xf32>
  %init = tensor.empty() : tensor<4xf32>
  %sum = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>],
                         iterator_types = ["parallel"]}
      ins(%s, %arg1 : tensor<4xf32>, tensor<4xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %c = arith.addf %a, %b : f32
    linalg.yield %c : f32
  } -> tensor<4xf32>
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  ml_program.global_store @state = %sum : tensor<4xf32>
  return %2, %sum : tensor<4x!out>, tensor<4xf32>
}

// CHECK-LABEL: module @weights
// CHECK-LABEL:   func.func @nested
// CHECK:           tosa.table
// CHECK-NOT:       tosa.tanh
module @weights {
  func.func @nested(%arg0: tensor<4x!in>) -> tensor<4x!out> {
    %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
    %1 = tosa.tanh %0 : (tensor<4xf32>) -> tensor<4xf32>
    %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
    return %2 : tensor<4x!out>
  }
}
