//===- IslandCollector.h - The walk back from an island's sink --*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The first step of analyzeIsland: walk back from the sink through
// element-wise operations and constant operands to the island's quantized
// inputs, recording what the program will define, in order. The walk visits
// each operation once and is iterative, so that island size is bounded only
// by the limits, not by the stack.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_LIB_TRANSFORMS_ISLANDCOLLECTOR_H
#define LUTFOLD_LIB_TRANSFORMS_ISLANDCOLLECTOR_H

#include "IslandOps.h"

#include "lutfold/Numerics/Reason.h"
#include "lutfold/Transforms/Island.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <string>

namespace lutfold {

/// Where a plain-TOSA island starts.
enum class PlainStart {
  /// At the i8 (or i16) values the island reads, through integer operations
  /// on the codes too: the largest island.
  AtInput,
  /// At the first `tosa.cast`s of i8 (or i16) values.
  AtCasts,
};

/// What the walk back from a sink found, besides what it records in the
/// Island itself.
struct CollectedIsland {
  /// The value the island ends with: what the quantize reads, or the
  /// plain-TOSA sink's result.
  mlir::Value root;
  /// The island's constants and operation results, in the order the
  /// program defines them: a constant where the walk first meets it, an
  /// operation once its operands are defined.
  llvm::SmallVector<mlir::Value> definitions;
  /// The value of each constant in `definitions`.
  llvm::SmallDenseMap<mlir::Value, double, 8> constants;
  /// The step of each operation in `Island::ops`, in the same order.
  llvm::SmallVector<ElementwiseStep> steps;
  /// Values that are program inputs, with the index of their
  /// Island::inputs: the dequantized values, or the codes a plain island
  /// reads.
  llvm::SmallVector<std::pair<mlir::Value, unsigned>, 2> inputs;
};

/// Walks back from a sink through element-wise operations and constant
/// operands to the island's quantized inputs.
class IslandCollector {
public:
  IslandCollector(Island &island, CollectedIsland &collected,
                  const IslandLimits &limits, PlainStart plainStart)
      : island(island), collected(collected), limits(limits),
        plain(island.encoding == IslandEncoding::PlainTosa),
        plainStart(plainStart) {}

  /// The walk; fails with why there is no island.
  llvm::Error collect();

private:
  llvm::Error visit(mlir::Value value);
  llvm::Error visitOperation(mlir::Value value, mlir::Operation *def);
  /// The index in Island::inputs of the quantized value `source`, added if
  /// new; fails past IslandLimits::maxInputs.
  llvm::Expected<unsigned> addSource(mlir::Value source);
  /// Records `value`, which reads `source` as it is, as a program input;
  /// the index of `source` in Island::inputs.
  llvm::Expected<unsigned> addInput(mlir::Value value, mlir::Value source);
  bool isComputedFromConstants(mlir::Operation *op);
  void addConstant(mlir::Value value, double splat);
  bool isDefined(mlir::Value value) const { return defined.contains(value); }
  /// Whether a plain island that starts at its inputs reads `value` as one:
  /// codes no island operation computes.
  bool isPlainInput(mlir::Value value) const {
    return plain && plainStart == PlainStart::AtInput &&
           getPlainCodeWidth(value.getType());
  }

  Island &island;
  CollectedIsland &collected;
  const IslandLimits &limits;
  bool plain;
  PlainStart plainStart;

  struct Frame {
    mlir::Value value;
    bool operandsDone;
  };
  llvm::SmallVector<Frame> stack;
  /// Values the program has (or will have, for inputs) a definition of.
  llvm::SmallDenseSet<mlir::Value, 16> defined;
  llvm::SmallDenseSet<mlir::Value, 16> inProgress;
  /// Steps of operations whose operands are being visited.
  llvm::SmallDenseMap<mlir::Operation *, ElementwiseStep, 16> pendingSteps;
  /// What isComputedFromConstants found for each operation it visited.
  enum class Constantness { InProgress, Yes, No };
  llvm::SmallDenseMap<mlir::Operation *, Constantness, 16> constantness;
  unsigned numOps = 0;
};

} // namespace lutfold

#endif // LUTFOLD_LIB_TRANSFORMS_ISLANDCOLLECTOR_H
