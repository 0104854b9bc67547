//===- TosaExpandQdq.cpp - The --tosa-expand-qdq pass ---------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/ExpandQdq.h"
#include "lutfold/Transforms/Passes.h"
#include "lutfold/Transforms/QuantTypes.h"

namespace lutfold {
#define GEN_PASS_DEF_TOSAEXPANDQDQ
#include "lutfold/Transforms/Passes.h.inc"
} // namespace lutfold

using namespace mlir;
using namespace lutfold;

namespace {
struct TosaExpandQdq final : lutfold::impl::TosaExpandQdqBase<TosaExpandQdq> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    FailureOr<NumericsPreset> parsed =
        parseNumericsOption(context, "tosa-expand-qdq", numerics);
    if (failed(parsed))
      return failure();
    preset = *parsed;
    return success();
  }

  void runOnOperation() override {
    ExpandQdqResult result =
        expandQuantizeDequantize(getOperation(), preset, reportLeft);
    if (result.numExpanded == 0)
      markAllAnalysesPreserved();
  }

private:
  NumericsPreset preset = NumericsPreset::PT2E;
};
} // namespace
