//===- ScalarProgramTest.cpp - Element-wise island interpreter ------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/ScalarProgram.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/bit.h"

#include "gtest/gtest.h"

#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <utility>

using namespace lutfold;
using scalar::NanMode;
using ValueId = ScalarProgram::ValueId;
using llvm::SmallVector;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(ScalarProgramTest, Names) {
  EXPECT_EQ(stringifyScalarOpcode(ScalarOpcode::GreaterEqual), "greater_equal");
  EXPECT_EQ(stringifyScalarType(ScalarType::BF16), "bf16");
  EXPECT_EQ(getNumOperands(ScalarOpcode::Select), 3u);
  EXPECT_EQ(getNumOperands(ScalarOpcode::LogicalNot), 1u);
  EXPECT_FALSE(isFloat(ScalarType::I1));
}

TEST(ScalarProgramTest, RoundsToNarrowFloatTypes) {
  // 1 + 2^-11 is halfway between two f16 values: ties to even gives 1.
  EXPECT_EQ(roundToType(1.0 + std::ldexp(1.0, -11), ScalarType::F16), 1.0);
  EXPECT_EQ(roundToType(1.0 + 3 * std::ldexp(1.0, -11), ScalarType::F16),
            1.0 + std::ldexp(1.0, -9));
  EXPECT_EQ(roundToType(65520.0, ScalarType::F16),
            std::numeric_limits<double>::infinity());
  // bf16 keeps 8 significant bits.
  EXPECT_EQ(roundToType(1.0 + std::ldexp(1.0, -8), ScalarType::BF16), 1.0);
  // 3e38 = 1.7632... * 2^127; with 7 fraction bits, 226/128 * 2^127.
  EXPECT_EQ(roundToType(3.0e38, ScalarType::BF16), std::ldexp(1.765625, 127));
  EXPECT_EQ(roundToType(0.1, ScalarType::F32), static_cast<float>(0.1));
  EXPECT_TRUE(std::isnan(roundToType(kNaN, ScalarType::F16)));
}

TEST(ScalarProgramTest, SiluMatchesTheScalarComposite) {
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::F32);
  ValueId s = program.addOp(ScalarOpcode::Sigmoid, ScalarType::F32, {x});
  program.setResult(program.addOp(ScalarOpcode::Mul, ScalarType::F32, {x, s}));
  for (float v = -20.0f; v <= 20.0f; v += 0.37f)
    EXPECT_EQ(program(v), v * scalar::sigmoid(v)) << v;
}

TEST(ScalarProgramTest, HardswishAsTosaComposition) {
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::F32);
  ValueId three = program.addConstant(3.0, ScalarType::F32);
  ValueId sixth = program.addConstant(1.0 / 6.0, ScalarType::F32);
  ValueId shifted =
      program.addOp(ScalarOpcode::Add, ScalarType::F32, {x, three});
  ValueId clamped =
      program.addClamp(shifted, 0.0, 6.0, NanMode::Propagate, ScalarType::F32);
  ValueId product =
      program.addOp(ScalarOpcode::Mul, ScalarType::F32, {x, clamped});
  program.setResult(
      program.addOp(ScalarOpcode::Mul, ScalarType::F32, {product, sixth}));
  EXPECT_EQ(program(-4.0f), -0.0f);
  EXPECT_EQ(program(4.0f), 4.0f * 6.0f * static_cast<float>(1.0 / 6.0));
  EXPECT_EQ(program(0.0f), 0.0f);
}

TEST(ScalarProgramTest, EluWithCompareAndSelect) {
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::F32);
  ValueId zero = program.addConstant(0.0, ScalarType::F32);
  ValueId one = program.addConstant(1.0, ScalarType::F32);
  ValueId positive =
      program.addOp(ScalarOpcode::Greater, ScalarType::I1, {x, zero});
  ValueId e = program.addOp(ScalarOpcode::Exp, ScalarType::F32, {x});
  ValueId em1 = program.addOp(ScalarOpcode::Sub, ScalarType::F32, {e, one});
  program.setResult(
      program.addOp(ScalarOpcode::Select, ScalarType::F32, {positive, x, em1}));
  EXPECT_EQ(program(2.5f), 2.5f);
  EXPECT_EQ(program(-1.0f), std::exp(-1.0f) - 1.0f);
  EXPECT_EQ(program(0.0f), 0.0f);
}

TEST(ScalarProgramTest, LogicalOperators) {
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::F32);
  ValueId zero = program.addConstant(0.0, ScalarType::F32);
  ValueId ten = program.addConstant(10.0, ScalarType::F32);
  ValueId positive =
      program.addOp(ScalarOpcode::GreaterEqual, ScalarType::I1, {x, zero});
  ValueId small =
      program.addOp(ScalarOpcode::Greater, ScalarType::I1, {ten, x});
  ValueId inside = program.addOp(ScalarOpcode::LogicalAnd, ScalarType::I1,
                                 {positive, small});
  ValueId outside =
      program.addOp(ScalarOpcode::LogicalNot, ScalarType::I1, {inside});
  ValueId isTen = program.addOp(ScalarOpcode::Equal, ScalarType::I1, {x, ten});
  ValueId either =
      program.addOp(ScalarOpcode::LogicalOr, ScalarType::I1, {outside, isTen});
  ValueId exactlyOne =
      program.addOp(ScalarOpcode::LogicalXor, ScalarType::I1, {either, isTen});
  ValueId one = program.addConstant(1.0, ScalarType::F32);
  program.setResult(program.addOp(ScalarOpcode::Select, ScalarType::F32,
                                  {exactlyOne, one, zero}));
  // exactlyOne is "outside [0, 10]", excluding 10 itself.
  EXPECT_EQ(program(-1.0f), 1.0f);
  EXPECT_EQ(program(0.0f), 0.0f);
  EXPECT_EQ(program(5.0f), 0.0f);
  EXPECT_EQ(program(10.0f), 0.0f);
  EXPECT_EQ(program(11.0f), 1.0f);
  // NaN compares false everywhere: not inside, so outside.
  EXPECT_EQ(program(std::numeric_limits<float>::quiet_NaN()), 1.0f);
}

TEST(ScalarProgramTest, HalfPrecisionRoundsEveryStep) {
  // cast f32 -> f16, add 1/1024 twice in f16, cast back.
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::F32);
  ValueId half = program.addOp(ScalarOpcode::Cast, ScalarType::F16, {x});
  ValueId tiny = program.addConstant(std::ldexp(1.0, -12), ScalarType::F16);
  ValueId once =
      program.addOp(ScalarOpcode::Add, ScalarType::F16, {half, tiny});
  ValueId twice =
      program.addOp(ScalarOpcode::Add, ScalarType::F16, {once, tiny});
  program.setResult(
      program.addOp(ScalarOpcode::Cast, ScalarType::F32, {twice}));
  // In f16, 1 + 2^-12 rounds back to 1 each time; in f32 it would not.
  EXPECT_EQ(program(1.0f), 1.0f);
  // The input itself is rounded to f16 by the cast.
  EXPECT_EQ(program(1.0004f), 1.0f);
}

TEST(ScalarProgramTest, MinMaxAndClampCarryTheirNaNMode) {
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::F32);
  ValueId zero = program.addConstant(0.0, ScalarType::F32);
  ValueId log = program.addOp(ScalarOpcode::Log, ScalarType::F32, {x});
  program.setResult(program.addMinMax(ScalarOpcode::Maximum, log, zero,
                                      NanMode::Ignore, ScalarType::F32));
  EXPECT_EQ(program(-1.0f), 0.0f);
  EXPECT_EQ(program(std::exp(1.0f)), std::log(std::exp(1.0f)));
}

/// Random f32 programs: operator() evaluates them in float, evaluate() in
/// the general interpreter; both must give the same bits.
TEST(ScalarProgramTest, F32ProgramsEvaluateAsTheInterpreterDoes) {
  const ScalarOpcode unary[] = {
      ScalarOpcode::Sigmoid, ScalarOpcode::Tanh,  ScalarOpcode::Exp,
      ScalarOpcode::Log,     ScalarOpcode::Rsqrt, ScalarOpcode::Reciprocal,
      ScalarOpcode::Erf,     ScalarOpcode::Sin,   ScalarOpcode::Floor,
      ScalarOpcode::Abs,     ScalarOpcode::Negate};
  const ScalarOpcode binary[] = {ScalarOpcode::Add,     ScalarOpcode::Sub,
                                 ScalarOpcode::Mul,     ScalarOpcode::Pow,
                                 ScalarOpcode::Maximum, ScalarOpcode::Minimum};
  std::mt19937 random(7);
  auto pick = [&](unsigned n) {
    return std::uniform_int_distribution<unsigned>(0, n - 1)(random);
  };
  auto uniform = [&](double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(random);
  };
  for (unsigned trial = 0; trial < 300; ++trial) {
    ScalarProgram program;
    SmallVector<ValueId> values{program.addInput(ScalarType::F32)};
    for (unsigned i = 0, e = 1 + pick(8); i < e; ++i) {
      ValueId a = values[pick(values.size())];
      NanMode mode = pick(2) ? NanMode::Propagate : NanMode::Ignore;
      switch (pick(4)) {
      case 0:
        values.push_back(program.addConstant(uniform(-4, 4), ScalarType::F32));
        break;
      case 1:
        values.push_back(
            program.addOp(unary[pick(std::size(unary))], ScalarType::F32, {a}));
        break;
      case 2: {
        double lo = uniform(-6, 0);
        values.push_back(
            program.addClamp(a, lo, lo + uniform(0, 6), mode, ScalarType::F32));
        break;
      }
      default: {
        ScalarOpcode opcode = binary[pick(std::size(binary))];
        ValueId b = values[pick(values.size())];
        values.push_back(
            opcode == ScalarOpcode::Maximum || opcode == ScalarOpcode::Minimum
                ? program.addMinMax(opcode, a, b, mode, ScalarType::F32)
                : program.addOp(opcode, ScalarType::F32, {a, b}));
      }
      }
    }
    program.setResult(values[pick(values.size())]);
    for (float input : {-100.0f, -3.5f, -1.0f, -0.0f, 0.0f, 0.25f, 1.0f, 2.75f,
                        88.0f, std::numeric_limits<float>::infinity(),
                        std::numeric_limits<float>::quiet_NaN()}) {
      float fast = program(input);
      auto expected = static_cast<float>(program.evaluate(input));
      if (std::isnan(expected))
        EXPECT_TRUE(std::isnan(fast)) << "trial " << trial << " at " << input;
      else
        EXPECT_EQ(llvm::bit_cast<uint32_t>(fast),
                  llvm::bit_cast<uint32_t>(expected))
            << "trial " << trial << " at " << input;
    }
  }
}

TEST(ScalarProgramTest, ReportsWhereNaNStarts) {
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::F32);
  ValueId a = program.addOp(ScalarOpcode::Abs, ScalarType::F32, {x});
  ValueId n = program.addOp(ScalarOpcode::Negate, ScalarType::F32, {a});
  ValueId r = program.addOp(ScalarOpcode::Rsqrt, ScalarType::F32, {n});
  ValueId e = program.addOp(ScalarOpcode::Exp, ScalarType::F32, {r});
  program.setResult(e);

  ScalarEvaluation evaluation = program.evaluateDetailed(2.0);
  EXPECT_TRUE(std::isnan(evaluation.value));
  EXPECT_TRUE(evaluation.sawNaN);
  ASSERT_TRUE(evaluation.nanOrigin.has_value());
  EXPECT_EQ(*evaluation.nanOrigin, r);

  // rsqrt(-0) = -inf, exp(-inf) = 0: no NaN.
  evaluation = program.evaluateDetailed(0.0);
  EXPECT_EQ(evaluation.value, 0.0);
  EXPECT_FALSE(evaluation.sawNaN);
  EXPECT_FALSE(evaluation.nanOrigin.has_value());

  // A NaN input has no origin inside the program.
  evaluation = program.evaluateDetailed(kNaN);
  EXPECT_TRUE(evaluation.sawNaN);
  EXPECT_FALSE(evaluation.nanOrigin.has_value());
}

TEST(ScalarProgramTest, NaNDiscardedBySelectIsNotReported) {
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::F32);
  ValueId zero = program.addConstant(0.0, ScalarType::F32);
  ValueId positive =
      program.addOp(ScalarOpcode::Greater, ScalarType::I1, {x, zero});
  ValueId log = program.addOp(ScalarOpcode::Log, ScalarType::F32, {x});
  program.setResult(program.addOp(ScalarOpcode::Select, ScalarType::F32,
                                  {positive, log, zero}));
  ScalarEvaluation evaluation = program.evaluateDetailed(-1.0);
  EXPECT_EQ(evaluation.value, 0.0);
  EXPECT_FALSE(evaluation.sawNaN);
}

TEST(ScalarProgramTest, CastFloatToIntegerRoundsHalfToEvenAndSaturates) {
  EXPECT_EQ(castFloatToInteger(2.5, ScalarType::I8), 2.0);
  EXPECT_EQ(castFloatToInteger(3.5, ScalarType::I8), 4.0);
  EXPECT_EQ(castFloatToInteger(-2.5, ScalarType::I8), -2.0);
  EXPECT_EQ(castFloatToInteger(-0.5, ScalarType::I8), 0.0);
  EXPECT_EQ(castFloatToInteger(127.5, ScalarType::I8), 127.0);
  EXPECT_EQ(castFloatToInteger(-1000.0, ScalarType::I8), -128.0);
  EXPECT_EQ(castFloatToInteger(1.0e10, ScalarType::I32), 2147483647.0);
  EXPECT_EQ(castFloatToInteger(-std::numeric_limits<double>::infinity(),
                               ScalarType::I16),
            -32768.0);
  EXPECT_EQ(castFloatToInteger(kNaN, ScalarType::I8), 0.0);
}

TEST(ScalarProgramTest, IntegersWrap) {
  EXPECT_EQ(roundToType(128.0, ScalarType::I8), -128.0);
  EXPECT_EQ(roundToType(-129.0, ScalarType::I8), 127.0);
  EXPECT_EQ(roundToType(65535.0, ScalarType::I16), -1.0);
  EXPECT_EQ(roundToType(2147483648.0, ScalarType::I32), -2147483648.0);

  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::I8);
  ValueId wide = program.addOp(ScalarOpcode::Cast, ScalarType::I32, {x});
  ValueId big = program.addConstant(2147483647.0, ScalarType::I32);
  ValueId sum = program.addOp(ScalarOpcode::Add, ScalarType::I32, {wide, big});
  program.setResult(sum);
  // INT32_MAX + 1 wraps to INT32_MIN, as arith.addi does.
  EXPECT_EQ(program.evaluate(1.0), -2147483648.0);
  EXPECT_EQ(program.evaluate(-1.0), 2147483646.0);
}

TEST(ScalarProgramTest, ShiftedMultiplyRounds) {
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::I32);
  ValueId three = program.addConstant(3.0, ScalarType::I32);
  program.setResult(program.addShiftedMul(x, three, 2));
  // (x * 3 + 2) >> 2, rounding the 64-bit product.
  EXPECT_EQ(program.evaluate(1.0), 1.0); // (3 + 2) >> 2
  EXPECT_EQ(program.evaluate(2.0), 2.0); // (6 + 2) >> 2
  // Arithmetic shift floors: (-3 + 2) >> 2 = -1 >> 2 = -1.
  EXPECT_EQ(program.evaluate(-1.0), -1.0);
  EXPECT_EQ(program.evaluate(-2.0), -1.0);
}

TEST(ScalarProgramTest, TableLooksUpTheCodePlus128) {
  // Entry i is 127 - i: the output for code c is 127 - (c + 128) = -1 - c.
  std::array<int8_t, 256> reversed;
  for (int i = 0; i < 256; ++i)
    reversed[i] = static_cast<int8_t>(127 - i);
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::I8);
  ValueId table = program.addTable(x, reversed);
  // Then a second lookup and an i32 add, as a chain may have.
  ValueId again = program.addTable(table, reversed);
  ValueId wide = program.addOp(ScalarOpcode::Cast, ScalarType::I32, {again});
  ValueId one = program.addConstant(1, ScalarType::I32);
  program.setResult(
      program.addOp(ScalarOpcode::Add, ScalarType::I32, {wide, one}));
  for (int code = -128; code <= 127; ++code)
    EXPECT_EQ(program.evaluate(code), code + 1) << code;

  // Programs that differ only in a table's entries have different keys.
  ScalarProgram other;
  std::array<int8_t, 256> changed = reversed;
  changed[7] = 0;
  other.setResult(other.addTable(other.addInput(ScalarType::I8), changed));
  ScalarProgram same;
  same.setResult(same.addTable(same.addInput(ScalarType::I8), reversed));
  std::string otherKey, sameKey;
  other.appendKey(otherKey);
  same.appendKey(sameKey);
  EXPECT_NE(otherKey, sameKey);
  EXPECT_EQ(same.evaluate(-128), 127);
  EXPECT_EQ(other.evaluate(-121), 0);
}

TEST(ScalarProgramTest, IntegerNegateSaturates) {
  // TOSA's NEGATE clips to the type: -(-128) is 127 in i8, and
  // -(-2^31) is 2^31 - 1 in i32.
  for (auto [type, lowest] : {std::pair{ScalarType::I8, -128.0},
                              std::pair{ScalarType::I32, -2147483648.0}}) {
    ScalarProgram program;
    ValueId x = program.addInput(type);
    program.setResult(program.addOp(ScalarOpcode::Negate, type, {x}));
    EXPECT_EQ(program.evaluate(lowest), -lowest - 1);
    EXPECT_EQ(program.evaluate(lowest + 1), -lowest - 1);
    EXPECT_EQ(program.evaluate(5), -5);
  }
}

TEST(ScalarProgramTest, IntegerClampMinMaxCompare) {
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::I32);
  ValueId clamped =
      program.addClamp(x, -5.0, 5.0, NanMode::Propagate, ScalarType::I32);
  ValueId two = program.addConstant(2.0, ScalarType::I32);
  ValueId larger = program.addMinMax(ScalarOpcode::Maximum, clamped, two,
                                     NanMode::Propagate, ScalarType::I32);
  ValueId isTwo =
      program.addOp(ScalarOpcode::Equal, ScalarType::I1, {larger, two});
  ValueId negated =
      program.addOp(ScalarOpcode::Negate, ScalarType::I32, {larger});
  program.setResult(program.addOp(ScalarOpcode::Select, ScalarType::I32,
                                  {isTwo, two, negated}));
  EXPECT_EQ(program.evaluate(-100.0), 2.0);
  EXPECT_EQ(program.evaluate(4.0), -4.0);
  EXPECT_EQ(program.evaluate(100.0), -5.0);
}

TEST(ScalarProgramTest, NaNCastToIntegerIsReported) {
  // i8 -> f32, log, f32 -> i8: negative codes give NaN, which the cast turns
  // into 0.
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::I8);
  ValueId f = program.addOp(ScalarOpcode::Cast, ScalarType::F32, {x});
  ValueId log = program.addOp(ScalarOpcode::Log, ScalarType::F32, {f});
  program.setResult(program.addOp(ScalarOpcode::Cast, ScalarType::I8, {log}));
  ScalarEvaluation evaluation = program.evaluateDetailed(-3.0);
  EXPECT_EQ(evaluation.value, 0.0);
  EXPECT_TRUE(evaluation.sawNaN);
  ASSERT_TRUE(evaluation.nanOrigin.has_value());
  EXPECT_EQ(*evaluation.nanOrigin, log);
  evaluation = program.evaluateDetailed(0.0);
  EXPECT_EQ(evaluation.value, -128.0); // log(0) = -inf saturates
  EXPECT_FALSE(evaluation.sawNaN);
}

TEST(ScalarProgramTest, NaNConstantsAreReadNotProduced) {
  // minimum(x, NaN) with PROPAGATE: the minimum gives the NaN, not the
  // constant it reads.
  ScalarProgram program;
  ValueId x = program.addInput(ScalarType::F32);
  ValueId nan = program.addConstant(kNaN, ScalarType::F32);
  ValueId minimum = program.addMinMax(ScalarOpcode::Minimum, x, nan,
                                      NanMode::Propagate, ScalarType::F32);
  program.setResult(
      program.addOp(ScalarOpcode::Cast, ScalarType::I8, {minimum}));
  ScalarEvaluation evaluation = program.evaluateDetailed(1.0);
  EXPECT_TRUE(evaluation.sawNaN);
  ASSERT_TRUE(evaluation.nanOrigin.has_value());
  EXPECT_EQ(*evaluation.nanOrigin, minimum);
}

} // namespace
