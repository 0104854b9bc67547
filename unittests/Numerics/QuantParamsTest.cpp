//===- QuantParamsTest.cpp - Quantization parameter validation ------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/QuantParams.h"

#include "gtest/gtest.h"

#include <limits>

using namespace lutfold;

namespace {

/// The message of a failed validation, or "" when it succeeded.
std::string validationMessage(const QuantParams &params) {
  llvm::Error error = params.validate();
  return error ? llvm::toString(std::move(error)) : std::string();
}

TEST(StorageTypeTest, Bounds) {
  EXPECT_EQ(StorageType::i8().minValue(), -128);
  EXPECT_EQ(StorageType::i8().maxValue(), 127);
  EXPECT_EQ(StorageType::i16().minValue(), -32768);
  EXPECT_EQ(StorageType::i16().maxValue(), 32767);
  StorageType u8{8, false};
  EXPECT_EQ(u8.minValue(), 0);
  EXPECT_EQ(u8.maxValue(), 255);
  EXPECT_EQ(StorageType::i8().numCodes(), 256u);
}

TEST(QuantParamsTest, AcceptsFullAndNarrowRanges) {
  EXPECT_EQ(
      validationMessage(QuantParams::fullRange(StorageType::i8(), 0.1, -128)),
      "");
  EXPECT_EQ(validationMessage(
                {StorageType::i8(), 0.15988604724407196, -17, -127, 127}),
            "");
  EXPECT_EQ(validationMessage({StorageType::i8(), 1.0, 5, 5, 5}), "");
}

TEST(QuantParamsTest, RejectsBadScales) {
  for (double scale : {0.0, -0.5, std::numeric_limits<double>::infinity(),
                       std::numeric_limits<double>::quiet_NaN()}) {
    std::string message =
        validationMessage(QuantParams::fullRange(StorageType::i8(), scale, 0));
    EXPECT_NE(message.find("scale"), std::string::npos) << message;
  }
}

TEST(QuantParamsTest, RejectsBadRanges) {
  EXPECT_NE(validationMessage({StorageType::i8(), 1.0, 0, 10, -10})
                .find("greater than qmax"),
            std::string::npos);
  EXPECT_NE(validationMessage({StorageType::i8(), 1.0, 0, -129, 127})
                .find("qmin -129 is outside the storage range [-128, 127]"),
            std::string::npos);
  EXPECT_NE(validationMessage({StorageType::i8(), 1.0, 0, -128, 128})
                .find("qmax 128"),
            std::string::npos);
}

TEST(QuantParamsTest, RejectsZeroPointOutsideStorage) {
  EXPECT_NE(validationMessage({StorageType::i8(), 1.0, 128, -128, 127})
                .find("zero point 128"),
            std::string::npos);
  EXPECT_NE(validationMessage({StorageType::i8(), 1.0, -129, -128, 127})
                .find("zero point -129"),
            std::string::npos);
  // A zero point outside a narrow [qmin, qmax] but inside the storage type is
  // legal: it only means 0.0 is not representable.
  EXPECT_EQ(validationMessage({StorageType::i8(), 1.0, -128, -127, 127}), "");
}

TEST(QuantParamsTest, RejectsUnsupportedWidths) {
  EXPECT_NE(validationMessage({StorageType{0, true}, 1.0, 0, 0, 0})
                .find("storage width 0"),
            std::string::npos);
  EXPECT_NE(validationMessage({StorageType{33, true}, 1.0, 0, 0, 0})
                .find("storage width 33"),
            std::string::npos);
}

TEST(QuantParamsTest, DefaultMaxErrorIsOne64thOfTheRange) {
  EXPECT_EQ(getDefaultMaxError(256), 4);
  EXPECT_EQ(getDefaultMaxError(255), 3); // i8<-127:127>
  EXPECT_EQ(getDefaultMaxError(65536), 1024);
  EXPECT_EQ(getDefaultMaxError(2), 1); // never below one code
}

} // namespace
