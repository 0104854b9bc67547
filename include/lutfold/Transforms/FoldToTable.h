//===- FoldToTable.h - Fold quantized float islands into tables -*- C++ -*-===//
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

#include "lutfold/Numerics/Int16Table.h"
#include "lutfold/Numerics/Quantizer.h"
#include "lutfold/Transforms/Island.h"

#include "mlir/IR/Operation.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <functional>
#include <optional>
#include <string>

namespace lutfold {

/// What the fold did at one quantize, as data: the facts its remarks state.
struct IslandReport {
  IslandReport(mlir::Location loc, llvm::StringRef quantize,
               llvm::StringRef function)
      : loc(loc), quantize(quantize), function(function) {}

  /// Where the quantize is, its name (the operation that ends the island:
  /// `quant.qcast`, or the end of a plain-TOSA island) and the function it
  /// is in.
  mlir::Location loc;
  llvm::StringRef quantize;
  llvm::StringRef function;
  bool folded = false;
  /// Declined: why.
  std::string reason;

  /// Folded: the island's operations in program order, the quantize left
  /// out.
  llvm::SmallVector<llvm::StringRef> ops;
  IslandEncoding encoding = IslandEncoding::QuantDialect;
  /// Folded: the island's input (quant dialect: the quantized value; plain
  /// TOSA: the codes) and output types.
  mlir::Type inputType;
  mlir::Type outputType;
  /// Folded: an int16 TABLE + RESCALE, or else an int8 TABLE (exact).
  bool int16 = false;
  /// Folded, int16: the error of TABLE + RESCALE.
  std::optional<Int16TableError> int16Error;
  /// Folded: the table is new, not shared with an earlier island.
  bool newTable = false;

  /// The words the remark engine's arguments and the API give the facts:
  /// "quant-dialect" or "plain-tosa", "int8 TABLE" or "int16 TABLE +
  /// RESCALE", "new" or "shared".
  llvm::StringRef getEncodingName() const {
    return encoding == IslandEncoding::PlainTosa ? "plain-tosa"
                                                 : "quant-dialect";
  }
  llvm::StringRef getFormName() const {
    return int16 ? "int16 TABLE + RESCALE" : "int8 TABLE";
  }
  llvm::StringRef getTableName() const { return newTable ? "new" : "shared"; }
};

/// Receives a report for every quantize the fold looks at, in order.
using IslandReportHandler = std::function<void(const IslandReport &)>;

struct FoldToTableOptions {
  /// The defaults of --tosa-fold-to-table's options (Passes.td).
  FoldToTableOptions();

  /// Whose quantize/dequantize arithmetic the tables reproduce.
  NumericsPreset preset;
  /// What an island may contain.
  IslandLimits limits;
  /// Emit a remark, with the reason, at every quantize left unfolded.
  bool reportDeclined;
  /// Emit a remark at every folded quantize: the island's operations, its
  /// input and output types, and whether its table is new or shared.
  bool reportFolded;
  /// Decline folds that are not exact (int16 TABLE + RESCALE) whose error
  /// (Int16TableError's maxError) is above this many output codes;
  /// std::nullopt: getDefaultMaxError (QuantParams.h) of the output.
  std::optional<int64_t> maxError;
  /// Called with every quantize's report, if set.
  IslandReportHandler onReport;
};

struct FoldToTableResult {
  /// Islands replaced by a tosa.table.
  unsigned numFolded = 0;
  /// Quantizes left as they were.
  unsigned numDeclined = 0;
  /// tosa.const tables created (identical tables in a function are shared).
  unsigned numTables = 0;
  /// Why each quantize left as it was, and still in the IR, was declined.
  llvm::DenseMap<mlir::Operation *, std::string> declineReasons;
};

/// Folds every island nested under `root` (see Island.h) into
/// `quant.scast -> tosa.table -> quant.scast` (int8), or
/// `quant.scast -> tosa.table -> tosa.rescale -> quant.scast` (int16 input).
/// Identical tables within a function share one `tosa.const` at the start of
/// its body. Operations of a
/// folded island that other users still read are kept; the rest is erased.
/// Nothing else is changed: no folding or canonicalization happens.
FoldToTableResult foldIslandsToTables(mlir::Operation *root,
                                      const FoldToTableOptions &options);

/// Adds to `patterns` the rewrite that folds one island, rooted at the
/// quantize (`quant.qcast`, or the `tosa.cast` to i8 of a plain-TOSA island)
/// that ends it, for compilers that run their own pattern driver. Each fold
/// creates its constants next to the quantize (CSE merges identical ones);
/// a quantize that cannot be folded fails to match, with the reason, and is
/// left untouched. Greedy drivers fold `quant.dcast(quant.qcast(x))` to `x`
/// by default, which changes quantized numerics: disable folding
/// (`GreedyRewriteConfig::enableFolding(false)`) or run the patterns before
/// any canonicalization.
void populateFoldToTablePatterns(mlir::RewritePatternSet &patterns,
                                 const FoldToTableOptions &options = {});

} // namespace lutfold

#endif // LUTFOLD_TRANSFORMS_FOLDTOTABLE_H
