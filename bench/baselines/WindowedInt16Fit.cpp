//===- WindowedInt16Fit.cpp - LutFold 0.1's int16 fit ---------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The int16 fit as LutFold 0.1 shipped it, kept unchanged as the reference
// the current fit is measured against (accuracy must never be worse, on
// the error report's cases and on random sweeps). A dynamic program over the
// chain of knots inside a window of candidates around the current entries,
// repeated until nothing changes; every interval cost is computed code by
// code through TosaRescale::apply.
//
//===----------------------------------------------------------------------===//

#include "Int16Baselines.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <tuple>

using namespace lutfold;
using namespace lutfold::baselines;

static constexpr unsigned kNumIntervals = kInt16TableEntries - 1;
static constexpr unsigned kCodesPerInterval = 128;

namespace {
/// The search for the entries of one table resolution and RESCALE.
class TableFit {
public:
  TableFit(const Int16Reference &ref, const TosaRescale &rescale)
      : ref(ref), rescale(rescale) {}

  /// Improves `entries` until a round of the search changes nothing.
  /// Returns false when no table in the windows satisfies the limits.
  bool improve(std::array<int64_t, kInt16TableEntries> &entries,
               int64_t window);

  struct Cost {
    int64_t max;
    int64_t sum;
  };
  static constexpr int64_t kInfinity = std::numeric_limits<int64_t>::max();

  /// The errors of the codes of `interval` between entries `base` and
  /// `next`; infinite if an output leaves [outputMin, outputMax] (which the
  /// RESCALE's clamp to the storage type would not catch for narrow ranges)
  /// or if the entries are too far apart for TOSA.
  Cost intervalCost(unsigned interval, int64_t base, int64_t next) const;

private:
  const Int16Reference &ref;
  TosaRescale rescale;
};
} // namespace

TableFit::Cost TableFit::intervalCost(unsigned interval, int64_t base,
                                      int64_t next) const {
  int64_t slope = next - base;
  if (slope < INT16_MIN || slope > INT16_MAX)
    return {kInfinity, kInfinity};
  Cost cost{0, 0};
  int64_t firstCode =
      Int16Table::kFirstCode + int64_t(interval) * kCodesPerInterval;
  int64_t begin = std::max<int64_t>(firstCode, ref.inputMin);
  int64_t end =
      std::min<int64_t>(firstCode + kCodesPerInterval - 1, ref.inputMax);
  for (int64_t code = begin; code <= end; ++code) {
    int64_t fraction = code - firstCode;
    auto value =
        static_cast<int32_t>(base * kCodesPerInterval + slope * fraction);
    int64_t output = rescale.apply(value);
    if (output < ref.outputMin || output > ref.outputMax)
      return {kInfinity, kInfinity};
    int64_t difference =
        std::abs(output - ref.codes[code - Int16Table::kFirstCode]);
    cost.max = std::max(cost.max, difference);
    cost.sum += difference;
  }
  return cost;
}

bool TableFit::improve(std::array<int64_t, kInt16TableEntries> &entries,
                       int64_t window) {
  const int64_t width = 2 * window + 1;
  std::vector<int64_t> candidates(kInt16TableEntries * width);
  std::vector<Cost> costs(kNumIntervals * width * width);
  std::vector<int64_t> bottleneck(kInt16TableEntries * width);
  std::vector<int64_t> total(kInt16TableEntries * width);
  std::vector<int32_t> from(kInt16TableEntries * width);

  // The costs of an interval depend only on its two windows: after the
  // first round, only intervals next to an entry that moved are recomputed.
  std::array<int64_t, kInt16TableEntries> previous;
  for (unsigned round = 0; round < 64; ++round) {
    // Candidates: the window around each entry, inside the 16-bit range.
    // Where the window overhangs, repeated candidates are harmless.
    for (unsigned knot = 0; knot < kInt16TableEntries; ++knot)
      for (int64_t j = 0; j < width; ++j)
        candidates[knot * width + j] = std::clamp<int64_t>(
            entries[knot] + j - window, INT16_MIN, INT16_MAX);

    auto candidate = [&](unsigned knot, int64_t j) {
      return candidates[knot * width + j];
    };
    for (unsigned interval = 0; interval < kNumIntervals; ++interval) {
      if (round != 0 && entries[interval] == previous[interval] &&
          entries[interval + 1] == previous[interval + 1])
        continue;
      for (int64_t a = 0; a < width; ++a)
        for (int64_t b = 0; b < width; ++b)
          costs[(interval * width + a) * width + b] = intervalCost(
              interval, candidate(interval, a), candidate(interval + 1, b));
    }
    previous = entries;
    auto cost = [&](unsigned interval, int64_t a, int64_t b) {
      return costs[(interval * width + a) * width + b];
    };

    // The smallest achievable maximum error.
    std::fill_n(bottleneck.begin(), width, 0);
    for (unsigned interval = 0; interval < kNumIntervals; ++interval)
      for (int64_t b = 0; b < width; ++b) {
        int64_t best = kInfinity;
        for (int64_t a = 0; a < width; ++a)
          best = std::min(best, std::max(bottleneck[interval * width + a],
                                         cost(interval, a, b).max));
        bottleneck[(interval + 1) * width + b] = best;
      }
    int64_t maxError = *std::min_element(
        bottleneck.begin() + kNumIntervals * width, bottleneck.end());
    if (maxError == kInfinity)
      return false;

    // The smallest sum of errors among the tables that reach it.
    std::fill_n(total.begin(), width, 0);
    for (unsigned interval = 0; interval < kNumIntervals; ++interval)
      for (int64_t b = 0; b < width; ++b) {
        int64_t best = kInfinity;
        int32_t bestFrom = -1;
        for (int64_t a = 0; a < width; ++a) {
          Cost c = cost(interval, a, b);
          int64_t sofar = total[interval * width + a];
          if (c.max > maxError || sofar == kInfinity)
            continue;
          // Ties keep the candidate nearest the current entry, so a round
          // that finds nothing better changes nothing.
          if (sofar + c.sum < best ||
              (sofar + c.sum == best &&
               std::abs(a - window) < std::abs(bestFrom - window))) {
            best = sofar + c.sum;
            bestFrom = static_cast<int32_t>(a);
          }
        }
        total[(interval + 1) * width + b] = best;
        from[(interval + 1) * width + b] = bestFrom;
      }
    int64_t last = 0;
    for (int64_t b = 0; b < width; ++b) {
      int64_t current = total[kNumIntervals * width + b];
      int64_t chosen = total[kNumIntervals * width + last];
      if (current < chosen ||
          (current == chosen && std::abs(b - window) < std::abs(last - window)))
        last = b;
    }

    std::array<int64_t, kInt16TableEntries> improved;
    int64_t j = last;
    for (unsigned knot = kNumIntervals + 1; knot-- > 0;) {
      improved[knot] = candidate(knot, j);
      if (knot != 0)
        j = from[knot * width + j];
    }
    if (improved == entries)
      return true;
    entries = improved;
  }
  return true;
}

/// The starting entries for `resolution` entry steps per output code: the
/// unrounded function at each knot; the last knot, one code past the end,
/// continues the last interval's line.
static std::array<int64_t, kInt16TableEntries>
initialEntries(const Int16Reference &ref, double resolution,
               int64_t zeroPoint) {
  auto entryFor = [&](double target) {
    return std::clamp<int64_t>(std::llround(resolution * (target - zeroPoint)),
                               INT16_MIN, INT16_MAX);
  };
  std::array<int64_t, kInt16TableEntries> entries;
  for (unsigned knot = 0; knot < kNumIntervals; ++knot)
    entries[knot] = entryFor(ref.unrounded[knot * kCodesPerInterval]);
  double last = ref.unrounded[Int16Table::kNumCodes - 1];
  double slope =
      (last - ref.unrounded[Int16Table::kNumCodes - kCodesPerInterval]) /
      (kCodesPerInterval - 1);
  entries[kNumIntervals] = entryFor(last + slope);
  return entries;
}

/// The resolutions (entry steps per output code) worth trying: the largest
/// power of two (at most 8, as fine as interpolation over 128 codes can use)
/// that keeps the reference's codes and the steps between knots in 16 bits;
/// and, when the best table must reach beyond the codes (past a saturated
/// end, or around a curve), a slightly coarser one that leaves room for it.
static llvm::SmallVector<double, 2>
candidateResolutions(const Int16Reference &ref, int64_t zeroPoint) {
  double low = 0.0, high = 0.0;
  for (int32_t code : ref.codes) {
    low = std::min<double>(low, code - zeroPoint);
    high = std::max<double>(high, code - zeroPoint);
  }
  // Reach: the extrapolated last knot, and how far the chord of an interval
  // strays from the function at its midpoint.
  double reachLow = low, reachHigh = high, steepest = 0.0, bend = 0.0;
  for (unsigned knot = 0; knot < kNumIntervals; ++knot) {
    unsigned first = knot * kCodesPerInterval;
    unsigned last = std::min<unsigned>(first + kCodesPerInterval,
                                       Int16Table::kNumCodes - 1);
    double from = ref.unrounded[first], to = ref.unrounded[last];
    double middle = ref.unrounded[first + kCodesPerInterval / 2];
    steepest = std::max(steepest, std::abs(to - from));
    bend = std::max(bend, std::abs((from + to) / 2 - middle));
  }
  double last = ref.unrounded[Int16Table::kNumCodes - 1];
  double extrapolated =
      last + (last - ref.unrounded[Int16Table::kNumCodes - kCodesPerInterval]) /
                 (kCodesPerInterval - 1);
  reachLow = std::min(reachLow, extrapolated - zeroPoint) - bend - 1;
  reachHigh = std::max(reachHigh, extrapolated - zeroPoint) + bend + 1;

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

llvm::Expected<Int16Table>
baselines::fitInt16TableWindowed(const Int16Reference &ref) {
  // RESCALE adds a zero point only for 8-bit outputs; a signed 16-bit output
  // requires 0, so the entries then carry the output zero point themselves.
  int64_t zeroPoint = ref.outputStorage.bitWidth == 8 ? ref.outputZeroPoint : 0;

  std::optional<Int16Table> best;
  TableFit::Cost bestCost{TableFit::kInfinity, TableFit::kInfinity};
  for (double resolution : candidateResolutions(ref, zeroPoint)) {
    // Halving the resolution makes room should a table not fit.
    for (unsigned attempt = 0; attempt < 4; ++attempt, resolution /= 2) {
      std::optional<TosaRescale> rescale = TosaRescale::forScale(
          1.0 / (kCodesPerInterval * resolution),
          static_cast<int32_t>(zeroPoint), ref.outputStorage);
      if (!rescale)
        continue;
      TableFit fit(ref, *rescale);
      std::array<int64_t, kInt16TableEntries> entries =
          initialEntries(ref, resolution, zeroPoint);
      int64_t window = std::max<int64_t>(2, std::llround(resolution / 2));
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
  return std::move(*best);
}
