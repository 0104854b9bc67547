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

#include "lutfold/Numerics/Reason.h"
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
/// f32 expressed type, validated; otherwise why it is not one (a sentence
/// fragment for a remark).
llvm::Expected<QuantParams>
getPerTensorParams(mlir::Type type, llvm::ArrayRef<unsigned> storageWidths);

/// Reads `text` as a quantized element type ("!quant.uniform<i8:f32,
/// 0.05:-3>") and checks it as getPerTensorParams does; otherwise "cannot
/// read '<text>' as an MLIR type" (the parser's own diagnostic goes to the
/// context's handlers) or getPerTensorParams' reason.
llvm::Expected<QuantParams>
parseQuantParams(llvm::StringRef text, mlir::MLIRContext *context,
                 llvm::ArrayRef<unsigned> storageWidths);

/// The quantization at both ends of a quant-dialect island.
struct IslandQuantization {
  QuantParams in;
  QuantParams out;
};

/// The parameters of the result of the quantize (`quant.qcast`) `sink`, as a
/// table can produce them; the reason why not starts "result of
/// quant.qcast: ".
llvm::Expected<QuantParams> getQuantizeParams(mlir::Operation *sink);

/// The quantization of an island that dequantizes `source` and ends at a
/// quantize whose result has `out`: the input's parameters (the reason why
/// not starts "input of quant.dcast: "), and a TOSA table form that maps
/// the two (selectTableForm). The one check of both ends, for the fold and
/// tools.
llvm::Expected<IslandQuantization>
getIslandQuantization(mlir::Value source, const QuantParams &out);

} // namespace lutfold

#endif // LUTFOLD_TRANSFORMS_QUANTTYPES_H
