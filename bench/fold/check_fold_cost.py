#!/usr/bin/env python3
"""Checks the fold's instructions per island against a stored baseline.

Wall times on a shared 2-core machine vary by a third from run to run;
instruction counts do not. For each encoding it generates a module
(gen_model.py, K = 500 parameter sets), runs `lutfold-opt
--tosa-fold-to-table` under callgrind (collecting the pass alone, on one
thread, without the verifier) and divides the instructions by the islands.
The figures are compared with bench/fold/fold-cost-baseline.json: exit
status 2 when one is more than --tolerance above its baseline, so that a
regression is seen the day it lands. --update writes the current figures as
the new baseline (after a change that is meant to cost more, or less).

    bench/fold/check_fold_cost.py --tool build/bin/lutfold-opt
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BASELINE = os.path.join(HERE, "fold-cost-baseline.json")
COLLECTED = re.compile(r"Collected : (\d+)")
ENCODINGS = {"quant": 500, "plain": 500, "int16": 20}


def instructions(tool, module):
    with tempfile.TemporaryDirectory() as tmp:
        command = ["valgrind", "--tool=callgrind",
                   "--callgrind-out-file=" + os.path.join(tmp, "out"),
                   "--toggle-collect=*TosaFoldToTable::runOnOperation*",
                   tool, "-verify-each=0", "--mlir-disable-threading",
                   "--tosa-fold-to-table", module, "-o", os.devnull]
        process = subprocess.run(command, capture_output=True, text=True)
    match = COLLECTED.search(process.stderr)
    if process.returncode != 0 or not match:
        sys.exit("callgrind run failed:\n" + process.stderr)
    return int(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", required=True, help="path to lutfold-opt")
    parser.add_argument("--islands", type=int, default=5000)
    parser.add_argument("--tolerance", type=float, default=0.05,
                        help="allowed excess over the baseline (0.05: 5%%)")
    parser.add_argument("--update", action="store_true",
                        help="write the figures as the new baseline")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is needed (./utils/dev.sh deps installs it)")
    with open(BASELINE) as f:
        baseline = json.load(f)

    current = {}
    with tempfile.TemporaryDirectory() as tmp:
        for encoding, params in ENCODINGS.items():
            module = os.path.join(tmp, encoding + ".mlir")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_model.py"),
                            "--islands", str(args.islands), "--params",
                            str(params), "--encoding", encoding, "-o", module],
                           check=True)
            current[encoding] = instructions(args.tool, module) / args.islands

    print("| encoding | instructions per island | baseline | change |")
    print("|---|---|---|---|")
    regressed = []
    for encoding, value in current.items():
        base = baseline["instructions_per_island"].get(encoding)
        change = "n/a" if not base else "%+.1f%%" % (100 * (value / base - 1))
        print("| %s | %.0f | %s | %s |"
              % (encoding, value, "%.0f" % base if base else "none", change))
        if base and value > base * (1 + args.tolerance):
            regressed.append(encoding)
    if args.update:
        baseline["instructions_per_island"] = {
            k: round(v) for k, v in current.items()}
        baseline["islands"] = args.islands
        with open(BASELINE, "w") as f:
            json.dump(baseline, f, indent=2)
            f.write("\n")
        print("\nbaseline updated")
        return 0
    if regressed:
        print("\nmore instructions per island than the baseline allows: "
              + ", ".join(regressed))
        return 2
    print("\nwithin %.0f%% of the baseline" % (100 * args.tolerance))
    return 0


if __name__ == "__main__":
    sys.exit(main())
