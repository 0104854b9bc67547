//===- FoldRemarks.h - What the fold tells the user -------------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The remarks of --tosa-fold-to-table: why a quantize is not folded, what a
// folded island became, and which input codes give NaN. Private to the fold.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_LIB_TRANSFORMS_FOLDREMARKS_H
#define LUTFOLD_LIB_TRANSFORMS_FOLDREMARKS_H

#include "TableCache.h"

#include "lutfold/Transforms/FoldToTable.h"
#include "lutfold/Transforms/Island.h"

#include "llvm/ADT/StringRef.h"

namespace lutfold {

/// Formats ascending codes as ranges: "-128..-1, 5".
std::string formatCodeRanges(llvm::ArrayRef<int64_t> codes);

// Every remark of the fold goes through emitPassRemark (PassRemarks.h):
// category "tosa-fold-to-table", subcategory "folded" (passed), "declined"
// (missed), "nan" or "summary" (analysis); printed for people with the
// report-* options (NaN remarks always). Reports (IslandReport) are built only
// when a remark or FoldToTableOptions::onReport wants them.

/// The names of the functions that operations are in, as engine remarks
/// give them. Islands follow one another in a block, so the function is
/// looked up once per block: an interface lookup through libMLIR.so costs
/// hundreds of instructions, which every island would otherwise pay. Valid
/// while the blocks it has seen live (one pass run).
class FunctionNames {
public:
  llvm::StringRef get(mlir::Operation *op);

private:
  mlir::Block *lastBlock = nullptr;
  llvm::StringRef lastName;
};

/// "not folded into a table: <reason>", at the quantize, with
/// `printRemark`; to the remark engine and `onReport`, in function
/// `function`.
void reportDeclined(mlir::Operation *sink, llvm::StringRef reason,
                    bool printRemark, llvm::StringRef function,
                    const IslandReportHandler &onReport);

/// At each operation that first produces a NaN for some input codes, a
/// remark naming those codes and the code the table gives them.
void emitNaNRemarks(const Island &island, const CachedTable &table,
                    const std::optional<IslandQuantization> &quantization,
                    NumericsPreset preset);

/// "folded into a table: <ops>; <types>; <table>", at the quantize, with
/// `printRemark`: the island's operations, its input and output types
/// (int16: the error of TABLE + RESCALE), and whether the table is new. To
/// the remark engine and `onReport`, in function `function`.
void reportFolded(const Island &island, const CachedTable &table,
                  mlir::Type outputType, bool isNewTable, bool printRemark,
                  llvm::StringRef function,
                  const IslandReportHandler &onReport);

/// The summary of a run over `root`: islands folded, quantizes declined,
/// distinct tables; printed at `root`'s location with `printRemark`.
void reportSummary(mlir::Operation *root, unsigned numFolded,
                   unsigned numDeclined, unsigned numTables, bool printRemark);

} // namespace lutfold

#endif // LUTFOLD_LIB_TRANSFORMS_FOLDREMARKS_H
