//===- Fold.cpp - The fold of a module given as text ----------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ApiSupport.h"

#include "lutfold/Transforms/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Remarks.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace mlir;
using namespace lutfold;
using namespace lutfold::api;

FoldOptions::FoldOptions() {
  TosaFoldToTableOptions defaults;
  numerics = stringifyNumericsPreset(defaults.numerics).str();
  ops.assign(defaults.allowedOps.begin(), defaults.allowedOps.end());
  maxIslandSize = defaults.maxIslandSize;
  reportDeclined = defaults.reportDeclined;
  reportFolded = defaults.reportFolded;
  reportSummary = defaults.reportSummary;
  strict = defaults.strict;
  maxError = defaults.maxError;
}

namespace {
/// Turns the fold's engine remarks (FoldRemarks.h) into records.
class RecordStreamer final : public remark::detail::MLIRRemarkStreamerBase {
public:
  explicit RecordStreamer(std::vector<FoldRecord> &records)
      : records(records) {}

  void streamOptimizationRemark(const remark::detail::Remark &remark) override {
    llvm::StringRef name = remark.getRemarkName();
    if (name != "IslandFolded" && name != "IslandDeclined")
      return;
    FoldRecord record;
    record.location = formatLocation(remark.getLocation());
    record.function = remark.getFunction().str();
    record.folded = name == "IslandFolded";
    // Declines name the quantize; folds are of a quant.qcast unless the
    // island is plain TOSA.
    record.op = "quant.qcast";
    for (const remark::detail::Remark::Arg &arg : remark.getArgs()) {
      llvm::StringRef key = arg.key, value = arg.val;
      if (key == "Quantize") {
        record.op = arg.val;
      } else if (key == "Reason") {
        record.reason = arg.val;
      } else if (key == "Ops") {
        SmallVector<llvm::StringRef> ops;
        value.split(ops, ", ", /*MaxSplit=*/-1, /*KeepEmpty=*/false);
        for (llvm::StringRef op : ops)
          record.ops.push_back(op.str());
      } else if (key == "Encoding") {
        record.encoding = arg.val;
        if (value == "plain-tosa")
          record.op = "tosa.cast";
      } else if (key == "InputType") {
        record.inputType = arg.val;
      } else if (key == "OutputType") {
        record.outputType = arg.val;
      } else if (key == "Form") {
        record.form = arg.val;
      } else if (key == "Table") {
        record.table = arg.val;
      } else if (key == "Int16MaxError") {
        record.int16MaxError = std::strtoll(arg.val.c_str(), nullptr, 10);
      } else if (key == "Int16MeanError") {
        record.int16MeanError = std::strtod(arg.val.c_str(), nullptr);
      } else if (key == "NaNCodes") {
        record.nanCodes = std::strtoll(arg.val.c_str(), nullptr, 10);
      }
    }
    records.push_back(std::move(record));
  }

private:
  std::vector<FoldRecord> &records;
};
} // namespace

Outcome<FoldOutput> lutfold::api::foldModule(const std::string &text,
                                             const FoldOptions &options) {
  Outcome<NumericsPreset> preset = resolveNumerics(options.numerics);
  if (auto *failure = std::get_if<Failure>(&preset))
    return *failure;

  std::unique_ptr<MLIRContext> context = createContext();
  DiagnosticCollector diagnostics(*context);
  FoldOutput output;
  remark::RemarkCategories categories;
  categories.passed = categories.missed = categories.analysis =
      "tosa-fold-to-table";
  if (failed(remark::enableOptimizationRemarks(
          *context, std::make_unique<RecordStreamer>(output.records),
          std::make_unique<remark::RemarkEmittingPolicyAll>(), categories)))
    return diagnostics.fail("cannot set up the fold's report");

  ParserConfig config(context.get());
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(text, config, options.sourceName);
  if (!module)
    return diagnostics.fail("cannot parse the module");

  TosaFoldToTableOptions passOptions;
  passOptions.numerics = std::get<NumericsPreset>(preset);
  passOptions.allowedOps.assign(options.ops.begin(), options.ops.end());
  passOptions.maxIslandSize = options.maxIslandSize;
  passOptions.reportDeclined = options.reportDeclined;
  passOptions.reportFolded = options.reportFolded;
  passOptions.reportSummary = options.reportSummary;
  passOptions.strict = options.strict;
  passOptions.maxError = options.maxError;
  PassManager passManager(context.get());
  passManager.enableVerifier(options.verify);
  passManager.addPass(createTosaFoldToTable(passOptions));
  if (failed(passManager.run(*module)))
    return diagnostics.fail(options.strict && !diagnostics.errors.empty()
                                ? "tosa-fold-to-table left float in the "
                                  "module (strict)"
                                : "tosa-fold-to-table failed");

  llvm::raw_string_ostream os(output.text);
  // Tables in decimal, as people read them.
  module->print(os, OpPrintingFlags().printLargeElementsAttrWithHex(-1));
  output.messages = diagnostics.messages;
  return output;
}
