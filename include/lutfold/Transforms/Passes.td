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
  let summary = "Fold quantized element-wise float islands into tosa.table";
  let description = [{
    Finds the float "islands" of quantized TOSA IR and replaces each with one
    `tosa.table` on the integer storage values. An island is the set of
    element-wise operations between a `quant.dcast` of one int8 value and a
    `quant.qcast` to int8, whose other operands are splat constants
    (`tosa.const` or `arith.constant`, any broadcastable shape). Every output
    element is then a function of the matching input element alone, and its
    256-entry table reproduces the chosen framework's eager numerics: for
    every input code `c` in [-128, 127] (entry `c + 128`), the code is clamped
    to the input type's [qmin, qmax], dequantized, run through the island
    with TOSA's f32 semantics and quantized to the output type.

    Islands may contain `tosa.sigmoid`, `tanh`, `exp`, `log`, `rsqrt`,
    `reciprocal`, `erf`, `sin`, `cos`, `floor`, `ceil`, `abs`, `negate`,
    `clamp`, `cast` (between f32, f16, bf16), `add`, `sub`, `mul` (shift 0),
    `pow`, `maximum`, `minimum`, `greater`, `greater_equal`, `equal`,
    `logical_and`, `logical_or`, `logical_xor`, `logical_not` and `select`:
    single activations and the composites exporters spell out (silu, gelu,
    hardswish, leaky relu, elu, ...) alike. Both quantized types must be
    per-tensor `!quant.uniform` with signed 8-bit storage (any [qmin, qmax],
    e.g. `i8<-127:127>`) and an f32 expressed type; tensors may have any rank
    and shape. A `tensor.cast` joins the input's shape and the quantize's when
    they are refined differently.

    Islands with signed 16-bit input storage (full or narrow, e.g.
    `i16<-32767:32767>`) and 16- or 8-bit output storage fold into TOSA's
    int16 form: `tosa.table` with 513 i16 entries, which interpolates
    between neighbouring entries and returns an i32 in 16.7 fixed point,
    followed by `tosa.rescale` (32-bit multiplier, single rounding) to the
    output storage type. The entries are not samples of the function: they
    are fitted so that the whole TABLE + RESCALE path is as close as
    possible to the reference output code over every input code of the
    input type, first in maximum and then in mean error, with extra
    fractional bits (undone by the RESCALE) when the output range leaves
    headroom and within TOSA's limit on the difference of neighbouring
    entries. Every output stays inside the output type's [qmin, qmax]. A
    signed 16-bit RESCALE has an output zero point of 0, so the entries carry
    the output zero point; an 8-bit one adds it.

    Islands may also be spelled in plain TOSA, as torch-mlir and TensorFlow's
    TFL->TOSA legalization emit quantization: an i8 tensor enters through
    `tosa.cast` (to i32 or f32) and the island ends at a `tosa.cast` to i8,
    with the zero points, scales and rounding spelled out as element-wise
    ops (integer ones included) in between. The table is then the IR's own
    function of the i8 code, with TOSA's semantics (CAST rounds half to even
    and saturates); `tosa.table` reads the i8 tensor directly. A cast from
    i8 that also feeds other users keeps them.

    Identical tables (and RESCALE parameters) within a function share one
    `tosa.const`, placed at the start of the function body in order of first
    use. Values of a folded island that other operations still read are
    kept for them; operations that become dead (the island's ops, constants
    and `quant.dcast`) are erased. Input codes whose float result is NaN are mapped to the output
    zero point and reported with a remark at the operation that produced the
    NaN. Anything not folded is left exactly as it was; `report-declined`
    says why. `report-folded` adds a remark at each folded quantize (the
    island's operations, its input and output types, whether the table is
    new or shared; for int16 the error of TABLE + RESCALE), and
    `report-summary` one line on the operation the pass runs on: islands
    folded, quantizes declined, distinct tables. These are the pass's
    statistics too, which release builds of LLVM (Debian's among them)
    compile out of `-mlir-pass-statistics`.

    The pass never folds `quant.dcast(quant.qcast(x))` to `x`: run it before
    canonicalization of quantized IR, which does.

    Example:

    ```mlir
    %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.1:-3>> to tensor<4xf32>
    %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
    %2 = tosa.mul %0, %1, %shift : (tensor<4xf32>, tensor<4xf32>, tensor<1xi8>) -> tensor<4xf32>
    %3 = quant.qcast %2 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.05:-100>>
    ```

    becomes

    ```mlir
    %t = "tosa.const"() <{values = dense<[-100, ...]> : tensor<256xi8>}> : () -> tensor<256xi8>
    %0 = quant.scast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.1:-3>> to tensor<4xi8>
    %1 = tosa.table %0, %t : (tensor<4xi8>, tensor<256xi8>) -> tensor<4xi8>
    %2 = quant.scast %1 : tensor<4xi8> to tensor<4x!quant.uniform<i8:f32, 0.05:-100>>
    ```

    and an int16 sigmoid becomes

    ```mlir
    %0 = quant.scast %arg0 : tensor<4x!quant.uniform<i16:f32, 2.44e-4>> to tensor<4xi16>
    %1 = tosa.table %0, %t : (tensor<4xi16>, tensor<513xi16>) -> tensor<4xi32>
    %2 = tosa.rescale %1, %multiplier, %shift, %input_zp, %output_zp {rounding_mode = SINGLE_ROUND, scale32 = true, ...}
        : (tensor<4xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi16>) -> tensor<4xi16>
    %3 = quant.scast %2 : tensor<4xi16> to tensor<4x!quant.uniform<i16:f32, 3.05e-5>>
    ```
  }];
  let dependentDialects = [
    "mlir::quant::QuantDialect",
    "mlir::tensor::TensorDialect",
    "mlir::tosa::TosaDialect",
  ];
  let options = [
    Option<"numerics", "numerics", "::lutfold::NumericsPreset",
           /*default=*/"::lutfold::NumericsPreset::PT2E",
           "Whose quantize/dequantize arithmetic the tables reproduce: "
           "'pt2e' (PyTorch PT2E quantized_decomposed ops) or 'tflite' "
           "(TFLite LUTPopulateInt8, TensorFlow's TOSA legalization)",
           [{::lutfold::getNumericsPresetValues()}]>,
    ListOption<"allowedOps", "ops", "std::string",
               "Operations an island may contain (e.g. "
               "'tosa.sigmoid,tosa.mul'); empty allows every supported one">,
    Option<"maxIslandSize", "max-island-size", "unsigned", /*default=*/"64",
           "Largest number of element-wise operations in one island">,
    Option<"reportDeclined", "report-declined", "bool", /*default=*/"false",
           "Emit a remark at each quantize that is not folded, giving the "
           "reason">,
    Option<"reportFolded", "report-folded", "bool", /*default=*/"false",
           "Emit a remark at each folded quantize: the island's operations, "
           "its input and output types, and whether the table is new or "
           "shared with an earlier island">,
    Option<"reportSummary", "report-summary", "bool", /*default=*/"false",
           "Emit one remark on the operation the pass runs on: islands "
           "folded, quantizes declined, distinct tables (the statistics, "
           "which release builds of LLVM compile out)">,
  ];
  let statistics = [
    Statistic<"numFolded", "folded", "Number of islands folded into a table">,
    Statistic<"numDeclined", "declined",
              "Number of quantizes that were not folded">,
    Statistic<"numTables", "tables", "Number of table constants created">,
  ];
}

def TosaExpandQdq : Pass<"tosa-expand-qdq"> {
  let summary = "Expand quant.dcast/quant.qcast into exact TOSA arithmetic";
  let description = [{
    Rewrites `quant.dcast` and `quant.qcast` on per-tensor `!quant.uniform`
    types with signed 8- or 16-bit storage and an f32 expressed type into
    TOSA operations on the storage values that compute exactly what the
    numerics preset computes: the input code clamped to [qmin, qmax], f32
    arithmetic with the preset's scale and reciprocal, the preset's rounding
    (PT2E: half to even through CAST; TFLite: half away from zero), the zero
    point, TFLite's overflow guard, the [qmin, qmax] clamp and a CAST to the
    storage type. The tables of `--tosa-fold-to-table` equal what this
    expansion computes, code for code, which makes it a reference path for
    checking a fold by execution.

    Upstream's `--lower-quant-ops` reproduces neither preset: its quantize
    divides by the scale, adds the zero point and converts with
    `arith.fptosi`, which truncates toward zero instead of rounding to
    nearest, and clamps neither the result to [qmin, qmax] nor the input
    codes of a dequantize to a narrow range.

    Other `quant.dcast`/`quant.qcast` operations are left as they are;
    `report-left` says why.
  }];
  let dependentDialects = [
    "mlir::quant::QuantDialect",
    "mlir::tosa::TosaDialect",
  ];
  let options = [
    Option<"numerics", "numerics", "::lutfold::NumericsPreset",
           /*default=*/"::lutfold::NumericsPreset::PT2E",
           "Whose quantize/dequantize arithmetic to spell out: 'pt2e' or "
           "'tflite'",
           [{::lutfold::getNumericsPresetValues()}]>,
    Option<"reportLeft", "report-left", "bool", /*default=*/"false",
           "Emit a remark at each quantize or dequantize left as it was">,
  ];
}

#endif // LUTFOLD_TRANSFORMS_PASSES
