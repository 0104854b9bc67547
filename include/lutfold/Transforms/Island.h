//===- Island.h - Element-wise float islands in quantized IR ----*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// An island is the set of element-wise TOSA operations between one quantized
// input, dequantized by `quant.dcast`, and one `quant.qcast`, whose other
// operands are splat constants. Every output element is then the same scalar
// function of the matching input element: the island's ScalarProgram.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_TRANSFORMS_ISLAND_H
#define LUTFOLD_TRANSFORMS_ISLAND_H

#include "lutfold/Numerics/ScalarProgram.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/Operation.h"

#include "llvm/ADT/SmallVector.h"

#include <string>

namespace lutfold {

/// Limits on what an island may contain.
struct IslandLimits {
  /// Largest number of element-wise operations in an island.
  unsigned maxOps = 64;
  /// Operation names (e.g. "tosa.sigmoid") an island may contain; empty
  /// allows every supported operation.
  llvm::ArrayRef<std::string> allowedOps;
};

/// The island that ends at one quantize.
struct Island {
  mlir::quant::QuantizeCastOp sink;
  /// The quantized value the island reads, through `dequantizes`.
  mlir::Value source;
  llvm::SmallVector<mlir::quant::DequantizeCastOp, 1> dequantizes;
  /// Element-wise operations, every one after the operations it reads.
  llvm::SmallVector<mlir::Operation *> ops;
  /// Splat constant operations the island reads as data.
  llvm::SmallVector<mlir::Operation *> constants;
  /// Constant operations that configure island operations (MUL's shift,
  /// NEGATE's zero points).
  llvm::SmallVector<mlir::Operation *> configConstants;
  /// The per-element function; its input is the dequantized value.
  ScalarProgram program;
  /// For each program instruction, the operation it came from (null for the
  /// input and for constants).
  llvm::SmallVector<mlir::Operation *> instructionOps;
};

/// Names of the operations an island may contain.
llvm::ArrayRef<llvm::StringRef> getSupportedIslandOps();

/// Collects the island ending at `sink`, walking back from its operand. On
/// failure sets `reason` to a sentence fragment saying why there is none.
mlir::FailureOr<Island> analyzeIsland(mlir::quant::QuantizeCastOp sink,
                                      const IslandLimits &limits,
                                      std::string &reason);

} // namespace lutfold

#endif // LUTFOLD_TRANSFORMS_ISLAND_H
