#!/usr/bin/env python3
"""Compares what two builds of lutfold-opt print, case by case.

A refactoring that must not change behaviour is checked by running the
build before it and the build after it on the same inputs with the same
pass configurations, and comparing everything they print: the IR, every
diagnostic and remark, and the YAML the remark engine writes.

    utils/compare_builds.py --before OLD/bin/lutfold-opt \\
        --after build/bin/lutfold-opt test examples [FILE_OR_DIR...]

Files are split at `// -----` as `-split-input-file` does (cases that do
not parse are compared too: both builds must say the same). Prints one line
per difference and a closing count; exits 1 on any difference.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile

from replay_corpus import collect, split_cases

# (name, arguments); `{yaml}` is replaced by the remark file's path.
CONFIGS = [
    ("fold", ["--tosa-fold-to-table"]),
    ("fold-report", ["--tosa-fold-to-table=report-declined=true "
                     "report-folded=true report-summary=true",
                     "--remarks-filter=.*", "--remark-format=yaml",
                     "--remarks-output-file={yaml}"]),
    ("fold-strict", ["--tosa-fold-to-table=strict=true"]),
    ("fold-tflite", ["--tosa-fold-to-table=numerics=tflite "
                     "max-island-size=8 report-declined=true"]),
    ("compose", ["--tosa-compose-tables=report-composed=true "
                 "report-declined=true"]),
    ("expand-qdq", ["--tosa-expand-qdq=report-left=true"]),
    ("expand-tflite", ["--tosa-expand-qdq=numerics=tflite"]),
    # Functions run in parallel in the pipeline: one thread keeps the
    # remarks' order.
    ("pipeline", ["--lutfold-pipeline=report=true", "--mlir-disable-threading",
                  "--remarks-filter=tosa-fold-to-table",
                  "--remark-format=yaml", "--remarks-output-file={yaml}"]),
    ("pipeline-expand", ["--lutfold-pipeline=expand-remaining=true "
                         "numerics=tflite"]),
]


def run(tool, args, case):
    with tempfile.TemporaryDirectory() as scratch:
        yaml = os.path.join(scratch, "remarks.yaml")
        argv = [tool] + [arg.replace("{yaml}", yaml) for arg in args]
        proc = subprocess.run(argv + ["-"], input=case, capture_output=True,
                              text=True, timeout=600)
        remarks = ""
        if os.path.exists(yaml):
            with open(yaml, encoding="utf-8") as f:
                remarks = f.read()
        return proc.returncode, proc.stdout, proc.stderr, remarks


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--config", action="append",
                        help="only these configurations (by name)")
    parser.add_argument("paths", nargs="+")
    options = parser.parse_args()
    configs = [c for c in CONFIGS
               if not options.config or c[0] in options.config]
    jobs = [(path, i, case, name, args)
            for path in collect(options.paths)
            for i, (_, case) in enumerate(split_cases(path))
            for name, args in configs]

    def compare(job):
        path, i, case, name, args = job
        before = run(options.before, args, case)
        after = run(options.after, args, case)
        return job, before == after

    differences = 0
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for (path, i, _, name, _), same in pool.map(compare, jobs):
            if not same:
                differences += 1
                print(f"differs: {path} case {i + 1}, {name}")
    print(f"{len(jobs)} runs compared, {differences} differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
