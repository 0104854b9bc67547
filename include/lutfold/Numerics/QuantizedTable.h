//===- QuantizedTable.h - The table between two quantized types -*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Which TOSA TABLE form maps one quantized type to another, and the table of
// that form: one rule for the pass and the tools alike.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_QUANTIZEDTABLE_H
#define LUTFOLD_NUMERICS_QUANTIZEDTABLE_H

#include "lutfold/Numerics/Int16Table.h"
#include "lutfold/Numerics/LookupTable.h"

#include "llvm/Support/Error.h"

#include <variant>

namespace lutfold {

/// Storage widths a table reads and produces.
inline constexpr unsigned kTableStorageWidths[] = {8, 16};

/// The TOSA form of a table.
enum class TableForm {
  /// i8 -> i8: TABLE with 256 i8 entries.
  Int8,
  /// i16 -> i16 or i8: the interpolating TABLE with 513 i16 entries,
  /// followed by RESCALE.
  Int16,
};

/// An int8 table or an int16 TABLE + RESCALE.
using QuantizedTable = std::variant<Int8Table, Int16Table>;

/// The form of the table from storage of `inBits` bits to storage of
/// `outBits` bits, both in kTableStorageWidths. An i8 TABLE returns i8, so
/// an 8-bit input needs an 8-bit output; the error says so, naming the
/// output as `outputName` ("the output", "the result of quant.qcast").
llvm::Expected<TableForm> selectTableForm(unsigned inBits, unsigned outBits,
                                          llvm::StringRef outputName);

/// The table of `fn` from `in` to `out` under `preset`, in the form
/// selectTableForm chooses: buildInt8Table or buildInt16Table.
llvm::Expected<QuantizedTable>
buildQuantizedTable(const QuantParams &in, const QuantParams &out,
                    ScalarFunction fn, NumericsPreset preset,
                    llvm::StringRef outputName = "the output");

/// The table of a program on the codes directly (an island written in plain
/// TOSA), in the form its input and result types choose: buildInt8CodeTable
/// for i8 -> i8, or the int16 fit of buildInt16CodeReference for i16 -> i16
/// or i8.
llvm::Expected<QuantizedTable> buildCodeTable(const ScalarProgram &program);

/// Input codes (ascending) whose function value is NaN.
llvm::ArrayRef<int64_t> getNaNInputCodes(const QuantizedTable &table);

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_QUANTIZEDTABLE_H
