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
// x) can touch the rest of the IR.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/FoldToTable.h"

#include "lutfold/Numerics/Int16Table.h"
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
#include "llvm/Support/Format.h"
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

/// Storage widths a table can read and produce: i8 -> i8 by a plain TABLE,
/// i16 -> i16 or i8 by TABLE + RESCALE.
static constexpr unsigned kTableStorageWidths[] = {8, 16};

namespace {
/// Folds the islands under one root, keeping what folds share.
class IslandFolder {
public:
  /// With `shareConstants`, tables, RESCALE parameters and storage views are
  /// created once per function (or value) and reused; otherwise each fold
  /// creates its own next to the quantize, as a rewrite pattern must.
  IslandFolder(RewriterBase &rewriter, const FoldToTableOptions &options,
               bool shareConstants)
      : options(options), rewriter(rewriter), shareConstants(shareConstants) {}

  /// Folds the island that ends at `sink`. On failure the IR is untouched
  /// and `declineReason` says why.
  LogicalResult foldSink(Operation *sink);

  FoldToTableResult result;
  std::string declineReason;

private:
  LogicalResult decline(Operation *sink, const Twine &reason);
  void reportNaN(const Island &island, ArrayRef<int64_t> nanInputCodes,
                 llvm::function_ref<double(int64_t)> programInput,
                 const Twine &policy);
  /// A table built once per distinct (program, parameters).
  struct CachedTable {
    std::optional<Int8Table> int8;
    std::optional<Int16Table> int16;
    /// Why no table could be built, when neither is set.
    std::string error;
    /// The constants' attributes (the table, then RESCALE's parameters),
    /// made on first use.
    SmallVector<DenseElementsAttr, 0> attributes;
    /// int16: TABLE + RESCALE's error, measured on the first report.
    std::optional<Int16TableError> int16Error;
  };
  CachedTable *getTable(const Island &island,
                        const std::optional<QuantParams> &inParams,
                        const std::optional<QuantParams> &outParams);
  void reportTableNaN(const Island &island, const CachedTable &table,
                      const std::optional<QuantParams> &inParams,
                      const std::optional<QuantParams> &outParams);
  Value getStorageView(Value source, Operation *user);
  Value getSharedConstant(DenseElementsAttr value, Operation *user,
                          Location loc, bool isTable = false);
  Value emitInt8Lookup(CachedTable &table, Value storage, Operation *sink,
                       Location loc);
  Value emitInt16Lookup(CachedTable &table, Value storage,
                        Type outStorageElement, Operation *sink, Location loc);
  void reportFolded(const Island &island, const Twine &details);

  /// Whether the last table getSharedConstant returned already existed.
  bool lastTableShared = false;
  void eraseDeadIslandOps(const Island &island);

  const FoldToTableOptions &options;
  RewriterBase &rewriter;
  bool shareConstants;

  /// One storage view (quant.scast) per quantized input.
  llvm::DenseMap<Value, Value> storageViews;
  /// Every table built, by program and parameters.
  llvm::StringMap<CachedTable> tableCache;
  /// Reused for the cache's keys.
  std::string keyBuffer;
  /// Constants (tables and RESCALE parameters) created in each function, by
  /// value.
  llvm::DenseMap<Operation *, llvm::DenseMap<Attribute, Value>>
      functionConstants;
  /// The last table and the last block-argument view placed at the start of
  /// a block: the next one goes after it, so the order is that of first use.
  llvm::DenseMap<Block *, Operation *> lastTable;
  llvm::DenseMap<Block *, Operation *> lastArgumentView;
};
} // namespace

LogicalResult IslandFolder::decline(Operation *sink, const Twine &reason) {
  ++result.numDeclined;
  declineReason = reason.str();
  if (options.reportDeclined)
    sink->emitRemark() << "not folded into a table: " << declineReason;
  return failure();
}

void IslandFolder::reportNaN(const Island &island,
                             ArrayRef<int64_t> nanInputCodes,
                             llvm::function_ref<double(int64_t)> programInput,
                             const Twine &policy) {
  if (nanInputCodes.empty())
    return;
  // Attribute each NaN code to the operation that first produced a NaN.
  Operation *sink = island.sink;
  llvm::MapVector<Operation *, SmallVector<int64_t>> codesByOp;
  for (int64_t code : nanInputCodes) {
    std::optional<uint32_t> origin =
        island.program.evaluateDetailed(programInput(code)).nanOrigin;
    Operation *op = origin ? island.instructionOps[*origin] : nullptr;
    codesByOp[op ? op : sink].push_back(code);
  }
  for (auto &[op, codes] : codesByOp)
    op->emitRemark() << "'" << op->getName() << "' gives NaN for input codes "
                     << formatCodeRanges(codes) << "; " << policy;
}

Value IslandFolder::getStorageView(Value source, Operation *user) {
  auto type = cast<RankedTensorType>(source.getType());
  auto quantType = cast<quant::QuantizedType>(type.getElementType());
  // A quantized value that is itself a view of storage (the result of an
  // earlier fold, say) is read through that storage.
  RankedTensorType storageType = type.clone(quantType.getStorageType());
  if (auto view = source.getDefiningOp<quant::StorageCastOp>())
    if (view.getInput().getType() == storageType)
      return view.getInput();
  OpBuilder::InsertionGuard guard(rewriter);
  if (!shareConstants) {
    rewriter.setInsertionPoint(user);
    return quant::StorageCastOp::create(rewriter, source.getLoc(),
                                        type.clone(quantType.getStorageType()),
                                        source);
  }
  Value &view = storageViews[source];
  if (view)
    return view;
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

Value IslandFolder::getSharedConstant(DenseElementsAttr value, Operation *user,
                                      Location loc, bool isTable) {
  OpBuilder::InsertionGuard guard(rewriter);
  // Share within the function whose body the user is in; a constant at the
  // start of that body dominates every use below it, unless an operation in
  // between is isolated from above.
  auto function = dyn_cast_or_null<FunctionOpInterface>(
      user->getParentWithTrait<OpTrait::IsIsolatedFromAbove>());
  if (!shareConstants || !function || function.isExternal()) {
    rewriter.setInsertionPoint(user);
    result.numTables += isTable;
    if (isTable)
      lastTableShared = false;
    return tosa::ConstOp::create(rewriter, loc, value.getType(), value);
  }

  Value &shared = functionConstants[function][value];
  if (isTable)
    lastTableShared = static_cast<bool>(shared);
  if (shared)
    return shared;
  Block *entry = &function.getFunctionBody().front();
  Operation *&last = lastTable[entry];
  if (last)
    rewriter.setInsertionPointAfter(last);
  else
    rewriter.setInsertionPointToStart(entry);
  // The first island that needs a constant names its location.
  last = tosa::ConstOp::create(rewriter, loc, value.getType(), value);
  shared = last->getResult(0);
  result.numTables += isTable;
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

/// Appends the bytes of `value` to `key`.
template <typename T>
static void appendBytes(std::string &key, const T &value) {
  key.append(reinterpret_cast<const char *>(&value), sizeof(value));
}

static void appendParams(std::string &key, const QuantParams &params) {
  appendBytes(key, params.storage.bitWidth);
  appendBytes(key, params.storage.isSigned);
  appendBytes(key, params.scale);
  appendBytes(key, params.zeroPoint);
  appendBytes(key, params.qmin);
  appendBytes(key, params.qmax);
}

IslandFolder::CachedTable *
IslandFolder::getTable(const Island &island,
                       const std::optional<QuantParams> &inParams,
                       const std::optional<QuantParams> &outParams) {
  // Islands that compute the same program between the same types share
  // their table: it is built once per pass run.
  std::string &key = keyBuffer;
  key.clear();
  island.program.appendKey(key);
  if (inParams) {
    appendParams(key, *inParams);
    appendParams(key, *outParams);
  }
  auto [entry, inserted] = tableCache.try_emplace(key);
  CachedTable &cached = entry->second;
  if (inserted) {
    auto store = [&](auto table, auto &slot) {
      if (table)
        slot = std::move(*table);
      else
        cached.error = llvm::toString(table.takeError());
    };
    if (!inParams)
      store(buildInt8CodeTable(island.program), cached.int8);
    else if (inParams->storage.bitWidth == 8)
      store(
          buildInt8Table(*inParams, *outParams, island.program, options.preset),
          cached.int8);
    else
      store(lutfold::buildInt16Table(*inParams, *outParams, island.program,
                                     options.preset),
            cached.int16);
  }
  if (!cached.int8 && !cached.int16) {
    (void)decline(island.sink, cached.error);
    return nullptr;
  }
  return &cached;
}

void IslandFolder::reportTableNaN(const Island &island,
                                  const CachedTable &table,
                                  const std::optional<QuantParams> &inParams,
                                  const std::optional<QuantParams> &outParams) {
  ArrayRef<int64_t> nanCodes =
      table.int8 ? table.int8->nanInputCodes : table.int16->nanInputCodes;
  if (nanCodes.empty())
    return;
  if (!inParams) {
    reportNaN(
        island, nanCodes,
        [](int64_t code) { return static_cast<double>(code); },
        "a NaN cast to an integer reads as 0");
    return;
  }
  Quantizer dequantizer(*inParams, options.preset);
  int64_t nanCode = Quantizer(*outParams, options.preset).nanCode();
  reportNaN(
      island, nanCodes,
      [&](int64_t code) { return dequantizer.dequantize(code); },
      (table.int8 ? "the table maps them to output code "
                  : "the table aims them at output code ") +
          Twine(nanCode) + " (the output zero point)");
}

Value IslandFolder::emitInt8Lookup(CachedTable &table, Value storage,
                                   Operation *sink, Location loc) {
  if (table.attributes.empty()) {
    auto tableType = RankedTensorType::get({Int8Table::kNumEntries},
                                           rewriter.getIntegerType(8));
    table.attributes.push_back(
        DenseElementsAttr::get(tableType, llvm::ArrayRef(table.int8->entries)));
  }
  Value tableConst =
      getSharedConstant(table.attributes[0], sink, loc, /*isTable=*/true);
  rewriter.setInsertionPoint(sink);
  return tosa::TableOp::create(rewriter, loc, storage.getType(), storage,
                               tableConst);
}

Value IslandFolder::emitInt16Lookup(CachedTable &table, Value storage,
                                    Type outStorageElement, Operation *sink,
                                    Location loc) {
  if (table.attributes.empty()) {
    auto attribute = [&](Type elementType, auto values) {
      auto type = RankedTensorType::get(
          {static_cast<int64_t>(std::size(values))}, elementType);
      table.attributes.push_back(
          DenseElementsAttr::get(type, llvm::ArrayRef(values)));
    };
    const TosaRescale &rescale = table.int16->rescale;
    attribute(rewriter.getI16Type(), table.int16->entries);
    attribute(rewriter.getI32Type(),
              std::array<int32_t, 1>{rescale.multiplier});
    attribute(rewriter.getI8Type(),
              std::array<int8_t, 1>{int8_t(rescale.shift)});
    attribute(rewriter.getI32Type(), std::array<int32_t, 1>{0});
    if (outStorageElement.isInteger(8))
      attribute(outStorageElement,
                std::array<int8_t, 1>{int8_t(rescale.outputZeroPoint)});
    else
      attribute(outStorageElement,
                std::array<int16_t, 1>{int16_t(rescale.outputZeroPoint)});
  }
  ArrayRef<DenseElementsAttr> attributes = table.attributes;
  Value tableConst =
      getSharedConstant(attributes[0], sink, loc, /*isTable=*/true);
  Value multiplier = getSharedConstant(attributes[1], sink, loc);
  Value shift = getSharedConstant(attributes[2], sink, loc);
  Value inputZeroPoint = getSharedConstant(attributes[3], sink, loc);
  Value outputZeroPoint = getSharedConstant(attributes[4], sink, loc);

  rewriter.setInsertionPoint(sink);
  auto storageType = cast<RankedTensorType>(storage.getType());
  // TABLE gives the interpolated value in 16.7 fixed point; RESCALE brings
  // it to output codes with TOSA's single rounding.
  Value lookup = tosa::TableOp::create(rewriter, loc,
                                       storageType.clone(rewriter.getI32Type()),
                                       storage, tableConst);
  return tosa::RescaleOp::create(
      rewriter, loc, storageType.clone(outStorageElement), lookup, multiplier,
      shift, inputZeroPoint, outputZeroPoint, /*scale32=*/true,
      tosa::RoundingMode::SINGLE_ROUND, /*per_channel=*/false,
      /*input_unsigned=*/false, /*output_unsigned=*/false);
}

void IslandFolder::reportFolded(const Island &island, const Twine &details) {
  if (!options.reportFolded)
    return;
  std::string ops;
  for (Operation *op : island.ops)
    if (op != island.sink)
      ops += (ops.empty() ? "" : ", ") + op->getName().getStringRef().str();
  island.sink->emitRemark()
      << "folded into a table: " << ops << "; " << details << "; "
      << (lastTableShared ? "shares the table of an earlier island"
                          : "new table");
}

LogicalResult IslandFolder::foldSink(Operation *sink) {
  // The quantize's type is checked before the walk: it is cheaper. Plain
  // islands have no quantized types.
  std::string reason;
  std::optional<QuantParams> inParams, outParams;
  bool plain = !isa<quant::QuantizeCastOp>(sink);
  if (!plain) {
    FailureOr<QuantParams> params = getPerTensorParams(
        sink->getResult(0).getType(), kTableStorageWidths, reason);
    if (failed(params))
      return decline(sink, "result of quant.qcast: " + reason);
    outParams = *params;
  }

  FailureOr<Island> island = analyzeIsland(sink, options.limits, reason);
  if (failed(island))
    return decline(sink, reason);
  if (!plain) {
    FailureOr<QuantParams> params = getPerTensorParams(
        island->source.getType(), kTableStorageWidths, reason);
    if (failed(params))
      return decline(sink, "input of quant.dcast: " + reason);
    inParams = *params;
    // An i8 TABLE returns i8: a wider output would only be a widened copy.
    if (inParams->storage.bitWidth == 8 && outParams->storage.bitWidth != 8)
      return decline(sink, "an 8-bit input needs an 8-bit output, but the "
                           "result of quant.qcast has " +
                               Twine(outParams->storage.bitWidth) +
                               "-bit storage");
  }

  // Build the table before touching the IR: a failure leaves it as it was.
  CachedTable *table = getTable(*island, inParams, outParams);
  if (!table)
    return failure();
  reportTableNaN(*island, *table, inParams, outParams);

  // The lookup replaces the quantize and takes its location, as a rewrite
  // of the quantize would; remarks (report-folded) name the island's ops.
  Location loc = sink->getLoc();

  // Plain islands read the i8 tensor itself; quant-dialect islands its
  // storage view.
  Value storage = plain ? island->source : getStorageView(island->source, sink);
  auto outType = cast<RankedTensorType>(sink->getResult(0).getType());
  auto outStorageType = outType;
  if (auto quantType = dyn_cast<quant::QuantizedType>(outType.getElementType()))
    outStorageType = outType.clone(quantType.getStorageType());
  Value lookup =
      table->int8 ? emitInt8Lookup(*table, storage, sink, loc)
                  : emitInt16Lookup(*table, storage,
                                    outStorageType.getElementType(), sink, loc);
  // The lookup has exactly its input's shape. The quantize may carry a
  // more (or less) refined but compatible shape; a tensor.cast bridges them.
  rewriter.setInsertionPoint(sink);
  if (outStorageType != lookup.getType())
    lookup = tensor::CastOp::create(rewriter, loc, outStorageType, lookup);
  Value folded = lookup;
  if (!plain)
    folded =
        quant::StorageCastOp::create(rewriter, sink->getLoc(), outType, lookup);
  if (options.reportFolded) {
    std::string details;
    llvm::raw_string_ostream os(details);
    if (plain)
      os << "from i8 codes to i8 codes";
    else
      os << "from " << quoted(island->source.getType()) << " to "
         << quoted(outType);
    if (table->int16 && !table->int16Error) {
      // Once per distinct table: the reference costs 65,536 evaluations.
      llvm::Expected<Int16Reference> reference = buildInt16Reference(
          *inParams, *outParams, island->program, options.preset);
      if (reference)
        table->int16Error = measureInt16TableError(*table->int16, *reference);
      else
        llvm::consumeError(reference.takeError());
    }
    if (table->int16Error)
      os << "; TABLE + RESCALE, error at most " << table->int16Error->maxError
         << " output codes, mean "
         << llvm::format("%.4f", table->int16Error->meanError);
    reportFolded(*island, details);
  }
  rewriter.replaceOp(sink, folded);
  eraseDeadIslandOps(*island);
  // A storage view the island read through (an earlier fold's result) is
  // dead once its dequantize is gone.
  if (!plain)
    if (auto view = island->source.getDefiningOp<quant::StorageCastOp>())
      if (view->use_empty() && view.getInput() == storage)
        rewriter.eraseOp(view);
  ++result.numFolded;
  return success();
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

  IRRewriter rewriter(root->getContext());
  IslandFolder folder(rewriter, options, /*shareConstants=*/true);
  for (Operation *sink : sinks)
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
    if (!isa<quant::QuantizeCastOp>(op) && !isPlainTosaSink(op))
      return rewriter.notifyMatchFailure(op, "does not end an island");
    IslandFolder folder(rewriter, options, /*shareConstants=*/false);
    if (succeeded(folder.foldSink(op)))
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
