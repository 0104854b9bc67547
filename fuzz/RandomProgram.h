//===- RandomProgram.h - Random island programs for the fuzzers -*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_FUZZ_RANDOMPROGRAM_H
#define LUTFOLD_FUZZ_RANDOMPROGRAM_H

#include "lutfold/Numerics/ScalarFunctions.h"
#include "lutfold/Numerics/ScalarProgram.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <functional>
#include <iterator>
#include <vector>

namespace lutfold {

/// A random straight-line program of up to eight operations on the input.
inline ScalarProgram consumeProgram(FuzzedDataProvider &fdp) {
  // Every unary operator with an f32 function.
  static const ScalarOpcode unary[] = {
#define LUTFOLD_SCALAR_UNARY_OP(OPCODE, NAME, TOSA_OP, TYPING, F32_FUNCTION)   \
  ScalarOpcode::OPCODE,
#include "lutfold/Numerics/ScalarOps.def"
  };
  static const ScalarOpcode binary[] = {ScalarOpcode::Add, ScalarOpcode::Sub,
                                        ScalarOpcode::Mul, ScalarOpcode::Pow};
  ScalarProgram program;
  std::vector<ScalarProgram::ValueId> values = {
      program.addInput(ScalarType::F32)};
  unsigned count = fdp.ConsumeIntegralInRange<unsigned>(1, 8);
  for (unsigned i = 0; i < count; ++i) {
    auto pick = [&] {
      return values[fdp.ConsumeIntegralInRange<size_t>(0, values.size() - 1)];
    };
    ScalarType type = fdp.ConsumeIntegralInRange<int>(0, 9) == 0
                          ? ScalarType::F16
                          : ScalarType::F32;
    switch (fdp.ConsumeIntegralInRange<int>(0, 4)) {
    case 0:
      values.push_back(program.addConstant(
          fdp.ConsumeFloatingPointInRange<float>(-8.0f, 8.0f), type));
      break;
    case 1:
      values.push_back(program.addClamp(
          pick(), -fdp.ConsumeFloatingPointInRange<float>(0.0f, 8.0f),
          fdp.ConsumeFloatingPointInRange<float>(0.0f, 8.0f),
          fdp.ConsumeBool() ? scalar::NanMode::Ignore
                            : scalar::NanMode::Propagate,
          type));
      break;
    case 2:
      values.push_back(program.addMinMax(
          fdp.ConsumeBool() ? ScalarOpcode::Maximum : ScalarOpcode::Minimum,
          pick(), pick(),
          fdp.ConsumeBool() ? scalar::NanMode::Ignore
                            : scalar::NanMode::Propagate,
          type));
      break;
    case 3:
      values.push_back(
          program.addOp(binary[fdp.ConsumeIntegralInRange<size_t>(0, 3)], type,
                        {pick(), pick()}));
      break;
    default:
      values.push_back(program.addOp(
          unary[fdp.ConsumeIntegralInRange<size_t>(0, std::size(unary) - 1)],
          type, {pick()}));
    }
  }
  // Make the result f32, as a quantize reads it.
  ScalarProgram::ValueId last = values.back();
  if (program.getInstructions()[last].type != ScalarType::F32)
    last = program.addOp(ScalarOpcode::Cast, ScalarType::F32, {last});
  program.setResult(last);
  return program;
}

/// One of `library`, or (the last choice) a random program, which `program`
/// keeps alive for the returned function.
inline std::function<float(float)>
consumeFunction(FuzzedDataProvider &fdp,
                llvm::ArrayRef<scalar::UnaryFunction> library,
                ScalarProgram &program) {
  size_t choice = fdp.ConsumeIntegralInRange<size_t>(0, library.size());
  if (choice < library.size())
    return library[choice];
  program = consumeProgram(fdp);
  return [&program](float x) { return program(x); };
}

} // namespace lutfold

#endif // LUTFOLD_FUZZ_RANDOMPROGRAM_H
