//===- ChainOps.h - Operations of integer chains ----------------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Which operations --tosa-compose-tables composes, and the ScalarProgram
// steps they become: i8 TABLE, per-tensor RESCALE, NEGATE with zero points,
// the bitwise and shift operators, and the island operations on integers.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_LIB_TRANSFORMS_CHAINOPS_H
#define LUTFOLD_LIB_TRANSFORMS_CHAINOPS_H

#include "IslandOps.h"

#include "lutfold/Numerics/ScalarProgram.h"
#include "lutfold/Numerics/TosaIntegerOps.h"

#include "mlir/IR/Operation.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace lutfold {

/// NEGATE of i8 or i16 with zero points: -(x - input) + output, clipped.
struct NegateZeroPoints {
  int64_t input;
  int64_t output;
};

/// One operation of a chain.
struct ChainStep {
  mlir::Operation *op = nullptr;
  /// The one operand that is not a constant.
  mlir::Value data;
  /// What it computes: an i8 TABLE's entries, a RESCALE's parameters,
  /// NEGATE's zero points, or an island step on integers (the bitwise and
  /// shift operators too).
  std::variant<std::array<int8_t, 256>, TosaRescaleParams, NegateZeroPoints,
               ElementwiseStep>
      kind;
};

/// Whether `type` is a ranked tensor of i8.
bool isI8Tensor(mlir::Type type);

/// The step of `op` if it may be part of a chain: an i8 TABLE with constant
/// entries, a per-tensor RESCALE with constant parameters, a NEGATE of i8 or
/// i16 with constant zero points, or a bitwise, shift or island operation
/// on integers with one non-constant operand of the result's shape; none
/// for other operations, and why not for a RESCALE of integers that cannot
/// be one.
llvm::Expected<std::optional<ChainStep>> getChainStep(mlir::Operation *op);

/// Appends `step` to `program`, reading `input`; returns its result.
ScalarProgram::ValueId appendChainStep(ScalarProgram &program,
                                       const ChainStep &step,
                                       ScalarProgram::ValueId input);

} // namespace lutfold

#endif // LUTFOLD_LIB_TRANSFORMS_CHAINOPS_H
