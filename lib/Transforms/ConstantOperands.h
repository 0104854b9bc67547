//===- ConstantOperands.h - Operands computed from constants ----*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Exporters compute some operands of an island from constants: onnx-mlir
// casts an i8 zero point to f32 and takes the reciprocal of the scale with
// TOSA operations. Such an operand is a constant all the same; it is
// evaluated once with the island interpreter's TOSA semantics. Private to
// the island analysis.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_LIB_TRANSFORMS_CONSTANTOPERANDS_H
#define LUTFOLD_LIB_TRANSFORMS_CONSTANTOPERANDS_H

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>

namespace lutfold {

/// A value computed from splat constants alone by element-wise operations
/// an island may contain.
struct ConstantOperand {
  /// Its splat value, as the program holds it (booleans as 0 and 1).
  double value = 0.0;
  /// The operations that compute it, every one after those it reads; the
  /// constants it reads included.
  llvm::SmallVector<mlir::Operation *> ops;
};

/// Evaluates `value` if it is computed from constants alone: a constant, or
/// an element-wise operation of ScalarOps.def whose operands are, through at
/// most `maxOps` operations. Returns std::nullopt when it is not (it reads a
/// block argument or another operation, or takes more operations), and
/// fails, naming the cause, when it is but cannot be used: a constant that is
/// not a splat, an element type or attribute an island cannot hold.
llvm::Expected<std::optional<ConstantOperand>>
evaluateConstantOperand(mlir::Value value, unsigned maxOps);

} // namespace lutfold

#endif // LUTFOLD_LIB_TRANSFORMS_CONSTANTOPERANDS_H
