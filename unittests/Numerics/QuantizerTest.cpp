//===- QuantizerTest.cpp - Scalar quantize/dequantize numerics ------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Expected values are worked out by hand from PyTorch's PT2E formulas.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/Quantizer.h"
#include "lutfold/Numerics/NumericsOption.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace lutfold;

namespace {

Quantizer pt2e(double scale, int64_t zeroPoint, int64_t qmin = -128,
               int64_t qmax = 127) {
  return Quantizer({StorageType::i8(), scale, zeroPoint, qmin, qmax},
                   NumericsPreset::PT2E);
}

Quantizer tflite(double scale, int64_t zeroPoint, int64_t qmin = -128,
                 int64_t qmax = 127) {
  return Quantizer({StorageType::i8(), scale, zeroPoint, qmin, qmax},
                   NumericsPreset::TFLite);
}

TEST(QuantizerTest, PresetNames) {
  EXPECT_EQ(stringifyNumericsPreset(NumericsPreset::PT2E), "pt2e");
  EXPECT_EQ(stringifyNumericsPreset(NumericsPreset::TFLite), "tflite");
}

TEST(QuantizerTest, PresetOption) {
  llvm::cl::opt<NumericsPreset> option("quantizer-test-numerics",
                                       getNumericsPresetValues(),
                                       llvm::cl::init(NumericsPreset::PT2E));
  NumericsPreset value = NumericsPreset::PT2E;
  EXPECT_FALSE(option.getParser().parse(option, "quantizer-test-numerics",
                                        "tflite", value));
  EXPECT_EQ(value, NumericsPreset::TFLite);
  EXPECT_FALSE(option.getParser().parse(option, "quantizer-test-numerics",
                                        "pt2e", value));
  EXPECT_EQ(value, NumericsPreset::PT2E);
  // Names are case-sensitive; a bad value is an error (reported on stderr).
  EXPECT_TRUE(option.getParser().parse(option, "quantizer-test-numerics",
                                       "PT2E", value));
  EXPECT_TRUE(
      option.getParser().parse(option, "quantizer-test-numerics", "", value));
  EXPECT_EQ(value, NumericsPreset::PT2E);
}

TEST(QuantizerTest, DequantizeIsFloatArithmetic) {
  Quantizer q = pt2e(0.1, -3);
  // (7 - -3) * f32(0.1) = 10 * 0.100000001490116... rounds to 1.0f.
  EXPECT_EQ(q.dequantize(7), 1.0f);
  EXPECT_EQ(q.dequantize(-3), 0.0f);
  // (-128 + 3) * f32(0.1), rounded once.
  EXPECT_EQ(q.dequantize(-128), -125.0f * 0.1f);
}

TEST(QuantizerTest, DequantizeClampsToNarrowRange) {
  Quantizer q = pt2e(0.5, 0, -127, 127);
  EXPECT_EQ(q.clampCode(-128), -127);
  EXPECT_EQ(q.dequantize(-128), -63.5f);
  EXPECT_EQ(q.dequantize(-127), -63.5f);
}

TEST(QuantizerTest, RoundsHalfToEven) {
  Quantizer q = pt2e(1.0, 0);
  EXPECT_EQ(q.quantize(0.5f), 0);
  EXPECT_EQ(q.quantize(1.5f), 2);
  EXPECT_EQ(q.quantize(2.5f), 2);
  EXPECT_EQ(q.quantize(-0.5f), 0);
  EXPECT_EQ(q.quantize(-1.5f), -2);
  EXPECT_EQ(q.quantize(-2.5f), -2);
  EXPECT_EQ(q.quantize(2.5000002f), 3);
}

TEST(QuantizerTest, ReciprocalIsTakenInDouble) {
  // f32(1.0 / 0.00758384796150766) = 131.85917663..., whereas the float
  // division 1.0f / f32(scale) gives 131.85919189... For y = 1.5964000225f the
  // product is exactly 210.5 with the first (ties to even: 210) and
  // 210.50001525 with the second (211). PT2E gives 210 - 128 = 82.
  Quantizer q = pt2e(0.00758384796150766, -128);
  EXPECT_EQ(q.quantize(1.5964000225067139f), 82);
}

TEST(QuantizerTest, AddsZeroPointAndSaturates) {
  Quantizer q = pt2e(0.25, 10, -100, 100);
  EXPECT_EQ(q.quantize(1.0f), 14);
  EXPECT_EQ(q.quantize(1000.0f), 100);
  EXPECT_EQ(q.quantize(-1000.0f), -100);
  EXPECT_EQ(q.quantize(std::numeric_limits<float>::infinity()), 100);
  EXPECT_EQ(q.quantize(-std::numeric_limits<float>::infinity()), -100);
  EXPECT_EQ(q.quantize(std::numeric_limits<float>::max()), 100);
}

TEST(QuantizerTest, PT2EHasNoOverflowGuard) {
  // f32(1.0 / 1e300) is 0, so inf * 0 is NaN in PT2E: the NaN code, not
  // qmax (found by the table-builder fuzzer).
  Quantizer q = pt2e(1.0e300, 7);
  EXPECT_EQ(q.quantize(std::numeric_limits<float>::infinity()), 7);
  EXPECT_EQ(q.quantize(1.0f), 7);
}

TEST(QuantizerTest, NaNMapsToTheZeroPointCode) {
  float nan = std::numeric_limits<float>::quiet_NaN();
  EXPECT_EQ(pt2e(0.25, 10).quantize(nan), 10);
  // A zero point outside [qmin, qmax] is clamped like any other code.
  EXPECT_EQ(pt2e(0.25, -128, -127, 127).quantize(nan), -127);
  EXPECT_EQ(pt2e(0.25, -128, -127, 127).nanCode(), -127);
}

TEST(QuantizerTest, TFLiteRoundsHalfAwayFromZero) {
  Quantizer t = tflite(1.0, 0);
  Quantizer p = pt2e(1.0, 0);
  // x.5 ties: away from zero for TFLite, to even for PT2E.
  EXPECT_EQ(t.quantize(0.5f), 1);
  EXPECT_EQ(p.quantize(0.5f), 0);
  EXPECT_EQ(t.quantize(2.5f), 3);
  EXPECT_EQ(p.quantize(2.5f), 2);
  EXPECT_EQ(t.quantize(-0.5f), -1);
  EXPECT_EQ(p.quantize(-0.5f), 0);
  EXPECT_EQ(t.quantize(-3.5f), -4);
  EXPECT_EQ(p.quantize(-3.5f), -4);
  // Not ties: both agree.
  EXPECT_EQ(t.quantize(1.4f), 1);
  EXPECT_EQ(t.quantize(-1.6f), -2);
}

TEST(QuantizerTest, TFLiteTakesTheReciprocalInFloat) {
  // 1.0f / f32(0.00758384796150766) = 131.85919189..., so y * inverse is
  // 210.50001525 and rounds to 211 (PT2E's double reciprocal gives exactly
  // 210.5 -> 210); with zero point -128: 83.
  Quantizer q = tflite(0.00758384796150766, -128);
  EXPECT_EQ(q.quantize(1.5964000225067139f), 83);
}

TEST(QuantizerTest, TFLiteDequantizeAndSaturation) {
  Quantizer q = tflite(0.25, 10, -127, 127);
  EXPECT_EQ(q.dequantize(14), 1.0f);
  EXPECT_EQ(q.dequantize(-128), q.dequantize(-127));
  EXPECT_EQ(q.quantize(1000.0f), 127);
  EXPECT_EQ(q.quantize(-1000.0f), -127);
  EXPECT_EQ(q.quantize(std::numeric_limits<float>::quiet_NaN()), 10);
}

TEST(QuantizerTest, TFLiteOverflowGuard) {
  // With scale > 1 the guard is FLT_MAX itself; with scale <= 1 it is
  // FLT_MAX * scale, so anything at or above saturates without the multiply.
  float max = std::numeric_limits<float>::max();
  EXPECT_EQ(tflite(4.0, 0).quantize(max), 127);
  EXPECT_EQ(tflite(0.5, 0).quantize(max * 0.5f), 127);
  EXPECT_EQ(tflite(0.5, 0).quantize(std::numeric_limits<float>::infinity()),
            127);
  EXPECT_EQ(tflite(0.5, 0).quantize(-max), -128);
}

} // namespace
