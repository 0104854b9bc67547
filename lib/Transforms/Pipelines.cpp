//===- Pipelines.cpp - Ready-made LutFold pipelines -----------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/Pipelines.h"

#include "lutfold/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassRegistry.h"

using namespace mlir;
using namespace lutfold;

void lutfold::buildLutFoldPipeline(OpPassManager &pm,
                                   const LutFoldPipelineOptions &options) {
  TosaFoldToTableOptions fold;
  fold.numerics = options.numerics;
  fold.reportDeclined = options.report;
  fold.reportFolded = options.report;
  fold.reportSummary = options.report;
  pm.addNestedPass<func::FuncOp>(createTosaFoldToTable(fold));
  if (!options.expandRemaining)
    return;
  TosaExpandQdqOptions expand;
  expand.numerics = options.numerics;
  expand.reportLeft = options.report;
  pm.addNestedPass<func::FuncOp>(createTosaExpandQdq(expand));
}

void lutfold::registerLutFoldPipelines() {
  PassPipelineRegistration<LutFoldPipelineOptions>(
      "lutfold-pipeline",
      "Fold the quantized float islands of every function into TOSA tables "
      "(and optionally expand the quantization left)",
      buildLutFoldPipeline);
}
