#!/usr/bin/env python3
"""Times --tosa-fold-to-table on one island of growing size.

For each size M it generates `@island`, one island of M element-wise
operations (gen_model.py --island-ops), and runs `lutfold-opt
--tosa-fold-to-table="max-island-size=M" -mlir-timing` on it, reading the
parser's and the pass's wall times from that run's timing report (the best
of --repeat runs). Analysis must be linear in M: the pass's microseconds
per operation should not grow with M (the table itself costs 256
evaluations of the island, also linear). Prints a Markdown table.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TIMING = re.compile(r"^\s*([0-9.]+) \(\s*[0-9.]+%\)\s+(\S.*)$")


def run(tool, module, size):
    command = [tool, "--tosa-fold-to-table=max-island-size=%d report-summary"
               % size, "-verify-each=0", "-mlir-timing",
               "-mlir-timing-display=list", "-o", os.devnull, module]
    process = subprocess.run(command, capture_output=True, text=True)
    if process.returncode != 0 or "1 island folded" not in process.stderr:
        sys.exit("lutfold-opt did not fold the island:\n" + process.stderr)
    times = {}
    for line in process.stderr.splitlines():
        match = TIMING.match(line)
        if match:
            times[match.group(2).strip()] = float(match.group(1))
    return times["Parser"], times["TosaFoldToTable"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", required=True, help="path to lutfold-opt")
    parser.add_argument("--ops", default="10000,20000,50000,100000")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per size; the fastest fold is reported")
    args = parser.parse_args()
    sizes = [int(v) for v in args.ops.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            module = os.path.join(tmp, "island.mlir")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_model.py"),
                            "--island-ops", str(size), "-o", module],
                           check=True)
            runs = [run(args.tool, module, size) for _ in range(args.repeat)]
            parse, fold = min(runs, key=lambda r: r[1])
            rows.append((size, parse, fold))
    print("| island operations | parse s | fold s | fold us / operation | "
          "fold / parse |")
    print("|---|---|---|---|---|")
    for size, parse, fold in rows:
        print("| %d | %.3f | %.3f | %.2f | %.2f |"
              % (size, parse, fold, fold / size * 1e6, fold / parse))
    first, last = rows[0], rows[-1]
    print("\nfold time per operation, %d -> %d operations: x%.2f"
          % (first[0], last[0], (last[2] / last[0]) / (first[2] / first[0])))


if __name__ == "__main__":
    main()
