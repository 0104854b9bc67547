//===- Quantizer.h - Framework quantize/dequantize numerics -----*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The scalar quantize and dequantize steps of a framework, reproduced bit for
// bit. Each framework's eager kernels are a "numerics preset"; a table built
// with a preset matches what that framework computes for the unfolded
// dequantize -> f -> quantize sequence.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_QUANTIZER_H
#define LUTFOLD_NUMERICS_QUANTIZER_H

#include "lutfold/Numerics/QuantParams.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace lutfold {

/// Whose eager quantize/dequantize arithmetic to reproduce.
enum class NumericsPreset {
  /// PyTorch PT2E `quantized_decomposed.{de,}quantize_per_tensor`:
  ///   x = (f32(c) - f32(zp)) * f32(scale)
  ///   q = clamp(round_half_even(y * f32(1.0 / scale)) + f32(zp), qmin, qmax)
  /// with the reciprocal computed in double, then rounded to float.
  PT2E,
  /// TFLite's LUTPopulateInt8 / TensorFlow's getTosaConst8bitTable, in
  /// float:
  ///   x = f32(scale) * f32(c - zp)
  ///   q = clamp(round_half_away(y * (1.0f / f32(scale))) + f32(zp),
  ///             qmin, qmax)
  /// with their overflow guard: y >= FLT_MAX * scale (FLT_MAX when
  /// scale > 1) gives qmax.
  TFLite,
};

/// How a quantize rounds the scaled value to an integer.
enum class QuantizeRounding {
  /// torch.round: half to even.
  HalfToEven,
  /// TfLiteRound (std::round): half away from zero.
  HalfAwayFromZero,
};

/// Everything a preset is: the one table that options, the API, the
/// Quantizer and the plain-TOSA expansion read.
struct NumericsPresetInfo {
  NumericsPreset preset;
  /// The name options and the API take ("pt2e").
  llvm::StringLiteral name;
  /// What it reproduces, for --help.
  llvm::StringLiteral description;
  QuantizeRounding rounding;
  /// The quantize's f32 reciprocal of the scale is 1 / scale in double,
  /// rounded to float (PT2E); otherwise 1.0f / f32(scale) (TFLite).
  bool reciprocalInDouble;
  /// TFLite's overflow guard (getOverflowGuard).
  bool guardsOverflow;
};

/// The preset options and functions default to: PyTorch PT2E's.
inline constexpr NumericsPreset kDefaultNumericsPreset = NumericsPreset::PT2E;

/// Every preset, in NumericsPreset's order.
llvm::ArrayRef<NumericsPresetInfo> getNumericsPresets();
const NumericsPresetInfo &getNumericsPresetInfo(NumericsPreset preset);

/// The preset's name as used on the command line ("pt2e", "tflite"); options
/// read it with NumericsOption.h.
llvm::StringRef stringifyNumericsPreset(NumericsPreset preset);
/// The preset named `name`, if any.
std::optional<NumericsPreset> parseNumericsPreset(llvm::StringRef name);

/// The f32 reciprocal of `params`' scale that `preset` quantizes with.
float getInverseScale(const QuantParams &params, NumericsPreset preset);
/// The value at or above which `preset` quantizes to qmax before
/// multiplying (TFLite: FLT_MAX * scale, FLT_MAX when scale > 1); none for
/// presets without the guard.
std::optional<float> getOverflowGuard(const QuantParams &params,
                                      NumericsPreset preset);

/// Dequantizes and quantizes scalars of one tensor under a preset. Holds the
/// float constants the preset derives from the parameters so that the per
/// element work is a few float operations.
///
/// The parameters must be valid (QuantParams::validate).
class Quantizer {
public:
  Quantizer(const QuantParams &params, NumericsPreset preset);

  const QuantParams &getParams() const { return params; }
  NumericsPreset getPreset() const { return preset; }

  /// Clamps `code` to [qmin, qmax]: codes outside the range cannot come out
  /// of a quantize to this type, and frameworks treat them as the bound.
  int64_t clampCode(int64_t code) const;

  /// The real value of `code`, after clamping it to [qmin, qmax].
  float dequantize(int64_t code) const;
  /// dequantize() of the codes firstCode, firstCode + 1, ... into `values`.
  void dequantize(int64_t firstCode, llvm::MutableArrayRef<float> values) const;

  /// The code for `value`, always inside [qmin, qmax]. Infinities saturate.
  /// NaN has no code in any framework; it maps to nanCode().
  int64_t quantize(float value) const;
  /// quantize() of every value into `codes`, which has as many elements;
  /// faster than one call per value for whole tables.
  void quantize(llvm::ArrayRef<float> values,
                llvm::MutableArrayRef<int64_t> codes) const;

  /// The deterministic code given to NaN: the zero point (the code of 0.0),
  /// clamped to [qmin, qmax].
  int64_t nanCode() const;

private:
  QuantParams params;
  NumericsPreset preset;
  float scale;
  float inverseScale;
  float zeroPoint;
  /// TFLite: values at or above this saturate before the multiply. PT2E has
  /// no such guard (std::nullopt): +inf times a zero reciprocal is NaN there.
  std::optional<float> overflowGuard;
  bool halfToEven;
};

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_QUANTIZER_H
