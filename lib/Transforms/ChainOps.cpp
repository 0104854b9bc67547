//===- ChainOps.cpp - Operations of integer chains ------------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ChainOps.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Matchers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace lutfold;

/// The width of a ranked integer tensor's elements: 8, 16 or 32.
static std::optional<unsigned> getIntegerTensorWidth(Type type) {
  std::optional<ScalarType> scalar =
      isa<RankedTensorType>(type) ? getScalarType(type) : std::nullopt;
  if (!scalar || !isInteger(*scalar))
    return std::nullopt;
  return getIntegerWidth(*scalar);
}

bool lutfold::isI8Tensor(Type type) {
  return getIntegerTensorWidth(type) == 8u;
}

/// The one element of a constant integer tensor.
static std::optional<int64_t> getScalarConstant(Value value) {
  DenseIntElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)) || attr.getNumElements() != 1)
    return std::nullopt;
  return (*attr.getValues<APInt>().begin()).getSExtValue();
}

/// A per-tensor RESCALE between integer tensors of one shape with constant
/// parameters; none when it is no RESCALE of integers of one shape at all,
/// and why not when it is one but cannot be part of a chain.
static llvm::Expected<std::optional<ChainStep>>
getRescaleStep(tosa::RescaleOp rescale) {
  std::optional<unsigned> inputBits =
      getIntegerTensorWidth(rescale.getInput().getType());
  std::optional<unsigned> outputBits =
      getIntegerTensorWidth(rescale.getOutput().getType());
  if (!inputBits || !outputBits)
    return std::nullopt;
  if (cast<RankedTensorType>(rescale.getInput().getType()).getShape() !=
      cast<RankedTensorType>(rescale.getOutput().getType()).getShape())
    return std::nullopt;
  if (rescale.getPerChannel())
    return makeReason("a per-channel RESCALE is not one function of the codes");
  if (rescale.getRoundingMode() == tosa::RoundingMode::INEXACT_ROUND)
    return makeReason(
        "INEXACT_ROUND leaves the rounding to the implementation");
  std::optional<int64_t> multiplier =
      getScalarConstant(rescale.getMultiplier());
  std::optional<int64_t> shift = getScalarConstant(rescale.getShift());
  std::optional<int64_t> inputZeroPoint =
      getScalarConstant(rescale.getInputZp());
  std::optional<int64_t> outputZeroPoint =
      getScalarConstant(rescale.getOutputZp());
  if (!multiplier || !shift || !inputZeroPoint || !outputZeroPoint)
    return makeReason(
        "its multiplier, shift and zero points are not constants of one "
        "element");
  // The verifier keeps the multiplier in i16 or i32 and the shift in i8; a
  // shift outside [0, 63] stays outside the range getInvalidRescaleReason
  // checks.
  TosaRescaleParams params;
  params.multiplier = static_cast<int32_t>(*multiplier);
  params.shift = static_cast<unsigned>(std::clamp<int64_t>(*shift, 0, 63));
  params.inputZeroPoint = *inputZeroPoint;
  params.outputZeroPoint = *outputZeroPoint;
  params.scale32 = rescale.getScale32();
  params.doubleRound =
      rescale.getRoundingMode() == tosa::RoundingMode::DOUBLE_ROUND;
  params.inputUnsigned = rescale.getInputUnsigned();
  params.outputUnsigned = rescale.getOutputUnsigned();
  params.inputBits = *inputBits;
  params.outputBits = *outputBits;
  if (std::optional<const char *> invalid = getInvalidRescaleReason(params))
    return makeReason(*invalid);
  return ChainStep{rescale, rescale.getInput(), params};
}

/// TOSA's bitwise and shift operators (ScalarOps.def), which islands
/// (floats) never hold.
static std::optional<ScalarOpcode> getBitwiseOpcode(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<ScalarOpcode>>(op)
#define LUTFOLD_BITWISE_OP(OPCODE, NAME, TOSA_OP, NUM_OPERANDS)                \
  .Case([](tosa::TOSA_OP) { return ScalarOpcode::OPCODE; })
#include "lutfold/Numerics/ScalarOps.def"
      .Default([](Operation *) { return std::nullopt; });
}

/// Whether `opcode` shifts its first operand by its second.
static bool isShift(ScalarOpcode opcode) {
  switch (opcode) {
#define LUTFOLD_SHIFT_OP(OPCODE, NAME, TOSA_OP) case ScalarOpcode::OPCODE:
#include "lutfold/Numerics/ScalarOps.def"
    return true;
  default:
    return false;
  }
}

/// A bitwise or shift operator on integer tensors of one type: the data
/// operand (a shift's first) and splat constants, shifts within the width.
static std::optional<ChainStep> getBitwiseStep(Operation *op,
                                               ScalarOpcode opcode) {
  Type type = op->getResult(0).getType();
  std::optional<unsigned> width = getIntegerTensorWidth(type);
  if (!width || llvm::any_of(op->getOperandTypes(), [&](Type operand) {
        return getElementTypeOrSelf(operand) != getElementTypeOrSelf(type);
      }))
    return std::nullopt;
  bool shifts = isShift(opcode);
  Value data;
  for (auto [i, operand] : llvm::enumerate(op->getOperands())) {
    std::optional<double> splat = getSplatConstant(operand);
    if (!splat) {
      if (data || (shifts && i != 0))
        return std::nullopt;
      data = operand;
      continue;
    }
    if (shifts && i == 1 && (*splat < 0 || *splat >= *width))
      return std::nullopt;
  }
  // The data keeps its shape: a constant may not broadcast it.
  if (!data || data.getType() != type)
    return std::nullopt;
  ElementwiseStep step(opcode, op->getOperands());
  if (auto shift = dyn_cast<tosa::ArithmeticRightShiftOp>(op))
    step.shift = shift.getRound() ? 1 : 0;
  return ChainStep{op, data, std::move(step)};
}

llvm::Expected<std::optional<ChainStep>> lutfold::getChainStep(Operation *op) {
  if (op->getNumResults() != 1)
    return std::nullopt;
  if (auto rescale = dyn_cast<tosa::RescaleOp>(op))
    return getRescaleStep(rescale);
  auto resultType = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!resultType)
    return std::nullopt;
  if (auto table = dyn_cast<tosa::TableOp>(op)) {
    DenseIntElementsAttr entries;
    if (!isI8Tensor(table.getInput1().getType()) || !isI8Tensor(resultType) ||
        !matchPattern(table.getTable(), m_Constant(&entries)) ||
        entries.getNumElements() != 256)
      return std::nullopt;
    std::array<int8_t, 256> values;
    for (auto [i, entry] : llvm::enumerate(entries.getValues<APInt>()))
      values[i] = static_cast<int8_t>(entry.getSExtValue());
    return ChainStep{op, table.getInput1(), values};
  }
  // NEGATE with zero points (i8, i16): -(x - input zp) + output zp,
  // clipped to the type. Zero points of 0 are the island operation.
  if (auto negate = dyn_cast<tosa::NegateOp>(op)) {
    std::optional<unsigned> width =
        getIntegerTensorWidth(negate.getInput1().getType());
    std::optional<int64_t> inputZp = getScalarConstant(negate.getInput1Zp());
    std::optional<int64_t> outputZp = getScalarConstant(negate.getOutputZp());
    if (width && *width != 32 && inputZp && outputZp &&
        (*inputZp != 0 || *outputZp != 0) &&
        negate.getInput1().getType() == negate.getType()) {
      return ChainStep{op, negate.getInput1(),
                       NegateZeroPoints{*inputZp, *outputZp}};
    }
  }
  if (std::optional<ScalarOpcode> opcode = getBitwiseOpcode(op))
    return getBitwiseStep(op, *opcode);
  if (!getIslandOpcode(op))
    return std::nullopt;
  llvm::Expected<ElementwiseStep> step = translateOperation(op);
  if (!step) {
    // Why an island operation is not one does not concern chains.
    llvm::consumeError(step.takeError());
    return std::nullopt;
  }
  auto isIntegral = [](Type type) {
    std::optional<ScalarType> scalar = getScalarType(type);
    return scalar && !isFloat(*scalar);
  };
  if (!isIntegral(resultType))
    return std::nullopt;
  Value data;
  for (Value operand : step->operands) {
    if (!isIntegral(operand.getType()))
      return std::nullopt;
    if (getSplatConstant(operand))
      continue;
    if (data && data != operand)
      return std::nullopt;
    data = operand;
  }
  auto dataType = data ? dyn_cast<RankedTensorType>(data.getType()) : nullptr;
  if (!dataType || dataType.getShape() != resultType.getShape())
    return std::nullopt;
  return ChainStep{op, data, std::move(*step)};
}

ScalarProgram::ValueId lutfold::appendChainStep(ScalarProgram &program,
                                                const ChainStep &chainStep,
                                                ScalarProgram::ValueId input) {
  ScalarType type = *getScalarType(chainStep.op->getResult(0).getType());
  if (const auto *table = std::get_if<std::array<int8_t, 256>>(&chainStep.kind))
    return program.addTable(input, *table);
  if (const auto *rescale = std::get_if<TosaRescaleParams>(&chainStep.kind))
    return program.addRescale(input, *rescale, type);
  if (const auto *zeroPoints = std::get_if<NegateZeroPoints>(&chainStep.kind)) {
    // In i32, where nothing overflows, then clipped and narrowed.
    double hi = std::ldexp(1.0, getIntegerWidth(type) - 1) - 1;
    ScalarProgram::ValueId wide =
        program.addOp(ScalarOpcode::Cast, ScalarType::I32, {input});
    wide = program.addOp(
        ScalarOpcode::Sub, ScalarType::I32,
        {wide, program.addConstant(zeroPoints->input, ScalarType::I32)});
    wide = program.addOp(ScalarOpcode::Negate, ScalarType::I32, {wide});
    wide = program.addOp(
        ScalarOpcode::Add, ScalarType::I32,
        {wide, program.addConstant(zeroPoints->output, ScalarType::I32)});
    wide = program.addClamp(wide, -hi - 1, hi, scalar::NanMode::Propagate,
                            ScalarType::I32);
    return program.addOp(ScalarOpcode::Cast, type, {wide});
  }
  const auto &step = std::get<ElementwiseStep>(chainStep.kind);
  SmallVector<ScalarProgram::ValueId, 3> operands;
  for (Value operand : step.operands)
    operands.push_back(
        operand == chainStep.data
            ? input
            : program.addConstant(*getSplatConstant(operand),
                                  *getScalarType(operand.getType())));
  if (step.opcode == ScalarOpcode::ArithmeticRightShift)
    return program.addArithmeticRightShift(operands[0], operands[1],
                                           step.shift != 0, type);
  return emitStep(program, step, operands, type);
}
