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
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

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

/// The API's record of what the pass reports.
static FoldRecord toRecord(const IslandReport &report) {
  FoldRecord record;
  record.op = report.quantize.str();
  record.location = formatLocation(report.loc);
  record.function = report.function.str();
  record.folded = report.folded;
  if (!report.folded) {
    record.reason = report.reason;
    return record;
  }
  record.ops.emplace();
  for (llvm::StringRef op : report.ops)
    record.ops->push_back(op.str());
  record.encoding = report.getEncodingName().str();
  auto print = [](Type type) {
    std::string text;
    llvm::raw_string_ostream(text) << type;
    return text;
  };
  if (report.encoding != IslandEncoding::PlainTosa) {
    record.inputType = print(report.inputType);
    record.outputType = print(report.outputType);
  }
  record.form = report.getFormName().str();
  record.table = report.getTableName().str();
  record.error = report.int16Error;
  return record;
}

llvm::Expected<FoldOutput>
lutfold::api::foldModule(const std::string &text, const FoldOptions &options) {
  llvm::Expected<NumericsPreset> preset = resolveNumerics(options.numerics);
  if (!preset)
    return preset.takeError();

  std::unique_ptr<MLIRContext> context = createContext();
  DiagnosticCollector diagnostics(*context);
  FoldOutput output;

  ParserConfig config(context.get());
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(text, config, options.sourceName);
  if (!module)
    return diagnostics.fail("cannot parse the module");

  TosaFoldToTableOptions passOptions;
  passOptions.numerics = *preset;
  passOptions.allowedOps.assign(options.ops.begin(), options.ops.end());
  passOptions.maxIslandSize = options.maxIslandSize;
  passOptions.reportDeclined = options.reportDeclined;
  passOptions.reportFolded = options.reportFolded;
  passOptions.reportSummary = options.reportSummary;
  passOptions.strict = options.strict;
  passOptions.maxError = options.maxError;
  PassManager passManager(context.get());
  passManager.enableVerifier(options.verify);
  passManager.addPass(
      createTosaFoldToTable(passOptions, [&](const IslandReport &report) {
        output.records.push_back(toRecord(report));
      }));
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
