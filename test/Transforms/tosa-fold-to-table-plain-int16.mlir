// Plain-TOSA int16 islands: i16 codes in through tosa.cast, the dequantize
// and quantize arithmetic spelled out, a tosa.cast to i16 (or i8) out. Each
// becomes TABLE (513 entries, an i32 result in 16.7 fixed point) and RESCALE
// to the result's codes; the float operations, their constants and the
// casts are gone. Execution on all 65,536 codes is in
// Integration/plain-int16-islands-execute.test.

// RUN: lutfold-opt --split-input-file --tosa-fold-to-table %s | FileCheck %s
// RUN: lutfold-opt --split-input-file \
// RUN:   --tosa-fold-to-table="report-folded=true" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=REMARK

// REMARK: remark: folded into a table: tosa.cast, tosa.mul, tosa.sigmoid, tosa.mul; from i16 codes to i16 codes; TABLE + RESCALE, error at most {{[0-9]+}} output code{{s?}}
// REMARK: remark: folded into a table: {{.*}}tosa.tanh{{.*}}; from i16 codes to i8 codes; TABLE + RESCALE

// TensorFlow's spelling, i16 to i16.
// CHECK-LABEL: func.func @tf_sigmoid(
// CHECK-SAME:      %[[ARG:.*]]: tensor<2x8xi16>
// CHECK-DAG:     %[[ENTRIES:.*]] = "tosa.const"() <{values = dense<{{.*}}> : tensor<513xi16>}>
// CHECK-DAG:     %[[MULTIPLIER:.*]] = "tosa.const"() <{values = dense<{{[0-9]+}}> : tensor<1xi32>}>
// CHECK-DAG:     %[[SHIFT:.*]] = "tosa.const"() <{values = dense<{{[0-9]+}}> : tensor<1xi8>}>
// CHECK-DAG:     %[[IZP:.*]] = "tosa.const"() <{values = dense<0> : tensor<1xi32>}>
// CHECK-DAG:     %[[OZP:.*]] = "tosa.const"() <{values = dense<0> : tensor<1xi16>}>
// CHECK:         %[[LOOKUP:.*]] = tosa.table %[[ARG]], %[[ENTRIES]] : (tensor<2x8xi16>, tensor<513xi16>) -> tensor<2x8xi32>
// CHECK:         %[[CODES:.*]] = tosa.rescale %[[LOOKUP]], %[[MULTIPLIER]], %[[SHIFT]], %[[IZP]], %[[OZP]] {{.*}}rounding_mode = SINGLE_ROUND{{.*}} -> tensor<2x8xi16>
// CHECK-NEXT:    return %[[CODES]]
// CHECK-NOT:     tosa.sigmoid
func.func @tf_sigmoid(%arg0: tensor<2x8xi16>) -> tensor<2x8xi16> {
  %scale = "tosa.const"() <{values = dense<2.44148076E-4> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  %inverse = "tosa.const"() <{values = dense<32767.0> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.cast %arg0 : (tensor<2x8xi16>) -> tensor<2x8xf32>
  %1 = tosa.mul %0, %scale, %shift : (tensor<2x8xf32>, tensor<1x1xf32>, tensor<1xi8>) -> tensor<2x8xf32>
  %2 = tosa.sigmoid %1 : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %3 = tosa.mul %2, %inverse, %shift : (tensor<2x8xf32>, tensor<1x1xf32>, tensor<1xi8>) -> tensor<2x8xf32>
  %4 = tosa.cast %3 : (tensor<2x8xf32>) -> tensor<2x8xi16>
  return %4 : tensor<2x8xi16>
}

// -----

// torch-mlir's spelling with its zero point in i32, i16 to i8 (with an
// output zero point): the RESCALE produces i8 codes. The integer operations
// on the codes before the first cast belong to the island.
// CHECK-LABEL: func.func @torch_tanh_to_i8(
// CHECK:         tosa.table {{.*}} : (tensor<16xi16>, tensor<513xi16>) -> tensor<16xi32>
// CHECK:         tosa.rescale {{.*}} -> tensor<16xi8>
// CHECK-NOT:     tosa.tanh
// CHECK-NOT:     tosa.clamp
func.func @torch_tanh_to_i8(%arg0: tensor<16xi16>) -> tensor<16xi8> {
  %zp = "tosa.const"() <{values = dense<100> : tensor<1xi32>}> : () -> tensor<1xi32>
  %scale = "tosa.const"() <{values = dense<1.22074038E-4> : tensor<1xf32>}> : () -> tensor<1xf32>
  %inverse = "tosa.const"() <{values = dense<127.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.cast %arg0 : (tensor<16xi16>) -> tensor<16xi32>
  %1 = tosa.sub %0, %zp : (tensor<16xi32>, tensor<1xi32>) -> tensor<16xi32>
  %2 = tosa.cast %1 : (tensor<16xi32>) -> tensor<16xf32>
  %3 = tosa.mul %2, %scale, %shift : (tensor<16xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<16xf32>
  %4 = tosa.tanh %3 : (tensor<16xf32>) -> tensor<16xf32>
  %5 = tosa.mul %4, %inverse, %shift : (tensor<16xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<16xf32>
  %6 = tosa.clamp %5 {max_val = 127.0 : f32, min_val = -127.0 : f32} : (tensor<16xf32>) -> tensor<16xf32>
  %7 = tosa.cast %6 : (tensor<16xf32>) -> tensor<16xi8>
  return %7 : tensor<16xi8>
}
