//===- TableEmitter.h - The IR of a folded island ---------------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Creates the operations a fold puts in place of an island: the storage view
// of its input, the table constants (shared per function when asked), and
// TABLE, or TABLE + RESCALE. Private to the fold.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_LIB_TRANSFORMS_TABLEEMITTER_H
#define LUTFOLD_LIB_TRANSFORMS_TABLEEMITTER_H

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

#include "llvm/ADT/DenseMap.h"

#include <optional>

namespace lutfold {

/// The constant operands of a lookup: TABLE's entries (256 i8 or 513 i16)
/// and, after an int16 TABLE, the RESCALE's.
struct LookupOperands {
  mlir::DenseElementsAttr entries;
  /// Null without a RESCALE (an int8 TABLE).
  mlir::DenseElementsAttr multiplier;
  mlir::DenseElementsAttr shift;
  mlir::DenseElementsAttr inputZeroPoint;
  mlir::DenseElementsAttr outputZeroPoint;

  bool hasRescale() const { return static_cast<bool>(multiplier); }
};

/// A constant operand, and whether this request created it.
struct SharedConstant {
  mlir::Value value;
  bool isNew;
};

/// The lookup that replaces an island, and whether its table constant is
/// new.
struct EmittedLookup {
  mlir::Value value;
  bool isNewTable;
};

class TableEmitter {
public:
  /// With `shareConstants`, tables, RESCALE parameters and storage views are
  /// created once per function (or value) and reused; otherwise each fold
  /// creates its own next to the quantize, as a rewrite pattern must.
  TableEmitter(mlir::RewriterBase &rewriter, bool shareConstants)
      : rewriter(rewriter), shareConstants(shareConstants) {}

  /// The storage values (`quant.scast`) of the quantized `source`, for
  /// `user`.
  mlir::Value getStorageView(mlir::Value source, mlir::Operation *user);

  /// TABLE, with a RESCALE after it when `operands` have one, of `storage`,
  /// before `sink`, producing `outStorageElement` values.
  EmittedLookup emitLookup(const LookupOperands &operands, mlir::Value storage,
                           mlir::Type outStorageElement, mlir::Operation *sink,
                           mlir::Location loc);

  /// `type` with `element` as its element type.
  mlir::RankedTensorType getWithElementType(mlir::RankedTensorType type,
                                            mlir::Type element);

private:
  /// The function whose constants `user` may share, or null when each use
  /// gets its own constant.
  mlir::FunctionOpInterface getSharingFunction(mlir::Operation *user) const;

  /// A `tosa.const` of `value` that dominates `user`: shared within
  /// `function` (from getSharingFunction), at the start of its body in order
  /// of first use; without a function, just before `user`.
  SharedConstant getConstant(mlir::DenseElementsAttr value,
                             mlir::FunctionOpInterface function,
                             mlir::Operation *user, mlir::Location loc);

  mlir::RewriterBase &rewriter;
  bool shareConstants;

  /// One storage view (quant.scast) per quantized input.
  llvm::DenseMap<mlir::Value, mlir::Value> storageViews;
  /// Constants (tables and RESCALE parameters) created in each function, by
  /// value.
  llvm::DenseMap<mlir::Operation *,
                 llvm::DenseMap<mlir::Attribute, mlir::Value>>
      functionConstants;
  /// The last constant and the last block-argument view placed at the start
  /// of a block: the next one goes after it, so the order is that of first
  /// use.
  llvm::DenseMap<mlir::Block *, mlir::Operation *> lastConstant;
  /// getSharingFunction's last answer, for the block it was asked of.
  mutable mlir::Block *lastUserBlock = nullptr;
  mutable mlir::FunctionOpInterface lastSharingFunction;
  llvm::DenseMap<mlir::Block *, mlir::Operation *> lastArgumentView;
  llvm::DenseMap<std::pair<mlir::Type, mlir::Type>, mlir::RankedTensorType>
      clonedTypes;
  /// The attributes of every RESCALE, made on first use.
  struct RescaleAttributes {
    mlir::BoolAttr scale32;
    mlir::tosa::RoundingModeAttr roundingMode;
    mlir::BoolAttr no;
  };
  std::optional<RescaleAttributes> rescaleAttributes;
};

} // namespace lutfold

#endif // LUTFOLD_LIB_TRANSFORMS_TABLEEMITTER_H
