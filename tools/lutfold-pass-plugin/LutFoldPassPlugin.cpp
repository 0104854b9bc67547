//===- LutFoldPassPlugin.cpp - LutFold as an mlir-opt pass plugin ---------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Loaded by a stock mlir-opt that links libMLIR.so:
//   mlir-opt --load-pass-plugin=LutFoldPassPlugin.so --tosa-fold-to-table
// registers LutFold's passes and pipelines in that tool's registry.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/Passes.h"
#include "lutfold/Transforms/Pipelines.h"

#include "mlir/Tools/Plugins/PassPlugin.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Compiler.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "LutFold", LLVM_VERSION_STRING, [] {
            lutfold::registerLutFoldPasses();
            lutfold::registerLutFoldPipelines();
          }};
}
