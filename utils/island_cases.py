#!/usr/bin/env python3
"""Random int8 islands: generate a module, then check the fold.

  island_cases.py generate --ops OPS --count N --seed S --module M --params P
                           [--encodings quant,torch,tf,...]
  island_cases.py check --params P --folded F --golden G [--min-equal R]
  island_cases.py add-main --module M [--params P] > M_WITH_MAIN
  island_cases.py generate-chain --length N > M

Each case is one function: a dequantize, the operation (or the composite,
spelled as the natural TOSA composition), a quantize. Encodings:
  quant          quant.dcast / quant.qcast on !quant.uniform types
  torch          plain TOSA as torch-mlir spells PT2E's per-tensor QDQ:
                 cast i8->i32, sub zp, cast i32->f32, mul scale; mul 1/scale,
                 round half to even from floor/ceil/compare/select, add zp,
                 clamp [qmin, qmax], cast f32->i8
  torch_noclamp  the same without the final clamp
  torch_intround the same, rounding with cast f32->i32, add zp and clamp in
                 i32, cast i32->i8
  tf             plain TOSA as TensorFlow's TFL->TOSA legalization spells it:
                 cast i8->f32, sub zp, mul scale; mul 1/scale, add zp,
                 cast f32->i8
  onnx           plain TOSA as onnx-mlir's ONNX->TOSA lowering spells it:
                 cast i8->f32, sub (i8 zp cast to f32), mul scale; mul
                 reciprocal(scale), cast f32->i32, add (i8 zp cast to i32),
                 clamp [-128, 127] in i32, cast i32->i8
  onnx_legacy    onnx-mlir's earlier lowering: sub zp in i8 (wrapping), cast
                 i8->f32, mul scale; mul reciprocal(scale), cast f32->i8, add
                 zp in i8 (wrapping)
The check recomputes every table with an independent float32 model written
here in plain Python (float32 rounding through struct, transcendentals in
double rounded once to float): PyTorch PT2E's numerics for `quant`, the IR's
own arithmetic for the plain encodings. The model is first measured against
PyTorch eager's own tables in the golden file. Every island must fold into
exactly one tosa.table with nothing else left between the input and the
result, at least R (default 99.998%) of the non-NaN entries must equal the
model, and none may be off by more than one code.
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


def rint(v):
    """Round half to even on a float; NaN and infinities pass through."""
    if math.isnan(v) or math.isinf(v):
        return v
    return float(round(v))


def cast_to_int(v, bits):
    """TOSA CAST float -> int: round half to even, saturate; NaN reads 0."""
    if math.isnan(v):
        return 0
    lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    if math.isinf(v):
        return hi if v > 0 else lo
    return int(min(max(rint(v), lo), hi))


def wrap(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >= 1 << (bits - 1) else v


def plain_table(encoding, op, inp, out):
    """What the plain-TOSA island computes for every i8 code: the IR alone
    defines it, so nothing is clamped on input and NaN casts to 0."""
    scale, zp, _, _ = inp
    oscale, ozp, oqmin, oqmax = out
    fscale, finv = f32(scale), f32(1.0 / oscale)
    table = []
    for c in range(-128, 128):
        shifted = wrap(c - zp, 8) if encoding == "onnx_legacy" else c - zp
        x = mul(f32(float(shifted)), fscale)
        if encoding in ("onnx", "onnx_legacy"):
            # TOSA's f32 reciprocal; division rounded once is exact in f32.
            v = mul(model(op, x), f32(1.0 / f32(oscale)))
        else:
            v = mul(model(op, x), finv)
        if encoding == "onnx":
            r = wrap(cast_to_int(v, 32) + ozp, 32)
            q = wrap(min(max(r, -128), 127), 8)
        elif encoding == "onnx_legacy":
            q = wrap(cast_to_int(v, 8) + ozp, 8)
        elif encoding == "tf":
            q = cast_to_int(add(v, float(ozp)), 8)
        elif encoding == "torch_intround":
            r = wrap(cast_to_int(v, 32) + ozp, 32)
            q = wrap(min(max(r, oqmin), oqmax), 8)
        else:
            a = add(rint(v), float(ozp))
            if encoding == "torch":
                a = clamp(a, float(oqmin), float(oqmax))
            q = cast_to_int(a, 8)
        table.append(q)
    return table


def expected_table(params):
    if params.get("encoding", "quant") == "quant":
        return pt2e_table(params["op"], params["in"], params["out"])
    return plain_table(params["encoding"], params["op"], params["in"],
                       params["out"])


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

    def const(self, value, dialect="tosa", element="f32"):
        name = self.fresh()
        ctype = self.ctype.replace("f32>", element + ">")
        text = fmt(value) if element.startswith("f") else str(value)
        if dialect == "arith":
            self.lines.append("%s = arith.constant dense<%s> : %s"
                              % (name, text, ctype))
        else:
            self.lines.append('%s = "tosa.const"() <{values = dense<%s> : %s}> : () -> %s'
                              % (name, text, ctype, ctype))
        return name, ctype

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


def widened(tensor_type):
    """The i32 tensor type of the same shape as an i8 or i16 one."""
    return re.sub(r"i(8|16)>$", "i32>", tensor_type)


def emit_plain_dequantize(body, encoding, inp, arg):
    scale, zp, _, _ = inp
    itype = widened(arg[1])
    if encoding == "onnx":
        # onnx-mlir, src/Conversion/ONNXToTOSA/NN/DequantizeLinear.cpp: the
        # codes and the i8 zero point are cast to f32 and subtracted there.
        f = body.op("tosa.cast", arg)
        zpf = body.op("tosa.cast", body.const(zp, element="i8"),
                      result=body.ctype)
        f = body.op("tosa.sub", f, zpf)
        return body.op("tosa.mul", f, body.const(f32(scale)))
    if encoding == "onnx_legacy":
        # onnx-mlir's earlier DequantizeLinear lowering: the i8 zero point is
        # subtracted in i8 (wrapping) before the cast to f32.
        codes = body.op("tosa.sub", arg, body.const(zp, element="i8"),
                        result=arg[1])
        return body.op("tosa.mul", body.op("tosa.cast", codes),
                       body.const(f32(scale)))
    if encoding == "tf":
        f = body.op("tosa.cast", arg)
        f = body.op("tosa.sub", f, body.const(float(zp)))
    else:
        wide = body.op("tosa.cast", arg, result=itype)
        shifted = body.op("tosa.sub", wide, body.const(zp, element="i32"),
                          result=itype)
        f = body.op("tosa.cast", shifted)
    return body.op("tosa.mul", f, body.const(f32(scale)))


def emit_plain_quantize(body, encoding, out, y, otype):
    oscale, ozp, oqmin, oqmax = out
    itype = widened(otype)
    if encoding in ("onnx", "onnx_legacy"):
        # onnx-mlir, src/Conversion/ONNXToTOSA/NN/QuantizeLinear.cpp: the
        # reciprocal of the scale constant, taken by TOSA.
        inverse = body.op("tosa.reciprocal", body.const(f32(oscale)),
                          result=body.ctype)
        v = body.op("tosa.mul", y, inverse)
        if encoding == "onnx_legacy":
            # The earlier lowering cast to i8, then added the zero point in i8.
            codes = body.op("tosa.cast", v, result=otype)
            return body.op("tosa.add", codes, body.const(ozp, element="i8"),
                           result=otype)
        # Round to i32, add the zero point cast to i32, saturate to the
        # whole i8 range and cast.
        r = body.op("tosa.cast", v, result=itype)
        zpi = body.op("tosa.cast", body.const(ozp, element="i8"),
                      result=body.ctype.replace("f32>", "i32>"))
        r = body.op("tosa.add", r, zpi, result=itype)
        r = body.op("tosa.clamp", r, result=itype,
                    attrs=" {max_val = 127 : i32, min_val = -128 : i32}")
        return body.op("tosa.cast", r, result=otype)
    v = body.op("tosa.mul", y, body.const(f32(1.0 / oscale)))
    if encoding == "tf":
        return body.op("tosa.cast", body.op("tosa.add", v, body.const(float(ozp))),
                       result=otype)
    if encoding == "torch_intround":
        r = body.op("tosa.cast", v, result=itype)
        r = body.op("tosa.add", r, body.const(ozp, element="i32"), result=itype)
        r = body.op("tosa.clamp", r, result=itype,
                    attrs=" {max_val = %d : i32, min_val = %d : i32}" % (oqmax, oqmin))
        return body.op("tosa.cast", r, result=otype)
    # Round half to even from floor, ceil, compares and select.
    btype = body.ftype.replace("f32>", "i1>")
    half = body.const(0.5)
    fl = body.op("tosa.floor", v)
    ce = body.op("tosa.ceil", v)
    diff = body.op("tosa.sub", v, fl)
    is_half = body.op("tosa.equal", diff, half, result=btype)
    above = body.op("tosa.greater", diff, half, result=btype)
    h = body.op("tosa.mul", fl, half)
    even = body.op("tosa.equal", h, body.op("tosa.floor", h), result=btype)
    odd = body.op("tosa.logical_not", even, result=btype)
    up = body.op("tosa.logical_or", above,
                 body.op("tosa.logical_and", is_half, odd, result=btype),
                 result=btype)
    r = body.op("tosa.select", up, ce, fl)
    r = body.op("tosa.add", r, body.const(float(ozp)))
    if encoding == "torch":
        r = body.op("tosa.clamp", r,
                    attrs=" {max_val = %s : f32, min_val = %s : f32}"
                    % (fmt(float(oqmax)), fmt(float(oqmin))))
    return body.op("tosa.cast", r, result=otype)


def emit_function(name, op, inp, out, shape, encoding="quant", in_bits=8,
                  out_bits=8):
    dims = shape + "x" if shape else ""
    rank = len(shape.split("x")) if shape else 0
    ft = "tensor<%sf32>" % dims
    body = Body(ft, rank)
    if encoding == "quant":
        it = "tensor<%s%s>" % (dims, quant_type(inp))
        ot = "tensor<%s%s>" % (dims, quant_type(out))
        result = emit_island(op, body, ("%x", ft))
        lines = ["func.func @%s(%%arg0: %s) -> %s {" % (name, it, ot),
                 "  %%x = quant.dcast %%arg0 : %s to %s" % (it, ft)]
        lines += ["  " + l for l in body.lines]
        lines += ["  %%q = quant.qcast %s : %s to %s" % (result[0], ft, ot),
                  "  return %%q : %s" % ot, "}"]
        return lines
    it = "tensor<%si%d>" % (dims, in_bits)
    ot = "tensor<%si%d>" % (dims, out_bits)
    x = emit_plain_dequantize(body, encoding, inp, ("%arg0", it))
    y = emit_island(op, body, x)
    q = emit_plain_quantize(body, encoding, out, y, ot)
    lines = ["func.func @%s(%%arg0: %s) -> %s {" % (name, it, ot)]
    lines += ["  " + l for l in body.lines]
    lines += ["  return %s : %s" % (q[0], ot), "}"]
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
    encodings = args.encodings.split(",")
    shapes = args.shapes.split(",") if args.shapes else SHAPES
    params = {}
    lines = []
    for i in range(args.count):
        op = ops[i % len(ops)]
        encoding = encodings[(i // len(ops)) % len(encodings)]
        name = "%s_%s_%d" % (op, encoding, i)
        inp = random_input(rng)
        out = fitted_output(rng, op, inp)
        params[name] = {"op": op, "in": inp, "out": out, "encoding": encoding}
        lines += emit_function(name, op, inp, out, rng.choice(shapes), encoding)
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
    measure_model(args.golden, {p["op"] for p in params.values()
                                if p.get("encoding", "quant") == "quant"})
    text = open(args.folded).read()
    funcs = re.split(r"\n\s*func\.func @", text)[1:]
    if len(funcs) != len(params):
        sys.exit("error: %d functions in the output, %d generated"
                 % (len(funcs), len(params)))
    equal = total = worst = nans = 0
    # Only the table constant, the lookup, its storage casts and a shape
    # cast may remain.
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
        want = expected_table(p)
        nan_code = min(max(p["out"][1], p["out"][2]), p["out"][3])
        if p.get("encoding", "quant") != "quant" and not re.search(
                r"tosa\.table %arg0, ", body):
            sys.exit("error: @%s does not look up its argument" % name)
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


def add_main(args):
    """Appends @main: every island function applied to all 256 codes, each
    result printed (as i32) with the runner utilities. Quantized signatures
    are fed and read through quant.scast. Without --params, every function
    of the module from tensor<256xi8> to tensor<256xi8> is called."""
    if args.params:
        with open(args.params) as f:
            params = json.load(f)
    else:
        text = open(args.module).read()
        params = {name: {"encoding": "plain"} for name in re.findall(
            r"func\.func @(\w+)\(%arg0: tensor<256xi8>\) -> tensor<256xi8>",
            text)}
    codes = ", ".join(str(c) for c in range(-128, 128))
    lines = [open(args.module).read(),
             "func.func private @printMemrefI32(tensor<*xi32>)",
             "func.func @main() {",
             '  %codes = "tosa.const"() <{values = dense<[' + codes +
             ']> : tensor<256xi8>}> : () -> tensor<256xi8>']
    for i, name in enumerate(params):
        p = params[name]
        if p.get("encoding", "quant") == "quant":
            # Quantized signatures: view the codes as the input type and the
            # result as its storage.
            it = "tensor<256x%s>" % quant_type(p["in"])
            ot = "tensor<256x%s>" % quant_type(p["out"])
            lines += [
                "  %%a%d = quant.scast %%codes : tensor<256xi8> to %s" % (i, it),
                "  %%q%d = call @%s(%%a%d) : (%s) -> %s" % (i, name, i, it, ot),
                "  %%r%d = quant.scast %%q%d : %s to tensor<256xi8>" % (i, i, ot)]
        else:
            lines += [
                "  %%r%d = call @%s(%%codes) : (tensor<256xi8>) -> tensor<256xi8>"
                % (i, name)]
        lines += [
            "  %%w%d = tosa.cast %%r%d : (tensor<256xi8>) -> tensor<256xi32>"
            % (i, i),
            "  %%u%d = tensor.cast %%w%d : tensor<256xi32> to tensor<*xi32>"
            % (i, i),
            "  call @printMemrefI32(%%u%d) : (tensor<*xi32>) -> ()" % i]
    lines += ["  return", "}"]
    print("\n".join(lines))


def generate_chain(args):
    """One function whose single island is a chain of `length` operations
    (alternately tanh and abs): a deep island for stress tests."""
    qt = "tensor<8x%s>" % quant_type((0.05, 0, -128, 127))
    lines = ["func.func @chain(%%arg0: %s) -> %s {" % (qt, qt),
             "  %%v0 = quant.dcast %%arg0 : %s to tensor<8xf32>" % qt]
    for i in range(1, args.length + 1):
        op = "tosa.tanh" if i % 2 else "tosa.abs"
        lines.append("  %%v%d = %s %%v%d : (tensor<8xf32>) -> tensor<8xf32>"
                     % (i, op, i - 1))
    lines += ["  %%q = quant.qcast %%v%d : tensor<8xf32> to %s" % (args.length, qt),
              "  return %%q : %s" % qt, "}"]
    print("\n".join(lines))


def integer_chain(rng, name):
    """A function from tensor<256xi8> to tensor<256xi8> whose body is a
    chain of 2 to 6 integer element-wise operations for
    --tosa-compose-tables: tables, clamps, casts to i32 and back, i32
    arithmetic with splat constants (MUL with a shift), comparisons and
    selects, negates and abs, bitwise and shift operators, and per-tensor
    RESCALEs (i8 to i8, i8 to i32, i32 to i8; 32- or 16-bit multipliers,
    single or double rounding, unsigned i8 ends)."""
    t8, t32, t1 = "tensor<256xi8>", "tensor<256xi32>", "tensor<256xi1>"
    lines = ["func.func @%s(%%arg0: %s) -> %s {" % (name, t8, t8)]
    count = [0]

    def fresh(prefix):
        count[0] += 1
        return "%%%s%d" % (prefix, count[0])

    def const(value, elem):
        c = fresh("c")
        lines.append('  %s = "tosa.const"() <{values = dense<%d> : '
                     'tensor<1x%s>}> : () -> tensor<1x%s>' % (c, value, elem, elem))
        return c

    def rescale(value, in_kind, out_kind):
        """A per-tensor RESCALE with random parameters: a scale in about
        [1/16, 4] (a 32-bit multiplier, or 16-bit for i8 inputs), zero
        points where the types allow them, single or double rounding,
        an unsigned end now and then between i8 ends."""
        scale32 = in_kind == "i32" or rng.random() < 0.75
        if scale32:
            multiplier = rng.randint(1 << 30, (1 << 31) - 1)
            shift = rng.randint(28, 34) if in_kind == "i8" else \
                rng.randint(30, 40)
        else:
            multiplier = rng.randint(1 << 14, (1 << 15) - 1)
            shift = rng.randint(12, 18)
        rounding = rng.choice(["SINGLE_ROUND", "DOUBLE_ROUND"]) \
            if scale32 else "SINGLE_ROUND"
        in_unsigned = in_kind == "i8" and rng.random() < 0.2
        out_unsigned = out_kind == "i8" and rng.random() < 0.2
        # TOSA has unsigned ends only from 8 to 8 bits, one at a time.
        in_unsigned = in_unsigned and out_kind == "i8"
        out_unsigned = out_unsigned and in_kind == "i8" and not in_unsigned
        in_zp = rng.randint(-128, 127) if in_kind == "i8" else 0
        out_zp = rng.randint(-128, 127) if out_kind == "i8" else 0
        m = fresh("m")
        lines.append('  %s = "tosa.const"() <{values = dense<%d> : tensor<1x%s>}>'
                     ' : () -> tensor<1x%s>' % (m, multiplier,
                                                "i32" if scale32 else "i16",
                                                "i32" if scale32 else "i16"))
        sh = fresh("sh")
        lines.append('  %s = "tosa.const"() <{values = dense<%d> : tensor<1xi8>}>'
                     ' : () -> tensor<1xi8>' % (sh, shift))
        izp, ozp = const(in_zp, in_kind), const(out_zp, out_kind)
        out = fresh("v")
        tin, tout = "tensor<256x%s>" % in_kind, "tensor<256x%s>" % out_kind
        lines.append(
            "  %s = tosa.rescale %s, %s, %s, %s, %s {input_unsigned = %s, "
            "output_unsigned = %s, per_channel = false, rounding_mode = %s, "
            "scale32 = %s} : (%s, tensor<1x%s>, tensor<1xi8>, tensor<1x%s>, "
            "tensor<1x%s>) -> %s"
            % (out, value, m, sh, izp, ozp, str(in_unsigned).lower(),
               str(out_unsigned).lower(), rounding, str(scale32).lower(), tin,
               "i32" if scale32 else "i16", in_kind, out_kind, tout))
        return out

    def bitwise(value, kind):
        """A bitwise or shift operator with a splat constant (a shift
        within the type's width)."""
        bits = int(kind[1:])
        t = "tensor<256x%s>" % kind
        op = rng.choice(["bitwise_and", "bitwise_or", "bitwise_xor",
                         "bitwise_not", "logical_left_shift",
                         "logical_right_shift", "arithmetic_right_shift"])
        out = fresh("v")
        if op == "bitwise_not":
            lines.append("  %s = tosa.bitwise_not %s : (%s) -> %s"
                         % (out, value, t, t))
            return out
        if op.endswith("shift"):
            c = const(rng.randint(0, bits - 1), kind)
        else:
            c = const(rng.randint(-(1 << (bits - 1)), (1 << (bits - 1)) - 1),
                      kind)
        attrs = ""
        if op == "arithmetic_right_shift":
            attrs = " {round = %s}" % rng.choice(["true", "false"])
        lines.append("  %s = tosa.%s %s, %s%s : (%s, tensor<1x%s>) -> %s"
                     % (out, op, value, c, attrs, t, kind, t))
        return out

    value, kind = "%arg0", "i8"
    length = rng.randint(2, 6)
    steps = 0
    while steps < length or kind != "i8":
        steps += 1
        if kind == "i8":
            choice = rng.choice(["table", "table", "clamp", "widen", "compare",
                                 "requantize", "rescale_wide", "bitwise",
                                 "negate"])
            if choice == "table":
                entries = [rng.randint(-128, 127) for _ in range(256)]
                if rng.random() < 0.5:  # a monotone activation-like table
                    entries.sort()
                c = fresh("t")
                lines.append('  %s = "tosa.const"() <{values = dense<[%s]> : '
                             'tensor<256xi8>}> : () -> tensor<256xi8>'
                             % (c, ", ".join(map(str, entries))))
                out = fresh("v")
                lines.append("  %s = tosa.table %s, %s : (%s, tensor<256xi8>)"
                             " -> %s" % (out, value, c, t8, t8))
            elif choice == "clamp":
                lo = rng.randint(-128, 100)
                hi = rng.randint(lo, 127)
                out = fresh("v")
                lines.append("  %s = tosa.clamp %s {min_val = %d : i8, max_val"
                             " = %d : i8} : (%s) -> %s"
                             % (out, value, lo, hi, t8, t8))
            elif choice == "bitwise":
                out = bitwise(value, "i8")
            elif choice == "negate" and not lines[-1].split("=")[-1].lstrip(
                    ).startswith("tosa.negate"):
                # Saturates: -(-128) is 127. Never twice in a row: upstream
                # folds negate(negate(x)) to x, which saturation makes wrong
                # at -128 (docs/Compose.md).
                # Zero points half the time: -(x - izp) + ozp, clipped.
                zps = (rng.randint(-128, 127), rng.randint(-128, 127)) \
                    if rng.random() < 0.5 else (0, 0)
                zp1, zp2 = const(zps[0], "i8"), const(zps[1], "i8")
                out = fresh("v")
                lines.append("  %s = tosa.negate %s, %s, %s : (%s, tensor<1xi8>,"
                             " tensor<1xi8>) -> %s" % (out, value, zp1, zp2, t8,
                                                       t8))
            elif choice == "requantize":
                out = rescale(value, "i8", "i8")
            elif choice == "rescale_wide":
                out = rescale(value, "i8", "i32")
                kind = "i32"
            elif choice == "widen":
                out = fresh("v")
                lines.append("  %s = tosa.cast %s : (%s) -> %s"
                             % (out, value, t8, t32))
                kind = "i32"
            else:
                bound = const(rng.randint(-128, 127), "i8")
                pred = fresh("p")
                op = rng.choice(["tosa.greater", "tosa.greater_equal",
                                 "tosa.equal"])
                lines.append("  %s = %s %s, %s : (%s, tensor<1xi8>) -> %s"
                             % (pred, op, value, bound, t8, t1))
                a = const(rng.randint(-128, 127), "i8")
                b = const(rng.randint(-128, 127), "i8")
                out = fresh("v")
                lines.append("  %s = tosa.select %s, %s, %s : (%s, tensor<1xi8>,"
                             " tensor<1xi8>) -> %s" % (out, pred, a, b, t1, t8))
        else:
            choice = rng.choice(["add", "sub", "mul", "clamp", "abs", "negate",
                                 "narrow", "narrow", "rescale_narrow",
                                 "bitwise"])
            if choice == "rescale_narrow":
                # TOSA leaves a RESCALE unpredictable when its input is
                # beyond +-2^(shift - 1); a clamp keeps it defined.
                bounded = fresh("v")
                lines.append("  %s = tosa.clamp %s {min_val = -1048576 : i32, "
                             "max_val = 1048576 : i32} : (%s) -> %s"
                             % (bounded, value, t32, t32))
                value, kind = rescale(bounded, "i32", "i8"), "i8"
                continue
            if choice == "bitwise":
                value = bitwise(value, "i32")
                continue
            out = fresh("v")
            if choice in ("add", "sub"):
                c = const(rng.randint(-300, 300), "i32")
                lines.append("  %s = tosa.%s %s, %s : (%s, tensor<1xi32>) -> %s"
                             % (out, choice, value, c, t32, t32))
            elif choice == "mul":
                c = const(rng.randint(-40, 40), "i32")
                shift = fresh("s")
                lines.append('  %s = "tosa.const"() <{values = dense<%d> : '
                             'tensor<1xi8>}> : () -> tensor<1xi8>'
                             % (shift, rng.randint(0, 4)))
                lines.append("  %s = tosa.mul %s, %s, %s : (%s, tensor<1xi32>,"
                             " tensor<1xi8>) -> %s"
                             % (out, value, c, shift, t32, t32))
            elif choice == "clamp":
                lo = rng.randint(-1000, 100)
                hi = rng.randint(lo, 1000)
                lines.append("  %s = tosa.clamp %s {min_val = %d : i32, max_val"
                             " = %d : i32} : (%s) -> %s"
                             % (out, value, lo, hi, t32, t32))
            elif choice == "abs":
                lines.append("  %s = tosa.abs %s : (%s) -> %s"
                             % (out, value, t32, t32))
            elif choice == "negate":
                zp1, zp2 = const(0, "i32"), const(0, "i32")
                lines.append("  %s = tosa.negate %s, %s, %s : (%s, tensor<1xi32>,"
                             " tensor<1xi32>) -> %s"
                             % (out, value, zp1, zp2, t32, t32))
            else:
                # Back to i8: TOSA CAST between integers keeps the low bits.
                lines.append("  %s = tosa.cast %s : (%s) -> %s"
                             % (out, value, t32, t8))
                kind = "i8"
        value = out
    lines += ["  return %s : %s" % (value, t8), "}"]
    return "\n".join(lines)


def generate_integer_chains(args):
    """--count random integer chains (integer_chain), one function each."""
    rng = random.Random(args.seed)
    print("\n".join(integer_chain(rng, "chain%d" % i)
                    for i in range(args.count)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--ops", required=True)
    gen.add_argument("--count", type=int, default=1000)
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--encodings", default="quant")
    gen.add_argument("--shapes", default="",
                     help="comma-separated shapes (default: a mix)")
    gen.add_argument("--module", required=True)
    gen.add_argument("--params", required=True)
    chk = sub.add_parser("check")
    chk.add_argument("--params", required=True)
    chk.add_argument("--folded", required=True)
    chk.add_argument("--golden", required=True)
    chk.add_argument("--min-equal", type=float, default=0.99998)
    main_parser = sub.add_parser("add-main")
    main_parser.add_argument("--module", required=True)
    main_parser.add_argument("--params")
    chain = sub.add_parser("generate-chain")
    chain.add_argument("--length", type=int, required=True)
    chains = sub.add_parser("generate-integer-chains")
    chains.add_argument("--count", type=int, required=True)
    chains.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    {"generate": generate, "check": check, "add-main": add_main,
     "generate-chain": generate_chain,
     "generate-integer-chains": generate_integer_chains}[args.command](args)


if __name__ == "__main__":
    main()
