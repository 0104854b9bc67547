//===- Passes.h - LutFold passes --------------------------------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_TRANSFORMS_PASSES_H
#define LUTFOLD_TRANSFORMS_PASSES_H

#include "lutfold/Numerics/NumericsOption.h"
#include "lutfold/Transforms/FoldToTable.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Pass/Pass.h"

namespace lutfold {

#define GEN_PASS_DECL
#include "lutfold/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "lutfold/Transforms/Passes.h.inc"

/// --tosa-fold-to-table with `options`, handing `onReport` the report of
/// every quantize it looks at: the facts of its remarks as data, for hosts
/// that want them without a remark engine.
std::unique_ptr<mlir::Pass>
createTosaFoldToTable(const TosaFoldToTableOptions &options,
                      IslandReportHandler onReport);

} // namespace lutfold

#endif // LUTFOLD_TRANSFORMS_PASSES_H
