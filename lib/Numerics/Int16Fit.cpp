//===- Int16Fit.cpp - Fitting interpolated int16 tables -------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The fit is a dynamic program over the chain of knots: the outputs of the
// 128 codes of interval i depend only on entries i and i + 1, so the best
// entries within a window of candidates around the current ones are found
// exactly, first for the maximum error (a bottleneck path) and then, among
// the tables that reach it, for the sum of errors. The windows move to the
// result and the search repeats until nothing changes; each round is at
// least as good as the last, since the current table is always a candidate.
//
// The search is LutFold 0.1's (kept in bench/baselines as the reference) at
// a fraction of its cost: the interval errors come from a vectorized kernel
// (Int16IntervalErrors.h), each round recomputes only what the entries that
// moved can change, and the scratch arrays stay with the thread. It starts
// nearer the answer: past a saturated output the knots continue the
// function, which the local search alone could not reach (0.1 stayed up to
// 150 codes off there).
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/Int16IntervalErrors.h"
#include "lutfold/Numerics/Int16Table.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/ErrorHandling.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <limits>
#include <optional>
#include <tuple>
#include <vector>

using namespace lutfold;

#if defined(__has_builtin)
#if __has_builtin(__builtin_unpredictable)
#define LUTFOLD_UNPREDICTABLE(condition) __builtin_unpredictable(condition)
#endif
#endif
#ifndef LUTFOLD_UNPREDICTABLE
#define LUTFOLD_UNPREDICTABLE(condition) (condition)
#endif

static constexpr unsigned kNumIntervals = kInt16TableEntries - 1;
static constexpr unsigned kCodesPerInterval = 128;

namespace {
/// The search's arrays, reused by every resolution and every fit of a
/// thread: allocated per fit, arrays this large come fresh from the system
/// each time, and their page faults cost as much as the search itself.
struct FitWorkspace {
  std::vector<int32_t> candidates;
  /// Each interval's costs for every pair of candidates, maxima and sums.
  std::vector<int32_t> costMax;
  std::vector<int32_t> costSum;
  std::vector<int32_t> largestFiniteMax;
  std::vector<int32_t> bottleneck;
  std::vector<int64_t> total;
  std::vector<int32_t> from;
};

/// The search for the entries of one table resolution and RESCALE.
class TableFit {
public:
  TableFit(const Int16Reference &ref, const TosaRescale &rescale,
           FitWorkspace &workspace)
      : ref(ref), kernel(rescale), workspace(workspace) {}

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
  /// intervalCost from `base` to each of `nexts`, into `costs`.
  void rowCosts(unsigned interval, int32_t base, llvm::ArrayRef<int32_t> nexts,
                llvm::MutableArrayRef<Cost> costs) const;

private:
  template <int64_t Window>
  bool improveIn(std::array<int64_t, kInt16TableEntries> &entries);

  const Int16Reference &ref;
  Int16IntervalErrors kernel;
  FitWorkspace &workspace;
};
} // namespace

TableFit::Cost TableFit::intervalCost(unsigned interval, int64_t base,
                                      int64_t next) const {
  auto single = static_cast<int32_t>(next);
  Cost cost;
  rowCosts(interval, static_cast<int32_t>(base), single, cost);
  return cost;
}

void TableFit::rowCosts(unsigned interval, int32_t base,
                        llvm::ArrayRef<int32_t> nexts,
                        llvm::MutableArrayRef<Cost> costs) const {
  int64_t firstCode =
      Int16Table::kFirstCode + int64_t(interval) * kCodesPerInterval;
  auto begin =
      static_cast<int32_t>(std::max<int64_t>(0, ref.inputMin - firstCode));
  auto end = static_cast<int32_t>(
      std::min<int64_t>(kCodesPerInterval - 1, ref.inputMax - firstCode));
  auto tooSteep = [&](int32_t next) {
    int64_t slope = int64_t(next) - base;
    return slope < INT16_MIN || slope > INT16_MAX;
  };
  // Codes the input type excludes do not count (an interval may have none).
  if (begin > end) {
    for (size_t i = 0; i < nexts.size(); ++i)
      costs[i] = tooSteep(nexts[i]) ? Cost{kInfinity, kInfinity} : Cost{0, 0};
    return;
  }
  std::array<std::optional<IntervalErrors>, 9> errors;
  assert(nexts.size() <= errors.size() && "windows are at most 9 wide");
  kernel.computeRow(base, nexts,
                    ref.codes.data() + (firstCode - Int16Table::kFirstCode),
                    begin, end + 1, static_cast<int32_t>(ref.outputMin),
                    static_cast<int32_t>(ref.outputMax),
                    llvm::MutableArrayRef(errors.data(), nexts.size()));
  for (size_t i = 0; i < nexts.size(); ++i) {
    if (!errors[i] || tooSteep(nexts[i]))
      costs[i] = {kInfinity, kInfinity};
    else
      costs[i] = {errors[i]->max, errors[i]->sum};
  }
}

bool TableFit::improve(std::array<int64_t, kInt16TableEntries> &entries,
                       int64_t window) {
  // Resolutions up to 8 entry steps per output code give windows of 2 to 4;
  // a window known at compile time lets the loops over candidates unroll.
  switch (window) {
  case 2:
    return improveIn<2>(entries);
  case 3:
    return improveIn<3>(entries);
  case 4:
    return improveIn<4>(entries);
  }
  llvm_unreachable("the window is 2, 3 or 4");
}

template <int64_t Window>
bool TableFit::improveIn(std::array<int64_t, kInt16TableEntries> &entries) {
  constexpr int64_t window = Window;
  constexpr int64_t width = 2 * window + 1;
  constexpr size_t pairs = width * width;
  // Every element is written before it is read.
  auto sized = [](auto &vector, size_t size) {
    vector.resize(std::max(vector.size(), size));
    return vector.data();
  };
  int32_t *candidates = sized(workspace.candidates, kInt16TableEntries * width);
  // Each interval's costs for every pair of candidates (a, b) at index
  // (interval * width + a) * width + b, maxima and sums apart so that the
  // loops over b vectorize; both fit in 32 bits (128 codes of 16 bits).
  constexpr int32_t kInfiniteMax = std::numeric_limits<int32_t>::max();
  int32_t *costMax = sized(workspace.costMax, kNumIntervals * pairs);
  int32_t *costSum = sized(workspace.costSum, kNumIntervals * pairs);
  int32_t *largestFiniteMax = sized(workspace.largestFiniteMax, kNumIntervals);
  int32_t *bottleneck = sized(workspace.bottleneck, kInt16TableEntries * width);
  int64_t *total = sized(workspace.total, kInt16TableEntries * width);
  int32_t *from = sized(workspace.from, kInt16TableEntries * width);
  // Candidate indices by distance from the current entry (the middle of the
  // window), lower first among equals: the sum's ties keep the nearest, so
  // a round that finds nothing better changes nothing.
  llvm::SmallVector<int32_t> nearestFirst{static_cast<int32_t>(window)};
  for (int64_t distance = 1; distance <= window; ++distance) {
    nearestFirst.push_back(static_cast<int32_t>(window - distance));
    nearestFirst.push_back(static_cast<int32_t>(window + distance));
  }
  // Larger than any sum of errors, and three times it fits in 64 bits.
  constexpr int64_t kUnreachable = int64_t(1) << 60;

  // The costs of an interval depend only on its two windows: after the
  // first round, only intervals next to an entry that moved are recomputed,
  // and the dynamic programs resume at the first of them (with the same
  // maximum error, for the sum), since what comes before did not change.
  std::array<bool, kInt16TableEntries> moved;
  moved.fill(true);
  int64_t previousMaxError = -1;
  for (unsigned round = 0; round < 64; ++round) {
    // Candidates: the window around each entry, inside the 16-bit range.
    // Where the window overhangs, repeated candidates are harmless.
    for (unsigned knot = 0; knot < kInt16TableEntries; ++knot)
      if (moved[knot])
        for (int64_t j = 0; j < width; ++j)
          candidates[knot * width + j] =
              static_cast<int32_t>(std::clamp<int64_t>(
                  entries[knot] + j - window, INT16_MIN, INT16_MAX));
    auto candidate = [&](unsigned knot, int64_t j) {
      return candidates[knot * width + j];
    };

    unsigned firstChanged = kNumIntervals, lastChanged = 0;
    for (unsigned interval = 0; interval < kNumIntervals; ++interval) {
      if (!moved[interval] && !moved[interval + 1])
        continue;
      firstChanged = std::min(firstChanged, interval);
      lastChanged = interval;
      int32_t largest = 0;
      llvm::ArrayRef<int32_t> nexts(&candidates[(interval + 1) * width], width);
      for (int64_t a = 0; a < width; ++a) {
        std::array<Cost, width> row;
        rowCosts(interval, candidate(interval, a), nexts, row);
        for (int64_t b = 0; b < width; ++b) {
          size_t index = interval * pairs + a * width + b;
          bool finite = row[b].max != kInfinity;
          costMax[index] =
              finite ? static_cast<int32_t>(row[b].max) : kInfiniteMax;
          costSum[index] = finite ? static_cast<int32_t>(row[b].sum) : 0;
          if (finite)
            largest = std::max(largest, costMax[index]);
        }
      }
      largestFiniteMax[interval] = largest;
    }

    // The smallest achievable maximum error. Past the last interval whose
    // costs changed, a row equal to the last round's makes the rest equal.
    std::fill_n(bottleneck, width, 0);
    for (unsigned interval = firstChanged; interval < kNumIntervals;
         ++interval) {
      std::array<int32_t, width> next;
      next.fill(kInfiniteMax);
      for (int64_t a = 0; a < width; ++a) {
        int32_t before = bottleneck[interval * width + a];
        const int32_t *maxima = &costMax[interval * pairs + a * width];
        for (int64_t b = 0; b < width; ++b)
          next[b] = std::min(next[b], std::max(before, maxima[b]));
      }
      int32_t *stored = &bottleneck[(interval + 1) * width];
      bool same = std::equal(next.begin(), next.end(), stored);
      std::copy(next.begin(), next.end(), stored);
      if (same && round != 0 && interval >= lastChanged)
        break;
    }
    int64_t maxError =
        *std::min_element(bottleneck + kNumIntervals * width,
                          bottleneck + (kNumIntervals + 1) * width);
    if (maxError == kInfiniteMax)
      return false;

    // The smallest sum of errors among the tables that reach it. A smaller
    // maximum error only disqualifies intervals whose costs reach above it.
    unsigned sumStart = firstChanged, lastRequalified = 0;
    if (maxError != previousMaxError)
      for (unsigned interval = 0; interval < kNumIntervals; ++interval)
        if (largestFiniteMax[interval] > maxError) {
          sumStart = std::min(sumStart, interval);
          lastRequalified = interval;
        }
    previousMaxError = maxError;
    // Decisions depend on differences of totals only: past the last interval
    // whose costs or qualification changed, a row that is the last round's
    // shifted by a constant makes the same choices to the end, and the rows
    // kept from the last round (off by that constant) serve as well.
    std::fill_n(total, width, 0);
    for (unsigned interval = sumStart; interval < kNumIntervals; ++interval) {
      std::array<int64_t, width> best;
      std::array<int32_t, width> bestFrom;
      best.fill(kUnreachable);
      bestFrom.fill(-1);
      for (int32_t a : nearestFirst) {
        int64_t before = total[interval * width + a];
        const int32_t *maxima = &costMax[interval * pairs + a * width];
        const int32_t *sums = &costSum[interval * pairs + a * width];
        for (int64_t b = 0; b < width; ++b) {
          // Which intervals qualify is data: a branch on it mispredicts.
          int64_t through =
              before + sums[b] +
              (LUTFOLD_UNPREDICTABLE(maxima[b] > maxError) ? kUnreachable : 0);
          bool better = through < best[b];
          best[b] = better ? through : best[b];
          bestFrom[b] = better ? a : bestFrom[b];
        }
      }
      int64_t *stored = &total[(interval + 1) * width];
      bool shifted = true;
      std::optional<int64_t> shift;
      for (int64_t b = 0; b < width; ++b) {
        best[b] = std::min(best[b], kUnreachable);
        if ((best[b] == kUnreachable) != (stored[b] == kUnreachable))
          shifted = false;
        else if (best[b] != kUnreachable &&
                 shift.value_or(best[b] - stored[b]) != best[b] - stored[b])
          shifted = false;
        else if (best[b] != kUnreachable)
          shift = best[b] - stored[b];
      }
      std::copy(best.begin(), best.end(), stored);
      std::copy(bestFrom.begin(), bestFrom.end(),
                &from[(interval + 1) * width]);
      if (shifted && round != 0 && interval >= lastChanged &&
          interval >= lastRequalified)
        break;
    }
    int32_t last = nearestFirst.front();
    for (int32_t b : nearestFirst)
      if (total[kNumIntervals * width + b] <
          total[kNumIntervals * width + last])
        last = b;

    bool anyMoved = false;
    int32_t j = last;
    for (unsigned knot = kNumIntervals + 1; knot-- > 0;) {
      int64_t chosen = candidate(knot, j);
      moved[knot] = chosen != entries[knot];
      anyMoved |= moved[knot];
      entries[knot] = chosen;
      if (knot != 0)
        j = from[knot * width + j];
    }
    if (!anyMoved)
      return true;
  }
  return true;
}

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
