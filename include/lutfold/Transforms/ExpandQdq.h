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
/// left as they are; with `reportLeft`, each gets a remark saying why.
ExpandQdqResult expandQuantizeDequantize(mlir::Operation *root,
                                         NumericsPreset preset,
                                         bool reportLeft);

} // namespace lutfold

#endif // LUTFOLD_TRANSFORMS_EXPANDQDQ_H
