//===- LookupTable.cpp - Lookup tables for quantized functions ------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/LookupTable.h"

#include <cmath>

using namespace lutfold;

llvm::Expected<Int8Table> lutfold::buildInt8Table(const QuantParams &in,
                                                  const QuantParams &out,
                                                  ScalarFunction fn,
                                                  NumericsPreset preset) {
  if (llvm::Error error = validateTableParams(in, {8}, out, {8}))
    return std::move(error);

  // Three passes over the 256 codes: the function's calls then run back to
  // back, as in a plain loop, instead of waiting on the quantization.
  Quantizer dequantizer(in, preset);
  Quantizer quantizer(out, preset);
  std::array<float, Int8Table::kNumEntries> values;
  dequantizer.dequantize(Int8Table::kFirstCode, values);
  for (float &value : values)
    value = fn(value);
  std::array<int64_t, Int8Table::kNumEntries> codes;
  quantizer.quantize(values, codes);
  Int8Table table;
  for (unsigned i = 0; i < Int8Table::kNumEntries; ++i) {
    if (std::isnan(values[i]))
      table.nanInputCodes.push_back(Int8Table::kFirstCode +
                                    static_cast<int64_t>(i));
    table.entries[i] = static_cast<int8_t>(codes[i]);
  }
  return table;
}

llvm::Expected<Int8Table>
lutfold::buildInt8CodeTable(const ScalarProgram &program) {
  if (program.getInstructions().empty() ||
      program.getInstructions().front().type != ScalarType::I8 ||
      program.getResultType() != ScalarType::I8)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "the program does not map i8 codes to i8 codes");
  Int8Table table;
  std::array<double, Int8Table::kNumEntries> values;
  program.evaluateCodes(Int8Table::kFirstCode, values, table.nanInputCodes);
  for (unsigned i = 0; i < Int8Table::kNumEntries; ++i)
    table.entries[i] = static_cast<int8_t>(values[i]);
  return table;
}
