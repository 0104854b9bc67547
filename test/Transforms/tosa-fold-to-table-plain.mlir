// Plain-TOSA islands, as torch-mlir and TensorFlow's TFL->TOSA legalization
// spell quantization: an i8 tensor enters through tosa.cast and leaves
// through a tosa.cast to i8. With full ranges both encodings compute exactly
// PT2E's quantize(sigmoid(dequantize(c))), so the expected table is PyTorch
// eager's (unittests/data/pt2e_int8_tables.json: input scale
// 0.15082236809057184, zero point 0; output scale 1/256, zero point -128).

// RUN: lutfold-opt --split-input-file --tosa-fold-to-table \
// RUN:   --mlir-print-elementsattrs-with-hex-if-larger=-1 %s | FileCheck %s
// RUN: lutfold-opt --split-input-file --tosa-fold-to-table %s \
// RUN:   | mlir-opt --tosa-attach-target="specification_version=1.1.draft profiles=pro_int extensions=dynamic" \
// RUN:     --tosa-validate > /dev/null

// torch-mlir: cast i8->i32, sub zp, cast i32->f32, mul scale; mul 1/scale,
// round half to even from floor/ceil/equal/greater/logical ops/select, add
// zp, clamp, cast f32->i8.
// CHECK-LABEL: func.func @torch_sigmoid(
// CHECK-SAME:      %[[ARG:.*]]: tensor<2x8xi8>)
// CHECK-NEXT:    %[[T:.*]] = "tosa.const"() <{values = dense<[-128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -127, -127, -127, -127, -127, -127, -127, -126, -126, -126, -126, -125, -125, -124, -124, -123, -122, -121, -120, -119, -118, -116, -114, -112, -110, -107, -104, -100, -96, -92, -87, -82, -76, -69, -62, -54, -46, -37, -28, -19, -10, 0, 10, 19, 28, 37, 46, 54, 62, 69, 76, 82, 87, 92, 96, 100, 104, 107, 110, 112, 114, 116, 118, 119, 120, 121, 122, 123, 124, 124, 125, 125, 126, 126, 126, 126, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127]> : tensor<256xi8>}>
// CHECK-NEXT:    %[[L:.*]] = tosa.table %[[ARG]], %[[T]] : (tensor<2x8xi8>, tensor<256xi8>) -> tensor<2x8xi8>
// CHECK-NEXT:    return %[[L]] : tensor<2x8xi8>
func.func @torch_sigmoid(%arg0: tensor<2x8xi8>) -> tensor<2x8xi8> {
  %zp_in = "tosa.const"() <{values = dense<0> : tensor<1x1xi32>}> : () -> tensor<1x1xi32>
  %scale = "tosa.const"() <{values = dense<0.15082236809057184> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  %inv = "tosa.const"() <{values = dense<256.0> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  %half = "tosa.const"() <{values = dense<0.5> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  %zp_out = "tosa.const"() <{values = dense<-128.0> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.cast %arg0 : (tensor<2x8xi8>) -> tensor<2x8xi32>
  %1 = tosa.sub %0, %zp_in : (tensor<2x8xi32>, tensor<1x1xi32>) -> tensor<2x8xi32>
  %2 = tosa.cast %1 : (tensor<2x8xi32>) -> tensor<2x8xf32>
  %3 = tosa.mul %2, %scale, %shift : (tensor<2x8xf32>, tensor<1x1xf32>, tensor<1xi8>) -> tensor<2x8xf32>
  %4 = tosa.sigmoid %3 : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %5 = tosa.mul %4, %inv, %shift : (tensor<2x8xf32>, tensor<1x1xf32>, tensor<1xi8>) -> tensor<2x8xf32>
  %6 = tosa.floor %5 : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %7 = tosa.ceil %5 : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %8 = tosa.sub %5, %6 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %9 = tosa.equal %8, %half : (tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xi1>
  %10 = tosa.greater %8, %half : (tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xi1>
  %11 = tosa.mul %6, %half, %shift : (tensor<2x8xf32>, tensor<1x1xf32>, tensor<1xi8>) -> tensor<2x8xf32>
  %12 = tosa.floor %11 : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %13 = tosa.equal %11, %12 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xi1>
  %14 = tosa.logical_not %13 : (tensor<2x8xi1>) -> tensor<2x8xi1>
  %15 = tosa.logical_and %9, %14 : (tensor<2x8xi1>, tensor<2x8xi1>) -> tensor<2x8xi1>
  %16 = tosa.logical_or %10, %15 : (tensor<2x8xi1>, tensor<2x8xi1>) -> tensor<2x8xi1>
  %17 = tosa.select %16, %7, %6 : (tensor<2x8xi1>, tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %18 = tosa.add %17, %zp_out : (tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  %19 = tosa.clamp %18 {min_val = -128.0 : f32, max_val = 127.0 : f32} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %20 = tosa.cast %19 : (tensor<2x8xf32>) -> tensor<2x8xi8>
  return %20 : tensor<2x8xi8>
}

// -----

// TensorFlow: cast i8->f32, sub zp, mul scale; mul 1/scale, add zp, cast
// f32->i8 (which rounds half to even and saturates). Rank 4.
// CHECK-LABEL: func.func @tf_sigmoid(
// CHECK-SAME:      %[[ARG:.*]]: tensor<1x4x4x8xi8>)
// CHECK-NEXT:    %[[T:.*]] = "tosa.const"() <{values = dense<[-128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -127, -127, -127, -127, -127, -127, -127, -126, -126, -126, -126, -125, -125, -124, -124, -123, -122, -121, -120, -119, -118, -116, -114, -112, -110, -107, -104, -100, -96, -92, -87, -82, -76, -69, -62, -54, -46, -37, -28, -19, -10, 0, 10, 19, 28, 37, 46, 54, 62, 69, 76, 82, 87, 92, 96, 100, 104, 107, 110, 112, 114, 116, 118, 119, 120, 121, 122, 123, 124, 124, 125, 125, 126, 126, 126, 126, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127]> : tensor<256xi8>}>
// CHECK-NEXT:    %[[L:.*]] = tosa.table %[[ARG]], %[[T]]
// CHECK-NEXT:    return %[[L]]
func.func @tf_sigmoid(%arg0: tensor<1x4x4x8xi8>) -> tensor<1x4x4x8xi8> {
  %zp_in = "tosa.const"() <{values = dense<0.0> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32>
  %scale = "tosa.const"() <{values = dense<0.15082236809057184> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32>
  %inv = "tosa.const"() <{values = dense<256.0> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32>
  %zp_out = "tosa.const"() <{values = dense<-128.0> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.cast %arg0 : (tensor<1x4x4x8xi8>) -> tensor<1x4x4x8xf32>
  %1 = tosa.sub %0, %zp_in : (tensor<1x4x4x8xf32>, tensor<1x1x1x1xf32>) -> tensor<1x4x4x8xf32>
  %2 = tosa.mul %1, %scale, %shift : (tensor<1x4x4x8xf32>, tensor<1x1x1x1xf32>, tensor<1xi8>) -> tensor<1x4x4x8xf32>
  %3 = tosa.sigmoid %2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %4 = tosa.mul %3, %inv, %shift : (tensor<1x4x4x8xf32>, tensor<1x1x1x1xf32>, tensor<1xi8>) -> tensor<1x4x4x8xf32>
  %5 = tosa.add %4, %zp_out : (tensor<1x4x4x8xf32>, tensor<1x1x1x1xf32>) -> tensor<1x4x4x8xf32>
  %6 = tosa.cast %5 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xi8>
  return %6 : tensor<1x4x4x8xi8>
}

// -----

// Dynamic shapes, rank 1.
// CHECK-LABEL: func.func @tf_sigmoid_dynamic(
// CHECK-NEXT:    %[[T:.*]] = "tosa.const"() <{values = dense<[-128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -127, -127, -127, -127, -127, -127, -127, -126, -126, -126, -126, -125, -125, -124, -124, -123, -122, -121, -120, -119, -118, -116, -114, -112, -110, -107, -104, -100, -96, -92, -87, -82, -76, -69, -62, -54, -46, -37, -28, -19, -10, 0, 10, 19, 28, 37, 46, 54, 62, 69, 76, 82, 87, 92, 96, 100, 104, 107, 110, 112, 114, 116, 118, 119, 120, 121, 122, 123, 124, 124, 125, 125, 126, 126, 126, 126, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127]> : tensor<256xi8>}>
// CHECK-NEXT:    %[[L:.*]] = tosa.table %arg0, %[[T]] : (tensor<?xi8>, tensor<256xi8>) -> tensor<?xi8>
// CHECK-NEXT:    return %[[L]]
func.func @tf_sigmoid_dynamic(%arg0: tensor<?xi8>) -> tensor<?xi8> {
  %zp_in = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %scale = "tosa.const"() <{values = dense<0.15082236809057184> : tensor<1xf32>}> : () -> tensor<1xf32>
  %inv = "tosa.const"() <{values = dense<256.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %zp_out = "tosa.const"() <{values = dense<-128.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.cast %arg0 : (tensor<?xi8>) -> tensor<?xf32>
  %1 = tosa.sub %0, %zp_in : (tensor<?xf32>, tensor<1xf32>) -> tensor<?xf32>
  %2 = tosa.mul %1, %scale, %shift : (tensor<?xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<?xf32>
  %3 = tosa.sigmoid %2 : (tensor<?xf32>) -> tensor<?xf32>
  %4 = tosa.mul %3, %inv, %shift : (tensor<?xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<?xf32>
  %5 = tosa.add %4, %zp_out : (tensor<?xf32>, tensor<1xf32>) -> tensor<?xf32>
  %6 = tosa.cast %5 : (tensor<?xf32>) -> tensor<?xi8>
  return %6 : tensor<?xi8>
}

// -----

// The dequantizing cast also feeds an integer path (a convolution's
// accumulator, say): that path keeps its cast; only the island goes.
// CHECK-LABEL: func.func @source_cast_with_integer_user(
// CHECK:         %[[WIDE:.*]] = tosa.cast %arg0 : (tensor<1x8xi8>) -> tensor<1x8xi32>
// CHECK:         %[[L:.*]] = tosa.table %arg0
// CHECK-NOT:     tosa.sigmoid
// CHECK:         return %[[L]], %[[WIDE]]
func.func @source_cast_with_integer_user(%arg0: tensor<1x8xi8>) -> (tensor<1x8xi8>, tensor<1x8xi32>) {
  %zp_in = "tosa.const"() <{values = dense<3> : tensor<1x1xi32>}> : () -> tensor<1x1xi32>
  %scale = "tosa.const"() <{values = dense<0.05> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  %inv = "tosa.const"() <{values = dense<256.0> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.cast %arg0 : (tensor<1x8xi8>) -> tensor<1x8xi32>
  %1 = tosa.sub %0, %zp_in : (tensor<1x8xi32>, tensor<1x1xi32>) -> tensor<1x8xi32>
  %2 = tosa.cast %1 : (tensor<1x8xi32>) -> tensor<1x8xf32>
  %3 = tosa.mul %2, %scale, %shift : (tensor<1x8xf32>, tensor<1x1xf32>, tensor<1xi8>) -> tensor<1x8xf32>
  %4 = tosa.tanh %3 : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %5 = tosa.mul %4, %inv, %shift : (tensor<1x8xf32>, tensor<1x1xf32>, tensor<1xi8>) -> tensor<1x8xf32>
  %6 = tosa.cast %5 : (tensor<1x8xf32>) -> tensor<1x8xi8>
  return %6, %0 : tensor<1x8xi8>, tensor<1x8xi32>
}

// -----

// Two islands back to back: each quantizing cast ends one, and the second
// starts at the first one's i8 result.
// CHECK-LABEL: func.func @chained(
// CHECK-DAG:     %[[T1:.*]] = "tosa.const"() {{.*}} : () -> tensor<256xi8>
// CHECK-DAG:     %[[T2:.*]] = "tosa.const"() {{.*}} : () -> tensor<256xi8>
// CHECK:         %[[A:.*]] = tosa.table %arg0, %[[T1]]
// CHECK-NEXT:    %[[B:.*]] = tosa.table %[[A]], %[[T2]]
// CHECK-NEXT:    return %[[B]]
func.func @chained(%arg0: tensor<8xi8>) -> tensor<8xi8> {
  %scale = "tosa.const"() <{values = dense<0.0625> : tensor<1xf32>}> : () -> tensor<1xf32>
  %inv = "tosa.const"() <{values = dense<64.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.cast %arg0 : (tensor<8xi8>) -> tensor<8xf32>
  %1 = tosa.mul %0, %scale, %shift : (tensor<8xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<8xf32>
  %2 = tosa.tanh %1 : (tensor<8xf32>) -> tensor<8xf32>
  %3 = tosa.mul %2, %inv, %shift : (tensor<8xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<8xf32>
  %4 = tosa.cast %3 : (tensor<8xf32>) -> tensor<8xi8>
  %5 = tosa.cast %4 : (tensor<8xi8>) -> tensor<8xf32>
  %6 = tosa.mul %5, %scale, %shift : (tensor<8xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<8xf32>
  %7 = tosa.exp %6 : (tensor<8xf32>) -> tensor<8xf32>
  %8 = tosa.mul %7, %inv, %shift : (tensor<8xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<8xf32>
  %9 = tosa.cast %8 : (tensor<8xf32>) -> tensor<8xi8>
  return %9 : tensor<8xi8>
}
