#!/usr/bin/env python3
"""Generates a model-like module for the fold benchmark.

One function, `@model`, chains N islands: each dequantizes the previous
island's result, applies an activation (sigmoid, tanh, exp, or silu as
x * sigmoid(x), in turn) and quantizes. Types come from K parameter sets:
island i reads set i % K and writes set (i + 1) % K, so the module has
lcm(4, K) distinct islands at most.

Encodings: `quant` (quant.dcast / quant.qcast, int8), `int16` (the same with
16-bit storage), `plain` (torch-mlir's plain TOSA: tosa.cast to f32, sub the
zero point, mul by the scale, ..., tosa.cast back to i8).

With --island-ops M, `@island` is instead one island of M operations, for
the cost of analysing and folding large islands.
"""

import argparse
import random
import sys

ACTIVATIONS = ["sigmoid", "tanh", "exp", "silu"]


def param_sets(count, bits, seed):
    rng = random.Random(seed)
    qmin, qmax = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    sets = []
    for _ in range(count):
        scale = rng.uniform(0.5, 2.0) * (8.0 / qmax)
        zp = rng.randint(qmin // 8, qmax // 8)
        sets.append((scale, zp))
    return sets


def quant_type(bits, scale, zp):
    return "!quant.uniform<i%d:f32, %r:%d>" % (bits, scale, zp)


def emit_quant(out, n, sets, bits, shape):
    ft = "tensor<%sxf32>" % shape
    qt = lambda j: "tensor<%sx%s>" % (shape, quant_type(bits, *sets[j]))
    k = len(sets)
    out.write("func.func @model(%%arg0: %s) -> %s {\n" % (qt(0), qt(n % k)))
    out.write('  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> '
              ": () -> tensor<1xi8>\n")
    prev = "%arg0"
    for i in range(n):
        act = ACTIVATIONS[i % 4]
        out.write("  %%d%d = quant.dcast %s : %s to %s\n" % (i, prev, qt(i % k), ft))
        if act == "silu":
            out.write("  %%s%d = tosa.sigmoid %%d%d : (%s) -> %s\n" % (i, i, ft, ft))
            out.write("  %%a%d = tosa.mul %%d%d, %%s%d, %%shift : (%s, %s, "
                      "tensor<1xi8>) -> %s\n" % (i, i, i, ft, ft, ft))
        else:
            out.write("  %%a%d = tosa.%s %%d%d : (%s) -> %s\n" % (i, act, i, ft, ft))
        out.write("  %%q%d = quant.qcast %%a%d : %s to %s\n"
                  % (i, i, ft, qt((i + 1) % k)))
        prev = "%%q%d" % i
    out.write("  return %s : %s\n}\n" % (prev, qt(n % k)))


def emit_plain(out, n, sets, shape):
    """torch-mlir's spelling: the scales and zero points are constants."""
    ft = "tensor<%sxf32>" % shape
    it = "tensor<%sxi8>" % shape
    ones = "x".join("1" for _ in shape.split("x"))
    ct = "tensor<%sxf32>" % ones
    k = len(sets)
    out.write("func.func @model(%%arg0: %s) -> %s {\n" % (it, it))
    out.write('  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> '
              ": () -> tensor<1xi8>\n")
    for j, (scale, zp) in enumerate(sets):
        for name, value in (("scale", scale), ("inv", 1.0 / scale),
                            ("zp", float(zp))):
            out.write('  %%%s%d = "tosa.const"() <{values = dense<%r> : %s}> '
                      ": () -> %s\n" % (name, j, value, ct, ct))
    prev = "%arg0"
    for i in range(n):
        a, b = i % k, (i + 1) % k
        act = ACTIVATIONS[i % 4]
        out.write("  %%c%d = tosa.cast %s : (%s) -> %s\n" % (i, prev, it, ft))
        out.write("  %%z%d = tosa.sub %%c%d, %%zp%d : (%s, %s) -> %s\n"
                  % (i, i, a, ft, ct, ft))
        out.write("  %%x%d = tosa.mul %%z%d, %%scale%d, %%shift : (%s, %s, "
                  "tensor<1xi8>) -> %s\n" % (i, i, a, ft, ct, ft))
        if act == "silu":
            out.write("  %%s%d = tosa.sigmoid %%x%d : (%s) -> %s\n" % (i, i, ft, ft))
            out.write("  %%y%d = tosa.mul %%x%d, %%s%d, %%shift : (%s, %s, "
                      "tensor<1xi8>) -> %s\n" % (i, i, i, ft, ft, ft))
        else:
            out.write("  %%y%d = tosa.%s %%x%d : (%s) -> %s\n" % (i, act, i, ft, ft))
        out.write("  %%v%d = tosa.mul %%y%d, %%inv%d, %%shift : (%s, %s, "
                  "tensor<1xi8>) -> %s\n" % (i, i, b, ft, ct, ft))
        out.write("  %%w%d = tosa.add %%v%d, %%zp%d : (%s, %s) -> %s\n"
                  % (i, i, b, ft, ct, ft))
        out.write("  %%r%d = tosa.cast %%w%d : (%s) -> %s\n" % (i, i, ft, it))
        prev = "%%r%d" % i
    out.write("  return %s : %s\n}\n" % (prev, it))


def emit_large_island(out, n, shape):
    """One island of n element-wise operations: a chain whose every other
    operation also reads the value two steps back (a DAG, as exporters'
    decompositions are), over add, mul, tanh, maximum and sub."""
    ft = "tensor<%sxf32>" % shape
    ones = "x".join("1" for _ in shape.split("x"))
    ct = "tensor<%sxf32>" % ones
    qt = "tensor<%sx%s>" % (shape, quant_type(8, 0.05, 3))
    out.write("func.func @island(%%arg0: %s) -> %s {\n" % (qt, qt))
    out.write('  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> '
              ": () -> tensor<1xi8>\n")
    out.write('  %%c = "tosa.const"() <{values = dense<0.5> : %s}> : () -> %s\n'
              % (ct, ct))
    out.write("  %%v0 = quant.dcast %%arg0 : %s to %s\n" % (qt, ft))
    for i in range(1, n + 1):
        kind = i % 5
        if kind == 0 and i >= 2:
            out.write("  %%v%d = tosa.maximum %%v%d, %%v%d : (%s, %s) -> %s\n"
                      % (i, i - 1, i - 2, ft, ft, ft))
        elif kind == 1:
            out.write("  %%v%d = tosa.add %%v%d, %%c : (%s, %s) -> %s\n"
                      % (i, i - 1, ft, ct, ft))
        elif kind == 2:
            out.write("  %%v%d = tosa.mul %%v%d, %%c, %%shift : (%s, %s, "
                      "tensor<1xi8>) -> %s\n" % (i, i - 1, ft, ct, ft))
        elif kind == 3:
            out.write("  %%v%d = tosa.tanh %%v%d : (%s) -> %s\n"
                      % (i, i - 1, ft, ft))
        else:
            out.write("  %%v%d = tosa.sub %%v%d, %%c : (%s, %s) -> %s\n"
                      % (i, i - 1, ft, ct, ft))
    out.write("  %%q = quant.qcast %%v%d : %s to %s\n" % (n, ft, qt))
    out.write("  return %%q : %s\n}\n" % qt)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--islands", type=int, default=0)
    parser.add_argument("--params", type=int, default=500)
    parser.add_argument("--encoding", choices=["quant", "int16", "plain"],
                        default="quant")
    parser.add_argument("--island-ops", type=int, default=0,
                        help="instead of --islands islands, one island of "
                             "this many operations")
    parser.add_argument("--shape", default="1x16")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()
    out = sys.stdout if args.output == "-" else open(args.output, "w")
    bits = 16 if args.encoding == "int16" else 8
    sets = param_sets(args.params, bits, args.seed)
    if args.island_ops:
        emit_large_island(out, args.island_ops, args.shape)
    elif args.encoding == "plain":
        emit_plain(out, args.islands, sets, args.shape)
    else:
        emit_quant(out, args.islands, sets, bits, args.shape)


if __name__ == "__main__":
    main()
