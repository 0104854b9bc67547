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
  llvm::Expected<QuantizedTable> table = buildCodeTable(program);
  if (!table)
    return table.takeError();
  TableData data;
  data.description = std::move(description);
  data.plain = true;
  data.table = std::move(*table);
  // Codes in, codes out: a scale of 1 and zero points of 0.
  StorageType in = data.getInt8() ? StorageType::i8() : StorageType::i16();
  StorageType out =
      data.getInt8() ? StorageType::i8() : data.getInt16()->rescale.output;
  data.in = QuantParams::fullRange(in, 1.0, 0);
  data.out = QuantParams::fullRange(out, 1.0, 0);
  data.function = [program](double code) {
    return program.evaluate(std::round(code));
  };
  for (int64_t code = in.minValue(); code <= in.maxValue(); ++code) {
    ScalarEvaluation reference =
        program.evaluateDetailed(static_cast<double>(code));
    int64_t expected = static_cast<int64_t>(reference.value);
    int64_t output = data.getInt8() ? data.getInt8()->lookup(code)
                                    : data.getInt16()->evaluate(code);
    // The program's own codes are the reference; where it meets a NaN the
    // row says so, as a function row does.
    double value = reference.sawNaN ? kNaN : double(expected);
    data.rows.push_back({code, double(code), value, expected, output,
                         double(output),
                         reference.sawNaN ? kNaN : double(output - expected)});
  }
  return data;
}
