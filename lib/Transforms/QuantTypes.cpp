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

FailureOr<QuantParams>
lutfold::getPerTensorParams(Type type, ArrayRef<unsigned> storageWidths,
                            std::string &reason) {
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
  unsigned storageWidth = quantType.getStorageTypeIntegralWidth();
  if (!quantType.isSigned() ||
      !llvm::is_contained(storageWidths, storageWidth)) {
    reason = "storage type of " + quoted(elementType) + " is not signed " +
             formatBitWidths(storageWidths);
    return failure();
  }
  // `si8` storage parses, but quant.scast only views quantized values as
  // signless integers, so no valid IR reads or writes such codes.
  if (!quantType.getStorageType().isSignlessInteger()) {
    std::string storage;
    llvm::raw_string_ostream(storage) << quantType.getStorageType();
    reason = "storage type " + storage +
             " is not signless: quant.scast views quantized values only as "
             "the signless integers TOSA reads";
    return failure();
  }
  if (!quantType.getExpressedType().isF32()) {
    reason = "expressed type of " + quoted(elementType) + " is not f32";
    return failure();
  }
  QuantParams params{StorageType{storageWidth, true}, quantType.getScale(),
                     quantType.getZeroPoint(), quantType.getStorageTypeMin(),
                     quantType.getStorageTypeMax()};
  if (llvm::Error error = params.validate()) {
    reason = "quantization of " + quoted(elementType) +
             " is unusable: " + llvm::toString(std::move(error));
    return failure();
  }
  return params;
}

FailureOr<QuantParams> lutfold::getQuantizeParams(Operation *sink,
                                                  std::string &reason) {
  FailureOr<QuantParams> params = getPerTensorParams(
      sink->getResult(0).getType(), kTableStorageWidths, reason);
  if (failed(params))
    reason = "result of quant.qcast: " + reason;
  return params;
}

FailureOr<IslandQuantization>
lutfold::getIslandQuantization(Value source, const QuantParams &out,
                               std::string &reason) {
  FailureOr<QuantParams> in =
      getPerTensorParams(source.getType(), kTableStorageWidths, reason);
  if (failed(in)) {
    reason = "input of quant.dcast: " + reason;
    return failure();
  }
  llvm::Expected<TableForm> form = selectTableForm(
      in->storage.bitWidth, out.storage.bitWidth, "the result of quant.qcast");
  if (!form) {
    reason = llvm::toString(form.takeError());
    return failure();
  }
  return IslandQuantization{*in, out};
}

FailureOr<QuantParams>
lutfold::parseQuantParams(StringRef text, MLIRContext *context,
                          ArrayRef<unsigned> storageWidths,
                          std::string &reason) {
  Type type = parseType(text, context);
  if (!type) {
    reason = ("cannot read '" + text + "' as an MLIR type").str();
    return failure();
  }
  return getPerTensorParams(RankedTensorType::get({1}, type), storageWidths,
                            reason);
}
