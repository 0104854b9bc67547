// Policies for integer-only targets: strict (nothing may be left in float)
// and max-int16-error (a cap on the int16 TABLE + RESCALE error).

// RUN: lutfold-opt --split-input-file --verify-diagnostics \
// RUN:   --tosa-fold-to-table="strict=true" %s -o /dev/null
// RUN: not lutfold-opt --split-input-file --tosa-fold-to-table="strict=true" %s \
// RUN:   -o /dev/null 2>&1 | FileCheck %s --check-prefix=FAILS
// Without strict the same input passes and keeps what it cannot fold.
// RUN: lutfold-opt --split-input-file --tosa-fold-to-table %s | FileCheck %s --check-prefix=LENIENT

// FAILS: error: strict: quantize left in float
// LENIENT: quant.qcast

// A folded island leaves nothing in float: no error.
func.func @folded(%arg0: tensor<4x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.05:3>> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %2 : tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>>
}

// -----

// A declined island: both ends are errors, the quantize with its reason.
func.func @declined(%arg0: tensor<4x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<4x!quant.uniform<u8:f32, 0.00390625:0>> {
  // expected-error@+1 {{strict: dequantize left in float}}
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.05:3>> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-error@+1 {{strict: quantize left in float: result of quant.qcast: storage type of '!quant.uniform<u8:f32, 3.906250e-03>' is not signed 8- or 16-bit}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<u8:f32, 0.00390625:0>>
  return %2 : tensor<4x!quant.uniform<u8:f32, 0.00390625:0>>
}

// -----

// A plain-TOSA island that reads two values is declined at its last cast.
func.func @plain_declined(%arg0: tensor<4xi8>, %arg1: tensor<4xf32>) -> tensor<4xi8> {
  // expected-error@+1 {{strict: dequantize left in float}}
  %0 = tosa.cast %arg0 : (tensor<4xi8>) -> tensor<4xf32>
  %1 = tosa.add %0, %arg1 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  // expected-error@+1 {{strict: quantize left in float: the island reads a block argument other than its quantized input}}
  %2 = tosa.cast %1 : (tensor<4xf32>) -> tensor<4xi8>
  return %2 : tensor<4xi8>
}

// -----

// The same with int16 codes: both casts are errors too.
func.func @plain_int16_declined(%arg0: tensor<4xi16>, %arg1: tensor<4xf32>) -> tensor<4xi16> {
  // expected-error@+1 {{strict: dequantize left in float}}
  %0 = tosa.cast %arg0 : (tensor<4xi16>) -> tensor<4xf32>
  %1 = tosa.add %0, %arg1 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  // expected-error@+1 {{strict: quantize left in float: the island reads a block argument other than its quantized input}}
  %2 = tosa.cast %1 : (tensor<4xf32>) -> tensor<4xi16>
  return %2 : tensor<4xi16>
}
