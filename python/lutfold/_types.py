"""The types lutfold's functions return; the native module builds them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, NamedTuple, Optional

import numpy as np


class Rescale(NamedTuple):
    """The TOSA RESCALE after an int16 TABLE.

    Per tensor, scale32, SINGLE_ROUND rounding, input zero point 0, signed
    input and output: out = clamp(apply_scale_32(table_value, multiplier,
    shift) + output_zero_point) to the output_bits-bit signed range.
    """

    multiplier: int
    shift: int
    output_zero_point: int
    output_bits: int


class Int16TableError(NamedTuple):
    """How far a table is from the reference it was fitted to, in output
    codes, over the input codes that count."""

    max_error: int
    mean_error: float
    #: Codes whose output differs from the reference.
    wrong_codes: int
    #: Codes measured.
    codes: int
    #: Codes whose float result is NaN, not measured.
    nan_codes: int


@dataclass(frozen=True)
class Int16Table:
    """An int16 TABLE (513 int16 entries) and the RESCALE after it.

    Unpacks as `entries, rescale = table`. `error` is the table's error
    against the reference it was fitted to.
    """

    entries: np.ndarray
    rescale: Rescale
    error: Int16TableError

    def __iter__(self) -> Iterator[Any]:
        return iter((self.entries, self.rescale))


@dataclass(frozen=True)
class FoldRecord:
    """What fold() did at one quantize: the facts of the pass's remarks.

    Folded and declined records have the same fields; a field that does
    not apply is None.
    """

    #: The operation that ends the island: "quant.qcast", or the end of a
    #: plain-TOSA island ("tosa.cast", or an integer operation on its codes).
    op: str
    #: "model.mlir:12:8", as diagnostics print it.
    location: str
    #: The function the quantize is in.
    function: str
    folded: bool
    #: Declined: why, the sentence report_declined prints.
    reason: Optional[str]
    #: Folded: the island's operations, the quantize left out.
    ops: Optional[List[str]]
    #: Folded: "quant-dialect" or "plain-tosa".
    encoding: Optional[str]
    #: Folded, quant dialect: the quantized input and output types.
    input_type: Optional[str]
    output_type: Optional[str]
    #: Folded: "int8 TABLE" or "int16 TABLE + RESCALE".
    form: Optional[str]
    #: Folded: "new", or "shared" with an earlier island.
    table: Optional[str]
    #: Folded, int16: the error of TABLE + RESCALE against the island.
    error: Optional[Int16TableError]

    def as_dict(self) -> Dict[str, Any]:
        """The record as plain values (for JSON), error as a dict."""
        fields = {name: getattr(self, name)
                  for name in self.__dataclass_fields__}
        if self.error is not None:
            fields["error"] = self.error._asdict()
        return fields


class FoldResult(NamedTuple):
    """What fold() returns."""

    #: The module after the pass, as lutfold-opt prints it.
    text: str
    #: One record per quantize the pass looked at, in order.
    report: List[FoldRecord]
