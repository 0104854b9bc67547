//===- QuantizedTable.cpp - The table between two quantized types ---------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/QuantizedTable.h"

using namespace lutfold;

llvm::Expected<TableForm> lutfold::selectTableForm(unsigned inBits,
                                                   unsigned outBits,
                                                   llvm::StringRef outputName) {
  if (inBits == 16)
    return TableForm::Int16;
  if (outBits == 8)
    return TableForm::Int8;
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "an 8-bit input needs an 8-bit output, but " +
                                     outputName + " has " +
                                     llvm::Twine(outBits) + "-bit storage");
}

llvm::Expected<QuantizedTable>
lutfold::buildQuantizedTable(const QuantParams &in, const QuantParams &out,
                             ScalarFunction fn, NumericsPreset preset,
                             llvm::StringRef outputName) {
  llvm::Expected<TableForm> form =
      selectTableForm(in.storage.bitWidth, out.storage.bitWidth, outputName);
  if (!form)
    return form.takeError();
  auto wrap = [](auto table) -> llvm::Expected<QuantizedTable> {
    if (!table)
      return table.takeError();
    return QuantizedTable(std::move(*table));
  };
  if (*form == TableForm::Int8)
    return wrap(buildInt8Table(in, out, fn, preset));
  return wrap(buildInt16Table(in, out, fn, preset));
}

llvm::ArrayRef<int64_t> lutfold::getNaNInputCodes(const QuantizedTable &table) {
  return std::visit(
      [](const auto &t) -> llvm::ArrayRef<int64_t> { return t.nanInputCodes; },
      table);
}
