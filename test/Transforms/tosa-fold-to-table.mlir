// RUN: lutfold-opt --tosa-fold-to-table --split-input-file \
// RUN:   --mlir-print-elementsattrs-with-hex-if-larger=-1 %s | FileCheck %s
// RUN: lutfold-opt --pass-pipeline='builtin.module(func.func(tosa-fold-to-table))' \
// RUN:   --split-input-file --mlir-print-elementsattrs-with-hex-if-larger=-1 %s \
// RUN:   | FileCheck %s

// Expected tables are PyTorch eager's (unittests/data/pt2e_int8_tables.json),
// never LutFold's own output.

// PT2E's fixed sigmoid output parameters (scale 1/256, zero point -128).
!in = !quant.uniform<i8:f32, 0.15082236809057184>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

// Tables are placed at the start of the function body.
// CHECK-LABEL: func.func @sigmoid_pt2e
// CHECK-SAME:    %[[ARG:.*]]: tensor<1x8x!quant.uniform
// CHECK-NEXT:    %[[TABLE:.*]] = "tosa.const"() <{values = dense<[-128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -127, -127, -127, -127, -127, -127, -127, -126, -126, -126, -126, -125, -125, -124, -124, -123, -122, -121, -120, -119, -118, -116, -114, -112, -110, -107, -104, -100, -96, -92, -87, -82, -76, -69, -62, -54, -46, -37, -28, -19, -10, 0, 10, 19, 28, 37, 46, 54, 62, 69, 76, 82, 87, 92, 96, 100, 104, 107, 110, 112, 114, 116, 118, 119, 120, 121, 122, 123, 124, 124, 125, 125, 126, 126, 126, 126, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127]> : tensor<256xi8>}> : () -> tensor<256xi8>
// CHECK:         %[[IN:.*]] = quant.scast %[[ARG]] : tensor<1x8x!quant.uniform<i8:f32, {{.*}}>> to tensor<1x8xi8>
// CHECK:         %[[LOOKUP:.*]] = tosa.table %[[IN]], %[[TABLE]] : (tensor<1x8xi8>, tensor<256xi8>) -> tensor<1x8xi8>
// CHECK:         %[[OUT:.*]] = quant.scast %[[LOOKUP]] : tensor<1x8xi8> to tensor<1x8x!quant.uniform<i8:f32, 3.906250e-03:-128>>
// CHECK-NOT:     quant.dcast
// CHECK-NOT:     tosa.sigmoid
// CHECK-NOT:     quant.qcast
// CHECK:         return %[[OUT]]
func.func @sigmoid_pt2e(%arg0: tensor<1x8x!in>) -> tensor<1x8x!out> {
  %0 = quant.dcast %arg0 : tensor<1x8x!in> to tensor<1x8xf32>
  %1 = tosa.sigmoid %0 : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %2 = quant.qcast %1 : tensor<1x8xf32> to tensor<1x8x!out>
  return %2 : tensor<1x8x!out>
}

// -----

// ExecuTorch's Arm backend regression (fixed by its PR 18973): narrow input
// and output ranges. Code -128 lies below qmin = -127 and must read as -127,
// so the first two entries are equal; the entry for the zero-point code -17
// (index 111) is 0, the quantized sigmoid(0) = 0.5.
!in = !quant.uniform<i8<-127:127>:f32, 0.15988604724407196:-17>
!out = !quant.uniform<i8<-127:127>:f32, 0.0039350856095552444:-127>

// CHECK-LABEL: func.func @executorch_narrow_range
// CHECK:         "tosa.const"() <{values = dense<[-127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -126, -126, -126, -126, -126, -126, -125, -125, -125, -125, -124, -124, -123, -122, -122, -121, -120, -118, -117, -115, -113, -111, -109, -106, -103, -99, -94, -90, -84, -78, -72, -64, -57, -48, -39, -30, -20, -10, 0, 10, 20, 30, 39, 48, 57, 65, 72, 78, 84, 90, 95, 99, 103, 106, 109, 111, 114, 115, 117, 119, 120, 121, 122, 123, 123, 124, 124, 125, 125, 125, 126, 126, 126, 126, 126, 126, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127]> : tensor<256xi8>}>
// CHECK:         tosa.table
// CHECK-NOT:     tosa.sigmoid
func.func @executorch_narrow_range(%arg0: tensor<16x!in>) -> tensor<16x!out> {
  %0 = quant.dcast %arg0 : tensor<16x!in> to tensor<16xf32>
  %1 = tosa.sigmoid %0 : (tensor<16xf32>) -> tensor<16xf32>
  %2 = quant.qcast %1 : tensor<16xf32> to tensor<16x!out>
  return %2 : tensor<16x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

// CHECK-LABEL: func.func @rank0
// CHECK:         %[[IN:.*]] = quant.scast %{{.*}} to tensor<i8>
// CHECK:         %[[LOOKUP:.*]] = tosa.table %[[IN]], %{{.*}} : (tensor<i8>, tensor<256xi8>) -> tensor<i8>
// CHECK:         quant.scast %[[LOOKUP]] : tensor<i8> to tensor<!quant.uniform
// CHECK-NOT:     tosa.sigmoid
func.func @rank0(%arg0: tensor<!in>) -> tensor<!out> {
  %0 = quant.dcast %arg0 : tensor<!in> to tensor<f32>
  %1 = tosa.sigmoid %0 : (tensor<f32>) -> tensor<f32>
  %2 = quant.qcast %1 : tensor<f32> to tensor<!out>
  return %2 : tensor<!out>
}

// CHECK-LABEL: func.func @rank4
// CHECK:         tosa.table %{{.*}}, %{{.*}} : (tensor<1x7x7x32xi8>, tensor<256xi8>) -> tensor<1x7x7x32xi8>
// CHECK-NOT:     tosa.sigmoid
func.func @rank4(%arg0: tensor<1x7x7x32x!in>) -> tensor<1x7x7x32x!out> {
  %0 = quant.dcast %arg0 : tensor<1x7x7x32x!in> to tensor<1x7x7x32xf32>
  %1 = tosa.sigmoid %0 : (tensor<1x7x7x32xf32>) -> tensor<1x7x7x32xf32>
  %2 = quant.qcast %1 : tensor<1x7x7x32xf32> to tensor<1x7x7x32x!out>
  return %2 : tensor<1x7x7x32x!out>
}

// CHECK-LABEL: func.func @dynamic
// CHECK:         tosa.table %{{.*}}, %{{.*}} : (tensor<?x3x?xi8>, tensor<256xi8>) -> tensor<?x3x?xi8>
// CHECK:         quant.scast %{{.*}} : tensor<?x3x?xi8> to tensor<?x3x?x!quant.uniform
// CHECK-NOT:     tosa.sigmoid
func.func @dynamic(%arg0: tensor<?x3x?x!in>) -> tensor<?x3x?x!out> {
  %0 = quant.dcast %arg0 : tensor<?x3x?x!in> to tensor<?x3x?xf32>
  %1 = tosa.sigmoid %0 : (tensor<?x3x?xf32>) -> tensor<?x3x?xf32>
  %2 = quant.qcast %1 : tensor<?x3x?xf32> to tensor<?x3x?x!out>
  return %2 : tensor<?x3x?x!out>
}

// TABLE's result keeps its input's shape; the refined shape of the sigmoid
// result is restored with a tensor.cast.
// CHECK-LABEL: func.func @refined_result_shape
// CHECK:         %[[LOOKUP:.*]] = tosa.table %{{.*}}, %{{.*}} : (tensor<?x4xi8>, tensor<256xi8>) -> tensor<?x4xi8>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[LOOKUP]] : tensor<?x4xi8> to tensor<2x4xi8>
// CHECK:         quant.scast %[[CAST]] : tensor<2x4xi8> to tensor<2x4x!quant.uniform
func.func @refined_result_shape(%arg0: tensor<?x4x!in>) -> tensor<2x4x!out> {
  %0 = quant.dcast %arg0 : tensor<?x4x!in> to tensor<?x4xf32>
  %1 = tosa.sigmoid %0 : (tensor<?x4xf32>) -> tensor<2x4xf32>
  %2 = quant.qcast %1 : tensor<2x4xf32> to tensor<2x4x!out>
  return %2 : tensor<2x4x!out>
}

// -----

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

// The dequantized value has another user: it stays for that user only.
// CHECK-LABEL: func.func @dcast_has_other_user
// CHECK-SAME:    %[[ARG:.*]]: tensor<8x!quant.uniform
// CHECK:         %[[DQ:.*]] = quant.dcast %[[ARG]]
// CHECK:         %[[LOOKUP:.*]] = tosa.table
// CHECK:         %[[OUT:.*]] = quant.scast %[[LOOKUP]]
// CHECK-NOT:     tosa.sigmoid
// CHECK-NOT:     quant.qcast
// CHECK:         return %[[OUT]], %[[DQ]]
func.func @dcast_has_other_user(%arg0: tensor<8x!in>) -> (tensor<8x!out>, tensor<8xf32>) {
  %0 = quant.dcast %arg0 : tensor<8x!in> to tensor<8xf32>
  %1 = tosa.sigmoid %0 : (tensor<8xf32>) -> tensor<8xf32>
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!out>
  return %2, %0 : tensor<8x!out>, tensor<8xf32>
}

// The float sigmoid has another user: it and its dcast stay for that user.
// CHECK-LABEL: func.func @sigmoid_has_other_user
// CHECK:         %[[DQ:.*]] = quant.dcast
// CHECK:         %[[SIG:.*]] = tosa.sigmoid %[[DQ]]
// CHECK:         %[[LOOKUP:.*]] = tosa.table
// CHECK:         %[[OUT:.*]] = quant.scast %[[LOOKUP]]
// CHECK-NOT:     quant.qcast
// CHECK:         return %[[OUT]], %[[SIG]]
func.func @sigmoid_has_other_user(%arg0: tensor<8x!in>) -> (tensor<8x!out>, tensor<8xf32>) {
  %0 = quant.dcast %arg0 : tensor<8x!in> to tensor<8xf32>
  %1 = tosa.sigmoid %0 : (tensor<8xf32>) -> tensor<8xf32>
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!out>
  return %2, %1 : tensor<8x!out>, tensor<8xf32>
}

// Two quantizes of one sigmoid: one storage cast of the input, two tables.
// CHECK-LABEL: func.func @two_quantizes
// CHECK:         %[[IN:.*]] = quant.scast
// CHECK-NOT:     quant.scast %arg0
// CHECK:         %[[T1:.*]] = tosa.table %[[IN]]
// CHECK:         %[[Q1:.*]] = quant.scast %[[T1]] : tensor<8xi8> to tensor<8x!quant.uniform<i8:f32, 3.906250e-03:-128>>
// CHECK:         %[[T2:.*]] = tosa.table %[[IN]]
// CHECK:         %[[Q2:.*]] = quant.scast %[[T2]] : tensor<8xi8> to tensor<8x!quant.uniform<i8<-127:127>:f32, 0.0078740157480314959>>
// CHECK-NOT:     tosa.sigmoid
// CHECK:         return %[[Q1]], %[[Q2]]
func.func @two_quantizes(%arg0: tensor<8x!in>) -> (tensor<8x!out>, tensor<8x!quant.uniform<i8<-127:127>:f32, 0.007874015748031496>>) {
  %0 = quant.dcast %arg0 : tensor<8x!in> to tensor<8xf32>
  %1 = tosa.sigmoid %0 : (tensor<8xf32>) -> tensor<8xf32>
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!out>
  %3 = quant.qcast %1 : tensor<8xf32> to tensor<8x!quant.uniform<i8<-127:127>:f32, 0.007874015748031496>>
  return %2, %3 : tensor<8x!out>, tensor<8x!quant.uniform<i8<-127:127>:f32, 0.007874015748031496>>
}
