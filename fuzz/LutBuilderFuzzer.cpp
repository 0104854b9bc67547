//===- LutBuilderFuzzer.cpp - Fuzz the int8 table builder -----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Random quantization parameters (valid and not), presets and functions
// (library functions and random interpreter programs). Invariants: invalid
// parameters are refused exactly when the specification says so; every entry
// lies in [qmin, qmax] and equals the slow reference of Reference.h.
//
//===----------------------------------------------------------------------===//

#include "RandomProgram.h"
#include "Reference.h"

#include "lutfold/Numerics/LookupTable.h"
#include "lutfold/Numerics/ScalarFunctions.h"
#include "lutfold/Numerics/ScalarProgram.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace lutfold;

static void fail(const char *what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

static QuantParams consumeParams(FuzzedDataProvider &fdp) {
  double scale;
  switch (fdp.ConsumeIntegralInRange<int>(0, 7)) {
  case 0: // Anything, NaN and infinities included.
    scale = fdp.ConsumeFloatingPoint<double>();
    break;
  case 1:
    scale = -std::ldexp(1.0, fdp.ConsumeIntegralInRange<int>(-10, 10));
    break;
  default: // Mostly plausible scales across the whole f32 range.
    scale = std::ldexp(fdp.ConsumeFloatingPointInRange<double>(1.0, 2.0),
                       fdp.ConsumeIntegralInRange<int>(-150, 130));
  }
  int64_t zeroPoint = fdp.ConsumeIntegralInRange<int64_t>(-140, 140);
  int64_t qmin =
      fdp.ConsumeBool() ? -128 : fdp.ConsumeIntegralInRange<int64_t>(-140, 140);
  int64_t qmax =
      fdp.ConsumeBool() ? 127 : fdp.ConsumeIntegralInRange<int64_t>(-140, 140);
  return {StorageType::i8(), scale, zeroPoint, qmin, qmax};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  QuantParams in = consumeParams(fdp);
  QuantParams out = consumeParams(fdp);
  bool tflite = fdp.ConsumeBool();
  NumericsPreset preset =
      tflite ? NumericsPreset::TFLite : NumericsPreset::PT2E;

  ScalarProgram program;
  std::function<float(float)> fn = consumeFunction(
      fdp, {scalar::sigmoid, scalar::gelu, scalar::log}, program);

  llvm::Expected<Int8Table> table = buildInt8Table(in, out, fn, preset);
  if (!reference::checkVerdict(table, in, out, fail))
    return 0;

  reference::Params refIn = reference::toReference(in);
  reference::Params refOut = reference::toReference(out);
  size_t nanIndex = 0;
  for (int64_t code = -128; code <= 127; ++code) {
    int8_t entry = table->lookup(code);
    if (entry < out.qmin || entry > out.qmax)
      fail("entry outside [qmin, qmax]");
    float y = fn(reference::dequantize(code, refIn));
    int64_t want = reference::quantize(y, refOut, tflite);
    if (entry != want) {
      std::fprintf(stderr,
                   "code %lld: entry %d, reference %lld, f = %.9g; in %.17g "
                   "%lld [%lld, %lld], out %.17g %lld [%lld, %lld], %s\n",
                   (long long)code, entry, (long long)want, y, in.scale,
                   (long long)in.zeroPoint, (long long)in.qmin,
                   (long long)in.qmax, out.scale, (long long)out.zeroPoint,
                   (long long)out.qmin, (long long)out.qmax,
                   tflite ? "tflite" : "pt2e");
      fail("entry differs from the reference");
    }
    if (std::isnan(y)) {
      if (nanIndex >= table->nanInputCodes.size() ||
          table->nanInputCodes[nanIndex++] != code)
        fail("NaN code not reported");
    }
  }
  if (nanIndex != table->nanInputCodes.size())
    fail("NaN reported for a code that is not NaN");
  return 0;
}
