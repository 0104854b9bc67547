//===- ExpandQdq.cpp - Exact quantize/dequantize in plain TOSA ------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Expands quant.dcast and quant.qcast into TOSA operations with exactly a
// numerics preset's arithmetic:
//
//   dequantize: scast to storage, cast to i32, clamp to [qmin, qmax], sub the
//               zero point, cast to f32 (exact), mul by f32(scale);
//   quantize:   mul by the preset's f32 reciprocal, NaN to 0, clamp to
//               +-2^30 (every
//               value beyond saturates anyway; the bound keeps the integer
//               steps exact), round (PT2E: half to even through CAST to i32
//               and back; TFLite: half away from zero from abs, floor, sub,
//               greater_equal, add, select, negate), add the zero point in
//               f32, TFLite's overflow guard, clamp to [qmin, qmax], cast to
//               the storage type, scast to the quantized type.
//
// A NaN is replaced by 0 before rounding, so that it gets the zero point,
// the code the table builder gives it (see docs/Numerics.md).
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/ExpandQdq.h"

#include "PassRemarks.h"

#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;
using namespace lutfold;

namespace {
/// Builds TOSA operations on tensors shaped like one quantized tensor.
class TosaBuilder {
public:
  TosaBuilder(OpBuilder &builder, Location loc, RankedTensorType like)
      : b(builder), loc(loc), like(like) {}

  RankedTensorType tensorOf(Type element) { return like.clone(element); }

  /// A rank-matched splat constant.
  Value splat(Type element, Attribute value) {
    auto type =
        RankedTensorType::get(SmallVector<int64_t>(like.getRank(), 1), element);
    return tosa::ConstOp::create(b, loc, type,
                                 DenseElementsAttr::get(type, value));
  }
  Value f32(double value) {
    return splat(b.getF32Type(), b.getF32FloatAttr(static_cast<float>(value)));
  }
  Value i32(int64_t value) {
    return splat(b.getI32Type(), b.getI32IntegerAttr(value));
  }

  Value cast(Value input, Type element) {
    return tosa::CastOp::create(b, loc, tensorOf(element), input);
  }
  Value clamp(Value input, Attribute lo, Attribute hi) {
    return tosa::ClampOp::create(b, loc, input.getType(), input, lo, hi);
  }
  Value mul(Value lhs, Value rhs) {
    // One zero shift serves every multiply of the expansion.
    if (!shift) {
      auto shiftType = RankedTensorType::get({1}, b.getI8Type());
      shift = tosa::ConstOp::create(
          b, loc, shiftType,
          DenseElementsAttr::get(shiftType, b.getI8IntegerAttr(0)));
    }
    return tosa::MulOp::create(b, loc, lhs.getType(), lhs, rhs, shift);
  }
  // Binary operations take the shape of `lhs`, a full tensor; `rhs` may be
  // a rank-matched splat.
  Value add(Value lhs, Value rhs) {
    return tosa::AddOp::create(b, loc, lhs.getType(), lhs, rhs);
  }
  Value sub(Value lhs, Value rhs) {
    return tosa::SubOp::create(b, loc, lhs.getType(), lhs, rhs);
  }
  Value greaterEqual(Value lhs, Value rhs) {
    return tosa::GreaterEqualOp::create(b, loc, tensorOf(b.getI1Type()), lhs,
                                        rhs);
  }
  Value select(Value pred, Value onTrue, Value onFalse) {
    Type element = mlir::cast<ShapedType>(onTrue.getType()).getElementType();
    return tosa::SelectOp::create(b, loc, tensorOf(element), pred, onTrue,
                                  onFalse);
  }

  OpBuilder &b;
  Location loc;
  RankedTensorType like;
  Value shift;
};
} // namespace

/// f32 real value of every code: the preset's dequantize.
static Value expandDequantize(TosaBuilder &t, Value storage,
                              const QuantParams &params) {
  OpBuilder &b = t.b;
  Value wide = t.cast(storage, b.getI32Type());
  // Codes outside a narrow [qmin, qmax] read as the nearest bound.
  Value clamped = t.clamp(wide, b.getI32IntegerAttr(params.qmin),
                          b.getI32IntegerAttr(params.qmax));
  // c - zp is exact in i32 and in f32 for storage up to 16 bits.
  Value shifted = t.sub(clamped, t.i32(params.zeroPoint));
  Value real = t.cast(shifted, b.getF32Type());
  return t.mul(real, t.f32(params.scale));
}

/// Storage codes of `value` (f32): the preset's quantize.
static Value expandQuantize(TosaBuilder &t, Value value,
                            const QuantParams &params, NumericsPreset preset,
                            Type storageType) {
  OpBuilder &b = t.b;
  const NumericsPresetInfo &info = getNumericsPresetInfo(preset);
  Value scaled = t.mul(value, t.f32(getInverseScale(params, preset)));
  // NaN has no code in any framework; this project's policy gives it the
  // zero point (see docs/Numerics.md). Make that explicit rather than leave
  // it to CAST, which TOSA leaves unpredictable for NaN: NaN != NaN, so it
  // is replaced by 0, which the steps below turn into the zero point.
  Value isNumber = tosa::EqualOp::create(b, t.loc, t.tensorOf(b.getI1Type()),
                                         scaled, scaled);
  scaled = t.select(isNumber, scaled, t.f32(0.0));
  // Beyond 2^30 every value saturates; the bound keeps the steps below exact
  // and the CAST to i32 in range. NaN stays NaN.
  const float bound = 1073741824.0f;
  scaled = t.clamp(scaled, b.getF32FloatAttr(-bound), b.getF32FloatAttr(bound));

  Value rounded;
  if (info.rounding == QuantizeRounding::HalfToEven) {
    // TOSA CAST rounds half to even.
    rounded = t.cast(t.cast(scaled, b.getI32Type()), b.getF32Type());
  } else {
    // Half away from zero: floor(|x|), plus one when the fraction is >= 0.5
    // (floor(|x| + 0.5) would round 0.49999997 up), with x's sign.
    Value magnitude =
        tosa::AbsOp::create(b, t.loc, scaled.getType(), scaled).getResult();
    Value whole = tosa::FloorOp::create(b, t.loc, scaled.getType(), magnitude)
                      .getResult();
    Value fraction = t.sub(magnitude, whole);
    Value up = t.greaterEqual(fraction, t.f32(0.5));
    Value away = t.select(up, t.add(whole, t.f32(1.0)), whole);
    Value negative = t.greaterEqual(t.f32(0.0), scaled);
    Value negated = t.mul(away, t.f32(-1.0));
    rounded = t.select(negative, negated, away);
  }
  Value shifted = t.add(rounded, t.f32(static_cast<double>(params.zeroPoint)));
  if (std::optional<float> guard = getOverflowGuard(params, preset))
    shifted = t.select(t.greaterEqual(value, t.f32(*guard)),
                       t.f32(static_cast<double>(params.qmax)), shifted);
  Value clamped =
      t.clamp(shifted, b.getF32FloatAttr(static_cast<float>(params.qmin)),
              b.getF32FloatAttr(static_cast<float>(params.qmax)));
  return t.cast(clamped, storageType);
}

static constexpr PassRemarkId kLeft{"tosa-expand-qdq", "left", "QdqLeft",
                                    RemarkKind::Missed};
static constexpr PassRemarkId kSummary{"tosa-expand-qdq", "summary",
                                       "ExpandSummary", RemarkKind::Analysis};

void lutfold::reportExpandSummary(Operation *root,
                                  const ExpandQdqResult &result, bool print) {
  // At the location alone: the operation (a whole module) would be printed
  // with the remark.
  emitPassRemark(
      kSummary, root->getLoc(), /*op=*/nullptr, getFunctionName(root), print,
      [&](InFlightDiagnostic &diagnostic) {
        diagnostic << "tosa-expand-qdq: " << result.numExpanded << " expanded, "
                   << result.numLeft << " left";
      },
      [&](remark::detail::InFlightRemark &remark) {
        remark << RemarkArg("Expanded", result.numExpanded)
               << RemarkArg("Left", result.numLeft);
      });
}

/// "not expanded: <reason>" at `op`, with report-left; to the engine too.
static void reportLeft(Operation *op, bool print, const std::string &reason) {
  emitPassRemark(
      kLeft, op->getLoc(), op, getFunctionName(op), print,
      [&](InFlightDiagnostic &diagnostic) {
        diagnostic << "not expanded: " << reason;
      },
      [&](remark::detail::InFlightRemark &remark) {
        remark << RemarkArg("Op", op->getName().getStringRef())
               << RemarkArg("Reason", reason);
      });
}

ExpandQdqResult lutfold::expandQuantizeDequantize(Operation *root,
                                                  NumericsPreset preset,
                                                  bool printLeft) {
  SmallVector<Operation *> candidates;
  root->walk([&](Operation *op) {
    if (isa<quant::DequantizeCastOp, quant::QuantizeCastOp>(op))
      candidates.push_back(op);
  });

  ExpandQdqResult result;
  OpBuilder builder(root->getContext());
  for (Operation *op : candidates) {
    bool isDequantize = isa<quant::DequantizeCastOp>(op);
    Type quantized =
        isDequantize ? op->getOperand(0).getType() : op->getResult(0).getType();
    llvm::Expected<QuantParams> params = getPerTensorParams(quantized, {8, 16});
    if (!params) {
      ++result.numLeft;
      reportLeft(op, printLeft, takeReason(params.takeError()));
      continue;
    }
    auto quantizedType = cast<RankedTensorType>(quantized);
    // TOSA operations take no zero-sized tensor: the expansion would not
    // verify.
    if (llvm::is_contained(quantizedType.getShape(), 0)) {
      ++result.numLeft;
      reportLeft(op, printLeft,
                 quoted(quantized) + " has a zero-sized dimension, which "
                                     "TOSA operations do not take");
      continue;
    }
    auto quantType = cast<quant::QuantizedType>(quantizedType.getElementType());
    Type storageType = quantType.getStorageType();
    builder.setInsertionPoint(op);
    TosaBuilder t(builder, op->getLoc(), quantizedType);
    Value replacement;
    if (isDequantize) {
      Value storage = quant::StorageCastOp::create(
          builder, op->getLoc(), quantizedType.clone(storageType),
          op->getOperand(0));
      replacement = expandDequantize(t, storage, *params);
    } else {
      Value codes =
          expandQuantize(t, op->getOperand(0), *params, preset, storageType);
      replacement = quant::StorageCastOp::create(builder, op->getLoc(),
                                                 quantizedType, codes);
    }
    op->getResult(0).replaceAllUsesWith(replacement);
    op->erase();
    ++result.numExpanded;
  }
  return result;
}
