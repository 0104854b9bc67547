//===- Pipelines.h - Ready-made LutFold pipelines ---------------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_TRANSFORMS_PIPELINES_H
#define LUTFOLD_TRANSFORMS_PIPELINES_H

#include "lutfold/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace lutfold {

struct LutFoldPipelineOptions
    : public mlir::PassPipelineOptions<LutFoldPipelineOptions> {
  Option<NumericsPreset> numerics{
      *this, "numerics",
      llvm::cl::desc("Numerics preset of the tables and expansions (as "
                     "--tosa-fold-to-table's numerics)"),
      llvm::cl::init(TosaFoldToTableOptions().numerics),
      getNumericsPresetValues()};
  Option<bool> expandRemaining{
      *this, "expand-remaining",
      llvm::cl::desc("Expand the quantizes and dequantizes left after "
                     "folding into plain TOSA with the preset's arithmetic"),
      llvm::cl::init(false)};
  Option<bool> composeTables{
      *this, "compose-tables",
      llvm::cl::desc("After the fold, compose chains of integer element-wise "
                     "operations on i8 values (tables, clamps, ...) into one "
                     "table (--tosa-compose-tables)"),
      llvm::cl::init(true)};
  Option<int64_t> maxError{
      *this, "max-error",
      llvm::cl::desc("The largest error, in output codes, of a fold that is "
                     "not exact (int16 TABLE + RESCALE); -1: the default, "
                     "one 64th of the output range (--tosa-fold-to-table)"),
      llvm::cl::init(TosaFoldToTableOptions().maxError)};
  Option<bool> report{
      *this, "report",
      llvm::cl::desc("Remarks for every folded island and every declined "
                     "quantize, and a summary per function"),
      llvm::cl::init(false)};
};

/// Folds the islands of every function, at any depth, into tables (the
/// root's isolated children, such as functions and nested modules, in
/// parallel); with `compose-tables` (the default), composes the integer
/// chains left (a table after a table, a clamp after a table) into one
/// table; with `expand-remaining`, then expands what quantization is left
/// into plain TOSA, for backends that do not read the quant dialect.
void buildLutFoldPipeline(mlir::OpPassManager &pm,
                          const LutFoldPipelineOptions &options);

/// Registers `lutfold-pipeline` for textual pipelines (`--lutfold-pipeline`,
/// `--pass-pipeline=...`).
void registerLutFoldPipelines();

} // namespace lutfold

#endif // LUTFOLD_TRANSFORMS_PIPELINES_H
