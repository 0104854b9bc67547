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
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

/// LutFold's own passes and pipeline with their options: what --help
/// buries among upstream's.
static void printLutFoldHelp() {
  llvm::outs() << "LutFold's passes and pipeline (--help lists upstream's "
                  "too; docs/Passes.md has their reference):\n\n";
  constexpr size_t kIndent = 2, kDescIndent = 36;
  for (llvm::StringRef pass :
       {"tosa-fold-to-table", "tosa-compose-tables", "tosa-expand-qdq"})
    if (const mlir::PassInfo *info = mlir::PassInfo::lookup(pass))
      info->printHelpStr(kIndent, kDescIndent);
  if (const mlir::PassPipelineInfo *pipeline =
          mlir::PassPipelineInfo::lookup("lutfold-pipeline"))
    pipeline->printHelpStr(kIndent, kDescIndent);
}

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllPasses();

  lutfold::registerLutFoldPasses();
  lutfold::registerLutFoldPipelines();

  // Handled while the command line is parsed, as --version is.
  static llvm::cl::opt<bool> helpLutFold(
      "help-lutfold",
      llvm::cl::desc("List LutFold's own passes and pipeline, with their "
                     "options, and exit"),
      llvm::cl::ValueDisallowed, llvm::cl::callback([](const bool &) {
        printLutFoldHelp();
        std::exit(0);
      }));

  llvm::cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << "LutFold version " << LUTFOLD_VERSION_STRING << "\n"
       << "  lutfold-opt, built with MLIR and LLVM " << LLVM_VERSION_STRING
       << "\n";
  });

  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv,
                        "LutFold: folds the float islands of quantized TOSA "
                        "IR into integer tables. mlir-opt with LutFold's "
                        "passes; --help-lutfold lists only those\n",
                        registry));
}
