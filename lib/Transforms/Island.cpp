//===- Island.cpp - Element-wise float islands in quantized IR ------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// An island is analysed in three steps: collect its operations by walking
// back from the quantize (IslandCollector.h), check that they stay
// element-for-element with the quantized inputs, and translate them into a
// ScalarProgram.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/Island.h"

#include "IslandCollector.h"

#include "lutfold/Transforms/Passes.h"
#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinTypes.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace lutfold;

using ValueId = ScalarProgram::ValueId;

IslandLimits::IslandLimits() : maxOps(TosaFoldToTableOptions().maxIslandSize) {}

/// Whether `type` keeps the island per-element: same rank as the source,
/// and no dimension that broadcasts a source element to several outputs.
static bool preservesSourceShape(Type type, RankedTensorType sourceType,
                                 bool isConstant) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  if (!ranked || ranked.getRank() != sourceType.getRank())
    return false;
  for (auto [dim, sourceDim] :
       llvm::zip_equal(ranked.getShape(), sourceType.getShape())) {
    if (isConstant) {
      // A constant either broadcasts (size 1) or matches a known size.
      if (dim != 1 && (ShapedType::isDynamic(sourceDim) || dim != sourceDim))
        return false;
      continue;
    }
    if (!ShapedType::isDynamic(dim) && !ShapedType::isDynamic(sourceDim) &&
        dim != sourceDim)
      return false;
  }
  return true;
}

/// Checks what the walk found as a whole, given that it found inputs: their
/// types, and shapes that keep every output element a function of the
/// matching input elements.
static llvm::Error checkIsland(const Island &island, Value root) {
  bool plain = island.encoding == IslandEncoding::PlainTosa;
  if (plain && llvm::none_of(island.ops, [](Operation *op) {
        return isFloat(*getScalarType(op->getResult(0).getType()));
      })) {
    return makeReason("the island has no float operation");
  }
  // Every input, and so every operation, has the first input's shape.
  RankedTensorType sourceType;
  for (const IslandInput &input : island.inputs) {
    auto type = dyn_cast<RankedTensorType>(input.source.getType());
    if (!type)
      return makeReason("the quantized input " +
                        quoted(input.source.getType()) +
                        " is not a ranked tensor");
    if (!sourceType) {
      sourceType = type;
    } else if (!preservesSourceShape(type, sourceType,
                                     /*isConstant=*/false)) {
      return makeReason("the quantized inputs " + quoted(sourceType) + " and " +
                        quoted(type) + " are not element-for-element");
    }
    for (quant::DequantizeCastOp dequantize : input.dequantizes) {
      if (getScalarType(dequantize.getResult().getType()) != ScalarType::F32)
        return makeReason("quant.dcast produces " +
                          quoted(dequantize.getResult().getType()) +
                          ", not f32");
    }
  }
  for (Operation *op : island.ops) {
    if (!preservesSourceShape(op->getResult(0).getType(), sourceType,
                              /*isConstant=*/false))
      return makeReason(describe(op) + " produces " +
                        quoted(op->getResult(0).getType()) +
                        ", which is not element-for-element with the input " +
                        quoted(sourceType));
  }
  for (Operation *constant : island.constants) {
    if (!preservesSourceShape(constant->getResult(0).getType(), sourceType,
                              /*isConstant=*/true))
      return makeReason("a constant of type " +
                        quoted(constant->getResult(0).getType()) +
                        " broadcasts the input " + quoted(sourceType));
  }
  if (!plain && getScalarType(root.getType()) != ScalarType::F32)
    return makeReason("quant.qcast reads " + quoted(root.getType()) +
                      ", not f32");
  return llvm::Error::success();
}

/// Translates the collected island into its program: the inputs first (the
/// dequantized f32 values, or the codes themselves), then every definition
/// in order.
static void translateToProgram(Island &island,
                               const CollectedIsland &collected) {
  ScalarProgram &program = island.program;
  bool plain = island.encoding == IslandEncoding::PlainTosa;
  llvm::SmallDenseMap<Value, ValueId, 16> ids;
  SmallVector<ValueId, 1> inputIds;
  for (const IslandInput &input : island.inputs) {
    inputIds.push_back(program.addInput(
        plain ? *getScalarType(input.source.getType()) : ScalarType::F32));
    island.instructionOps.push_back(nullptr);
  }
  for (auto [value, index] : collected.inputs)
    ids[value] = inputIds[index];

  const ElementwiseStep *step = collected.steps.begin();
  SmallVector<ValueId, 3> operands;
  for (Value value : collected.definitions) {
    ScalarType type = *getScalarType(value.getType());
    if (auto constant = collected.constants.find(value);
        constant != collected.constants.end()) {
      ids[value] = program.addConstant(constant->second, type);
      island.instructionOps.push_back(nullptr);
      continue;
    }
    operands.clear();
    for (Value operand : step->operands)
      operands.push_back(ids.lookup(operand));
    ids[value] = emitStep(program, *step++, operands, type);
    island.instructionOps.push_back(value.getDefiningOp());
  }
  program.setResult(ids.lookup(collected.root));
}

/// Analyses into `island` (empty) the island that ends at `sink`, collected
/// as `plainStart` says. Sets `readsNoInput` when the walk succeeded but
/// found no quantized input.
static llvm::Error analyzeIslandInto(Island &island, Operation *sink,
                                     const IslandLimits &limits,
                                     PlainStart plainStart,
                                     bool &readsNoInput) {
  island.sink = sink;
  CollectedIsland collected;
  readsNoInput = false;
  if (auto quantize = dyn_cast<quant::QuantizeCastOp>(sink)) {
    island.encoding = IslandEncoding::QuantDialect;
    collected.root = quantize.getInput();
    if (isa_and_nonnull<quant::DequantizeCastOp>(
            collected.root.getDefiningOp()))
      return makeReason("no operation between quant.dcast and quant.qcast");
  } else {
    // The final cast to i8 (and what follows it) is part of the island: it
    // rounds and saturates.
    island.encoding = IslandEncoding::PlainTosa;
    collected.root = sink->getResult(0);
  }

  if (llvm::Error error =
          IslandCollector(island, collected, limits, plainStart).collect())
    return error;
  if (island.inputs.empty()) {
    readsNoInput = true;
    return makeReason(island.encoding == IslandEncoding::PlainTosa
                          ? "the island does not read an i8 or i16 value "
                            "through tosa.cast"
                          : "the island does not read a quant.dcast");
  }
  if (llvm::Error error = checkIsland(island, collected.root))
    return error;
  translateToProgram(island, collected);
  return llvm::Error::success();
}

/// analyzeIsland into `island` (empty), which the caller owns: an Island is
/// large, and the fold analyses every island.
static llvm::Error analyzeIslandInto(Island &island, Operation *sink,
                                     const IslandLimits &limits) {
  bool readsNoInput;
  if (isa<quant::QuantizeCastOp>(sink))
    return analyzeIslandInto(island, sink, limits, PlainStart::AtCasts,
                             readsNoInput);
  assert(sink->getNumResults() == 1 &&
         getPlainCodeWidth(sink->getResult(0).getType()) &&
         "not the end of a plain island");
  // The largest island first; when it reads too many values, or cannot be
  // folded, the one from the first casts of its codes. Should that read no
  // codes at all, why the largest failed says more.
  llvm::Error largest = analyzeIslandInto(island, sink, limits,
                                          PlainStart::AtInput, readsNoInput);
  if (!largest)
    return llvm::Error::success();
  island = Island();
  llvm::Error fromCasts = analyzeIslandInto(island, sink, limits,
                                            PlainStart::AtCasts, readsNoInput);
  if (!fromCasts || !readsNoInput) {
    llvm::consumeError(std::move(largest));
    return fromCasts;
  }
  llvm::consumeError(std::move(fromCasts));
  return largest;
}

llvm::Expected<Island> lutfold::analyzeIsland(Operation *sink,
                                              const IslandLimits &limits) {
  Island island;
  if (llvm::Error error = analyzeIslandInto(island, sink, limits))
    return std::move(error);
  return island;
}

std::optional<IslandQuantization>
QuantizedIsland::getUnaryQuantization() const {
  if (!outputParams || inputParams.size() != 1)
    return std::nullopt;
  return IslandQuantization{inputParams.front(), *outputParams};
}

char NoIslandError::ID;

llvm::Expected<QuantizedIsland>
lutfold::analyzeQuantizedIsland(Operation *sink, const IslandLimits &limits) {
  QuantizedIsland result;
  bool plain = !isa<quant::QuantizeCastOp>(sink);
  if (!plain) {
    llvm::Expected<QuantParams> out = getQuantizeParams(sink);
    if (!out)
      return out.takeError();
    result.outputParams = *out;
  }
  if (llvm::Error error = analyzeIslandInto(result.island, sink, limits))
    return llvm::make_error<NoIslandError>(takeReason(std::move(error)));
  if (plain)
    return std::move(result);
  for (const IslandInput &input : result.island.inputs) {
    llvm::Expected<IslandQuantization> quantization =
        getIslandQuantization(input.source, *result.outputParams);
    if (!quantization)
      return quantization.takeError();
    result.inputParams.push_back(quantization->in);
  }
  return std::move(result);
}
