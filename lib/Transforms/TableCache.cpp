//===- TableCache.cpp - Tables built once per pass run --------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "TableCache.h"

#include "mlir/IR/BuiltinTypes.h"

#include <array>

using namespace mlir;
using namespace lutfold;

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

/// A one-dimensional constant of `values`.
template <typename Range>
static DenseElementsAttr getVector(Type elementType, const Range &values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(std::size(values))},
                                    elementType);
  return DenseElementsAttr::get(type, llvm::ArrayRef(values));
}

void TableCache::createAttributes(
    CachedTable &cached,
    const std::optional<IslandQuantization> &quantization) {
  auto i8 = IntegerType::get(context, 8);
  auto i32 = IntegerType::get(context, 32);
  if (const Int8Table *table = cached.getInt8()) {
    cached.entries = getVector(i8, table->entries);
    return;
  }
  const Int16Table &table = *cached.getInt16();
  const TosaRescale &rescale = table.rescale;
  cached.entries = getVector(IntegerType::get(context, 16), table.entries);
  cached.multiplier = getVector(i32, std::array{rescale.multiplier});
  cached.shift = getVector(i8, std::array{static_cast<int8_t>(rescale.shift)});
  cached.inputZeroPoint = getVector(i32, std::array{int32_t(0)});
  if (quantization->out.storage.bitWidth == 8)
    cached.outputZeroPoint =
        getVector(i8, std::array{static_cast<int8_t>(rescale.outputZeroPoint)});
  else
    cached.outputZeroPoint =
        getVector(IntegerType::get(context, 16),
                  std::array{static_cast<int16_t>(rescale.outputZeroPoint)});
}

CachedTable *
TableCache::getOrBuild(const ScalarProgram &program,
                       const std::optional<IslandQuantization> &quantization,
                       std::string &error) {
  std::string &key = keyBuffer;
  key.clear();
  program.appendKey(key);
  if (quantization) {
    appendParams(key, quantization->in);
    appendParams(key, quantization->out);
  }
  auto [it, inserted] = entries.try_emplace(key);
  Entry &entry = it->second;
  if (inserted) {
    llvm::Expected<QuantizedTable> table =
        quantization
            ? buildQuantizedTable(quantization->in, quantization->out, program,
                                  preset)
            : llvm::Expected<QuantizedTable>(buildInt8CodeTable(program));
    if (table) {
      entry.table.emplace(std::move(*table));
      createAttributes(*entry.table, quantization);
    } else {
      entry.error = llvm::toString(table.takeError());
    }
  }
  if (!entry.table) {
    error = entry.error;
    return nullptr;
  }
  return &*entry.table;
}
