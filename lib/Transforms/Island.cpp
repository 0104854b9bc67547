//===- Island.cpp - Element-wise float islands in quantized IR ------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Walks back from a quantize through element-wise TOSA operations and
// translates what it finds into a ScalarProgram. Each operation is visited
// once; the walk is iterative so that island size is bounded only by the
// limits, not by the stack.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/Island.h"

#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Matchers.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace lutfold;

using ValueId = ScalarProgram::ValueId;

llvm::ArrayRef<llvm::StringRef> lutfold::getSupportedIslandOps() {
  static const llvm::StringRef names[] = {
      "tosa.abs",        "tosa.add",         "tosa.cast",
      "tosa.ceil",       "tosa.clamp",       "tosa.cos",
      "tosa.equal",      "tosa.erf",         "tosa.exp",
      "tosa.floor",      "tosa.greater",     "tosa.greater_equal",
      "tosa.log",        "tosa.logical_and", "tosa.logical_not",
      "tosa.logical_or", "tosa.logical_xor", "tosa.maximum",
      "tosa.minimum",    "tosa.mul",         "tosa.negate",
      "tosa.pow",        "tosa.reciprocal",  "tosa.rsqrt",
      "tosa.select",     "tosa.sigmoid",     "tosa.sin",
      "tosa.sub",        "tosa.tanh"};
  return names;
}

namespace {
/// What one element-wise operation computes, in program terms.
struct ElementwiseStep {
  ElementwiseStep(ScalarOpcode opcode, ArrayRef<Value> operands,
                  ArrayRef<Value> configOperands = {})
      : opcode(opcode), operands(operands), configOperands(configOperands) {}

  ScalarOpcode opcode;
  /// Operands that carry element data.
  SmallVector<Value, 3> operands;
  /// Constant operands that only configure the operation (MUL's shift,
  /// NEGATE's zero points); erased with the island when dead.
  SmallVector<Value, 2> configOperands;
  double clampMin = 0.0;
  double clampMax = 0.0;
  /// MUL on i32: the constant right shift.
  unsigned shift = 0;
  scalar::NanMode nanMode = scalar::NanMode::Propagate;
};
} // namespace

static std::string describe(Operation *op) {
  return "'" + op->getName().getStringRef().str() + "'";
}

static std::string describe(Type type) { return quoted(type); }

static std::optional<ScalarType> getScalarType(Type type) {
  auto tensorType = dyn_cast<TensorType>(type);
  if (!tensorType)
    return std::nullopt;
  Type element = tensorType.getElementType();
  if (element.isF32())
    return ScalarType::F32;
  if (element.isF16())
    return ScalarType::F16;
  if (element.isBF16())
    return ScalarType::BF16;
  if (element.isSignlessInteger(1))
    return ScalarType::I1;
  if (element.isSignlessInteger(8))
    return ScalarType::I8;
  if (element.isSignlessInteger(16))
    return ScalarType::I16;
  if (element.isSignlessInteger(32))
    return ScalarType::I32;
  return std::nullopt;
}

static bool hasI8Elements(Type type) {
  auto tensorType = dyn_cast<TensorType>(type);
  return tensorType && tensorType.getElementType().isSignlessInteger(8);
}

bool lutfold::isPlainTosaSink(Operation *op) {
  auto cast = dyn_cast<tosa::CastOp>(op);
  return cast && hasI8Elements(cast.getOutput().getType()) &&
         !hasI8Elements(cast.getInput().getType());
}

static scalar::NanMode getNanMode(tosa::NanPropagationMode mode) {
  return mode == tosa::NanPropagationMode::IGNORE ? scalar::NanMode::Ignore
                                                  : scalar::NanMode::Propagate;
}

/// The splat value of a constant, as a double (booleans as 0 and 1).
static std::optional<double> getSplatConstant(Value value) {
  Attribute attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  auto dense = dyn_cast<DenseElementsAttr>(attr);
  if (!dense || !dense.isSplat())
    return std::nullopt;
  Type element = dense.getElementType();
  if (isa<FloatType>(element))
    return dense.getSplatValue<APFloat>().convertToDouble();
  if (element.isInteger(1))
    return dense.getSplatValue<bool>() ? 1.0 : 0.0;
  if (isa<IntegerType>(element) && element.getIntOrFloatBitWidth() <= 32)
    return static_cast<double>(dense.getSplatValue<APInt>().getSExtValue());
  return std::nullopt;
}

static bool isConstantOp(Operation *op) {
  return op && op->hasTrait<OpTrait::ConstantLike>();
}

/// Requires `value` to be a constant whose every element is zero, as the
/// shift of a float MUL and the zero points of a float NEGATE are.
static LogicalResult requireZero(Value value, StringRef what, Operation *op,
                                 std::string &reason) {
  std::optional<double> splat = getSplatConstant(value);
  if (splat && *splat == 0.0)
    return success();
  reason = describe(op) + " has " + what.str() + " that is not constant 0";
  return failure();
}

/// Describes `op` as a program step, or says why it cannot be one.
static FailureOr<ElementwiseStep> classify(Operation *op, std::string &reason) {
  auto unary = [&](ScalarOpcode opcode) -> FailureOr<ElementwiseStep> {
    return ElementwiseStep{opcode, {op->getOperand(0)}};
  };
  auto binary = [&](ScalarOpcode opcode) -> FailureOr<ElementwiseStep> {
    return ElementwiseStep{opcode, {op->getOperand(0), op->getOperand(1)}};
  };
  auto unsupported = [&]() -> FailureOr<ElementwiseStep> {
    reason = describe(op) + " is not an element-wise operation an island "
                            "may contain";
    return failure();
  };
  return llvm::TypeSwitch<Operation *, FailureOr<ElementwiseStep>>(op)
      .Case([&](tosa::SigmoidOp) { return unary(ScalarOpcode::Sigmoid); })
      .Case([&](tosa::TanhOp) { return unary(ScalarOpcode::Tanh); })
      .Case([&](tosa::ExpOp) { return unary(ScalarOpcode::Exp); })
      .Case([&](tosa::LogOp) { return unary(ScalarOpcode::Log); })
      .Case([&](tosa::RsqrtOp) { return unary(ScalarOpcode::Rsqrt); })
      .Case([&](tosa::ReciprocalOp) { return unary(ScalarOpcode::Reciprocal); })
      .Case([&](tosa::ErfOp) { return unary(ScalarOpcode::Erf); })
      .Case([&](tosa::SinOp) { return unary(ScalarOpcode::Sin); })
      .Case([&](tosa::CosOp) { return unary(ScalarOpcode::Cos); })
      .Case([&](tosa::FloorOp) { return unary(ScalarOpcode::Floor); })
      .Case([&](tosa::CeilOp) { return unary(ScalarOpcode::Ceil); })
      .Case([&](tosa::AbsOp) { return unary(ScalarOpcode::Abs); })
      .Case([&](tosa::CastOp) { return unary(ScalarOpcode::Cast); })
      .Case([&](tosa::LogicalNotOp) { return unary(ScalarOpcode::LogicalNot); })
      .Case([&](tosa::NegateOp negate) -> FailureOr<ElementwiseStep> {
        if (failed(requireZero(negate.getInput1Zp(), "an input zero point", op,
                               reason)) ||
            failed(requireZero(negate.getOutputZp(), "an output zero point", op,
                               reason)))
          return failure();
        return ElementwiseStep{ScalarOpcode::Negate,
                               {negate.getInput1()},
                               {negate.getInput1Zp(), negate.getOutputZp()}};
      })
      .Case([&](tosa::ClampOp clamp) -> FailureOr<ElementwiseStep> {
        auto bound = [](Attribute attr) -> std::optional<double> {
          if (auto floatAttr = dyn_cast<FloatAttr>(attr))
            return floatAttr.getValueAsDouble();
          if (auto intAttr = dyn_cast<IntegerAttr>(attr))
            return static_cast<double>(intAttr.getValue().getSExtValue());
          return std::nullopt;
        };
        std::optional<double> lo = bound(clamp.getMinVal());
        std::optional<double> hi = bound(clamp.getMaxVal());
        if (!lo || !hi) {
          reason = describe(op) + " does not have numeric bounds";
          return failure();
        }
        ElementwiseStep step{ScalarOpcode::Clamp, {clamp.getInput()}};
        step.clampMin = *lo;
        step.clampMax = *hi;
        step.nanMode = getNanMode(clamp.getNanMode());
        return step;
      })
      .Case([&](tosa::AddOp) { return binary(ScalarOpcode::Add); })
      .Case([&](tosa::SubOp) { return binary(ScalarOpcode::Sub); })
      .Case([&](tosa::PowOp) { return binary(ScalarOpcode::Pow); })
      .Case([&](tosa::MulOp mul) -> FailureOr<ElementwiseStep> {
        ElementwiseStep step{ScalarOpcode::Mul,
                             {mul.getInput1(), mul.getInput2()},
                             {mul.getShift()}};
        // Only i32 multiplies may shift; everything else needs shift 0.
        if (getScalarType(mul.getType()) != ScalarType::I32) {
          if (failed(requireZero(mul.getShift(), "a shift", op, reason)))
            return failure();
          return step;
        }
        std::optional<double> shift = getSplatConstant(mul.getShift());
        if (!shift || *shift < 0 || *shift > 63) {
          reason = describe(op) + " has a shift that is not a constant in "
                                  "[0, 63]";
          return failure();
        }
        step.shift = static_cast<unsigned>(*shift);
        return step;
      })
      .Case([&](tosa::MaximumOp max) -> FailureOr<ElementwiseStep> {
        ElementwiseStep step{ScalarOpcode::Maximum,
                             {max.getInput1(), max.getInput2()}};
        step.nanMode = getNanMode(max.getNanMode());
        return step;
      })
      .Case([&](tosa::MinimumOp min) -> FailureOr<ElementwiseStep> {
        ElementwiseStep step{ScalarOpcode::Minimum,
                             {min.getInput1(), min.getInput2()}};
        step.nanMode = getNanMode(min.getNanMode());
        return step;
      })
      .Case([&](tosa::GreaterOp) { return binary(ScalarOpcode::Greater); })
      .Case([&](tosa::GreaterEqualOp) {
        return binary(ScalarOpcode::GreaterEqual);
      })
      .Case([&](tosa::EqualOp) { return binary(ScalarOpcode::Equal); })
      .Case(
          [&](tosa::LogicalAndOp) { return binary(ScalarOpcode::LogicalAnd); })
      .Case([&](tosa::LogicalOrOp) { return binary(ScalarOpcode::LogicalOr); })
      .Case(
          [&](tosa::LogicalXorOp) { return binary(ScalarOpcode::LogicalXor); })
      .Case([&](tosa::SelectOp select) -> FailureOr<ElementwiseStep> {
        return ElementwiseStep{
            ScalarOpcode::Select,
            {select.getPred(), select.getOnTrue(), select.getOnFalse()}};
      })
      .Default([&](Operation *) { return unsupported(); });
}

/// Checks the operand and result types of a step: every one a tensor of a
/// supported element type, booleans exactly where the operator wants them.
static LogicalResult checkTypes(Operation *op, const ElementwiseStep &step,
                                std::string &reason) {
  std::optional<ScalarType> resultType =
      getScalarType(op->getResult(0).getType());
  if (!resultType) {
    reason = describe(op) + " produces " +
             describe(op->getResult(0).getType()) +
             ", which an island cannot hold";
    return failure();
  }
  for (Value operand : step.operands) {
    if (!getScalarType(operand.getType())) {
      reason = describe(op) + " reads " + describe(operand.getType()) +
               ", which an island cannot hold";
      return failure();
    }
  }
  auto isBool = [](Value v) {
    return *getScalarType(v.getType()) == ScalarType::I1;
  };
  if (isFloatOnly(step.opcode) && !isFloat(*resultType)) {
    reason = describe(op) + " works on " +
             describe(op->getResult(0).getType()) + ", not on floats";
    return failure();
  }
  bool wantsBoolOperands = false, producesBool = false;
  switch (step.opcode) {
  case ScalarOpcode::LogicalNot:
  case ScalarOpcode::LogicalAnd:
  case ScalarOpcode::LogicalOr:
  case ScalarOpcode::LogicalXor:
    wantsBoolOperands = producesBool = true;
    break;
  case ScalarOpcode::Greater:
  case ScalarOpcode::GreaterEqual:
  case ScalarOpcode::Equal:
    producesBool = true;
    break;
  case ScalarOpcode::Select:
    // The predicate is boolean; the branches have the result's type, which
    // the verifier already requires.
    if (!isBool(step.operands[0])) {
      reason = describe(op) + " has a predicate that is not i1";
      return failure();
    }
    return success();
  case ScalarOpcode::Cast:
    if (*resultType == ScalarType::I1 &&
        isFloat(*getScalarType(step.operands[0].getType()))) {
      reason = describe(op) + " casts a float to i1";
      return failure();
    }
    return success();
  default:
    break;
  }
  for (Value operand : step.operands) {
    if (isBool(operand) != wantsBoolOperands) {
      reason = describe(op) + " reads " + describe(operand.getType()) +
               (wantsBoolOperands ? ", not booleans" : ", not numbers");
      return failure();
    }
  }
  if ((*resultType == ScalarType::I1) != producesBool) {
    reason = describe(op) + " produces " +
             describe(op->getResult(0).getType()) + ", not the expected " +
             (producesBool ? "i1" : "number");
    return failure();
  }
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

/// Records `value` as the island's quantized input, or says why it cannot
/// be: an island reads exactly one.
static LogicalResult setSource(Island &island, Value value,
                               std::string &reason) {
  if (island.source && island.source != value) {
    reason = "the island reads two quantized inputs";
    return failure();
  }
  island.source = value;
  return success();
}

FailureOr<Island> lutfold::analyzeIsland(Operation *sink,
                                         const IslandLimits &limits,
                                         std::string &reason) {
  Island island;
  island.sink = sink;
  Value root;
  if (auto quantize = dyn_cast<quant::QuantizeCastOp>(sink)) {
    island.encoding = IslandEncoding::QuantDialect;
    root = quantize.getInput();
    if (isa_and_nonnull<quant::DequantizeCastOp>(root.getDefiningOp())) {
      reason = "no operation between quant.dcast and quant.qcast";
      return failure();
    }
  } else {
    assert(isPlainTosaSink(sink) && "not an island sink");
    // The final cast to i8 is part of the island: it rounds and saturates.
    island.encoding = IslandEncoding::PlainTosa;
    root = sink->getResult(0);
  }
  bool plain = island.encoding == IslandEncoding::PlainTosa;

  ScalarProgram &program = island.program;
  llvm::SmallDenseMap<Value, ValueId, 16> ids;
  llvm::SmallDenseSet<Value, 16> inProgress;
  struct Frame {
    Value value;
    bool operandsDone;
  };
  SmallVector<Frame> stack = {{root, false}};
  SmallVector<ElementwiseStep> pendingSteps;
  llvm::SmallDenseMap<Operation *, unsigned, 16> stepIndex;

  // The input is instruction 0: the dequantized f32 value (its type is
  // checked below), or the i8 code itself.
  program.addInput(plain ? ScalarType::I8 : ScalarType::F32);
  island.instructionOps.push_back(nullptr);

  while (!stack.empty()) {
    Frame frame = stack.pop_back_val();
    Value value = frame.value;
    if (ids.count(value))
      continue;
    Operation *def = value.getDefiningOp();

    if (frame.operandsDone) {
      inProgress.erase(value);
      const ElementwiseStep &step = pendingSteps[stepIndex.lookup(def)];
      SmallVector<ValueId, 3> operands;
      for (Value operand : step.operands)
        operands.push_back(ids.lookup(operand));
      ScalarType type = *getScalarType(value.getType());
      ValueId id;
      if (step.opcode == ScalarOpcode::Clamp)
        id = program.addClamp(operands[0], step.clampMin, step.clampMax,
                              step.nanMode, type);
      else if (step.opcode == ScalarOpcode::Mul && step.shift != 0)
        id = program.addShiftedMul(operands[0], operands[1], step.shift);
      else if (step.opcode == ScalarOpcode::Maximum ||
               step.opcode == ScalarOpcode::Minimum)
        id = program.addMinMax(step.opcode, operands[0], operands[1],
                               step.nanMode, type);
      else
        id = program.addOp(step.opcode, type, operands);
      island.instructionOps.push_back(def);
      island.ops.push_back(def);
      ids[value] = id;
      continue;
    }

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
      if (failed(setSource(island, dequantize.getInput(), reason)))
        return failure();
      island.dequantizes.push_back(dequantize);
      ids[value] = 0;
      continue;
    }
    if (isConstantOp(def)) {
      std::optional<ScalarType> type = getScalarType(value.getType());
      std::optional<double> splat = getSplatConstant(value);
      if (!type || !splat) {
        reason = "the island reads a constant that is not a splat of a type "
                 "it can hold";
        return failure();
      }
      ids[value] = program.addConstant(*splat, *type);
      island.instructionOps.push_back(nullptr);
      island.constants.push_back(def);
      continue;
    }
    if (!inProgress.insert(value).second) {
      reason = describe(def) + " is part of a cycle";
      return failure();
    }
    FailureOr<ElementwiseStep> step = classify(def, reason);
    if (failed(step) || failed(checkTypes(def, *step, reason)))
      return failure();
    if (!limits.allowedOps.empty() &&
        !llvm::is_contained(limits.allowedOps,
                            def->getName().getStringRef().str())) {
      reason = describe(def) + " is not in the allowed operations";
      return failure();
    }
    if (pendingSteps.size() >= limits.maxOps) {
      reason = "the island has more than " + std::to_string(limits.maxOps) +
               " operations (max-island-size)";
      return failure();
    }
    for (Value config : step->configOperands)
      island.configConstants.push_back(config.getDefiningOp());
    stepIndex[def] = pendingSteps.size();
    stack.push_back({value, true});
    // An i8 value cast to anything else is where a plain island starts.
    if (isa<tosa::CastOp>(def) && hasI8Elements(step->operands[0].getType())) {
      if (!plain) {
        reason = "the island mixes quant.dcast with a plain TOSA dequantize";
        return failure();
      }
      if (failed(setSource(island, step->operands[0], reason)))
        return failure();
      ids[step->operands[0]] = 0;
    }
    for (Value operand : llvm::reverse(step->operands))
      if (!ids.count(operand))
        stack.push_back({operand, false});
    pendingSteps.push_back(std::move(*step));
  }

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
    reason = "the quantized input " + describe(island.source.getType()) +
             " is not a ranked tensor";
    return failure();
  }
  for (quant::DequantizeCastOp dequantize : island.dequantizes) {
    if (getScalarType(dequantize.getResult().getType()) != ScalarType::F32) {
      reason = "quant.dcast produces " +
               describe(dequantize.getResult().getType()) + ", not f32";
      return failure();
    }
  }
  for (Operation *op : island.ops) {
    if (!preservesSourceShape(op->getResult(0).getType(), sourceType,
                              /*isConstant=*/false)) {
      reason = describe(op) + " produces " +
               describe(op->getResult(0).getType()) +
               ", which is not element-for-element with the input " +
               describe(sourceType);
      return failure();
    }
  }
  for (Operation *constant : island.constants) {
    if (!preservesSourceShape(constant->getResult(0).getType(), sourceType,
                              /*isConstant=*/true)) {
      reason = "a constant of type " +
               describe(constant->getResult(0).getType()) +
               " broadcasts the input " + describe(sourceType);
      return failure();
    }
  }
  program.setResult(ids.lookup(root));
  if (!plain && program.getResultType() != ScalarType::F32) {
    reason = "quant.qcast reads " + describe(root.getType()) + ", not f32";
    return failure();
  }
  return island;
}
