//===- TableData.h - What lutfold-table prints ------------------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A table and, per input code, what it means: the real input, the float
// function's value, the reference code, the table's code and its real value,
// and the quantization error. The writers (CSV, JSON, SVG) only format it.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_TOOLS_LUTFOLD_TABLE_TABLEDATA_H
#define LUTFOLD_TOOLS_LUTFOLD_TABLE_TABLEDATA_H

#include "lutfold/Numerics/QuantizedTable.h"

#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lutfold {

struct CodeRow {
  int64_t inputCode;
  /// The dequantized input (the code itself for a plain-TOSA island).
  double inputValue;
  /// The function in f32 at inputValue (NaN where it is NaN).
  double functionValue;
  /// The preset's reference output code.
  int64_t referenceCode;
  /// The code the table (int16: TABLE + RESCALE) gives.
  int64_t outputCode;
  /// The output code dequantized.
  double outputValue;
  /// (outputValue - functionValue) in output codes; NaN where the function
  /// is NaN.
  double errorCodes;
};

struct TableData {
  /// What the table computes: an operation name or an island's operations.
  std::string description;
  NumericsPreset preset = kDefaultNumericsPreset;
  /// Whether the table maps codes to codes with no quantization parameters
  /// (a plain-TOSA island): i8 to i8, or i16 to i16 or i8.
  bool plain = false;
  QuantParams in;
  QuantParams out;
  QuantizedTable table;
  /// One row per input code of the storage type, ascending.
  std::vector<CodeRow> rows;
  /// The function sampled more finely than the codes, for plots.
  std::function<double(double)> function;

  const Int8Table *getInt8() const { return std::get_if<Int8Table>(&table); }
  const Int16Table *getInt16() const { return std::get_if<Int16Table>(&table); }
  /// Whether `row` is a code the input type can hold.
  bool isInputCode(const CodeRow &row) const {
    return row.inputCode >= in.qmin && row.inputCode <= in.qmax;
  }
};

/// "i8", "i16": the storage type of `params`.
std::string getStorageName(const QuantParams &params);
/// "i8 scale 0.05 zero point -3 [-128, 127]".
std::string describeParams(const QuantParams &params);

/// The table of `fn` from `in` to `out` (int8 -> int8, or int16 -> int16 or
/// int8) under `preset`; fails as buildQuantizedTable does.
llvm::Expected<TableData> buildTableData(std::string description,
                                         const QuantParams &in,
                                         const QuantParams &out,
                                         std::function<float(float)> fn,
                                         NumericsPreset preset);

/// The table of a plain-TOSA island's program, from its input codes (i8 or
/// i16) to its result's; the program's codes are the reference.
llvm::Expected<TableData> buildPlainTableData(std::string description,
                                              const ScalarProgram &program);

/// One row per input code (TableWriters.cpp).
void writeCsv(const TableData &data, llvm::raw_ostream &os);
/// The parameters, the table and every code (TableWriters.cpp).
void writeJson(const TableData &data, llvm::raw_ostream &os);
/// A plot of the function, the dequantized table as a staircase, and the
/// error per code in output codes (SvgPlot.cpp).
void writeSvg(const TableData &data, llvm::raw_ostream &os);

} // namespace lutfold

#endif // LUTFOLD_TOOLS_LUTFOLD_TABLE_TABLEDATA_H
