// Hostile but valid inputs: the tool never crashes, every output verifies,
// and what cannot be folded says why (docs/Diagnostics.md).

// RUN: lutfold-opt --split-input-file --verify-diagnostics \
// RUN:   --tosa-fold-to-table="report-declined=true" %s | FileCheck %s

// TOSA rejects zero-sized operands, so a zero-sized "island" can only be a
// requantize, which is declined with a reason.
// CHECK-LABEL: func.func @zero_sized
// CHECK-NOT:     tosa.table
func.func @zero_sized(%arg0: tensor<0x4x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<0x4x!quant.uniform<i8:f32, 0.00390625:-128>> {
  %0 = quant.dcast %arg0 : tensor<0x4x!quant.uniform<i8:f32, 0.05:3>> to tensor<0x4xf32>
  // expected-remark@+1 {{not folded into a table: no operation between quant.dcast and quant.qcast}}
  %1 = quant.qcast %0 : tensor<0x4xf32> to tensor<0x4x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %1 : tensor<0x4x!quant.uniform<i8:f32, 0.00390625:-128>>
}

// -----

// Extreme scales: the smallest denormal-range and the largest f32 scales
// still give a table (saturated where the formula says so).
// CHECK-LABEL: func.func @extreme_scales
// CHECK-COUNT-3: tosa.table
func.func @extreme_scales(%a: tensor<4x!quant.uniform<i8:f32, 1.5e-45:0>>, %b: tensor<4x!quant.uniform<i8:f32, 3.0e38:127>>, %c: tensor<4x!quant.uniform<i8:f32, 1.0e-38:-128>>) -> (tensor<4x!quant.uniform<i8:f32, 1.0e-39:-128>>, tensor<4x!quant.uniform<i8:f32, 3.0e38:-128>>, tensor<4x!quant.uniform<i8:f32, 1.0e38:127>>) {
  %0 = quant.dcast %a : tensor<4x!quant.uniform<i8:f32, 1.5e-45:0>> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 1.0e-39:-128>>
  %3 = quant.dcast %b : tensor<4x!quant.uniform<i8:f32, 3.0e38:127>> to tensor<4xf32>
  %4 = tosa.exp %3 : (tensor<4xf32>) -> tensor<4xf32>
  %5 = quant.qcast %4 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 3.0e38:-128>>
  %6 = quant.dcast %c : tensor<4x!quant.uniform<i8:f32, 1.0e-38:-128>> to tensor<4xf32>
  %7 = tosa.tanh %6 : (tensor<4xf32>) -> tensor<4xf32>
  %8 = quant.qcast %7 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 1.0e38:127>>
  return %2, %5, %8 : tensor<4x!quant.uniform<i8:f32, 1.0e-39:-128>>, tensor<4x!quant.uniform<i8:f32, 3.0e38:-128>>, tensor<4x!quant.uniform<i8:f32, 1.0e38:127>>
}

// -----

// Zero points at the storage bounds, and two-code ranges.
// CHECK-LABEL: func.func @bounds
// CHECK-COUNT-2: tosa.table
func.func @bounds(%a: tensor<4x!quant.uniform<i8:f32, 0.1:-128>>, %b: tensor<4x!quant.uniform<i8<4:5>:f32, 0.1:127>>) -> (tensor<4x!quant.uniform<i8:f32, 0.1:127>>, tensor<4x!quant.uniform<i8<-3:-2>:f32, 0.1:-128>>) {
  %0 = quant.dcast %a : tensor<4x!quant.uniform<i8:f32, 0.1:-128>> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.1:127>>
  %3 = quant.dcast %b : tensor<4x!quant.uniform<i8<4:5>:f32, 0.1:127>> to tensor<4xf32>
  %4 = tosa.sigmoid %3 : (tensor<4xf32>) -> tensor<4xf32>
  %5 = quant.qcast %4 : tensor<4xf32> to tensor<4x!quant.uniform<i8<-3:-2>:f32, 0.1:-128>>
  return %2, %5 : tensor<4x!quant.uniform<i8:f32, 0.1:127>>, tensor<4x!quant.uniform<i8<-3:-2>:f32, 0.1:-128>>
}

// -----

// Storage types other than signed 8-bit are declined.
// CHECK-LABEL: func.func @other_storage
// CHECK-NOT:     tosa.table
func.func @other_storage(%a: tensor<4x!quant.uniform<i4:f32, 0.1:0>>, %b: tensor<4x!quant.uniform<i32:f32, 0.1:0>>) -> (tensor<4x!quant.uniform<i4:f32, 0.1:0>>, tensor<4x!quant.uniform<i8:f32, 0.1:0>>) {
  %0 = quant.dcast %a : tensor<4x!quant.uniform<i4:f32, 0.1:0>> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{result of quant.qcast: storage type of '!quant.uniform<i4:f32, 1.000000e-01>' is not signed 8- or 16-bit}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<i4:f32, 0.1:0>>
  %3 = quant.dcast %b : tensor<4x!quant.uniform<i32:f32, 0.1:0>> to tensor<4xf32>
  %4 = tosa.sigmoid %3 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{input of quant.dcast: storage type of '!quant.uniform<i32:f32, 1.000000e-01>' is not signed 8- or 16-bit}}
  %5 = quant.qcast %4 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.1:0>>
  return %2, %5 : tensor<4x!quant.uniform<i4:f32, 0.1:0>>, tensor<4x!quant.uniform<i8:f32, 0.1:0>>
}

// -----

// An f64 expressed type is declined.
// CHECK-LABEL: func.func @f64_expressed
// CHECK-NOT:     tosa.table
func.func @f64_expressed(%a: tensor<4x!quant.uniform<i8:f64, 0.1:0>>) -> tensor<4x!quant.uniform<i8:f64, 0.1:0>> {
  %0 = quant.dcast %a : tensor<4x!quant.uniform<i8:f64, 0.1:0>> to tensor<4xf64>
  %1 = tosa.abs %0 : (tensor<4xf64>) -> tensor<4xf64>
  // expected-remark@+1 {{result of quant.qcast: expressed type of '!quant.uniform<i8:f64, 1.000000e-01>' is not f32}}
  %2 = quant.qcast %1 : tensor<4xf64> to tensor<4x!quant.uniform<i8:f64, 0.1:0>>
  return %2 : tensor<4x!quant.uniform<i8:f64, 0.1:0>>
}

// -----

// Islands inside scf.if regions fold; their table is shared at the start of
// the function.
// CHECK-LABEL: func.func @inside_scf_if
// CHECK-NEXT:    %[[T:.*]] = "tosa.const"() {{.*}} -> tensor<256xi8>
// CHECK:         scf.if
// CHECK:           tosa.table %{{.*}}, %[[T]]
// CHECK:         } else {
// CHECK:           tosa.table %{{.*}}, %[[T]]
// CHECK-NOT:     tosa.sigmoid
func.func @inside_scf_if(%arg0: tensor<4x!quant.uniform<i8:f32, 0.05:3>>, %cond: i1) -> tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>> {
  %r = scf.if %cond -> tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>> {
    %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.05:3>> to tensor<4xf32>
    %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
    %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>>
    scf.yield %2 : tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>>
  } else {
    %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.05:3>> to tensor<4xf32>
    %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
    %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>>
    scf.yield %2 : tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>>
  }
  return %r : tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>>
}
