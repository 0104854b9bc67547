//===- Quantizer.cpp - Framework quantize/dequantize numerics -------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/Quantizer.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

using namespace lutfold;

/// In NumericsPreset's order.
static constexpr NumericsPresetInfo kNumericsPresets[] = {
    {NumericsPreset::PT2E, "pt2e",
     "PyTorch PT2E quantized_decomposed ops (the default)",
     QuantizeRounding::HalfToEven, /*reciprocalInDouble=*/true,
     /*guardsOverflow=*/false},
    {NumericsPreset::TFLite, "tflite",
     "TFLite LUTPopulateInt8, TensorFlow's TOSA legalization",
     QuantizeRounding::HalfAwayFromZero, /*reciprocalInDouble=*/false,
     /*guardsOverflow=*/true},
};

llvm::ArrayRef<NumericsPresetInfo> lutfold::getNumericsPresets() {
  return kNumericsPresets;
}

const NumericsPresetInfo &
lutfold::getNumericsPresetInfo(NumericsPreset preset) {
  const NumericsPresetInfo &info =
      kNumericsPresets[static_cast<size_t>(preset)];
  assert(info.preset == preset && "presets out of order");
  return info;
}

llvm::StringRef lutfold::stringifyNumericsPreset(NumericsPreset preset) {
  return getNumericsPresetInfo(preset).name;
}

std::optional<NumericsPreset>
lutfold::parseNumericsPreset(llvm::StringRef name) {
  for (const NumericsPresetInfo &info : kNumericsPresets)
    if (info.name == name)
      return info.preset;
  return std::nullopt;
}

float lutfold::getInverseScale(const QuantParams &params,
                               NumericsPreset preset) {
  // PyTorch multiplies a float32 tensor by Python floats (doubles); the
  // kernels convert the scalar to float first. quantize_per_tensor takes
  // `1.0 / scale` in double before that conversion. TFLite keeps scales as
  // float and takes the reciprocal in float.
  if (getNumericsPresetInfo(preset).reciprocalInDouble)
    return static_cast<float>(1.0 / params.scale);
  return 1.0f / static_cast<float>(params.scale);
}

std::optional<float> lutfold::getOverflowGuard(const QuantParams &params,
                                               NumericsPreset preset) {
  if (!getNumericsPresetInfo(preset).guardsOverflow)
    return std::nullopt;
  float scale = static_cast<float>(params.scale);
  return scale > 1.0f ? std::numeric_limits<float>::max()
                      : std::numeric_limits<float>::max() * scale;
}

Quantizer::Quantizer(const QuantParams &params, NumericsPreset preset)
    : params(params), preset(preset), scale(static_cast<float>(params.scale)),
      inverseScale(getInverseScale(params, preset)),
      zeroPoint(static_cast<float>(params.zeroPoint)),
      overflowGuard(getOverflowGuard(params, preset)),
      halfToEven(getNumericsPresetInfo(preset).rounding ==
                 QuantizeRounding::HalfToEven) {
  assert(!params.validate() && "invalid quantization parameters");
}

int64_t Quantizer::clampCode(int64_t code) const {
  return std::clamp(code, params.qmin, params.qmax);
}

float Quantizer::dequantize(int64_t code) const {
  // PT2E subtracts in float, TFLite in integers; for storage types up to 24
  // bits both differences are exact, so one formula serves both. The product
  // rounds once, as in the eager kernels.
  float shifted = static_cast<float>(clampCode(code)) - zeroPoint;
  return shifted * scale;
}

void Quantizer::dequantize(int64_t firstCode,
                           llvm::MutableArrayRef<float> values) const {
  // Codes below 2^24 in magnitude, and so their clamp, are exact in float.
  constexpr int64_t kExact = int64_t(1) << 24;
  int64_t lastCode = firstCode + static_cast<int64_t>(values.size());
  if (params.storage.bitWidth > 24 || firstCode < -kExact ||
      lastCode > kExact) {
    for (size_t i = 0, e = values.size(); i != e; ++i)
      values[i] = dequantize(firstCode + static_cast<int64_t>(i));
    return;
  }
  const float lo = static_cast<float>(params.qmin);
  const float hi = static_cast<float>(params.qmax);
  const float first = static_cast<float>(firstCode);
  for (size_t i = 0, e = values.size(); i != e; ++i) {
    float code = std::clamp(first + static_cast<float>(i), lo, hi);
    values[i] = (code - zeroPoint) * scale;
  }
}

int64_t Quantizer::nanCode() const { return clampCode(params.zeroPoint); }

/// Rounds half to even, as std::nearbyint does in the default floating-point
/// environment, without its library call (which saves and restores that
/// environment): adding and removing 1.5 * 2^23 leaves a float of magnitude
/// below 2^22 rounded to an integer by the addition itself.
static float roundHalfEven(float value) {
  if (!(std::fabs(value) < 0x1p22f))
    return std::nearbyint(value);
  constexpr float kShift = 0x1.8p23f;
  return (value + kShift) - kShift;
}

int64_t Quantizer::quantize(float value) const {
  if (std::isnan(value))
    return nanCode();
  if (overflowGuard && value >= *overflowGuard)
    return params.qmax;
  // torch.round rounds half to even (nearbyint in the default floating-point
  // environment); TfLiteRound is std::round, half away from zero. The zero
  // point is added in float, as both kernels do; any value large enough to be
  // rounded by that addition is far outside [qmin, qmax] and saturates below.
  float scaled = value * inverseScale;
  float rounded =
      (halfToEven ? roundHalfEven(scaled) : std::round(scaled)) + zeroPoint;
  if (std::isnan(rounded))
    return nanCode();
  if (rounded <= static_cast<float>(params.qmin))
    return params.qmin;
  if (rounded >= static_cast<float>(params.qmax))
    return params.qmax;
  return static_cast<int64_t>(rounded);
}

void Quantizer::quantize(llvm::ArrayRef<float> values,
                         llvm::MutableArrayRef<int64_t> codes) const {
  assert(values.size() == codes.size() && "one code per value");
  if (!halfToEven || overflowGuard) {
    for (size_t i = 0, e = values.size(); i != e; ++i)
      codes[i] = quantize(values[i]);
    return;
  }
  // Half to even's common case without branches on the parameters: finite
  // values whose scaled magnitude is below 2^22. NaN, infinities and larger
  // values take quantize(), which gives them the same codes it always does.
  const float lo = static_cast<float>(params.qmin);
  const float hi = static_cast<float>(params.qmax);
  constexpr float kShift = 0x1.8p23f;
  for (size_t i = 0, e = values.size(); i != e; ++i) {
    float scaled = values[i] * inverseScale;
    if (!(std::fabs(scaled) < 0x1p22f)) {
      codes[i] = quantize(values[i]);
      continue;
    }
    float rounded = ((scaled + kShift) - kShift) + zeroPoint;
    codes[i] = rounded <= lo   ? params.qmin
               : rounded >= hi ? params.qmax
                               : static_cast<int64_t>(rounded);
  }
}
