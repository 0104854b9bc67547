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
