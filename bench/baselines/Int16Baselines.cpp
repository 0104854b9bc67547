//===- Int16Baselines.cpp - Other toolchains' int16 tables ----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Int16Baselines.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

using namespace lutfold;
using namespace lutfold::baselines;

/// A RESCALE by 2^-exponent with zero points of 0.
static TosaRescale rescaleByPowerOfTwo(int exponent) {
  return *TosaRescale::forScale(std::exp2(-exponent), 0, StorageType::i16());
}

llvm::Expected<Int16Table>
baselines::buildExecuTorchInt16Table(const QuantParams &in,
                                     const QuantParams &out, ScalarFunction fn,
                                     NumericsPreset preset) {
  if (llvm::Error error = validateTableParams(in, {16}, out, {16}))
    return std::move(error);
  Quantizer dequantizer(in, preset);
  Quantizer quantizer(out, preset);
  std::array<int64_t, kInt16TableEntries> samples;
  int64_t largest = 0;
  for (unsigned knot = 0; knot < kInt16TableEntries; ++knot) {
    int64_t code = in.qmin + 128 * static_cast<int64_t>(knot);
    samples[knot] = quantizer.quantize(fn(dequantizer.dequantize(code)));
    largest = std::max<int64_t>(largest, std::abs(samples[knot]));
  }
  // ceil(log2(largest)) + 1 sign bit - 16, as ExecuTorch computes it.
  int shift = 0;
  if (largest > 0)
    shift = std::max(
        0, static_cast<int>(std::ceil(std::log2(double(largest)))) + 1 - 16);
  Int16Table table;
  for (unsigned knot = 0; knot < kInt16TableEntries; ++knot)
    table.entries[knot] = static_cast<int16_t>(samples[knot] >> shift);
  table.rescale = rescaleByPowerOfTwo(7 - shift);
  return table;
}

llvm::Expected<Int16Table>
baselines::buildTFLiteInt16Table(const QuantParams &in, const QuantParams &out,
                                 ScalarFunction fn) {
  if (llvm::Error error = validateTableParams(in, {16}, out, {16}))
    return std::move(error);
  const float inScale = static_cast<float>(in.scale);
  const float outScale = static_cast<float>(out.scale);
  const float inputMin = inScale * float(-32768 - in.zeroPoint);
  const float inputMax = inScale * float(32767 - in.zeroPoint);
  const float outputMin = outScale * float(-32768 - out.zeroPoint);
  const float outputMax = outScale * float(32767 - out.zeroPoint);
  const float step = (inputMax - inputMin) / 512;
  const float halfStep = step / 2;
  const float outputScalingInv = 65536.0f / (outputMax - outputMin);
  auto toEntry = [&](float value) {
    if (std::isnan(value))
      value = 0.0f;
    value += static_cast<float>(out.zeroPoint);
    return static_cast<int16_t>(std::clamp(value, -32768.0f, 32767.0f));
  };

  Int16Table table;
  for (unsigned i = 0; i < 512; ++i) {
    float value = fn(inputMin + float(i) * step);
    float midpoint = fn(inputMin + float(i) * step + halfStep);
    float next = fn(inputMin + float(i + 1) * step);
    float sample = std::round(value * outputScalingInv);
    float midpointInterpolated =
        std::round((next * outputScalingInv + sample) / 2);
    float midpointSample = std::round(midpoint * outputScalingInv);
    float bias = std::round((midpointInterpolated - midpointSample) / 2);
    table.entries[i] = toEntry(sample - bias);
  }
  table.entries[512] = toEntry(std::round(fn(inputMax) * outputScalingInv));
  table.rescale = rescaleByPowerOfTwo(7);
  return table;
}
