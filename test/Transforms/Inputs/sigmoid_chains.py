#!/usr/bin/env python3
"""Random int8 sigmoid chains: generate a module, then check the fold.

  sigmoid_chains.py generate --count N --seed S --module M.mlir --params P.json
  sigmoid_chains.py check --params P.json --folded F.mlir --golden G.json

The check recomputes every table with an independent float32 model of
PyTorch's PT2E dequantize -> torch.sigmoid -> quantize written here in plain
Python (float32 rounding through struct), after confirming that model against
PyTorch eager's own tables in the golden file. It requires every chain to be
folded into exactly one tosa.table, at least 99.999% of all entries to equal
the model and none to be off by more than one code.
"""

import argparse
import json
import math
import random
import re
import struct
import sys

PT2E_SIGMOID_OUT = (1.0 / 256.0, -128, -128, 127)


def f32(x):
    """Rounds a Python float (double) to the nearest float32."""
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def sigmoid_f32(x):
    # 1 / (1 + exp(-x)) with each step rounded to float32. The exponential is
    # taken in double and rounded once: the correctly rounded float result in
    # all but vanishingly rare double-rounding cases.
    try:
        e = f32(math.exp(-x))
    except OverflowError:
        e = math.inf
    return f32(1.0 / f32(1.0 + e)) if e != math.inf else 0.0


def pt2e_table(inp, out):
    scale, zp, qmin, qmax = inp
    oscale, ozp, oqmin, oqmax = out
    fscale = f32(scale)
    finv = f32(1.0 / oscale)
    table = []
    for code in range(-128, 128):
        c = min(max(code, qmin), qmax)
        x = f32(f32(float(c) - float(zp)) * fscale)
        y = sigmoid_f32(x)
        v = f32(y * finv)
        r = f32(round(v) + float(ozp))  # round(): half to even on floats
        table.append(int(min(max(r, oqmin), oqmax)))
    return table


def quant_type(params):
    scale, zp, qmin, qmax = params
    storage = "i8" if (qmin, qmax) == (-128, 127) else "i8<%d:%d>" % (qmin, qmax)
    return "!quant.uniform<%s:f32, %r:%d>" % (storage, scale, zp)


def random_params(rng, output):
    if output and rng.random() < 0.25:
        return PT2E_SIGMOID_OUT
    qmin = -127 if rng.random() < 0.5 else -128
    scale = 10 ** rng.uniform(-4.0, 0.5) if not output else 10 ** rng.uniform(-3.5, -1.5)
    zp = rng.randint(-128, 127)
    return (scale, zp, qmin, 127)


def generate(args):
    rng = random.Random(args.seed)
    shapes = ["8", "1x16", "2x3x4", "1x4x4x8", "?x8", "", "?x?x3"]
    params = {}
    lines = []
    for i in range(args.count):
        name = "chain%d" % i
        inp = random_params(rng, output=False)
        out = random_params(rng, output=True)
        params[name] = {"in": inp, "out": out}
        shape = rng.choice(shapes)
        dims = shape + "x" if shape else ""
        it = "tensor<%s%s>" % (dims, quant_type(inp))
        ot = "tensor<%s%s>" % (dims, quant_type(out))
        ft = "tensor<%sf32>" % dims
        lines += [
            "func.func @%s(%%arg0: %s) -> %s {" % (name, it, ot),
            "  %%0 = quant.dcast %%arg0 : %s to %s" % (it, ft),
            "  %%1 = tosa.sigmoid %%0 : (%s) -> %s" % (ft, ft),
            "  %%2 = quant.qcast %%1 : %s to %s" % (ft, ot),
            "  return %%2 : %s" % ot,
            "}",
        ]
    with open(args.module, "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(args.params, "w") as f:
        json.dump(params, f)


def check_model_against_golden(path):
    with open(path) as f:
        cases = [c for c in json.load(f)["cases"] if c["op"] == "sigmoid"]
    for case in cases:
        if pt2e_table(case["in"], case["out"]) != case["table"]:
            sys.exit("error: the Python model disagrees with PyTorch eager on %r"
                     % (case["in"],))
    print("model matches PyTorch eager on %d golden sigmoid tables" % len(cases))


def check(args):
    check_model_against_golden(args.golden)
    with open(args.params) as f:
        params = json.load(f)
    text = open(args.folded).read()
    funcs = re.split(r"\n\s*func\.func @", text)[1:]
    if len(funcs) != len(params):
        sys.exit("error: %d functions in the output, %d generated"
                 % (len(funcs), len(params)))
    equal = total = 0
    worst = 0
    for body in funcs:
        name = body.split("(", 1)[0]
        if "tosa.sigmoid" in body or "quant.dcast" in body or "quant.qcast" in body:
            sys.exit("error: @%s was not folded" % name)
        # A table whose entries are all equal prints as a splat.
        tables = re.findall(r"dense<(\[[^\]]*\]|-?\d+)> : tensor<256xi8>", body)
        if len(tables) != 1 or body.count("tosa.table ") != 1:
            sys.exit("error: @%s has %d tables" % (name, len(tables)))
        if tables[0].startswith("["):
            got = [int(v) for v in tables[0][1:-1].split(",")]
        else:
            got = [int(tables[0])] * 256
        p = params[name]
        want = pt2e_table(p["in"], p["out"])
        for g, w in zip(got, want):
            total += 1
            equal += g == w
            worst = max(worst, abs(g - w))
    rate = equal / total
    print("%d chains folded; %d of %d entries equal (%.6f%%), largest "
          "difference %d" % (len(funcs), equal, total, 100 * rate, worst))
    if rate < 0.99999 or worst > 1:
        sys.exit("error: tables differ from the PT2E model")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--count", type=int, default=1000)
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--module", required=True)
    gen.add_argument("--params", required=True)
    chk = sub.add_parser("check")
    chk.add_argument("--params", required=True)
    chk.add_argument("--folded", required=True)
    chk.add_argument("--golden", required=True)
    args = parser.parse_args()
    generate(args) if args.command == "generate" else check(args)


if __name__ == "__main__":
    main()
