//===- lutfold-opt.cpp - LutFold optimizer driver -------------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// An mlir-opt for quantized TOSA: the dialects such IR uses (with scf for
// control flow around it), LutFold's passes
// and the upstream passes they are composed with.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/Passes.h"
#include "lutfold/Transforms/Pipelines.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Dialect/Tosa/Transforms/Passes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<mlir::arith::ArithDialect, mlir::func::FuncDialect,
                  mlir::quant::QuantDialect, mlir::scf::SCFDialect,
                  mlir::tensor::TensorDialect, mlir::tosa::TosaDialect>();

  lutfold::registerLutFoldPasses();
  lutfold::registerLutFoldPipelines();
  mlir::registerTransformsPasses();
  mlir::tosa::registerTosaPasses();

  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "LutFold optimizer driver\n", registry));
}
