//===- FoldToTable.cpp - Fold quantized float islands into tables ---------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Replaces each int8 island (dequantize -> element-wise float ops ->
// quantize) with a TOSA TABLE on the storage values. The walk visits each
// quantize once and edits only the island it matched; no greedy driver runs,
// so no folder (in particular upstream's dcast(qcast(x)) -> x) can touch the
// rest of the IR.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/FoldToTable.h"

#include "lutfold/Numerics/LookupTable.h"
#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace lutfold;

/// Formats ascending codes as ranges: "-128..-1, 5".
static std::string formatCodeRanges(ArrayRef<int64_t> codes) {
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

namespace {
/// Folds the islands under one root, keeping what folds share.
class IslandFolder {
public:
  IslandFolder(MLIRContext *context, const FoldToTableOptions &options)
      : options(options), rewriter(context) {}

  void foldSink(Operation *sink);

  FoldToTableResult result;

private:
  void decline(Operation *sink, const Twine &reason);
  void reportNaN(const Island &island, const Int8Table &table,
                 llvm::function_ref<double(int64_t)> programInput,
                 const Twine &policy);
  FailureOr<Int8Table> buildQuantDialectTable(const Island &island,
                                              const QuantParams &outParams);
  FailureOr<Int8Table> buildPlainTosaTable(const Island &island);
  Value getStorageView(Value source);
  Value getTableConstant(const Int8Table &table, Operation *user, Location loc);
  void eraseDeadIslandOps(const Island &island);

  const FoldToTableOptions &options;
  IRRewriter rewriter;

  /// One storage view (quant.scast) per quantized input.
  llvm::DenseMap<Value, Value> storageViews;
  /// Tables created in each function, by content.
  llvm::DenseMap<Operation *, llvm::StringMap<Value>> functionTables;
  /// The last table and the last block-argument view placed at the start of
  /// a block: the next one goes after it, so the order is that of first use.
  llvm::DenseMap<Block *, Operation *> lastTable;
  llvm::DenseMap<Block *, Operation *> lastArgumentView;
};
} // namespace

void IslandFolder::decline(Operation *sink, const Twine &reason) {
  ++result.numDeclined;
  if (options.reportDeclined)
    sink->emitRemark() << "not folded into a table: " << reason;
}

void IslandFolder::reportNaN(const Island &island, const Int8Table &table,
                             llvm::function_ref<double(int64_t)> programInput,
                             const Twine &policy) {
  if (table.nanInputCodes.empty())
    return;
  // Attribute each NaN code to the operation that first produced a NaN.
  Operation *sink = island.sink;
  llvm::MapVector<Operation *, SmallVector<int64_t>> codesByOp;
  for (int64_t code : table.nanInputCodes) {
    std::optional<uint32_t> origin =
        island.program.evaluateDetailed(programInput(code)).nanOrigin;
    Operation *op = origin ? island.instructionOps[*origin] : nullptr;
    codesByOp[op ? op : sink].push_back(code);
  }
  for (auto &[op, codes] : codesByOp)
    op->emitRemark() << "'" << op->getName() << "' gives NaN for input codes "
                     << formatCodeRanges(codes) << "; " << policy;
}

Value IslandFolder::getStorageView(Value source) {
  Value &view = storageViews[source];
  if (view)
    return view;
  auto type = cast<RankedTensorType>(source.getType());
  auto quantType = cast<quant::QuantizedType>(type.getElementType());
  OpBuilder::InsertionGuard guard(rewriter);
  if (auto argument = dyn_cast<BlockArgument>(source)) {
    // Views of block arguments open the block: after the tables placed there
    // and after earlier views, so both keep the order of first use.
    Block *block = argument.getOwner();
    Operation *&lastView = lastArgumentView[block];
    if (Operation *after = lastView ? lastView : lastTable.lookup(block))
      rewriter.setInsertionPointAfter(after);
    else
      rewriter.setInsertionPointToStart(block);
    lastView = quant::StorageCastOp::create(
        rewriter, source.getLoc(), type.clone(quantType.getStorageType()),
        source);
    view = lastView->getResult(0);
    return view;
  }
  rewriter.setInsertionPointAfterValue(source);
  view = quant::StorageCastOp::create(rewriter, source.getLoc(),
                                      type.clone(quantType.getStorageType()),
                                      source);
  return view;
}

Value IslandFolder::getTableConstant(const Int8Table &table, Operation *user,
                                     Location loc) {
  OpBuilder::InsertionGuard guard(rewriter);
  auto tableType = RankedTensorType::get({Int8Table::kNumEntries},
                                         rewriter.getIntegerType(8));
  auto values =
      DenseElementsAttr::get(tableType, llvm::ArrayRef(table.entries));
  // Share within the function whose body the user is in; a table at the
  // start of that body dominates every use below it, unless an operation in
  // between is isolated from above.
  auto function = dyn_cast_or_null<FunctionOpInterface>(
      user->getParentWithTrait<OpTrait::IsIsolatedFromAbove>());
  if (!function || function.isExternal()) {
    rewriter.setInsertionPoint(user);
    ++result.numTables;
    return tosa::ConstOp::create(rewriter, loc, tableType, values);
  }

  llvm::StringRef content(reinterpret_cast<const char *>(table.entries.data()),
                          table.entries.size());
  Value &shared = functionTables[function][content];
  if (shared)
    return shared;
  Block *entry = &function.getFunctionBody().front();
  Operation *&last = lastTable[entry];
  if (last)
    rewriter.setInsertionPointAfter(last);
  else
    rewriter.setInsertionPointToStart(entry);
  // The first island that needs a table names its location.
  last = tosa::ConstOp::create(rewriter, loc, tableType, values);
  shared = last->getResult(0);
  ++result.numTables;
  return shared;
}

void IslandFolder::eraseDeadIslandOps(const Island &island) {
  auto eraseIfDead = [&](Operation *op) {
    if (op->use_empty())
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
  for (quant::DequantizeCastOp dequantize : island.dequantizes)
    if (seen.insert(dequantize).second)
      eraseIfDead(dequantize);
}

FailureOr<Int8Table>
IslandFolder::buildQuantDialectTable(const Island &island,
                                     const QuantParams &outParams) {
  std::string reason;
  FailureOr<QuantParams> inParams =
      getPerTensorParams(island.source.getType(), /*storageWidth=*/8, reason);
  if (failed(inParams)) {
    decline(island.sink, "input of quant.dcast: " + reason);
    return failure();
  }
  llvm::Expected<Int8Table> table =
      buildInt8Table(*inParams, outParams, island.program, options.preset);
  if (!table) {
    decline(island.sink, llvm::toString(table.takeError()));
    return failure();
  }
  Quantizer dequantizer(*inParams, options.preset);
  int64_t nanCode = Quantizer(outParams, options.preset).nanCode();
  reportNaN(
      island, *table,
      [&](int64_t code) { return dequantizer.dequantize(code); },
      "the table maps them to output code " + Twine(nanCode) +
          " (the output zero point)");
  return std::move(*table);
}

FailureOr<Int8Table> IslandFolder::buildPlainTosaTable(const Island &island) {
  llvm::Expected<Int8Table> table = buildInt8CodeTable(island.program);
  if (!table) {
    decline(island.sink, llvm::toString(table.takeError()));
    return failure();
  }
  reportNaN(
      island, *table, [](int64_t code) { return static_cast<double>(code); },
      "a NaN cast to an integer reads as 0");
  return std::move(*table);
}

void IslandFolder::foldSink(Operation *sink) {
  // The quantize's type is checked before the walk: it is cheaper.
  std::string reason;
  FailureOr<QuantParams> outParams;
  bool plain = !isa<quant::QuantizeCastOp>(sink);
  if (!plain) {
    outParams = getPerTensorParams(sink->getResult(0).getType(),
                                   /*storageWidth=*/8, reason);
    if (failed(outParams))
      return decline(sink, "result of quant.qcast: " + reason);
  }

  FailureOr<Island> island = analyzeIsland(sink, options.limits, reason);
  if (failed(island))
    return decline(sink, reason);
  FailureOr<Int8Table> table =
      plain ? buildPlainTosaTable(*island)
            : buildQuantDialectTable(*island, *outParams);
  if (failed(table))
    return;

  SmallVector<Location> locs;
  for (quant::DequantizeCastOp dequantize : island->dequantizes)
    locs.push_back(dequantize.getLoc());
  for (Operation *op : island->ops)
    locs.push_back(op->getLoc());
  locs.push_back(sink->getLoc());
  Location loc = rewriter.getFusedLoc(locs);

  Value tableConst = getTableConstant(*table, sink, loc);
  // Plain islands read the i8 tensor itself; quant-dialect islands its
  // storage view.
  Value storage = plain ? island->source : getStorageView(island->source);
  rewriter.setInsertionPoint(sink);
  // TABLE's result has exactly its input's shape. The quantize may carry a
  // more (or less) refined but compatible shape; a tensor.cast bridges them.
  auto storageType = cast<RankedTensorType>(storage.getType());
  Value lookup =
      tosa::TableOp::create(rewriter, loc, storageType, storage, tableConst);
  auto outType = cast<RankedTensorType>(sink->getResult(0).getType());
  auto outStorageType = outType;
  if (auto quantType = dyn_cast<quant::QuantizedType>(outType.getElementType()))
    outStorageType = outType.clone(quantType.getStorageType());
  if (outStorageType != storageType)
    lookup = tensor::CastOp::create(rewriter, loc, outStorageType, lookup);
  Value folded = lookup;
  if (!plain)
    folded =
        quant::StorageCastOp::create(rewriter, sink->getLoc(), outType, lookup);
  rewriter.replaceOp(sink, folded);
  eraseDeadIslandOps(*island);
  ++result.numFolded;
}

FoldToTableResult
lutfold::foldIslandsToTables(Operation *root,
                             const FoldToTableOptions &options) {
  // Collect first: folding erases operations the walk would visit.
  SmallVector<Operation *> sinks;
  root->walk([&](Operation *op) {
    if (isa<quant::QuantizeCastOp>(op) || isPlainTosaSink(op))
      sinks.push_back(op);
  });

  IslandFolder folder(root->getContext(), options);
  for (Operation *sink : sinks)
    folder.foldSink(sink);
  return folder.result;
}
