// NaN policy: codes whose float result is NaN get the output zero point
// (clamped to [qmin, qmax]) and a remark at the operation that produced the
// NaN names them. Expected non-NaN entries come from the independent float32
// PT2E model (utils/island_cases.py).

// RUN: lutfold-opt --split-input-file --verify-diagnostics --tosa-fold-to-table \
// RUN:   --mlir-print-elementsattrs-with-hex-if-larger=-1 %s | FileCheck %s

// log of codes -128..-1 (negative values) is NaN: entry 16, the zero point.
// log(0) = -inf saturates to -128.
// CHECK-LABEL: func.func @log_of_negatives
// CHECK-NEXT:    "tosa.const"() <{values = dense<[16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, -128, -32, -21, -14, -10, -6, -3, -1, 1, 3, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 18, 19, 20, 20, 21, 21, 22, 22, 23, 24, 24, 24, 25, 25, 26, 26, 27, 27, 27, 28, 28, 29, 29, 29, 30, 30, 30, 31, 31, 31, 32, 32, 32, 32, 33, 33, 33, 34, 34, 34, 34, 35, 35, 35, 35, 36, 36, 36, 36, 36, 37, 37, 37, 37, 38, 38, 38, 38, 38, 39, 39, 39, 39, 39, 40, 40, 40, 40, 40, 40, 41, 41, 41, 41, 41, 41, 42, 42, 42, 42, 42, 42, 43, 43, 43, 43, 43, 43, 43, 44, 44, 44, 44, 44, 44, 44, 45, 45, 45, 45, 45, 45, 45, 45, 46]> : tensor<256xi8>}>
// CHECK-NOT:     tosa.log
func.func @log_of_negatives(%arg0: tensor<8x!quant.uniform<i8:f32, 0.05>>) -> tensor<8x!quant.uniform<i8:f32, 0.0625:16>> {
  %0 = quant.dcast %arg0 : tensor<8x!quant.uniform<i8:f32, 0.05>> to tensor<8xf32>
  // expected-remark@+1 {{'tosa.log' gives NaN for input codes -128..-1; the table maps them to output code 16 (the output zero point)}}
  %1 = tosa.log %0 : (tensor<8xf32>) -> tensor<8xf32>
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!quant.uniform<i8:f32, 0.0625:16>>
  return %2 : tensor<8x!quant.uniform<i8:f32, 0.0625:16>>
}

// -----

// The output zero point -128 lies outside i8<-127:127>: NaN codes get -127.
// CHECK-LABEL: func.func @rsqrt_narrow_output
// CHECK-NEXT:    "tosa.const"() <{values = dense<[-127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, 127, -56, -77, -87, -92, -96, -99, -101, -103, -104, -105, -106, -107, -108, -109, -110, -110, -111, -111, -112, -112, -112, -113, -113, -113, -114, -114, -114, -114, -115, -115, -115, -115, -116, -116, -116, -116, -116, -116, -117, -117, -117, -117, -117, -117, -117, -117, -118, -118, -118, -118, -118, -118, -118, -118, -118, -118, -119, -119, -119, -119, -119, -119, -119, -119, -119, -119, -119, -119, -119, -119, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -120, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121, -121]> : tensor<256xi8>}>
func.func @rsqrt_narrow_output(%arg0: tensor<8x!quant.uniform<i8:f32, 0.05:10>>) -> tensor<8x!quant.uniform<i8<-127:127>:f32, 0.0625:-128>> {
  %0 = quant.dcast %arg0 : tensor<8x!quant.uniform<i8:f32, 0.05:10>> to tensor<8xf32>
  // expected-remark@+1 {{'tosa.rsqrt' gives NaN for input codes -128..9; the table maps them to output code -127 (the output zero point)}}
  %1 = tosa.rsqrt %0 : (tensor<8xf32>) -> tensor<8xf32>
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!quant.uniform<i8<-127:127>:f32, 0.0625:-128>>
  return %2 : tensor<8x!quant.uniform<i8<-127:127>:f32, 0.0625:-128>>
}

// -----

!in = !quant.uniform<i8:f32, 0.05>
!out = !quant.uniform<i8:f32, 0.0625:16>

// NaN that never reaches the output is not reported: a select discards it,
// and maximum with nan_mode IGNORE replaces it.
// CHECK-LABEL: func.func @nan_discarded_by_select
// CHECK:         tosa.table
// CHECK-NOT:     tosa.select
func.func @nan_discarded_by_select(%arg0: tensor<8x!in>) -> tensor<8x!out> {
  %zero = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = quant.dcast %arg0 : tensor<8x!in> to tensor<8xf32>
  %1 = tosa.greater %0, %zero : (tensor<8xf32>, tensor<1xf32>) -> tensor<8xi1>
  %2 = tosa.log %0 : (tensor<8xf32>) -> tensor<8xf32>
  %3 = tosa.select %1, %2, %0 : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %4 = quant.qcast %3 : tensor<8xf32> to tensor<8x!out>
  return %4 : tensor<8x!out>
}

// CHECK-LABEL: func.func @nan_ignored_by_maximum
// CHECK:         tosa.table
// CHECK-NOT:     tosa.maximum
func.func @nan_ignored_by_maximum(%arg0: tensor<8x!in>) -> tensor<8x!out> {
  %zero = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = quant.dcast %arg0 : tensor<8x!in> to tensor<8xf32>
  %1 = tosa.log %0 : (tensor<8xf32>) -> tensor<8xf32>
  %2 = tosa.maximum %1, %zero {nan_mode = IGNORE} : (tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %3 = quant.qcast %2 : tensor<8xf32> to tensor<8x!out>
  return %3 : tensor<8x!out>
}

// With nan_mode PROPAGATE the NaN reaches the output; it is reported at the
// log, where it starts.
// CHECK-LABEL: func.func @nan_propagated_by_maximum
// CHECK:         tosa.table
func.func @nan_propagated_by_maximum(%arg0: tensor<8x!in>) -> tensor<8x!out> {
  %zero = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = quant.dcast %arg0 : tensor<8x!in> to tensor<8xf32>
  // expected-remark@+1 {{'tosa.log' gives NaN for input codes -128..-1}}
  %1 = tosa.log %0 : (tensor<8xf32>) -> tensor<8xf32>
  %2 = tosa.maximum %1, %zero : (tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %3 = quant.qcast %2 : tensor<8xf32> to tensor<8x!out>
  return %3 : tensor<8x!out>
}

// -----

// A NaN constant is read, not produced: the remark names the operation that
// reads it and gives NaN (here for every code), not the cast that ends the
// plain island. A NaN cast to an integer reads as 0.
// CHECK-LABEL: func.func @minimum_of_nan_constant
// CHECK-NEXT:    "tosa.const"() <{values = dense<0> : tensor<256xi8>}>
// CHECK-NOT:     tosa.minimum
func.func @minimum_of_nan_constant(%arg0: tensor<8xi8>) -> tensor<8xi8> {
  %nan = "tosa.const"() <{values = dense<0x7FC00000> : tensor<1xf32>}> : () -> tensor<1xf32>
  %scale = "tosa.const"() <{values = dense<0.05> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.cast %arg0 : (tensor<8xi8>) -> tensor<8xf32>
  %1 = tosa.mul %0, %scale, %shift : (tensor<8xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<8xf32>
  // expected-remark@+1 {{'tosa.minimum' gives NaN for input codes -128..127; a NaN cast to an integer reads as 0}}
  %2 = tosa.minimum %1, %nan : (tensor<8xf32>, tensor<1xf32>) -> tensor<8xf32>
  %3 = tosa.cast %2 : (tensor<8xf32>) -> tensor<8xi8>
  return %3 : tensor<8xi8>
}

// -----

// nan_mode spelled as a string verifies, but the parser does not convert
// it: the operation holds no NaN mode, which means the default, PROPAGATE,
// as the printed IR says. Both clamps fold into the same table.
// CHECK-LABEL: func.func @nan_mode_spellings
// CHECK-NEXT:    %[[T:.*]] = "tosa.const"()
// CHECK-NOT:     "tosa.const"()
// CHECK:         tosa.table %{{.*}}, %[[T]]
// CHECK:         tosa.table %{{.*}}, %[[T]]
// CHECK-NOT:     tosa.clamp
func.func @nan_mode_spellings(%arg0: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> (tensor<4x!quant.uniform<i8:f32, 0.05>>, tensor<4x!quant.uniform<i8:f32, 0.05>>) {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.1>> to tensor<4xf32>
  %1 = tosa.clamp %0 {max_val = 6.0 : f32, min_val = 0.0 : f32, nan_mode = "IGNORE"} : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.05>>
  %3 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.1>> to tensor<4xf32>
  %4 = tosa.clamp %3 {max_val = 6.0 : f32, min_val = 0.0 : f32, nan_mode = PROPAGATE} : (tensor<4xf32>) -> tensor<4xf32>
  %5 = quant.qcast %4 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.05>>
  return %2, %5 : tensor<4x!quant.uniform<i8:f32, 0.05>>, tensor<4x!quant.uniform<i8:f32, 0.05>>
}
