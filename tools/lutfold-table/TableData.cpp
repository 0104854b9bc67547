//===- TableData.cpp - What lutfold-table prints --------------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "TableData.h"

#include <cmath>
#include <limits>

using namespace lutfold;

static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

llvm::Expected<TableData>
lutfold::buildTableData(std::string description, const QuantParams &in,
                        const QuantParams &out, std::function<float(float)> fn,
                        NumericsPreset preset) {
  TableData data;
  data.description = std::move(description);
  data.preset = preset;
  data.in = in;
  data.out = out;
  data.function = [fn](double x) {
    return static_cast<double>(fn(static_cast<float>(x)));
  };

  if (in.storage.bitWidth == 8) {
    llvm::Expected<Int8Table> table = buildInt8Table(in, out, fn, preset);
    if (!table)
      return table.takeError();
    data.int8Table = std::move(*table);
  } else {
    llvm::Expected<Int16Table> table = buildInt16Table(in, out, fn, preset);
    if (!table)
      return table.takeError();
    data.int16Table = std::move(*table);
  }

  Quantizer dequantizer(in, preset);
  Quantizer quantizer(out, preset);
  int64_t first = in.storage.minValue(), last = in.storage.maxValue();
  data.rows.reserve(last - first + 1);
  for (int64_t code = first; code <= last; ++code) {
    float x = dequantizer.dequantize(code);
    float y = fn(x);
    int64_t output = data.int8Table ? data.int8Table->lookup(code)
                                    : data.int16Table->evaluate(code);
    double outputValue =
        (static_cast<double>(output) - static_cast<double>(out.zeroPoint)) *
        out.scale;
    double error = std::isnan(y) ? kNaN : (outputValue - y) / out.scale;
    data.rows.push_back(
        {code, x, y, quantizer.quantize(y), output, outputValue, error});
  }
  return data;
}

llvm::Expected<TableData>
lutfold::buildPlainTableData(std::string description,
                             const ScalarProgram &program) {
  llvm::Expected<Int8Table> table = buildInt8CodeTable(program);
  if (!table)
    return table.takeError();
  TableData data;
  data.description = std::move(description);
  data.plain = true;
  data.in = data.out = QuantParams::fullRange(StorageType::i8(), 1.0, 0);
  data.int8Table = std::move(*table);
  data.function = [program](double code) {
    return program.evaluate(std::round(code));
  };
  for (int64_t code = -128; code <= 127; ++code) {
    int64_t output = data.int8Table->lookup(code);
    data.rows.push_back({code, double(code), double(output), output, output,
                         double(output), 0.0});
  }
  return data;
}
