//===- TableWriters.cpp - CSV and JSON output of lutfold-table ------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "TableData.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace lutfold;

static void writeNumber(llvm::raw_ostream &os, double value) {
  if (std::isnan(value))
    os << "nan";
  else
    os << llvm::format("%.9g", value);
}

void lutfold::writeCsv(const TableData &data, llvm::raw_ostream &os) {
  os << "input_code,input_value,function_value,reference_code,output_code,"
        "output_value,error_codes\n";
  for (const CodeRow &row : data.rows) {
    os << row.inputCode << ",";
    writeNumber(os, row.inputValue);
    os << ",";
    writeNumber(os, row.functionValue);
    os << "," << row.referenceCode << "," << row.outputCode << ",";
    writeNumber(os, row.outputValue);
    os << ",";
    writeNumber(os, row.errorCodes);
    os << "\n";
  }
}

/// A number; JSON has none for NaN and the infinities, so those are the
/// strings "nan", "inf" and "-inf".
static llvm::json::Value jsonNumber(double value) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value > 0 ? "inf" : "-inf";
  return value;
}

static llvm::json::Object jsonParams(const QuantParams &params) {
  return llvm::json::Object{{"storage", getStorageName(params)},
                            {"scale", params.scale},
                            {"zero_point", params.zeroPoint},
                            {"qmin", params.qmin},
                            {"qmax", params.qmax}};
}

void lutfold::writeJson(const TableData &data, llvm::raw_ostream &os) {
  llvm::json::Object root;
  root["description"] = data.description;
  if (data.plain) {
    root["kind"] = data.getInt8() ? "plain-int8" : "plain-int16";
    if (!data.getInt8())
      root["output"] = jsonParams(data.out);
  } else {
    root["kind"] = data.getInt8() ? "int8" : "int16";
    root["numerics"] = stringifyNumericsPreset(data.preset);
    root["input"] = jsonParams(data.in);
    root["output"] = jsonParams(data.out);
  }
  if (const Int8Table *int8 = data.getInt8()) {
    llvm::json::Array entries;
    for (int8_t entry : int8->entries)
      entries.push_back(int64_t(entry));
    root["table"] = std::move(entries);
  } else {
    llvm::json::Array entries;
    const Int16Table &int16 = *data.getInt16();
    for (int16_t entry : int16.entries)
      entries.push_back(int64_t(entry));
    const TosaRescale &rescale = int16.rescale;
    root["table"] = llvm::json::Object{
        {"entries", std::move(entries)},
        {"rescale", llvm::json::Object{
                        {"multiplier", int64_t(rescale.multiplier)},
                        {"shift", int64_t(rescale.shift)},
                        {"output_zero_point", int64_t(rescale.outputZeroPoint)},
                    }}};
  }

  // The table's error, as the pass reports it: output code against the
  // reference code, over the codes of the input type whose float result is
  // not NaN (docs/Int16.md); and, apart, the distance to the f32 function.
  int64_t maxError = 0, sumError = 0, mismatches = 0, measured = 0,
          nanCodes = 0;
  double maxDistance = 0, sumDistance = 0;
  llvm::json::Array rows;
  for (const CodeRow &row : data.rows) {
    rows.push_back(llvm::json::Array{
        row.inputCode, jsonNumber(row.inputValue),
        jsonNumber(row.functionValue), row.referenceCode, row.outputCode,
        jsonNumber(row.outputValue), jsonNumber(row.errorCodes)});
    if (!data.isInputCode(row))
      continue;
    if (std::isnan(row.functionValue)) {
      ++nanCodes;
      continue;
    }
    int64_t error = std::abs(row.outputCode - row.referenceCode);
    maxError = std::max(maxError, error);
    sumError += error;
    mismatches += error != 0;
    ++measured;
    if (std::isfinite(row.errorCodes)) {
      maxDistance = std::max(maxDistance, std::abs(row.errorCodes));
      sumDistance += std::abs(row.errorCodes);
    }
  }
  root["error_codes"] =
      llvm::json::Object{{"max", maxError},
                         {"mean", measured ? double(sumError) / measured : 0.0},
                         {"codes_differing", mismatches},
                         {"codes_measured", measured},
                         {"nan_codes", nanCodes}};
  root["distance_to_function_codes"] = llvm::json::Object{
      {"max", maxDistance}, {"mean", measured ? sumDistance / measured : 0.0}};
  root["columns"] = llvm::json::Array{
      "input_code",  "input_value",  "function_value", "reference_code",
      "output_code", "output_value", "error_codes"};
  root["rows"] = std::move(rows);
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << "\n";
}
