//===- FoldToTable.h - Fold quantized activations into tables ---*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The reusable entry point behind --tosa-fold-to-table, for compilers that
// drive the fold from their own passes.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_TRANSFORMS_FOLDTOTABLE_H
#define LUTFOLD_TRANSFORMS_FOLDTOTABLE_H

#include "lutfold/Numerics/Quantizer.h"

#include "mlir/IR/Operation.h"

namespace lutfold {

struct FoldToTableOptions {
  /// Whose quantize/dequantize arithmetic the tables reproduce.
  NumericsPreset preset = NumericsPreset::PT2E;
  /// Emit a remark, with the reason, at every candidate left unfolded.
  bool reportDeclined = false;
};

struct FoldToTableResult {
  /// Islands replaced by a tosa.table.
  unsigned numFolded = 0;
  /// Candidates left as they were.
  unsigned numDeclined = 0;
};

/// Folds every int8 `quant.qcast(tosa.sigmoid(quant.dcast(x)))` nested under
/// `root` (excluding `root` itself) into `quant.scast -> tosa.table ->
/// quant.scast`. Never folds or canonicalizes anything else; operations that
/// are not part of a folded island are left untouched.
FoldToTableResult foldIslandsToTables(mlir::Operation *root,
                                      const FoldToTableOptions &options);

} // namespace lutfold

#endif // LUTFOLD_TRANSFORMS_FOLDTOTABLE_H
