//===- TosaFoldToTable.cpp - The --tosa-fold-to-table pass ----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/FoldToTable.h"
#include "lutfold/Transforms/Passes.h"

#include "llvm/ADT/STLExtras.h"

namespace lutfold {
#define GEN_PASS_DEF_TOSAFOLDTOTABLE
#include "lutfold/Transforms/Passes.h.inc"
} // namespace lutfold

using namespace mlir;
using namespace lutfold;

namespace {
struct TosaFoldToTable final
    : lutfold::impl::TosaFoldToTableBase<TosaFoldToTable> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    for (const std::string &name : allowedOps)
      if (!llvm::is_contained(getSupportedIslandOps(), name))
        return emitError(UnknownLoc::get(context))
               << "tosa-fold-to-table: '" << name
               << "' is not an operation islands may contain";
    if (maxIslandSize == 0)
      return emitError(UnknownLoc::get(context))
             << "tosa-fold-to-table: max-island-size must be at least 1";
    return success();
  }

  void runOnOperation() override {
    FoldToTableOptions options;
    options.preset = numerics;
    options.limits.maxOps = maxIslandSize;
    options.limits.allowedOps.assign(allowedOps.begin(), allowedOps.end());
    options.reportDeclined = reportDeclined;
    options.reportFolded = reportFolded;
    FoldToTableResult result = foldIslandsToTables(getOperation(), options);
    // At the location alone: the operation (a whole module) would be
    // printed with the remark.
    if (reportSummary)
      emitRemark(getOperation()->getLoc())
          << "tosa-fold-to-table: " << result.numFolded << " islands folded, "
          << result.numDeclined << " declined, " << result.numTables
          << " distinct tables";
    numFolded += result.numFolded;
    numDeclined += result.numDeclined;
    numTables += result.numTables;
    if (result.numFolded == 0)
      markAllAnalysesPreserved();
  }
};
} // namespace
