//===- Island.cpp - Element-wise float islands in quantized IR ------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// An island is analysed in three steps: collect its operations by walking
// back from the quantize, check that they stay element-for-element with the
// quantized input, and translate them into a ScalarProgram. The walk visits
// each operation once and is iterative, so that island size is bounded only
// by the limits, not by the stack.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/Island.h"

#include "IslandOps.h"

#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinTypes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace lutfold;

using ValueId = ScalarProgram::ValueId;

bool lutfold::isPlainTosaSink(Operation *op) {
  auto cast = dyn_cast<tosa::CastOp>(op);
  return cast && hasI8Elements(cast.getOutput().getType()) &&
         !hasI8Elements(cast.getInput().getType());
}

static bool isConstantOp(Operation *op) {
  return op && op->hasTrait<OpTrait::ConstantLike>();
}

namespace {
/// What the walk back from a sink found, besides what it records in the
/// Island itself.
struct CollectedIsland {
  /// The value the island ends with: what the quantize reads, or the
  /// plain-TOSA sink's result.
  Value root;
  /// The island's constants and operation results, in the order the
  /// program defines them: a constant where the walk first meets it, an
  /// operation once its operands are defined.
  SmallVector<Value> definitions;
  /// The step of each operation in `Island::ops`, in the same order.
  SmallVector<ElementwiseStep> steps;
  /// Values that are the program's input: the dequantized values, or the
  /// i8 value a plain island casts.
  SmallVector<Value, 2> inputs;
};

/// Walks back from a sink through element-wise operations and splat
/// constants to the island's one quantized input.
class IslandCollector {
public:
  IslandCollector(Island &island, CollectedIsland &collected,
                  const IslandLimits &limits, std::string &reason)
      : island(island), collected(collected), limits(limits), reason(reason),
        plain(island.encoding == IslandEncoding::PlainTosa) {}

  LogicalResult collect();

private:
  LogicalResult visit(Value value);
  LogicalResult visitOperation(Value value, Operation *def);
  LogicalResult setSource(Value value);
  bool isDefined(Value value) const { return defined.contains(value); }

  Island &island;
  CollectedIsland &collected;
  const IslandLimits &limits;
  std::string &reason;
  bool plain;

  struct Frame {
    Value value;
    bool operandsDone;
  };
  SmallVector<Frame> stack;
  /// Values the program has (or will have, for the input) a definition of.
  llvm::SmallDenseSet<Value, 16> defined;
  llvm::SmallDenseSet<Value, 16> inProgress;
  /// Steps of operations whose operands are being visited.
  llvm::SmallDenseMap<Operation *, ElementwiseStep, 16> pendingSteps;
  unsigned numOps = 0;
};
} // namespace

/// Records `value` as the island's quantized input, or says why it cannot
/// be: an island reads exactly one.
LogicalResult IslandCollector::setSource(Value value) {
  if (island.source && island.source != value) {
    reason = "the island reads two quantized inputs";
    return failure();
  }
  island.source = value;
  return success();
}

LogicalResult IslandCollector::collect() {
  stack.push_back({collected.root, false});
  while (!stack.empty()) {
    Frame frame = stack.pop_back_val();
    if (isDefined(frame.value))
      continue;
    if (!frame.operandsDone) {
      if (failed(visit(frame.value)))
        return failure();
      continue;
    }
    // Every operand is defined: the operation is, after them.
    Operation *def = frame.value.getDefiningOp();
    inProgress.erase(frame.value);
    auto pending = pendingSteps.find(def);
    collected.steps.push_back(std::move(pending->second));
    pendingSteps.erase(pending);
    collected.definitions.push_back(frame.value);
    island.ops.push_back(def);
    defined.insert(frame.value);
  }
  return success();
}

LogicalResult IslandCollector::visit(Value value) {
  Operation *def = value.getDefiningOp();
  if (!def) {
    reason = "the island reads a block argument other than its quantized "
             "input";
    return failure();
  }
  if (auto dequantize = dyn_cast<quant::DequantizeCastOp>(def)) {
    if (plain) {
      reason = "the island mixes quant.dcast with a plain TOSA quantize";
      return failure();
    }
    if (failed(setSource(dequantize.getInput())))
      return failure();
    island.dequantizes.push_back(dequantize);
    collected.inputs.push_back(value);
    defined.insert(value);
    return success();
  }
  if (isConstantOp(def)) {
    if (!getScalarType(value.getType()) || !getSplatConstant(value)) {
      reason = "the island reads a constant that is not a splat of a type it "
               "can hold";
      return failure();
    }
    collected.definitions.push_back(value);
    island.constants.push_back(def);
    defined.insert(value);
    return success();
  }
  return visitOperation(value, def);
}

LogicalResult IslandCollector::visitOperation(Value value, Operation *def) {
  if (!inProgress.insert(value).second) {
    reason = describe(def) + " is part of a cycle";
    return failure();
  }
  FailureOr<ElementwiseStep> step = translateOperation(def, reason);
  if (failed(step))
    return failure();
  if (!limits.allowedOps.empty() &&
      !llvm::is_contained(limits.allowedOps, def->getName().getStringRef())) {
    reason = describe(def) + " is not in the allowed operations";
    return failure();
  }
  if (numOps >= limits.maxOps) {
    reason = "the island has more than " + std::to_string(limits.maxOps) +
             " operations (max-island-size)";
    return failure();
  }
  ++numOps;
  for (Value config : step->configOperands)
    island.configConstants.push_back(config.getDefiningOp());
  stack.push_back({value, true});
  // An i8 value cast to anything else is where a plain island starts.
  if (isa<tosa::CastOp>(def) && hasI8Elements(step->operands[0].getType())) {
    if (!plain) {
      reason = "the island mixes quant.dcast with a plain TOSA dequantize";
      return failure();
    }
    if (failed(setSource(step->operands[0])))
      return failure();
    collected.inputs.push_back(step->operands[0]);
    defined.insert(step->operands[0]);
  }
  for (Value operand : llvm::reverse(step->operands))
    if (!isDefined(operand))
      stack.push_back({operand, false});
  pendingSteps.try_emplace(def, std::move(*step));
  return success();
}

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

/// Checks what the walk found as a whole: an input, its types, and shapes
/// that keep every output element a function of one input element.
static LogicalResult checkIsland(const Island &island, Value root,
                                 std::string &reason) {
  bool plain = island.encoding == IslandEncoding::PlainTosa;
  if (!island.source) {
    reason = plain ? "the island does not read an i8 value through tosa.cast"
                   : "the island does not read a quant.dcast";
    return failure();
  }
  if (plain && llvm::none_of(island.ops, [](Operation *op) {
        return isFloat(*getScalarType(op->getResult(0).getType()));
      })) {
    reason = "the island has no float operation";
    return failure();
  }
  auto sourceType = dyn_cast<RankedTensorType>(island.source.getType());
  if (!sourceType) {
    reason = "the quantized input " + quoted(island.source.getType()) +
             " is not a ranked tensor";
    return failure();
  }
  for (quant::DequantizeCastOp dequantize : island.dequantizes) {
    if (getScalarType(dequantize.getResult().getType()) != ScalarType::F32) {
      reason = "quant.dcast produces " +
               quoted(dequantize.getResult().getType()) + ", not f32";
      return failure();
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

/// Translates the collected island into its program: instruction 0 is the
/// input (the dequantized f32 value, or the i8 code itself), then every
/// definition in order.
static void translateToProgram(Island &island,
                               const CollectedIsland &collected) {
  ScalarProgram &program = island.program;
  bool plain = island.encoding == IslandEncoding::PlainTosa;
  llvm::SmallDenseMap<Value, ValueId, 16> ids;
  ValueId input = program.addInput(plain ? ScalarType::I8 : ScalarType::F32);
  island.instructionOps.push_back(nullptr);
  for (Value value : collected.inputs)
    ids[value] = input;

  const ElementwiseStep *step = collected.steps.begin();
  SmallVector<ValueId, 3> operands;
  for (Value value : collected.definitions) {
    ScalarType type = *getScalarType(value.getType());
    Operation *def = value.getDefiningOp();
    if (isConstantOp(def)) {
      ids[value] = program.addConstant(*getSplatConstant(value), type);
      island.instructionOps.push_back(nullptr);
      continue;
    }
    operands.clear();
    for (Value operand : step->operands)
      operands.push_back(ids.lookup(operand));
    ids[value] = emitStep(program, *step++, operands, type);
    island.instructionOps.push_back(def);
  }
  program.setResult(ids.lookup(collected.root));
}

FailureOr<Island> lutfold::analyzeIsland(Operation *sink,
                                         const IslandLimits &limits,
                                         std::string &reason) {
  Island island;
  island.sink = sink;
  CollectedIsland collected;
  if (auto quantize = dyn_cast<quant::QuantizeCastOp>(sink)) {
    island.encoding = IslandEncoding::QuantDialect;
    collected.root = quantize.getInput();
    if (isa_and_nonnull<quant::DequantizeCastOp>(
            collected.root.getDefiningOp())) {
      reason = "no operation between quant.dcast and quant.qcast";
      return failure();
    }
  } else {
    assert(isPlainTosaSink(sink) && "not an island sink");
    // The final cast to i8 is part of the island: it rounds and saturates.
    island.encoding = IslandEncoding::PlainTosa;
    collected.root = sink->getResult(0);
  }

  if (failed(IslandCollector(island, collected, limits, reason).collect()) ||
      failed(checkIsland(island, collected.root, reason)))
    return failure();
  translateToProgram(island, collected);
  return island;
}
