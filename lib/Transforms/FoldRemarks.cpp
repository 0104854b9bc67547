//===- FoldRemarks.cpp - What the fold tells the user ---------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "FoldRemarks.h"

#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/IR/Diagnostics.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace lutfold;

std::string lutfold::formatCodeRanges(ArrayRef<int64_t> codes) {
  std::string text;
  llvm::raw_string_ostream os(text);
  for (size_t i = 0; i < codes.size();) {
    size_t j = i;
    while (j + 1 < codes.size() && codes[j + 1] == codes[j] + 1)
      ++j;
    if (i != 0)
      os << ", ";
    os << codes[i];
    if (j != i)
      os << ".." << codes[j];
    i = j + 1;
  }
  return text;
}

void lutfold::emitDeclinedRemark(Operation *sink, StringRef reason) {
  sink->emitRemark() << "not folded into a table: " << reason;
}

void lutfold::emitNaNRemarks(
    const Island &island, const CachedTable &table,
    const std::optional<IslandQuantization> &quantization,
    NumericsPreset preset) {
  ArrayRef<int64_t> nanCodes = getNaNInputCodes(table.table);
  if (nanCodes.empty())
    return;
  // The program's input for a code, and what the table does with NaN.
  std::function<double(int64_t)> programInput;
  std::string policy;
  if (!quantization) {
    programInput = [](int64_t code) { return static_cast<double>(code); };
    policy = "a NaN cast to an integer reads as 0";
  } else {
    Quantizer dequantizer(quantization->in, preset);
    programInput = [dequantizer](int64_t code) {
      return static_cast<double>(dequantizer.dequantize(code));
    };
    int64_t nanCode = Quantizer(quantization->out, preset).nanCode();
    policy = (table.getInt8() ? "the table maps them to output code "
                              : "the table aims them at output code ") +
             std::to_string(nanCode) + " (the output zero point)";
  }

  // Attribute each NaN code to the operation that first produced a NaN.
  llvm::MapVector<Operation *, SmallVector<int64_t>> codesByOp;
  for (int64_t code : nanCodes) {
    std::optional<uint32_t> origin =
        island.program.evaluateDetailed(programInput(code)).nanOrigin;
    Operation *op = origin ? island.instructionOps[*origin] : nullptr;
    codesByOp[op ? op : island.sink].push_back(code);
  }
  for (auto &[op, codes] : codesByOp)
    op->emitRemark() << "'" << op->getName() << "' gives NaN for input codes "
                     << formatCodeRanges(codes) << "; " << policy;
}

void lutfold::emitFoldedRemark(const Island &island, const CachedTable &table,
                               Type outputType, bool isNewTable) {
  std::string ops;
  for (Operation *op : island.ops)
    if (op != island.sink)
      ops += (ops.empty() ? "" : ", ") + op->getName().getStringRef().str();
  InFlightDiagnostic remark = island.sink->emitRemark();
  remark << "folded into a table: " << ops << "; ";
  if (island.encoding == IslandEncoding::PlainTosa)
    remark << "from i8 codes to i8 codes";
  else
    remark << "from " << quoted(island.source.getType()) << " to "
           << quoted(outputType);
  if (const Int16Table *int16 = table.getInt16(); int16 && int16->fitError) {
    std::string mean;
    llvm::raw_string_ostream(mean)
        << llvm::format("%.4f", int16->fitError->meanError);
    remark << "; TABLE + RESCALE, error at most " << int16->fitError->maxError
           << " output codes, mean " << mean;
    if (uint64_t nanCodes = int16->fitError->numNaNCodes)
      remark << " (" << nanCodes << " NaN codes not counted)";
  }
  remark << "; "
         << (isNewTable ? "new table"
                        : "shares the table of an earlier island");
}
