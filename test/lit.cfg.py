# -*- Python -*-
# Lit configuration for LutFold's IR tests.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "LUTFOLD"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py",
                   "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.lutfold_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%lutfold_src", config.lutfold_src_root))
config.substitutions.append(("%lutfold_obj", config.lutfold_obj_root))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()
# `not` and `count` are found on PATH, as in LLVM's own test suites.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# Upstream mlir-opt lives beside the other LLVM tools in Debian's packages.
import shutil

if shutil.which("rsvg-convert"):
    config.available_features.add("rsvg-convert")
# Formatting is checked with the clang-format of the LLVM release the project
# builds against (utils/dev.sh deps installs it).
if shutil.which("clang-format-22"):
    config.available_features.add("clang-format-22")
# Instruction counts (bench/fold/check_fold_cost.py) need valgrind, which
# does not run sanitized binaries.
if shutil.which("valgrind") and not config.lutfold_sanitized:
    config.available_features.add("valgrind")
if config.lutfold_have_fuzzers:
    config.available_features.add("fuzzers")
# The mlir-opt plugin and the install test mix LutFold's code with
# uninstrumented code, which a sanitized build cannot.
if not config.lutfold_sanitized:
    config.available_features.add("pass-plugin")
    config.available_features.add("install")
# The Python package (python/), built when pybind11 and the interpreter's
# headers are there.
if config.lutfold_python_package:
    config.available_features.add("python-package")
config.substitutions.append(("%lutfold_python_dir", config.lutfold_python_dir))
config.substitutions.append(("%lutfold_python_install_dir",
                             config.lutfold_python_install_dir))
config.substitutions.append(("%cxx_compiler", config.cxx_compiler))
config.substitutions.append((
    "%lutfold_pass_plugin",
    os.path.join(config.lutfold_lib_dir, "LutFoldPassPlugin.so")))

tool_dirs = [config.lutfold_tools_dir, config.mlir_tools_dir,
             config.llvm_tools_dir]
tools = [
    "lutfold-opt",
    "lutfold-int16-error-report",
    "lutfold-table",
    ToolSubst("lutfold-lut-fuzzer", unresolved="ignore"),
    ToolSubst("lutfold-island-fuzzer", unresolved="ignore"),
    ToolSubst("lutfold-chain-fuzzer", unresolved="ignore"),
    ToolSubst("lutfold-int16-fuzzer", unresolved="ignore"),
    ToolSubst("mlir-opt", unresolved="fatal"),
    ToolSubst("mlir-tblgen", unresolved="fatal"),
    ToolSubst("%python", config.python_executable, unresolved="ignore"),
]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# The generator of random islands and their independent float32 model, shared
# by the Transforms, Integration and lutfold-opt tests and utils/gen-op-tests.py.
config.substitutions.insert(0, (
    "%island_cases",
    config.python_executable + " " +
    os.path.join(config.lutfold_src_root, "utils", "island_cases.py")))

# Execution tests: lower TOSA to LLVM with upstream passes only, then run
# @main with the JIT and the runner utilities. Tools are named by path: tool
# substitutions do not apply inside other substitutions.
def find_tool(name):
    for directory in tool_dirs:
        candidate = os.path.join(directory, name)
        if os.path.exists(candidate):
            return candidate
    lit_config.fatal("cannot find " + name)


config.substitutions.insert(0, (
    "%lower_tosa_to_llvm",
    find_tool("mlir-opt") + " --pass-pipeline='builtin.module("
    "func.func(tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith{include-apply-rescale},tosa-to-tensor),"
    "one-shot-bufferize{bufferize-function-boundaries},convert-linalg-to-loops,"
    "expand-strided-metadata,lower-affine,"
    "convert-scf-to-cf,func.func(math-expand-ops{ops=rsqrt}),"
    "convert-math-to-libm,convert-to-llvm,"
    "reconcile-unrealized-casts)'"))
# Quantized function signatures become their storage types; the storage
# casts left in pairs then fold away.
config.substitutions.insert(0, (
    "%strip_quant_types",
    find_tool("mlir-opt") + " --strip-func-quant-types --canonicalize"))
runner_libs = ",".join(
    os.path.join(config.llvm_lib_dir, name)
    for name in ("libmlir_runner_utils.so", "libmlir_c_runner_utils.so"))
config.substitutions.insert(0, (
    "%run_main",
    find_tool("mlir-runner") + " -e main -entry-point-result=void "
    "-shared-libs=" + runner_libs))
