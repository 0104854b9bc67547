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

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace lutfold {

/// The element type of a program value.
enum class ScalarType : uint8_t { F32, F16, BF16, I1 };

llvm::StringRef stringifyScalarType(ScalarType type);
bool isFloat(ScalarType type);

/// The operators a program can apply, with TOSA's element-wise semantics.
enum class ScalarOpcode : uint8_t {
  // Leaves.
  Input,
  Constant,
  // Unary.
  Sigmoid,
  Tanh,
  Exp,
  Log,
  Rsqrt,
  Reciprocal,
  Erf,
  Sin,
  Cos,
  Floor,
  Ceil,
  Abs,
  Negate,
  Clamp,
  Cast,
  LogicalNot,
  // Binary.
  Add,
  Sub,
  Mul,
  Pow,
  Maximum,
  Minimum,
  Greater,
  GreaterEqual,
  Equal,
  LogicalAnd,
  LogicalOr,
  LogicalXor,
  // Ternary.
  Select,
};

/// Number of operands `opcode` takes.
unsigned getNumOperands(ScalarOpcode opcode);
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
  /// Marks the program's result.
  void setResult(ValueId value) { result = value; }

  llvm::ArrayRef<ScalarInstruction> getInstructions() const {
    return instructions;
  }
  ValueId getResult() const { return result; }
  ScalarType getResultType() const { return instructions[result].type; }

  /// Evaluates the program on `input`. When the result is NaN and
  /// `nanOrigin` is given, sets it to the first instruction that produced a
  /// NaN from operands that were not NaN (std::nullopt if the input was
  /// NaN).
  double evaluate(double input,
                  std::optional<ValueId> *nanOrigin = nullptr) const;

  /// Evaluates on a float input and returns the result as float; the shape
  /// the table builders take (see ScalarFunction).
  float operator()(float input) const {
    return static_cast<float>(evaluate(input));
  }

private:
  ValueId append(const ScalarInstruction &instruction);

  llvm::SmallVector<ScalarInstruction, 8> instructions;
  ValueId result = 0;
};

/// Rounds `value` to the nearest value of float type `type` (ties to even).
double roundToType(double value, ScalarType type);

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_SCALARPROGRAM_H
