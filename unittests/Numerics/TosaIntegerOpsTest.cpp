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

// applyRescale against values worked out by hand from the specification's
// pseudocode.
TEST(TosaIntegerOpsTest, RescaleInFull) {
  TosaRescaleParams half; // scale 2^30 / 2^31 = 0.5
  half.shift = 31;
  EXPECT_EQ(applyRescale(3, half), 2);   // 1.5 rounds up
  EXPECT_EQ(applyRescale(-3, half), -1); // -1.5 rounds up too
  EXPECT_EQ(applyRescale(-128, half), -64);

  TosaRescaleParams zeroPoints; // scale 1: value - 5 + 7
  zeroPoints.inputZeroPoint = 5;
  zeroPoints.outputZeroPoint = 7;
  EXPECT_EQ(applyRescale(10, zeroPoints), 12);
  EXPECT_EQ(applyRescale(127, zeroPoints), 127); // 129 saturates
  EXPECT_EQ(applyRescale(-128, zeroPoints), -126);

  // Scale 2^30 / 2^40: 511 * 2^-10 is 0.499..., which single rounding
  // gives as 0 and double rounding (2^30 more before the shift) as 1.
  TosaRescaleParams fine;
  fine.shift = 40;
  fine.inputBits = 32;
  EXPECT_EQ(applyRescale(511, fine), 0);
  fine.doubleRound = true;
  EXPECT_EQ(applyRescale(511, fine), 1);
  // -0.5: half up gives 0; double rounding, 2^30 less first, -1.
  EXPECT_EQ(applyRescale(-512, fine), -1);
  fine.doubleRound = false;
  EXPECT_EQ(applyRescale(-512, fine), 0);

  // Unsigned ends: stored -1 is 255, zero point stored -128 is 128.
  TosaRescaleParams unsignedIn;
  unsignedIn.inputUnsigned = true;
  unsignedIn.inputZeroPoint = -128;
  EXPECT_EQ(applyRescale(-1, unsignedIn), 127);
  EXPECT_EQ(applyRescale(0, unsignedIn), -128);
  TosaRescaleParams unsignedOut;
  unsignedOut.outputUnsigned = true;
  unsignedOut.outputZeroPoint = -128;
  EXPECT_EQ(applyRescale(100, unsignedOut), -28); // 228, stored as -28
  EXPECT_EQ(applyRescale(-128, unsignedOut), 0);
  EXPECT_EQ(applyRescale(127, unsignedOut), -1); // 255
  EXPECT_EQ(applyRescale(-127, unsignedOut), 1);

  // 16-bit multiplier: scale 3 / 4 on an i16 input, to i16.
  TosaRescaleParams scale16;
  scale16.scale32 = false;
  scale16.multiplier = 3;
  scale16.shift = 2;
  scale16.inputBits = scale16.outputBits = 16;
  EXPECT_EQ(applyRescale(1000, scale16), 750);
  EXPECT_EQ(applyRescale(-30000, scale16), -22500);
}

TEST(TosaIntegerOpsTest, InvalidRescalesAreNamed) {
  TosaRescaleParams valid;
  EXPECT_FALSE(getInvalidRescaleReason(valid));

  // The specification's ERROR_IF rules, one at a time.
  TosaRescaleParams doubleRound16 = valid;
  doubleRound16.scale32 = false;
  doubleRound16.multiplier = 1 << 14;
  doubleRound16.shift = 15;
  EXPECT_FALSE(getInvalidRescaleReason(doubleRound16));
  doubleRound16.doubleRound = true;
  EXPECT_TRUE(getInvalidRescaleReason(doubleRound16));

  TosaRescaleParams bothUnsigned = valid;
  bothUnsigned.inputUnsigned = true;
  EXPECT_FALSE(getInvalidRescaleReason(bothUnsigned));
  bothUnsigned.outputUnsigned = true;
  EXPECT_TRUE(getInvalidRescaleReason(bothUnsigned));

  TosaRescaleParams unsignedTo32 = valid;
  unsignedTo32.inputUnsigned = true;
  unsignedTo32.outputBits = 32;
  EXPECT_TRUE(getInvalidRescaleReason(unsignedTo32));

  TosaRescaleParams zeroPointOn32 = valid;
  zeroPointOn32.inputBits = 32;
  EXPECT_FALSE(getInvalidRescaleReason(zeroPointOn32));
  zeroPointOn32.inputZeroPoint = 3;
  EXPECT_TRUE(getInvalidRescaleReason(zeroPointOn32));

  // Unsigned i16 ends may have the zero point 32768 (stored as -32768).
  TosaRescaleParams unsigned16 = valid;
  unsigned16.inputBits = unsigned16.outputBits = 16;
  unsigned16.inputUnsigned = true;
  unsigned16.inputZeroPoint = -32768;
  EXPECT_FALSE(getInvalidRescaleReason(unsigned16));
  unsigned16.inputZeroPoint = 5;
  EXPECT_TRUE(getInvalidRescaleReason(unsigned16));

  TosaRescaleParams badShift = valid;
  badShift.shift = 1;
  EXPECT_TRUE(getInvalidRescaleReason(badShift));
  badShift.shift = 63;
  EXPECT_TRUE(getInvalidRescaleReason(badShift));
}
