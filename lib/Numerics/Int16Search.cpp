//===- Int16Search.cpp - Search for the entries of an int16 table ---------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//===----------------------------------------------------------------------===//
//
// The search is a dynamic program over the chain of knots: the outputs of
// the 128 codes of interval i depend only on entries i and i + 1, so the
// best entries within a window of candidates around the current ones are
// found exactly, first for the maximum error (a bottleneck path) and then,
// among the tables that reach it, for the sum of errors. The windows move to
// the result and the search repeats until nothing changes; each round is at
// least as good as the last, since the current table is always a candidate.
//
// It is LutFold 0.1's (kept in bench/baselines as the reference) at a
// fraction of its cost: the interval errors come from a vectorized kernel
// (Int16IntervalErrors.h), each round recomputes only what the entries that
// moved can change, and the scratch arrays stay with the thread.
//
//===----------------------------------------------------------------------===//

#include "Int16Search.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/ErrorHandling.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <limits>
#include <optional>

using namespace lutfold;

#if defined(__has_builtin)
#if __has_builtin(__builtin_unpredictable)
#define LUTFOLD_UNPREDICTABLE(condition) __builtin_unpredictable(condition)
#endif
#endif
#ifndef LUTFOLD_UNPREDICTABLE
#define LUTFOLD_UNPREDICTABLE(condition) (condition)
#endif

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

/// An infinite maximum error (TableFit::kInfinity) in 32 bits.
static constexpr int32_t kInfiniteMax = std::numeric_limits<int32_t>::max();
/// Larger than any sum of errors, and three times it fits in 64 bits.
static constexpr int64_t kUnreachable = int64_t(1) << 60;

namespace {
using Entries = std::array<int64_t, kInt16TableEntries>;
using MovedKnots = std::array<bool, kInt16TableEntries>;

/// The intervals whose costs a round recomputed.
struct ChangedIntervals {
  unsigned first;
  unsigned last;
};

/// The workspace laid out for windows of `Window` candidates either side of
/// each entry, and the steps of a round of the search over it.
template <int64_t Window> class WindowSearch {
public:
  WindowSearch(const TableFit &fit, FitWorkspace &workspace);

  /// The window around each entry that moved.
  void chooseCandidates(const Entries &entries, const MovedKnots &moved);
  /// The costs of the intervals next to an entry that moved.
  ChangedIntervals recomputeCosts(const MovedKnots &moved);
  /// The bottleneck dynamic program: the smallest maximum error of a table
  /// of candidates; kInfiniteMax if none satisfies the limits.
  int64_t smallestMaxError(ChangedIntervals changed, bool firstRound);
  /// The dynamic program for the smallest sum of errors among the tables
  /// that reach `maxError`.
  void smallestSums(int64_t maxError, int64_t previousMaxError,
                    ChangedIntervals changed, bool firstRound);
  /// Sets `entries` to the candidates of the smallest sum and `moved` to
  /// which of them changed. Returns whether any did.
  bool traceBack(Entries &entries, MovedKnots &moved) const;

private:
  static constexpr int64_t window = Window;
  static constexpr int64_t width = 2 * window + 1;
  static constexpr size_t pairs = width * width;

  int32_t candidate(unsigned knot, int64_t j) const {
    return candidates[knot * width + j];
  }

  const TableFit &fit;
  int32_t *candidates;
  /// Each interval's costs for every pair of candidates (a, b) at index
  /// (interval * width + a) * width + b, maxima and sums apart so that the
  /// loops over b vectorize; both fit in 32 bits (128 codes of 16 bits).
  int32_t *costMax;
  int32_t *costSum;
  int32_t *largestFiniteMax;
  int32_t *bottleneck;
  int64_t *total;
  int32_t *from;
  /// Candidate indices by distance from the current entry (the middle of the
  /// window), lower first among equals: the sum's ties keep the nearest, so
  /// a round that finds nothing better changes nothing.
  llvm::SmallVector<int32_t> nearestFirst{static_cast<int32_t>(window)};
};
} // namespace

template <int64_t Window>
WindowSearch<Window>::WindowSearch(const TableFit &fit, FitWorkspace &workspace)
    : fit(fit) {
  // Every element is written before it is read.
  auto sized = [](auto &vector, size_t size) {
    vector.resize(std::max(vector.size(), size));
    return vector.data();
  };
  candidates = sized(workspace.candidates, kInt16TableEntries * width);
  costMax = sized(workspace.costMax, kNumIntervals * pairs);
  costSum = sized(workspace.costSum, kNumIntervals * pairs);
  largestFiniteMax = sized(workspace.largestFiniteMax, kNumIntervals);
  bottleneck = sized(workspace.bottleneck, kInt16TableEntries * width);
  total = sized(workspace.total, kInt16TableEntries * width);
  from = sized(workspace.from, kInt16TableEntries * width);
  for (int64_t distance = 1; distance <= window; ++distance) {
    nearestFirst.push_back(static_cast<int32_t>(window - distance));
    nearestFirst.push_back(static_cast<int32_t>(window + distance));
  }
}

template <int64_t Window>
void WindowSearch<Window>::chooseCandidates(const Entries &entries,
                                            const MovedKnots &moved) {
  // Inside the 16-bit range. Where the window overhangs, repeated candidates
  // are harmless.
  for (unsigned knot = 0; knot < kInt16TableEntries; ++knot)
    if (moved[knot])
      for (int64_t j = 0; j < width; ++j)
        candidates[knot * width + j] = static_cast<int32_t>(std::clamp<int64_t>(
            entries[knot] + j - window, INT16_MIN, INT16_MAX));
}

template <int64_t Window>
ChangedIntervals WindowSearch<Window>::recomputeCosts(const MovedKnots &moved) {
  ChangedIntervals changed{kNumIntervals, 0};
  for (unsigned interval = 0; interval < kNumIntervals; ++interval) {
    if (!moved[interval] && !moved[interval + 1])
      continue;
    changed.first = std::min(changed.first, interval);
    changed.last = interval;
    int32_t largest = 0;
    llvm::ArrayRef<int32_t> nexts(&candidates[(interval + 1) * width], width);
    for (int64_t a = 0; a < width; ++a) {
      std::array<TableFit::Cost, width> row;
      fit.rowCosts(interval, candidate(interval, a), nexts, row);
      for (int64_t b = 0; b < width; ++b) {
        size_t index = interval * pairs + a * width + b;
        bool finite = row[b].max != TableFit::kInfinity;
        costMax[index] =
            finite ? static_cast<int32_t>(row[b].max) : kInfiniteMax;
        costSum[index] = finite ? static_cast<int32_t>(row[b].sum) : 0;
        if (finite)
          largest = std::max(largest, costMax[index]);
      }
    }
    largestFiniteMax[interval] = largest;
  }
  return changed;
}

template <int64_t Window>
int64_t WindowSearch<Window>::smallestMaxError(ChangedIntervals changed,
                                               bool firstRound) {
  // Past the last interval whose costs changed, a row equal to the last
  // round's makes the rest equal.
  std::fill_n(bottleneck, width, 0);
  for (unsigned interval = changed.first; interval < kNumIntervals;
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
    if (same && !firstRound && interval >= changed.last)
      break;
  }
  return *std::min_element(bottleneck + kNumIntervals * width,
                           bottleneck + (kNumIntervals + 1) * width);
}

template <int64_t Window>
void WindowSearch<Window>::smallestSums(int64_t maxError,
                                        int64_t previousMaxError,
                                        ChangedIntervals changed,
                                        bool firstRound) {
  // A smaller maximum error only disqualifies intervals whose costs reach
  // above it.
  unsigned sumStart = changed.first, lastRequalified = 0;
  if (maxError != previousMaxError)
    for (unsigned interval = 0; interval < kNumIntervals; ++interval)
      if (largestFiniteMax[interval] > maxError) {
        sumStart = std::min(sumStart, interval);
        lastRequalified = interval;
      }
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
    std::copy(bestFrom.begin(), bestFrom.end(), &from[(interval + 1) * width]);
    if (shifted && !firstRound && interval >= changed.last &&
        interval >= lastRequalified)
      break;
  }
}

template <int64_t Window>
bool WindowSearch<Window>::traceBack(Entries &entries,
                                     MovedKnots &moved) const {
  int32_t last = nearestFirst.front();
  for (int32_t b : nearestFirst)
    if (total[kNumIntervals * width + b] < total[kNumIntervals * width + last])
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
  return anyMoved;
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
  WindowSearch<Window> search(*this, workspace);
  // The costs of an interval depend only on its two windows: after the
  // first round, only intervals next to an entry that moved are recomputed,
  // and the dynamic programs resume at the first of them (with the same
  // maximum error, for the sum), since what comes before did not change.
  MovedKnots moved;
  moved.fill(true);
  int64_t previousMaxError = -1;
  for (unsigned round = 0; round < 64; ++round) {
    search.chooseCandidates(entries, moved);
    ChangedIntervals changed = search.recomputeCosts(moved);
    int64_t maxError = search.smallestMaxError(changed, round == 0);
    if (maxError == kInfiniteMax)
      return false;
    search.smallestSums(maxError, previousMaxError, changed, round == 0);
    previousMaxError = maxError;
    if (!search.traceBack(entries, moved))
      return true;
  }
  return true;
}
