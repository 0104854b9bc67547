//===- QuantTypes.cpp - Reading quant dialect types -----------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/QuantTypes.h"

#include "lutfold/Numerics/QuantizedTable.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"

#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace lutfold;

std::string lutfold::quoted(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '\'' << type << '\'';
  return text;
}

llvm::Expected<QuantParams>
lutfold::getPerTensorParams(Type type, ArrayRef<unsigned> storageWidths) {
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType)
    return makeReason("type " + quoted(type) + " is not a ranked tensor");
  Type elementType = tensorType.getElementType();
  if (isa<quant::UniformQuantizedPerAxisType,
          quant::UniformQuantizedSubChannelType>(elementType))
    return makeReason("element type " + quoted(elementType) +
                      " is quantized per axis, not per tensor");
  auto quantType = dyn_cast<quant::UniformQuantizedType>(elementType);
  if (!quantType)
    return makeReason("element type " + quoted(elementType) +
                      " is not a per-tensor !quant.uniform type");
  unsigned storageWidth = quantType.getStorageTypeIntegralWidth();
  if (!quantType.isSigned() || !llvm::is_contained(storageWidths, storageWidth))
    return makeReason("storage type of " + quoted(elementType) +
                      " is not signed " + formatBitWidths(storageWidths));
  // `si8` storage parses, but quant.scast only views quantized values as
  // signless integers, so no valid IR reads or writes such codes.
  if (!quantType.getStorageType().isSignlessInteger()) {
    std::string storage;
    llvm::raw_string_ostream(storage) << quantType.getStorageType();
    return makeReason(
        "storage type " + storage +
        " is not signless: quant.scast views quantized values only as "
        "the signless integers TOSA reads");
  }
  if (!quantType.getExpressedType().isF32())
    return makeReason("expressed type of " + quoted(elementType) +
                      " is not f32");
  QuantParams params{StorageType{storageWidth, true}, quantType.getScale(),
                     quantType.getZeroPoint(), quantType.getStorageTypeMin(),
                     quantType.getStorageTypeMax()};
  if (llvm::Error error = params.validate())
    return makeReason("quantization of " + quoted(elementType) +
                      " is unusable: " + llvm::toString(std::move(error)));
  return params;
}

llvm::Expected<QuantParams> lutfold::getQuantizeParams(Operation *sink) {
  llvm::Expected<QuantParams> params =
      getPerTensorParams(sink->getResult(0).getType(), kTableStorageWidths);
  if (!params)
    return prefixReason("result of quant.qcast: ", params.takeError());
  return params;
}

llvm::Expected<IslandQuantization>
lutfold::getIslandQuantization(Value source, const QuantParams &out) {
  llvm::Expected<QuantParams> in =
      getPerTensorParams(source.getType(), kTableStorageWidths);
  if (!in)
    return prefixReason("input of quant.dcast: ", in.takeError());
  llvm::Expected<TableForm> form = selectTableForm(
      in->storage.bitWidth, out.storage.bitWidth, "the result of quant.qcast");
  if (!form)
    return form.takeError();
  return IslandQuantization{*in, out};
}

llvm::Expected<QuantParams>
lutfold::parseQuantParams(StringRef text, MLIRContext *context,
                          ArrayRef<unsigned> storageWidths) {
  Type type = parseType(text, context);
  if (!type)
    return makeReason("cannot read '" + text + "' as an MLIR type");
  return getPerTensorParams(RankedTensorType::get({1}, type), storageWidths);
}
