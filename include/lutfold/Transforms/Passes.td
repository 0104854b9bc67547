//===- Passes.td - LutFold pass definitions ----------------*- tablegen -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_TRANSFORMS_PASSES
#define LUTFOLD_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def TosaFoldToTable : Pass<"tosa-fold-to-table"> {
  let summary = "Fold quantized float activations into tosa.table";
  let description = [{
    Finds float "islands" in quantized TOSA IR, a `quant.dcast` feeding a
    float activation whose result is re-quantized by a `quant.qcast`, and
    replaces each with one `tosa.table` on the integer storage values. The
    256-entry int8 table reproduces the chosen framework's eager numerics bit
    for bit: for every input code `c` in [-128, 127] (entry `c + 128`), the
    code is clamped to the input type's [qmin, qmax], dequantized, run through
    the float function and quantized to the output type.

    Matched today: `quant.qcast(tosa.sigmoid(quant.dcast(x)))` where both
    quantized types are per-tensor `!quant.uniform` with signed 8-bit storage
    (any [qmin, qmax], e.g. `i8<-127:127>`) and an f32 expressed type, on
    tensors of any rank and shape (a `tensor.cast` joins the input's shape
    and the quantize's when they are refined differently). Anything else is
    left exactly as it was; `report-declined` says why.

    Results of the `quant.dcast` or the activation that have other users are
    kept for them; only operations that become dead are erased. The pass
    never folds `quant.dcast(quant.qcast(x))` to `x`: run it before
    canonicalization of quantized IR, which does.

    Example:

    ```mlir
    %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.1:-3>> to tensor<4xf32>
    %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
    %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>>
    ```

    becomes

    ```mlir
    %0 = quant.scast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.1:-3>> to tensor<4xi8>
    %1 = "tosa.const"() <{values = dense<[-128, ...]> : tensor<256xi8>}> : () -> tensor<256xi8>
    %2 = tosa.table %0, %1 : (tensor<4xi8>, tensor<256xi8>) -> tensor<4xi8>
    %3 = quant.scast %2 : tensor<4xi8> to tensor<4x!quant.uniform<i8:f32, 0.00390625:-128>>
    ```
  }];
  let dependentDialects = [
    "mlir::quant::QuantDialect",
    "mlir::tensor::TensorDialect",
    "mlir::tosa::TosaDialect",
  ];
  let options = [
    Option<"numerics", "numerics", "std::string", /*default=*/"\"pt2e\"",
           "Whose quantize/dequantize arithmetic the tables reproduce: "
           "'pt2e' (PyTorch PT2E quantized_decomposed ops)">,
    Option<"reportDeclined", "report-declined", "bool", /*default=*/"false",
           "Emit a remark at each candidate activation or quantize that is "
           "not folded, giving the reason">,
  ];
  let statistics = [
    Statistic<"numFolded", "folded", "Number of islands folded into a table">,
    Statistic<"numDeclined", "declined",
              "Number of candidates that were not folded">,
  ];
}

#endif // LUTFOLD_TRANSFORMS_PASSES
