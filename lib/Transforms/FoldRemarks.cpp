//===- FoldRemarks.cpp - What the fold tells the user ---------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "FoldRemarks.h"
#include "IslandOps.h"

#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Remarks.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

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

/// The name of the function `op` is in, or that it is.
static StringRef getFunctionName(Operation *op) {
  if (auto parent = op->getParentOfType<FunctionOpInterface>())
    return parent.getName();
  if (auto self = dyn_cast<FunctionOpInterface>(op))
    return self.getName();
  return {};
}

StringRef FunctionNames::get(Operation *op) {
  Block *block = op->getBlock();
  if (!block)
    return getFunctionName(op);
  if (block != lastBlock) {
    lastBlock = block;
    lastName = getFunctionName(op);
  }
  return lastName;
}

/// The options of an engine remark of the fold: its name, the pass as
/// category, the kind as subcategory, and the function it is in.
static remark::RemarkOpts getRemarkOpts(StringRef name, StringRef kind,
                                        StringRef function) {
  return remark::RemarkOpts::name(name)
      .category("tosa-fold-to-table")
      .subCategory(kind)
      .function(function);
}

using RemarkArg = remark::detail::Remark::Arg;

void lutfold::reportDeclined(Operation *sink, StringRef reason,
                             bool printRemark, StringRef function) {
  if (printRemark)
    sink->emitRemark() << "not folded into a table: " << reason;
  // Empty unless the engine takes this category: then nothing is built.
  remark::detail::InFlightRemark remark = remark::missed(
      sink->getLoc(), getRemarkOpts("IslandDeclined", "declined", function));
  if (remark)
    remark << RemarkArg("Quantize", sink->getName().getStringRef())
           << RemarkArg("Reason", reason);
}

void lutfold::reportSummary(Operation *root, unsigned numFolded,
                            unsigned numDeclined, unsigned numTables,
                            bool printRemark) {
  auto count = [](unsigned n, StringRef noun) {
    return std::to_string(n) + " " + noun.str() + (n == 1 ? "" : "s");
  };
  // At the location alone: the operation (a whole module) would be printed
  // with the remark.
  if (printRemark)
    emitRemark(root->getLoc())
        << "tosa-fold-to-table: " << count(numFolded, "island") << " folded, "
        << numDeclined << " declined, " << count(numTables, "distinct table");
  remark::detail::InFlightRemark remark =
      remark::analysis(root->getLoc(), getRemarkOpts("FoldSummary", "summary",
                                                     getFunctionName(root)));
  if (remark)
    remark << RemarkArg("Folded", numFolded)
           << RemarkArg("Declined", numDeclined)
           << RemarkArg("DistinctTables", numTables);
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

void lutfold::reportFolded(const Island &island, const CachedTable &table,
                           Type outputType, bool isNewTable, bool printRemark,
                           StringRef function) {
  // Empty unless the engine takes this category: then nothing is built.
  remark::detail::InFlightRemark remark = remark::passed(
      island.sink->getLoc(), getRemarkOpts("IslandFolded", "folded", function));
  if (!printRemark && !remark)
    return;
  std::string ops;
  for (Operation *op : island.ops)
    if (op != island.sink)
      ops += (ops.empty() ? "" : ", ") + op->getName().getStringRef().str();
  bool plain = island.encoding == IslandEncoding::PlainTosa;
  const Int16Table *int16 = table.getInt16();
  const std::optional<Int16TableError> &error =
      int16 ? int16->fitError : std::nullopt;
  if (printRemark) {
    InFlightDiagnostic diagnostic = island.sink->emitRemark();
    diagnostic << "folded into a table: " << ops << "; ";
    if (plain)
      diagnostic << "from i"
                 << *getPlainCodeWidth(island.inputs.front().source.getType())
                 << " codes to i"
                 << *getPlainCodeWidth(island.sink->getResult(0).getType())
                 << " codes";
    else
      diagnostic << "from " << quoted(island.inputs.front().source.getType())
                 << " to " << quoted(outputType);
    if (error) {
      std::string mean;
      llvm::raw_string_ostream(mean) << llvm::format("%.4f", error->meanError);
      diagnostic << "; TABLE + RESCALE, error at most " << error->maxError
                 << " output codes, mean " << mean;
      if (error->numNaNCodes)
        diagnostic << " (" << error->numNaNCodes << " NaN codes not counted)";
    }
    diagnostic << "; "
               << (isNewTable ? "new table"
                              : "shares the table of an earlier island");
  }
  if (!remark)
    return;
  remark << RemarkArg("Ops", ops)
         << RemarkArg("Encoding", plain ? "plain-tosa" : "quant-dialect");
  if (!plain)
    remark << RemarkArg("InputType", island.inputs.front().source.getType())
           << RemarkArg("OutputType", outputType);
  remark << RemarkArg("Form", int16 ? "int16 TABLE + RESCALE" : "int8 TABLE")
         << RemarkArg("Table", isNewTable ? "new" : "shared");
  if (error)
    remark << RemarkArg("Int16MaxError", error->maxError)
           << RemarkArg("Int16MeanError", error->meanError)
           << RemarkArg("NaNCodes", error->numNaNCodes);
}
