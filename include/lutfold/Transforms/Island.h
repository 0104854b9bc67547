//===- Island.h - Element-wise float islands in quantized IR ----*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// An island is the set of element-wise TOSA operations between quantized
// inputs and the quantize that ends it, whose other operands are splat
// constants. It is spelled in one of two ways:
//
//  - with the quant dialect: `quant.dcast` of a `!quant.uniform` value, the
//    operations, then `quant.qcast` to a `!quant.uniform` type; the table
//    follows a numerics preset at both ends;
//  - in plain TOSA, as onnx-mlir, torch-mlir and TensorFlow emit it: the
//    element-wise operations, integer and float alike, between i8 (or i16)
//    values and an i8 (or i16) result, with the (de)quantization
//    arithmetic spelled out; a `tosa.cast` to i8 (i16) ends the float part,
//    and integer operations on the codes before the first cast or after
//    that last one belong to the island too. The IR alone defines the
//    table.
//
// Operands computed from constants alone (a zero point cast to f32, the
// reciprocal of a scale) are constants of the island.
//
// Either way every output element is the same scalar function of the
// matching input elements: the island's ScalarProgram.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_TRANSFORMS_ISLAND_H
#define LUTFOLD_TRANSFORMS_ISLAND_H

#include "lutfold/Numerics/Reason.h"
#include "lutfold/Numerics/ScalarProgram.h"
#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/Operation.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

namespace lutfold {

/// Limits on what an island may contain.
struct IslandLimits {
  /// The limits of --tosa-fold-to-table's defaults (Passes.td).
  IslandLimits();

  /// Largest number of element-wise operations in an island.
  unsigned maxOps;
  /// Largest number of distinct quantized values an island may read. The
  /// tables of element-wise islands take one.
  unsigned maxInputs = 1;
  /// Operation names (e.g. "tosa.sigmoid") an island may contain; empty
  /// allows every supported operation.
  llvm::SmallVector<std::string> allowedOps;
};

/// How an island spells its quantize and dequantize.
enum class IslandEncoding {
  /// `quant.dcast` of a `!quant.uniform` value ... `quant.qcast`; the table
  /// follows a numerics preset at both ends.
  QuantDialect,
  /// Plain TOSA, as torch-mlir and TensorFlow emit it: an i8 or i16 tensor
  /// enters through `tosa.cast` and leaves through a `tosa.cast` to i8 or
  /// i16, with the
  /// (de)quantization arithmetic spelled out in between. The IR alone defines
  /// the table.
  PlainTosa,
};

/// The two boundaries of plain-TOSA islands, the one definition of each:
/// a quantize is a `tosa.cast` to an i8 or i16 tensor from a tensor of
/// neither (it ends an island's float part); a dequantize is a `tosa.cast`
/// of an i8 or i16 tensor to a tensor of neither (a float, or i32 for
/// integer arithmetic on the codes first), where an island may start.
bool isPlainTosaQuantize(mlir::Operation *op);
bool isPlainTosaDequantize(mlir::Operation *op);

/// The operation that ends the plain-TOSA island whose float part ends at
/// `cast` (isPlainTosaQuantize): `cast`, or the last of the integer operations
/// on its codes that follow it (with results of the same width), each the
/// only user of the one before,
/// with constant other operands (an output zero point added in i8, say).
mlir::Operation *getPlainIslandEnd(mlir::Operation *cast);

/// The operations that end islands under `root`, in program order: every
/// `quant.qcast` and the end of every plain-TOSA island.
llvm::SmallVector<mlir::Operation *> collectIslandSinks(mlir::Operation *root);

/// One quantized value an island reads.
struct IslandInput {
  /// The quantized value: read through `dequantizes` (QuantDialect), or
  /// directly by operations that are part of the island (PlainTosa).
  mlir::Value source;
  llvm::SmallVector<mlir::quant::DequantizeCastOp, 1> dequantizes;
};

/// The island that ends at one quantize.
struct Island {
  /// A `quant.qcast` (QuantDialect), or the operation with the i8 or i16
  /// result that ends a plain-TOSA island (getPlainIslandEnd).
  mlir::Operation *sink = nullptr;
  IslandEncoding encoding = IslandEncoding::QuantDialect;
  /// The quantized values the island reads, in the order the walk back from
  /// the sink first meets them (operands in order); input i of `program`
  /// is inputs[i]. At most IslandLimits::maxInputs.
  llvm::SmallVector<IslandInput, 1> inputs;
  /// Element-wise operations, every one after the operations it reads.
  llvm::SmallVector<mlir::Operation *> ops;
  /// Splat constant operations the island reads as data.
  llvm::SmallVector<mlir::Operation *> constants;
  /// Constant operations that configure island operations (MUL's shift,
  /// NEGATE's zero points).
  llvm::SmallVector<mlir::Operation *> configConstants;
  /// Operations that compute operands of the island from constants alone,
  /// every one after those it reads (ConstantOperands.h).
  llvm::SmallVector<mlir::Operation *> constantOperandOps;
  /// The per-element function. QuantDialect: from the dequantized f32
  /// values to the f32 value quantized. PlainTosa: from the input codes (i8
  /// or i16) to the output code.
  ScalarProgram program;
  /// For each program instruction, the operation it came from (null for the
  /// input and for constants).
  llvm::SmallVector<mlir::Operation *> instructionOps;
};

/// Names of the operations an island may contain (ScalarOps.def), sorted.
llvm::ArrayRef<llvm::StringRef> getSupportedIslandOps();

/// Collects the island ending at `sink` (from collectIslandSinks), walking
/// back from it. A plain-TOSA island is the largest that reads i8 or i16
/// values; failing that, the one that starts at the first casts of such
/// values. Otherwise why there is none, as a sentence fragment.
llvm::Expected<Island> analyzeIsland(mlir::Operation *sink,
                                     const IslandLimits &limits);

/// An island with the quantization of its ends.
struct QuantizedIsland {
  Island island;
  /// QuantDialect: the per-tensor quantization of each input (as in
  /// Island::inputs) and of the output. PlainTosa: empty, and no output;
  /// the IR alone defines the table.
  llvm::SmallVector<QuantParams, 1> inputParams;
  std::optional<QuantParams> outputParams;

  /// The quantization of a one-input quant-dialect island, as tables take
  /// it; std::nullopt for plain TOSA.
  std::optional<IslandQuantization> getUnaryQuantization() const;
};

/// Why analyzeQuantizedIsland found no island at all (the walk back from the
/// sink failed), rather than an island it cannot fold.
class NoIslandError : public llvm::ErrorInfo<NoIslandError> {
public:
  static char ID;
  explicit NoIslandError(std::string reason) : reason(std::move(reason)) {}
  const std::string &getReason() const { return reason; }
  void log(llvm::raw_ostream &os) const override { os << reason; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

private:
  std::string reason;
};

/// The one analysis of a quantized island, which the fold, its int16
/// prebuild and lutfold-table share: the quantize's type (the cheapest
/// test, first), the island (analyzeIsland), then its inputs' types.
/// Otherwise why not: a NoIslandError when the walk itself found none.
llvm::Expected<QuantizedIsland>
analyzeQuantizedIsland(mlir::Operation *sink, const IslandLimits &limits);

} // namespace lutfold

#endif // LUTFOLD_TRANSFORMS_ISLAND_H
