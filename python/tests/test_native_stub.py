"""_lutfold.pyi describes what the native module really has and returns."""

import ast
import os
import pathlib
import re
import subprocess

import lutfold
from lutfold import _lutfold

STUB = pathlib.Path(lutfold.__file__).with_name("_lutfold.pyi")


def _stub():
    tree = ast.parse(STUB.read_text())
    functions = {node.name for node in tree.body
                 if isinstance(node, ast.FunctionDef)}
    typed_dicts = {
        node.name: [item.target.id for item in node.body
                    if isinstance(item, ast.AnnAssign)]
        for node in tree.body if isinstance(node, ast.ClassDef)
        and any(getattr(base, "id", None) == "TypedDict"
                for base in node.bases)}
    return functions, typed_dicts


def test_every_native_function_is_declared():
    functions, _ = _stub()
    native = {name for name in dir(_lutfold)
              if callable(getattr(_lutfold, name))
              and not name.startswith("_") and name != "LutFoldError"}
    assert functions == native


SIGMOID = """
func.func @f(%x: tensor<4x!quant.uniform<i8:f32, 0.05>>, %y: tensor<4xf32>)
    -> (tensor<4x!quant.uniform<i8:f32, 0.0078125>>,
        tensor<4x!quant.uniform<i8:f32, 0.0078125>>) {
  %d = quant.dcast %x : tensor<4x!quant.uniform<i8:f32, 0.05>> to tensor<4xf32>
  %t = tosa.sigmoid %d : (tensor<4xf32>) -> tensor<4xf32>
  %q = quant.qcast %t : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.0078125>>
  %r = quant.qcast %y : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.0078125>>
  return %q, %r : tensor<4x!quant.uniform<i8:f32, 0.0078125>>, tensor<4x!quant.uniform<i8:f32, 0.0078125>>
}
"""


def test_native_functions_return_the_declared_types():
    _, typed_dicts = _stub()
    result, messages = _lutfold.fold(SIGMOID, "pt2e", [], 64, False, False,
                                     False, False, -1, "<input>", True)
    assert isinstance(result, lutfold.FoldResult) and messages == []
    _, messages = _lutfold.fold(SIGMOID, "pt2e", [], 64, False, True, False,
                                False, -1, "<input>", True)
    assert [severity for severity, _ in messages] == ["remark"]
    assert "remark: folded into a table: tosa.sigmoid" in messages[0][1]
    assert [r.folded for r in result.report] == [True, False]
    assert all(isinstance(r, lutfold.FoldRecord) for r in result.report)
    assert list(_lutfold.fold_defaults()) == typed_dicts["_FoldDefaults"]
    spec = ("!quant.uniform<i16:f32, 2.44140625e-04>", 0.0, 0, 0, 0, 0)
    table = _lutfold.int16_table("tanh", spec, spec, "pt2e")
    assert isinstance(table, lutfold.Int16Table)
    assert isinstance(table.rescale, lutfold.Rescale)
    assert isinstance(table.error, lutfold.Int16TableError)


def test_fold_takes_its_defaults_from_the_pass(bin_dir):
    # The pass manager prints the pass's options with their defaults.
    dump = subprocess.run(
        [str(bin_dir / "lutfold-opt"),
         "--pass-pipeline=builtin.module(tosa-fold-to-table)",
         "--dump-pass-pipeline", "-o", os.devnull, "-"],
        input="module {}", check=True, capture_output=True, text=True).stderr
    options = dict(re.findall(r"([a-z-]+)=(\S*)",
                              re.search(r"tosa-fold-to-table\{(.*)\}",
                                        dump).group(1)))
    defaults = _lutfold.fold_defaults()
    assert defaults["numerics"] == options["numerics"]
    assert defaults["max_island_size"] == int(options["max-island-size"])
    assert defaults["max_error"] == int(options["max-error"])
    for name in ("report_declined", "report_folded", "report_summary",
                 "strict"):
        assert defaults[name] == (options[name.replace("_", "-")] == "true")
    # And fold() has them as its keyword defaults.
    keywords = lutfold.fold.__kwdefaults__
    assert lutfold.fold.__defaults__ == (defaults["numerics"],)
    for name in ("max_island_size", "report_declined", "report_folded",
                 "report_summary", "strict", "source_name", "verify"):
        assert keywords[name] == defaults[name]
