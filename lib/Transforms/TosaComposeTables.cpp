//===- TosaComposeTables.cpp - The --tosa-compose-tables pass -------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/ComposeTables.h"
#include "lutfold/Transforms/Passes.h"

namespace lutfold {
#define GEN_PASS_DEF_TOSACOMPOSETABLES
#include "lutfold/Transforms/Passes.h.inc"
} // namespace lutfold

using namespace mlir;
using namespace lutfold;

namespace {
struct TosaComposeTables final
    : lutfold::impl::TosaComposeTablesBase<TosaComposeTables> {
  using Base::Base;

  void runOnOperation() override {
    ComposeTablesOptions options;
    options.reportComposed = reportComposed;
    options.reportDeclined = reportDeclined;
    ComposeTablesResult result = composeIntegerChains(getOperation(), options);
    numComposed += result.numComposed;
    numIdentities += result.numIdentities;
    numConstants += result.numConstants;
    if (result.numComposed + result.numIdentities + result.numConstants == 0)
      markAllAnalysesPreserved();
  }
};
} // namespace
