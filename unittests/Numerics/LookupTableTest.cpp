//===- LookupTableTest.cpp - int8 table builder ---------------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The golden tables come from PyTorch eager (see unittests/data/README.md).
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/LookupTable.h"
#include "lutfold/Numerics/ScalarFunctions.h"
#include "lutfold/Numerics/ScalarProgram.h"

#include "llvm/ADT/StringSwitch.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>
#include <random>

using namespace lutfold;

namespace {

struct GoldenCase {
  std::string op;
  QuantParams in;
  QuantParams out;
  /// std::nullopt where PyTorch's float result was NaN.
  std::vector<std::optional<int64_t>> table;
};

QuantParams parseParams(const llvm::json::Array &fields) {
  return {StorageType::i8(), *fields[0].getAsNumber(),
          *fields[1].getAsInteger(), *fields[2].getAsInteger(),
          *fields[3].getAsInteger()};
}

/// The golden cases of `op`, or all of them when `op` is empty.
std::vector<GoldenCase> loadGoldenCases(llvm::StringRef op) {
  std::string path = LUTFOLD_TEST_DATA_DIR "/pt2e_int8_tables.json";
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  llvm::Expected<llvm::json::Value> root =
      llvm::json::parse((*buffer)->getBuffer());
  if (!root) {
    ADD_FAILURE() << llvm::toString(root.takeError());
    return {};
  }
  std::vector<GoldenCase> cases;
  for (const llvm::json::Value &entry :
       *root->getAsObject()->getArray("cases")) {
    const llvm::json::Object &object = *entry.getAsObject();
    llvm::StringRef name = *object.getString("op");
    if (!op.empty() && name != op)
      continue;
    GoldenCase golden{name.str(),
                      parseParams(*object.getArray("in")),
                      parseParams(*object.getArray("out")),
                      {}};
    for (const llvm::json::Value &value : *object.getArray("table"))
      golden.table.push_back(value.getAsInteger());
    cases.push_back(std::move(golden));
  }
  return cases;
}

TEST(LookupTableTest, SigmoidMatchesPyTorchEagerBitForBit) {
  std::vector<GoldenCase> cases = loadGoldenCases("sigmoid");
  ASSERT_GE(cases.size(), 5u);
  for (const GoldenCase &golden : cases) {
    llvm::Expected<Int8Table> table =
        buildInt8Table(golden.in, golden.out, scalar::sigmoid);
    ASSERT_TRUE(static_cast<bool>(table)) << llvm::toString(table.takeError());
    ASSERT_EQ(golden.table.size(), Int8Table::kNumEntries);
    for (unsigned i = 0; i < Int8Table::kNumEntries; ++i) {
      ASSERT_TRUE(golden.table[i].has_value());
      EXPECT_EQ(table->entries[i], *golden.table[i])
          << "input code " << int64_t(i) - 128 << ", in scale "
          << golden.in.scale << ", out scale " << golden.out.scale;
    }
    EXPECT_TRUE(table->nanInputCodes.empty());
  }
}

/// The PyTorch kernel of each golden operation.
float (*getScalarFunction(llvm::StringRef op))(float) {
  return scalar::lookupUnaryFunction(op);
}

/// Each golden operation as exporters spell it in TOSA, as a program.
ScalarProgram buildTosaComposition(llvm::StringRef op) {
  using Op = ScalarOpcode;
  constexpr ScalarType f32 = ScalarType::F32;
  ScalarProgram p;
  ScalarProgram::ValueId x = p.addInput(f32);
  auto c = [&](double v) { return p.addConstant(v, f32); };
  auto un = [&](Op opcode, ScalarProgram::ValueId a) {
    return p.addOp(opcode, f32, {a});
  };
  auto bin = [&](Op opcode, ScalarProgram::ValueId a,
                 ScalarProgram::ValueId b) {
    return p.addOp(opcode, f32, {a, b});
  };
  std::optional<Op> unary = llvm::StringSwitch<std::optional<Op>>(op)
                                .Case("sigmoid", Op::Sigmoid)
                                .Case("tanh", Op::Tanh)
                                .Case("exp", Op::Exp)
                                .Case("log", Op::Log)
                                .Case("rsqrt", Op::Rsqrt)
                                .Case("reciprocal", Op::Reciprocal)
                                .Case("erf", Op::Erf)
                                .Case("sin", Op::Sin)
                                .Case("cos", Op::Cos)
                                .Case("floor", Op::Floor)
                                .Case("ceil", Op::Ceil)
                                .Case("abs", Op::Abs)
                                .Default(std::nullopt);
  if (unary) {
    p.setResult(un(*unary, x));
  } else if (op == "silu") {
    p.setResult(bin(Op::Mul, x, un(Op::Sigmoid, x)));
  } else if (op == "gelu") {
    auto e = un(Op::Erf, bin(Op::Mul, x, c(M_SQRT1_2)));
    p.setResult(bin(Op::Mul, bin(Op::Mul, x, c(0.5)), bin(Op::Add, e, c(1.0))));
  } else if (op == "gelu_tanh") {
    auto cube = bin(Op::Mul, bin(Op::Mul, x, x), x);
    auto inner = bin(Op::Mul, bin(Op::Add, x, bin(Op::Mul, cube, c(0.044715))),
                     c(static_cast<float>(M_SQRT2 * M_2_SQRTPI * 0.5)));
    auto t = un(Op::Tanh, inner);
    p.setResult(bin(Op::Mul, bin(Op::Mul, x, c(0.5)), bin(Op::Add, t, c(1.0))));
  } else if (op == "hardswish" || op == "hardsigmoid") {
    auto relu6 = p.addClamp(bin(Op::Add, x, c(3.0)), 0.0, 6.0,
                            scalar::NanMode::Propagate, f32);
    if (op == "hardswish")
      relu6 = bin(Op::Mul, x, relu6);
    p.setResult(bin(Op::Mul, relu6, c(1.0 / 6.0)));
  } else {
    ADD_FAILURE() << "no composition for " << op.str();
    p.setResult(x);
  }
  return p;
}

/// Compares a table with a golden one; null golden entries are NaN and must
/// be reported as such, with the output's NaN code.
void expectMatchesGolden(const GoldenCase &golden, const Int8Table &table,
                         llvm::StringRef how) {
  int64_t nanCode = Quantizer(golden.out, NumericsPreset::PT2E).nanCode();
  llvm::SmallVector<int64_t> expectedNaN;
  for (unsigned i = 0; i < Int8Table::kNumEntries; ++i) {
    int64_t code = int64_t(i) - 128;
    if (!golden.table[i]) {
      expectedNaN.push_back(code);
      EXPECT_EQ(table.entries[i], nanCode) << golden.op << " code " << code;
      continue;
    }
    EXPECT_EQ(table.entries[i], *golden.table[i])
        << golden.op << " (" << how.str() << ") input code " << code
        << ", in scale " << golden.in.scale << ", out scale "
        << golden.out.scale;
  }
  EXPECT_EQ(table.nanInputCodes, expectedNaN) << golden.op;
}

TEST(LookupTableTest, EveryGoldenCaseMatchesPyTorchEager) {
  std::vector<GoldenCase> cases = loadGoldenCases("");
  ASSERT_EQ(cases.size(), 69u);
  for (const GoldenCase &golden : cases) {
    auto fn = getScalarFunction(golden.op);
    ASSERT_NE(fn, nullptr) << golden.op;
    llvm::Expected<Int8Table> direct =
        buildInt8Table(golden.in, golden.out, fn);
    ASSERT_TRUE(static_cast<bool>(direct));
    expectMatchesGolden(golden, *direct, "PyTorch kernel");

    ScalarProgram program = buildTosaComposition(golden.op);
    llvm::Expected<Int8Table> interpreted =
        buildInt8Table(golden.in, golden.out, program);
    ASSERT_TRUE(static_cast<bool>(interpreted));
    expectMatchesGolden(golden, *interpreted, "TOSA composition");
  }
}

TEST(LookupTableTest, ExecuTorchNarrowRangeRegression) {
  // ExecuTorch's Arm backend built this table from a linspace over
  // [qmin, qmax] and so shifted it by one code (fixed in its PR 18973).
  QuantParams in{StorageType::i8(), 0.15988604724407196, -17, -127, 127};
  QuantParams out{StorageType::i8(), 0.0039350856095552444, -127, -127, 127};
  llvm::Expected<Int8Table> table = buildInt8Table(in, out, scalar::sigmoid);
  ASSERT_TRUE(static_cast<bool>(table));
  // Code -128 is below qmin and reads as -127.
  EXPECT_EQ(table->lookup(-128), table->lookup(-127));
  // sigmoid(0) = 0.5 = 127.0625 output steps above the zero point: code 0.
  EXPECT_EQ(table->lookup(-17), 0);
  // Saturates at the narrow output maximum.
  EXPECT_EQ(table->lookup(127), 127);
}

TEST(LookupTableTest, IdentityRoundTripsEveryCode) {
  QuantParams params{StorageType::i8(), 0.1, 3, -120, 110};
  llvm::Expected<Int8Table> table =
      buildInt8Table(params, params, [](float x) { return x; });
  ASSERT_TRUE(static_cast<bool>(table));
  for (int64_t code = -128; code <= 127; ++code)
    EXPECT_EQ(table->lookup(code), std::clamp<int64_t>(code, -120, 110))
        << "code " << code;
}

TEST(LookupTableTest, PropertiesOverRandomParameters) {
  std::mt19937 rng(20261125);
  std::uniform_real_distribution<double> logScale(-12.0, 2.0);
  std::uniform_int_distribution<int64_t> zeroPoint(-128, 127);
  std::bernoulli_distribution narrow(0.5);
  for (int trial = 0; trial < 2000; ++trial) {
    QuantParams in{StorageType::i8(), std::exp2(logScale(rng)), zeroPoint(rng),
                   narrow(rng) ? -127 : -128, 127};
    QuantParams out{StorageType::i8(), std::exp2(logScale(rng)), zeroPoint(rng),
                    narrow(rng) ? -127 : -128, 127};
    llvm::Expected<Int8Table> table = buildInt8Table(in, out, scalar::sigmoid);
    ASSERT_TRUE(static_cast<bool>(table));
    for (unsigned i = 0; i < Int8Table::kNumEntries; ++i) {
      ASSERT_GE(table->entries[i], out.qmin);
      ASSERT_LE(table->entries[i], out.qmax);
      if (i > 0)
        ASSERT_LE(table->entries[i - 1], table->entries[i]) << "not monotone";
    }
    for (int64_t code = -128; code < in.qmin; ++code)
      ASSERT_EQ(table->lookup(code), table->lookup(in.qmin));
  }
}

TEST(LookupTableTest, ReportsNaNCodes) {
  QuantParams params = QuantParams::fullRange(StorageType::i8(), 0.5, 5);
  auto logOrNaN = [](float x) { return std::log(x); };
  llvm::Expected<Int8Table> table = buildInt8Table(params, params, logOrNaN);
  ASSERT_TRUE(static_cast<bool>(table));
  // Codes below the zero point dequantize to negative numbers.
  ASSERT_EQ(table->nanInputCodes.size(), 128u + 5u);
  EXPECT_EQ(table->nanInputCodes.front(), -128);
  EXPECT_EQ(table->nanInputCodes.back(), 4);
  EXPECT_EQ(table->lookup(0), 5);
  // log(0) = -inf saturates to qmin.
  EXPECT_EQ(table->lookup(5), -128);
}

TEST(LookupTableTest, CodeTableOfAPlainProgram) {
  // c -> cast(f32(c) * 0.5) rounds half to even: 2k+1 -> k or k+1, even.
  ScalarProgram program;
  auto x = program.addInput(ScalarType::I8);
  auto f = program.addOp(ScalarOpcode::Cast, ScalarType::F32, {x});
  auto half = program.addConstant(0.5, ScalarType::F32);
  auto product = program.addOp(ScalarOpcode::Mul, ScalarType::F32, {f, half});
  program.setResult(
      program.addOp(ScalarOpcode::Cast, ScalarType::I8, {product}));
  llvm::Expected<Int8Table> table = buildInt8CodeTable(program);
  ASSERT_TRUE(static_cast<bool>(table));
  EXPECT_EQ(table->lookup(-128), -64);
  EXPECT_EQ(table->lookup(1), 0);
  EXPECT_EQ(table->lookup(3), 2);
  EXPECT_EQ(table->lookup(5), 2);
  EXPECT_EQ(table->lookup(-3), -2);
  EXPECT_EQ(table->lookup(127), 64);
  EXPECT_TRUE(table->nanInputCodes.empty());
}

TEST(LookupTableTest, CodeTableNeedsI8Ends) {
  ScalarProgram program;
  auto x = program.addInput(ScalarType::F32);
  program.setResult(program.addOp(ScalarOpcode::Sigmoid, ScalarType::F32, {x}));
  llvm::Expected<Int8Table> table = buildInt8CodeTable(program);
  ASSERT_FALSE(static_cast<bool>(table));
  EXPECT_EQ(llvm::toString(table.takeError()),
            "the program does not map i8 codes to i8 codes");
}

TEST(LookupTableTest, RejectsInvalidParameters) {
  QuantParams good = QuantParams::fullRange(StorageType::i8(), 0.1, 0);
  QuantParams u8 = QuantParams::fullRange(StorageType{8, false}, 0.1, 0);
  QuantParams badScale = good;
  badScale.scale = -1.0;

  llvm::Expected<Int8Table> table = buildInt8Table(u8, good, scalar::sigmoid);
  ASSERT_FALSE(static_cast<bool>(table));
  EXPECT_EQ(llvm::toString(table.takeError()),
            "input parameters: storage is not signed 8-bit");

  table = buildInt8Table(good, badScale, scalar::sigmoid);
  ASSERT_FALSE(static_cast<bool>(table));
  EXPECT_NE(llvm::toString(table.takeError()).find("output parameters: scale"),
            std::string::npos);
}

} // namespace
