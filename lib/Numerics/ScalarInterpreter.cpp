//===- ScalarInterpreter.cpp - Evaluating element-wise island programs ----===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// One loop evaluates a program, under one of three policies: in float, for
// programs whose every value is an f32 (the table builders' hot path); in
// double, for the value alone; and in double, noting where a NaN arose. The
// value is the same under all three: every value of every type is exact in
// double, and every value of an f32-only program exact in float.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/ScalarProgram.h"

#include "ScalarOpcodeInfo.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/ErrorHandling.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <optional>

using namespace lutfold;

/// Integer arithmetic of one instruction; TOSA integers wrap as upstream
/// lowers them (arith.addi and friends).
static double evaluateInteger(const ScalarInstruction &op, int64_t a,
                              int64_t b) {
  int64_t value;
  switch (op.opcode) {
  case ScalarOpcode::Add:
    value = a + b;
    break;
  case ScalarOpcode::Sub:
    value = a - b;
    break;
  case ScalarOpcode::Mul:
    value = a * b;
    if (op.shift > 0)
      value = (value + (int64_t(1) << (op.shift - 1))) >> op.shift;
    break;
  case ScalarOpcode::Negate: {
    // TOSA NEGATE saturates (apply_clip_s): -(-128) is 127 in i8, as
    // upstream lowers it.
    unsigned width = getIntegerWidth(op.type);
    int64_t hi = (int64_t(1) << (width - 1)) - 1;
    return static_cast<double>(std::clamp(-a, -hi - 1, hi));
  }
  case ScalarOpcode::Abs:
    value = a < 0 ? -a : a;
    break;
  case ScalarOpcode::Maximum:
    value = std::max(a, b);
    break;
  case ScalarOpcode::Minimum:
    value = std::min(a, b);
    break;
  case ScalarOpcode::Clamp:
    value = std::clamp(a, static_cast<int64_t>(op.constant),
                       static_cast<int64_t>(op.clampMax));
    break;
  case ScalarOpcode::Table:
    assert(a >= -128 && a <= 127 && "an i8 TABLE reads i8 values");
    value = (*op.table)[static_cast<size_t>(a + 128)];
    break;
  case ScalarOpcode::Rescale:
    value = applyRescale(a, *op.rescale);
    break;
  case ScalarOpcode::BitwiseAnd:
    value = a & b;
    break;
  case ScalarOpcode::BitwiseOr:
    value = a | b;
    break;
  case ScalarOpcode::BitwiseXor:
    value = a ^ b;
    break;
  case ScalarOpcode::BitwiseNot:
    value = ~a;
    break;
  case ScalarOpcode::LogicalLeftShift:
  case ScalarOpcode::LogicalRightShift:
  case ScalarOpcode::ArithmeticRightShift: {
    // TOSA requires shifts in [0, 31]; shifting by the width or more is
    // what upstream leaves undefined, so a chain never holds one.
    unsigned width = getIntegerWidth(op.type);
    assert(b >= 0 && b < static_cast<int64_t>(width) && "shift out of range");
    uint64_t bits = static_cast<uint64_t>(a) & ((uint64_t(1) << width) - 1);
    if (op.opcode == ScalarOpcode::LogicalLeftShift)
      value = static_cast<int64_t>(bits << b);
    else if (op.opcode == ScalarOpcode::LogicalRightShift)
      value = static_cast<int64_t>(bits >> b);
    else
      value = (a >> b) + (op.shift && b > 0 ? (a >> (b - 1)) & 1 : 0);
    break;
  }
  default:
    llvm_unreachable("not an integer operation");
  }
  return static_cast<double>(wrapInteger(value, op.type));
}

/// A float operator (a unary f32 function, clamp, +, -, *, pow, maximum,
/// minimum) of f32 operands, in f32; `b` is unused by unary ones.
static float applyFloatOperator(const ScalarInstruction &op, float a, float b) {
  if (scalar::UnaryFunction function =
          getScalarOpcodeInfo(op.opcode).f32Function)
    return function(a);
  switch (op.opcode) {
  case ScalarOpcode::Clamp:
    return scalar::clamp(a, static_cast<float>(op.constant),
                         static_cast<float>(op.clampMax), op.nanMode);
  case ScalarOpcode::Add:
    return a + b;
  case ScalarOpcode::Sub:
    return a - b;
  case ScalarOpcode::Mul:
    return a * b;
  case ScalarOpcode::Pow:
    return scalar::pow(a, b);
  case ScalarOpcode::Maximum:
    return scalar::maximum(a, b, op.nanMode);
  case ScalarOpcode::Minimum:
    return scalar::minimum(a, b, op.nanMode);
  default:
    llvm_unreachable("not a float operator");
  }
}

/// The value of one instruction given its operands' values and the type of
/// its (data) operands. Float operands are exact in float (every float type
/// here is a subset of f32); integers up to 32 bits are exact in double.
/// Sets `castNaN` when a Cast turns a NaN into an integer.
static double evaluateInstruction(const ScalarInstruction &op,
                                  ScalarType operandType, double input,
                                  const double *a, const double *b,
                                  const double *c, bool &castNaN) {
  auto f = [](const double *v) { return static_cast<float>(*v); };
  auto boolean = [](bool v) { return v ? 1.0 : 0.0; };
  auto integer = [](const double *v) {
    return v ? static_cast<int64_t>(*v) : 0;
  };
  switch (op.opcode) {
  case ScalarOpcode::Input:
    return input;
  case ScalarOpcode::Constant:
    return op.constant;
  case ScalarOpcode::Cast:
    if (isInteger(op.type) && isFloat(operandType)) {
      castNaN |= std::isnan(*a);
      return castFloatToInteger(*a, op.type);
    }
    return roundToType(*a, op.type);
  case ScalarOpcode::LogicalNot:
    return boolean(*a == 0.0);
  // Comparisons on doubles equal comparisons in the operands' own type:
  // every value is exact in double.
  case ScalarOpcode::Greater:
    return boolean(*a > *b);
  case ScalarOpcode::GreaterEqual:
    return boolean(*a >= *b);
  case ScalarOpcode::Equal:
    return boolean(*a == *b);
  case ScalarOpcode::LogicalAnd:
    return boolean(*a != 0.0 && *b != 0.0);
  case ScalarOpcode::LogicalOr:
    return boolean(*a != 0.0 || *b != 0.0);
  case ScalarOpcode::LogicalXor:
    return boolean((*a != 0.0) != (*b != 0.0));
  case ScalarOpcode::Select:
    return *a != 0.0 ? *b : *c;
  default:
    break;
  }

  if (isInteger(op.type))
    return evaluateInteger(op, integer(a), integer(b));

  // Float results are computed in f32 and rounded once to narrower types;
  // for +, -, * and / that equals the correctly rounded f16/bf16 result.
  return roundToType(applyFloatOperator(op, f(a), b ? f(b) : 0.0f), op.type);
}

namespace {
/// What an evaluation records beside the values.
struct NaNTrace {
  /// A Cast turned a NaN into an integer.
  bool castNaN = false;
  /// The first operation that produced a NaN (ScalarEvaluation::nanOrigin).
  std::optional<uint32_t> firstNaN;
};

/// Evaluation in float of a program whose every value is an f32 (f32Only):
/// none of the conversions and checks other types need.
struct F32Policy {
  using Value = float;
  static constexpr bool kTrackNaNOrigin = false;

  /// The same value evaluateInstruction gives, as every value is an f32.
  static float evaluate(llvm::ArrayRef<ScalarInstruction>,
                        const ScalarInstruction &op, float input,
                        const float *values, NaNTrace &) {
    if (op.opcode == ScalarOpcode::Input)
      return input;
    if (op.opcode == ScalarOpcode::Constant)
      return static_cast<float>(op.constant);
    // Unused operands index the input, which is always defined.
    return applyFloatOperator(op, values[op.operands[0]],
                              values[op.operands[1]]);
  }
};

/// Evaluation in double, which holds every value of every type exactly;
/// with TrackNaNOrigin, also where a NaN arose, for the remarks.
template <bool TrackNaNOrigin> struct DoublePolicy {
  using Value = double;
  static constexpr bool kTrackNaNOrigin = TrackNaNOrigin;

  static double evaluate(llvm::ArrayRef<ScalarInstruction> instructions,
                         const ScalarInstruction &op, double input,
                         const double *values, NaNTrace &trace) {
    unsigned numOperands = getScalarOpcodeInfo(op.opcode).numOperands;
    const double *operands[3] = {nullptr, nullptr, nullptr};
    for (unsigned i = 0; i < numOperands; ++i)
      operands[i] = &values[op.operands[i]];
    // The type data operands have (Select's first operand is its predicate).
    unsigned dataOperand = op.opcode == ScalarOpcode::Select ? 1 : 0;
    ScalarType operandType = numOperands > dataOperand
                                 ? instructions[op.operands[dataOperand]].type
                                 : op.type;
    return evaluateInstruction(op, operandType, input, operands[0], operands[1],
                               operands[2], trace.castNaN);
  }
};
} // namespace

/// Whether `op`, of value `value`, produced a NaN from operands that were
/// not NaN.
static bool producesNaN(llvm::ArrayRef<ScalarInstruction> instructions,
                        const ScalarInstruction &op, double value,
                        const double *values) {
  if (!std::isnan(value) || op.opcode == ScalarOpcode::Input ||
      op.opcode == ScalarOpcode::Constant)
    return false;
  // A NaN constant is not where NaN comes from: the first operation that
  // reads it and gives NaN is (minimum(x, NaN), say).
  for (unsigned i = 0, e = getScalarOpcodeInfo(op.opcode).numOperands; i < e;
       ++i)
    if (std::isnan(values[op.operands[i]]) &&
        instructions[op.operands[i]].opcode != ScalarOpcode::Constant)
      return false;
  return true;
}

/// The interpreter: evaluates `instructions` on `input`, the value of each
/// into `values` (as many), in the policy's value type.
template <typename Policy>
static void interpret(llvm::ArrayRef<ScalarInstruction> instructions,
                      typename Policy::Value input,
                      typename Policy::Value *values, NaNTrace &trace) {
  for (auto [id, op] : llvm::enumerate(instructions)) {
    values[id] = Policy::evaluate(instructions, op, input, values, trace);
    if constexpr (Policy::kTrackNaNOrigin)
      if (!trace.firstNaN && producesNaN(instructions, op, values[id], values))
        trace.firstNaN = static_cast<uint32_t>(id);
  }
}

ScalarEvaluation ScalarProgram::evaluateDetailed(double input) const {
  assert(!instructions.empty() && "empty program");
  llvm::SmallVector<double, 16> values(instructions.size());
  NaNTrace trace;
  interpret<DoublePolicy<true>>(instructions, input, values.data(), trace);
  ScalarEvaluation evaluation;
  evaluation.value = values[result];
  evaluation.sawNaN = std::isnan(evaluation.value) || trace.castNaN;
  if (evaluation.sawNaN)
    evaluation.nanOrigin = trace.firstNaN;
  return evaluation;
}

void ScalarProgram::evaluateCodes(
    int64_t firstCode, llvm::MutableArrayRef<double> values,
    llvm::SmallVectorImpl<int64_t> &nanCodes) const {
  for (size_t i = 0, e = values.size(); i != e; ++i) {
    int64_t code = firstCode + static_cast<int64_t>(i);
    ScalarEvaluation evaluation = evaluateDetailed(static_cast<double>(code));
    if (evaluation.sawNaN)
      nanCodes.push_back(code);
    values[i] = evaluation.value;
  }
}

float ScalarProgram::operator()(float input) const {
  // One f32 operator on the input (sigmoid, tanh, exp, ...) computes its f32
  // function, as the interpreter would, without interpreting: table
  // builders call this for every code.
  if (instructions.size() == 2 && result == 1 &&
      instructions[0].opcode == ScalarOpcode::Input &&
      instructions[0].type == ScalarType::F32 &&
      instructions[1].type == ScalarType::F32 &&
      instructions[1].operands[0] == 0)
    if (scalar::UnaryFunction function =
            getScalarOpcodeInfo(instructions[1].opcode).f32Function)
      return function(input);
  // Programs of f32 arithmetic and functions (SiLU, GELU, ...) run in
  // float, without the conversions and checks other types need.
  constexpr size_t kMaxF32Instructions = 32;
  if (f32Only && instructions.size() <= kMaxF32Instructions) {
    float values[kMaxF32Instructions];
    NaNTrace trace;
    interpret<F32Policy>(instructions, input, values, trace);
    return values[result];
  }
  // The value alone: evaluateDetailed without tracking where NaN arose.
  llvm::SmallVector<double, 16> values(instructions.size());
  NaNTrace trace;
  interpret<DoublePolicy<false>>(instructions, input, values.data(), trace);
  return static_cast<float>(values[result]);
}
