//===- Int16IntervalErrors.h - Errors of int16 table intervals --*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The int16 fit spends its time on one question: how far are the outputs of
// TABLE + RESCALE over the 128 input codes between two knots from the
// reference codes? This answers it exactly, with the results of
// TosaRescale::apply, in arithmetic that compilers vectorize.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_INT16INTERVALERRORS_H
#define LUTFOLD_NUMERICS_INT16INTERVALERRORS_H

#include "lutfold/Numerics/TosaIntegerOps.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <optional>

namespace lutfold {

/// The maximum and the sum of |output - expected| over some input codes.
struct IntervalErrors {
  int32_t max = 0;
  int32_t sum = 0;
};

/// TABLE + RESCALE over the codes of one interval of an i16 table. Along an
/// interval the interpolated value v is linear in the code, and so is
/// v * multiplier + rounding: each output is that sum, stepped by one
/// addition per code, shifted right. The sum fits in 32 bits when the
/// multiplier, without its trailing zero bytes, is below 2^8 (|v| <= 2^22),
/// which is the case for every power-of-two scale; otherwise it is kept in
/// 64 bits, biased to be non-negative so that a logical shift, which every
/// vector unit has, gives the arithmetic one.
class Int16IntervalErrors {
public:
  explicit Int16IntervalErrors(const TosaRescale &rescale);

  /// The errors, against expected[f], of TABLE + RESCALE for the fractions f
  /// in [begin, end) of the interval from entry `base` to entry `next`
  /// (both in the int16 range, 0 <= begin < end <= 128); std::nullopt if
  /// an output leaves [outputMin, outputMax].
  std::optional<IntervalErrors> compute(int32_t base, int32_t next,
                                        const int32_t *expected, int32_t begin,
                                        int32_t end, int32_t outputMin,
                                        int32_t outputMax) const;

  /// compute() from one `base` to each of `nexts`, into `errors` (as many),
  /// which is faster than one call per interval.
  void
  computeRow(int32_t base, llvm::ArrayRef<int32_t> nexts,
             const int32_t *expected, int32_t begin, int32_t end,
             int32_t outputMin, int32_t outputMax,
             llvm::MutableArrayRef<std::optional<IntervalErrors>> errors) const;

  /// The output of TABLE + RESCALE for interpolated value `value`.
  int64_t apply(int32_t value) const;

private:
  int64_t applyUnclamped(int32_t value) const;
  template <bool Narrow, bool Clamp, bool Whole>
  IntervalErrors computeWith(int32_t value, int32_t slope,
                             const int32_t *expected, int32_t begin,
                             int32_t end) const;
  template <bool Narrow>
  void computeRowWith(
      int32_t base, llvm::ArrayRef<int32_t> nexts, const int32_t *expected,
      int32_t begin, int32_t end, int32_t outputMin, int32_t outputMax,
      llvm::MutableArrayRef<std::optional<IntervalErrors>> errors) const;

  int64_t multiplier;
  unsigned shift;
  /// Whether v * multiplier + rounding fits in 32 bits.
  bool narrow;
  int32_t zeroPoint;
  int32_t storageMin;
  int32_t storageMax;
};

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_INT16INTERVALERRORS_H
