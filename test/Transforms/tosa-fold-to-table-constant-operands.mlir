// Operands computed from constants alone are constants of the island; the
// operations that compute them go with the island unless something else
// reads them. Hostile cases: non-splat constants, a division by zero, a
// constant read elsewhere.

// RUN: lutfold-opt --split-input-file --verify-diagnostics \
// RUN:   --tosa-fold-to-table="report-declined=true" %s | FileCheck %s

// A zero point cast to f32 and a reciprocal of the scale, in a quant-dialect
// island: folded, and what computed them is erased.
// CHECK-LABEL: func.func @computed_constants
// CHECK-NEXT:    "tosa.const"() <{values = dense<{{.*}}> : tensor<256xi8>}>
// CHECK-NEXT:    quant.scast
// CHECK-NEXT:    tosa.table
// CHECK-NEXT:    quant.scast
// CHECK-NEXT:    return
func.func @computed_constants(%arg0: tensor<8x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<8x!quant.uniform<i8:f32, 0.00390625:-128>> {
  %x = quant.dcast %arg0 : tensor<8x!quant.uniform<i8:f32, 0.05:3>> to tensor<8xf32>
  %c = "tosa.const"() <{values = dense<2> : tensor<1xi8>}> : () -> tensor<1xi8>
  %cf = tosa.cast %c : (tensor<1xi8>) -> tensor<1xf32>
  %s = "tosa.const"() <{values = dense<4.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %r = tosa.reciprocal %s : (tensor<1xf32>) -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %a = tosa.sub %x, %cf : (tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %m = tosa.mul %a, %r, %shift : (tensor<8xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<8xf32>
  %y = tosa.sigmoid %m : (tensor<8xf32>) -> tensor<8xf32>
  %q = quant.qcast %y : tensor<8xf32> to tensor<8x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %q : tensor<8x!quant.uniform<i8:f32, 0.00390625:-128>>
}

// -----

// A computed constant that the function also returns survives the fold.
// CHECK-LABEL: func.func @shared_constant
// CHECK:         %[[C:.*]] = "tosa.const"() <{values = dense<2> : tensor<1xi8>}>
// CHECK:         %[[CF:.*]] = tosa.cast %[[C]]
// CHECK:         tosa.table
// CHECK-NOT:     tosa.sigmoid
// CHECK:         return %{{.*}}, %[[CF]]
func.func @shared_constant(%arg0: tensor<8x!quant.uniform<i8:f32, 0.05:3>>) -> (tensor<8x!quant.uniform<i8:f32, 0.00390625:-128>>, tensor<1xf32>) {
  %x = quant.dcast %arg0 : tensor<8x!quant.uniform<i8:f32, 0.05:3>> to tensor<8xf32>
  %c = "tosa.const"() <{values = dense<2> : tensor<1xi8>}> : () -> tensor<1xi8>
  %cf = tosa.cast %c : (tensor<1xi8>) -> tensor<1xf32>
  %a = tosa.sub %x, %cf : (tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %y = tosa.sigmoid %a : (tensor<8xf32>) -> tensor<8xf32>
  %q = quant.qcast %y : tensor<8xf32> to tensor<8x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %q, %cf : tensor<8x!quant.uniform<i8:f32, 0.00390625:-128>>, tensor<1xf32>
}

// -----

// A constant operand computed from a constant that is not a splat: declined,
// naming the operation that reads it.
// CHECK-LABEL: func.func @non_splat
// CHECK:         tosa.sigmoid
// CHECK-NOT:     tosa.table
func.func @non_splat(%arg0: tensor<4x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>> {
  %x = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.05:3>> to tensor<4xf32>
  %c = "tosa.const"() <{values = dense<[1, 2, 3, 4]> : tensor<4xi8>}> : () -> tensor<4xi8>
  %cf = tosa.cast %c : (tensor<4xi8>) -> tensor<4xf32>
  %a = tosa.sub %x, %cf : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %y = tosa.sigmoid %a : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{not folded into a table: an operand computed from constants is unusable: 'tosa.cast' reads a constant that is not a splat of a type an island can hold}}
  %q = quant.qcast %y : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %q : tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>>
}

// -----

// The reciprocal of a zero scale is +inf, as TOSA computes it: every code
// but 0 saturates, and 0 * inf is NaN. Folded, not a crash.
// CHECK-LABEL: func.func @divide_by_zero
// CHECK-NEXT:    "tosa.const"() <{values = dense<{{.*}}> : tensor<256xi8>}>
// CHECK-NEXT:    tosa.table %arg0
// CHECK-NEXT:    return
func.func @divide_by_zero(%arg0: tensor<8xi8>) -> tensor<8xi8> {
  %x = tosa.cast %arg0 : (tensor<8xi8>) -> tensor<8xf32>
  %zero = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %inf = tosa.reciprocal %zero : (tensor<1xf32>) -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %t = tosa.tanh %x : (tensor<8xf32>) -> tensor<8xf32>
  // expected-remark@+1 {{'tosa.mul' gives NaN for input codes 0; a NaN cast to an integer reads as 0}}
  %m = tosa.mul %t, %inf, %shift : (tensor<8xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<8xf32>
  %c = tosa.clamp %m {min_val = -128.0 : f32, max_val = 127.0 : f32} : (tensor<8xf32>) -> tensor<8xf32>
  %q = tosa.cast %c : (tensor<8xf32>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}

// -----

// A zero point subtracted in i8 before the cast wraps (-100 - 100 is 56):
// the sub is part of the island, and the table wraps the same way.
// CHECK-LABEL: func.func @wrapping_prefix
// CHECK-NEXT:    "tosa.const"() <{values = dense<{{.*}}> : tensor<256xi8>}>
// CHECK-NEXT:    tosa.table %arg0
// CHECK-NEXT:    return
func.func @wrapping_prefix(%arg0: tensor<8xi8>) -> tensor<8xi8> {
  %zp = "tosa.const"() <{values = dense<100> : tensor<1xi8>}> : () -> tensor<1xi8>
  %s = tosa.sub %arg0, %zp : (tensor<8xi8>, tensor<1xi8>) -> tensor<8xi8>
  %x = tosa.cast %s : (tensor<8xi8>) -> tensor<8xf32>
  %y = tosa.sigmoid %x : (tensor<8xf32>) -> tensor<8xf32>
  %q = tosa.cast %y : (tensor<8xf32>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}

// -----

// Two non-constant i8 values meet before the cast: the largest island would
// read both, so the island starts at the cast and the add stays.
// CHECK-LABEL: func.func @two_inputs_before_cast
// CHECK:         %[[A:.*]] = tosa.add %arg0, %arg1
// CHECK:         tosa.table %[[A]]
func.func @two_inputs_before_cast(%arg0: tensor<8xi8>, %arg1: tensor<8xi8>) -> tensor<8xi8> {
  %a = tosa.add %arg0, %arg1 : (tensor<8xi8>, tensor<8xi8>) -> tensor<8xi8>
  %x = tosa.cast %a : (tensor<8xi8>) -> tensor<8xf32>
  %y = tosa.sigmoid %x : (tensor<8xf32>) -> tensor<8xf32>
  %q = tosa.cast %y : (tensor<8xf32>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}
