//===- Int16Table.cpp - Interpolated int16 tables -------------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The reference an int16 table is fitted to, and the one measure of a
// table's error; the fit itself is in Int16Fit.cpp.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/Int16Table.h"

#include <algorithm>
#include <array>
#include <cmath>

using namespace lutfold;

Int16Reference Int16Reference::between(const QuantParams &in,
                                       const QuantParams &out) {
  return Int16Reference{
      /*codes=*/{},        /*unrounded=*/{}, in.qmin,  in.qmax,
      out.storage,         out.qmin,         out.qmax, out.zeroPoint,
      /*nanInputCodes=*/{}};
}

llvm::Expected<Int16Reference>
lutfold::buildInt16Reference(const QuantParams &in, const QuantParams &out,
                             ScalarFunction fn, NumericsPreset preset) {
  if (llvm::Error error = validateTableParams(in, {16}, out, {8, 16}))
    return std::move(error);

  Quantizer dequantizer(in, preset);
  Quantizer quantizer(out, preset);
  Int16Reference reference = Int16Reference::between(in, out);
  reference.codes.resize(Int16Table::kNumCodes);
  reference.unrounded.resize(Int16Table::kNumCodes);
  reference.outputZeroPoint = quantizer.nanCode();
  // In passes over blocks of codes, as for int8 tables: the function's calls
  // run back to back, and the quantization is one branch-light loop; the
  // blocks keep the intermediate values in cache.
  constexpr unsigned kBlock = 1024;
  std::array<float, kBlock> values;
  std::array<int64_t, kBlock> codes;
  const double lo = static_cast<double>(out.qmin);
  const double hi = static_cast<double>(out.qmax);
  const double zeroPoint = static_cast<double>(out.zeroPoint);
  for (unsigned first = 0; first < Int16Table::kNumCodes; first += kBlock) {
    int64_t firstCode = Int16Table::kFirstCode + static_cast<int64_t>(first);
    dequantizer.dequantize(firstCode, values);
    for (float &value : values)
      value = fn(value);
    quantizer.quantize(values, codes);
    for (unsigned i = 0; i < kBlock; ++i) {
      reference.codes[first + i] = static_cast<int32_t>(codes[i]);
      double unrounded = static_cast<double>(values[i]) / out.scale + zeroPoint;
      reference.unrounded[first + i] = std::isfinite(unrounded)
                                           ? std::clamp(unrounded, lo, hi)
                                           : static_cast<double>(codes[i]);
    }
    for (unsigned i = 0; i < kBlock; ++i)
      if (std::isnan(values[i]))
        reference.nanInputCodes.push_back(firstCode + static_cast<int64_t>(i));
  }
  return reference;
}

llvm::Expected<Int16Reference>
lutfold::buildInt16CodeReference(const ScalarProgram &program) {
  std::optional<StorageType> output;
  if (!program.getInstructions().empty() &&
      program.getInstructions().front().type == ScalarType::I16) {
    if (program.getResultType() == ScalarType::I16)
      output = StorageType::i16();
    else if (program.getResultType() == ScalarType::I8)
      output = StorageType::i8();
  }
  if (!output)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "the program does not map i16 codes to i16 or i8 codes");
  Int16Reference reference;
  reference.codes.resize(Int16Table::kNumCodes);
  reference.unrounded.resize(Int16Table::kNumCodes);
  reference.outputStorage = *output;
  // Nothing says what code a zero is: RESCALE adds none to 8-bit outputs.
  reference.outputZeroPoint = 0;
  program.evaluateCodes(Int16Table::kFirstCode, reference.unrounded,
                        reference.nanInputCodes);
  for (unsigned i = 0; i < Int16Table::kNumCodes; ++i)
    reference.codes[i] = static_cast<int32_t>(reference.unrounded[i]);
  // The outputs stay within those of the program: a range it clamps to (a
  // narrow one, say) is kept without being named.
  auto [lowest, highest] =
      std::minmax_element(reference.codes.begin(), reference.codes.end());
  reference.outputMin = *lowest;
  reference.outputMax = *highest;
  return reference;
}

Int16TableError lutfold::measureInt16TableError(const Int16Table &table,
                                                const Int16Reference &ref) {
  Int16TableError error;
  uint64_t sum = 0;
  // Over the runs of codes between NaN codes, without a test per code.
  auto measureRun = [&](int64_t first, int64_t last) {
    for (int64_t code = first; code <= last; ++code) {
      int64_t expected = ref.codes[code - Int16Table::kFirstCode];
      uint64_t difference =
          static_cast<uint64_t>(std::abs(table.evaluate(code) - expected));
      error.maxError =
          std::max(error.maxError, static_cast<int64_t>(difference));
      sum += difference;
      error.numWrong += difference != 0;
    }
    error.numCodes +=
        static_cast<uint64_t>(std::max<int64_t>(0, last - first + 1));
  };
  int64_t runStart = ref.inputMin;
  for (int64_t nanCode : ref.nanInputCodes) {
    if (nanCode < ref.inputMin || nanCode > ref.inputMax)
      continue;
    measureRun(runStart, nanCode - 1);
    ++error.numNaNCodes;
    runStart = nanCode + 1;
  }
  measureRun(runStart, ref.inputMax);
  error.meanError =
      error.numCodes ? static_cast<double>(sum) / error.numCodes : 0.0;
  return error;
}

llvm::Expected<Int16Table> lutfold::buildInt16Table(const QuantParams &in,
                                                    const QuantParams &out,
                                                    ScalarFunction fn,
                                                    NumericsPreset preset) {
  llvm::Expected<Int16Reference> reference =
      buildInt16Reference(in, out, fn, preset);
  if (!reference)
    return reference.takeError();
  return fitInt16Table(*reference);
}
