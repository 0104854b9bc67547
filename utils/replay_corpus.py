#!/usr/bin/env python3
"""Replays a corpus of MLIR test files through every LutFold pass.

Each file is split at `// -----` like `-split-input-file`; cases that expect
an error (`expected-error`) are left out, and so are cases the tool cannot
parse or verify as they are (other MLIR versions' syntax, say). Every case
left then goes through each LutFold pass and pipeline. A case fails when the
tool crashes on it, or when a pass that never fails on verified IR (all but
`strict=true`) does not succeed: a verifier failure after the pass included.

    utils/replay_corpus.py --tool build/bin/lutfold-opt FILE_OR_DIR...

Upstream MLIR's own TOSA and Quant dialect tests (`mlir/test/Dialect/Tosa`,
`mlir/test/Dialect/Quant` of an llvm-project checkout) are the corpus this
was written for; the suite replays the project's own test inputs.
Prints one line per failure and a closing summary; exits 1 on any failure.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

SEPARATOR = "// -----"

# (name, arguments, whether the pass may fail on verified IR)
PASSES = [
    ("fold", ["--tosa-fold-to-table=report-declined=true report-folded=true "
              "report-summary=true"], False),
    ("fold-tflite", ["--tosa-fold-to-table=numerics=tflite max-error=65535"],
     False),
    ("fold-strict", ["--tosa-fold-to-table=strict=true"], True),
    ("compose", ["--tosa-compose-tables=report-composed=true "
                 "report-declined=true"], False),
    ("expand-qdq", ["--tosa-expand-qdq=report-left=true"], False),
    ("pipeline", ["--lutfold-pipeline=report=true"], False),
    ("pipeline-expand", ["--lutfold-pipeline=expand-remaining=true "
                         "numerics=tflite"], False),
    ("nested", ["--pass-pipeline=builtin.module(func.func("
                "tosa-fold-to-table, tosa-compose-tables))"], False),
]

CRASH_MARKERS = ("Stack dump", "PLEASE submit a bug report")


def split_cases(path):
    """The cases of `path` as (first line number, text) pairs, each padded
    with blank lines so that diagnostics keep the file's line numbers."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    cases, start = [], 0
    for i, line in enumerate(lines + [SEPARATOR]):
        if line.strip().startswith(SEPARATOR) or i == len(lines):
            text = "\n".join(lines[start:i])
            if text.strip():
                cases.append((start + 1, "\n" * start + text))
            start = i + 1
    return cases


def run(tool, args, text):
    proc = subprocess.run([tool, "-", "-o", os.devnull,
                           "--mlir-print-op-on-diagnostic=false"] + args,
                          input=text.encode(), capture_output=True,
                          timeout=600)
    err = proc.stderr.decode(errors="replace")
    crashed = proc.returncode < 0 or any(m in err for m in CRASH_MARKERS)
    return proc.returncode, crashed, err


def run_split(tool, args, cases):
    """Runs `args` over `cases` as one split input; returns the exit code,
    whether it crashed, and stderr."""
    text = ("\n" + SEPARATOR + "\n").join(t for _, t in cases)
    return run(tool, ["-split-input-file"] + args, text)


def valid_cases(tool, path):
    """The cases of `path` that expect no error and that the tool parses
    and verifies."""
    cases = [c for c in split_cases(path) if "expected-error" not in c[1]]
    if not cases:
        return []
    # One run for the file; the lines of its errors name the bad cases.
    code, _, err = run_split(tool, [], cases)
    if code == 0:
        return cases
    bad_lines = {int(m.group(1)) for m in re.finditer(r"^<stdin>:(\d+):",
                                                     err, re.M)}
    starts = [start for start, _ in cases]
    bad = set()
    for line in bad_lines:
        index = max(i for i, s in enumerate(starts) if s <= line) \
            if line >= starts[0] else 0
        bad.add(index)
    kept = [c for i, c in enumerate(cases) if i not in bad]
    # Errors without a line (or a case that broke the split) are found one
    # case at a time.
    if kept and run_split(tool, [], kept)[0] != 0:
        kept = [c for c in kept if run(tool, [], c[1])[0] == 0]
    return kept


def replay(tool, path, failures):
    cases = valid_cases(tool, path)
    for name, args, may_fail in PASSES:
        code, crashed, _ = run_split(tool, args, cases) if cases else (0, 0, "")
        if not crashed and (may_fail or code == 0):
            continue
        # Name the cases: one run each.
        for start, text in cases:
            code, crashed, err = run(tool, args, text)
            if crashed or (not may_fail and code != 0):
                what = "crash" if crashed else "failure"
                first = next((l for l in err.splitlines() if l.strip()), "")
                failures.append(f"{path}:{start}: {name}: {what}: {first}")
    return len(cases)


def collect(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, _, files in sorted(os.walk(path)):
                for name in sorted(files):
                    if name.endswith(".mlir"):
                        yield os.path.join(root, name)
        else:
            yield path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tool", required=True, help="lutfold-opt")
    parser.add_argument("paths", nargs="+", help=".mlir files or folders")
    args = parser.parse_args()
    failures, files, cases = [], 0, 0
    for path in collect(args.paths):
        files += 1
        cases += replay(args.tool, path, failures)
    for failure in failures:
        print(failure)
    print(f"replayed {cases} cases of {files} files through {len(PASSES)} "
          f"passes: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
