//===- ScalarProgram.h - Element-wise island interpreter --------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A straight-line program of scalar TOSA element-wise operators with one
// input, and its interpreter. An island of element-wise tensor operations
// whose other operands are splat constants computes, for every element, the
// same scalar function of the input element; a ScalarProgram is that
// function. The fold translates an island into one and evaluates it on every
// input code. Nothing here depends on MLIR IR.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_SCALARPROGRAM_H
#define LUTFOLD_NUMERICS_SCALARPROGRAM_H

#include "lutfold/Numerics/ScalarFunctions.h"
#include "lutfold/Numerics/ScalarTypes.h"
#include "lutfold/Numerics/TosaIntegerOps.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace lutfold {

/// The operators a program can apply, with TOSA's element-wise semantics:
/// the leaves, every island operator of ScalarOps.def, then its operators
/// of integer chains.
enum class ScalarOpcode : uint8_t {
  Input,
  Constant,
#define LUTFOLD_SCALAR_OP(OPCODE, NAME, TOSA_OP, NUM_OPERANDS, TYPING) OPCODE,
#include "lutfold/Numerics/ScalarOps.def"
#define LUTFOLD_CHAIN_OP(OPCODE, NAME, NUM_OPERANDS) OPCODE,
#include "lutfold/Numerics/ScalarOps.def"
};

/// What an operator reads and produces.
enum class ScalarOpTyping : uint8_t {
  /// The input and constants.
  Leaf,
  /// Floats to a float of the same type (transcendentals, floor, pow).
  FloatOnly,
  /// Numbers, float or integer, to a number of the same type.
  Numeric,
  /// Numbers to a boolean.
  Compare,
  /// Booleans to a boolean.
  Logical,
  /// A value of one type to another (TOSA CAST).
  Cast,
  /// A boolean predicate choosing between two values of the result's type.
  Select,
};

/// Number of operands `opcode` takes.
unsigned getNumOperands(ScalarOpcode opcode);
ScalarOpTyping getTyping(ScalarOpcode opcode);
/// Whether `opcode` is defined on floats only (the transcendentals, floor,
/// ceil, pow).
inline bool isFloatOnly(ScalarOpcode opcode) {
  return getTyping(opcode) == ScalarOpTyping::FloatOnly;
}
/// The operator's TOSA name without "tosa." ("greater_equal"), or "input"
/// and "constant".
llvm::StringRef stringifyScalarOpcode(ScalarOpcode opcode);

/// One step of a program. Operands index earlier instructions.
struct ScalarInstruction {
  ScalarOpcode opcode = ScalarOpcode::Input;
  /// Type of the result; arithmetic on F16/BF16 rounds to that type.
  ScalarType type = ScalarType::F32;
  uint32_t operands[3] = {0, 0, 0};
  /// Constant: the value. Clamp: the bounds.
  double constant = 0.0;
  double clampMax = 0.0;
  /// Maximum, Minimum, Clamp.
  scalar::NanMode nanMode = scalar::NanMode::Propagate;
  /// Mul on I32: the result is shifted right by this, rounding.
  /// ArithmeticRightShift: 1 when it rounds.
  unsigned shift = 0;
  /// Table: the 256 entries, entry i for operand i - 128.
  std::shared_ptr<const std::array<int8_t, 256>> table;
  /// Rescale: its parameters.
  std::shared_ptr<const TosaRescaleParams> rescale;
};

/// What one evaluation produced, with where a NaN came from.
struct ScalarEvaluation {
  double value = 0.0;
  /// The result is NaN, or a NaN was cast to an integer on the way to it.
  bool sawNaN = false;
  /// When sawNaN: the first operation that produced a NaN from operands
  /// that were not NaN, NaN constants aside, which are read rather than
  /// produced (std::nullopt if the input was NaN).
  std::optional<uint32_t> nanOrigin;
};

/// A single-input, single-output straight-line program.
class ScalarProgram {
public:
  using ValueId = uint32_t;

  /// The program's input. Must be the first instruction added.
  ValueId addInput(ScalarType type);
  /// A constant, rounded to `type`.
  ValueId addConstant(double value, ScalarType type);
  /// An operator without attributes; operands must already exist.
  ValueId addOp(ScalarOpcode opcode, ScalarType type,
                llvm::ArrayRef<ValueId> operands);
  ValueId addClamp(ValueId operand, double lo, double hi, scalar::NanMode mode,
                   ScalarType type);
  ValueId addMinMax(ScalarOpcode opcode, ValueId lhs, ValueId rhs,
                    scalar::NanMode mode, ScalarType type);
  /// An i8 TABLE lookup of the I8 `operand`: entry i for operand i - 128.
  ValueId addTable(ValueId operand, const std::array<int8_t, 256> &entries);
  /// A per-tensor RESCALE of the integer `operand` to integer `type`;
  /// `params`' widths must be those of the operand and `type`.
  ValueId addRescale(ValueId operand, const TosaRescaleParams &params,
                     ScalarType type);
  /// TOSA ARITHMETIC_RIGHT_SHIFT of integers, rounding with `round`.
  ValueId addArithmeticRightShift(ValueId lhs, ValueId rhs, bool round,
                                  ScalarType type);
  /// An I32 multiply whose 64-bit product is shifted right by `shift` with
  /// rounding, as TOSA MUL does.
  ValueId addShiftedMul(ValueId lhs, ValueId rhs, unsigned shift);
  /// Marks the program's result.
  void setResult(ValueId value) { result = value; }

  /// Appends to `key` a byte string that identifies the program: equal
  /// for programs with the same instructions and result.
  void appendKey(std::string &key) const;

  llvm::ArrayRef<ScalarInstruction> getInstructions() const {
    return instructions;
  }
  ValueId getResult() const { return result; }
  ScalarType getResultType() const { return instructions[result].type; }

  /// Evaluates the program on `input`, which must be a value of the input's
  /// type.
  ScalarEvaluation evaluateDetailed(double input) const;
  double evaluate(double input) const { return evaluateDetailed(input).value; }
  /// Evaluates the program on the integer codes firstCode, firstCode + 1,
  /// ..., one per element of `values`, appending to `nanCodes` those whose
  /// evaluation saw a NaN: a table of a program on codes.
  void evaluateCodes(int64_t firstCode, llvm::MutableArrayRef<double> values,
                     llvm::SmallVectorImpl<int64_t> &nanCodes) const;

  /// Evaluates on a float input and returns the result as float; the shape
  /// the table builders take (see ScalarFunction).
  float operator()(float input) const;

private:
  ValueId append(const ScalarInstruction &instruction);

  llvm::SmallVector<ScalarInstruction, 8> instructions;
  ValueId result = 0;
  /// Every value is an f32 and every operator f32 arithmetic or a function:
  /// operator() may evaluate in float.
  bool f32Only = true;
};

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_SCALARPROGRAM_H
