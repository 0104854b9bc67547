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

#include "ConstantOperands.h"
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

static constexpr llvm::StringLiteral kNoPlainInputReason =
    "the island does not read an i8 or i16 value through tosa.cast";

namespace {
/// Where a plain-TOSA island starts.
enum class PlainStart {
  /// At the one i8 (or i16) value the island reads, through integer
  /// operations on the codes too: the largest island.
  AtInput,
  /// At the first `tosa.cast`s of an i8 (or i16) value.
  AtCasts,
};

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
  /// The value of each constant in `definitions`.
  llvm::SmallDenseMap<Value, double, 8> constants;
  /// The step of each operation in `Island::ops`, in the same order.
  SmallVector<ElementwiseStep> steps;
  /// Values that are the program's input: the dequantized values, or the
  /// codes a plain island reads.
  SmallVector<Value, 2> inputs;
};

/// Walks back from a sink through element-wise operations and constant
/// operands to the island's one quantized input.
class IslandCollector {
public:
  IslandCollector(Island &island, CollectedIsland &collected,
                  const IslandLimits &limits, PlainStart plainStart,
                  std::string &reason)
      : island(island), collected(collected), limits(limits), reason(reason),
        plain(island.encoding == IslandEncoding::PlainTosa),
        plainStart(plainStart) {}

  LogicalResult collect();

private:
  LogicalResult visit(Value value);
  LogicalResult visitOperation(Value value, Operation *def);
  LogicalResult addInput(Value value);
  bool isComputedFromConstants(Operation *op);
  void addConstant(Value value, double splat);
  LogicalResult setSource(Value value);
  bool isDefined(Value value) const { return defined.contains(value); }
  /// Whether a plain island that starts at its input reads `value` as that
  /// input: codes no island operation computes.
  bool isPlainInput(Value value) const {
    return plain && plainStart == PlainStart::AtInput &&
           getPlainCodeWidth(value.getType());
  }

  Island &island;
  CollectedIsland &collected;
  const IslandLimits &limits;
  std::string &reason;
  bool plain;
  PlainStart plainStart;

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
  /// What isComputedFromConstants found for each operation it visited.
  enum class Constantness { InProgress, Yes, No };
  llvm::SmallDenseMap<Operation *, Constantness, 16> constantness;
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

LogicalResult IslandCollector::addInput(Value value) {
  if (failed(setSource(value)))
    return failure();
  collected.inputs.push_back(value);
  defined.insert(value);
  return success();
}

void IslandCollector::addConstant(Value value, double splat) {
  collected.definitions.push_back(value);
  collected.constants[value] = splat;
  defined.insert(value);
}

/// Whether `op` computes its result from constants alone, through
/// element-wise operations an island may contain. Each operation is visited
/// once per island, so that the walk stays linear in the island's size
/// (evaluating an operand from scratch at every operation was quadratic).
bool IslandCollector::isComputedFromConstants(Operation *op) {
  auto known = [&](Operation *def) -> std::optional<bool> {
    if (!def || isConstantOp(def))
      return def != nullptr;
    if (def->getNumResults() != 1 || !getIslandOpcode(def))
      return false;
    auto it = constantness.find(def);
    if (it == constantness.end())
      return std::nullopt;
    // An operation that reads itself is no constant.
    return it->second == Constantness::Yes;
  };
  if (std::optional<bool> result = known(op))
    return *result;
  // The common case, an operation that reads the dequantized input or a
  // block argument, is answered without remembering it.
  if (llvm::any_of(op->getOperands(), [&](Value operand) {
        return known(operand.getDefiningOp()) == false;
      }))
    return false;
  SmallVector<Operation *, 8> stack = {op};
  while (!stack.empty()) {
    Operation *top = stack.back();
    constantness.try_emplace(top, Constantness::InProgress);
    Operation *unknown = nullptr;
    bool result = true;
    for (Value operand : top->getOperands()) {
      std::optional<bool> operandResult = known(operand.getDefiningOp());
      if (!operandResult) {
        unknown = operand.getDefiningOp();
        break;
      }
      if (!*operandResult) {
        result = false;
        break;
      }
    }
    if (unknown) {
      stack.push_back(unknown);
      continue;
    }
    constantness[top] = result ? Constantness::Yes : Constantness::No;
    stack.pop_back();
  }
  return constantness.lookup(op) == Constantness::Yes;
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
    if (isPlainInput(value))
      return addInput(value);
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
    std::optional<double> splat = getSplatConstant(value);
    if (!getScalarType(value.getType()) || !splat) {
      reason = "the island reads a constant that is not a splat of a type it "
               "can hold";
      return failure();
    }
    addConstant(value, *splat);
    island.constants.push_back(def);
    return success();
  }
  if (!getIslandOpcode(def)) {
    if (isPlainInput(value))
      return addInput(value);
    reason = describe(def) + " is not an element-wise operation an island "
                             "may contain";
    return failure();
  }
  // An operand computed from constants alone is a constant of the island.
  if (!isComputedFromConstants(def))
    return visitOperation(value, def);
  FailureOr<std::optional<ConstantOperand>> constant =
      evaluateConstantOperand(value, limits.maxOps, reason);
  if (failed(constant)) {
    reason = "an operand computed from constants is unusable: " + reason;
    return failure();
  }
  if (*constant) {
    addConstant(value, (*constant)->value);
    llvm::append_range(island.constantOperandOps, (*constant)->ops);
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
  // Codes cast to anything else are where a quant-dialect island cannot go,
  // and where a plain island may start.
  if (plainStart == PlainStart::AtCasts && isa<tosa::CastOp>(def) &&
      getPlainCodeWidth(step->operands[0].getType()) &&
      !getPlainCodeWidth(def->getResult(0).getType())) {
    if (!plain) {
      reason = "the island mixes quant.dcast with a plain TOSA dequantize";
      return failure();
    }
    if (failed(addInput(step->operands[0])))
      return failure();
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
    reason = plain ? kNoPlainInputReason.str()
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
/// input (the dequantized f32 value, or the code itself), then every
/// definition in order.
static void translateToProgram(Island &island,
                               const CollectedIsland &collected) {
  ScalarProgram &program = island.program;
  bool plain = island.encoding == IslandEncoding::PlainTosa;
  llvm::SmallDenseMap<Value, ValueId, 16> ids;
  ValueId input = program.addInput(
      plain ? *getScalarType(island.source.getType()) : ScalarType::F32);
  island.instructionOps.push_back(nullptr);
  for (Value value : collected.inputs)
    ids[value] = input;

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

/// The island that ends at `sink`, collected as `plainStart` says.
static FailureOr<Island> analyzeIsland(Operation *sink,
                                       const IslandLimits &limits,
                                       PlainStart plainStart,
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
    // The final cast to i8 (and what follows it) is part of the island: it
    // rounds and saturates.
    island.encoding = IslandEncoding::PlainTosa;
    collected.root = sink->getResult(0);
  }

  if (failed(IslandCollector(island, collected, limits, plainStart, reason)
                 .collect()) ||
      failed(checkIsland(island, collected.root, reason)))
    return failure();
  translateToProgram(island, collected);
  return island;
}

FailureOr<Island> lutfold::analyzeIsland(Operation *sink,
                                         const IslandLimits &limits,
                                         std::string &reason) {
  if (isa<quant::QuantizeCastOp>(sink))
    return ::analyzeIsland(sink, limits, PlainStart::AtCasts, reason);
  assert(sink->getNumResults() == 1 &&
         getPlainCodeWidth(sink->getResult(0).getType()) &&
         "not the end of a plain island");
  // The largest island first; when it reads more than one value, or cannot
  // be folded, the one from the first casts of its codes.
  std::string largestReason;
  FailureOr<Island> largest =
      ::analyzeIsland(sink, limits, PlainStart::AtInput, largestReason);
  if (succeeded(largest))
    return largest;
  FailureOr<Island> fromCasts =
      ::analyzeIsland(sink, limits, PlainStart::AtCasts, reason);
  if (failed(fromCasts) && !largestReason.empty() &&
      reason == kNoPlainInputReason)
    reason = largestReason;
  return fromCasts;
}
