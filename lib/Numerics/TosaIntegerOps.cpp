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

int32_t lutfold::lookupInt16Table(llvm::ArrayRef<int16_t> table,
                                  int16_t value) {
  assert(table.size() == kInt16TableEntries && "an i16 table has 513 entries");
  int32_t biased = int32_t(value) + 32768;
  int32_t index = biased >> 7;
  int32_t fraction = biased & 0x7f;
  int32_t base = table[index];
  int32_t next = table[index + 1];
  return base * 128 + (next - base) * fraction;
}

int32_t lutfold::applyScale32(int32_t value, int32_t multiplier,
                              unsigned shift) {
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

int64_t TosaRescale::apply(int32_t value) const {
  int64_t scaled = int64_t(applyScale32(value, multiplier, shift)) +
                   int64_t(outputZeroPoint);
  return std::clamp(scaled, output.minValue(), output.maxValue());
}
