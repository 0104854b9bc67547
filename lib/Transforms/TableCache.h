//===- TableCache.h - Tables built once per pass run ------------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Islands that compute the same program between the same types share their
// table: it is built once per run of the fold, with the attributes of its
// constants. Private to the fold.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_LIB_TRANSFORMS_TABLECACHE_H
#define LUTFOLD_LIB_TRANSFORMS_TABLECACHE_H

#include "TableEmitter.h"

#include "lutfold/Numerics/QuantizedTable.h"
#include "lutfold/Numerics/ScalarProgram.h"
#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

namespace lutfold {

/// One distinct table and the attributes of the constants that hold it.
struct CachedTable {
  explicit CachedTable(QuantizedTable table) : table(std::move(table)) {}

  const Int8Table *getInt8() const { return std::get_if<Int8Table>(&table); }
  const Int16Table *getInt16() const { return std::get_if<Int16Table>(&table); }

  QuantizedTable table;
  /// Its IR: TABLE's entries and, for int16, the RESCALE's operands.
  LookupOperands operands;
};

class TableCache {
public:
  TableCache(mlir::MLIRContext *context, NumericsPreset preset)
      : context(context), preset(preset) {}

  /// The table of `program` between the ends of `quantization` (the code
  /// table of a plain-TOSA program without), built on first request.
  /// Fails with why when no table can be built; that answer is cached too.
  llvm::Expected<CachedTable *>
  getOrBuild(const ScalarProgram &program,
             const std::optional<IslandQuantization> &quantization);

  /// A table to build ahead of the fold.
  struct Request {
    ScalarProgram program;
    std::optional<IslandQuantization> quantization;
  };

  /// Builds the tables of `requests` not built yet, on the context's thread
  /// pool (or in turn when threading is off), so that getOrBuild finds them.
  /// Every table is a pure function of its request: the fold's output is the
  /// same either way.
  void prebuild(llvm::ArrayRef<Request> requests);

private:
  struct Entry {
    std::optional<CachedTable> table;
    std::string error;
  };

  void createAttributes(CachedTable &table);
  /// The cache key of a program between `quantization`'s ends, in keyBuffer.
  llvm::StringRef
  makeKey(const ScalarProgram &program,
          const std::optional<IslandQuantization> &quantization);
  /// Builds the table of `program` between `quantization`'s ends.
  llvm::Expected<QuantizedTable>
  build(const ScalarProgram &program,
        const std::optional<IslandQuantization> &quantization) const;
  /// Stores a built table (or why there is none) under `entry`.
  void store(Entry &entry, llvm::Expected<QuantizedTable> table);

  mlir::MLIRContext *context;
  NumericsPreset preset;
  llvm::StringMap<Entry> entries;
  /// Reused for the keys.
  std::string keyBuffer;
};

} // namespace lutfold

#endif // LUTFOLD_LIB_TRANSFORMS_TABLECACHE_H
