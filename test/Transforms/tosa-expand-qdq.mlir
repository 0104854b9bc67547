// RUN: lutfold-opt --split-input-file --tosa-expand-qdq %s | FileCheck %s
// RUN: lutfold-opt --split-input-file --tosa-expand-qdq=numerics=tflite %s \
// RUN:   | FileCheck %s --check-prefix=TFLITE
// RUN: lutfold-opt --split-input-file --verify-diagnostics \
// RUN:   --tosa-expand-qdq="report-left=true" %s > /dev/null

!in = !quant.uniform<i8<-127:127>:f32, 0.05:3>

// Dequantize: the code is clamped to the narrow range, the zero point
// subtracted in i32, and the product with f32(scale) taken in f32.
// CHECK-LABEL: func.func @dequantize
// CHECK:         %[[S:.*]] = quant.scast %arg0 : tensor<4x!quant.uniform<i8<-127:127>:f32, 5.000000e-02:3>> to tensor<4xi8>
// CHECK:         %[[W:.*]] = tosa.cast %[[S]] : (tensor<4xi8>) -> tensor<4xi32>
// CHECK:         %[[C:.*]] = tosa.clamp %[[W]] {max_val = 127 : i32, min_val = -127 : i32}
// CHECK:         %[[ZP:.*]] = "tosa.const"() <{values = dense<3> : tensor<1xi32>}>
// CHECK:         %[[D:.*]] = tosa.sub %[[C]], %[[ZP]]
// CHECK:         %[[F:.*]] = tosa.cast %[[D]] : (tensor<4xi32>) -> tensor<4xf32>
// CHECK:         %[[SC:.*]] = "tosa.const"() <{values = dense<5.000000e-02> : tensor<1xf32>}>
// CHECK:         %[[X:.*]] = tosa.mul %[[F]], %[[SC]]
// CHECK-NOT:     quant.dcast
// CHECK:         return %[[X]]
func.func @dequantize(%arg0: tensor<4x!in>) -> tensor<4xf32> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

!out = !quant.uniform<i8:f32, 0.00758384796150766:-128>

// Quantize, PT2E: f32(1.0 / scale) taken in double (131.859177 here, where
// the float division would give 131.859192), NaN to 0, rounding half to even
// through CAST, the zero point and [qmin, qmax] in f32, CAST to i8.
// CHECK-LABEL: func.func @quantize
// CHECK:         "tosa.const"() <{values = dense<131.859177> : tensor<1x1xf32>}>
// CHECK:         tosa.mul
// CHECK:         tosa.equal
// CHECK:         tosa.select
// CHECK:         tosa.clamp %{{.*}} {max_val = 1.07374182E+9 : f32, min_val = -1.07374182E+9 : f32}
// CHECK:         tosa.cast %{{.*}} : (tensor<2x2xf32>) -> tensor<2x2xi32>
// CHECK:         tosa.cast %{{.*}} : (tensor<2x2xi32>) -> tensor<2x2xf32>
// CHECK:         "tosa.const"() <{values = dense<-1.280000e+02> : tensor<1x1xf32>}>
// CHECK:         tosa.add
// CHECK:         tosa.clamp %{{.*}} {max_val = 1.270000e+02 : f32, min_val = -1.280000e+02 : f32}
// CHECK:         %[[Q:.*]] = tosa.cast %{{.*}} : (tensor<2x2xf32>) -> tensor<2x2xi8>
// CHECK:         %[[R:.*]] = quant.scast %[[Q]] : tensor<2x2xi8> to tensor<2x2x!quant.uniform
// CHECK-NOT:     quant.qcast
// CHECK:         return %[[R]]
// TFLite: the float reciprocal, half away from zero (floor of the magnitude
// plus one when the fraction is at least 0.5, with the sign), and the
// overflow guard.
// TFLITE-LABEL: func.func @quantize
// TFLITE:         "tosa.const"() <{values = dense<131.859192> : tensor<1x1xf32>}>
// TFLITE:         tosa.abs
// TFLITE:         tosa.floor
// TFLITE:         tosa.greater_equal
// TFLITE:         tosa.select
// TFLITE:         "tosa.const"() <{values = dense<2.58064{{[0-9]*}}E+36> : tensor<1x1xf32>}>
// TFLITE:         tosa.cast %{{.*}} : (tensor<2x2xf32>) -> tensor<2x2xi8>
// TFLITE-NOT:     tosa.cast %{{.*}} -> tensor<2x2xi32>
func.func @quantize(%arg0: tensor<2x2xf32>) -> tensor<2x2x!out> {
  %0 = quant.qcast %arg0 : tensor<2x2xf32> to tensor<2x2x!out>
  return %0 : tensor<2x2x!out>
}

// -----

// 16-bit storage expands the same way.
// CHECK-LABEL: func.func @int16
// CHECK:         tosa.cast %{{.*}} : (tensor<3xf32>) -> tensor<3xi16>
// CHECK-NOT:     quant.qcast
func.func @int16(%arg0: tensor<3xf32>) -> tensor<3x!quant.uniform<i16:f32, 0.0001:0>> {
  %0 = quant.qcast %arg0 : tensor<3xf32> to tensor<3x!quant.uniform<i16:f32, 0.0001:0>>
  return %0 : tensor<3x!quant.uniform<i16:f32, 0.0001:0>>
}

// -----

// Per-axis types are left as they are.
// CHECK-LABEL: func.func @per_axis
// CHECK:         quant.dcast
func.func @per_axis(%arg0: tensor<2x2x!quant.uniform<i8:f32:0, {0.1:1, 0.2:2}>>) -> tensor<2x2xf32> {
  // expected-remark@+1 {{not expanded: element type '!quant.uniform<i8:f32:0, {1.000000e-01:1,2.000000e-01:2}>' is quantized per axis, not per tensor}}
  %0 = quant.dcast %arg0 : tensor<2x2x!quant.uniform<i8:f32:0, {0.1:1, 0.2:2}>> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// si8 storage has no valid storage view: left as it was, with the reason.
// CHECK-LABEL: func.func @si8
// CHECK:         quant.dcast
// CHECK-NOT:     quant.scast
func.func @si8(%arg0: tensor<4x!quant.uniform<si8:f32, 0.1:1>>) -> tensor<4xf32> {
  // expected-remark@+1 {{not expanded: storage type si8 is not signless: quant.scast views quantized values only as the signless integers TOSA reads}}
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<si8:f32, 0.1:1>> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// TOSA operations take no zero-sized tensor: left as it was, with the reason.
// CHECK-LABEL: func.func @zero_sized
// CHECK:         quant.dcast
// CHECK:         quant.qcast
// CHECK-NOT:     tosa.
func.func @zero_sized(%arg0: tensor<0x4x!quant.uniform<i8:f32, 0.1:1>>) -> tensor<0x4x!quant.uniform<i8:f32, 0.1:1>> {
  // expected-remark@+1 {{not expanded: 'tensor<0x4x!quant.uniform<i8:f32, 1.000000e-01:1>>' has a zero-sized dimension, which TOSA operations do not take}}
  %0 = quant.dcast %arg0 : tensor<0x4x!quant.uniform<i8:f32, 0.1:1>> to tensor<0x4xf32>
  // expected-remark@+1 {{not expanded: 'tensor<0x4x!quant.uniform<i8:f32, 1.000000e-01:1>>' has a zero-sized dimension, which TOSA operations do not take}}
  %1 = quant.qcast %0 : tensor<0x4xf32> to tensor<0x4x!quant.uniform<i8:f32, 0.1:1>>
  return %1 : tensor<0x4x!quant.uniform<i8:f32, 0.1:1>>
}
