// Islands as real exporters spell per-tensor int8 quantization in TOSA,
// around sigmoid, tanh, exp and two composites (SiLU, hardswish), with
// non-zero zero points. Each function maps the 256 i8 codes to i8 codes.
//
//  onnx_*         onnx-mlir, src/Conversion/ONNXToTOSA/NN/DequantizeLinear.cpp
//                 and QuantizeLinear.cpp (the matchAndRewrite of
//                 ONNXDequantizeLinearOpLoweringToTOSA and
//                 ONNXQuantizeLinearOpLoweringToTOSA): the i8 zero points
//                 cast to f32 and i32, the reciprocal of the scale taken by
//                 tosa.reciprocal, rounding by the cast to i32, an i32 clamp.
//  onnxold_*      onnx-mlir's earlier emission of the same two lowerings, as
//                 its tests test/mlir/conversion/onnx_to_tosa/NN/
//                 {De,}QuantizeLinear.mlir showed it: the zero point
//                 subtracted in i8 before tosa.cast, added in i8 after the
//                 cast to i8.
//  tf_*           TensorFlow's TFL->TOSA legalization,
//                 tensorflow/compiler/mlir/tosa/transforms/legalize_common.cc
//                 (convertDequantizeOp: cast, sub zero point, mul scale;
//                 convertQuantizeOp: mul 1/scale, add zero point, cast).
//  torch_*        PT2E's quantized_decomposed quantize/dequantize spelled in
//                 TOSA as torch-mlir's TorchToTosa lowering composes them:
//                 i32 arithmetic on the codes, round half to even from
//                 floor/ceil/select, clamp to [qmin, qmax].
//  torchint_*     the same rounding with a cast to i32 and an i32 clamp.
//
// Written by utils/island_cases.py's encodings of those spellings; used by
// test/Transforms/tosa-fold-to-table-exporters.test and
// test/Integration/exporter-islands-execute.test.

func.func @onnx_sigmoid(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xf32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v3 = tosa.cast %v2 : (tensor<1xi8>) -> tensor<1xf32>
  %v4 = tosa.sub %v1, %v3 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.sigmoid %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = "tosa.const"() <{values = dense<0.00432918547> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v10 = tosa.reciprocal %v9 : (tensor<1xf32>) -> tensor<1xf32>
  %v11 = tosa.mul %v8, %v10, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v12 = tosa.cast %v11 : (tensor<256xf32>) -> tensor<256xi32>
  %v13 = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v14 = tosa.cast %v13 : (tensor<1xi8>) -> tensor<1xi32>
  %v15 = tosa.add %v12, %v14 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v16 = tosa.clamp %v15 {max_val = 127 : i32, min_val = -128 : i32} : (tensor<256xi32>) -> tensor<256xi32>
  %v17 = tosa.cast %v16 : (tensor<256xi32>) -> tensor<256xi8>
  return %v17 : tensor<256xi8>
}

func.func @onnx_tanh(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xf32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v3 = tosa.cast %v2 : (tensor<1xi8>) -> tensor<1xf32>
  %v4 = tosa.sub %v1, %v3 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.tanh %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = "tosa.const"() <{values = dense<0.00692989957> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v10 = tosa.reciprocal %v9 : (tensor<1xf32>) -> tensor<1xf32>
  %v11 = tosa.mul %v8, %v10, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v12 = tosa.cast %v11 : (tensor<256xf32>) -> tensor<256xi32>
  %v13 = "tosa.const"() <{values = dense<16> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v14 = tosa.cast %v13 : (tensor<1xi8>) -> tensor<1xi32>
  %v15 = tosa.add %v12, %v14 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v16 = tosa.clamp %v15 {max_val = 127 : i32, min_val = -128 : i32} : (tensor<256xi32>) -> tensor<256xi32>
  %v17 = tosa.cast %v16 : (tensor<256xi32>) -> tensor<256xi8>
  return %v17 : tensor<256xi8>
}

func.func @onnx_exp(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xf32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v3 = tosa.cast %v2 : (tensor<1xi8>) -> tensor<1xf32>
  %v4 = tosa.sub %v1, %v3 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.exp %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = "tosa.const"() <{values = dense<0.966678381> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v10 = tosa.reciprocal %v9 : (tensor<1xf32>) -> tensor<1xf32>
  %v11 = tosa.mul %v8, %v10, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v12 = tosa.cast %v11 : (tensor<256xf32>) -> tensor<256xi32>
  %v13 = "tosa.const"() <{values = dense<-127> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v14 = tosa.cast %v13 : (tensor<1xi8>) -> tensor<1xi32>
  %v15 = tosa.add %v12, %v14 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v16 = tosa.clamp %v15 {max_val = 127 : i32, min_val = -128 : i32} : (tensor<256xi32>) -> tensor<256xi32>
  %v17 = tosa.cast %v16 : (tensor<256xi32>) -> tensor<256xi8>
  return %v17 : tensor<256xi8>
}

func.func @onnx_silu(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xf32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v3 = tosa.cast %v2 : (tensor<1xi8>) -> tensor<1xf32>
  %v4 = tosa.sub %v1, %v3 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.sigmoid %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = tosa.mul %v6, %v8, %v7 : (tensor<256xf32>, tensor<256xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v10 = "tosa.const"() <{values = dense<0.0262804534> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v11 = tosa.reciprocal %v10 : (tensor<1xf32>) -> tensor<1xf32>
  %v12 = tosa.mul %v9, %v11, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v13 = tosa.cast %v12 : (tensor<256xf32>) -> tensor<256xi32>
  %v14 = "tosa.const"() <{values = dense<-116> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v15 = tosa.cast %v14 : (tensor<1xi8>) -> tensor<1xi32>
  %v16 = tosa.add %v13, %v15 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v17 = tosa.clamp %v16 {max_val = 127 : i32, min_val = -128 : i32} : (tensor<256xi32>) -> tensor<256xi32>
  %v18 = tosa.cast %v17 : (tensor<256xi32>) -> tensor<256xi8>
  return %v18 : tensor<256xi8>
}

func.func @onnx_hardswish(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xf32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v3 = tosa.cast %v2 : (tensor<1xi8>) -> tensor<1xf32>
  %v4 = tosa.sub %v1, %v3 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = "tosa.const"() <{values = dense<3.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v9 = tosa.add %v6, %v8 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v10 = tosa.clamp %v9 {max_val = 6.0 : f32, min_val = 0.0 : f32} : (tensor<256xf32>) -> tensor<256xf32>
  %v11 = tosa.mul %v6, %v10, %v7 : (tensor<256xf32>, tensor<256xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v12 = "tosa.const"() <{values = dense<0.166666672> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v13 = tosa.mul %v11, %v12, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v14 = "tosa.const"() <{values = dense<0.0246356912> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v15 = tosa.reciprocal %v14 : (tensor<1xf32>) -> tensor<1xf32>
  %v16 = tosa.mul %v13, %v15, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v17 = tosa.cast %v16 : (tensor<256xf32>) -> tensor<256xi32>
  %v18 = "tosa.const"() <{values = dense<-112> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v19 = tosa.cast %v18 : (tensor<1xi8>) -> tensor<1xi32>
  %v20 = tosa.add %v17, %v19 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v21 = tosa.clamp %v20 {max_val = 127 : i32, min_val = -128 : i32} : (tensor<256xi32>) -> tensor<256xi32>
  %v22 = tosa.cast %v21 : (tensor<256xi32>) -> tensor<256xi8>
  return %v22 : tensor<256xi8>
}

func.func @onnxold_sigmoid(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = "tosa.const"() <{values = dense<7> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v2 = tosa.sub %arg0, %v1 : (tensor<256xi8>, tensor<1xi8>) -> tensor<256xi8>
  %v3 = tosa.cast %v2 : (tensor<256xi8>) -> tensor<256xf32>
  %v4 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v6 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v5 = tosa.mul %v3, %v4, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v7 = tosa.sigmoid %v5 : (tensor<256xf32>) -> tensor<256xf32>
  %v8 = "tosa.const"() <{values = dense<0.00390625> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v9 = tosa.reciprocal %v8 : (tensor<1xf32>) -> tensor<1xf32>
  %v10 = tosa.mul %v7, %v9, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = tosa.cast %v10 : (tensor<256xf32>) -> tensor<256xi8>
  %v12 = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v13 = tosa.add %v11, %v12 : (tensor<256xi8>, tensor<1xi8>) -> tensor<256xi8>
  return %v13 : tensor<256xi8>
}

func.func @onnxold_tanh(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = "tosa.const"() <{values = dense<7> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v2 = tosa.sub %arg0, %v1 : (tensor<256xi8>, tensor<1xi8>) -> tensor<256xi8>
  %v3 = tosa.cast %v2 : (tensor<256xi8>) -> tensor<256xf32>
  %v4 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v6 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v5 = tosa.mul %v3, %v4, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v7 = tosa.tanh %v5 : (tensor<256xf32>) -> tensor<256xf32>
  %v8 = "tosa.const"() <{values = dense<0.00782831293> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v9 = tosa.reciprocal %v8 : (tensor<1xf32>) -> tensor<1xf32>
  %v10 = tosa.mul %v7, %v9, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = tosa.cast %v10 : (tensor<256xf32>) -> tensor<256xi8>
  %v12 = "tosa.const"() <{values = dense<1> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v13 = tosa.add %v11, %v12 : (tensor<256xi8>, tensor<1xi8>) -> tensor<256xi8>
  return %v13 : tensor<256xi8>
}

func.func @onnxold_exp(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = "tosa.const"() <{values = dense<7> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v2 = tosa.sub %arg0, %v1 : (tensor<256xi8>, tensor<1xi8>) -> tensor<256xi8>
  %v3 = tosa.cast %v2 : (tensor<256xi8>) -> tensor<256xf32>
  %v4 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v6 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v5 = tosa.mul %v3, %v4, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v7 = tosa.exp %v5 : (tensor<256xf32>) -> tensor<256xf32>
  %v8 = "tosa.const"() <{values = dense<1.19360888> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v9 = tosa.reciprocal %v8 : (tensor<1xf32>) -> tensor<1xf32>
  %v10 = tosa.mul %v7, %v9, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = tosa.cast %v10 : (tensor<256xf32>) -> tensor<256xi8>
  %v12 = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v13 = tosa.add %v11, %v12 : (tensor<256xi8>, tensor<1xi8>) -> tensor<256xi8>
  return %v13 : tensor<256xi8>
}

func.func @onnxold_silu(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = "tosa.const"() <{values = dense<7> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v2 = tosa.sub %arg0, %v1 : (tensor<256xi8>, tensor<1xi8>) -> tensor<256xi8>
  %v3 = tosa.cast %v2 : (tensor<256xi8>) -> tensor<256xf32>
  %v4 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v6 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v5 = tosa.mul %v3, %v4, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v7 = tosa.sigmoid %v5 : (tensor<256xf32>) -> tensor<256xf32>
  %v8 = tosa.mul %v5, %v7, %v6 : (tensor<256xf32>, tensor<256xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v9 = "tosa.const"() <{values = dense<0.0214865413> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v10 = tosa.reciprocal %v9 : (tensor<1xf32>) -> tensor<1xf32>
  %v11 = tosa.mul %v8, %v10, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v12 = tosa.cast %v11 : (tensor<256xf32>) -> tensor<256xi8>
  %v13 = "tosa.const"() <{values = dense<-114> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v14 = tosa.add %v12, %v13 : (tensor<256xi8>, tensor<1xi8>) -> tensor<256xi8>
  return %v14 : tensor<256xi8>
}

func.func @onnxold_hardswish(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = "tosa.const"() <{values = dense<7> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v2 = tosa.sub %arg0, %v1 : (tensor<256xi8>, tensor<1xi8>) -> tensor<256xi8>
  %v3 = tosa.cast %v2 : (tensor<256xi8>) -> tensor<256xf32>
  %v4 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v6 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v5 = tosa.mul %v3, %v4, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v7 = "tosa.const"() <{values = dense<3.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v8 = tosa.add %v5, %v7 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v9 = tosa.clamp %v8 {max_val = 6.0 : f32, min_val = 0.0 : f32} : (tensor<256xf32>) -> tensor<256xf32>
  %v10 = tosa.mul %v5, %v9, %v6 : (tensor<256xf32>, tensor<256xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = "tosa.const"() <{values = dense<0.166666672> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v12 = tosa.mul %v10, %v11, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v13 = "tosa.const"() <{values = dense<0.0282628294> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v14 = tosa.reciprocal %v13 : (tensor<1xf32>) -> tensor<1xf32>
  %v15 = tosa.mul %v12, %v14, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v16 = tosa.cast %v15 : (tensor<256xf32>) -> tensor<256xi8>
  %v17 = "tosa.const"() <{values = dense<-114> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v18 = tosa.add %v16, %v17 : (tensor<256xi8>, tensor<1xi8>) -> tensor<256xi8>
  return %v18 : tensor<256xi8>
}

func.func @tf_sigmoid(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xf32>
  %v2 = "tosa.const"() <{values = dense<7.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v4 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v6 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v5 = tosa.mul %v3, %v4, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v7 = tosa.sigmoid %v5 : (tensor<256xf32>) -> tensor<256xf32>
  %v8 = "tosa.const"() <{values = dense<218.369644> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v9 = tosa.mul %v7, %v8, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v10 = "tosa.const"() <{values = dense<-128.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v11 = tosa.add %v9, %v10 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v12 = tosa.cast %v11 : (tensor<256xf32>) -> tensor<256xi8>
  return %v12 : tensor<256xi8>
}

func.func @tf_tanh(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xf32>
  %v2 = "tosa.const"() <{values = dense<7.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v4 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v6 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v5 = tosa.mul %v3, %v4, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v7 = tosa.tanh %v5 : (tensor<256xf32>) -> tensor<256xf32>
  %v8 = "tosa.const"() <{values = dense<103.897034> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v9 = tosa.mul %v7, %v8, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v10 = "tosa.const"() <{values = dense<-24.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v11 = tosa.add %v9, %v10 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v12 = tosa.cast %v11 : (tensor<256xf32>) -> tensor<256xi8>
  return %v12 : tensor<256xi8>
}

func.func @tf_exp(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xf32>
  %v2 = "tosa.const"() <{values = dense<7.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v4 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v6 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v5 = tosa.mul %v3, %v4, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v7 = tosa.exp %v5 : (tensor<256xf32>) -> tensor<256xf32>
  %v8 = "tosa.const"() <{values = dense<0.982621968> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v9 = tosa.mul %v7, %v8, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v10 = "tosa.const"() <{values = dense<-128.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v11 = tosa.add %v9, %v10 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v12 = tosa.cast %v11 : (tensor<256xf32>) -> tensor<256xi8>
  return %v12 : tensor<256xi8>
}

func.func @tf_silu(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xf32>
  %v2 = "tosa.const"() <{values = dense<7.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v4 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v6 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v5 = tosa.mul %v3, %v4, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v7 = tosa.sigmoid %v5 : (tensor<256xf32>) -> tensor<256xf32>
  %v8 = tosa.mul %v5, %v7, %v6 : (tensor<256xf32>, tensor<256xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v9 = "tosa.const"() <{values = dense<42.3715591> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v10 = tosa.mul %v8, %v9, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = "tosa.const"() <{values = dense<-116.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v12 = tosa.add %v10, %v11 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v13 = tosa.cast %v12 : (tensor<256xf32>) -> tensor<256xi8>
  return %v13 : tensor<256xi8>
}

func.func @tf_hardswish(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xf32>
  %v2 = "tosa.const"() <{values = dense<7.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v4 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v6 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v5 = tosa.mul %v3, %v4, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v7 = "tosa.const"() <{values = dense<3.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v8 = tosa.add %v5, %v7 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v9 = tosa.clamp %v8 {max_val = 6.0 : f32, min_val = 0.0 : f32} : (tensor<256xf32>) -> tensor<256xf32>
  %v10 = tosa.mul %v5, %v9, %v6 : (tensor<256xf32>, tensor<256xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = "tosa.const"() <{values = dense<0.166666672> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v12 = tosa.mul %v10, %v11, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v13 = "tosa.const"() <{values = dense<40.1801605> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v14 = tosa.mul %v12, %v13, %v6 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v15 = "tosa.const"() <{values = dense<-113.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v16 = tosa.add %v14, %v15 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v17 = tosa.cast %v16 : (tensor<256xf32>) -> tensor<256xi8>
  return %v17 : tensor<256xi8>
}

func.func @torch_sigmoid(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xi32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v4 = tosa.cast %v3 : (tensor<256xi32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.sigmoid %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = "tosa.const"() <{values = dense<256.584412> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v10 = tosa.mul %v8, %v9, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = "tosa.const"() <{values = dense<0.5> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v12 = tosa.floor %v10 : (tensor<256xf32>) -> tensor<256xf32>
  %v13 = tosa.ceil %v10 : (tensor<256xf32>) -> tensor<256xf32>
  %v14 = tosa.sub %v10, %v12 : (tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32>
  %v15 = tosa.equal %v14, %v11 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xi1>
  %v16 = tosa.greater %v14, %v11 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xi1>
  %v17 = tosa.mul %v12, %v11, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v18 = tosa.floor %v17 : (tensor<256xf32>) -> tensor<256xf32>
  %v19 = tosa.equal %v17, %v18 : (tensor<256xf32>, tensor<256xf32>) -> tensor<256xi1>
  %v20 = tosa.logical_not %v19 : (tensor<256xi1>) -> tensor<256xi1>
  %v21 = tosa.logical_and %v15, %v20 : (tensor<256xi1>, tensor<256xi1>) -> tensor<256xi1>
  %v22 = tosa.logical_or %v16, %v21 : (tensor<256xi1>, tensor<256xi1>) -> tensor<256xi1>
  %v23 = tosa.select %v22, %v13, %v12 : (tensor<256xi1>, tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32>
  %v24 = "tosa.const"() <{values = dense<-127.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v25 = tosa.add %v23, %v24 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v26 = tosa.clamp %v25 {max_val = 127.0 : f32, min_val = -127.0 : f32} : (tensor<256xf32>) -> tensor<256xf32>
  %v27 = tosa.cast %v26 : (tensor<256xf32>) -> tensor<256xi8>
  return %v27 : tensor<256xi8>
}

func.func @torch_tanh(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xi32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v4 = tosa.cast %v3 : (tensor<256xi32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.tanh %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = "tosa.const"() <{values = dense<148.921402> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v10 = tosa.mul %v8, %v9, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = "tosa.const"() <{values = dense<0.5> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v12 = tosa.floor %v10 : (tensor<256xf32>) -> tensor<256xf32>
  %v13 = tosa.ceil %v10 : (tensor<256xf32>) -> tensor<256xf32>
  %v14 = tosa.sub %v10, %v12 : (tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32>
  %v15 = tosa.equal %v14, %v11 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xi1>
  %v16 = tosa.greater %v14, %v11 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xi1>
  %v17 = tosa.mul %v12, %v11, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v18 = tosa.floor %v17 : (tensor<256xf32>) -> tensor<256xf32>
  %v19 = tosa.equal %v17, %v18 : (tensor<256xf32>, tensor<256xf32>) -> tensor<256xi1>
  %v20 = tosa.logical_not %v19 : (tensor<256xi1>) -> tensor<256xi1>
  %v21 = tosa.logical_and %v15, %v20 : (tensor<256xi1>, tensor<256xi1>) -> tensor<256xi1>
  %v22 = tosa.logical_or %v16, %v21 : (tensor<256xi1>, tensor<256xi1>) -> tensor<256xi1>
  %v23 = tosa.select %v22, %v13, %v12 : (tensor<256xi1>, tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32>
  %v24 = "tosa.const"() <{values = dense<22.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v25 = tosa.add %v23, %v24 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v26 = tosa.clamp %v25 {max_val = 127.0 : f32, min_val = -127.0 : f32} : (tensor<256xf32>) -> tensor<256xf32>
  %v27 = tosa.cast %v26 : (tensor<256xf32>) -> tensor<256xi8>
  return %v27 : tensor<256xi8>
}

func.func @torch_exp(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xi32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v4 = tosa.cast %v3 : (tensor<256xi32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.exp %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = "tosa.const"() <{values = dense<0.776048958> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v10 = tosa.mul %v8, %v9, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = "tosa.const"() <{values = dense<0.5> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v12 = tosa.floor %v10 : (tensor<256xf32>) -> tensor<256xf32>
  %v13 = tosa.ceil %v10 : (tensor<256xf32>) -> tensor<256xf32>
  %v14 = tosa.sub %v10, %v12 : (tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32>
  %v15 = tosa.equal %v14, %v11 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xi1>
  %v16 = tosa.greater %v14, %v11 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xi1>
  %v17 = tosa.mul %v12, %v11, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v18 = tosa.floor %v17 : (tensor<256xf32>) -> tensor<256xf32>
  %v19 = tosa.equal %v17, %v18 : (tensor<256xf32>, tensor<256xf32>) -> tensor<256xi1>
  %v20 = tosa.logical_not %v19 : (tensor<256xi1>) -> tensor<256xi1>
  %v21 = tosa.logical_and %v15, %v20 : (tensor<256xi1>, tensor<256xi1>) -> tensor<256xi1>
  %v22 = tosa.logical_or %v16, %v21 : (tensor<256xi1>, tensor<256xi1>) -> tensor<256xi1>
  %v23 = tosa.select %v22, %v13, %v12 : (tensor<256xi1>, tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32>
  %v24 = "tosa.const"() <{values = dense<-128.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v25 = tosa.add %v23, %v24 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v26 = tosa.clamp %v25 {max_val = 127.0 : f32, min_val = -128.0 : f32} : (tensor<256xf32>) -> tensor<256xf32>
  %v27 = tosa.cast %v26 : (tensor<256xf32>) -> tensor<256xi8>
  return %v27 : tensor<256xi8>
}

func.func @torch_silu(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xi32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v4 = tosa.cast %v3 : (tensor<256xi32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.sigmoid %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = tosa.mul %v6, %v8, %v7 : (tensor<256xf32>, tensor<256xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v10 = "tosa.const"() <{values = dense<38.8678474> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v11 = tosa.mul %v9, %v10, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v12 = "tosa.const"() <{values = dense<0.5> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v13 = tosa.floor %v11 : (tensor<256xf32>) -> tensor<256xf32>
  %v14 = tosa.ceil %v11 : (tensor<256xf32>) -> tensor<256xf32>
  %v15 = tosa.sub %v11, %v13 : (tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32>
  %v16 = tosa.equal %v15, %v12 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xi1>
  %v17 = tosa.greater %v15, %v12 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xi1>
  %v18 = tosa.mul %v13, %v12, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v19 = tosa.floor %v18 : (tensor<256xf32>) -> tensor<256xf32>
  %v20 = tosa.equal %v18, %v19 : (tensor<256xf32>, tensor<256xf32>) -> tensor<256xi1>
  %v21 = tosa.logical_not %v20 : (tensor<256xi1>) -> tensor<256xi1>
  %v22 = tosa.logical_and %v16, %v21 : (tensor<256xi1>, tensor<256xi1>) -> tensor<256xi1>
  %v23 = tosa.logical_or %v17, %v22 : (tensor<256xi1>, tensor<256xi1>) -> tensor<256xi1>
  %v24 = tosa.select %v23, %v14, %v13 : (tensor<256xi1>, tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32>
  %v25 = "tosa.const"() <{values = dense<-117.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v26 = tosa.add %v24, %v25 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v27 = tosa.clamp %v26 {max_val = 127.0 : f32, min_val = -128.0 : f32} : (tensor<256xf32>) -> tensor<256xf32>
  %v28 = tosa.cast %v27 : (tensor<256xf32>) -> tensor<256xi8>
  return %v28 : tensor<256xi8>
}

func.func @torch_hardswish(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xi32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v4 = tosa.cast %v3 : (tensor<256xi32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = "tosa.const"() <{values = dense<3.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v9 = tosa.add %v6, %v8 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v10 = tosa.clamp %v9 {max_val = 6.0 : f32, min_val = 0.0 : f32} : (tensor<256xf32>) -> tensor<256xf32>
  %v11 = tosa.mul %v6, %v10, %v7 : (tensor<256xf32>, tensor<256xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v12 = "tosa.const"() <{values = dense<0.166666672> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v13 = tosa.mul %v11, %v12, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v14 = "tosa.const"() <{values = dense<37.249218> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v15 = tosa.mul %v13, %v14, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v16 = "tosa.const"() <{values = dense<0.5> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v17 = tosa.floor %v15 : (tensor<256xf32>) -> tensor<256xf32>
  %v18 = tosa.ceil %v15 : (tensor<256xf32>) -> tensor<256xf32>
  %v19 = tosa.sub %v15, %v17 : (tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32>
  %v20 = tosa.equal %v19, %v16 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xi1>
  %v21 = tosa.greater %v19, %v16 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xi1>
  %v22 = tosa.mul %v17, %v16, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v23 = tosa.floor %v22 : (tensor<256xf32>) -> tensor<256xf32>
  %v24 = tosa.equal %v22, %v23 : (tensor<256xf32>, tensor<256xf32>) -> tensor<256xi1>
  %v25 = tosa.logical_not %v24 : (tensor<256xi1>) -> tensor<256xi1>
  %v26 = tosa.logical_and %v20, %v25 : (tensor<256xi1>, tensor<256xi1>) -> tensor<256xi1>
  %v27 = tosa.logical_or %v21, %v26 : (tensor<256xi1>, tensor<256xi1>) -> tensor<256xi1>
  %v28 = tosa.select %v27, %v18, %v17 : (tensor<256xi1>, tensor<256xf32>, tensor<256xf32>) -> tensor<256xf32>
  %v29 = "tosa.const"() <{values = dense<-114.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v30 = tosa.add %v28, %v29 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v31 = tosa.clamp %v30 {max_val = 127.0 : f32, min_val = -128.0 : f32} : (tensor<256xf32>) -> tensor<256xf32>
  %v32 = tosa.cast %v31 : (tensor<256xf32>) -> tensor<256xi8>
  return %v32 : tensor<256xi8>
}

func.func @torchint_sigmoid(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xi32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v4 = tosa.cast %v3 : (tensor<256xi32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.sigmoid %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = "tosa.const"() <{values = dense<256.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v10 = tosa.mul %v8, %v9, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = tosa.cast %v10 : (tensor<256xf32>) -> tensor<256xi32>
  %v12 = "tosa.const"() <{values = dense<-128> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v13 = tosa.add %v11, %v12 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v14 = tosa.clamp %v13 {max_val = 127 : i32, min_val = -128 : i32} : (tensor<256xi32>) -> tensor<256xi32>
  %v15 = tosa.cast %v14 : (tensor<256xi32>) -> tensor<256xi8>
  return %v15 : tensor<256xi8>
}

func.func @torchint_tanh(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xi32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v4 = tosa.cast %v3 : (tensor<256xi32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.tanh %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = "tosa.const"() <{values = dense<127.561935> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v10 = tosa.mul %v8, %v9, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = tosa.cast %v10 : (tensor<256xf32>) -> tensor<256xi32>
  %v12 = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v13 = tosa.add %v11, %v12 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v14 = tosa.clamp %v13 {max_val = 127 : i32, min_val = -128 : i32} : (tensor<256xi32>) -> tensor<256xi32>
  %v15 = tosa.cast %v14 : (tensor<256xi32>) -> tensor<256xi8>
  return %v15 : tensor<256xi8>
}

func.func @torchint_exp(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xi32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v4 = tosa.cast %v3 : (tensor<256xi32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.exp %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = "tosa.const"() <{values = dense<1.00549698> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v10 = tosa.mul %v8, %v9, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v11 = tosa.cast %v10 : (tensor<256xf32>) -> tensor<256xi32>
  %v12 = "tosa.const"() <{values = dense<-127> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v13 = tosa.add %v11, %v12 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v14 = tosa.clamp %v13 {max_val = 127 : i32, min_val = -127 : i32} : (tensor<256xi32>) -> tensor<256xi32>
  %v15 = tosa.cast %v14 : (tensor<256xi32>) -> tensor<256xi8>
  return %v15 : tensor<256xi8>
}

func.func @torchint_silu(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xi32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v4 = tosa.cast %v3 : (tensor<256xi32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = tosa.sigmoid %v6 : (tensor<256xf32>) -> tensor<256xf32>
  %v9 = tosa.mul %v6, %v8, %v7 : (tensor<256xf32>, tensor<256xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v10 = "tosa.const"() <{values = dense<47.2421684> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v11 = tosa.mul %v9, %v10, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v12 = tosa.cast %v11 : (tensor<256xf32>) -> tensor<256xi32>
  %v13 = "tosa.const"() <{values = dense<-115> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v14 = tosa.add %v12, %v13 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v15 = tosa.clamp %v14 {max_val = 127 : i32, min_val = -128 : i32} : (tensor<256xi32>) -> tensor<256xi32>
  %v16 = tosa.cast %v15 : (tensor<256xi32>) -> tensor<256xi8>
  return %v16 : tensor<256xi8>
}

func.func @torchint_hardswish(%arg0: tensor<256xi8>) -> tensor<256xi8> {
  %v1 = tosa.cast %arg0 : (tensor<256xi8>) -> tensor<256xi32>
  %v2 = "tosa.const"() <{values = dense<7> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v3 = tosa.sub %v1, %v2 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v4 = tosa.cast %v3 : (tensor<256xi32>) -> tensor<256xf32>
  %v5 = "tosa.const"() <{values = dense<0.0470588244> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %v6 = tosa.mul %v4, %v5, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v8 = "tosa.const"() <{values = dense<3.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v9 = tosa.add %v6, %v8 : (tensor<256xf32>, tensor<1xf32>) -> tensor<256xf32>
  %v10 = tosa.clamp %v9 {max_val = 6.0 : f32, min_val = 0.0 : f32} : (tensor<256xf32>) -> tensor<256xf32>
  %v11 = tosa.mul %v6, %v10, %v7 : (tensor<256xf32>, tensor<256xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v12 = "tosa.const"() <{values = dense<0.166666672> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v13 = tosa.mul %v11, %v12, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v14 = "tosa.const"() <{values = dense<39.3280258> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v15 = tosa.mul %v13, %v14, %v7 : (tensor<256xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<256xf32>
  %v16 = tosa.cast %v15 : (tensor<256xf32>) -> tensor<256xi32>
  %v17 = "tosa.const"() <{values = dense<-112> : tensor<1xi32>}> : () -> tensor<1xi32>
  %v18 = tosa.add %v16, %v17 : (tensor<256xi32>, tensor<1xi32>) -> tensor<256xi32>
  %v19 = tosa.clamp %v18 {max_val = 127 : i32, min_val = -127 : i32} : (tensor<256xi32>) -> tensor<256xi32>
  %v20 = tosa.cast %v19 : (tensor<256xi32>) -> tensor<256xi8>
  return %v20 : tensor<256xi8>
}
