#!/usr/bin/env python3
"""int16 TABLE + RESCALE from PyTorch's own eager outputs.

For a few activations and typical a16 quantization parameters, this script

1. computes the reference: PyTorch eager's output code for each of the
   65,536 int16 input codes, composed as PT2E's quantized_decomposed
   dequantize -> activation -> quantize;
2. fits LutFold's table to it (lutfold.fit_int16_table) and evaluates the
   table as TOSA does (lutfold.evaluate_int16_table);
3. builds the table the way ExecuTorch's Arm backend does (the function's
   output codes sampled at the 513 knots, shifted to fit in 16 bits, a
   power-of-two RESCALE) and evaluates it the same way;

and prints the error of both against the reference, in output codes. The
reference comes from the framework itself, so any activation PyTorch can
evaluate works the same way.

Usage (from a build tree):

    PYTHONPATH=build/python_packages python3 examples/python/int16_tables_from_pytorch.py

With --check, exits with an error if LutFold's max error is above the
sampled table's for some activation.

Needs torch (Debian: python3-torch); without it, it says so and exits 0.
"""

import sys

import numpy as np

try:
    import torch
except ImportError:
    print("torch is not installed: nothing to compare (Debian: "
          "apt-get install python3-torch)")
    sys.exit(0)

import lutfold

# Symmetric narrow int16, as ExecuTorch and TFLite quantize a16 activations:
# scale = bound / 32767, codes in [-32767, 32767].
NARROW = (-32767, 32767)

ACTIVATIONS = {
    # name: (function, input bound, output bound)
    "sigmoid": (torch.sigmoid, 8.0, 1.0),
    "tanh": (torch.tanh, 4.0, 1.0),
    "gelu": (torch.nn.functional.gelu, 6.0, 6.0),
    "silu": (torch.nn.functional.silu, 8.0, 8.0),
    "hardswish": (torch.nn.functional.hardswish, 6.0, 6.0),
}


def pt2e(function, codes, input_q, output_q):
    """PT2E's quantized_decomposed arithmetic around `function`, in f32:
    codes clamped to [qmin, qmax], (code - zp) * scale, the function,
    round half to even of y * (1 / out_scale) (the reciprocal rounded to
    f32) plus the zero point, clamped."""
    scale, zero_point, qmin, qmax = input_q
    out_scale, out_zero_point, out_qmin, out_qmax = output_q
    codes = torch.clamp(torch.as_tensor(codes, dtype=torch.int64), qmin, qmax)
    x = (codes.to(torch.float32) - zero_point) * torch.tensor(
        scale, dtype=torch.float32)
    y = function(x)
    inverse = torch.tensor(1.0 / out_scale, dtype=torch.float32)
    q = torch.round(y * inverse) + out_zero_point
    return torch.clamp(q, out_qmin, out_qmax).to(torch.int64).numpy()


def executorch_table(function, input_q, output_q):
    """ExecuTorch's int16 table: output codes sampled at the knots
    qmin + 128 k, shifted right until they fit in 16 bits, and a RESCALE by
    2^(shift - 7)."""
    knots = input_q[2] + 128 * np.arange(513)
    samples = pt2e(function, knots, input_q, output_q)
    largest = int(np.abs(samples).max())
    shift = max(0, int(np.ceil(np.log2(largest))) + 1 - 16) if largest else 0
    entries = (samples >> shift).astype(np.int16)
    return entries, lutfold.Rescale(1 << 30, 30 + 7 - shift, 0, 16)


def errors(outputs, reference, input_q):
    """Max and mean error over the input codes the input type holds."""
    counted = slice(input_q[2] + 32768, input_q[3] + 32768 + 1)
    difference = np.abs(outputs[counted].astype(np.int64) - reference[counted])
    return int(difference.max()), float(difference.mean())


def main():
    check = "--check" in sys.argv[1:]
    codes = np.arange(-32768, 32768)
    print("| activation | LutFold max / mean | ExecuTorch's method max / mean |")
    print("|---|---|---|")
    for name, (function, in_bound, out_bound) in ACTIVATIONS.items():
        input_q = (in_bound / 32767, 0, *NARROW)
        output_q = (out_bound / 32767, 0, *NARROW)
        with torch.no_grad():
            reference = pt2e(function, codes, input_q, output_q)
        fitted = lutfold.fit_int16_table(reference, input_q, output_q)
        ours = errors(lutfold.evaluate_int16_table(*fitted), reference,
                      input_q)
        with torch.no_grad():
            sampled = executorch_table(function, input_q, output_q)
        theirs = errors(lutfold.evaluate_int16_table(*sampled), reference,
                        input_q)
        print(f"| {name} | {ours[0]} / {ours[1]:.4f} | "
              f"{theirs[0]} / {theirs[1]:.4f} |")
        # --check: LutFold's table is never further from PyTorch than the
        # sampled one.
        if check and ours[0] > theirs[0]:
            sys.exit(f"{name}: LutFold's max error {ours[0]} is above "
                     f"ExecuTorch's method's {theirs[0]}")


if __name__ == "__main__":
    main()
