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
    element-wise TOSA operations (docs/IslandOps.md lists them) between the
    dequantize of one quantized value and a quantize, whose other operands
    are splat constants: `quant.dcast` to `quant.qcast` on per-tensor
    `!quant.uniform` types with signed 8- or 16-bit storage, or the same
    arithmetic spelled in plain TOSA from a `tosa.cast` of an i8 (i16) tensor
    to a `tosa.cast` to i8 (i16 or i8). Every output element is then a
    function of the
    matching input element, and the table reproduces the chosen framework's
    numerics code for code: an int8 island becomes a 256-entry TABLE, an
    int16 island an interpolating 513-entry TABLE followed by a RESCALE,
    fitted over all 65,536 input codes. Identical tables in a function share
    one constant; what the island leaves dead is erased; anything not folded
    is left exactly as it was. docs/Islands.md has the details.

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
  }];
  let dependentDialects = [
    "mlir::quant::QuantDialect",
    "mlir::tensor::TensorDialect",
    "mlir::tosa::TosaDialect",
  ];
  let options = [
    Option<"numerics", "numerics", "::lutfold::NumericsPreset",
           /*default=*/"::lutfold::kDefaultNumericsPreset",
           "The numerics preset whose quantize/dequantize arithmetic the "
           "tables reproduce (--help lists the presets; docs/Numerics.md "
           "describes them); plain-TOSA islands follow their own IR",
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
           "its input and output types (int16: the error of TABLE + "
           "RESCALE), and whether the table is new or shared with an "
           "earlier island">,
    Option<"strict", "strict", "bool", /*default=*/"false",
           "For targets that cannot run float: an error at every quantize or "
           "dequantize left in float after the fold, with the reason, and "
           "the pass fails">,
    Option<"maxError", "max-error", "int64_t", /*default=*/"-1",
           "Decline every fold that is not exact (int16 TABLE + RESCALE) "
           "whose output is off by more than this many output codes on some "
           "input; -1 (the default): one 64th of the output type's range "
           "of codes, 4 for 8-bit outputs and 1024 for 16-bit ones. int8 "
           "tables are exact and never declined">,
    Option<"maxInt16Error", "max-int16-error", "int64_t", /*default=*/"-1",
           "Former name of max-error, which it overrides when set">,
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

    Upstream's `--lower-quant-ops` reproduces neither preset: it truncates
    instead of rounding and clamps to no [qmin, qmax] (docs/Numerics.md).

    Other `quant.dcast`/`quant.qcast` operations are left as they are;
    `report-left` says why.
  }];
  let dependentDialects = [
    "mlir::quant::QuantDialect",
    "mlir::tosa::TosaDialect",
  ];
  let options = [
    Option<"numerics", "numerics", "::lutfold::NumericsPreset",
           /*default=*/"::lutfold::kDefaultNumericsPreset",
           "The numerics preset whose quantize/dequantize arithmetic to "
           "spell out (as --tosa-fold-to-table's numerics)",
           [{::lutfold::getNumericsPresetValues()}]>,
    Option<"reportLeft", "report-left", "bool", /*default=*/"false",
           "Emit a remark at each quantize or dequantize left as it was">,
    Option<"reportSummary", "report-summary", "bool", /*default=*/"false",
           "Emit one remark on the operation the pass runs on: quantizes "
           "and dequantizes expanded and left (the statistics, which "
           "release builds of LLVM compile out)">,
  ];
  let statistics = [
    Statistic<"numExpanded", "expanded",
              "Number of quantizes and dequantizes expanded into TOSA">,
    Statistic<"numLeft", "left",
              "Number of quantizes and dequantizes left as they were">,
  ];
}

def TosaComposeTables : Pass<"tosa-compose-tables"> {
  let summary = "Compose chains of integer element-wise operations on i8 "
                "values into one tosa.table";
  let description = [{
    After the fold, quantized graphs still carry chains of single-input
    integer element-wise operations on i8 values: `tosa.table` after
    `tosa.table` where islands followed each other, a `tosa.clamp` (a fused
    ReLU) after an activation's table. Each is a pass over the tensor in
    memory. A chain from an i8 value to an i8 value is a function of the 256
    codes, so one `tosa.table` computes it exactly.

    The pass replaces every maximal chain of two or more such operations
    with one `tosa.table` on the chain's input. Each operation reads one
    non-constant value, the previous operation's result, which has no other
    use (other operands are splat constants), and keeps its shape. The
    operations are `tosa.table` on i8 with constant entries, per-tensor
    `tosa.rescale` between i8, i16 and i32 with constant parameters (32- or
    16-bit multiplier, SINGLE_ROUND or DOUBLE_ROUND, `input_unsigned` and
    `output_unsigned`), and the integer forms of the island operations:
    clamp, add, sub, mul (with a shift on i32), negate (with constant zero
    points on i8 and i16), abs, maximum,
    minimum, cast between integer and boolean types, comparisons, logical
    operations and select, and the bitwise and shift operators
    (`bitwise_and`/`or`/`xor`/`not`, `logical_left_shift`,
    `logical_right_shift`, `arithmetic_right_shift`, shifts by a constant
    below the width); intermediate values may be wider than i8. The
    chain is evaluated on the 256 codes with the interpreter of
    `--tosa-fold-to-table` and TOSA's integer semantics (wrapping
    arithmetic, casts that keep the low bits, the RESCALE pseudocode).
    Storage casts in a round trip (`quant.scast(quant.scast(x))`, which the
    fold leaves between islands in a row) do not cut a chain.

    A chain of any length whose table is the identity (a `tosa.table` of
    `[-128, ..., 127]`, say) is replaced by its input; one over a constant
    i8 tensor is evaluated into a constant. Identical tables in a function
    share one `tosa.const`, as the fold's do. Chains that end in a type wider
    than i8, chains cut by a value with other uses, and per-channel or
    INEXACT_ROUND rescales are left alone; `report-declined` says so at the
    operation where they stop.

    Example:

    ```mlir
    %t = tosa.table %x, %sigmoid : (tensor<8xi8>, tensor<256xi8>) -> tensor<8xi8>
    %r = tosa.clamp %t {min_val = 0 : i8, max_val = 127 : i8} : (tensor<8xi8>) -> tensor<8xi8>
    ```

    becomes one `tosa.table %x, %composed`.
  }];
  let dependentDialects = ["mlir::tosa::TosaDialect"];
  let options = [
    Option<"reportComposed", "report-composed", "bool", /*default=*/"false",
           "Emit a remark at each chain replaced (by a table, its input or a "
           "constant), naming its operations">,
    Option<"reportDeclined", "report-declined", "bool", /*default=*/"false",
           "Emit a remark where a chain stops short: at an operation whose "
           "result has other uses, or at the end of a chain that produces a "
           "type wider than i8">,
  ];
  let statistics = [
    Statistic<"numComposed", "composed",
              "Number of chains replaced by one table">,
    Statistic<"numIdentities", "identities",
              "Number of identity chains replaced by their input">,
    Statistic<"numConstants", "constants",
              "Number of chains over constants replaced by a constant">,
  ];
}

#endif // LUTFOLD_TRANSFORMS_PASSES
