//===- TableBuilderBenchmark.cpp - Cost of building tables ----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Each table builder against a plain loop that calls the same function the
// same number of times (256 for int8, 65,536 for int16) on the same inputs:
// what the table costs beyond evaluating the function. Functions: sigmoid,
// tanh, exp as library calls, and SiLU as the interpreted TOSA island
// x * sigmoid(x), the form the pass evaluates.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/Int16Table.h"
#include "lutfold/Numerics/LookupTable.h"
#include "lutfold/Numerics/ScalarFunctions.h"
#include "lutfold/Numerics/ScalarProgram.h"

#include <benchmark/benchmark.h>

#include <functional>

using namespace lutfold;

namespace {

const QuantParams kIn8 = QuantParams::fullRange(StorageType::i8(), 0.05, -3);
const QuantParams kOut8 =
    QuantParams::fullRange(StorageType::i8(), 1.0 / 256, -128);
const QuantParams kIn16{StorageType::i16(), 8.0 / 32767, 0, -32767, 32767};
const QuantParams kOut16{StorageType::i16(), 8.0 / 32767, 0, -32767, 32767};

ScalarProgram siluProgram() {
  ScalarProgram program;
  ScalarProgram::ValueId x = program.addInput(ScalarType::F32);
  ScalarProgram::ValueId s =
      program.addOp(ScalarOpcode::Sigmoid, ScalarType::F32, {x});
  program.setResult(program.addOp(ScalarOpcode::Mul, ScalarType::F32, {x, s}));
  return program;
}

std::function<float(float)> functionFor(int index) {
  switch (index) {
  case 0:
    return scalar::sigmoid;
  case 1:
    return scalar::tanh;
  case 2:
    return scalar::exp;
  default: {
    ScalarProgram program = siluProgram();
    return [program](float x) { return program(x); };
  }
  }
}

const char *nameFor(int index) {
  static const char *names[] = {"sigmoid", "tanh", "exp", "silu_program"};
  return names[index];
}

void int8Table(benchmark::State &state) {
  std::function<float(float)> fn = functionFor(state.range(0));
  state.SetLabel(nameFor(state.range(0)));
  for (auto _ : state) {
    llvm::Expected<Int8Table> table = buildInt8Table(kIn8, kOut8, fn);
    benchmark::DoNotOptimize(table->entries.data());
  }
}

/// 256 calls on the dequantized codes, summed so that none is dropped.
void int8PlainLoop(benchmark::State &state) {
  std::function<float(float)> fn = functionFor(state.range(0));
  state.SetLabel(nameFor(state.range(0)));
  for (auto _ : state) {
    float sum = 0;
    for (int code = -128; code <= 127; ++code)
      sum += fn((float(code) + 3.0f) * 0.05f);
    benchmark::DoNotOptimize(sum);
  }
}

void int16Table(benchmark::State &state) {
  std::function<float(float)> fn = functionFor(state.range(0));
  state.SetLabel(nameFor(state.range(0)));
  for (auto _ : state) {
    llvm::Expected<Int16Table> table = buildInt16Table(kIn16, kOut16, fn);
    benchmark::DoNotOptimize(table->entries.data());
  }
}

/// The reference output codes alone: the part of int16Table that is not
/// the fit.
void int16Reference(benchmark::State &state) {
  std::function<float(float)> fn = functionFor(state.range(0));
  state.SetLabel(nameFor(state.range(0)));
  for (auto _ : state) {
    llvm::Expected<Int16Reference> reference =
        buildInt16Reference(kIn16, kOut16, fn);
    benchmark::DoNotOptimize(reference->codes.data());
  }
}

void int16PlainLoop(benchmark::State &state) {
  std::function<float(float)> fn = functionFor(state.range(0));
  state.SetLabel(nameFor(state.range(0)));
  float scale = static_cast<float>(kIn16.scale);
  for (auto _ : state) {
    float sum = 0;
    for (int code = -32768; code <= 32767; ++code)
      sum += fn(float(code) * scale);
    benchmark::DoNotOptimize(sum);
  }
}

} // namespace

BENCHMARK(int8Table)->DenseRange(0, 3);
BENCHMARK(int8PlainLoop)->DenseRange(0, 3);
BENCHMARK(int16Table)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(int16Reference)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(int16PlainLoop)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
