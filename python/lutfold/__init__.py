"""LutFold from Python: exact lookup tables for quantized activations.

Quantized models exported to TOSA still carry float "islands": dequantize,
an activation (sigmoid, tanh, exp, GELU, ...), quantize. Integer-only
targets need each island as one TOSA TABLE. LutFold builds those tables so
that they reproduce the framework's own eager numerics bit for bit (int8),
or as closely as an interpolating TABLE + RESCALE allows (int16).

Functions:

- fold(mlir_text, ...): run the tosa-fold-to-table pass on a module given as
  text; returns the new text and a report of every quantize it looked at.
- int8_table(op, input_q, output_q): the 256 entries of an int8 TABLE.
- int16_table(op, input_q, output_q): the 513 entries and the RESCALE of an
  int16 TABLE + RESCALE.
- fit_int16_table(reference, input_q, output_q): the same fit for any
  function, given its output code for each of the 65,536 input codes.
- evaluate_int16_table(entries, rescale): what TOSA TABLE + RESCALE computes
  for every input code.

Quantization parameters (`input_q`, `output_q`) are a tuple
`(scale, zero_point, qmin, qmax)` or an MLIR quantized type such as
`"!quant.uniform<i8:f32, 0.05:-3>"`. In a tuple, the storage is the
narrowest of i8 and i16 that holds [qmin, qmax] (the input of an int16
table is always i16).

Every failure raises LutFoldError (a ValueError) whose `diagnostics`
attribute holds MLIR's diagnostics, if any. Remarks and warnings of the
fold go to the `logging` logger "lutfold".

See docs/Python.md in the LutFold sources.
"""

from __future__ import annotations

import logging
import numbers
import os
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from . import _lutfold
from ._lutfold import LutFoldError
from ._types import (FoldRecord, FoldResult, Int16Table, Int16TableError,
                     Rescale)

__all__ = [
    "LutFoldError",
    "FoldResult",
    "FoldRecord",
    "Rescale",
    "Int16Table",
    "Int16TableError",
    "fold",
    "int8_table",
    "int16_table",
    "fit_int16_table",
    "evaluate_int16_table",
    "operations",
    "NUMERICS",
    "__version__",
]

__version__: str = _lutfold.version

#: The numerics presets: whose quantize/dequantize arithmetic tables
#: reproduce. "pt2e" is PyTorch PT2E's quantized_decomposed ops, "tflite"
#: TFLite's LUTPopulateInt8 (TensorFlow's TOSA legalization).
NUMERICS: Tuple[str, ...] = tuple(_lutfold.numerics_names())

#: Quantization parameters: (scale, zero_point, qmin, qmax) or an MLIR
#: quantized type.
QuantLike = Union[str, Tuple[float, int, int, int]]

_logger = logging.getLogger("lutfold")

#: Input codes of an int16 table, in the order of reference arrays.
INT16_CODES = 65536


#: fold()'s keyword defaults: the pass's (its Passes.td declaration).
_FOLD_DEFAULTS: Dict[str, Any] = _lutfold.fold_defaults()


def _error(message: str) -> LutFoldError:
    """A LutFoldError of the package's own checks: no MLIR diagnostics."""
    error = LutFoldError(message)
    error.diagnostics = []
    return error


def operations() -> List[str]:
    """The operation names int8_table and int16_table accept."""
    return list(_lutfold.operation_names())


def _is_integer(value: Any) -> bool:
    return isinstance(value, (numbers.Integral, np.integer)) and not isinstance(
        value, bool
    )


def _spec(q: QuantLike, role: str, bits: int = 0) -> Tuple:
    """The native module's form of quantization parameters."""
    if isinstance(q, str):
        return (q, 0.0, 0, 0, 0, 0)
    try:
        scale, zero_point, qmin, qmax = q
    except (TypeError, ValueError):
        raise _error(
            f"{role}: expected (scale, zero_point, qmin, qmax) or an MLIR "
            f"quantized type such as '!quant.uniform<i8:f32, 0.05:-3>', "
            f"got {q!r}"
        ) from None
    if not isinstance(scale, (numbers.Real, np.floating)) or isinstance(
        scale, bool
    ):
        raise _error(f"{role}: scale must be a number, got {scale!r}")
    for name, value in (("zero_point", zero_point), ("qmin", qmin), ("qmax", qmax)):
        if not _is_integer(value):
            raise _error(f"{role}: {name} must be an integer, got {value!r}")
    return ("", float(scale), int(zero_point), int(qmin), int(qmax), bits)


def _check_numerics(numerics: str) -> str:
    if numerics not in NUMERICS:
        raise _error(
            f"numerics: unknown preset {numerics!r} (expected one of "
            f"{', '.join(NUMERICS)})"
        )
    return numerics


def fold(
    mlir_text: str,
    numerics: str = _FOLD_DEFAULTS["numerics"],
    *,
    ops: Optional[Union[str, Sequence[str]]] = None,
    max_island_size: int = _FOLD_DEFAULTS["max_island_size"],
    report_declined: bool = _FOLD_DEFAULTS["report_declined"],
    report_folded: bool = _FOLD_DEFAULTS["report_folded"],
    report_summary: bool = _FOLD_DEFAULTS["report_summary"],
    strict: bool = _FOLD_DEFAULTS["strict"],
    max_error: Optional[int] = None,
    max_int16_error: Optional[int] = None,
    source_name: str = _FOLD_DEFAULTS["source_name"],
    verify: bool = _FOLD_DEFAULTS["verify"],
) -> FoldResult:
    """Folds every quantized float island of a module into a TOSA TABLE.

    Runs the tosa-fold-to-table pass (then the verifier) on `mlir_text` and
    returns FoldResult(text, report), a FoldRecord per quantize. The options
    are the pass's, with its defaults:

    - numerics: "pt2e" or "tflite", whose quantize/dequantize arithmetic
      the tables reproduce.
    - ops: the operations an island may contain ("tosa.sigmoid" or
      "sigmoid"), as a list or a comma-separated string; None allows every
      supported one.
    - max_island_size: the largest number of operations in one island.
    - report_declined, report_folded, report_summary: print the pass's
      remarks (to the "lutfold" logger, at INFO level). The report holds
      the same facts either way.
    - strict: fail when a quantize or dequantize is left in float.
    - max_error: decline folds that are not exact (int16 TABLE + RESCALE)
      whose output is off by more than this many output codes on some input
      (None: the pass's default, one 64th of the output range: 4 codes for
      8-bit outputs, 1024 for 16-bit ones).
    - max_int16_error: the former name of max_error, which it overrides.

    `source_name` names the text in locations ("model.mlir:12:8").

    Raises LutFoldError, with MLIR's diagnostics, when the text does not
    parse, an option is invalid, or the pass fails (strict).
    """
    if not isinstance(mlir_text, str):
        raise TypeError(
            f"mlir_text must be str, not {type(mlir_text).__name__}")
    if ops is None:
        op_list: List[str] = list(_FOLD_DEFAULTS["ops"])
    elif isinstance(ops, str):
        op_list = [op.strip() for op in ops.split(",") if op.strip()]
    else:
        op_list = [str(op) for op in ops]
    if not _is_integer(max_island_size) or max_island_size < 1:
        raise _error(
            f"max_island_size must be a positive integer, got {max_island_size!r}"
        )
    for name, value in (("max_error", max_error),
                        ("max_int16_error", max_int16_error)):
        if value is not None and (not _is_integer(value) or value < 0):
            raise _error(
                f"{name} must be None or an integer >= 0, got {value!r}")
    if max_int16_error is not None:
        max_error = max_int16_error
    try:
        result, messages = _lutfold.fold(
            mlir_text,
            _check_numerics(numerics),
            op_list,
            int(max_island_size),
            bool(report_declined),
            bool(report_folded),
            bool(report_summary),
            bool(strict),
            _FOLD_DEFAULTS["max_error"] if max_error is None else int(max_error),
            source_name,
            bool(verify),
        )
    except LutFoldError as error:
        # fold takes MLIR text: a path in its place does not parse.
        looks_like_path = "\n" not in mlir_text and (
            mlir_text.strip().endswith(".mlir") or os.path.isfile(mlir_text))
        if not looks_like_path:
            raise
        hinted = LutFoldError(
            f"{error.args[0]}\nfold takes MLIR text, not a path: "
            f"lutfold.fold(open({mlir_text!r}).read(), "
            f"source_name={mlir_text!r})")
        hinted.diagnostics = error.diagnostics
        raise hinted from None
    for severity, message in messages:
        _logger.log(logging.WARNING if severity == "warning" else logging.INFO,
                    "%s", message)
    return result


def int8_table(
    op: str, input_q: QuantLike, output_q: QuantLike, numerics: str = "pt2e"
) -> np.ndarray:
    """The 256 entries of the int8 TOSA TABLE of `op`.

    Entry i is the output code for input code i - 128 (TOSA indexes the
    table with the code plus 128). Codes outside input_q's [qmin, qmax] are
    clamped to it first; outputs are quantized to output_q, both with the
    arithmetic of `numerics`.

    `op` is a name from operations() ("sigmoid", "tanh", "gelu", "silu",
    ...) or MLIR text of a func.func with one f32 tensor argument and one
    f32 tensor result whose body is element-wise TOSA operations: what an
    island computes between its dequantize and its quantize, e.g.

        func.func @f(%x: tensor<1xf32>) -> tensor<1xf32> {
          %0 = tosa.sigmoid %x : (tensor<1xf32>) -> tensor<1xf32>
          return %0 : tensor<1xf32>
        }

    Returns a numpy array of 256 int8.
    """
    return _lutfold.int8_table(
        str(op),
        _spec(input_q, "input_q"),
        _spec(output_q, "output_q"),
        _check_numerics(numerics),
    )


def int16_table(
    op: str, input_q: QuantLike, output_q: QuantLike, numerics: str = "pt2e"
) -> Int16Table:
    """The int16 TABLE + RESCALE of `op`, from i16 input_q to output_q.

    `op` is as for int8_table. The reference is the framework's output code
    for each of the 65,536 input codes (`numerics`); the 513 entries and
    the RESCALE are fitted so that TABLE + RESCALE is as close to it as
    possible, first in the maximum, then in the mean error. output_q may be
    i16 or i8.

    Returns Int16Table(entries, rescale); its `error` is the fit's error.
    """
    return _lutfold.int16_table(
        str(op),
        _spec(input_q, "input_q", 16),
        _spec(output_q, "output_q"),
        _check_numerics(numerics),
    )


def _array(value: Any, name: str, kind: str, dtype: Any) -> np.ndarray:
    array = np.asarray(value)
    if array.shape != (INT16_CODES,):
        raise _error(
            f"{name}: expected a one-dimensional array of {INT16_CODES} "
            f"values (one per input code, -32768 first), got shape "
            f"{array.shape}"
        )
    accepted = np.integer if kind == "integer" else (np.floating, np.integer)
    if not np.issubdtype(array.dtype, accepted):
        hint = (" (codes held as floats: convert them with "
                ".astype(numpy.int32) first)"
                if kind == "integer" and np.issubdtype(array.dtype, np.floating)
                else "")
        raise _error(
            f"{name}: expected an array of {kind}s, got dtype "
            f"{array.dtype}{hint}")
    if kind == "integer" and array.size and (
        array.min() < np.iinfo(np.int32).min or array.max() > np.iinfo(np.int32).max
    ):
        raise _error(f"{name}: output codes must fit in 32 bits")
    return np.ascontiguousarray(array, dtype=dtype)


def fit_int16_table(
    reference: np.ndarray,
    input_q: QuantLike,
    output_q: QuantLike,
    *,
    unrounded: Optional[np.ndarray] = None,
) -> Int16Table:
    """Fits an int16 TABLE + RESCALE to any function's output codes.

    `reference[i]` is the output code the function should give for input
    code i - 32768 (65,536 integers). Input codes outside input_q's
    [qmin, qmax] do not count; every output stays within output_q's
    [qmin, qmax], and output_q's storage (i16 or i8) is the RESCALE's
    output. Nothing else of the quantization is used: the reference already
    holds the function, the framework's numerics and the rounding.

    `unrounded`, optional, holds the exact outputs in output codes
    (y / scale + zero_point, 65,536 floats): a better starting point for
    the fit than the codes, which it does not change the target of.

    Returns Int16Table(entries, rescale); its `error` is the fit's error
    against `reference`.
    """
    codes = _array(reference, "reference", "integer", np.int32)
    exact = None if unrounded is None else _array(
        unrounded, "unrounded", "number", np.float64)
    return _lutfold.fit_int16_table(
        codes, exact, _spec(input_q, "input_q", 16), _spec(output_q, "output_q"))


def evaluate_int16_table(
    entries: np.ndarray, rescale: Union[Rescale, Tuple[int, int, int, int], Dict[str, int]]
) -> np.ndarray:
    """The output code of TOSA TABLE + RESCALE for every int16 input code.

    Follows the TOSA specification's TABLE (interpolation between the 513
    entries in 16.7 fixed point) and RESCALE (scale32, SINGLE_ROUND, then
    clamp to the output type). Element i of the result (int32, 65,536
    values) is the output for input code i - 32768.
    """
    table = np.asarray(entries)
    if table.shape != (513,):
        raise _error(
            f"entries: expected 513 values, got shape {table.shape}")
    if not np.issubdtype(table.dtype, np.integer) or (
        table.size and (table.min() < -32768 or table.max() > 32767)
    ):
        raise _error(
            f"entries: expected int16 values, got dtype {table.dtype}")
    if isinstance(rescale, dict):
        try:
            rescale = Rescale(**rescale)
        except TypeError as error:
            raise _error(f"rescale: {error}") from None
    try:
        multiplier, shift, output_zero_point, output_bits = rescale
    except (TypeError, ValueError):
        raise _error(
            "rescale: expected Rescale(multiplier, shift, output_zero_point, "
            f"output_bits), got {rescale!r}"
        ) from None
    for name, value in (
        ("multiplier", multiplier),
        ("shift", shift),
        ("output_zero_point", output_zero_point),
        ("output_bits", output_bits),
    ):
        if not _is_integer(value):
            raise _error(f"rescale: {name} must be an integer, got {value!r}")
    if not 0 <= multiplier < 2**31:
        raise _error(
            f"rescale: multiplier {multiplier} is not a 31-bit value")
    if not 0 <= shift < 64:
        raise _error(f"rescale: shift {shift} is outside TOSA's [2, 62]")
    if not -(2**31) <= output_zero_point < 2**31:
        raise _error(
            f"rescale: output_zero_point {output_zero_point} does not fit in 32 bits"
        )
    return _lutfold.evaluate_int16_table(
        np.ascontiguousarray(table, dtype=np.int16),
        int(multiplier),
        int(shift),
        int(output_zero_point),
        int(output_bits),
    )
