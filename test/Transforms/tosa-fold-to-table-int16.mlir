// int16 islands fold into an interpolating TABLE (513 i16 entries, i32
// result in 16.7 fixed point) followed by a RESCALE to the output type. The
// entries themselves are checked by execution (test/Integration) and by the
// unit tests; here, the shape of the rewritten IR.

// RUN: lutfold-opt --split-input-file --verify-diagnostics --tosa-fold-to-table \
// RUN:   %s | FileCheck %s
// The result is valid TOSA for an integer-only target with int16.
// RUN: lutfold-opt --split-input-file --verify-diagnostics --tosa-fold-to-table %s \
// RUN:   | mlir-opt --split-input-file --strip-func-quant-types --canonicalize \
// RUN:       --tosa-attach-target="profiles=pro_int extensions=int16" \
// RUN:       --tosa-validate="strict-op-spec-alignment" > /dev/null

// Full range, nonzero zero points (PT2E's default asymmetric int16). A
// signed i16 RESCALE must have an output zero point of 0: the entries carry
// the output zero point.

!in = !quant.uniform<i16:f32, 2.4414435034714277e-04:8191>
!out = !quant.uniform<i16:f32, 1.5259021896696422e-05:-32768>

// CHECK-LABEL: func.func @sigmoid_asymmetric
// CHECK-SAME:    (%[[ARG:.*]]: tensor<1x16x!quant.uniform<i16:f32, {{.*}}:8191>>)
// CHECK-DAG:     %[[TABLE:.*]] = "tosa.const"() <{values = dense<{{.*}}> : tensor<513xi16>}>
// CHECK-DAG:     %[[MULTIPLIER:.*]] = "tosa.const"() <{values = dense<{{[0-9]+}}> : tensor<1xi32>}>
// CHECK-DAG:     %[[SHIFT:.*]] = "tosa.const"() <{values = dense<{{[0-9]+}}> : tensor<1xi8>}>
// CHECK-DAG:     %[[IZP:.*]] = "tosa.const"() <{values = dense<0> : tensor<1xi32>}>
// CHECK-DAG:     %[[OZP:.*]] = "tosa.const"() <{values = dense<0> : tensor<1xi16>}>
// CHECK:         %[[STORAGE:.*]] = quant.scast %[[ARG]] : {{.*}} to tensor<1x16xi16>
// CHECK:         %[[LOOKUP:.*]] = tosa.table %[[STORAGE]], %[[TABLE]] : (tensor<1x16xi16>, tensor<513xi16>) -> tensor<1x16xi32>
// CHECK:         %[[RESCALED:.*]] = tosa.rescale %[[LOOKUP]], %[[MULTIPLIER]], %[[SHIFT]], %[[IZP]], %[[OZP]]
// CHECK-SAME:      input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true
// CHECK-SAME:      -> tensor<1x16xi16>
// CHECK:         %[[RESULT:.*]] = quant.scast %[[RESCALED]] : tensor<1x16xi16> to tensor<1x16x!quant.uniform<i16:f32, {{.*}}:-32768>>
// CHECK:         return %[[RESULT]]
// CHECK-NOT:     quant.dcast
// CHECK-NOT:     tosa.sigmoid
func.func @sigmoid_asymmetric(%arg0: tensor<1x16x!in>) -> tensor<1x16x!out> {
  %0 = quant.dcast %arg0 : tensor<1x16x!in> to tensor<1x16xf32>
  %1 = tosa.sigmoid %0 : (tensor<1x16xf32>) -> tensor<1x16xf32>
  %2 = quant.qcast %1 : tensor<1x16xf32> to tensor<1x16x!out>
  return %2 : tensor<1x16x!out>
}

// -----

// Symmetric narrow ranges (ExecuTorch's and TFLite's a16 schemes). A table
// unit of one output code: RESCALE by 2^-7 (multiplier 2^30, shift 37).

!in = !quant.uniform<i16<-32767:32767>:f32, 1.2207403790398877e-04>
!out = !quant.uniform<i16<-32767:32767>:f32, 3.0518509475997192e-05>

// CHECK-LABEL: func.func @tanh_symmetric_narrow
// CHECK-DAG:     "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}>
// CHECK-DAG:     "tosa.const"() <{values = dense<37> : tensor<1xi8>}>
// CHECK:         tosa.table {{.*}} : (tensor<8xi16>, tensor<513xi16>) -> tensor<8xi32>
// CHECK:         tosa.rescale {{.*}} -> tensor<8xi16>
// CHECK-NOT:     tosa.tanh
func.func @tanh_symmetric_narrow(%arg0: tensor<8x!in>) -> tensor<8x!out> {
  %0 = quant.dcast %arg0 : tensor<8x!in> to tensor<8xf32>
  %1 = tosa.tanh %0 : (tensor<8xf32>) -> tensor<8xf32>
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!out>
  return %2 : tensor<8x!out>
}

// -----

// int16 in, int8 out: RESCALE to i8 adds the output zero point, and the
// headroom gives the entries three fractional bits (RESCALE by 2^-10).

!in = !quant.uniform<i16<-32767:32767>:f32, 2.4414807580187994e-04>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

// CHECK-LABEL: func.func @sigmoid_to_int8
// CHECK-DAG:     "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}>
// CHECK-DAG:     "tosa.const"() <{values = dense<40> : tensor<1xi8>}>
// CHECK-DAG:     "tosa.const"() <{values = dense<-128> : tensor<1xi8>}>
// CHECK:         tosa.table {{.*}} -> tensor<4xi32>
// CHECK:         tosa.rescale {{.*}} : (tensor<4xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<4xi8>
// CHECK:         quant.scast {{.*}} : tensor<4xi8> to tensor<4x!quant.uniform<i8:f32, 3.906250e-03:-128>>
func.func @sigmoid_to_int8(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}

// -----

// Any island folds, here SiLU as x * sigmoid(x); two identical islands share
// the table and the RESCALE's constants.

!q = !quant.uniform<i16:f32, 2.4414807580187994e-04:100>

// CHECK-LABEL: func.func @silu_twice
// CHECK-COUNT-5: "tosa.const"
// CHECK-NOT:     "tosa.const"
// CHECK:         tosa.table
// CHECK:         tosa.rescale
// CHECK:         tosa.table
// CHECK:         tosa.rescale
// CHECK-NOT:     tosa.sigmoid
// CHECK-NOT:     tosa.mul
func.func @silu_twice(%arg0: tensor<4x!q>, %arg1: tensor<4x!q>) -> (tensor<4x!q>, tensor<4x!q>) {
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = quant.dcast %arg0 : tensor<4x!q> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = tosa.mul %0, %1, %shift : (tensor<4xf32>, tensor<4xf32>, tensor<1xi8>) -> tensor<4xf32>
  %3 = quant.qcast %2 : tensor<4xf32> to tensor<4x!q>
  %4 = quant.dcast %arg1 : tensor<4x!q> to tensor<4xf32>
  %5 = tosa.sigmoid %4 : (tensor<4xf32>) -> tensor<4xf32>
  %6 = tosa.mul %4, %5, %shift : (tensor<4xf32>, tensor<4xf32>, tensor<1xi8>) -> tensor<4xf32>
  %7 = quant.qcast %6 : tensor<4xf32> to tensor<4x!q>
  return %3, %7 : tensor<4x!q>, tensor<4x!q>
}
