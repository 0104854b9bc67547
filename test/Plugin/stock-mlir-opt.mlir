// Debian's stock mlir-opt (which links libMLIR.so) loads LutFold's pass
// plugin and runs its passes and pipeline. Stock mlir-opt parses the
// individual pass flags (--canonicalize, ...) before it loads plugins, so a
// plugin's passes are named in --pass-pipeline (or -p), as upstream's own
// plugin example does.

// REQUIRES: pass-plugin
// RUN: mlir-opt --load-pass-plugin=%lutfold_pass_plugin \
// RUN:   --pass-pipeline="builtin.module(tosa-fold-to-table)" %s | FileCheck %s
// RUN: mlir-opt --load-pass-plugin=%lutfold_pass_plugin \
// RUN:   -p "builtin.module(lutfold-pipeline{report})" %s 2>&1 >/dev/null \
// RUN:   | FileCheck %s --check-prefix=PIPELINE
// RUN: mlir-opt --load-pass-plugin=%lutfold_pass_plugin \
// RUN:   -p "builtin.module(func.func(tosa-expand-qdq))" %s | FileCheck %s --check-prefix=EXPAND
// The pipeline reaches functions in nested modules.
// RUN: mlir-opt --load-pass-plugin=%lutfold_pass_plugin \
// RUN:   -p "builtin.module(lutfold-pipeline)" %S/../Transforms/tosa-fold-to-table-nested.mlir \
// RUN:   | FileCheck %S/../Transforms/tosa-fold-to-table-nested.mlir
// A module with other dialects beside the islands, through both.
// RUN: mlir-opt --load-pass-plugin=%lutfold_pass_plugin \
// RUN:   -p "builtin.module(tosa-fold-to-table)" %S/../lutfold-opt/whole-module.mlir \
// RUN:   | FileCheck %S/../lutfold-opt/whole-module.mlir
// RUN: mlir-opt --load-pass-plugin=%lutfold_pass_plugin \
// RUN:   -p "builtin.module(lutfold-pipeline)" %S/../lutfold-opt/whole-module.mlir \
// RUN:   | FileCheck %S/../lutfold-opt/whole-module.mlir
// The same output as lutfold-opt's.
// RUN: mlir-opt --load-pass-plugin=%lutfold_pass_plugin \
// RUN:   -p "builtin.module(tosa-fold-to-table)" %S/../../examples/sigmoid.mlir > %t.plugin
// RUN: lutfold-opt --tosa-fold-to-table %S/../../examples/sigmoid.mlir > %t.tool
// RUN: diff %t.plugin %t.tool

!in = !quant.uniform<i8:f32, 0.1:-3>
!out = !quant.uniform<i8:f32, 0.00390625:-128>

// CHECK-LABEL: func.func @sigmoid
// CHECK:         "tosa.const"() <{values = dense<{{.*}}> : tensor<256xi8>}>
// CHECK:         tosa.table
// CHECK-NOT:     tosa.sigmoid
// PIPELINE:      remark: folded into a table: tosa.sigmoid;
// PIPELINE:      remark: tosa-fold-to-table: 1 island folded, 0 declined, 1 distinct table
// EXPAND-LABEL:  func.func @sigmoid
// EXPAND-NOT:    quant.dcast
// EXPAND:        tosa.sigmoid
// EXPAND-NOT:    quant.qcast
func.func @sigmoid(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!out>
  return %2 : tensor<4x!out>
}
