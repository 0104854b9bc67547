//===- Int16IntervalErrors.cpp - Errors of int16 table intervals ----------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/Int16IntervalErrors.h"

#include "llvm/Support/Compiler.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>

using namespace lutfold;

/// |v| <= 2^22 for any value interpolated between two 16-bit entries.
static constexpr int64_t kValueBound = int64_t(1) << 22;
/// Added to v * multiplier + rounding in 64 bits: |v * m| < 2^53 and the
/// rounding is at most 2^61, so the biased sum is in [0, 2^63).
static constexpr uint64_t kBias = uint64_t(1) << 62;

Int16IntervalErrors::Int16IntervalErrors(const TosaRescale &rescale)
    : multiplier(rescale.multiplier), shift(rescale.shift),
      zeroPoint(rescale.outputZeroPoint),
      storageMin(static_cast<int32_t>(rescale.output.minValue())),
      storageMax(static_cast<int32_t>(rescale.output.maxValue())) {
  assert(multiplier >= 0 && shift >= 2 && shift <= 62 &&
         "multiplier or shift outside what TOSA allows");
  // floor((v * m * 2^8 + 2^(s-1)) / 2^s) = floor((v * m + 2^(s-9)) / 2^(s-8))
  while (multiplier != 0 && (multiplier & 0xff) == 0 && shift > 9) {
    multiplier >>= 8;
    shift -= 8;
  }
  // |v * m| < 2^30 and the rounding 2^(s-1) <= 2^29.
  narrow = multiplier * kValueBound < (int64_t(1) << 30) && shift <= 30;
}

int64_t Int16IntervalErrors::applyUnclamped(int32_t value) const {
  int64_t scaled = int64_t(value) * multiplier + (int64_t(1) << (shift - 1));
  return (scaled >> shift) + zeroPoint;
}

int64_t Int16IntervalErrors::apply(int32_t value) const {
  return std::clamp<int64_t>(applyUnclamped(value), storageMin, storageMax);
}

/// The errors from interpolated value `value` at fraction `begin` on, the
/// value growing by `slope` per code.
template <bool Narrow, bool Clamp, bool Whole>
LLVM_ATTRIBUTE_ALWAYS_INLINE IntervalErrors Int16IntervalErrors::computeWith(
    int32_t value, int32_t slope, const int32_t *expected, int32_t begin,
    int32_t end) const {
  // A whole interval's fixed trip count lets the loop be laid out without
  // remainders.
  if (Whole) {
    begin = 0;
    end = 128;
  }
  const int64_t rounding = int64_t(1) << (shift - 1);
  const int64_t scaled = int64_t(value) * multiplier + rounding;
  const int64_t step = int64_t(slope) * multiplier;
  int32_t maxError = 0, sum = 0;
  auto accumulate = [&](int32_t fraction, int64_t output) {
    if (Clamp)
      output = std::clamp<int64_t>(output, storageMin, storageMax);
    int32_t difference =
        std::abs(static_cast<int32_t>(output) - expected[fraction]);
    maxError = std::max(maxError, difference);
    sum += difference;
  };
  if (Narrow) {
    auto sum32 = static_cast<int32_t>(scaled);
    auto step32 = static_cast<int32_t>(step);
    for (int32_t fraction = begin; fraction < end; ++fraction) {
      accumulate(fraction, (sum32 >> shift) + zeroPoint);
      sum32 += step32;
    }
  } else {
    uint64_t biased = static_cast<uint64_t>(scaled) + kBias;
    const int64_t unbias = static_cast<int64_t>(kBias >> shift);
    for (int32_t fraction = begin; fraction < end; ++fraction) {
      accumulate(fraction,
                 static_cast<int64_t>(biased >> shift) - unbias + zeroPoint);
      biased += static_cast<uint64_t>(step);
    }
  }
  return {maxError, sum};
}

// Inlined into each of computeRow's clones, which compiles it for its target.
template <bool Narrow>
LLVM_ATTRIBUTE_ALWAYS_INLINE void Int16IntervalErrors::computeRowWith(
    int32_t base, llvm::ArrayRef<int32_t> nexts, const int32_t *expected,
    int32_t begin, int32_t end, int32_t outputMin, int32_t outputMax,
    llvm::MutableArrayRef<std::optional<IntervalErrors>> errors) const {
  bool whole = begin == 0 && end == 128;
  for (size_t i = 0, e = nexts.size(); i != e; ++i) {
    int32_t next = nexts[i];
    assert(base >= INT16_MIN && base <= INT16_MAX && next >= INT16_MIN &&
           next <= INT16_MAX && "an interval of two 16-bit entries");
    int32_t slope = next - base;
    int32_t value = base * 128 + slope * begin;
    // The outputs are monotone in v, which is linear in the fraction: the
    // ends bound them, and the clamp can only act if it acts at an end.
    int64_t first = applyUnclamped(value);
    int64_t last = applyUnclamped(value + slope * (end - 1 - begin));
    int64_t low = std::min(first, last), high = std::max(first, last);
    if (std::clamp<int64_t>(low, storageMin, storageMax) < outputMin ||
        std::clamp<int64_t>(high, storageMin, storageMax) > outputMax) {
      errors[i] = std::nullopt;
      continue;
    }
    if (low < storageMin || high > storageMax)
      errors[i] =
          computeWith<Narrow, true, false>(value, slope, expected, begin, end);
    else if (whole)
      errors[i] =
          computeWith<Narrow, false, true>(value, slope, expected, begin, end);
    else
      errors[i] =
          computeWith<Narrow, false, false>(value, slope, expected, begin, end);
  }
}

/// This runs for most of an int16 fit: on x86-64 it is compiled for AVX-512
/// and AVX2 as well, chosen at load time, since its lanes gain directly from
/// wider vectors. (Not under the sanitizers, whose runtimes start after
/// ifunc resolvers run.)
#if defined(__clang__) && defined(__x86_64__) && defined(__ELF__)
#if !__has_feature(address_sanitizer) && !__has_feature(memory_sanitizer)
#define LUTFOLD_WIDE_VECTOR_CLONES                                             \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif
#endif
#ifndef LUTFOLD_WIDE_VECTOR_CLONES
#define LUTFOLD_WIDE_VECTOR_CLONES
#endif

LUTFOLD_WIDE_VECTOR_CLONES
void Int16IntervalErrors::computeRow(
    int32_t base, llvm::ArrayRef<int32_t> nexts, const int32_t *expected,
    int32_t begin, int32_t end, int32_t outputMin, int32_t outputMax,
    llvm::MutableArrayRef<std::optional<IntervalErrors>> errors) const {
  assert(nexts.size() == errors.size() && "one result per interval");
  assert(0 <= begin && begin < end && end <= 128 && "fractions of 128");
  if (narrow)
    computeRowWith<true>(base, nexts, expected, begin, end, outputMin,
                         outputMax, errors);
  else
    computeRowWith<false>(base, nexts, expected, begin, end, outputMin,
                          outputMax, errors);
}

std::optional<IntervalErrors> Int16IntervalErrors::compute(
    int32_t base, int32_t next, const int32_t *expected, int32_t begin,
    int32_t end, int32_t outputMin, int32_t outputMax) const {
  std::optional<IntervalErrors> errors;
  computeRow(base, next, expected, begin, end, outputMin, outputMax, errors);
  return errors;
}
