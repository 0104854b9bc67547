// The allow-list and island-size options, and their validation.

// RUN: lutfold-opt --tosa-fold-to-table="ops=tosa.sigmoid,tosa.mul report-declined=true" \
// RUN:   --verify-diagnostics %s | FileCheck %s --check-prefix=ALLOW
// Names may leave out the dialect.
// RUN: lutfold-opt --tosa-fold-to-table="ops=sigmoid,mul report-declined=true" \
// RUN:   --verify-diagnostics %s | FileCheck %s --check-prefix=ALLOW
// RUN: not lutfold-opt --tosa-fold-to-table="ops=relu" %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN-SHORT
// RUN: lutfold-opt --tosa-fold-to-table="max-island-size=1 report-declined=true" \
// RUN:   %s 2> %t.remarks | FileCheck %s --check-prefix=SIZE
// RUN: FileCheck %s --check-prefix=SIZE-REMARK --input-file=%t.remarks
// RUN: lutfold-opt --tosa-fold-to-table="max-island-size=2" %s \
// RUN:   | FileCheck %s --check-prefix=SIZE2
// RUN: not lutfold-opt --tosa-fold-to-table="ops=tosa.conv2d" %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN
// RUN: not lutfold-opt --tosa-fold-to-table="max-island-size=0" %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ZERO

// UNKNOWN: error: tosa-fold-to-table: 'tosa.conv2d' is not an operation islands may contain (names as 'tosa.sigmoid' or 'sigmoid'; docs/IslandOps.md lists them)
// UNKNOWN-SHORT: error: tosa-fold-to-table: 'relu' is not an operation islands may contain
// ZERO: error: tosa-fold-to-table: max-island-size must be at least 1

!in = !quant.uniform<i8:f32, 0.05:3>
!out = !quant.uniform<i8:f32, 0.02:-10>

// ALLOW-LABEL: func.func @silu
// ALLOW:         tosa.table
// ALLOW-NOT:     tosa.sigmoid
// SIZE-LABEL:  func.func @silu
// SIZE:          tosa.sigmoid
// SIZE2-LABEL: func.func @silu
// SIZE2:         tosa.table
func.func @silu(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = tosa.mul %0, %1, %shift : (tensor<4xf32>, tensor<4xf32>, tensor<1xi8>) -> tensor<4xf32>
  // SIZE-REMARK: [[@LINE+1]]:8: remark: not folded into a table: the island has more than 1 operations (max-island-size)
  %3 = quant.qcast %2 : tensor<4xf32> to tensor<4x!out>
  return %3 : tensor<4x!out>
}

// ALLOW-LABEL: func.func @tanh
// ALLOW:         tosa.tanh
// ALLOW-NOT:     tosa.table
// SIZE-LABEL:  func.func @tanh
// SIZE:          tosa.table
func.func @tanh(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.tanh %0 : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark@+1 {{not folded into a table: 'tosa.tanh' is not in the allowed operations}}
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}
