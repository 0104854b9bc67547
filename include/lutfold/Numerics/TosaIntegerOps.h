//===- TosaIntegerOps.h - TOSA integer TABLE and RESCALE --------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Bit-exact models of the integer operators an int16 table fold emits, as
// the TOSA 1.0 specification defines them (and upstream MLIR lowers them):
// the interpolating i16 TABLE and a per-tensor, single-rounding RESCALE from
// i32 with a 32-bit multiplier.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_TOSAINTEGEROPS_H
#define LUTFOLD_NUMERICS_TOSAINTEGEROPS_H

#include "lutfold/Numerics/QuantParams.h"

#include "llvm/ADT/ArrayRef.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <optional>

namespace lutfold {

/// Number of entries of an i16 TABLE: 512 intervals of 128 codes, plus the
/// right end of the last one.
inline constexpr unsigned kInt16TableEntries = 513;

/// TOSA TABLE for an i16 input: `value` is a 9.7 fixed-point index into the
/// 513 entries of `table`; the result is the linear interpolation between the
/// two neighbouring entries in 16.7 fixed point:
///   index = (value + 32768) >> 7, fraction = value & 0x7f
///   (table[index] << 7) + (table[index + 1] - table[index]) * fraction
inline int32_t lookupInt16Table(llvm::ArrayRef<int16_t> table, int16_t value) {
  assert(table.size() == kInt16TableEntries && "an i16 table has 513 entries");
  int32_t biased = int32_t(value) + 32768;
  int32_t index = biased >> 7;
  int32_t fraction = biased & 0x7f;
  int32_t base = table[index];
  int32_t next = table[index + 1];
  return base * 128 + (next - base) * fraction;
}

/// TOSA's apply_scale_32 with single rounding:
///   (value * multiplier + (1 << (shift - 1))) >> shift
/// for a multiplier in [0, 2^31) and a shift in [2, 62]. The result must fit
/// in 32 bits, as the specification requires of every use.
inline int32_t applyScale32(int32_t value, int32_t multiplier, unsigned shift) {
  assert(multiplier >= 0 && shift >= 2 && shift <= 62 &&
         "multiplier or shift outside what TOSA allows");
  int64_t rounding = int64_t(1) << (shift - 1);
  // Right shift of a negative value is arithmetic (C++20 defines it, and
  // every compiler LutFold supports implements C++17 that way).
  int64_t result = (int64_t(value) * multiplier + rounding) >> shift;
  assert(result >= INT32_MIN && result <= INT32_MAX &&
         "apply_scale_32 result does not fit in 32 bits");
  return static_cast<int32_t>(result);
}

/// A per-tensor RESCALE from i32 to a signed integer type, with a 32-bit
/// multiplier, single rounding and an input zero point of 0 (all TOSA allows
/// for an i32 input):
///   clamp(apply_scale_32(value, multiplier, shift) + outputZeroPoint)
/// clamped to the whole range of `output`.
struct TosaRescale {
  int32_t multiplier = 1 << 30;
  unsigned shift = 30;
  int32_t outputZeroPoint = 0;
  StorageType output = StorageType::i16();

  /// The RESCALE that multiplies by `scale` (> 0) as closely as a normalised
  /// 32-bit multiplier (in [2^30, 2^31)) allows. std::nullopt when the shift
  /// this needs falls outside [2, 62].
  static std::optional<TosaRescale>
  forScale(double scale, int32_t outputZeroPoint, StorageType output);

  /// The scale the multiplier and shift represent.
  double getScale() const;

  int64_t apply(int32_t value) const {
    int64_t scaled = int64_t(applyScale32(value, multiplier, shift)) +
                     int64_t(outputZeroPoint);
    return std::clamp(scaled, output.minValue(), output.maxValue());
  }
};

/// A per-tensor TOSA RESCALE in full: any integer input and output width,
/// 32- or 16-bit multiplier, single or double rounding, signed or unsigned
/// ends. Zero points are given as stored (an unsigned end reads its own
/// bits unsigned).
struct TosaRescaleParams {
  int32_t multiplier = 1 << 30;
  unsigned shift = 30;
  int64_t inputZeroPoint = 0;
  int64_t outputZeroPoint = 0;
  bool scale32 = true;
  bool doubleRound = false;
  bool inputUnsigned = false;
  bool outputUnsigned = false;
  unsigned inputBits = 8;
  unsigned outputBits = 8;
};

/// TOSA RESCALE of one element, as the specification's pseudocode defines
/// it: the input (as stored, a signed value of inputBits bits) read signed
/// or unsigned, minus the input zero point, through apply_scale_32 (double
/// rounding adds +-2^30 to the rounding when the shift is above 31) or
/// apply_scale_16, plus the output zero point, clamped to the output's
/// signed or unsigned range; returned as stored (a signed value of
/// outputBits bits). Products are computed in 128 bits, so out-of-range
/// inputs, which TOSA leaves unpredictable, give a defined value.
int64_t applyRescale(int64_t value, const TosaRescaleParams &params);

/// Why `params` is a RESCALE the TOSA specification rejects (an ERROR_IF of
/// its pseudocode, or a multiplier or shift outside its range), or
/// std::nullopt when it is valid. applyRescale is defined only for valid
/// parameters.
std::optional<const char *>
getInvalidRescaleReason(const TosaRescaleParams &params);

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_TOSAINTEGEROPS_H
