// RESCALEs that TOSA forbids (its ERROR_IF rules) but the verifier accepts
// are left as they were, with the reason, and so is every chain through
// them. (Not valid TOSA, so not validated as tosa-compose-tables.mlir is.)

// RUN: lutfold-opt --tosa-compose-tables %s | FileCheck %s
// RUN: lutfold-opt --verify-diagnostics --mlir-print-op-on-diagnostic=false \
// RUN:   --tosa-compose-tables="report-composed report-declined" %s > /dev/null

// DOUBLE_ROUND with a 16-bit multiplier (upstream refuses to lower it), two
// unsigned ends, an unsigned end facing i32.
// CHECK-LABEL: func.func @invalid_rescales_left
// CHECK-COUNT-3: tosa.rescale
// CHECK-NOT: tosa.table
func.func @invalid_rescales_left(%x: tensor<4xi8>) -> (tensor<4xi8>, tensor<4xi8>, tensor<4xi32>) {
  %m16 = "tosa.const"() <{values = dense<16384> : tensor<1xi16>}> : () -> tensor<1xi16>
  %m = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %s = "tosa.const"() <{values = dense<15> : tensor<1xi8>}> : () -> tensor<1xi8>
  %s31 = "tosa.const"() <{values = dense<31> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp32 = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %c = tosa.clamp %x {min_val = 0 : i8, max_val = 100 : i8, nan_mode = "PROPAGATE"} : (tensor<4xi8>) -> tensor<4xi8>
  // expected-remark @below {{not composed: DOUBLE_ROUND with a 16-bit multiplier (scale32 = false), which TOSA forbids}}
  %a = tosa.rescale %c, %m16, %s, %zp, %zp {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = DOUBLE_ROUND, scale32 = false} : (tensor<4xi8>, tensor<1xi16>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<4xi8>
  %d = tosa.clamp %x {min_val = 0 : i8, max_val = 100 : i8} : (tensor<4xi8>) -> tensor<4xi8>
  // expected-remark @below {{not composed: both ends are unsigned, which TOSA forbids}}
  %b = tosa.rescale %d, %m, %s31, %zp, %zp {input_unsigned = true, output_unsigned = true, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<4xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<4xi8>
  // expected-remark @below {{not composed: an unsigned end faces a 32- or 48-bit one, which TOSA forbids}}
  %e = tosa.rescale %x, %m, %s31, %zp, %zp32 {input_unsigned = true, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<4xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi32>) -> tensor<4xi32>
  return %a, %b, %e : tensor<4xi8>, tensor<4xi8>, tensor<4xi32>
}

