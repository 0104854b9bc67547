#!/usr/bin/env python3
"""Fold a model's float islands from Python and print the report as JSON.

    PYTHONPATH=build/python_packages python3 examples/python/fold_model.py \\
        examples/sigmoid.mlir -o folded.mlir

The report has one entry per quantize the pass looked at: whether it was
folded, and why not, with the island's operations and types and, for int16,
the error of TABLE + RESCALE.
"""

import argparse
import json
import sys

import lutfold


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", help="an .mlir file")
    parser.add_argument("-o", "--output", help="write the folded module here")
    parser.add_argument("--numerics", default="pt2e", choices=lutfold.NUMERICS)
    parser.add_argument("--strict", action="store_true",
                        help="fail if float is left (integer-only targets)")
    args = parser.parse_args()

    try:
        with open(args.model) as f:
            text = f.read()
    except OSError as error:
        print(f"fold_model.py: cannot read {args.model}: {error.strerror}",
              file=sys.stderr)
        return 1
    try:
        result = lutfold.fold(text, args.numerics, strict=args.strict,
                              source_name=args.model)
    except lutfold.LutFoldError as error:
        print("\n".join(error.diagnostics) or str(error), file=sys.stderr)
        return 1
    if args.output:
        with open(args.output, "w") as f:
            f.write(result.text)
    json.dump([record.as_dict() for record in result.report], sys.stdout,
              indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
