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

#include "lutfold/Transforms/Island.h"

#include "llvm/ADT/StringRef.h"

namespace lutfold {

/// Formats ascending codes as ranges: "-128..-1, 5".
std::string formatCodeRanges(llvm::ArrayRef<int64_t> codes);

/// "not folded into a table: <reason>", at the quantize.
void emitDeclinedRemark(mlir::Operation *sink, llvm::StringRef reason);

/// At each operation that first produces a NaN for some input codes, a
/// remark naming those codes and the code the table gives them.
void emitNaNRemarks(const Island &island, const CachedTable &table,
                    const std::optional<IslandQuantization> &quantization,
                    NumericsPreset preset);

/// "folded into a table: <ops>; <types>; <table>", at the quantize: the
/// island's operations, its input and output types (int16: the error of
/// TABLE + RESCALE), and whether the table is new.
void emitFoldedRemark(const Island &island, const CachedTable &table,
                      mlir::Type outputType, bool isNewTable);

} // namespace lutfold

#endif // LUTFOLD_LIB_TRANSFORMS_FOLDREMARKS_H
