"""lutfold.fold: the pass on a module given as text."""

import logging
import os
import re
import subprocess

import pytest

import lutfold

EXAMPLES = [
    "examples/sigmoid.mlir",
    "test/Integration/Inputs/exporter-islands.mlir",
    "test/Integration/Inputs/small-model.mlir",
]


@pytest.mark.parametrize("example", EXAMPLES)
def test_fold_equals_lutfold_opt(source_dir, run_tool, example):
    path = source_dir / example
    result = lutfold.fold(path.read_text(), source_name=str(path))
    tool = run_tool("lutfold-opt", "--tosa-fold-to-table",
                    "--mlir-print-elementsattrs-with-hex-if-larger=-1", path)
    # lutfold-opt ends the output with a blank line.
    assert result.text == tool.rstrip("\n") + "\n"
    assert "tosa.table" in result.text


@pytest.mark.parametrize("example", EXAMPLES)
def test_report_has_the_facts_of_the_remarks(source_dir, bin_dir, example):
    path = source_dir / example
    result = lutfold.fold(path.read_text(), source_name=str(path))
    remarks = subprocess.run(
        [str(bin_dir / "lutfold-opt"),
         "--tosa-fold-to-table=report-folded report-declined", "-o",
         os.devnull, str(path)],
        check=True, capture_output=True, text=True).stderr
    # One remark per quantize, at its location: the report has the same.
    said = re.findall(r"^(\S+:\d+:\d+): remark: (folded into a table|not "
                      r"folded into a table)", remarks, re.MULTILINE)
    assert [(r.location, r.folded) for r in result.report] == [
        (location, kind == "folded into a table") for location, kind in said]
    for record in result.report:
        assert isinstance(record, lutfold.FoldRecord)
        if record.folded:
            assert record.reason is None
            assert record.table in ("new", "shared")
            assert record.form in ("int8 TABLE", "int16 TABLE + RESCALE")
            assert record.ops and all(op.startswith("tosa.")
                                      for op in record.ops)
        else:
            assert record.reason
            # The same fields, None where they do not apply.
            assert (record.ops, record.encoding, record.input_type,
                    record.output_type, record.form, record.table,
                    record.error) == (None,) * 7


def test_report_of_the_sigmoid_example(source_dir):
    path = source_dir / "examples/sigmoid.mlir"
    result = lutfold.fold(path.read_text(), source_name="sigmoid.mlir")
    assert result.report == [lutfold.FoldRecord(
        op="quant.qcast",
        location="sigmoid.mlir:8:8",
        function="sigmoid",
        folded=True,
        reason=None,
        ops=["tosa.sigmoid"],
        encoding="quant-dialect",
        input_type="tensor<1x8x8x16x!quant.uniform<i8:f32, "
                   "0.047058824449777603:-4>>",
        output_type="tensor<1x8x8x16x!quant.uniform<i8:f32, "
                    "3.906250e-03:-128>>",
        form="int8 TABLE",
        table="new",
        error=None,
    )]
    assert result.report[0].as_dict()["input_type"].startswith("tensor<")


def test_folding_twice_changes_nothing(source_dir):
    text = (source_dir / "examples/sigmoid.mlir").read_text()
    once = lutfold.fold(text)
    twice = lutfold.fold(once.text)
    assert twice.text == once.text
    assert twice.report == []


INT16_ISLAND = """
func.func @f(%x: tensor<8x!quant.uniform<i16:f32, 2.44140625e-04>>)
    -> tensor<8x!quant.uniform<i16:f32, 3.0517578125e-05>> {
  %d = quant.dcast %x : tensor<8x!quant.uniform<i16:f32, 2.44140625e-04>> to tensor<8xf32>
  %t = tosa.tanh %d : (tensor<8xf32>) -> tensor<8xf32>
  %q = quant.qcast %t : tensor<8xf32> to tensor<8x!quant.uniform<i16:f32, 3.0517578125e-05>>
  return %q : tensor<8x!quant.uniform<i16:f32, 3.0517578125e-05>>
}
"""


def test_int16_report_and_max_error():
    result = lutfold.fold(INT16_ISLAND)
    [record] = result.report
    assert record.form == "int16 TABLE + RESCALE"
    error = record.error
    assert isinstance(error, lutfold.Int16TableError)
    assert error.max_error >= 1 and 0 < error.mean_error < 0.5
    table = lutfold.int16_table(
        "tanh", "!quant.uniform<i16:f32, 2.44140625e-04>",
        "!quant.uniform<i16:f32, 3.0517578125e-05>")
    # The fold's error is the table's, in the same vocabulary.
    assert error._replace(mean_error=0) == table.error._replace(mean_error=0)
    assert error.mean_error == pytest.approx(table.error.mean_error, rel=1e-6)
    assert record.as_dict()["error"] == error._asdict()
    assert "tosa.rescale" in result.text

    # max_int16_error is max_error's former name.
    for option in ("max_error", "max_int16_error"):
        capped = lutfold.fold(INT16_ISLAND, **{option: 0})
        [record] = capped.report
        assert not record.folded
        assert "above max-error=0" in record.reason
        assert "tosa.tanh" in capped.text


def test_default_error_cap_declines_a_pole():
    # 1/x from int16 to int16 is tens of thousands of codes off near 0: above
    # the default cap (1024 codes for 16-bit outputs), so it stays in float.
    island = INT16_ISLAND.replace("tosa.tanh", "tosa.reciprocal")
    [record] = lutfold.fold(island).report
    assert not record.folded
    assert "above the default cap of 1024 codes" in record.reason
    [record] = lutfold.fold(island, max_error=65535).report
    assert record.folded
    assert record.error.max_error > 1024


def test_options_reach_the_pass(source_dir):
    text = (source_dir / "examples/sigmoid.mlir").read_text()
    only_tanh = lutfold.fold(text, ops=["tanh"])
    [record] = only_tanh.report
    assert not record.folded and "tosa.sigmoid" in record.reason
    assert only_tanh.text.count("tosa.sigmoid") == 1
    assert lutfold.fold(text, ops="tosa.sigmoid,tosa.tanh").report[0].folded
    assert lutfold.fold(TIES, numerics="tflite").text != lutfold.fold(
        TIES).text


# Every odd input code is a tie (see test/Transforms/
# tosa-fold-to-table-numerics.mlir): the presets round them differently.
TIES = """
func.func @ties(%arg0: tensor<8x!quant.uniform<i8:f32, 0.5>>) -> tensor<8x!quant.uniform<i8:f32, 1.0>> {
  %0 = quant.dcast %arg0 : tensor<8x!quant.uniform<i8:f32, 0.5>> to tensor<8xf32>
  %1 = tosa.abs %0 : (tensor<8xf32>) -> tensor<8xf32>
  %2 = quant.qcast %1 : tensor<8xf32> to tensor<8x!quant.uniform<i8:f32, 1.0>>
  return %2 : tensor<8x!quant.uniform<i8:f32, 1.0>>
}
"""


def test_remarks_go_to_the_logger(source_dir, caplog):
    text = (source_dir / "examples/sigmoid.mlir").read_text()
    with caplog.at_level(logging.INFO, logger="lutfold"):
        lutfold.fold(text, report_folded=True, report_summary=True)
    messages = [record.getMessage() for record in caplog.records]
    assert any("remark: folded into a table: tosa.sigmoid" in m
               for m in messages)
    assert any("1 island folded" in m for m in messages)


def test_strict_raises_with_the_reasons(source_dir):
    text = (source_dir / "examples/sigmoid.mlir").read_text()
    with pytest.raises(lutfold.LutFoldError) as raised:
        lutfold.fold(text, ops=["tanh"], strict=True)
    diagnostics = raised.value.diagnostics
    assert any("strict: quantize left in float" in d for d in diagnostics)
    assert any("strict: dequantize left in float" in d for d in diagnostics)


PLAIN_ISLAND = """
func.func @plain(%x: tensor<4xi8>) -> tensor<4xi8> {
  %d = tosa.cast %x : (tensor<4xi8>) -> tensor<4xf32>
  %t = tosa.sigmoid %d : (tensor<4xf32>) -> tensor<4xf32>
  %q = tosa.cast %t : (tensor<4xf32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}
"""


def test_report_of_a_plain_tosa_island():
    [record] = lutfold.fold(PLAIN_ISLAND).report
    assert record.folded and record.op == "tosa.cast"
    assert record.encoding == "plain-tosa"
    assert record.ops == ["tosa.cast", "tosa.sigmoid"]
    # The IR alone defines the table: no quantized types.
    assert record.input_type is None and record.output_type is None


def test_remarks_do_not_print_the_operation(source_dir, caplog):
    text = (source_dir / "examples/sigmoid.mlir").read_text()
    with caplog.at_level(logging.INFO, logger="lutfold"):
        lutfold.fold(text, report_folded=True)
    assert caplog.records
    assert not any("see current operation" in record.getMessage()
                   for record in caplog.records)
