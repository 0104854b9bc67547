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

llvm::Expected<QuantizedTable>
lutfold::buildCodeTable(const ScalarProgram &program) {
  // The widths of the codes in and out, 0 if they are not i8 or i16.
  auto width = [](ScalarType type) -> unsigned {
    return type == ScalarType::I8 || type == ScalarType::I16
               ? getIntegerWidth(type)
               : 0;
  };
  unsigned inBits = program.getInstructions().empty()
                        ? 0
                        : width(program.getInstructions().front().type);
  unsigned outBits = width(program.getResultType());
  if (!inBits || !outBits)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "the program does not map i8 or i16 codes to i8 or i16 codes");
  llvm::Expected<TableForm> form =
      selectTableForm(inBits, outBits, "the island's result");
  if (!form)
    return form.takeError();
  if (*form == TableForm::Int8) {
    llvm::Expected<Int8Table> table = buildInt8CodeTable(program);
    if (!table)
      return table.takeError();
    return QuantizedTable(std::move(*table));
  }
  llvm::Expected<Int16Reference> reference = buildInt16CodeReference(program);
  if (!reference)
    return reference.takeError();
  llvm::Expected<Int16Table> table = fitInt16Table(*reference);
  if (!table)
    return table.takeError();
  return QuantizedTable(std::move(*table));
}

llvm::ArrayRef<int64_t> lutfold::getNaNInputCodes(const QuantizedTable &table) {
  return std::visit(
      [](const auto &t) -> llvm::ArrayRef<int64_t> { return t.nanInputCodes; },
      table);
}
