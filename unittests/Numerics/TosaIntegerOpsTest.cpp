//===- TosaIntegerOpsTest.cpp - TOSA integer TABLE and RESCALE models -----===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Expected values are worked out by hand from the TOSA 1.0 specification's
// pseudocode for TABLE (int16) and apply_scale_32.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/TosaIntegerOps.h"

#include "gtest/gtest.h"

#include <vector>

using namespace lutfold;

namespace {

std::vector<int16_t> rampTable() {
  // table[i] = 10 * i - 2560: -2560, -2550, ..., 2560.
  std::vector<int16_t> table(kInt16TableEntries);
  for (unsigned i = 0; i < kInt16TableEntries; ++i)
    table[i] = static_cast<int16_t>(10 * int(i) - 2560);
  return table;
}

TEST(TosaIntegerOpsTest, TableInterpolatesInSixteenDotSeven) {
  std::vector<int16_t> table = rampTable();
  // -32768: index 0, fraction 0 -> -2560 << 7.
  EXPECT_EQ(lookupInt16Table(table, -32768), -327680);
  // -32768 + 3 * 128 + 5: index 3 (-2530), next -2520, fraction 5
  // -> -2530 * 128 + 10 * 5.
  EXPECT_EQ(lookupInt16Table(table, -32768 + 3 * 128 + 5), -323790);
  // 0: index 256 (0), fraction 0.
  EXPECT_EQ(lookupInt16Table(table, 0), 0);
  // -1: index 255 (-10), next 0, fraction 127 -> -1280 + 1270.
  EXPECT_EQ(lookupInt16Table(table, -1), -10);
  // 32767: index 511 (2550), next table[512] = 2560, fraction 127
  // -> 326400 + 1270.
  EXPECT_EQ(lookupInt16Table(table, 32767), 327670);
}

TEST(TosaIntegerOpsTest, TableSlopeMayUseTheWholeSixteenBits) {
  std::vector<int16_t> table(kInt16TableEntries, 0);
  table[256] = -16384;
  table[257] = 16383; // difference 32767, the largest TOSA allows
  // 64: index 256, fraction 64 -> -16384 * 128 + 32767 * 64.
  EXPECT_EQ(lookupInt16Table(table, 64), -2097152 + 2097088);
}

TEST(TosaIntegerOpsTest, ApplyScaleRoundsHalfUp) {
  // multiplier 2^30, shift 37: divide by 128, ties toward +infinity.
  EXPECT_EQ(applyScale32(100, 1 << 30, 37), 1);   // 0.78125
  EXPECT_EQ(applyScale32(64, 1 << 30, 37), 1);    // 0.5
  EXPECT_EQ(applyScale32(63, 1 << 30, 37), 0);    // 0.4921875
  EXPECT_EQ(applyScale32(-64, 1 << 30, 37), 0);   // -0.5
  EXPECT_EQ(applyScale32(-65, 1 << 30, 37), -1);  // -0.5078125
  EXPECT_EQ(applyScale32(-192, 1 << 30, 37), -1); // -1.5
  // multiplier 3 * 2^29 = 0.75 * 2^31, shift 31: times 0.75.
  EXPECT_EQ(applyScale32(1000, 3 << 29, 31), 750);
  EXPECT_EQ(applyScale32(-2, 3 << 29, 31), -1); // -1.5 -> -1
  EXPECT_EQ(applyScale32(2, 3 << 29, 31), 2);   // 1.5 -> 2
}

TEST(TosaIntegerOpsTest, RescaleForScaleNormalisesTheMultiplier) {
  std::optional<TosaRescale> byEighth =
      TosaRescale::forScale(1.0 / 128, 0, StorageType::i16());
  ASSERT_TRUE(byEighth);
  EXPECT_EQ(byEighth->multiplier, 1 << 30);
  EXPECT_EQ(byEighth->shift, 37u);
  EXPECT_EQ(byEighth->getScale(), 1.0 / 128);

  std::optional<TosaRescale> threeQuarters =
      TosaRescale::forScale(0.75, 0, StorageType::i16());
  ASSERT_TRUE(threeQuarters);
  EXPECT_EQ(threeQuarters->multiplier, 3 << 29);
  EXPECT_EQ(threeQuarters->shift, 31u);

  // A scale whose mantissa rounds up to 2^31 moves to the next exponent.
  std::optional<TosaRescale> almostOne =
      TosaRescale::forScale(1.0 - 1e-12, 0, StorageType::i16());
  ASSERT_TRUE(almostOne);
  EXPECT_EQ(almostOne->multiplier, 1 << 30);
  EXPECT_EQ(almostOne->shift, 30u);

  EXPECT_FALSE(TosaRescale::forScale(0.0, 0, StorageType::i16()));
  EXPECT_FALSE(TosaRescale::forScale(-1.0, 0, StorageType::i16()));
  EXPECT_FALSE(TosaRescale::forScale(1e-30, 0, StorageType::i16()));
  EXPECT_FALSE(TosaRescale::forScale(1e10, 0, StorageType::i16()));
}

TEST(TosaIntegerOpsTest, RescaleAddsTheZeroPointAndSaturates) {
  TosaRescale toInt8 = *TosaRescale::forScale(1.0 / 128, -5, StorageType::i8());
  EXPECT_EQ(toInt8.apply(128 * 10), 5);
  EXPECT_EQ(toInt8.apply(128 * 200), 127);
  EXPECT_EQ(toInt8.apply(-128 * 200), -128);
  TosaRescale toInt16 =
      *TosaRescale::forScale(1.0 / 128, 0, StorageType::i16());
  EXPECT_EQ(toInt16.apply(128 * 40000), 32767);
  EXPECT_EQ(toInt16.apply(-128 * 40000), -32768);
}

} // namespace
