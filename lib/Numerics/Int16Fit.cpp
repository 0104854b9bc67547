//===- Int16Fit.cpp - Fitting interpolated int16 tables -------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The fit tries one or two resolutions (entry steps per output code): for
// each, it starts the entries from the function at the knots, lets the search
// (Int16Search.cpp) improve them, and keeps the best table.
//
// It starts nearer the answer than LutFold 0.1 (kept in bench/baselines as
// the reference): past a saturated output the knots continue the function,
// which the local search alone could not reach (0.1 stayed up to 150 codes
// off there).
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/Int16Table.h"

#include "Int16Search.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <optional>
#include <tuple>
#include <vector>

using namespace lutfold;

/// Where the fit starts, in output codes per knot: the unrounded function at
/// each knot (the last knot, one code past the end, continues the last
/// interval's line). Where the output saturates at a bound that the RESCALE's
/// clamp to the storage type enforces anyway, the knot past the bound
/// continues the function's line instead, so that the interpolation follows
/// the function up to the bound and the clamp cuts it there: a knot on the
/// bound itself would bend the line a whole interval early, dozens of codes
/// off for steep functions, and the search moves entries only a few steps a
/// round.
static std::array<double, kInt16TableEntries>
initialTargets(const Int16Reference &ref) {
  const std::vector<double> &u = ref.unrounded;
  constexpr int64_t numCodes = Int16Table::kNumCodes;
  std::array<double, kInt16TableEntries> targets;
  for (unsigned knot = 0; knot < kNumIntervals; ++knot)
    targets[knot] = u[knot * kCodesPerInterval];
  double last = u[numCodes - 1];
  targets[kNumIntervals] =
      last + (last - u[numCodes - kCodesPerInterval]) / (kCodesPerInterval - 1);

  // Outputs are clamped to the storage type, which for 8-bit outputs holds
  // codes with the zero point added: a bound of the output range is enforced
  // when it is one of the storage type.
  bool clampsHigh = ref.outputMax == ref.outputStorage.maxValue();
  bool clampsLow = ref.outputMin == ref.outputStorage.minValue();
  auto saturated = [&](int64_t code) {
    return (clampsHigh && u[code] >= ref.outputMax) ||
           (clampsLow && u[code] <= ref.outputMin);
  };
  // The line through the `run` unsaturated codes ending at `from` (walking
  // by `step`), extended to `to`: the secant of the function's last stretch.
  auto extend = [&](int64_t from, int64_t step, int64_t to) -> double {
    int64_t far = from;
    for (unsigned i = 0; i < kCodesPerInterval; ++i) {
      int64_t next = far - step;
      if (next < 0 || next >= numCodes || saturated(next))
        break;
      far = next;
    }
    if (far == from)
      return u[from];
    double slope = (u[from] - u[far]) / double(from - far);
    return u[from] + slope * double(to - from);
  };
  for (unsigned knot = 0; knot <= kNumIntervals; ++knot) {
    int64_t code = int64_t(knot) * kCodesPerInterval;
    if (code < numCodes && !saturated(code))
      continue;
    bool high = code < numCodes ? u[code] >= ref.outputMax
                                : targets[knot] >= ref.outputMax;
    std::optional<double> target;
    auto consider = [&](double extended) {
      // Beyond the bound only; the nearer of two, should both sides reach it.
      if (high ? extended <= ref.outputMax : extended >= ref.outputMin)
        return;
      if (!target || (high ? extended < *target : extended > *target))
        target = extended;
    };
    // Entering saturation from the left: extend from the last code before.
    if (knot > 0 && !saturated(code - int64_t(kCodesPerInterval))) {
      int64_t before = code - 1;
      while (saturated(before))
        --before;
      consider(extend(before, 1, code));
    }
    // Leaving it to the right.
    if (knot < kNumIntervals &&
        !saturated(code + int64_t(kCodesPerInterval) - 1)) {
      int64_t after = code + 1;
      while (saturated(after))
        ++after;
      consider(extend(after, -1, code));
    }
    if (target)
      targets[knot] = *target;
  }
  return targets;
}

/// The starting entries for `resolution` entry steps per output code.
static std::array<int64_t, kInt16TableEntries>
initialEntries(const std::array<double, kInt16TableEntries> &targets,
               double resolution, int64_t zeroPoint) {
  std::array<int64_t, kInt16TableEntries> entries;
  for (unsigned knot = 0; knot < kInt16TableEntries; ++knot)
    entries[knot] = std::clamp<int64_t>(
        std::llround(resolution * (targets[knot] - zeroPoint)), INT16_MIN,
        INT16_MAX);
  return entries;
}

/// The resolutions (entry steps per output code) worth trying: the largest
/// power of two (at most 8, as fine as interpolation over 128 codes can use)
/// that keeps the reference's codes and the steps between knots in 16 bits;
/// and, when the best table must reach beyond the codes (past a saturated
/// end, or around a curve), a slightly coarser one that leaves room for it.
static llvm::SmallVector<double, 2>
candidateResolutions(const Int16Reference &ref,
                     const std::array<double, kInt16TableEntries> &targets,
                     int64_t zeroPoint) {
  double low = 0.0, high = 0.0;
  for (int32_t code : ref.codes) {
    low = std::min<double>(low, code - zeroPoint);
    high = std::max<double>(high, code - zeroPoint);
  }
  // Reach: the starting targets, and how far the chord of an interval
  // strays from the function at its midpoint.
  double reachLow = low, reachHigh = high, steepest = 0.0, bend = 0.0;
  for (unsigned knot = 0; knot < kNumIntervals; ++knot) {
    double from = targets[knot], to = targets[knot + 1];
    steepest = std::max(steepest, std::abs(to - from));
    reachLow = std::min(reachLow, from - zeroPoint);
    reachHigh = std::max(reachHigh, from - zeroPoint);
    // A line that the clamp cuts bends at the bound, not at its midpoint.
    unsigned first = knot * kCodesPerInterval;
    double middle = ref.unrounded[first + kCodesPerInterval / 2];
    if (middle > ref.outputMin && middle < ref.outputMax)
      bend = std::max(bend, std::abs((from + to) / 2 - middle));
  }
  reachLow = std::min(reachLow, targets[kNumIntervals] - zeroPoint) - bend - 1;
  reachHigh =
      std::max(reachHigh, targets[kNumIntervals] - zeroPoint) + bend + 1;

  auto fitting = [&](double lo, double hi) {
    double resolution = 8.0;
    if (hi > 0)
      resolution = std::min(resolution, 32767.0 / hi);
    if (lo < 0)
      resolution = std::min(resolution, 32768.0 / -lo);
    // Rounding may move neighbours one step further apart than the codes.
    return std::min(resolution, 32766.0 / (steepest + 2));
  };
  auto powerOfTwoBelow = [](double resolution) {
    return resolution >= 1.0 ? std::exp2(std::floor(std::log2(resolution)))
                             : resolution;
  };
  llvm::SmallVector<double, 2> resolutions{powerOfTwoBelow(fitting(low, high))};
  double roomy = fitting(reachLow, reachHigh);
  if (roomy < resolutions.front())
    resolutions.push_back(roomy >= 1.0 ? powerOfTwoBelow(roomy) : roomy);
  return resolutions;
}

llvm::Expected<Int16Table> lutfold::fitInt16Table(const Int16Reference &ref) {
  // RESCALE adds a zero point only for 8-bit outputs; a signed 16-bit output
  // requires 0, so the entries then carry the output zero point themselves.
  int64_t zeroPoint = ref.outputStorage.bitWidth == 8 ? ref.outputZeroPoint : 0;

  // Kept by the thread across fits: the pass fits many tables in a row.
  static thread_local FitWorkspace workspace;
  std::optional<Int16Table> best;
  TableFit::Cost bestCost{TableFit::kInfinity, TableFit::kInfinity};
  std::array<double, kInt16TableEntries> targets = initialTargets(ref);
  for (double resolution : candidateResolutions(ref, targets, zeroPoint)) {
    // The coarser resolution only makes room; a table that did not reach the
    // limits of its entries had room enough.
    if (best && llvm::none_of(best->entries, [](int16_t entry) {
          return entry == INT16_MIN || entry == INT16_MAX;
        }))
      break;
    // Halving the resolution makes room should a table not fit.
    for (unsigned attempt = 0; attempt < 4; ++attempt, resolution /= 2) {
      std::optional<TosaRescale> rescale = TosaRescale::forScale(
          1.0 / (kCodesPerInterval * resolution),
          static_cast<int32_t>(zeroPoint), ref.outputStorage);
      if (!rescale)
        continue;
      TableFit fit(ref, *rescale, workspace);
      std::array<int64_t, kInt16TableEntries> entries =
          initialEntries(targets, resolution, zeroPoint);
      // Half an output code either way; resolutions are at most 8.
      int64_t window = std::clamp<int64_t>(std::llround(resolution / 2), 2, 4);
      if (!fit.improve(entries, window))
        continue;
      TableFit::Cost cost{0, 0};
      for (unsigned interval = 0; interval < kNumIntervals; ++interval) {
        TableFit::Cost c = fit.intervalCost(interval, entries[interval],
                                            entries[interval + 1]);
        cost.max = std::max(cost.max, c.max);
        cost.sum += c.sum;
      }
      if (!best ||
          std::tie(cost.max, cost.sum) < std::tie(bestCost.max, bestCost.sum)) {
        best.emplace();
        for (unsigned knot = 0; knot < kInt16TableEntries; ++knot)
          best->entries[knot] = static_cast<int16_t>(entries[knot]);
        best->rescale = *rescale;
        best->nanInputCodes = ref.nanInputCodes;
        bestCost = cost;
      }
      break;
    }
  }
  if (!best)
    // Not expected: at half an output code per step, every table of the
    // reference fits.
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "no int16 table fits the reference");
  best->fitError = measureInt16TableError(*best, ref);
  // The fit aims NaN codes at their reference too; the error leaves them out.
  assert((ref.nanInputCodes.empty()
              ? best->fitError->maxError == bestCost.max
              : best->fitError->maxError <= bestCost.max) &&
         "the fit's arithmetic differs from TABLE + RESCALE");
  return std::move(*best);
}
