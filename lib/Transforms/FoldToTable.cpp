//===- FoldToTable.cpp - Fold quantized float islands into tables ---------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Replaces each int8 island (dequantize -> element-wise float ops ->
// quantize) with a TOSA TABLE on the storage values, and each int16 island
// with an interpolating TABLE followed by a RESCALE to the output type. The
// walk visits each quantize once and edits only the island it matched; no
// greedy driver runs, so no folder (in particular upstream's dcast(qcast(x)) ->
// x) can touch the rest of the IR. Tables come from a TableCache, their IR
// from a TableEmitter, remarks from FoldRemarks.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/FoldToTable.h"

#include "FoldRemarks.h"
#include "IslandOps.h"
#include "TableCache.h"
#include "TableEmitter.h"

#include "lutfold/Transforms/Passes.h"
#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/Hashing.h"

#include <vector>

using namespace mlir;
using namespace lutfold;

FoldToTableOptions::FoldToTableOptions() {
  TosaFoldToTableOptions defaults;
  preset = defaults.numerics;
  reportDeclined = defaults.reportDeclined;
  reportFolded = defaults.reportFolded;
  if (defaults.maxError >= 0)
    maxError = defaults.maxError;
}

namespace {
/// Folds the islands under one root, keeping what folds share.
class IslandFolder {
public:
  IslandFolder(RewriterBase &rewriter, const FoldToTableOptions &options,
               bool shareConstants)
      : options(options), rewriter(rewriter),
        tables(rewriter.getContext(), options.preset),
        emitter(rewriter, shareConstants) {}

  /// Folds the island that ends at `sink`. On failure the IR is untouched
  /// and `declineReason` says why.
  LogicalResult foldSink(Operation *sink);

  /// Builds the int16 tables of `sinks` on the thread pool before they are
  /// folded one by one: an int16 fit costs milliseconds.
  void prebuildInt16Tables(ArrayRef<Operation *> sinks);

  FoldToTableResult result;
  std::string declineReason;
  /// Ends of plain-TOSA islands that a fold erased (the integer code
  /// operations of a declined island that a later island read through):
  /// they are neither folded later nor reported as declined.
  llvm::SmallPtrSet<Operation *, 4> erasedSinks;

private:
  LogicalResult decline(Operation *sink, const Twine &reason);
  /// Declines, with the error, a fold that is not exact and is off by more
  /// than the cap (FoldToTableOptions::maxError).
  LogicalResult
  checkErrorCap(const CachedTable &table, Operation *sink,
                const std::optional<IslandQuantization> &quantization);
  void eraseDeadIslandOps(const Island &island, Value storage);

  const FoldToTableOptions &options;
  RewriterBase &rewriter;
  TableCache tables;
  TableEmitter emitter;
  FunctionNames functionNames;
};
} // namespace

/// Whether the island that ends at `sink` may read 16-bit codes, following
/// the first operands back from it: a cheap test before analysing. Reading
/// them means a dequantize of 16-bit storage (quant dialect), or i16 codes
/// cast to a wider type or read as they are (plain TOSA).
static bool mayReadInt16(Operation *sink, unsigned maxOps) {
  Value value = sink->getOperand(0);
  for (unsigned i = 0; i <= maxOps; ++i) {
    Operation *def = value.getDefiningOp();
    if (auto dequantize = dyn_cast_or_null<quant::DequantizeCastOp>(def)) {
      auto type = dyn_cast<ShapedType>(dequantize.getInput().getType());
      auto element = type
                         ? dyn_cast<quant::QuantizedType>(type.getElementType())
                         : quant::QuantizedType();
      return element && element.getStorageTypeIntegralWidth() == 16;
    }
    if (!def || def->getNumOperands() == 0 || !getIslandOpcode(def))
      return getPlainCodeWidth(value.getType()) == 16u;
    if (isPlainTosaDequantize(def))
      return getPlainCodeWidth(def->getOperand(0).getType()) == 16u;
    value = def->getOperand(0);
  }
  return false;
}

/// A hash of what the island that ends at `sink` computes: the operations
/// before it, with their attributes and types, back to its dequantizes (and
/// at most `maxOps` of them). Equal islands hash equal;
/// should unequal ones collide, the table of the second is only built when
/// its island is folded instead of in advance.
static llvm::hash_code hashIsland(Operation *sink, unsigned maxOps) {
  llvm::hash_code hash(0);
  SmallVector<Operation *, 8> worklist{sink};
  llvm::SmallPtrSet<Operation *, 8> seen{sink};
  for (unsigned visited = 0; !worklist.empty() && visited <= maxOps;
       ++visited) {
    Operation *op = worklist.pop_back_val();
    hash = llvm::hash_combine(hash, op->getName(), op->getRawDictionaryAttrs());
    for (Type type : op->getResultTypes())
      hash = llvm::hash_combine(hash, type);
    for (Value operand : op->getOperands()) {
      Operation *def = operand.getDefiningOp();
      if (auto dequantize = dyn_cast_or_null<quant::DequantizeCastOp>(def)) {
        hash = llvm::hash_combine(hash, dequantize.getInput().getType());
        continue;
      }
      hash = llvm::hash_combine(hash, operand.getType());
      if (def && seen.insert(def).second)
        worklist.push_back(def);
    }
  }
  return hash;
}

void IslandFolder::prebuildInt16Tables(ArrayRef<Operation *> sinks) {
  // One analysis per distinct island: analysing costs about as much as
  // folding, and a model repeats few islands many times.
  std::vector<TableCache::Request> requests;
  llvm::DenseSet<llvm::hash_code> analysed;
  for (Operation *sink : sinks) {
    if (!mayReadInt16(sink, options.limits.maxOps) ||
        !analysed.insert(hashIsland(sink, options.limits.maxOps)).second)
      continue;
    llvm::Expected<QuantizedIsland> analysis =
        analyzeQuantizedIsland(sink, options.limits);
    if (!analysis) {
      // The fold says why, once it reaches the sink.
      llvm::consumeError(analysis.takeError());
      continue;
    }
    std::optional<IslandQuantization> quantization =
        analysis->getUnaryQuantization();
    ScalarType inputType =
        analysis->island.program.getInstructions().front().type;
    bool readsInt16 = quantization ? quantization->in.storage.bitWidth == 16
                                   : inputType == ScalarType::I16;
    if (readsInt16)
      requests.push_back({std::move(analysis->island.program), quantization});
  }
  tables.prebuild(requests);
}

LogicalResult IslandFolder::decline(Operation *sink, const Twine &reason) {
  ++result.numDeclined;
  declineReason = reason.str();
  result.declineReasons[sink] = declineReason;
  reportDeclined(sink, declineReason, options.reportDeclined,
                 functionNames.get(sink), options.onReport);
  return failure();
}

void IslandFolder::eraseDeadIslandOps(const Island &island, Value storage) {
  auto eraseIfDead = [&](Operation *op) {
    if (!op->use_empty())
      return;
    // Only operations on i8 or i16 codes can end another (plain) island:
    // float operations skip the bookkeeping.
    if (op->getNumResults() == 1 &&
        getPlainCodeWidth(op->getResult(0).getType())) {
      erasedSinks.insert(op);
      result.declineReasons.erase(op);
    }
    rewriter.eraseOp(op);
  };
  // Users come after what they read in `ops`, so reverse order erases a
  // chain in one pass. A plain-TOSA sink is in `ops` but is already replaced.
  for (Operation *op : llvm::reverse(island.ops))
    if (op != island.sink)
      eraseIfDead(op);
  llvm::SmallPtrSet<Operation *, 8> seen;
  for (Operation *op :
       llvm::concat<Operation *const>(island.constants, island.configConstants))
    if (seen.insert(op).second)
      eraseIfDead(op);
  // Users come after what they read here too.
  for (Operation *op : llvm::reverse(island.constantOperandOps))
    if (seen.insert(op).second)
      eraseIfDead(op);
  for (const IslandInput &input : island.inputs)
    for (quant::DequantizeCastOp dequantize : input.dequantizes)
      if (seen.insert(dequantize).second)
        eraseIfDead(dequantize);
  // A storage view the island read through (an earlier fold's result) is
  // dead once its dequantize is gone.
  if (island.encoding == IslandEncoding::QuantDialect)
    for (const IslandInput &input : island.inputs)
      if (auto view = input.source.getDefiningOp<quant::StorageCastOp>())
        if (view->use_empty() && view.getInput() == storage)
          rewriter.eraseOp(view);
}

LogicalResult IslandFolder::checkErrorCap(
    const CachedTable &table, Operation *sink,
    const std::optional<IslandQuantization> &quantization) {
  const Int16Table *int16 = table.getInt16();
  // int8 tables hold the island's own output for every code.
  if (!int16)
    return success();
  if (!int16->fitError)
    return decline(sink, "the error of TABLE + RESCALE is not measured");
  int64_t numOutputCodes =
      quantization
          ? quantization->out.qmax - quantization->out.qmin + 1
          : int64_t(1) << *getPlainCodeWidth(sink->getResult(0).getType());
  int64_t cap = options.maxError.value_or(getDefaultMaxError(numOutputCodes));
  int64_t error = int16->fitError->maxError;
  if (error <= cap)
    return success();
  std::string capText = "max-error=" + std::to_string(cap);
  if (!options.maxError)
    capText = "the default cap of " + std::to_string(cap) +
              (cap == 1 ? " code" : " codes") +
              " (one 64th of the output range; max-error sets it)";
  return decline(sink, "TABLE + RESCALE is off by up to " + Twine(error) +
                           (error == 1 ? " output code" : " output codes") +
                           ", above " + capText);
}

LogicalResult IslandFolder::foldSink(Operation *sink) {
  llvm::Expected<QuantizedIsland> analysis =
      analyzeQuantizedIsland(sink, options.limits);
  if (!analysis)
    return decline(sink, takeReason(analysis.takeError()));
  Island &island = analysis->island;
  // A table has one input; binary islands take another lowering.
  if (island.inputs.size() != 1)
    return decline(sink, "the island reads " + Twine(island.inputs.size()) +
                             " quantized inputs; a table reads one");
  bool plain = island.encoding == IslandEncoding::PlainTosa;
  std::optional<IslandQuantization> quantization =
      analysis->getUnaryQuantization();
  Value source = island.inputs.front().source;

  // Build the table before touching the IR: a failure leaves it as it was.
  llvm::Expected<CachedTable *> cached =
      tables.getOrBuild(island.program, quantization);
  if (!cached)
    return decline(sink, takeReason(cached.takeError()));
  CachedTable *table = *cached;
  if (failed(checkErrorCap(*table, sink, quantization)))
    return failure();
  emitNaNRemarks(island, *table, quantization, options.preset);

  // Plain islands read the i8 tensor itself; quant-dialect islands its
  // storage view.
  Value storage = plain ? source : emitter.getStorageView(source, sink);
  auto outType = cast<RankedTensorType>(sink->getResult(0).getType());
  auto outStorageType = outType;
  if (auto quantType = dyn_cast<quant::QuantizedType>(outType.getElementType()))
    outStorageType =
        emitter.getWithElementType(outType, quantType.getStorageType());
  // The lookup replaces the quantize and takes its location, as a rewrite
  // of the quantize would; remarks (report-folded) name the island's ops.
  Location loc = sink->getLoc();
  EmittedLookup lookup = emitter.emitLookup(
      table->operands, storage, outStorageType.getElementType(), sink, loc);
  result.numTables += lookup.isNewTable;
  // The lookup has exactly its input's shape. The quantize may carry a
  // more (or less) refined but compatible shape; a tensor.cast bridges them.
  rewriter.setInsertionPoint(sink);
  Value folded = lookup.value;
  if (outStorageType != folded.getType())
    folded = tensor::CastOp::create(rewriter, loc, outStorageType, folded);
  if (!plain)
    folded = quant::StorageCastOp::create(rewriter, loc, outType, folded);
  reportFolded(island, *table, outType, lookup.isNewTable, options.reportFolded,
               functionNames.get(sink), options.onReport);
  rewriter.replaceOp(sink, folded);
  eraseDeadIslandOps(island, storage);
  ++result.numFolded;
  return success();
}

FoldToTableResult
lutfold::foldIslandsToTables(Operation *root,
                             const FoldToTableOptions &options) {
  // Collect first: folding erases operations the walk would visit. A fold
  // may erase a sink that comes later (a plain island that reads through the
  // operations of one that was declined), which is then skipped.
  SmallVector<Operation *> sinks = collectIslandSinks(root);
  IRRewriter rewriter(root->getContext());
  IslandFolder folder(rewriter, options, /*shareConstants=*/true);
  if (root->getContext()->isMultithreadingEnabled())
    folder.prebuildInt16Tables(sinks);
  for (Operation *sink : sinks)
    if (!folder.erasedSinks.contains(sink))
      (void)folder.foldSink(sink);
  return folder.result;
}

namespace {
/// Folds the island ending at a quantize (or a plain-TOSA sink cast).
struct FoldIslandPattern final : RewritePattern {
  FoldIslandPattern(MLIRContext *context, StringRef rootName,
                    const FoldToTableOptions &options)
      : RewritePattern(rootName, /*benefit=*/1, context), options(options) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    Operation *sink = op;
    if (isPlainTosaQuantize(op))
      sink = getPlainIslandEnd(op);
    else if (!isa<quant::QuantizeCastOp>(op))
      return rewriter.notifyMatchFailure(op, "does not end an island");
    IslandFolder folder(rewriter, options, /*shareConstants=*/false);
    if (succeeded(folder.foldSink(sink)))
      return success();
    return rewriter.notifyMatchFailure(op, folder.declineReason);
  }

  FoldToTableOptions options;
};
} // namespace

void lutfold::populateFoldToTablePatterns(RewritePatternSet &patterns,
                                          const FoldToTableOptions &options) {
  MLIRContext *context = patterns.getContext();
  patterns.add<FoldIslandPattern>(
      context, quant::QuantizeCastOp::getOperationName(), options);
  patterns.add<FoldIslandPattern>(context, tosa::CastOp::getOperationName(),
                                  options);
}
