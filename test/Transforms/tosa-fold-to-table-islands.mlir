// Island structure: shared tables, values with users outside the island,
// constants of every accepted form, f16 inside an island, nested regions.

// RUN: lutfold-opt --split-input-file --tosa-fold-to-table %s | FileCheck %s

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

// Two islands with identical tables share one constant, placed at the start
// of the function; a third with other parameters gets its own, after it.
// CHECK-LABEL: func.func @shared_tables
// CHECK-NEXT:    %[[T0:.*]] = "tosa.const"() {{.*}} : () -> tensor<256xi8>
// CHECK-NEXT:    %[[T1:.*]] = "tosa.const"() {{.*}} : () -> tensor<256xi8>
// CHECK-NOT:     "tosa.const"
// CHECK:         tosa.table %{{.*}}, %[[T0]]
// CHECK:         tosa.table %{{.*}}, %[[T0]]
// CHECK:         tosa.table %{{.*}}, %[[T1]]
// CHECK-NOT:     tosa.sigmoid
func.func @shared_tables(%arg0: tensor<4x!in>, %arg1: tensor<4x!in>) -> (tensor<4x!out>, tensor<4x!out>, tensor<4x!quant.uniform<i8:f32, 0.0078125:-128>>) {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  %3 = quant.dcast %arg1 : tensor<4x!in> to tensor<4xf32>
  %4 = tosa.sigmoid %3 : (tensor<4xf32>) -> tensor<4xf32>
  %5 = quant.qcast %4 : tensor<4xf32> to tensor<4x!out>
  %6 = quant.qcast %4 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.0078125:-128>>
  return %2, %5, %6 : tensor<4x!out>, tensor<4x!out>, tensor<4x!quant.uniform<i8:f32, 0.0078125:-128>>
}

// Tables are shared within a function only.
// CHECK-LABEL: func.func @other_function
// CHECK-NEXT:    "tosa.const"() {{.*}} : () -> tensor<256xi8>
func.func @other_function(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.02:-10>

// silu whose sigmoid is also read outside the island: the sigmoid and its
// dequantize stay for that user, the multiply and its shift are gone.
// CHECK-LABEL: func.func @silu_with_outside_user
// CHECK-DAG:     %[[T:.*]] = "tosa.const"() {{.*}} : () -> tensor<256xi8>
// CHECK-DAG:     %[[DQ:.*]] = quant.dcast %arg0
// CHECK-DAG:     %[[SIG:.*]] = tosa.sigmoid %[[DQ]]
// CHECK-NOT:     tosa.mul
// CHECK-NOT:     tensor<1xi8>
// CHECK:         %[[L:.*]] = tosa.table %{{.*}}, %[[T]]
// CHECK:         %[[Q:.*]] = quant.scast %[[L]]
// CHECK:         return %[[Q]], %[[SIG]]
func.func @silu_with_outside_user(%arg0: tensor<2x4x!in>) -> (tensor<2x4x!out>, tensor<2x4xf32>) {
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = quant.dcast %arg0 : tensor<2x4x!in> to tensor<2x4xf32>
  %1 = tosa.sigmoid %0 : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %2 = tosa.mul %0, %1, %shift : (tensor<2x4xf32>, tensor<2x4xf32>, tensor<1xi8>) -> tensor<2x4xf32>
  %3 = quant.qcast %2 : tensor<2x4xf32> to tensor<2x4x!out>
  return %3, %1 : tensor<2x4x!out>, tensor<2x4xf32>
}

// A constant also read outside the island stays.
// CHECK-LABEL: func.func @constant_with_outside_user
// CHECK:         %[[C:.*]] = arith.constant dense<3.000000e+00> : tensor<1x1xf32>
// CHECK:         tosa.table
// CHECK-NOT:     tosa.add
// CHECK:         return %{{.*}}, %[[C]]
func.func @constant_with_outside_user(%arg0: tensor<2x4x!in>) -> (tensor<2x4x!out>, tensor<1x1xf32>) {
  %c3 = arith.constant dense<3.0> : tensor<1x1xf32>
  %0 = quant.dcast %arg0 : tensor<2x4x!in> to tensor<2x4xf32>
  %1 = tosa.add %0, %c3 : (tensor<2x4xf32>, tensor<1x1xf32>) -> tensor<2x4xf32>
  %2 = tosa.tanh %1 : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %3 = quant.qcast %2 : tensor<2x4xf32> to tensor<2x4x!out>
  return %3, %c3 : tensor<2x4x!out>, tensor<1x1xf32>
}

// Two dequantizes of the same value are one source.
// CHECK-LABEL: func.func @duplicate_dequantize
// CHECK-NOT:     quant.dcast
// CHECK:         tosa.table
// CHECK-NOT:     tosa.mul
func.func @duplicate_dequantize(%arg0: tensor<2x4x!in>) -> tensor<2x4x!out> {
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = quant.dcast %arg0 : tensor<2x4x!in> to tensor<2x4xf32>
  %1 = quant.dcast %arg0 : tensor<2x4x!in> to tensor<2x4xf32>
  %2 = tosa.mul %0, %1, %shift : (tensor<2x4xf32>, tensor<2x4xf32>, tensor<1xi8>) -> tensor<2x4xf32>
  %3 = quant.qcast %2 : tensor<2x4xf32> to tensor<2x4x!out>
  return %3 : tensor<2x4x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

// f16 inside the island; NEGATE with its zero points; scalar-shaped and
// rank-matched constants; an island in a nested region.
// CHECK-LABEL: func.func @half_precision_inside
// CHECK-NOT:     tosa.cast
// CHECK-NOT:     tosa.negate
// CHECK:         tosa.table
// CHECK-NOT:     tosa.sigmoid
func.func @half_precision_inside(%arg0: tensor<1x4x!in>) -> tensor<1x4x!out> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf16>}> : () -> tensor<1xf16>
  %0 = quant.dcast %arg0 : tensor<1x4x!in> to tensor<1x4xf32>
  %1 = tosa.cast %0 : (tensor<1x4xf32>) -> tensor<1x4xf16>
  %2 = tosa.negate %1, %zp, %zp : (tensor<1x4xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<1x4xf16>
  %3 = tosa.sigmoid %2 : (tensor<1x4xf16>) -> tensor<1x4xf16>
  %4 = tosa.cast %3 : (tensor<1x4xf16>) -> tensor<1x4xf32>
  %5 = quant.qcast %4 : tensor<1x4xf32> to tensor<1x4x!out>
  return %5 : tensor<1x4x!out>
}

// CHECK-LABEL: func.func @nested_region
// CHECK:         "tosa.const"() {{.*}} : () -> tensor<256xi8>
// CHECK:         tosa.cond_if
// CHECK:           tosa.table
// CHECK-NOT:       tosa.exp
func.func @nested_region(%arg0: tensor<4x!in>, %cond: tensor<i1>) -> tensor<4x!out> {
  %0 = tosa.cond_if %cond (%a = %arg0) : tensor<i1> (tensor<4x!in>) -> tensor<4x!out> {
  ^bb0(%a: tensor<4x!in>):
    %1 = quant.dcast %a : tensor<4x!in> to tensor<4xf32>
    %2 = tosa.exp %1 : (tensor<4xf32>) -> tensor<4xf32>
    %3 = quant.qcast %2 : tensor<4xf32> to tensor<4x!out>
    tosa.yield %3 : tensor<4x!out>
  } else {
  ^bb0(%a: tensor<4x!in>):
    %4 = quant.dcast %a : tensor<4x!in> to tensor<4xf32>
    %5 = tosa.exp %4 : (tensor<4xf32>) -> tensor<4xf32>
    %6 = quant.qcast %5 : tensor<4xf32> to tensor<4x!out>
    tosa.yield %6 : tensor<4x!out>
  }
  return %0 : tensor<4x!out>
}
