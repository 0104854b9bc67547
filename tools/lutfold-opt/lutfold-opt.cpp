//===- lutfold-opt.cpp - LutFold optimizer driver -------------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// mlir-opt with LutFold's passes and pipeline: every upstream dialect,
// extension and pass is registered, as in mlir-opt, so that whatever an
// exporter writes loads and LutFold composes with any upstream pass.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/Passes.h"
#include "lutfold/Transforms/Pipelines.h"
#include "lutfold/Version.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllPasses();

  lutfold::registerLutFoldPasses();
  lutfold::registerLutFoldPipelines();

  llvm::cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << "LutFold version " << LUTFOLD_VERSION_STRING << "\n"
       << "  lutfold-opt, built with MLIR and LLVM " << LLVM_VERSION_STRING
       << "\n";
  });

  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "LutFold optimizer driver\n", registry));
}
