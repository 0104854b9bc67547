//===- Pipelines.cpp - Ready-made LutFold pipelines -----------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/Pipelines.h"

#include "lutfold/Transforms/Passes.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;
using namespace lutfold;

void lutfold::buildLutFoldPipeline(OpPassManager &pm,
                                   const LutFoldPipelineOptions &options) {
  TosaFoldToTableOptions fold;
  fold.numerics = options.numerics;
  fold.maxError = options.maxError;
  fold.reportDeclined = options.report;
  fold.reportFolded = options.report;
  fold.reportSummary = options.report;
  // Both passes walk everything nested under the operation they run on, so
  // running them on every isolated child of the root (functions, nested
  // modules, ...) reaches functions at any depth, the children in parallel.
  OpPassManager &children = pm.nestAny();
  children.addPass(createTosaFoldToTable(fold));
  if (options.composeTables) {
    TosaComposeTablesOptions compose;
    compose.reportComposed = options.report;
    compose.reportDeclined = options.report;
    children.addPass(createTosaComposeTables(compose));
  }
  if (!options.expandRemaining)
    return;
  TosaExpandQdqOptions expand;
  expand.numerics = options.numerics;
  expand.reportLeft = options.report;
  children.addPass(createTosaExpandQdq(expand));
}

void lutfold::registerLutFoldPipelines() {
  PassPipelineRegistration<LutFoldPipelineOptions>(
      "lutfold-pipeline",
      "Fold the quantized float islands of every function into TOSA tables, "
      "compose the integer chains left into one table (and optionally expand "
      "the quantization left)",
      buildLutFoldPipeline);
}
