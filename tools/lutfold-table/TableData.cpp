//===- TableData.cpp - What lutfold-table prints --------------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "TableData.h"

#include "llvm/Support/Format.h"

#include <cmath>
#include <limits>

using namespace lutfold;

std::string lutfold::getStorageName(const QuantParams &params) {
  return "i" + std::to_string(params.storage.bitWidth);
}

std::string lutfold::describeParams(const QuantParams &params) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << getStorageName(params) << " scale "
     << llvm::format("%.6g", params.scale) << " zero point " << params.zeroPoint
     << " [" << params.qmin << ", " << params.qmax << "]";
  return text;
}

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

  llvm::Expected<QuantizedTable> table =
      buildQuantizedTable(in, out, fn, preset);
  if (!table)
    return table.takeError();
  data.table = std::move(*table);

  Quantizer dequantizer(in, preset);
  Quantizer quantizer(out, preset);
  int64_t first = in.storage.minValue(), last = in.storage.maxValue();
  data.rows.reserve(last - first + 1);
  for (int64_t code = first; code <= last; ++code) {
    float x = dequantizer.dequantize(code);
    float y = fn(x);
    const Int8Table *int8 = data.getInt8();
    int64_t output =
        int8 ? int8->lookup(code) : data.getInt16()->evaluate(code);
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
  data.table = *table;
  data.function = [program](double code) {
    return program.evaluate(std::round(code));
  };
  for (int64_t code = -128; code <= 127; ++code) {
    int64_t output = table->lookup(code);
    data.rows.push_back({code, double(code), double(output), output, output,
                         double(output), 0.0});
  }
  return data;
}
