//===- ScalarTypes.cpp - Element types of scalar programs -----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/ScalarTypes.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/Support/ErrorHandling.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <iterator>

using namespace lutfold;

llvm::StringRef lutfold::stringifyScalarType(ScalarType type) {
  // In the order of ScalarType's enumerators.
  static constexpr llvm::StringLiteral kNames[] = {"f32", "f16", "bf16", "i1",
                                                   "i8",  "i16", "i32"};
  assert(static_cast<size_t>(type) < std::size(kNames) &&
         "unknown scalar type");
  return kNames[static_cast<size_t>(type)];
}

bool lutfold::isFloat(ScalarType type) {
  return type == ScalarType::F32 || type == ScalarType::F16 ||
         type == ScalarType::BF16;
}

bool lutfold::isInteger(ScalarType type) {
  return type == ScalarType::I8 || type == ScalarType::I16 ||
         type == ScalarType::I32;
}

unsigned lutfold::getIntegerWidth(ScalarType type) {
  switch (type) {
  case ScalarType::I8:
    return 8;
  case ScalarType::I16:
    return 16;
  case ScalarType::I32:
    return 32;
  default:
    llvm_unreachable("not an integer type");
  }
}

int64_t lutfold::wrapInteger(int64_t value, ScalarType type) {
  unsigned width = getIntegerWidth(type);
  uint64_t mask = (uint64_t(1) << width) - 1;
  uint64_t bits = static_cast<uint64_t>(value) & mask;
  uint64_t sign = uint64_t(1) << (width - 1);
  return static_cast<int64_t>(bits ^ sign) - static_cast<int64_t>(sign);
}

double lutfold::roundToType(double value, ScalarType type) {
  switch (type) {
  case ScalarType::F32:
    return static_cast<float>(value);
  case ScalarType::F16:
  case ScalarType::BF16: {
    llvm::APFloat rounded(value);
    bool losesInfo = false;
    rounded.convert(type == ScalarType::F16 ? llvm::APFloat::IEEEhalf()
                                            : llvm::APFloat::BFloat(),
                    llvm::APFloat::rmNearestTiesToEven, &losesInfo);
    return rounded.convertToDouble();
  }
  case ScalarType::I1:
    return value != 0.0 ? 1.0 : 0.0;
  case ScalarType::I8:
  case ScalarType::I16:
  case ScalarType::I32:
    assert(std::trunc(value) == value && "not an integral value");
    return static_cast<double>(wrapInteger(static_cast<int64_t>(value), type));
  }
  llvm_unreachable("unknown scalar type");
}

double lutfold::castFloatToInteger(double value, ScalarType type) {
  if (std::isnan(value))
    return 0.0;
  unsigned width = getIntegerWidth(type);
  double lo = -std::ldexp(1.0, width - 1);
  double hi = std::ldexp(1.0, width - 1) - 1.0;
  return std::clamp(std::nearbyint(value), lo, hi);
}
