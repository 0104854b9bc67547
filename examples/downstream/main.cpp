//===- main.cpp - A compiler that uses LutFold as a library ---------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The three ways to use LutFold from C++: the table builders on their own,
// the passes and `lutfold-pipeline` in a pass manager, and the fold as
// rewrite patterns in one's own pattern set.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/Int16Table.h"
#include "lutfold/Numerics/LookupTable.h"
#include "lutfold/Numerics/ScalarFunctions.h"
#include "lutfold/Transforms/FoldToTable.h"
#include "lutfold/Transforms/Passes.h"
#include "lutfold/Transforms/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/Passes.h"

#include "llvm/Support/raw_ostream.h"

using namespace mlir;

static constexpr const char *kModule = R"mlir(
!in = !quant.uniform<i8:f32, 0.05:-3>
!out = !quant.uniform<i8:f32, 0.03:-90>
func.func @silu(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = tosa.mul %0, %1, %shift : (tensor<4xf32>, tensor<4xf32>, tensor<1xi8>) -> tensor<4xf32>
  %3 = quant.qcast %2 : tensor<4xf32> to tensor<4x!out>
  return %3 : tensor<4x!out>
}
)mlir";

static unsigned countTables(ModuleOp module) {
  unsigned count = 0;
  module.walk([&](tosa::TableOp) { ++count; });
  return count;
}

/// 1. Tables straight from parameters and a function: no IR involved.
static int buildTables() {
  lutfold::QuantParams in =
      lutfold::QuantParams::fullRange(lutfold::StorageType::i8(), 0.05, -3);
  lutfold::QuantParams out = lutfold::QuantParams::fullRange(
      lutfold::StorageType::i8(), 1.0 / 256, -128);
  llvm::Expected<lutfold::Int8Table> table =
      lutfold::buildInt8Table(in, out, lutfold::scalar::sigmoid);
  if (!table) {
    llvm::errs() << llvm::toString(table.takeError()) << "\n";
    return 1;
  }
  llvm::outs() << "int8 sigmoid: code -128 -> " << int(table->lookup(-128))
               << ", 0 -> " << int(table->lookup(0)) << ", 127 -> "
               << int(table->lookup(127)) << "\n";

  lutfold::QuantParams in16{lutfold::StorageType::i16(), 4.0 / 32767, 0, -32767,
                            32767};
  lutfold::QuantParams out16{lutfold::StorageType::i16(), 1.0 / 32767, 0,
                             -32767, 32767};
  llvm::Expected<lutfold::Int16Reference> reference =
      lutfold::buildInt16Reference(in16, out16, lutfold::scalar::tanh);
  if (!reference) {
    llvm::errs() << llvm::toString(reference.takeError()) << "\n";
    return 1;
  }
  llvm::Expected<lutfold::Int16Table> table16 =
      lutfold::fitInt16Table(*reference);
  if (!table16) {
    llvm::errs() << llvm::toString(table16.takeError()) << "\n";
    return 1;
  }
  lutfold::Int16TableError error =
      lutfold::measureInt16TableError(*table16, *reference);
  llvm::outs() << "int16 tanh: 513 entries, error at most " << error.maxError
               << (error.maxError == 1 ? " output code\n" : " output codes\n");
  return 0;
}

int main() {
  if (int status = buildTables())
    return status;

  DialectRegistry registry;
  registry.insert<func::FuncDialect, quant::QuantDialect, tensor::TensorDialect,
                  tosa::TosaDialect>();
  MLIRContext context(registry);

  // 2. The passes and the pipeline, by name as any textual pipeline would
  // use them (buildLutFoldPipeline adds the same passes directly).
  lutfold::registerLutFoldPasses();
  lutfold::registerLutFoldPipelines();
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(kModule, &context);
  if (!module)
    return 1;
  auto pm = PassManager::on<ModuleOp>(&context);
  if (failed(parsePassPipeline("lutfold-pipeline", pm)))
    return 1;
  // Canonicalize after the fold, never before it.
  pm.addPass(createCanonicalizerPass());
  if (failed(pm.run(*module)))
    return 1;
  llvm::outs() << "pipeline: " << countTables(*module) << " tosa.table\n";

  // 3. The fold as patterns in this compiler's own pattern set. Folding is
  // off: upstream folds quant.dcast(quant.qcast(x)) to x.
  OwningOpRef<ModuleOp> other = parseSourceString<ModuleOp>(kModule, &context);
  if (!other)
    return 1;
  RewritePatternSet patterns(&context);
  lutfold::populateFoldToTablePatterns(patterns);
  if (failed(applyPatternsGreedily(*other, std::move(patterns),
                                   GreedyRewriteConfig().enableFolding(false))))
    return 1;
  llvm::outs() << "patterns: " << countTables(*other) << " tosa.table\n";
  return 0;
}
