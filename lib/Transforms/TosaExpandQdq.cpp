//===- TosaExpandQdq.cpp - The --tosa-expand-qdq pass ---------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/ExpandQdq.h"
#include "lutfold/Transforms/Passes.h"

namespace lutfold {
#define GEN_PASS_DEF_TOSAEXPANDQDQ
#include "lutfold/Transforms/Passes.h.inc"
} // namespace lutfold

using namespace mlir;
using namespace lutfold;

namespace {
struct TosaExpandQdq final : lutfold::impl::TosaExpandQdqBase<TosaExpandQdq> {
  using Base::Base;

  void runOnOperation() override {
    ExpandQdqResult result =
        expandQuantizeDequantize(getOperation(), numerics, reportLeft);
    reportExpandSummary(getOperation(), result, reportSummary);
    numExpanded += result.numExpanded;
    numLeft += result.numLeft;
    if (result.numExpanded == 0)
      markAllAnalysesPreserved();
  }
};
} // namespace
