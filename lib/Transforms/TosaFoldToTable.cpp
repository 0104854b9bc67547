//===- TosaFoldToTable.cpp - The --tosa-fold-to-table pass ----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "FoldRemarks.h"
#include "IslandOps.h"

#include "lutfold/Transforms/FoldToTable.h"
#include "lutfold/Transforms/Passes.h"

#include "mlir/IR/TypeUtilities.h"

#include "llvm/ADT/STLExtras.h"

namespace lutfold {
#define GEN_PASS_DEF_TOSAFOLDTOTABLE
#include "lutfold/Transforms/Passes.h.inc"
} // namespace lutfold

using namespace mlir;
using namespace lutfold;

namespace {
struct TosaFoldToTable final
    : lutfold::impl::TosaFoldToTableBase<TosaFoldToTable> {
  using Base::Base;

  TosaFoldToTable(const TosaFoldToTableOptions &options,
                  IslandReportHandler onReport)
      : Base(options), onReport(std::move(onReport)) {}

  LogicalResult initialize(MLIRContext *context) override {
    // Names may leave out the dialect: "sigmoid" is "tosa.sigmoid".
    limits.allowedOps.clear();
    for (const std::string &name : allowedOps) {
      std::string fullName =
          StringRef(name).contains('.') ? name : "tosa." + name;
      if (!llvm::is_contained(getSupportedIslandOps(), fullName))
        return emitError(UnknownLoc::get(context))
               << "tosa-fold-to-table: '" << name
               << "' is not an operation islands may contain (names as "
                  "'tosa.sigmoid' or 'sigmoid'; docs/IslandOps.md lists them)";
      limits.allowedOps.push_back(std::move(fullName));
    }
    if (maxError < -1 || maxInt16Error < -1)
      return emitError(UnknownLoc::get(context))
             << "tosa-fold-to-table: max-error must be -1 (the default cap) "
                "or a number of output codes >= 0";
    if (maxIslandSize == 0)
      return emitError(UnknownLoc::get(context))
             << "tosa-fold-to-table: max-island-size must be at least 1";
    return success();
  }

  void runOnOperation() override {
    FoldToTableOptions options;
    options.preset = numerics;
    options.limits = limits;
    options.limits.maxOps = maxIslandSize;
    options.reportDeclined = reportDeclined;
    options.reportFolded = reportFolded;
    options.onReport = onReport;
    if (maxError >= 0)
      options.maxError = maxError;
    if (maxInt16Error >= 0)
      options.maxError = maxInt16Error;
    FoldToTableResult result = foldIslandsToTables(getOperation(), options);
    // At the location alone: the operation (a whole module) would be
    // printed with the remark.
    lutfold::reportSummary(getOperation(), result.numFolded, result.numDeclined,
                           result.numTables, reportSummary);
    numFolded += result.numFolded;
    numDeclined += result.numDeclined;
    numTables += result.numTables;
    if (strict && failed(checkNoFloatLeft(result)))
      signalPassFailure();
    if (result.numFolded == 0)
      markAllAnalysesPreserved();
  }

  /// strict: an error at every quantize or dequantize left in float.
  LogicalResult checkNoFloatLeft(const FoldToTableResult &result) {
    bool clean = true;
    getOperation()->walk([&](Operation *op) {
      // Codes cast to i32 for integer arithmetic are not float yet.
      bool dequantize =
          isa<quant::DequantizeCastOp>(op) ||
          (isPlainTosaDequantize(op) &&
           isa<FloatType>(getElementTypeOrSelf(op->getResult(0).getType())));
      if (!dequantize && !isa<quant::QuantizeCastOp>(op) &&
          !isPlainTosaQuantize(op))
        return;
      clean = false;
      InFlightDiagnostic error = op->emitError()
                                 << "strict: "
                                 << (dequantize ? "dequantize" : "quantize")
                                 << " left in float";
      Operation *sink = isPlainTosaQuantize(op) ? getPlainIslandEnd(op) : op;
      if (auto reason = result.declineReasons.find(sink);
          reason != result.declineReasons.end())
        error << ": " << reason->second;
    });
    return success(clean);
  }

private:
  /// The allowed operations with their dialect prefix.
  IslandLimits limits;
  IslandReportHandler onReport;
};
} // namespace

std::unique_ptr<Pass>
lutfold::createTosaFoldToTable(const TosaFoldToTableOptions &options,
                               IslandReportHandler onReport) {
  return std::make_unique<TosaFoldToTable>(options, std::move(onReport));
}
