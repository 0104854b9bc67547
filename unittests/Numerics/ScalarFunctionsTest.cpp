//===- ScalarFunctionsTest.cpp - TOSA f32 element semantics ---------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/ScalarFunctions.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace lutfold;
using scalar::NanMode;

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kDenormal = std::numeric_limits<float>::denorm_min();

bool isNegativeZero(float x) { return x == 0.0f && std::signbit(x); }
bool isPositiveZero(float x) { return x == 0.0f && !std::signbit(x); }

TEST(ScalarFunctionsTest, MaximumOrdersNegativeZeroBelowPositiveZero) {
  EXPECT_TRUE(isPositiveZero(scalar::maximum(-0.0f, 0.0f, NanMode::Propagate)));
  EXPECT_TRUE(isPositiveZero(scalar::maximum(0.0f, -0.0f, NanMode::Propagate)));
  EXPECT_TRUE(isNegativeZero(scalar::minimum(-0.0f, 0.0f, NanMode::Propagate)));
  EXPECT_TRUE(isNegativeZero(scalar::minimum(0.0f, -0.0f, NanMode::Propagate)));
}

TEST(ScalarFunctionsTest, MaximumAndMinimumNaNModes) {
  EXPECT_TRUE(std::isnan(scalar::maximum(kNaN, 1.0f, NanMode::Propagate)));
  EXPECT_TRUE(std::isnan(scalar::maximum(1.0f, kNaN, NanMode::Propagate)));
  EXPECT_EQ(scalar::maximum(kNaN, 1.0f, NanMode::Ignore), 1.0f);
  EXPECT_EQ(scalar::maximum(1.0f, kNaN, NanMode::Ignore), 1.0f);
  EXPECT_EQ(scalar::minimum(kNaN, -2.0f, NanMode::Ignore), -2.0f);
  EXPECT_TRUE(std::isnan(scalar::minimum(kNaN, kNaN, NanMode::Ignore)));
  EXPECT_EQ(scalar::maximum(-kInf, 3.0f, NanMode::Propagate), 3.0f);
  EXPECT_EQ(scalar::minimum(kInf, 3.0f, NanMode::Propagate), 3.0f);
}

TEST(ScalarFunctionsTest, ClampBoundsAndNaN) {
  EXPECT_EQ(scalar::clamp(-1.0f, 0.0f, 6.0f, NanMode::Propagate), 0.0f);
  EXPECT_EQ(scalar::clamp(7.0f, 0.0f, 6.0f, NanMode::Propagate), 6.0f);
  EXPECT_EQ(scalar::clamp(6.0f, 0.0f, 6.0f, NanMode::Propagate), 6.0f);
  EXPECT_EQ(scalar::clamp(kInf, 0.0f, 6.0f, NanMode::Propagate), 6.0f);
  EXPECT_EQ(scalar::clamp(-kInf, 0.0f, 6.0f, NanMode::Propagate), 0.0f);
  // -0 is above the lower bound -0... and below +0: max(-0, +0) is +0.
  EXPECT_TRUE(
      isPositiveZero(scalar::clamp(-0.0f, 0.0f, 6.0f, NanMode::Propagate)));
  EXPECT_TRUE(std::isnan(scalar::clamp(kNaN, 0.0f, 6.0f, NanMode::Propagate)));
  EXPECT_EQ(scalar::clamp(kNaN, 0.0f, 6.0f, NanMode::Ignore), 0.0f);
  EXPECT_EQ(scalar::clamp(kDenormal, 0.0f, 6.0f, NanMode::Propagate),
            kDenormal);
}

TEST(ScalarFunctionsTest, Transcendentals) {
  EXPECT_EQ(scalar::sigmoid(0.0f), 0.5f);
  EXPECT_EQ(scalar::sigmoid(kInf), 1.0f);
  EXPECT_EQ(scalar::sigmoid(-kInf), 0.0f);
  EXPECT_EQ(scalar::sigmoid(-200.0f), 0.0f);
  EXPECT_EQ(scalar::exp(0.0f), 1.0f);
  EXPECT_EQ(scalar::exp(100.0f), kInf);
  EXPECT_EQ(scalar::tanh(-0.0f), -0.0f);
  EXPECT_TRUE(isNegativeZero(scalar::tanh(-0.0f)));
  EXPECT_EQ(scalar::tanh(kInf), 1.0f);
  EXPECT_EQ(scalar::erf(-kInf), -1.0f);
  EXPECT_EQ(scalar::log(0.0f), -kInf);
  EXPECT_EQ(scalar::log(-0.0f), -kInf);
  EXPECT_TRUE(std::isnan(scalar::log(-1.0f)));
  EXPECT_TRUE(std::isnan(scalar::sin(kInf)));
  EXPECT_TRUE(std::isnan(scalar::cos(-kInf)));
  EXPECT_EQ(scalar::pow(2.0f, 10.0f), 1024.0f);
  EXPECT_TRUE(std::isnan(scalar::pow(-2.0f, 0.5f)));
}

TEST(ScalarFunctionsTest, ReciprocalsAndZeros) {
  EXPECT_EQ(scalar::reciprocal(0.0f), kInf);
  EXPECT_EQ(scalar::reciprocal(-0.0f), -kInf);
  EXPECT_EQ(scalar::reciprocal(kInf), 0.0f);
  EXPECT_EQ(scalar::rsqrt(0.0f), kInf);
  // sqrt(-0) is -0.
  EXPECT_EQ(scalar::rsqrt(-0.0f), -kInf);
  EXPECT_EQ(scalar::rsqrt(4.0f), 0.5f);
  EXPECT_TRUE(std::isnan(scalar::rsqrt(-1.0f)));
  // The reciprocal of the smallest denormal overflows float.
  EXPECT_EQ(scalar::reciprocal(kDenormal), kInf);
}

TEST(ScalarFunctionsTest, RoundingFunctions) {
  EXPECT_EQ(scalar::floor(-0.5f), -1.0f);
  EXPECT_TRUE(isNegativeZero(scalar::ceil(-0.5f)));
  EXPECT_EQ(scalar::floor(kDenormal), 0.0f);
  EXPECT_EQ(scalar::ceil(kDenormal), 1.0f);
  EXPECT_EQ(scalar::abs(-kInf), kInf);
  EXPECT_TRUE(isPositiveZero(scalar::abs(-0.0f)));
  EXPECT_TRUE(isNegativeZero(scalar::negate(0.0f)));
}

TEST(ScalarFunctionsTest, Composites) {
  EXPECT_EQ(scalar::silu(0.0f), 0.0f);
  EXPECT_EQ(scalar::gelu(0.0f), 0.0f);
  EXPECT_EQ(scalar::geluTanh(0.0f), 0.0f);
  EXPECT_EQ(scalar::hardswish(-3.0f), -0.0f);
  EXPECT_EQ(scalar::hardswish(3.0f), 3.0f);
  EXPECT_EQ(scalar::hardsigmoid(0.0f), 0.5f);
  EXPECT_EQ(scalar::hardsigmoid(3.0f), 1.0f);
  EXPECT_EQ(scalar::hardsigmoid(-3.0f), 0.0f);
}

TEST(ScalarFunctionsTest, EveryNamedFunctionResolves) {
  for (llvm::StringRef name : scalar::getUnaryFunctionNames())
    EXPECT_NE(scalar::lookupUnaryFunction(name), nullptr) << name.str();
  EXPECT_EQ(scalar::lookupUnaryFunction("gelu_tanh"), &scalar::geluTanh);
  EXPECT_EQ(scalar::lookupUnaryFunction("relu"), nullptr);
}

} // namespace
