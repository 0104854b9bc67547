#!/usr/bin/env python3
"""int16 islands executed on all 65,536 input codes.

generate: a module with one function per case (an int16 island over a
tensor<65536x...>) and @main, which feeds every input code to each and prints
the outputs (as i32) with the runner utilities; and the cases as JSON.

generate-plain --encoding torch|tf: the same cases spelled in plain TOSA as
torch-mlir and TensorFlow write int16 quantization (utils/island_cases.py
emits the spellings), on i16 tensors.

check: reads the printed outputs of the folded module, of the module with its
quantize/dequantize expanded into plain TOSA (the preset's reference,
executed), and of LutFold's own TABLE + RESCALE model (the report tool's
--dump, for the cases that are one TOSA operation). The folded outputs must
equal the model's exactly; their error against the executed reference is
printed per case and must stay within the case's bound.
"""

import argparse
import json
import math
import struct
import subprocess
import sys

NUM_CODES = 65536


def symmetric(bound, bits=16):
    """Symmetric narrow range with zero point 0 (ExecuTorch's and TFLite's
    int16 activations)."""
    qmax = (1 << (bits - 1)) - 1
    return {"scale": bound / qmax, "zp": 0, "qmin": -qmax, "qmax": qmax,
            "bits": bits}


def asymmetric(lo, hi, bits=16):
    """Full range with a zero point (PT2E's default observers)."""
    qmin, qmax = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    scale = (hi - lo) / (qmax - qmin)
    return {"scale": scale, "zp": qmin - round(lo / scale), "qmin": qmin,
            "qmax": qmax, "bits": bits}


# (op, input, output, bound on the maximum error in output codes)
CASES = [
    ("sigmoid", symmetric(8.0), symmetric(1.0), 1),
    ("sigmoid", asymmetric(-10.0, 6.0), asymmetric(0.0, 1.0), 1),
    ("tanh", symmetric(4.0), symmetric(1.0), 1),
    ("tanh", asymmetric(-3.0, 5.0), asymmetric(-1.0, 1.0), 1),
    ("exp", symmetric(4.0), symmetric(math.exp(4.0)), 1),
    ("exp", asymmetric(-8.0, 2.0), asymmetric(0.0, math.exp(2.0)), 2),
    ("erf", symmetric(3.0), symmetric(1.0), 1),
    ("erf", asymmetric(-2.5, 3.5), asymmetric(-1.0, 1.0), 1),
    ("silu", symmetric(8.0), symmetric(8.0), 1),
    ("sigmoid", symmetric(8.0), asymmetric(0.0, 1.0, bits=8), 1),
]

SINGLE_OPS = {"sigmoid", "tanh", "exp", "erf"}


def quant_type(p):
    storage = "i%d" % p["bits"]
    full = p["qmin"] == -(1 << (p["bits"] - 1))
    if not full:
        storage += "<%d:%d>" % (p["qmin"], p["qmax"])
    return "!quant.uniform<%s:f32, %r:%d>" % (storage, p["scale"], p["zp"])


def island(name, op, pin, pout):
    it = "tensor<%dx%s>" % (NUM_CODES, quant_type(pin))
    ot = "tensor<%dx%s>" % (NUM_CODES, quant_type(pout))
    ft = "tensor<%dxf32>" % NUM_CODES
    lines = ["func.func @%s(%%arg0: %s) -> %s {" % (name, it, ot),
             "  %%x = quant.dcast %%arg0 : %s to %s" % (it, ft)]
    if op == "silu":
        lines += [
            '  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> '
            ": () -> tensor<1xi8>",
            "  %%s = tosa.sigmoid %%x : (%s) -> %s" % (ft, ft),
            "  %%y = tosa.mul %%x, %%s, %%shift : (%s, %s, tensor<1xi8>) -> %s"
            % (ft, ft, ft)]
    else:
        lines.append("  %%y = tosa.%s %%x : (%s) -> %s" % (op, ft, ft))
    lines += ["  %%q = quant.qcast %%y : %s to %s" % (ft, ot),
              "  return %%q : %s" % ot, "}"]
    return lines


def print_module(functions, call):
    """Prints the case functions and @main, which feeds every i16 code to
    each case through `call(i, pin, pout)` (lines ending in %r<i>, the
    output codes) and prints the outputs as i32."""
    codes = struct.pack("<%dh" % NUM_CODES, *range(-32768, 32768)).hex()
    lines = ["func.func private @printMemrefI32(tensor<*xi32>)"] + functions
    lines += ["func.func @main() {",
              '  %%codes = "tosa.const"() <{values = dense<"0x%s"> : '
              "tensor<%dxi16>}> : () -> tensor<%dxi16>"
              % (codes.upper(), NUM_CODES, NUM_CODES)]
    for i, (op, pin, pout, _) in enumerate(CASES):
        st = "tensor<%dxi%d>" % (NUM_CODES, pout["bits"])
        lines += call(i, pin, pout) + [
            "  %%w%d = tosa.cast %%r%d : (%s) -> tensor<%dxi32>"
            % (i, i, st, NUM_CODES),
            "  %%u%d = tensor.cast %%w%d : tensor<%dxi32> to tensor<*xi32>"
            % (i, i, NUM_CODES),
            "  call @printMemrefI32(%%u%d) : (tensor<*xi32>) -> ()" % i]
    lines += ["  return", "}"]
    print("\n".join(lines))


def generate(args):
    functions = []
    for i, (op, pin, pout, _) in enumerate(CASES):
        functions += island("case%d" % i, op, pin, pout)

    def call(i, pin, pout):
        it = "tensor<%dx%s>" % (NUM_CODES, quant_type(pin))
        ot = "tensor<%dx%s>" % (NUM_CODES, quant_type(pout))
        st = "tensor<%dxi%d>" % (NUM_CODES, pout["bits"])
        return [
            "  %%a%d = quant.scast %%codes : tensor<%dxi16> to %s"
            % (i, NUM_CODES, it),
            "  %%q%d = call @case%d(%%a%d) : (%s) -> %s" % (i, i, i, it, ot),
            "  %%r%d = quant.scast %%q%d : %s to %s" % (i, i, ot, st)]
    print_module(functions, call)


def plain_params(p):
    return (p["scale"], p["zp"], p["qmin"], p["qmax"])


def generate_plain(args):
    sys.path.insert(0, args.utils)
    import island_cases
    functions = []
    for i, (op, pin, pout, _) in enumerate(CASES):
        functions += island_cases.emit_function(
            "case%d" % i, op, plain_params(pin), plain_params(pout),
            str(NUM_CODES), encoding=args.encoding, in_bits=pin["bits"],
            out_bits=pout["bits"])

    def call(i, pin, pout):
        return ["  %%r%d = call @case%d(%%codes) : (tensor<%dxi16>) -> "
                "tensor<%dxi%d>" % (i, i, NUM_CODES, NUM_CODES, pout["bits"])]
    print_module(functions, call)


def read_rows(path):
    rows = []
    with open(path) as f:
        for line in f:
            if line.startswith("["):
                rows.append([int(v) for v in line.strip()[1:-1].split(",")])
    return rows


def model_outputs(tool, op, pin, pout):
    command = [tool, "--dump", "--op", op,
               "--in-scale", repr(pin["scale"]), "--in-zp", str(pin["zp"]),
               "--out-scale", repr(pout["scale"]), "--out-zp", str(pout["zp"]),
               "--out-bits", str(pout["bits"])]
    if pin["qmin"] != -32768:
        command.append("--in-narrow")
    if pout["qmin"] != -(1 << (pout["bits"] - 1)):
        command.append("--out-narrow")
    output = subprocess.run(command, check=True, capture_output=True,
                            text=True).stdout
    return [int(v) for v in output.split()]


def check(args):
    folded = read_rows(args.folded)
    reference = read_rows(args.reference)
    if len(folded) != len(CASES) or len(reference) != len(CASES):
        sys.exit("expected %d rows, got %d folded and %d reference"
                 % (len(CASES), len(folded), len(reference)))
    failed = False
    for i, (op, pin, pout, bound) in enumerate(CASES):
        out, ref = folded[i], reference[i]
        if op in SINGLE_OPS and args.report_tool:
            model = model_outputs(args.report_tool, op, pin, pout)
            differing = sum(1 for a, b in zip(out, model) if a != b)
            if differing or len(model) != NUM_CODES:
                print("case %d (%s): %d outputs differ from the model"
                      % (i, op, differing))
                failed = True
        # A plain island's IR takes every code, the input range's or not.
        first = -32768 if args.all_codes else pin["qmin"]
        last = 32767 if args.all_codes else pin["qmax"]
        errors = [abs(out[c + 32768] - ref[c + 32768])
                  for c in range(first, last + 1)]
        worst, mean = max(errors), sum(errors) / len(errors)
        outside = sum(1 for c in range(first, last + 1)
                      if not pout["qmin"] <= out[c + 32768] <= pout["qmax"])
        print("case %d (%s): max error %d, mean %.4f, outside the output "
              "range %d" % (i, op, worst, mean, outside))
        if worst > bound or mean >= 0.25 or outside:
            failed = True
    print("FAILED" if failed else "OK")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("generate")
    plain = sub.add_parser("generate-plain")
    plain.add_argument("--encoding", required=True, choices=["torch", "tf"])
    plain.add_argument("--utils", required=True,
                       help="the directory of island_cases.py")
    chk = sub.add_parser("check")
    chk.add_argument("--folded", required=True)
    chk.add_argument("--reference", required=True)
    chk.add_argument("--all-codes", action="store_true",
                     help="measure every code, not only the input range's")
    chk.add_argument("--report-tool",
                     help="compare with LutFold's model of the table too "
                          "(quant-dialect cases)")
    args = parser.parse_args()
    {"generate": generate, "generate-plain": generate_plain,
     "check": check}[args.command](args)


if __name__ == "__main__":
    main()
