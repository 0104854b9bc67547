//===- FoldToTable.cpp - Fold quantized activations into tables -----------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Matches dequantize -> float activation -> quantize on int8 per-tensor
// quantized tensors and replaces it with a TOSA TABLE on the storage values.
// The walk visits each activation once and edits only the island it matched;
// no greedy driver runs, so no folder (in particular upstream's
// dcast(qcast(x)) -> x) can touch the rest of the IR.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/FoldToTable.h"

#include "lutfold/Numerics/LookupTable.h"
#include "lutfold/Numerics/ScalarFunctions.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace lutfold;

/// A type quoted as MLIR's own diagnostics print it.
static std::string quoted(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '\'' << type << '\'';
  return text;
}

/// Reads the per-tensor int8 quantization of a tensor type whose element is
/// `!quant.uniform<i8...:f32, ...>`, or sets `reason` (a sentence fragment for
/// a remark) to why it is not one.
static FailureOr<QuantParams> getInt8Params(Type type, std::string &reason) {
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType) {
    reason = "type " + quoted(type) + " is not a ranked tensor";
    return failure();
  }
  Type elementType = tensorType.getElementType();
  if (isa<quant::UniformQuantizedPerAxisType,
          quant::UniformQuantizedSubChannelType>(elementType)) {
    reason = "element type " + quoted(elementType) +
             " is quantized per axis, not per tensor";
    return failure();
  }
  auto quantType = dyn_cast<quant::UniformQuantizedType>(elementType);
  if (!quantType) {
    reason = "element type " + quoted(elementType) +
             " is not a per-tensor !quant.uniform type";
    return failure();
  }
  if (!quantType.isSigned() || quantType.getStorageTypeIntegralWidth() != 8) {
    reason = "storage type of " + quoted(elementType) + " is not signed 8-bit";
    return failure();
  }
  if (!quantType.getExpressedType().isF32()) {
    reason = "expressed type of " + quoted(elementType) + " is not f32";
    return failure();
  }
  QuantParams params{StorageType::i8(), quantType.getScale(),
                     quantType.getZeroPoint(), quantType.getStorageTypeMin(),
                     quantType.getStorageTypeMax()};
  if (llvm::Error error = params.validate()) {
    reason = "quantization of " + quoted(elementType) +
             " is unusable: " + llvm::toString(std::move(error));
    return failure();
  }
  return params;
}

namespace {
/// Folds the islands of one root, keeping the options and the counts.
class IslandFolder {
public:
  explicit IslandFolder(const FoldToTableOptions &options) : options(options) {}

  void foldActivation(tosa::SigmoidOp activation);

  FoldToTableResult result;

private:
  void decline(Operation *op, const Twine &reason);

  /// Replaces `sink` by a table lookup on `storage`; the tables, one per
  /// island, are built by the caller.
  void replaceSink(RewriterBase &rewriter, quant::QuantizeCastOp sink,
                   Value storage, const Int8Table &table, Location loc);

  const FoldToTableOptions &options;
};
} // namespace

void IslandFolder::decline(Operation *op, const Twine &reason) {
  ++result.numDeclined;
  if (options.reportDeclined)
    op->emitRemark() << "not folded into a table: " << reason;
}

void IslandFolder::foldActivation(tosa::SigmoidOp activation) {
  auto source = activation.getInput().getDefiningOp<quant::DequantizeCastOp>();
  if (!source)
    return decline(activation, "input is not produced by quant.dcast");

  std::string reason;
  FailureOr<QuantParams> inParams =
      getInt8Params(source.getInput().getType(), reason);
  if (failed(inParams))
    return decline(activation, "input of quant.dcast: " + reason);

  SmallVector<quant::QuantizeCastOp> sinks;
  for (Operation *user : activation->getUsers())
    if (auto sink = dyn_cast<quant::QuantizeCastOp>(user))
      sinks.push_back(sink);
  if (sinks.empty())
    return decline(activation, "result is not quantized by quant.qcast");

  IRRewriter rewriter(activation->getContext());
  Value storage;
  for (quant::QuantizeCastOp sink : sinks) {
    FailureOr<QuantParams> outParams =
        getInt8Params(sink.getResult().getType(), reason);
    if (failed(outParams)) {
      decline(sink, "result of quant.qcast: " + reason);
      continue;
    }
    llvm::Expected<Int8Table> table =
        buildInt8Table(*inParams, *outParams, sigmoid, options.preset);
    if (!table) {
      // Parameters were validated above; keep the IR intact regardless.
      decline(sink, llvm::toString(table.takeError()));
      continue;
    }
    if (!storage) {
      // One storage view of the input serves every sink of this activation.
      auto inType = cast<RankedTensorType>(source.getInput().getType());
      auto quantType = cast<quant::QuantizedType>(inType.getElementType());
      rewriter.setInsertionPointAfter(source);
      storage = quant::StorageCastOp::create(
          rewriter, source.getLoc(), inType.clone(quantType.getStorageType()),
          source.getInput());
    }
    Location loc = rewriter.getFusedLoc(
        {source.getLoc(), activation.getLoc(), sink.getLoc()});
    replaceSink(rewriter, sink, storage, *table, loc);
    ++result.numFolded;
  }

  if (activation->use_empty())
    rewriter.eraseOp(activation);
  if (source->use_empty())
    rewriter.eraseOp(source);
}

void IslandFolder::replaceSink(RewriterBase &rewriter,
                               quant::QuantizeCastOp sink, Value storage,
                               const Int8Table &table, Location loc) {
  rewriter.setInsertionPoint(sink);
  Type i8 = rewriter.getIntegerType(8);
  auto tableType = RankedTensorType::get({Int8Table::kNumEntries}, i8);
  auto values =
      DenseElementsAttr::get(tableType, llvm::ArrayRef(table.entries));
  Value tableConst = tosa::ConstOp::create(rewriter, loc, tableType, values);

  // TABLE's result has exactly its input's shape. The quantize may carry a
  // more (or less) refined but compatible shape; a tensor.cast bridges them.
  auto storageType = cast<RankedTensorType>(storage.getType());
  Value lookup =
      tosa::TableOp::create(rewriter, loc, storageType, storage, tableConst);
  auto outType = cast<RankedTensorType>(sink.getResult().getType());
  auto outStorageType = outType.clone(
      cast<quant::QuantizedType>(outType.getElementType()).getStorageType());
  if (outStorageType != storageType)
    lookup = tensor::CastOp::create(rewriter, loc, outStorageType, lookup);
  Value result =
      quant::StorageCastOp::create(rewriter, sink.getLoc(), outType, lookup);
  rewriter.replaceOp(sink, result);
}

FoldToTableResult
lutfold::foldIslandsToTables(Operation *root,
                             const FoldToTableOptions &options) {
  // Collect first: folding erases operations the walk would visit.
  SmallVector<tosa::SigmoidOp> activations;
  root->walk([&](tosa::SigmoidOp op) { activations.push_back(op); });

  IslandFolder folder(options);
  for (tosa::SigmoidOp activation : activations)
    folder.foldActivation(activation);
  return folder.result;
}
