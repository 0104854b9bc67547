//===- IslandOps.h - One TOSA operation as a program step -------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The translation of one element-wise TOSA operation into a ScalarProgram
// step, with the checks of its operands, attributes and types. Private to
// the island analysis.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_LIB_TRANSFORMS_ISLANDOPS_H
#define LUTFOLD_LIB_TRANSFORMS_ISLANDOPS_H

#include "lutfold/Numerics/Reason.h"
#include "lutfold/Numerics/ScalarProgram.h"

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"

#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>

namespace lutfold {

/// What one element-wise operation computes, in program terms.
struct ElementwiseStep {
  ElementwiseStep(ScalarOpcode opcode, mlir::ValueRange operands,
                  mlir::ValueRange configOperands = {})
      : opcode(opcode), operands(operands), configOperands(configOperands) {}

  ScalarOpcode opcode;
  /// Operands that carry element data.
  llvm::SmallVector<mlir::Value, 3> operands;
  /// Constant operands that only configure the operation (MUL's shift,
  /// NEGATE's zero points); erased with the island when dead.
  llvm::SmallVector<mlir::Value, 2> configOperands;
  double clampMin = 0.0;
  double clampMax = 0.0;
  /// MUL on i32: the constant right shift.
  unsigned shift = 0;
  scalar::NanMode nanMode = scalar::NanMode::Propagate;
};

/// The opcode of `op` if it is an operation an island may contain
/// (ScalarOps.def), whatever its types and attributes.
std::optional<ScalarOpcode> getIslandOpcode(mlir::Operation *op);

/// The program type of a tensor's elements, if an island can hold them.
std::optional<ScalarType> getScalarType(mlir::Type type);

/// Whether `op` is a constant (ConstantLike), null included as not.
bool isConstantOp(mlir::Operation *op);

/// The width of the codes in `type` if it is a tensor of the codes a plain
/// TOSA island reads and writes: 8 (i8) or 16 (i16).
std::optional<unsigned> getPlainCodeWidth(mlir::Type type);

/// The splat value of a constant, as a double (booleans as 0 and 1).
std::optional<double> getSplatConstant(mlir::Value value);

/// "'tosa.add'": an operation named as the remarks name it.
std::string describe(mlir::Operation *op);

/// Why `op`, which getIslandOpcode does not know, cannot be part of an
/// island: it is not TOSA, or not one of TOSA's element-wise operations.
std::string describeNonIslandOp(mlir::Operation *op);

/// Translates `op` into a program step, checking that it is an operation an
/// island may contain, with usable attributes and element types; otherwise
/// why not, as a sentence fragment.
llvm::Expected<ElementwiseStep> translateOperation(mlir::Operation *op);

/// Appends `step` to `program`, reading `operands` (the program values of
/// the step's operands) and producing a value of `type`.
ScalarProgram::ValueId emitStep(ScalarProgram &program,
                                const ElementwiseStep &step,
                                llvm::ArrayRef<ScalarProgram::ValueId> operands,
                                ScalarType type);

} // namespace lutfold

#endif // LUTFOLD_LIB_TRANSFORMS_ISLANDOPS_H
