"""Type stub of lutfold's native module; use the lutfold package instead."""

from typing import List, Optional, Tuple, TypedDict

import numpy as np
import numpy.typing as npt

# (type, scale, zero_point, qmin, qmax, bits), as lutfold._spec makes it.
_Spec = Tuple[str, float, int, int, int, int]

class _Rescale(TypedDict):
    multiplier: int
    shift: int
    output_zero_point: int
    output_bits: int

# The fields of lutfold.Int16TableError.
class _Int16TableError(TypedDict):
    max_error: int
    mean_error: float
    wrong_codes: int
    codes: int
    nan_codes: int

# (entries, rescale, error) of an int16 table.
_Int16 = Tuple[npt.NDArray[np.int16], _Rescale, Optional[_Int16TableError]]

# The fields of lutfold.FoldRecord.
class _FoldRecord(TypedDict):
    op: str
    location: str
    function: str
    folded: bool
    reason: Optional[str]
    ops: Optional[List[str]]
    encoding: Optional[str]
    input_type: Optional[str]
    output_type: Optional[str]
    form: Optional[str]
    table: Optional[str]
    error: Optional[_Int16TableError]

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
                numerics: str) -> _Int16: ...
def fit_int16_table(codes: npt.NDArray[np.int32],
                    unrounded: Optional[npt.NDArray[np.float64]],
                    input: _Spec, output: _Spec) -> _Int16: ...
def evaluate_int16_table(entries: npt.NDArray[np.int16], multiplier: int,
                         shift: int, output_zero_point: int,
                         output_bits: int) -> npt.NDArray[np.int32]: ...
def fold(text: str, numerics: str, ops: List[str], max_island_size: int,
         report_declined: bool, report_folded: bool, report_summary: bool,
         strict: bool, max_error: int, source_name: str,
         verify: bool) -> Tuple[str, List[_FoldRecord], List[str]]: ...
def fold_defaults() -> _FoldDefaults: ...
