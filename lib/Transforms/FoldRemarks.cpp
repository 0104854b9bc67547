//===- FoldRemarks.cpp - What the fold tells the user ---------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "FoldRemarks.h"
#include "IslandOps.h"
#include "PassRemarks.h"

#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Remarks.h"

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

static constexpr PassRemarkId kDeclined{"tosa-fold-to-table", "declined",
                                        "IslandDeclined", RemarkKind::Missed};
static constexpr PassRemarkId kFolded{"tosa-fold-to-table", "folded",
                                      "IslandFolded", RemarkKind::Passed};
static constexpr PassRemarkId kNaN{"tosa-fold-to-table", "nan", "NaNCodes",
                                   RemarkKind::Analysis};
static constexpr PassRemarkId kSummary{"tosa-fold-to-table", "summary",
                                       "FoldSummary", RemarkKind::Analysis};

void lutfold::reportDeclined(Operation *sink, StringRef reason,
                             bool printRemark, StringRef function,
                             const IslandReportHandler &onReport) {
  emitPassRemark(
      kDeclined, sink->getLoc(), sink, function, printRemark,
      [&](InFlightDiagnostic &diagnostic) {
        diagnostic << "not folded into a table: " << reason;
      },
      [&](remark::detail::InFlightRemark &remark) {
        remark << RemarkArg("Quantize", sink->getName().getStringRef())
               << RemarkArg("Reason", reason);
      });
  if (!onReport)
    return;
  IslandReport report(sink->getLoc(), sink->getName().getStringRef(), function);
  report.reason = reason.str();
  onReport(report);
}

void lutfold::reportSummary(Operation *root, unsigned numFolded,
                            unsigned numDeclined, unsigned numTables,
                            bool printRemark) {
  auto count = [](unsigned n, StringRef noun) {
    return std::to_string(n) + " " + noun.str() + (n == 1 ? "" : "s");
  };
  // At the location alone: the operation (a whole module) would be printed
  // with the remark.
  emitPassRemark(
      kSummary, root->getLoc(), /*op=*/nullptr, getFunctionName(root),
      printRemark,
      [&](InFlightDiagnostic &diagnostic) {
        diagnostic << "tosa-fold-to-table: " << count(numFolded, "island")
                   << " folded, " << numDeclined << " declined, "
                   << count(numTables, "distinct table");
      },
      [&](remark::detail::InFlightRemark &remark) {
        remark << RemarkArg("Folded", numFolded)
               << RemarkArg("Declined", numDeclined)
               << RemarkArg("DistinctTables", numTables);
      });
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
  // Always printed: a NaN is a fact about the model people should see.
  for (auto &[op, codes] : codesByOp) {
    std::string ranges = formatCodeRanges(codes);
    emitPassRemark(
        kNaN, op->getLoc(), op, getFunctionName(op), /*print=*/true,
        [&](InFlightDiagnostic &diagnostic) {
          diagnostic << "'" << op->getName() << "' gives NaN for input codes "
                     << ranges << "; " << policy;
        },
        [&](remark::detail::InFlightRemark &remark) {
          remark << RemarkArg("Op", op->getName().getStringRef())
                 << RemarkArg("InputCodes", ranges)
                 << RemarkArg("Policy", policy);
        });
  }
}

/// The facts of a folded island's remarks.
static IslandReport getFoldedReport(const Island &island,
                                    const CachedTable &table, Type outputType,
                                    bool isNewTable, StringRef function) {
  IslandReport report(island.sink->getLoc(),
                      island.sink->getName().getStringRef(), function);
  report.folded = true;
  for (Operation *op : island.ops)
    if (op != island.sink)
      report.ops.push_back(op->getName().getStringRef());
  report.encoding = island.encoding;
  report.inputType = island.inputs.front().source.getType();
  report.outputType = outputType;
  const Int16Table *int16 = table.getInt16();
  report.int16 = int16 != nullptr;
  if (int16)
    report.int16Error = int16->fitError;
  report.newTable = isNewTable;
  return report;
}

/// "op, op, op".
static std::string joinOps(const IslandReport &report) {
  std::string ops;
  for (StringRef op : report.ops)
    ops += (ops.empty() ? "" : ", ") + op.str();
  return ops;
}

static void printFolded(InFlightDiagnostic &diagnostic,
                        const IslandReport &report) {
  diagnostic << "folded into a table: " << joinOps(report) << "; ";
  if (report.encoding == IslandEncoding::PlainTosa)
    diagnostic << "from i" << *getPlainCodeWidth(report.inputType)
               << " codes to i" << *getPlainCodeWidth(report.outputType)
               << " codes";
  else
    diagnostic << "from " << quoted(report.inputType) << " to "
               << quoted(report.outputType);
  if (const std::optional<Int16TableError> &error = report.int16Error) {
    std::string mean;
    llvm::raw_string_ostream(mean) << llvm::format("%.4f", error->meanError);
    diagnostic << "; TABLE + RESCALE, error at most " << error->maxError
               << (error->maxError == 1 ? " output code" : " output codes")
               << ", mean " << mean;
    if (error->numNaNCodes)
      diagnostic << " (" << error->numNaNCodes << " NaN codes not counted)";
  }
  diagnostic << "; "
             << (report.newTable ? "new table"
                                 : "shares the table of an earlier island");
}

static void addFoldedArgs(remark::detail::InFlightRemark &remark,
                          const IslandReport &report) {
  remark << RemarkArg("Ops", joinOps(report))
         << RemarkArg("Encoding", report.getEncodingName());
  if (report.encoding != IslandEncoding::PlainTosa)
    remark << RemarkArg("InputType", report.inputType)
           << RemarkArg("OutputType", report.outputType);
  remark << RemarkArg("Form", report.getFormName())
         << RemarkArg("Table", report.getTableName());
  if (const std::optional<Int16TableError> &error = report.int16Error)
    remark << RemarkArg("Int16MaxError", error->maxError)
           << RemarkArg("Int16MeanError", error->meanError)
           << RemarkArg("NaNCodes", error->numNaNCodes);
}

void lutfold::reportFolded(const Island &island, const CachedTable &table,
                           Type outputType, bool isNewTable, bool printRemark,
                           StringRef function,
                           const IslandReportHandler &onReport) {
  // Built only when a remark or the handler reads it.
  std::optional<IslandReport> report;
  auto getReport = [&]() -> const IslandReport & {
    if (!report)
      report = getFoldedReport(island, table, outputType, isNewTable, function);
    return *report;
  };
  emitPassRemark(
      kFolded, island.sink->getLoc(), island.sink, function, printRemark,
      [&](InFlightDiagnostic &diagnostic) {
        printFolded(diagnostic, getReport());
      },
      [&](remark::detail::InFlightRemark &remark) {
        addFoldedArgs(remark, getReport());
      });
  if (onReport)
    onReport(getReport());
}
