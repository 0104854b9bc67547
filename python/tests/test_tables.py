"""lutfold.int8_table, int16_table, fit_int16_table, evaluate_int16_table."""

import json
import math
import re

import numpy as np
import pytest

import lutfold


def golden_cases(source_dir):
    # PyTorch eager's tables (unittests/data/README.md): independent of
    # LutFold.
    path = source_dir / "unittests" / "data" / "pt2e_int8_tables.json"
    return json.loads(path.read_text())["cases"]


def quant_type(params):
    scale, zero_point, qmin, qmax = params
    return (f"!quant.uniform<i8<{qmin}:{qmax}>:f32, {scale!r}:{zero_point}>")


def test_int8_tables_equal_pytorch_eager(source_dir):
    cases = golden_cases(source_dir)
    assert len(cases) >= 60
    for case in cases:
        table = lutfold.int8_table(case["op"], tuple(case["in"]),
                                   tuple(case["out"]))
        assert table.dtype == np.int8 and table.shape == (256,)
        for code, (got, expected) in enumerate(zip(table, case["table"])):
            # null: the float result is NaN, which PyTorch leaves undefined.
            if expected is not None:
                assert got == expected, (case["op"], case["in"], code - 128)


def test_int8_tables_equal_the_tool(source_dir, run_tool):
    # One case per operation, given as quant types both ways.
    seen = set()
    for case in golden_cases(source_dir):
        if case["op"] in seen:
            continue
        seen.add(case["op"])
        in_type, out_type = quant_type(case["in"]), quant_type(case["out"])
        tool = json.loads(run_tool("lutfold-table", "--op", case["op"],
                                   "--format=json", f"--in={in_type}",
                                   f"--out={out_type}"))
        table = lutfold.int8_table(case["op"], in_type, out_type)
        assert table.tolist() == tool["table"], case["op"]
    assert len(seen) == 17


def test_int8_table_numerics_presets_differ_on_ties(run_tool):
    # Input scale 0.5 makes every odd code a tie at output scale 1: PT2E
    # rounds ties to even, TFLite away from zero.
    in_q, out_q = (0.5, 0, -128, 127), (1.0, 0, -128, 127)
    codes = np.arange(-128, 128)
    pt2e = lutfold.int8_table("abs", in_q, out_q)
    tflite = lutfold.int8_table("abs", in_q, out_q, numerics="tflite")
    assert pt2e.tolist() == np.rint(np.abs(codes) / 2).astype(int).tolist()
    assert tflite.tolist() == ((np.abs(codes) + 1) // 2).tolist()
    tool = json.loads(run_tool(
        "lutfold-table", "--op", "abs", "--numerics=tflite", "--format=json",
        "--in=!quant.uniform<i8:f32, 0.5>", "--out=!quant.uniform<i8:f32, 1.0>"))
    assert tflite.tolist() == tool["table"]


SILU_FUNCTION = """
func.func @silu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %s = tosa.sigmoid %x : (tensor<4xf32>) -> tensor<4xf32>
  %y = tosa.mul %x, %s, %shift : (tensor<4xf32>, tensor<4xf32>, tensor<1xi8>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}
"""


def test_int8_table_of_an_island_given_as_mlir(source_dir):
    # x * sigmoid(x) in TOSA: PyTorch's F.silu composes the same f32 ops.
    case = next(c for c in golden_cases(source_dir) if c["op"] == "silu")
    island = lutfold.int8_table(SILU_FUNCTION, tuple(case["in"]),
                                tuple(case["out"]))
    named = lutfold.int8_table("silu", tuple(case["in"]), tuple(case["out"]))
    assert island.tolist() == named.tolist()
    # Names may carry the dialect, as in the pass's `ops` option.
    assert lutfold.int8_table("tosa.tanh", (0.05, -3, -128, 127),
                              (1 / 128, 0, -128, 127)).tolist() == \
        lutfold.int8_table("tanh", (0.05, -3, -128, 127),
                           (1 / 128, 0, -128, 127)).tolist()


def test_int16_table_equals_the_tool(run_tool):
    in_type = "!quant.uniform<i16<-32767:32767>:f32, 1.2207403790398877e-04>"
    out_type = "!quant.uniform<i16<-32767:32767>:f32, 3.0518509475997192e-05>"
    tool = json.loads(run_tool("lutfold-table", "--op", "tanh",
                               "--format=json", f"--in={in_type}",
                               f"--out={out_type}"))
    table = lutfold.int16_table("tanh", in_type, out_type)
    entries, rescale = table
    assert entries.dtype == np.int16 and entries.shape == (513,)
    assert entries.tolist() == tool["table"]["entries"]
    outputs = lutfold.evaluate_int16_table(entries, rescale)
    assert outputs.tolist() == [row[4] for row in tool["rows"]]
    assert table.error.max_error == tool["error_codes"]["max"]
    assert math.isclose(table.error.mean_error, tool["error_codes"]["mean"])


def test_int16_table_to_i8_output():
    table = lutfold.int16_table("sigmoid", (8 / 32767, 0, -32767, 32767),
                                (1 / 256, -128, -128, 127))
    assert table.rescale.output_bits == 8
    outputs = lutfold.evaluate_int16_table(*table)
    assert outputs.min() >= -128 and outputs.max() <= 127
    assert table.error.max_error <= 1


def numpy_sigmoid_reference(in_scale, out_scale):
    """PT2E's int16 sigmoid with numpy's own float32 arithmetic: codes
    clamped to the narrow input range, dequantized in f32, sigmoid in f32,
    quantized with the reciprocal scale rounded to f32."""
    codes = np.clip(np.arange(-32768, 32768), -32767, 32767)
    x = codes.astype(np.float32) * np.float32(in_scale)
    with np.errstate(over="ignore"):
        y = np.float32(1) / (np.float32(1) + np.exp(-x))
    q = np.rint(y * np.float32(1.0 / out_scale))
    return np.clip(q, -32767, 32767).astype(np.int32)


def test_fit_of_a_numpy_reference_scores_as_the_cpp_report(run_tool):
    in_scale, out_scale = 8 / 32767, 1 / 32767
    reference = numpy_sigmoid_reference(in_scale, out_scale)
    table = lutfold.fit_int16_table(reference, (in_scale, 0, -32767, 32767),
                                    (out_scale, 0, -32767, 32767))
    outputs = lutfold.evaluate_int16_table(*table)
    # Code -32768 is outside the narrow input range: it does not count.
    errors = np.abs(outputs[1:].astype(np.int64) - reference[1:])
    assert table.error.max_error == errors.max()
    assert math.isclose(table.error.mean_error, errors.mean())

    # The C++ report's figures for this case ("max / mean"), with its own
    # reference (PyTorch's sigmoid), which may differ from numpy's at a few
    # codes: each differing code can move the mean by its difference.
    report = run_tool("lutfold-int16-error-report", "--op", "sigmoid",
                      f"--in-scale={in_scale!r}", "--in-narrow",
                      f"--out-scale={out_scale!r}", "--out-narrow")
    row = next(line for line in report.splitlines()
               if line.startswith("| sigmoid"))
    report_max, report_mean = re.search(r"\| (\d+) / ([0-9.]+) \|",
                                        row).groups()
    cpp = json.loads(run_tool(
        "lutfold-table", "--op", "sigmoid", "--format=json",
        f"--in=!quant.uniform<i16<-32767:32767>:f32, {in_scale!r}>",
        f"--out=!quant.uniform<i16<-32767:32767>:f32, {out_scale!r}>"))
    cpp_reference = np.array([row[3] for row in cpp["rows"]])
    slack = np.abs(cpp_reference[1:] - reference[1:]).sum() / errors.size
    assert errors.max() <= int(report_max)
    assert errors.mean() <= float(report_mean) + 0.00005 + slack


def test_fit_reaches_any_functions_reference():
    # A function no operation name covers: arctan, scaled to the output.
    codes = np.arange(-32768, 32768)
    reference = np.rint(32767 * np.arctan(codes / 4096) * 2 / np.pi)
    table = lutfold.fit_int16_table(reference.astype(np.int64),
                                    (1 / 4096, 0, -32768, 32767),
                                    (1 / 32767, 0, -32767, 32767))
    outputs = lutfold.evaluate_int16_table(*table)
    errors = np.abs(outputs - reference)
    assert errors.max() == table.error.max_error <= 2
    assert errors.mean() == pytest.approx(table.error.mean_error)
    assert outputs.min() >= -32767


def test_evaluate_follows_the_tosa_table_pseudocode():
    # TOSA TABLE for i16: index = (value >> 7) + 256, fraction = value & 127,
    # result = (base << 7) + (next - base) * fraction; RESCALE with
    # multiplier 2^30 and shift 37 divides by 2^7, rounding half up.
    rng = np.random.default_rng(5)
    entries = np.sort(rng.integers(-30000, 30000, 513)).astype(np.int16)
    outputs = lutfold.evaluate_int16_table(
        entries, lutfold.Rescale(1 << 30, 37, 0, 16))
    for code in [-32768, -32767, -1, 0, 1, 127, 128, 12345, 32767]:
        index, fraction = (code >> 7) + 256, code & 127
        base, following = int(entries[index]), int(entries[index + 1])
        value = (base << 7) + (following - base) * fraction
        expected = (value * (1 << 30) + (1 << 36)) >> 37
        assert outputs[code + 32768] == expected, code
