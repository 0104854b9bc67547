// Plain-TOSA near-misses. Without remarks the output is exactly the input's;
// with report-declined each quantizing cast says why it was not folded.

// RUN: lutfold-opt --split-input-file %s > %t.before
// RUN: lutfold-opt --split-input-file --tosa-fold-to-table %s > %t.after
// RUN: diff %t.before %t.after
// RUN: lutfold-opt --split-input-file --verify-diagnostics \
// RUN:   --tosa-fold-to-table="report-declined=true" %s > /dev/null

// A per-channel scale makes the result depend on the position.
func.func @per_channel_scale(%arg0: tensor<1x4xi8>) -> tensor<1x4xi8> {
  %scale = "tosa.const"() <{values = dense<[[0.1, 0.2, 0.3, 0.4]]> : tensor<1x4xf32>}> : () -> tensor<1x4xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.cast %arg0 : (tensor<1x4xi8>) -> tensor<1x4xf32>
  %1 = tosa.mul %0, %scale, %shift : (tensor<1x4xf32>, tensor<1x4xf32>, tensor<1xi8>) -> tensor<1x4xf32>
  %2 = tosa.sigmoid %1 : (tensor<1x4xf32>) -> tensor<1x4xf32>
  // expected-remark@+1 {{not folded into a table: the island reads a constant that is not a splat of a type it can hold}}
  %3 = tosa.cast %2 : (tensor<1x4xf32>) -> tensor<1x4xi8>
  return %3 : tensor<1x4xi8>
}

// A reshape inside.
func.func @reshape_inside(%arg0: tensor<16xi8>) -> tensor<4x4xi8> {
  %shape = tosa.const_shape {values = dense<[4, 4]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %0 = tosa.cast %arg0 : (tensor<16xi8>) -> tensor<16xf32>
  %1 = tosa.reshape %0, %shape : (tensor<16xf32>, !tosa.shape<2>) -> tensor<4x4xf32>
  %2 = tosa.sigmoid %1 : (tensor<4x4xf32>) -> tensor<4x4xf32>
  // expected-remark@+1 {{not folded into a table: 'tosa.reshape' is not an element-wise operation an island may contain}}
  %3 = tosa.cast %2 : (tensor<4x4xf32>) -> tensor<4x4xi8>
  return %3 : tensor<4x4xi8>
}

// A second integer input.
func.func @second_integer_input(%arg0: tensor<1x4xi8>, %arg1: tensor<1x4xi8>) -> tensor<1x4xi8> {
  %0 = tosa.cast %arg0 : (tensor<1x4xi8>) -> tensor<1x4xi32>
  %1 = tosa.cast %arg1 : (tensor<1x4xi8>) -> tensor<1x4xi32>
  %2 = tosa.sub %0, %1 : (tensor<1x4xi32>, tensor<1x4xi32>) -> tensor<1x4xi32>
  %3 = tosa.cast %2 : (tensor<1x4xi32>) -> tensor<1x4xf32>
  %4 = tosa.exp %3 : (tensor<1x4xf32>) -> tensor<1x4xf32>
  // expected-remark@+1 {{not folded into a table: the island reads two quantized inputs}}
  %5 = tosa.cast %4 : (tensor<1x4xf32>) -> tensor<1x4xi8>
  return %5 : tensor<1x4xi8>
}

// An i8 source with an i16 result: an i8 TABLE returns i8.
func.func @i8_source_i16_result(%arg0: tensor<1x4xi8>) -> tensor<1x4xi16> {
  %0 = tosa.cast %arg0 : (tensor<1x4xi8>) -> tensor<1x4xf32>
  %1 = tosa.exp %0 : (tensor<1x4xf32>) -> tensor<1x4xf32>
  // expected-remark@+1 {{not folded into a table: an 8-bit input needs an 8-bit output, but the island's result has 16-bit storage}}
  %2 = tosa.cast %1 : (tensor<1x4xf32>) -> tensor<1x4xi16>
  return %2 : tensor<1x4xi16>
}

// Integer requantization without a float step is not a float island.
func.func @integer_only(%arg0: tensor<1x4xi8>) -> tensor<1x4xi8> {
  %one = "tosa.const"() <{values = dense<1> : tensor<1x1xi32>}> : () -> tensor<1x1xi32>
  %0 = tosa.cast %arg0 : (tensor<1x4xi8>) -> tensor<1x4xi32>
  %1 = tosa.add %0, %one : (tensor<1x4xi32>, tensor<1x1xi32>) -> tensor<1x4xi32>
  // expected-remark@+1 {{not folded into a table: the island has no float operation}}
  %2 = tosa.cast %1 : (tensor<1x4xi32>) -> tensor<1x4xi8>
  return %2 : tensor<1x4xi8>
}

// Quantizing a float argument: there is no int8 input.
func.func @float_argument(%arg0: tensor<1x4xf32>) -> tensor<1x4xi8> {
  %0 = tosa.sigmoid %arg0 : (tensor<1x4xf32>) -> tensor<1x4xf32>
  // expected-remark@+1 {{not folded into a table: the island reads a block argument other than its quantized input}}
  %1 = tosa.cast %0 : (tensor<1x4xf32>) -> tensor<1x4xi8>
  return %1 : tensor<1x4xi8>
}

// -----

// A quant.dcast source with a plain TOSA quantize: the encodings are not
// mixed.
func.func @mixed_encodings(%arg0: tensor<4x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<4xi8> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.05:3>> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{not folded into a table: the island mixes quant.dcast with a plain TOSA quantize}}
  %2 = tosa.cast %1 : (tensor<4xf32>) -> tensor<4xi8>
  return %2 : tensor<4xi8>
}
