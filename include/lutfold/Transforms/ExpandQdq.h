//===- ExpandQdq.h - Exact quantize/dequantize in plain TOSA ----*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_TRANSFORMS_EXPANDQDQ_H
#define LUTFOLD_TRANSFORMS_EXPANDQDQ_H

#include "lutfold/Numerics/Quantizer.h"

#include "mlir/IR/Operation.h"

namespace lutfold {

struct ExpandQdqResult {
  unsigned numExpanded = 0;
  unsigned numLeft = 0;
};

/// Rewrites every `quant.dcast` and `quant.qcast` nested under `root` whose
/// type is per-tensor `!quant.uniform` with signed 8- or 16-bit storage and
/// an f32 expressed type into TOSA operations on the storage values that
/// compute exactly what `preset` computes (see docs/Numerics.md). Others are
/// left as they are, each with a remark saying why (printed with
/// `printLeft`; to MLIR's remark engine, category "tosa-expand-qdq",
/// always).
ExpandQdqResult expandQuantizeDequantize(mlir::Operation *root,
                                         NumericsPreset preset, bool printLeft);

/// The summary of a run over `root`: quantizes and dequantizes expanded and
/// left; printed at `root`'s location with `print`, to the remark engine
/// always.
void reportExpandSummary(mlir::Operation *root, const ExpandQdqResult &result,
                         bool print);

} // namespace lutfold

#endif // LUTFOLD_TRANSFORMS_EXPANDQDQ_H
