"""Bad input raises LutFoldError (a ValueError) saying what is wrong."""

import numpy as np
import pytest

import lutfold

I8 = (0.05, -3, -128, 127)
I16 = (1 / 4096, 0, -32768, 32767)


def raises(match):
    return pytest.raises(lutfold.LutFoldError, match=match)


def test_malformed_mlir_carries_the_parser_diagnostics():
    with raises("cannot parse the module") as raised:
        lutfold.fold("func.func @f( {", source_name="bad.mlir")
    assert isinstance(raised.value, ValueError)
    assert any(d.startswith("bad.mlir:1:") and ": error: " in d
               for d in raised.value.diagnostics)


def test_unknown_options():
    with raises("numerics: unknown preset 'tf'"):
        lutfold.fold("", numerics="tf")
    with raises("'tosa.conv2d' is not an operation islands may contain"):
        lutfold.fold("func.func @f() { return }", ops=["tosa.conv2d"])
    with raises("max_island_size"):
        lutfold.fold("", max_island_size=0)
    with pytest.raises(TypeError):
        lutfold.fold("", max_islands=3)
    with pytest.raises(TypeError):
        lutfold.fold(b"func.func @f() { return }")


def test_bad_quantization_parameters():
    with raises(r"input_q: scale -0\.05 is not a finite number greater "
                r"than 0"):
        lutfold.int8_table("sigmoid", (-0.05, 0, -128, 127), I8)
    with raises(r"output_q: qmin 10 is greater than qmax -10"):
        lutfold.int8_table("sigmoid", I8, (0.1, 0, 10, -10))
    with raises(r"input_q: codes \[-32768, 32767\] need 16-bit storage"):
        lutfold.int8_table("sigmoid", I16, I8)
    with raises(r"output_q: expected \(scale, zero_point, qmin, qmax\)"):
        lutfold.int8_table("sigmoid", I8, (0.1, 0))
    with raises(r"input_q: zero_point must be an integer, got 0.5"):
        lutfold.int8_table("sigmoid", (0.1, 0.5, -128, 127), I8)
    with raises(r"input_q: cannot read '!quant.uniform<i8:f32' as an MLIR "
                r"type"):
        lutfold.int8_table("sigmoid", "!quant.uniform<i8:f32", I8)
    with raises(r"input_q: .*unsigned|input_q: .*signed"):
        lutfold.int8_table("sigmoid", "!quant.uniform<u8:f32, 0.1:3>", I8)
    with raises("output_q"):
        # An i8 input gives an i8 TABLE: the output cannot be i16.
        lutfold.int8_table("sigmoid", I8, I16)


def test_bad_operations():
    with raises("op: unknown operation 'sigmoidd'"):
        lutfold.int8_table("sigmoidd", I8, I8)
    with raises("op: cannot parse the MLIR text") as raised:
        lutfold.int8_table("func.func @f(%x: tensor<1xf32>) {", I8, I8)
    assert raised.value.diagnostics
    with raises("op: expected one func.func with one f32 tensor argument"):
        lutfold.int8_table(
            "func.func @f(%x: tensor<1xi8>) -> tensor<1xi8> {\n"
            "  return %x : tensor<1xi8>\n}", I8, I8)
    with raises("op: the function returns its argument"):
        lutfold.int8_table("func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> "
                           "{ return %x : tensor<4xf32> }", I8, I8)
    with raises("op: expected one func.func .* found a declaration"):
        lutfold.int8_table("func.func private @f(%x: tensor<4xf32>) -> "
                           "tensor<4xf32>", I8, I8)
    with raises("op: expected one func.func .* found 2 functions"):
        lutfold.int8_table(
            "func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> "
            "{ return %x : tensor<4xf32> }\n"
            "func.func @g(%x: tensor<4xf32>) -> tensor<4xf32> "
            "{ return %x : tensor<4xf32> }", I8, I8)
    with raises("op: the function is not an island: .*quant.dcast"):
        # A constant: nothing reads the argument.
        lutfold.int8_table(
            "func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {\n"
            "  %c = \"tosa.const\"() <{values = dense<1.0> : tensor<4xf32>}> "
            ": () -> tensor<4xf32>\n"
            "  return %c : tensor<4xf32>\n}", I8, I8)
    with raises("op: the function is not an island: .*tosa.reduce_sum"):
        lutfold.int8_table(
            "func.func @f(%x: tensor<4xf32>) -> tensor<1xf32> {\n"
            "  %0 = tosa.reduce_sum %x {axis = 0 : i32} : "
            "(tensor<4xf32>) -> tensor<1xf32>\n"
            "  return %0 : tensor<1xf32>\n}", I8, I8)


def test_bad_reference_arrays():
    good = np.zeros(65536, dtype=np.int32)
    with raises(r"reference: expected a one-dimensional array of 65536 "
                r"values .* got shape \(256,\)"):
        lutfold.fit_int16_table(np.zeros(256, np.int32), I16, I16)
    with raises("reference: expected an array of integers, got dtype "
                "float64"):
        lutfold.fit_int16_table(good.astype(np.float64), I16, I16)
    with raises(r"reference: output code 200 for input code -32768 is "
                r"outside output_q's \[-128, 127\]"):
        lutfold.fit_int16_table(good + 200, I16, I8)
    with raises("unrounded: expected a one-dimensional array"):
        lutfold.fit_int16_table(good, I16, I16, unrounded=np.zeros(3))


def test_bad_tables_to_evaluate():
    entries = np.zeros(513, np.int16)
    rescale = lutfold.Rescale(1 << 30, 37, 0, 16)
    with raises(r"entries: expected 513 values, got shape \(512,\)"):
        lutfold.evaluate_int16_table(entries[:512], rescale)
    with raises("entries: expected int16 values, got dtype float32"):
        lutfold.evaluate_int16_table(entries.astype(np.float32), rescale)
    with raises(r"shift 70 is outside TOSA's \[2, 62\]"):
        lutfold.evaluate_int16_table(entries, (1 << 30, 70, 0, 16))
    with raises(r"shift 1 is outside TOSA's \[2, 62\]"):
        lutfold.evaluate_int16_table(entries, (1 << 30, 1, 0, 16))
    with raises("output_bits must be 8 or 16, not 12"):
        lutfold.evaluate_int16_table(entries, (1 << 30, 37, 0, 12))
    with raises("rescale: expected Rescale"):
        lutfold.evaluate_int16_table(entries, 3)


def test_mangled_modules_raise_or_fold(source_dir):
    # Lines of real modules dropped, doubled or cut short: every result is
    # a fold or a LutFoldError, never a crash of the interpreter.
    rng = np.random.default_rng(3)
    texts = [(source_dir / path).read_text() for path in (
        "examples/sigmoid.mlir",
        "test/Integration/Inputs/exporter-islands.mlir")]
    outcomes = {"folded": 0, "raised": 0}
    for _ in range(150):
        lines = texts[rng.integers(len(texts))].splitlines()
        for _ in range(rng.integers(1, 4)):
            i = int(rng.integers(len(lines)))
            action = rng.integers(3)
            if action == 0:
                del lines[i]
            elif action == 1:
                lines.insert(i, lines[i])
            else:
                lines[i] = lines[i][: int(rng.integers(len(lines[i]) + 1))]
        try:
            lutfold.fold("\n".join(lines), strict=bool(rng.integers(2)))
            outcomes["folded"] += 1
        except lutfold.LutFoldError as error:
            assert str(error)
            outcomes["raised"] += 1
    assert outcomes["folded"] and outcomes["raised"]


@pytest.mark.parametrize("call", [
    lambda: lutfold.fold("", numerics="tfl"),
    lambda: lutfold.fold("", max_island_size=0),
    lambda: lutfold.int8_table("sigmoid", (0.05, 0, -128), I8),
    lambda: lutfold.fit_int16_table(np.zeros(65536), I16, I16),
    lambda: lutfold.evaluate_int16_table(np.zeros(513, np.int16),
                                         (1 << 30, 99, 0, 16)),
])
def test_every_error_of_the_package_checks_has_diagnostics(call):
    # The package's own checks have no MLIR diagnostics to give, but the
    # attribute is there, as on errors from the native side.
    with pytest.raises(lutfold.LutFoldError) as raised:
        call()
    assert raised.value.diagnostics == []


def test_a_path_instead_of_text_gets_a_hint(source_dir):
    path = str(source_dir / "examples/sigmoid.mlir")
    with raises("fold takes MLIR text, not a path") as raised:
        lutfold.fold(path)
    assert raised.value.diagnostics
    assert f"open({path!r}).read()" in str(raised.value)
