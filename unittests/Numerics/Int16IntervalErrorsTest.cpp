//===- Int16IntervalErrorsTest.cpp - Errors of int16 table intervals ------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/Int16IntervalErrors.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <array>
#include <random>

using namespace lutfold;

namespace {

/// The errors code by code through TosaRescale::apply, the definition.
std::optional<IntervalErrors>
referenceErrors(const TosaRescale &rescale, int32_t base, int32_t next,
                const int32_t *expected, int32_t begin, int32_t end,
                int64_t outputMin, int64_t outputMax) {
  IntervalErrors errors;
  for (int32_t fraction = begin; fraction < end; ++fraction) {
    int64_t output = rescale.apply(base * 128 + (next - base) * fraction);
    if (output < outputMin || output > outputMax)
      return std::nullopt;
    auto difference =
        static_cast<int32_t>(std::abs(output - expected[fraction]));
    errors.max = std::max(errors.max, difference);
    errors.sum += difference;
  }
  return errors;
}

void expectSame(const std::optional<IntervalErrors> &actual,
                const std::optional<IntervalErrors> &expected) {
  ASSERT_EQ(actual.has_value(), expected.has_value());
  if (!expected)
    return;
  EXPECT_EQ(actual->max, expected->max);
  EXPECT_EQ(actual->sum, expected->sum);
}

TEST(Int16IntervalErrorsTest, MatchesRescaleCodeByCode) {
  std::mt19937 rng(5);
  auto uniform = [&](int64_t lo, int64_t hi) {
    return lo +
           static_cast<int64_t>(rng() % static_cast<uint64_t>(hi - lo + 1));
  };
  unsigned narrowScales = 0, wideScales = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    SCOPED_TRACE(trial);
    // Power-of-two scales (small multipliers) and arbitrary ones, to 8-bit
    // and 16-bit outputs, with and without zero points.
    StorageType storage =
        trial % 3 == 0 ? StorageType::i8() : StorageType::i16();
    double scale =
        trial % 2 == 0
            ? std::ldexp(1.0, -static_cast<int>(uniform(2, 20)))
            : std::ldexp(1.0 + static_cast<double>(uniform(1, 999)) / 1000,
                         -static_cast<int>(uniform(2, 20)));
    auto zeroPoint =
        static_cast<int32_t>(storage.bitWidth == 8 ? uniform(-128, 127) : 0);
    std::optional<TosaRescale> rescale =
        TosaRescale::forScale(scale, zeroPoint, storage);
    ASSERT_TRUE(rescale);
    (trial % 2 == 0 ? narrowScales : wideScales) += 1;
    Int16IntervalErrors errors(*rescale);

    // Entries anywhere in int16, or close together; expected codes near
    // the outputs or anywhere; narrow output ranges at times.
    auto base = static_cast<int32_t>(uniform(INT16_MIN, INT16_MAX));
    auto next = static_cast<int32_t>(
        trial % 4 == 0 ? uniform(INT16_MIN, INT16_MAX)
                       : std::clamp<int64_t>(base + uniform(-300, 300),
                                             INT16_MIN, INT16_MAX));
    std::array<int32_t, 128> expected;
    for (int32_t fraction = 0; fraction < 128; ++fraction) {
      int64_t output = rescale->apply(base * 128 + (next - base) * fraction);
      expected[fraction] = static_cast<int32_t>(std::clamp<int64_t>(
          trial % 5 == 0 ? uniform(storage.minValue(), storage.maxValue())
                         : output + uniform(-3, 3),
          storage.minValue(), storage.maxValue()));
    }
    int32_t begin = trial % 7 == 0 ? static_cast<int32_t>(uniform(0, 127)) : 0;
    int32_t end =
        trial % 11 == 0 ? static_cast<int32_t>(uniform(begin + 1, 128)) : 128;
    int64_t outputMin = storage.minValue() + (trial % 6 == 0 ? 1 : 0);
    int64_t outputMax = storage.maxValue();
    expectSame(errors.compute(base, next, expected.data(), begin, end,
                              static_cast<int32_t>(outputMin),
                              static_cast<int32_t>(outputMax)),
               referenceErrors(*rescale, base, next, expected.data(), begin,
                               end, outputMin, outputMax));
    for (int32_t fraction = begin; fraction < end; ++fraction) {
      int32_t value = base * 128 + (next - base) * fraction;
      ASSERT_EQ(errors.apply(value), rescale->apply(value));
    }
  }
  EXPECT_GT(narrowScales, 0u);
  EXPECT_GT(wideScales, 0u);
}

TEST(Int16IntervalErrorsTest, RowEqualsSingleIntervals) {
  TosaRescale rescale =
      *TosaRescale::forScale(1.0 / 1000, 0, StorageType::i16());
  Int16IntervalErrors errors(rescale);
  std::array<int32_t, 128> expected;
  for (int32_t fraction = 0; fraction < 128; ++fraction)
    expected[fraction] = 5 + fraction / 40;
  std::array<int32_t, 5> nexts = {INT16_MIN, 0, 6000, 6100, INT16_MAX};
  std::array<std::optional<IntervalErrors>, 5> row;
  errors.computeRow(5000, nexts, expected.data(), 0, 128, -32768, 32767, row);
  for (size_t i = 0; i < nexts.size(); ++i) {
    SCOPED_TRACE(i);
    expectSame(row[i], errors.compute(5000, nexts[i], expected.data(), 0, 128,
                                      -32768, 32767));
    expectSame(row[i], referenceErrors(rescale, 5000, nexts[i], expected.data(),
                                       0, 128, -32768, 32767));
  }
}

TEST(Int16IntervalErrorsTest, ClampSaturatesAtTheStorageBounds) {
  // Entries far beyond what an i8 output holds: RESCALE clamps to [-128,
  // 127], which counts as in range for a full-range output and out of it
  // for a narrow one.
  TosaRescale rescale = *TosaRescale::forScale(1.0 / 128, 0, StorageType::i8());
  Int16IntervalErrors errors(rescale);
  std::array<int32_t, 128> expected;
  expected.fill(127);
  std::optional<IntervalErrors> full =
      errors.compute(20000, 30000, expected.data(), 0, 128, -128, 127);
  ASSERT_TRUE(full);
  EXPECT_EQ(full->max, 0);
  EXPECT_FALSE(
      errors.compute(-20000, -30000, expected.data(), 0, 128, -127, 127));
}

} // namespace
