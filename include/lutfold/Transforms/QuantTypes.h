//===- QuantTypes.h - Reading quant dialect types ---------------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_TRANSFORMS_QUANTTYPES_H
#define LUTFOLD_TRANSFORMS_QUANTTYPES_H

#include "lutfold/Numerics/QuantParams.h"

#include "mlir/IR/Operation.h"
#include "mlir/IR/Types.h"
#include "mlir/IR/Value.h"
#include "mlir/Support/LLVM.h"

#include <string>

namespace lutfold {

/// A type quoted as MLIR's own diagnostics print it.
std::string quoted(mlir::Type type);

/// Reads the per-tensor quantization of a ranked tensor whose element is
/// `!quant.uniform` with signed storage of one of `storageWidths` bits and an
/// f32 expressed type, validated. Otherwise sets `reason` (a sentence
/// fragment for a remark) to why it is not one.
mlir::FailureOr<QuantParams>
getPerTensorParams(mlir::Type type, llvm::ArrayRef<unsigned> storageWidths,
                   std::string &reason);

/// Reads `text` as a quantized element type ("!quant.uniform<i8:f32,
/// 0.05:-3>") and checks it as getPerTensorParams does. Otherwise sets
/// `reason` to "cannot read '<text>' as an MLIR type" (the parser's own
/// diagnostic goes to the context's handlers) or to getPerTensorParams'
/// reason.
mlir::FailureOr<QuantParams>
parseQuantParams(llvm::StringRef text, mlir::MLIRContext *context,
                 llvm::ArrayRef<unsigned> storageWidths, std::string &reason);

/// The quantization at both ends of a quant-dialect island.
struct IslandQuantization {
  QuantParams in;
  QuantParams out;
};

/// The parameters of the result of the quantize (`quant.qcast`) `sink`, as a
/// table can produce them; `reason` starts "result of quant.qcast: ".
mlir::FailureOr<QuantParams> getQuantizeParams(mlir::Operation *sink,
                                               std::string &reason);

/// The quantization of an island that dequantizes `source` and ends at a
/// quantize whose result has `out`: the input's parameters (`reason` starts
/// "input of quant.dcast: "), and a TOSA table form that maps the two
/// (selectTableForm). The one check of both ends, for the fold and tools.
mlir::FailureOr<IslandQuantization>
getIslandQuantization(mlir::Value source, const QuantParams &out,
                      std::string &reason);

} // namespace lutfold

#endif // LUTFOLD_TRANSFORMS_QUANTTYPES_H
