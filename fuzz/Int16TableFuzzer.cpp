//===- Int16TableFuzzer.cpp - Fuzz the int16 table fit --------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Random int16 quantization parameters (valid and not), i16 or i8 outputs,
// presets and functions (library functions and random interpreter
// programs). Invariants: invalid parameters are refused exactly when the
// specification says so; the reference equals the slow reference of
// Reference.h; TABLE + RESCALE, evaluated again here from TOSA's pseudocode,
// gives the library's outputs, inside the output's [qmin, qmax], with
// neighbouring entries at most 16 bits apart; and for i16 outputs the
// maximum error is never above ExecuTorch's or TFLite's method's.
//
//===----------------------------------------------------------------------===//

#include "RandomProgram.h"
#include "Reference.h"

#include "Int16Baselines.h"
#include "lutfold/Numerics/Int16Table.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <utility>

using namespace lutfold;

static void fail(const char *what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

static QuantParams consumeParams(FuzzedDataProvider &fdp, unsigned bits) {
  StorageType storage{bits, true};
  int64_t lo = storage.minValue(), hi = storage.maxValue();
  // Plausible scales, from almost-constant to saturating.
  double scale = std::ldexp(fdp.ConsumeFloatingPointInRange<double>(1.0, 2.0),
                            fdp.ConsumeIntegralInRange<int>(-24, 4));
  int64_t zeroPoint = fdp.ConsumeIntegralInRange<int64_t>(lo, hi);
  if (fdp.ConsumeBool())
    zeroPoint = 0;
  int64_t qmin = lo, qmax = hi;
  switch (fdp.ConsumeIntegralInRange<int>(0, 7)) {
  case 1:
    qmin += 1; // symmetric narrow
    break;
  case 2:
    qmin = fdp.ConsumeIntegralInRange<int64_t>(lo, hi);
    qmax = fdp.ConsumeIntegralInRange<int64_t>(qmin, hi);
    break;
  // Invalid parameters, one field at a time.
  case 3:
    scale = fdp.ConsumeFloatingPoint<double>();
    break;
  case 4:
    zeroPoint = fdp.ConsumeBool() ? lo - 1 : hi + 1;
    break;
  case 5:
    std::swap(qmin, qmax);
    break;
  default:
    break;
  }
  return {storage, scale, zeroPoint, qmin, qmax};
}

/// TABLE and RESCALE from the TOSA pseudocode, in 128-bit arithmetic with
/// an explicit floor division.
static int64_t evaluatePath(const Int16Table &table, int64_t code) {
  int64_t biased = code + 32768;
  int64_t index = biased / 128, fraction = biased % 128;
  int64_t base = table.entries[index], next = table.entries[index + 1];
  if (next - base < -32768 || next - base > 32767)
    fail("neighbouring entries more than 16 bits apart");
  __int128 value = base * 128 + (next - base) * fraction;
  __int128 product = value * table.rescale.multiplier +
                     (__int128(1) << (table.rescale.shift - 1));
  __int128 divisor = __int128(1) << table.rescale.shift;
  __int128 quotient = product / divisor;
  if (product % divisor != 0 && product < 0)
    --quotient; // floor, as an arithmetic shift
  int64_t output =
      static_cast<int64_t>(quotient) + table.rescale.outputZeroPoint;
  int64_t lo = table.rescale.output.minValue();
  int64_t hi = table.rescale.output.maxValue();
  return output < lo ? lo : output > hi ? hi : output;
}

static int64_t maxError(const Int16Table &table, const Int16Reference &ref) {
  return measureInt16TableError(table, ref).maxError;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  QuantParams in = consumeParams(fdp, 16);
  QuantParams out = consumeParams(fdp, fdp.ConsumeBool() ? 16 : 8);
  bool tflite = fdp.ConsumeBool();
  NumericsPreset preset =
      tflite ? NumericsPreset::TFLite : NumericsPreset::PT2E;

  ScalarProgram program;
  std::function<float(float)> fn = consumeFunction(
      fdp,
      {scalar::sigmoid, scalar::tanh, scalar::exp, scalar::erf, scalar::gelu},
      program);

  llvm::Expected<Int16Reference> reference =
      buildInt16Reference(in, out, fn, preset);
  if (!reference::checkVerdict(reference, in, out, fail))
    return 0;

  reference::Params refIn = reference::toReference(in);
  reference::Params refOut = reference::toReference(out);
  for (int64_t code = -32768; code <= 32767; ++code)
    if (reference->codes[code + 32768] !=
        reference::quantize(fn(reference::dequantize(code, refIn)), refOut,
                            tflite))
      fail("reference differs from the slow reference");

  llvm::Expected<Int16Table> table = fitInt16Table(*reference);
  if (!table) {
    llvm::consumeError(table.takeError());
    fail("no table for a valid reference");
  }
  for (int64_t code = in.qmin; code <= in.qmax; ++code) {
    int64_t output = evaluatePath(*table, code);
    if (output != table->evaluate(code))
      fail("TABLE + RESCALE model differs from the pseudocode");
    if (output < out.qmin || output > out.qmax)
      fail("output outside [qmin, qmax]");
  }

  if (out.storage.bitWidth != 16)
    return 0;
  int64_t fitted = maxError(*table, *reference);
  llvm::Expected<Int16Table> byKnots =
      baselines::buildExecuTorchInt16Table(in, out, fn, preset);
  llvm::Expected<Int16Table> byMidpoints =
      baselines::buildTFLiteInt16Table(in, out, fn);
  if (!byKnots || !byMidpoints)
    fail("an anchor refused valid parameters");
  int64_t knots = maxError(*byKnots, *reference);
  int64_t midpoints = maxError(*byMidpoints, *reference);
  if (fitted > knots || fitted > midpoints) {
    std::fprintf(stderr,
                 "max error %lld, ExecuTorch %lld, TFLite %lld; in %.17g %lld "
                 "[%lld, %lld], out %.17g %lld [%lld, %lld], %s\n",
                 (long long)fitted, (long long)knots, (long long)midpoints,
                 in.scale, (long long)in.zeroPoint, (long long)in.qmin,
                 (long long)in.qmax, out.scale, (long long)out.zeroPoint,
                 (long long)out.qmin, (long long)out.qmax,
                 tflite ? "tflite" : "pt2e");
    fail("fitted table worse than an anchor");
  }
  return 0;
}
