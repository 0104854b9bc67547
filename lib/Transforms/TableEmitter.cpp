//===- TableEmitter.cpp - The IR of a folded island -----------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "TableEmitter.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace lutfold;

RankedTensorType TableEmitter::getWithElementType(RankedTensorType type,
                                                  Type element) {
  // A model repeats few shapes: a map lookup is cheaper than uniquing the
  // type again.
  RankedTensorType &cloned = clonedTypes[{type, element}];
  if (!cloned)
    cloned = type.clone(element);
  return cloned;
}

Value TableEmitter::getStorageView(Value source, Operation *user) {
  auto type = cast<RankedTensorType>(source.getType());
  auto quantType = cast<quant::QuantizedType>(type.getElementType());
  RankedTensorType storageType =
      getWithElementType(type, quantType.getStorageType());
  // A quantized value that is itself a view of storage (the result of an
  // earlier fold, say) is read through that storage.
  if (auto view = source.getDefiningOp<quant::StorageCastOp>())
    if (view.getInput().getType() == storageType)
      return view.getInput();
  OpBuilder::InsertionGuard guard(rewriter);
  auto createView = [&] {
    return quant::StorageCastOp::create(rewriter, source.getLoc(), storageType,
                                        source);
  };
  if (!shareConstants) {
    rewriter.setInsertionPoint(user);
    return createView();
  }
  Value &view = storageViews[source];
  if (view)
    return view;
  if (auto argument = dyn_cast<BlockArgument>(source)) {
    // Views of block arguments open the block: after the constants placed
    // there and after earlier views, so both keep the order of first use.
    Block *block = argument.getOwner();
    Operation *&lastView = lastArgumentView[block];
    if (Operation *after = lastView ? lastView : lastConstant.lookup(block))
      rewriter.setInsertionPointAfter(after);
    else
      rewriter.setInsertionPointToStart(block);
    lastView = createView();
    view = lastView->getResult(0);
    return view;
  }
  rewriter.setInsertionPointAfterValue(source);
  view = createView();
  return view;
}

FunctionOpInterface TableEmitter::getSharingFunction(Operation *user) const {
  if (!shareConstants)
    return {};
  // Consecutive islands are mostly in one block; its function is looked up
  // once (an interface lookup costs hundreds of instructions).
  Block *block = user->getBlock();
  if (block == lastUserBlock)
    return lastSharingFunction;
  // A constant at the start of the body of the function the user is in
  // dominates every use below it, unless an operation in between is
  // isolated from above.
  auto function = dyn_cast_or_null<FunctionOpInterface>(
      user->getParentWithTrait<OpTrait::IsIsolatedFromAbove>());
  lastUserBlock = block;
  lastSharingFunction =
      function && !function.isExternal() ? function : FunctionOpInterface();
  return lastSharingFunction;
}

SharedConstant TableEmitter::getConstant(DenseElementsAttr value,
                                         FunctionOpInterface function,
                                         Operation *user, Location loc) {
  OpBuilder::InsertionGuard guard(rewriter);
  if (!function) {
    rewriter.setInsertionPoint(user);
    return {tosa::ConstOp::create(rewriter, loc, value.getType(), value),
            /*isNew=*/true};
  }

  Value &shared = functionConstants[function][value];
  if (shared)
    return {shared, /*isNew=*/false};
  Block *entry = &function.getFunctionBody().front();
  Operation *&last = lastConstant[entry];
  if (last)
    rewriter.setInsertionPointAfter(last);
  else
    rewriter.setInsertionPointToStart(entry);
  // The first island that needs a constant names its location.
  last = tosa::ConstOp::create(rewriter, loc, value.getType(), value);
  shared = last->getResult(0);
  return {shared, /*isNew=*/true};
}

EmittedLookup TableEmitter::emitLookup(const LookupOperands &operands,
                                       Value storage, Type outStorageElement,
                                       Operation *sink, Location loc) {
  FunctionOpInterface function = getSharingFunction(sink);
  SharedConstant entries = getConstant(operands.entries, function, sink, loc);
  auto storageType = cast<RankedTensorType>(storage.getType());
  if (!operands.hasRescale()) {
    rewriter.setInsertionPoint(sink);
    return {tosa::TableOp::create(rewriter, loc, storageType, storage,
                                  entries.value),
            entries.isNew};
  }
  Value multiplier =
      getConstant(operands.multiplier, function, sink, loc).value;
  Value shift = getConstant(operands.shift, function, sink, loc).value;
  Value inputZeroPoint =
      getConstant(operands.inputZeroPoint, function, sink, loc).value;
  Value outputZeroPoint =
      getConstant(operands.outputZeroPoint, function, sink, loc).value;

  rewriter.setInsertionPoint(sink);
  // TABLE gives the interpolated value in 16.7 fixed point; RESCALE brings
  // it to output codes with TOSA's single rounding. Its attributes are made
  // once: every fold's RESCALE has the same.
  if (!rescaleAttributes) {
    BoolAttr no = rewriter.getBoolAttr(false);
    rescaleAttributes = {
        rewriter.getBoolAttr(true),
        tosa::RoundingModeAttr::get(rewriter.getContext(),
                                    tosa::RoundingMode::SINGLE_ROUND),
        no};
  }
  const RescaleAttributes &attributes = *rescaleAttributes;
  Value lookup = tosa::TableOp::create(
      rewriter, loc, getWithElementType(storageType, rewriter.getI32Type()),
      storage, entries.value);
  Value rescaled = tosa::RescaleOp::create(
      rewriter, loc, getWithElementType(storageType, outStorageElement), lookup,
      multiplier, shift, inputZeroPoint, outputZeroPoint, attributes.scale32,
      attributes.roundingMode, /*per_channel=*/attributes.no,
      /*input_unsigned=*/attributes.no, /*output_unsigned=*/attributes.no);
  return {rescaled, entries.isNew};
}
