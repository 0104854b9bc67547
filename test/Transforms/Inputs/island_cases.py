#!/usr/bin/env python3
"""Random int8 islands: generate a module, then check the fold.

  island_cases.py generate --ops OPS --count N --seed S --module M --params P
  island_cases.py check --params P --folded F --golden G [--min-equal R]

Each case is one function: quant.dcast -> the operation (or the composite,
spelled as the natural TOSA composition) -> quant.qcast. The check recomputes
every table with an independent float32 model of PyTorch PT2E written here in
plain Python (float32 rounding through struct, transcendentals in double
rounded once to float), after measuring that model against PyTorch eager's
own tables in the golden file. It requires every island to be folded into
exactly one tosa.table with no float operation, quant.dcast or quant.qcast
left, at least R (default 99.998%) of the non-NaN entries to equal the model,
and none to be off by more than one code.
"""

import argparse
import json
import math
import random
import re
import struct
import sys

INF = math.inf
NAN = math.nan

# --------------------------------------------------------------------------
# Float32 model
# --------------------------------------------------------------------------


def f32(x):
    """Rounds a Python float (double) to the nearest float32."""
    if math.isnan(x) or math.isinf(x):
        return x
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        # Beyond FLT_MAX: round to nearest gives infinity past the midpoint
        # between FLT_MAX and 2^128; anything struct refuses is past it.
        return math.copysign(INF, x)


def _lib(fn):
    """A float function from a double one, rounded once (the correctly
    rounded result in all but rare double-rounding cases)."""

    def wrapped(x):
        if math.isnan(x):
            return NAN
        try:
            return f32(fn(x))
        except OverflowError:
            return INF
        except ValueError:
            return NAN

    return wrapped


def _exp(x):
    if x == INF:
        return INF
    if x == -INF:
        return 0.0
    return _lib(math.exp)(x)


def _log(x):
    if math.isnan(x) or x < 0:
        return NAN
    if x == 0:
        return -INF
    if x == INF:
        return INF
    return f32(math.log(x))


def _div(a, b):
    if math.isnan(a) or math.isnan(b):
        return NAN
    if b == 0:
        if a == 0:
            return NAN
        return math.copysign(INF, a) * math.copysign(1.0, b)
    return f32(a / b)


def _sqrt(x):
    if math.isnan(x) or x < 0:
        return NAN
    return f32(math.sqrt(x))  # keeps the sign of -0.0


def _tanh(x):
    return _lib(math.tanh)(x)


def _erf(x):
    return _lib(math.erf)(x)


def _trig(fn):
    def wrapped(x):
        if math.isnan(x) or math.isinf(x):
            return NAN
        return f32(fn(x))

    return wrapped


def _floor(x):
    return x if math.isnan(x) or math.isinf(x) else float(math.floor(x))


def _ceil(x):
    return x if math.isnan(x) or math.isinf(x) else float(math.ceil(x))


def add(a, b):
    return f32(a + b)


def sub(a, b):
    return f32(a - b)


def mul(a, b):
    return f32(a * b)


def sigmoid(x):
    return _div(1.0, add(1.0, _exp(-x)))


def clamp(x, lo, hi):
    if math.isnan(x):
        return NAN
    return max(min(x, hi), lo)


def maximum(a, b):
    if math.isnan(a) or math.isnan(b):
        return NAN
    return max(a, b)


F = {
    "sigmoid": sigmoid,
    "tanh": _tanh,
    "exp": _exp,
    "log": _log,
    "rsqrt": lambda x: _div(1.0, _sqrt(x)),
    "reciprocal": lambda x: _div(1.0, x),
    "erf": _erf,
    "sin": _trig(math.sin),
    "cos": _trig(math.cos),
    "floor": _floor,
    "ceil": _ceil,
    "abs": abs,
}

# Composite constants, as float32 values.
SQRT1_2 = f32(math.sqrt(0.5))
KBETA = f32(math.sqrt(2.0) * (2.0 / math.sqrt(math.pi)) * 0.5)
KKAPPA = f32(0.044715)
SIXTH = f32(1.0 / 6.0)
LEAK = f32(0.01)
ALPHA = f32(1.0)


def model(op, x):
    """What the natural TOSA composition of `op` computes on float32 x."""
    if op in F:
        return F[op](x)
    if op == "silu":
        return mul(x, sigmoid(x))
    if op == "gelu":
        return mul(mul(x, 0.5), add(_erf(mul(x, SQRT1_2)), 1.0))
    if op == "gelu_tanh":
        cube = mul(mul(x, x), x)
        inner = mul(add(x, mul(cube, KKAPPA)), KBETA)
        return mul(mul(x, 0.5), add(_tanh(inner), 1.0))
    if op == "hardswish":
        return mul(mul(x, clamp(add(x, 3.0), 0.0, 6.0)), SIXTH)
    if op == "hardsigmoid":
        return mul(clamp(add(x, 3.0), 0.0, 6.0), SIXTH)
    if op == "leaky_relu":
        return maximum(x, mul(x, LEAK))
    if op == "elu":
        return x if x > 0 else mul(sub(_exp(x), 1.0), ALPHA)
    raise KeyError(op)


def pt2e_table(op, inp, out):
    """Output code per input code; None where the float result is NaN."""
    scale, zp, qmin, qmax = inp
    oscale, ozp, oqmin, oqmax = out
    fscale, finv = f32(scale), f32(1.0 / oscale)
    table = []
    for code in range(-128, 128):
        c = min(max(code, qmin), qmax)
        y = model(op, mul(f32(float(c) - float(zp)), fscale))
        if math.isnan(y):
            table.append(None)
            continue
        v = mul(y, finv)
        if math.isinf(v):
            table.append(oqmax if v > 0 else oqmin)
            continue
        r = f32(round(v) + float(ozp))  # round(): half to even on floats
        table.append(int(min(max(r, oqmin), oqmax)))
    return table


# --------------------------------------------------------------------------
# IR
# --------------------------------------------------------------------------


def fmt(value):
    """A float32 value as a decimal that parses back to it exactly."""
    text = "%.9g" % value
    return text if any(c in text for c in ".en") else text + ".0"


def quant_type(params):
    scale, zp, qmin, qmax = params
    storage = "i8" if (qmin, qmax) == (-128, 127) else "i8<%d:%d>" % (qmin, qmax)
    return "!quant.uniform<%s:f32, %r:%d>" % (storage, scale, zp)


class Body:
    """Emits the operations of one island on %x of float tensor type T."""

    def __init__(self, ftype, rank):
        self.ftype = ftype
        self.ctype = "tensor<%sf32>" % ("1x" * rank)
        self.lines = []
        self.count = 0
        self.shift = None

    def fresh(self):
        self.count += 1
        return "%%v%d" % self.count

    def const(self, value, dialect="tosa"):
        name = self.fresh()
        if dialect == "arith":
            self.lines.append("%s = arith.constant dense<%s> : %s"
                              % (name, fmt(value), self.ctype))
        else:
            self.lines.append('%s = "tosa.const"() <{values = dense<%s> : %s}> : () -> %s'
                              % (name, fmt(value), self.ctype, self.ctype))
        return name, self.ctype

    def op(self, name, *operands, attrs="", result=None):
        result_type = result or self.ftype
        res = self.fresh()
        values = ", ".join(v for v, _ in operands)
        types = ", ".join(t for _, t in operands)
        if name == "tosa.mul":
            if self.shift is None:
                self.shift = self.fresh()
                self.lines.append('%s = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>'
                                  % self.shift)
            values += ", " + self.shift
            types += ", tensor<1xi8>"
        self.lines.append("%s = %s %s%s : (%s) -> %s"
                          % (res, name, values, attrs, types, result_type))
        return res, result_type


def emit_island(op, body, x):
    unary = {k: "tosa." + k for k in F}
    if op in unary:
        return body.op(unary[op], x)
    if op == "silu":
        return body.op("tosa.mul", x, body.op("tosa.sigmoid", x))
    if op == "gelu":
        t = body.op("tosa.mul", x, body.const(SQRT1_2))
        e = body.op("tosa.erf", t)
        a = body.op("tosa.add", e, body.const(1.0, "arith"))
        h = body.op("tosa.mul", x, body.const(0.5))
        return body.op("tosa.mul", h, a)
    if op == "gelu_tanh":
        cube = body.op("tosa.mul", body.op("tosa.mul", x, x), x)
        s = body.op("tosa.add", x, body.op("tosa.mul", cube, body.const(KKAPPA)))
        t = body.op("tosa.tanh", body.op("tosa.mul", s, body.const(KBETA)))
        a = body.op("tosa.add", t, body.const(1.0))
        return body.op("tosa.mul", body.op("tosa.mul", x, body.const(0.5)), a)
    if op in ("hardswish", "hardsigmoid"):
        c = body.op("tosa.clamp", body.op("tosa.add", x, body.const(3.0)),
                    attrs=" {max_val = 6.0 : f32, min_val = 0.0 : f32}")
        if op == "hardswish":
            c = body.op("tosa.mul", x, c)
        return body.op("tosa.mul", c, body.const(SIXTH))
    if op == "leaky_relu":
        return body.op("tosa.maximum", x, body.op("tosa.mul", x, body.const(LEAK)))
    if op == "elu":
        btype = body.ftype.replace("f32>", "i1>")
        g = body.op("tosa.greater", x, body.const(0.0), result=btype)
        e = body.op("tosa.sub", body.op("tosa.exp", x), body.const(1.0))
        m = body.op("tosa.mul", e, body.const(ALPHA))
        return body.op("tosa.select", g, x, m)
    raise KeyError(op)


def emit_function(name, op, inp, out, shape):
    dims = shape + "x" if shape else ""
    rank = len(shape.split("x")) if shape else 0
    it = "tensor<%s%s>" % (dims, quant_type(inp))
    ot = "tensor<%s%s>" % (dims, quant_type(out))
    ft = "tensor<%sf32>" % dims
    body = Body(ft, rank)
    x = ("%x", ft)
    result = emit_island(op, body, x)
    lines = ["func.func @%s(%%arg0: %s) -> %s {" % (name, it, ot),
             "  %%x = quant.dcast %%arg0 : %s to %s" % (it, ft)]
    lines += ["  " + l for l in body.lines]
    lines += ["  %%q = quant.qcast %s : %s to %s" % (result[0], ft, ot),
              "  return %%q : %s" % ot, "}"]
    return lines


# --------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------

PT2E_SIGMOID_OUT = (1.0 / 256.0, -128, -128, 127)
SHAPES = ["16", "1x16", "2x3x4", "1x4x4x8", "?x8", "", "?x?x3", "1x?x2x2"]


def random_input(rng):
    qmin = -127 if rng.random() < 0.5 else -128
    return (10 ** rng.uniform(-3.0, -0.3), rng.randint(-128, 127), qmin, 127)


def fitted_output(rng, op, inp):
    """Output parameters that cover the function's range on the input."""
    if op == "sigmoid" and rng.random() < 0.25:
        return PT2E_SIGMOID_OUT
    scale, zp, qmin, qmax = inp
    ys = [model(op, mul(f32(float(c) - float(zp)), f32(scale)))
          for c in range(qmin, qmax + 1)]
    ys = [y for y in ys if not math.isnan(y) and not math.isinf(y)]
    lo, hi = min(ys + [0.0]), max(ys + [0.0])
    hi = min(hi, 1e4)
    lo = max(lo, -1e4)
    oqmin = -127 if rng.random() < 0.5 else -128
    oscale = max((hi - lo) / (127 - oqmin), 1e-6) * rng.uniform(0.8, 1.25)
    ozp = int(round(oqmin - lo / oscale))
    return (oscale, min(max(ozp, -128), 127), oqmin, 127)


def generate(args):
    rng = random.Random(args.seed)
    ops = args.ops.split(",")
    params = {}
    lines = []
    for i in range(args.count):
        op = ops[i % len(ops)]
        name = "%s_%d" % (op, i)
        inp = random_input(rng)
        out = fitted_output(rng, op, inp)
        params[name] = {"op": op, "in": inp, "out": out}
        lines += emit_function(name, op, inp, out, rng.choice(SHAPES))
    with open(args.module, "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(args.params, "w") as f:
        json.dump(params, f)


def measure_model(path, ops):
    """Agreement of the model with PyTorch eager on the golden tables."""
    with open(path) as f:
        cases = [c for c in json.load(f)["cases"] if c["op"] in ops]
    equal = total = worst = 0
    for case in cases:
        for got, want in zip(pt2e_table(case["op"], case["in"], case["out"]),
                             case["table"]):
            if (got is None) != (want is None):
                sys.exit("error: the model and PyTorch disagree on NaN for %s"
                         % case["op"])
            if want is None:
                continue
            total += 1
            equal += got == want
            worst = max(worst, abs(got - want))
    print("model vs PyTorch eager: %d golden tables, %d of %d entries equal, "
          "largest difference %d" % (len(cases), equal, total, worst))
    if worst > 1:
        sys.exit("error: the model is off by more than one code")


def parse_table(text):
    # A table whose entries are all equal prints as a splat.
    if text.startswith("["):
        return [int(v) for v in text[1:-1].split(",")]
    return [int(text)] * 256


def check(args):
    with open(args.params) as f:
        params = json.load(f)
    measure_model(args.golden, {p["op"] for p in params.values()})
    text = open(args.folded).read()
    funcs = re.split(r"\n\s*func\.func @", text)[1:]
    if len(funcs) != len(params):
        sys.exit("error: %d functions in the output, %d generated"
                 % (len(funcs), len(params)))
    equal = total = worst = nans = 0
    float_op = re.compile(r"= (tosa\.(?!table|const)\w+|arith\.\w+|quant\.(dcast|qcast))")
    for body in funcs:
        name = body.split("(", 1)[0]
        left = float_op.search(body)
        if left:
            sys.exit("error: @%s keeps %s" % (name, left.group(1)))
        if re.search(r"tosa\.const.*-> tensor<(?!256xi8>)", body):
            sys.exit("error: @%s keeps a constant of the island" % name)
        consts = dict(re.findall(
            r'(%\S+) = "tosa.const"\(\) <\{values = dense<(\[[^\]]*\]|-?\d+)> '
            r': tensor<256xi8>', body))
        lookups = re.findall(r"tosa\.table %\S+, (%\S+) :", body)
        if len(lookups) != 1:
            sys.exit("error: @%s has %d tables" % (name, len(lookups)))
        got = parse_table(consts[lookups[0]])
        p = params[name]
        want = pt2e_table(p["op"], p["in"], p["out"])
        nan_code = min(max(p["out"][1], p["out"][2]), p["out"][3])
        for g, w in zip(got, want):
            if w is None:
                nans += 1
                if g != nan_code:
                    sys.exit("error: @%s maps NaN to %d, not %d"
                             % (name, g, nan_code))
                continue
            total += 1
            equal += g == w
            worst = max(worst, abs(g - w))
    rate = equal / total
    print("%d islands folded; %d of %d non-NaN entries equal (%.4f%%), "
          "largest difference %d; %d NaN entries" %
          (len(funcs), equal, total, 100 * rate, worst, nans))
    if rate < args.min_equal or worst > 1:
        sys.exit("error: tables differ from the PT2E model")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--ops", required=True)
    gen.add_argument("--count", type=int, default=1000)
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--module", required=True)
    gen.add_argument("--params", required=True)
    chk = sub.add_parser("check")
    chk.add_argument("--params", required=True)
    chk.add_argument("--folded", required=True)
    chk.add_argument("--golden", required=True)
    chk.add_argument("--min-equal", type=float, default=0.99998)
    args = parser.parse_args()
    generate(args) if args.command == "generate" else check(args)


if __name__ == "__main__":
    main()
