//===- downstream-opt.cpp - An opt tool of a downstream project -----------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A compiler's own opt tool with LutFold's passes and the canonicalizer,
// built against the installed package with LutFold::Transforms alone.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/Passes.h"
#include "lutfold/Transforms/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<mlir::func::FuncDialect, mlir::quant::QuantDialect,
                  mlir::tensor::TensorDialect, mlir::tosa::TosaDialect>();
  lutfold::registerLutFoldPasses();
  lutfold::registerLutFoldPipelines();
  mlir::registerCanonicalizerPass();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "A downstream opt tool\n", registry));
}
