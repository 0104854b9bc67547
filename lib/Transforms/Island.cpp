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
static LogicalResult checkIsland(const Island &island, Value root,
                                 std::string &reason) {
  bool plain = island.encoding == IslandEncoding::PlainTosa;
  if (plain && llvm::none_of(island.ops, [](Operation *op) {
        return isFloat(*getScalarType(op->getResult(0).getType()));
      })) {
    reason = "the island has no float operation";
    return failure();
  }
  // Every input, and so every operation, has the first input's shape.
  RankedTensorType sourceType;
  for (const IslandInput &input : island.inputs) {
    auto type = dyn_cast<RankedTensorType>(input.source.getType());
    if (!type) {
      reason = "the quantized input " + quoted(input.source.getType()) +
               " is not a ranked tensor";
      return failure();
    }
    if (!sourceType) {
      sourceType = type;
    } else if (!preservesSourceShape(type, sourceType,
                                     /*isConstant=*/false)) {
      reason = "the quantized inputs " + quoted(sourceType) + " and " +
               quoted(type) + " are not element-for-element";
      return failure();
    }
    for (quant::DequantizeCastOp dequantize : input.dequantizes) {
      if (getScalarType(dequantize.getResult().getType()) != ScalarType::F32) {
        reason = "quant.dcast produces " +
                 quoted(dequantize.getResult().getType()) + ", not f32";
        return failure();
      }
    }
  }
  for (Operation *op : island.ops) {
    if (!preservesSourceShape(op->getResult(0).getType(), sourceType,
                              /*isConstant=*/false)) {
      reason = describe(op) + " produces " +
               quoted(op->getResult(0).getType()) +
               ", which is not element-for-element with the input " +
               quoted(sourceType);
      return failure();
    }
  }
  for (Operation *constant : island.constants) {
    if (!preservesSourceShape(constant->getResult(0).getType(), sourceType,
                              /*isConstant=*/true)) {
      reason = "a constant of type " +
               quoted(constant->getResult(0).getType()) +
               " broadcasts the input " + quoted(sourceType);
      return failure();
    }
  }
  if (!plain && getScalarType(root.getType()) != ScalarType::F32) {
    reason = "quant.qcast reads " + quoted(root.getType()) + ", not f32";
    return failure();
  }
  return success();
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
static LogicalResult analyzeIslandInto(Island &island, Operation *sink,
                                       const IslandLimits &limits,
                                       PlainStart plainStart,
                                       std::string &reason,
                                       bool &readsNoInput) {
  island.sink = sink;
  CollectedIsland collected;
  readsNoInput = false;
  if (auto quantize = dyn_cast<quant::QuantizeCastOp>(sink)) {
    island.encoding = IslandEncoding::QuantDialect;
    collected.root = quantize.getInput();
    if (isa_and_nonnull<quant::DequantizeCastOp>(
            collected.root.getDefiningOp())) {
      reason = "no operation between quant.dcast and quant.qcast";
      return failure();
    }
  } else {
    // The final cast to i8 (and what follows it) is part of the island: it
    // rounds and saturates.
    island.encoding = IslandEncoding::PlainTosa;
    collected.root = sink->getResult(0);
  }

  if (failed(IslandCollector(island, collected, limits, plainStart, reason)
                 .collect()))
    return failure();
  if (island.inputs.empty()) {
    readsNoInput = true;
    reason = island.encoding == IslandEncoding::PlainTosa
                 ? "the island does not read an i8 or i16 value through "
                   "tosa.cast"
                 : "the island does not read a quant.dcast";
    return failure();
  }
  if (failed(checkIsland(island, collected.root, reason)))
    return failure();
  translateToProgram(island, collected);
  return success();
}

/// analyzeIsland into `island` (empty), which the caller owns: an Island is
/// large, and the fold analyses every island.
static LogicalResult analyzeIslandInto(Island &island, Operation *sink,
                                       const IslandLimits &limits,
                                       std::string &reason) {
  bool readsNoInput;
  if (isa<quant::QuantizeCastOp>(sink))
    return analyzeIslandInto(island, sink, limits, PlainStart::AtCasts, reason,
                             readsNoInput);
  assert(sink->getNumResults() == 1 &&
         getPlainCodeWidth(sink->getResult(0).getType()) &&
         "not the end of a plain island");
  // The largest island first; when it reads too many values, or cannot be
  // folded, the one from the first casts of its codes. Should that read no
  // codes at all, why the largest failed says more.
  std::string largestReason;
  if (succeeded(analyzeIslandInto(island, sink, limits, PlainStart::AtInput,
                                  largestReason, readsNoInput)))
    return success();
  island = Island();
  if (succeeded(analyzeIslandInto(island, sink, limits, PlainStart::AtCasts,
                                  reason, readsNoInput)))
    return success();
  if (!largestReason.empty() && readsNoInput)
    reason = largestReason;
  return failure();
}

FailureOr<Island> lutfold::analyzeIsland(Operation *sink,
                                         const IslandLimits &limits,
                                         std::string &reason) {
  Island island;
  if (failed(analyzeIslandInto(island, sink, limits, reason)))
    return failure();
  return island;
}

std::optional<IslandQuantization>
QuantizedIsland::getUnaryQuantization() const {
  if (!outputParams || inputParams.size() != 1)
    return std::nullopt;
  return IslandQuantization{inputParams.front(), *outputParams};
}

FailureOr<QuantizedIsland>
lutfold::analyzeQuantizedIsland(Operation *sink, const IslandLimits &limits,
                                std::string &reason, bool *noIsland) {
  if (noIsland)
    *noIsland = false;
  QuantizedIsland result;
  bool plain = !isa<quant::QuantizeCastOp>(sink);
  if (!plain) {
    FailureOr<QuantParams> out = getQuantizeParams(sink, reason);
    if (failed(out))
      return failure();
    result.outputParams = *out;
  }
  if (failed(analyzeIslandInto(result.island, sink, limits, reason))) {
    if (noIsland)
      *noIsland = true;
    return failure();
  }
  if (plain)
    return result;
  for (const IslandInput &input : result.island.inputs) {
    FailureOr<IslandQuantization> quantization =
        getIslandQuantization(input.source, *result.outputParams, reason);
    if (failed(quantization))
      return failure();
    result.inputParams.push_back(quantization->in);
  }
  return result;
}
