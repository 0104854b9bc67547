"""Type stub of lutfold's native module; use the lutfold package instead."""

from typing import List, Optional, Tuple, TypedDict

import numpy as np
import numpy.typing as npt

from ._types import FoldResult, Int16Table

# (type, scale, zero_point, qmin, qmax, bits), as lutfold._spec makes it.
_Spec = Tuple[str, float, int, int, int, int]

# fold()'s arguments with the pass's defaults (max_error -1: the default cap).
class _FoldDefaults(TypedDict):
    numerics: str
    ops: List[str]
    max_island_size: int
    report_declined: bool
    report_folded: bool
    report_summary: bool
    strict: bool
    max_error: int
    source_name: str
    verify: bool

class LutFoldError(ValueError):
    diagnostics: List[str]

version: str

def operation_names() -> List[str]: ...
def numerics_names() -> List[str]: ...
def int8_table(op: str, input: _Spec, output: _Spec,
               numerics: str) -> npt.NDArray[np.int8]: ...
def int16_table(op: str, input: _Spec, output: _Spec,
                numerics: str) -> Int16Table: ...
def fit_int16_table(codes: npt.NDArray[np.int32],
                    unrounded: Optional[npt.NDArray[np.float64]],
                    input: _Spec, output: _Spec) -> Int16Table: ...
def evaluate_int16_table(entries: npt.NDArray[np.int16], multiplier: int,
                         shift: int, output_zero_point: int,
                         output_bits: int) -> npt.NDArray[np.int32]: ...
def fold(text: str, numerics: str, ops: List[str], max_island_size: int,
         report_declined: bool, report_folded: bool, report_summary: bool,
         strict: bool, max_error: int, source_name: str,
         verify: bool) -> Tuple[FoldResult, List[Tuple[str, str]]]: ...
def fold_defaults() -> _FoldDefaults: ...
