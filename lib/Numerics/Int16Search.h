//===- Int16Search.h - Search for the entries of an int16 table -*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The int16 fit's search (Int16Search.cpp) for the entries of a table of one
// resolution and RESCALE, which the fit's driver (Int16Fit.cpp) starts and
// compares. Private to the numerics library.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_LIB_NUMERICS_INT16SEARCH_H
#define LUTFOLD_LIB_NUMERICS_INT16SEARCH_H

#include "lutfold/Numerics/Int16IntervalErrors.h"
#include "lutfold/Numerics/Int16Table.h"

#include "llvm/ADT/ArrayRef.h"

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace lutfold {

/// The intervals between the knots of an int16 table, and the input codes
/// of each.
inline constexpr unsigned kNumIntervals = kInt16TableEntries - 1;
inline constexpr unsigned kCodesPerInterval = 128;

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

} // namespace lutfold

#endif // LUTFOLD_LIB_NUMERICS_INT16SEARCH_H
