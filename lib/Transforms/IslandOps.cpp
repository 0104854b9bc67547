//===- IslandOps.cpp - One TOSA operation as a program step ---------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Which TOSA operation is which opcode comes from ScalarOps.def. An
// operation whose operands are all element data and which has no
// attributes needs nothing else; the few that configure themselves (bounds,
// shifts, zero points, NaN modes) are read here by hand.
//
//===----------------------------------------------------------------------===//

#include "IslandOps.h"

#include "lutfold/Transforms/Island.h"
#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Matchers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"

#include <algorithm>

using namespace mlir;
using namespace lutfold;

using ValueId = ScalarProgram::ValueId;

llvm::ArrayRef<llvm::StringRef> lutfold::getSupportedIslandOps() {
  static const llvm::SmallVector<llvm::StringRef> names = [] {
    llvm::SmallVector<llvm::StringRef> list = {
#define LUTFOLD_SCALAR_OP(OPCODE, NAME, TOSA_OP, NUM_OPERANDS, TYPING)         \
  tosa::TOSA_OP::getOperationName(),
#include "lutfold/Numerics/ScalarOps.def"
    };
    llvm::sort(list);
    return list;
  }();
  return names;
}

std::optional<ScalarOpcode> lutfold::getIslandOpcode(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<ScalarOpcode>>(op)
#define LUTFOLD_SCALAR_OP(OPCODE, NAME, TOSA_OP, NUM_OPERANDS, TYPING)         \
  .Case([](tosa::TOSA_OP) { return ScalarOpcode::OPCODE; })
#include "lutfold/Numerics/ScalarOps.def"
      .Default([](Operation *) { return std::nullopt; });
}

std::string lutfold::describe(Operation *op) {
  return "'" + op->getName().getStringRef().str() + "'";
}

static std::string describe(Type type) { return quoted(type); }

std::optional<ScalarType> lutfold::getScalarType(Type type) {
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

bool lutfold::isConstantOp(Operation *op) {
  if (!op)
    return false;
  // Cheap answers first: asking for a trait costs hundreds of instructions,
  // and the island walk asks of every operation it meets.
  if (isa<tosa::ConstOp>(op))
    return true;
  if (isa<quant::DequantizeCastOp, quant::QuantizeCastOp, quant::StorageCastOp>(
          op) ||
      getIslandOpcode(op))
    return false;
  return op->hasTrait<OpTrait::ConstantLike>();
}

std::optional<unsigned> lutfold::getPlainCodeWidth(Type type) {
  auto tensorType = dyn_cast<TensorType>(type);
  if (!tensorType)
    return std::nullopt;
  Type element = tensorType.getElementType();
  if (element.isSignlessInteger(8))
    return 8;
  if (element.isSignlessInteger(16))
    return 16;
  return std::nullopt;
}

std::optional<double> lutfold::getSplatConstant(Value value) {
  Attribute attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  auto dense = dyn_cast<DenseElementsAttr>(attr);
  if (!dense || !dense.isSplat())
    return std::nullopt;
  Type element = dense.getElementType();
  if (isa<FloatType>(element)) {
    // Through convert, not convertToDouble: f80 and f128 constants verify.
    APFloat splat = dense.getSplatValue<APFloat>();
    bool losesInfo = false;
    splat.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
    return splat.convertToDouble();
  }
  if (element.isInteger(1))
    return dense.getSplatValue<bool>() ? 1.0 : 0.0;
  if (isa<IntegerType>(element) && element.getIntOrFloatBitWidth() <= 32)
    return static_cast<double>(dense.getSplatValue<APInt>().getSExtValue());
  return std::nullopt;
}

/// The NaN mode an operation holds. The attribute is read rather than its
/// value: a spelling the parser does not convert (`nan_mode = "IGNORE"`, a
/// string) leaves it unset, which verifies and, like the printed IR, means
/// the default, PROPAGATE.
static scalar::NanMode getNanMode(tosa::NanPropagationModeAttr mode) {
  return mode && mode.getValue() == tosa::NanPropagationMode::IGNORE
             ? scalar::NanMode::Ignore
             : scalar::NanMode::Propagate;
}

/// Requires `value` to be a constant whose every element is zero, as the
/// shift of a float MUL and the zero points of a float NEGATE are.
static llvm::Error requireZero(Value value, StringRef what, Operation *op) {
  std::optional<double> splat = getSplatConstant(value);
  if (splat && *splat == 0.0)
    return llvm::Error::success();
  return makeReason(describe(op) + " has " + what + " that is not constant 0");
}

static llvm::Expected<ElementwiseStep> translateNegate(tosa::NegateOp negate) {
  Operation *op = negate;
  if (llvm::Error error =
          requireZero(negate.getInput1Zp(), "an input zero point", op))
    return std::move(error);
  if (llvm::Error error =
          requireZero(negate.getOutputZp(), "an output zero point", op))
    return std::move(error);
  return ElementwiseStep{ScalarOpcode::Negate,
                         {negate.getInput1()},
                         {negate.getInput1Zp(), negate.getOutputZp()}};
}

static llvm::Expected<ElementwiseStep> translateClamp(tosa::ClampOp clamp) {
  auto bound = [](Attribute attr) -> std::optional<double> {
    if (auto floatAttr = dyn_cast<FloatAttr>(attr))
      return floatAttr.getValueAsDouble();
    if (auto intAttr = dyn_cast<IntegerAttr>(attr)) {
      std::optional<int64_t> bound = intAttr.getValue().trySExtValue();
      if (!bound)
        return std::nullopt;
      return static_cast<double>(*bound);
    }
    return std::nullopt;
  };
  std::optional<double> lo = bound(clamp.getMinVal());
  std::optional<double> hi = bound(clamp.getMaxVal());
  if (!lo || !hi)
    return makeReason(describe(clamp) + " does not have numeric bounds");
  ElementwiseStep step{ScalarOpcode::Clamp, {clamp.getInput()}};
  step.clampMin = *lo;
  step.clampMax = *hi;
  step.nanMode = getNanMode(clamp.getNanModeAttr());
  return step;
}

static llvm::Expected<ElementwiseStep> translateMul(tosa::MulOp mul) {
  ElementwiseStep step{
      ScalarOpcode::Mul, {mul.getInput1(), mul.getInput2()}, {mul.getShift()}};
  // Only i32 multiplies may shift; everything else needs shift 0.
  if (getScalarType(mul.getType()) != ScalarType::I32) {
    if (llvm::Error error = requireZero(mul.getShift(), "a shift", mul))
      return std::move(error);
    return step;
  }
  std::optional<double> shift = getSplatConstant(mul.getShift());
  if (!shift || *shift < 0 || *shift > 63)
    return makeReason(describe(mul) +
                      " has a shift that is not a constant in [0, 63]");
  step.shift = static_cast<unsigned>(*shift);
  return step;
}

/// MAXIMUM and MINIMUM: two data operands and a NaN mode.
template <typename OpTy>
static ElementwiseStep translateMinMax(Operation *op, ScalarOpcode opcode) {
  auto minMax = cast<OpTy>(op);
  ElementwiseStep step{opcode, {minMax.getInput1(), minMax.getInput2()}};
  step.nanMode = getNanMode(minMax.getNanModeAttr());
  return step;
}

/// Describes `op`, whose opcode is `opcode`, as a program step.
static llvm::Expected<ElementwiseStep> describeStep(Operation *op,
                                                    ScalarOpcode opcode) {
  switch (opcode) {
  case ScalarOpcode::Negate:
    return translateNegate(cast<tosa::NegateOp>(op));
  case ScalarOpcode::Clamp:
    return translateClamp(cast<tosa::ClampOp>(op));
  case ScalarOpcode::Mul:
    return translateMul(cast<tosa::MulOp>(op));
  case ScalarOpcode::Maximum:
    return translateMinMax<tosa::MaximumOp>(op, opcode);
  case ScalarOpcode::Minimum:
    return translateMinMax<tosa::MinimumOp>(op, opcode);
  default:
    // Every operand is element data, in the opcode's order.
    assert(op->getNumOperands() == getNumOperands(opcode) &&
           "ScalarOps.def disagrees with the operation's operands");
    return ElementwiseStep{opcode, op->getOperands()};
  }
}

/// Checks the operand and result types of a step: every one a tensor of a
/// supported element type, booleans exactly where the operator wants them.
static llvm::Error checkTypes(Operation *op, const ElementwiseStep &step) {
  Type resultTensorType = op->getResult(0).getType();
  std::optional<ScalarType> resultType = getScalarType(resultTensorType);
  if (!resultType)
    return makeReason(describe(op) + " produces " + describe(resultTensorType) +
                      ", which an island cannot hold");
  for (Value operand : step.operands) {
    if (!getScalarType(operand.getType()))
      return makeReason(describe(op) + " reads " + describe(operand.getType()) +
                        ", which an island cannot hold");
  }
  auto isBool = [](Value v) {
    return *getScalarType(v.getType()) == ScalarType::I1;
  };
  ScalarOpTyping typing = getTyping(step.opcode);
  if (typing == ScalarOpTyping::FloatOnly && !isFloat(*resultType))
    return makeReason(describe(op) + " works on " + describe(resultTensorType) +
                      ", not on floats");
  bool wantsBoolOperands = typing == ScalarOpTyping::Logical;
  bool producesBool = wantsBoolOperands || typing == ScalarOpTyping::Compare;
  if (typing == ScalarOpTyping::Select) {
    // The predicate is boolean; the branches have the result's type, which
    // the verifier already requires.
    if (isBool(step.operands[0]))
      return llvm::Error::success();
    return makeReason(describe(op) + " has a predicate that is not i1");
  }
  if (typing == ScalarOpTyping::Cast) {
    if (*resultType != ScalarType::I1 ||
        !isFloat(*getScalarType(step.operands[0].getType())))
      return llvm::Error::success();
    return makeReason(describe(op) + " casts a float to i1");
  }
  for (Value operand : step.operands) {
    if (isBool(operand) != wantsBoolOperands)
      return makeReason(
          describe(op) + " reads " + describe(operand.getType()) +
          (wantsBoolOperands ? ", not booleans" : ", not numbers"));
  }
  if ((*resultType == ScalarType::I1) != producesBool)
    return makeReason(describe(op) + " produces " + describe(resultTensorType) +
                      ", not the expected " + (producesBool ? "i1" : "number"));
  return llvm::Error::success();
}

std::string lutfold::describeNonIslandOp(Operation *op) {
  // Element-wise operations of other dialects (math.tanh, arith.addf) are
  // not TOSA: say that, rather than that they are not element-wise.
  if (op->getName().getDialectNamespace() !=
      tosa::TosaDialect::getDialectNamespace())
    return describe(op) + " is not a TOSA operation; islands hold TOSA "
                          "element-wise operations";
  return describe(op) + " is not an element-wise operation an island may "
                        "contain";
}

llvm::Expected<ElementwiseStep> lutfold::translateOperation(Operation *op) {
  std::optional<ScalarOpcode> opcode = getIslandOpcode(op);
  if (!opcode)
    return makeReason(describeNonIslandOp(op));
  llvm::Expected<ElementwiseStep> step = describeStep(op, *opcode);
  if (!step)
    return step.takeError();
  if (llvm::Error error = checkTypes(op, *step))
    return std::move(error);
  return step;
}

ValueId lutfold::emitStep(ScalarProgram &program, const ElementwiseStep &step,
                          ArrayRef<ValueId> operands, ScalarType type) {
  switch (step.opcode) {
  case ScalarOpcode::Clamp:
    return program.addClamp(operands[0], step.clampMin, step.clampMax,
                            step.nanMode, type);
  case ScalarOpcode::Mul:
    if (step.shift != 0)
      return program.addShiftedMul(operands[0], operands[1], step.shift);
    break;
  case ScalarOpcode::Maximum:
  case ScalarOpcode::Minimum:
    return program.addMinMax(step.opcode, operands[0], operands[1],
                             step.nanMode, type);
  default:
    break;
  }
  return program.addOp(step.opcode, type, operands);
}
