//===- TosaIntegerOps.cpp - Models of TOSA's integer TABLE and RESCALE ----===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/TosaIntegerOps.h"

#include <algorithm>
#include <cassert>
#include <cmath>

using namespace lutfold;

std::optional<TosaRescale> TosaRescale::forScale(double scale,
                                                 int32_t outputZeroPoint,
                                                 StorageType output) {
  if (!(scale > 0.0) || !std::isfinite(scale))
    return std::nullopt;
  int exponent = 0;
  double mantissa =
      std::frexp(scale, &exponent); // scale = m * 2^e, m in [.5,1)
  int64_t multiplier = std::llround(std::ldexp(mantissa, 31));
  int shift = 31 - exponent;
  if (multiplier == (int64_t(1) << 31)) {
    multiplier >>= 1;
    --shift;
  }
  if (shift < 2 || shift > 62)
    return std::nullopt;
  TosaRescale rescale;
  rescale.multiplier = static_cast<int32_t>(multiplier);
  rescale.shift = static_cast<unsigned>(shift);
  rescale.outputZeroPoint = outputZeroPoint;
  rescale.output = output;
  return rescale;
}

double TosaRescale::getScale() const {
  return std::ldexp(static_cast<double>(multiplier), -static_cast<int>(shift));
}

/// The `bits`-bit pattern of `value`, read unsigned.
static int64_t asUnsigned(int64_t value, unsigned bits) {
  return static_cast<int64_t>(static_cast<uint64_t>(value) &
                              ((uint64_t(1) << bits) - 1));
}

/// `value` (in [0, 2^bits)) as the signed value with the same bits.
static int64_t asSigned(int64_t value, unsigned bits) {
  uint64_t sign = uint64_t(1) << (bits - 1);
  return static_cast<int64_t>((static_cast<uint64_t>(value) ^ sign)) -
         static_cast<int64_t>(sign);
}

int64_t lutfold::applyRescale(int64_t value, const TosaRescaleParams &params) {
  assert(params.shift >= 1 && params.shift <= 62 && "shift outside [1, 62]");
  int64_t input =
      params.inputUnsigned ? asUnsigned(value, params.inputBits) : value;
  int64_t inputZeroPoint =
      params.inputUnsigned ? asUnsigned(params.inputZeroPoint, params.inputBits)
                           : params.inputZeroPoint;
  __int128 shifted = static_cast<__int128>(input) - inputZeroPoint;
  __int128 rounding = __int128(1) << (params.shift - 1);
  if (params.scale32 && params.doubleRound && params.shift > 31)
    rounding += shifted >= 0 ? (__int128(1) << 30) : -(__int128(1) << 30);
  int64_t multiplier = params.scale32
                           ? int64_t(params.multiplier)
                           : int64_t(static_cast<int16_t>(params.multiplier));
  __int128 scaled = (shifted * multiplier + rounding) >> params.shift;
  int64_t outputZeroPoint =
      params.outputUnsigned
          ? asUnsigned(params.outputZeroPoint, params.outputBits)
          : params.outputZeroPoint;
  __int128 result = scaled + outputZeroPoint;
  int64_t lo =
      params.outputUnsigned ? 0 : -(int64_t(1) << (params.outputBits - 1));
  int64_t hi = params.outputUnsigned
                   ? (int64_t(1) << params.outputBits) - 1
                   : (int64_t(1) << (params.outputBits - 1)) - 1;
  int64_t clamped = static_cast<int64_t>(
      std::clamp<__int128>(result, __int128(lo), __int128(hi)));
  return params.outputUnsigned ? asSigned(clamped, params.outputBits) : clamped;
}

std::optional<const char *>
lutfold::getInvalidRescaleReason(const TosaRescaleParams &params) {
  if (params.shift < 2 || params.shift > 62 || params.multiplier < 0)
    return "its shift is outside [2, 62] or its multiplier negative, which "
           "TOSA does not define";
  if (!params.scale32 && params.doubleRound)
    return "DOUBLE_ROUND with a 16-bit multiplier (scale32 = false), which "
           "TOSA forbids";
  if (!params.scale32 && params.multiplier > INT16_MAX)
    return "its 16-bit multiplier is above 32767";
  if (params.inputUnsigned && params.outputUnsigned)
    return "both ends are unsigned, which TOSA forbids";
  if ((params.inputUnsigned && params.outputBits == 32) ||
      (params.outputUnsigned && params.inputBits >= 32))
    return "an unsigned end faces a 32- or 48-bit one, which TOSA forbids";
  if (params.scale32 && params.inputBits == 48)
    return "a 48-bit input with a 32-bit multiplier, which TOSA forbids";
  // Zero points: any on i8 ends, 0 or 32768 on unsigned i16 ends, 0
  // elsewhere.
  auto zeroPointValid = [](int64_t zeroPoint, unsigned bits, bool isUnsigned) {
    if (bits == 8)
      return true;
    if (bits == 16 && isUnsigned)
      return zeroPoint == 0 || zeroPoint == 32768 || zeroPoint == -32768;
    return zeroPoint == 0;
  };
  if (!zeroPointValid(params.inputZeroPoint, params.inputBits,
                      params.inputUnsigned) ||
      !zeroPointValid(params.outputZeroPoint, params.outputBits,
                      params.outputUnsigned))
    return "a zero point TOSA allows only on 8-bit or unsigned 16-bit ends";
  return std::nullopt;
}
