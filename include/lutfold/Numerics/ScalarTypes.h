//===- ScalarTypes.h - Element types of scalar programs ---------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The element types a ScalarProgram computes in, and how a value is stored
// in each: floats round to their format, integers wrap, booleans are 0 or 1.
// Every value of every type is exact in double, which holds them all.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_SCALARTYPES_H
#define LUTFOLD_NUMERICS_SCALARTYPES_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace lutfold {

/// The element type of a program value. Integers are signless two's
/// complement, as in TOSA.
enum class ScalarType : uint8_t { F32, F16, BF16, I1, I8, I16, I32 };

llvm::StringRef stringifyScalarType(ScalarType type);
bool isFloat(ScalarType type);
/// I8, I16 or I32 (not I1, which is a boolean).
bool isInteger(ScalarType type);
/// The width of an integer type (isInteger): 8, 16 or 32.
unsigned getIntegerWidth(ScalarType type);

/// Wraps `value` to the width of integer `type`, two's complement.
int64_t wrapInteger(int64_t value, ScalarType type);

/// Converts `value` to `type` as a value of that type is stored: floats
/// round to nearest even, integers wrap (two's complement) and must be given
/// an integral value, booleans are `value != 0`.
double roundToType(double value, ScalarType type);

/// TOSA CAST from a float to integer `type`: round half to even, then
/// saturate. NaN has no value; it gives 0 (see docs/Numerics.md).
double castFloatToInteger(double value, ScalarType type);

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_SCALARTYPES_H
