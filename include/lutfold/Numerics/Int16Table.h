//===- Int16Table.h - Interpolated int16 tables -----------------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// An int16 activation becomes TOSA TABLE (513 entries, interpolated in 16.7
// fixed point) followed by RESCALE to the output type. Unlike the int8
// table, the entries are not the function's values: they are chosen so that
// the whole TABLE + RESCALE path is as close as possible to the reference
// output code over every input code, not only at the 513 knots.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_INT16TABLE_H
#define LUTFOLD_NUMERICS_INT16TABLE_H

#include "lutfold/Numerics/LookupTable.h"
#include "lutfold/Numerics/ScalarProgram.h"
#include "lutfold/Numerics/TosaIntegerOps.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace lutfold {

/// How far a table's outputs are from the reference output codes, over the
/// input codes that count (those the input type holds) whose float result is
/// not NaN: NaN has no reference code, so those codes are counted apart. The
/// one definition of a table's error in LutFold (docs/Int16.md).
struct Int16TableError {
  int64_t maxError = 0;
  double meanError = 0.0;
  /// Codes whose output differs from the reference.
  uint64_t numWrong = 0;
  /// Codes measured.
  uint64_t numCodes = 0;
  /// Codes whose float result is NaN, not measured.
  uint64_t numNaNCodes = 0;
};

/// TABLE + RESCALE for an i16 input.
struct Int16Table {
  static constexpr int64_t kFirstCode = -32768;
  static constexpr unsigned kNumCodes = 65536;

  std::array<int16_t, kInt16TableEntries> entries{};
  TosaRescale rescale;
  /// Input codes (ascending) whose reference output is NaN's code.
  llvm::SmallVector<int64_t, 0> nanInputCodes;
  /// A fitted table's error against the reference it was fitted to.
  std::optional<Int16TableError> fitError;

  /// The output code for `inputCode` in [-32768, 32767].
  int64_t evaluate(int64_t inputCode) const {
    return rescale.apply(
        lookupInt16Table(entries, static_cast<int16_t>(inputCode)));
  }
};

/// What a table's outputs should be: the reference output code of each of
/// the 65,536 input codes, and the range of input codes that counts.
struct Int16Reference {
  /// Output code per input code, indexed by `code - Int16Table::kFirstCode`.
  std::vector<int32_t> codes;
  /// The unrounded output (y / scale + zero point, clamped to [qmin, qmax])
  /// per input code; the reference code where it is not finite. Only a
  /// starting point for the fit.
  std::vector<double> unrounded;
  /// Input codes outside [inputMin, inputMax] cannot occur (the input type
  /// excludes them) and do not count.
  int64_t inputMin = -32768;
  int64_t inputMax = 32767;
  /// The output type: its storage and the codes a result may take.
  StorageType outputStorage = StorageType::i16();
  int64_t outputMin = -32768;
  int64_t outputMax = 32767;
  /// Output zero point, the code of NaN results.
  int64_t outputZeroPoint = 0;
  llvm::SmallVector<int64_t, 0> nanInputCodes;

  /// A reference from `in` to `out` without outputs yet: the input codes
  /// that count, the output's storage, codes and zero point.
  static Int16Reference between(const QuantParams &in, const QuantParams &out);
};

/// The preset's reference for `fn` from an i16 input type to an i16 or i8
/// output type: each code is clamped to the input's [qmin, qmax],
/// dequantized, mapped by `fn` and quantized (NaN gives the output zero
/// point).
llvm::Expected<Int16Reference>
buildInt16Reference(const QuantParams &in, const QuantParams &out,
                    ScalarFunction fn,
                    NumericsPreset preset = kDefaultNumericsPreset);

Int16TableError measureInt16TableError(const Int16Table &table,
                                       const Int16Reference &reference);

/// Chooses the table entries and the RESCALE that minimise, over every input
/// code that counts, first the maximum and then the mean absolute difference
/// between TABLE + RESCALE and the reference. Entries carry extra fractional
/// bits (a table unit of 1/2^k output codes, undone by the RESCALE) when the
/// output range leaves headroom, and fewer when the function is too steep for
/// the difference of neighbouring entries to fit in 16 bits. Every entry's
/// own output lies in the reference's [outputMin, outputMax], so no clamp is
/// needed after the RESCALE even for narrow output ranges. The table's
/// fitError is measured against `reference`.
llvm::Expected<Int16Table> fitInt16Table(const Int16Reference &reference);

/// The reference of a table given by a program on the codes directly (an
/// island written in plain TOSA): the output code `program` gives for each
/// of the 65,536 i16 input codes, every one of which counts; its result is
/// an i16 or i8 code, and the table's outputs stay within the codes it
/// gives. Codes whose evaluation met a NaN are listed in
/// `nanInputCodes`. Fails when the program's input is not I16 or its result
/// neither I16 nor I8.
llvm::Expected<Int16Reference>
buildInt16CodeReference(const ScalarProgram &program);

/// buildInt16Reference followed by fitInt16Table.
llvm::Expected<Int16Table>
buildInt16Table(const QuantParams &in, const QuantParams &out,
                ScalarFunction fn,
                NumericsPreset preset = kDefaultNumericsPreset);

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_INT16TABLE_H
