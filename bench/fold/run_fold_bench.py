#!/usr/bin/env python3
"""Times --tosa-fold-to-table against parsing, in the same process.

For each module size it generates a model (gen_model.py), runs
`lutfold-opt --tosa-fold-to-table -mlir-timing` on it and reads, from that
one run's timing report, the parser's and the pass's wall times. Each size
runs twice: with -verify-each=0 (the pass alone) and with the default
verifier after the pass (which the timing report counts in the pass's
time). Also reported: peak memory of the process, and the islands folded
and distinct tables from the pass's summary remark.

With --repeat, each size and mode runs several times and the run with the
median ratio is reported (each ratio still comes from one process). With
--threading both, every run is made with the context's threads and again
with --mlir-disable-threading. Prints a Markdown table; --json writes the
figures too.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TIMING = re.compile(r"^\s*([0-9.]+) \(\s*[0-9.]+%\)\s+(\S.*)$")
SUMMARY = re.compile(r"(\d+) islands? folded, (\d+) declined, (\d+) distinct "
                     r"tables?")


def run(tool, module, verify, threads):
    command = [tool, "--tosa-fold-to-table=report-summary", "-mlir-timing",
               "-mlir-timing-display=list", "-o", os.devnull, module]
    if not verify:
        command.insert(1, "-verify-each=0")
    if not threads:
        command.insert(1, "--mlir-disable-threading")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        sys.exit("lutfold-opt failed:\n" + stderr)
    times = {}
    for line in stderr.splitlines():
        match = TIMING.match(line)
        if match:
            times[match.group(2).strip()] = float(match.group(1))
    summary = SUMMARY.search(stderr)
    return {
        "parse_s": times["Parser"],
        "fold_s": times["TosaFoldToTable"],
        "ratio": times["TosaFoldToTable"] / times["Parser"],
        "peak_rss_mb": usage.ru_maxrss / 1024.0,
        "folded": int(summary.group(1)),
        "tables": int(summary.group(3)),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", required=True, help="path to lutfold-opt")
    parser.add_argument("--islands", default="10000,20000,100000,200000")
    parser.add_argument("--params", type=int, default=500)
    parser.add_argument("--encoding", default="quant",
                        choices=["quant", "int16", "plain"])
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per size and mode; the run with the "
                             "median fold / parse ratio is reported")
    parser.add_argument("--threading", default="on",
                        choices=["on", "off", "both"],
                        help="run with the context's threads, without them "
                             "(--mlir-disable-threading), or both")
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args()

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(v) for v in args.islands.split(",")]:
            module = os.path.join(tmp, "model.mlir")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_model.py"),
                            "--islands", str(n), "--params", str(args.params),
                            "--encoding", args.encoding, "-o", module],
                           check=True)
            for threads in {"on": [True], "off": [False],
                            "both": [True, False]}[args.threading]:
                def median(verify):
                    runs = sorted((run(args.tool, module, verify, threads)
                                   for _ in range(args.repeat)),
                                  key=lambda r: r["ratio"])
                    return runs[len(runs) // 2]
                alone = median(verify=False)
                verified = median(verify=True)
                results.append({"islands": n, "params": args.params,
                                "encoding": args.encoding,
                                "threads": threads,
                                "module_mb": os.path.getsize(module) / 2**20,
                                "pass_alone": alone,
                                "with_verifier": verified})

    print("| islands | K | threads | module MB | parse s | fold s | "
          "fold / parse | fold + verifier / parse | tables | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        a, v = r["pass_alone"], r["with_verifier"]
        print("| %d | %d | %s | %.1f | %.3f | %.3f | %.3f | %.3f | %d | %.0f |"
              % (r["islands"], r["params"], "on" if r["threads"] else "off",
                 r["module_mb"], a["parse_s"], a["fold_s"], a["ratio"],
                 v["ratio"], a["tables"],
                 max(a["peak_rss_mb"], v["peak_rss_mb"])))
    sizes = {r["islands"]: r["pass_alone"]["fold_s"] for r in results
             if r["threads"]}
    if 20000 in sizes and 100000 in sizes:
        print("\nfold time, 20,000 -> 100,000 islands: x%.2f"
              % (sizes[100000] / sizes[20000]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
