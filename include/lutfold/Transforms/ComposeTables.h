//===- ComposeTables.h - Integer chains as one table -------------*- C++
//-*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A chain of single-input integer element-wise operations from an i8 value
// to an i8 value is a function of 256 codes: one i8 TOSA TABLE computes it
// exactly. composeIntegerChains replaces every maximal such chain with that
// TABLE, evaluating the chain with the island interpreter (ScalarProgram).
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_TRANSFORMS_COMPOSETABLES_H
#define LUTFOLD_TRANSFORMS_COMPOSETABLES_H

#include "mlir/IR/Operation.h"

namespace lutfold {

struct ComposeTablesOptions {
  /// A remark at each chain replaced: by a table, by its input (an identity)
  /// or by a constant.
  bool reportComposed = false;
  /// A remark where a chain stops short: an intermediate value with other
  /// users, or a chain that ends in a type wider than i8.
  bool reportDeclined = false;
};

struct ComposeTablesResult {
  /// Chains of two or more operations replaced by one TABLE.
  unsigned numComposed = 0;
  /// Identity tables (or chains) replaced by their input.
  unsigned numIdentities = 0;
  /// Chains over constants replaced by a constant.
  unsigned numConstants = 0;
};

/// Replaces, under `root`, every maximal chain of operations that each read
/// one non-constant value (the previous one's result, which has no other
/// user), with splat constants for any other operand, from an i8 tensor to
/// an i8 tensor of the same shape, by one `tosa.table` on the chain's input
/// when it has two or more operations. The operations are `tosa.table` on
/// i8, per-tensor `tosa.rescale` with constant parameters, and the integer
/// forms of the island operations (clamp, add, sub, mul, negate, abs,
/// maximum, minimum, cast, comparisons, logical operations, select), and
/// the bitwise and shift operators. A chain
/// (of any length) whose table is the identity is replaced by its input; one
/// over a constant i8 tensor by a constant. Identical tables in a function
/// share one constant.
ComposeTablesResult composeIntegerChains(mlir::Operation *root,
                                         const ComposeTablesOptions &options);

} // namespace lutfold

#endif // LUTFOLD_TRANSFORMS_COMPOSETABLES_H
