//===- TosaFoldToTable.cpp - The --tosa-fold-to-table pass ----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/FoldToTable.h"
#include "lutfold/Transforms/Passes.h"

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
    std::optional<NumericsPreset> parsed = parseNumericsPreset(numerics);
    if (!parsed)
      return emitError(UnknownLoc::get(context))
             << "tosa-fold-to-table: unknown numerics preset '" << numerics
             << "' (expected 'pt2e')";
    preset = *parsed;
    return success();
  }

  void runOnOperation() override {
    FoldToTableOptions options;
    options.preset = preset;
    options.reportDeclined = reportDeclined;
    FoldToTableResult result = foldIslandsToTables(getOperation(), options);
    numFolded += result.numFolded;
    numDeclined += result.numDeclined;
    if (result.numFolded == 0)
      markAllAnalysesPreserved();
  }

private:
  NumericsPreset preset = NumericsPreset::PT2E;
};
} // namespace
