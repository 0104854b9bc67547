//===- TableCache.cpp - Tables built once per pass run --------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "TableCache.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Threading.h"

#include "llvm/ADT/STLExtras.h"

#include <array>
#include <cstring>
#include <vector>

using namespace mlir;
using namespace lutfold;

static void appendParams(std::string &key, const QuantParams &params) {
  // Packed first, appended once: a key is made for every island.
  char packed[sizeof(unsigned) + sizeof(bool) + sizeof(double) +
              3 * sizeof(int64_t)];
  char *out = packed;
  auto pack = [&](const auto &value) {
    std::memcpy(out, &value, sizeof(value));
    out += sizeof(value);
  };
  pack(params.storage.bitWidth);
  pack(params.storage.isSigned);
  pack(params.scale);
  pack(params.zeroPoint);
  pack(params.qmin);
  pack(params.qmax);
  key.append(packed, out - packed);
}

/// A one-dimensional constant of `values`.
template <typename Range>
static DenseElementsAttr getVector(Type elementType, const Range &values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(std::size(values))},
                                    elementType);
  return DenseElementsAttr::get(type, llvm::ArrayRef(values));
}

void TableCache::createAttributes(CachedTable &cached) {
  auto i8 = IntegerType::get(context, 8);
  auto i32 = IntegerType::get(context, 32);
  if (const Int8Table *table = cached.getInt8()) {
    cached.operands.entries = getVector(i8, table->entries);
    return;
  }
  const Int16Table &table = *cached.getInt16();
  const TosaRescale &rescale = table.rescale;
  cached.operands.entries =
      getVector(IntegerType::get(context, 16), table.entries);
  cached.operands.multiplier = getVector(i32, std::array{rescale.multiplier});
  cached.operands.shift =
      getVector(i8, std::array{static_cast<int8_t>(rescale.shift)});
  cached.operands.inputZeroPoint = getVector(i32, std::array{int32_t(0)});
  if (rescale.output.bitWidth == 8)
    cached.operands.outputZeroPoint =
        getVector(i8, std::array{static_cast<int8_t>(rescale.outputZeroPoint)});
  else
    cached.operands.outputZeroPoint =
        getVector(IntegerType::get(context, 16),
                  std::array{static_cast<int16_t>(rescale.outputZeroPoint)});
}

StringRef
TableCache::makeKey(const ScalarProgram &program,
                    const std::optional<IslandQuantization> &quantization) {
  std::string &key = keyBuffer;
  key.clear();
  program.appendKey(key);
  if (quantization) {
    appendParams(key, quantization->in);
    appendParams(key, quantization->out);
  }
  return key;
}

llvm::Expected<QuantizedTable>
TableCache::build(const ScalarProgram &program,
                  const std::optional<IslandQuantization> &quantization) const {
  if (!quantization)
    return buildCodeTable(program);
  return buildQuantizedTable(quantization->in, quantization->out, program,
                             preset);
}

void TableCache::store(Entry &entry, llvm::Expected<QuantizedTable> table) {
  if (!table) {
    entry.error = llvm::toString(table.takeError());
    return;
  }
  entry.table.emplace(std::move(*table));
  createAttributes(*entry.table);
}

void TableCache::prebuild(ArrayRef<Request> requests) {
  // The distinct requests not built yet, in order, with their entries
  // (StringMap entries stay where they are).
  SmallVector<std::pair<const Request *, Entry *>> pending;
  for (const Request &request : requests) {
    auto [it, inserted] =
        entries.try_emplace(makeKey(request.program, request.quantization));
    if (inserted)
      pending.push_back({&request, &it->second});
  }
  std::vector<std::optional<llvm::Expected<QuantizedTable>>> built(
      pending.size());
  parallelFor(context, 0, pending.size(), [&](size_t i) {
    const Request &request = *pending[i].first;
    built[i].emplace(build(request.program, request.quantization));
  });
  // Attributes are made in request order, as the fold would make them.
  for (auto [request, table] : llvm::zip_equal(pending, built))
    store(*request.second, std::move(*table));
}

llvm::Expected<CachedTable *>
TableCache::getOrBuild(const ScalarProgram &program,
                       const std::optional<IslandQuantization> &quantization) {
  auto [it, inserted] = entries.try_emplace(makeKey(program, quantization));
  Entry &entry = it->second;
  if (inserted)
    store(entry, build(program, quantization));
  if (!entry.table)
    return makeReason(entry.error);
  return &*entry.table;
}
