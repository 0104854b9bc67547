//===- Reference.h - Slow reference numerics for the fuzzers ----*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The presets' quantize and dequantize written again, step by step and
// without the library's code, so that the fuzzers compare two
// implementations of docs/Numerics.md.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_FUZZ_REFERENCE_H
#define LUTFOLD_FUZZ_REFERENCE_H

#include "lutfold/Numerics/QuantParams.h"

#include <cfloat>
#include <cmath>
#include <cstdint>

namespace lutfold::reference {

struct Params {
  double scale;
  int64_t zeroPoint, qmin, qmax;
};

inline Params toReference(const QuantParams &p) {
  return {p.scale, p.zeroPoint, p.qmin, p.qmax};
}

/// The specification's conditions for usable parameters of signed storage,
/// written again: a finite scale above 0, qmin <= qmax, and qmin, qmax and
/// the zero point inside the storage type.
inline bool isValid(const QuantParams &p) {
  int64_t lo = -(int64_t(1) << (p.storage.bitWidth - 1)), hi = -lo - 1;
  return std::isfinite(p.scale) && p.scale > 0 && p.qmin <= p.qmax &&
         p.qmin >= lo && p.qmax <= hi && p.zeroPoint >= lo && p.zeroPoint <= hi;
}

/// Whether a builder's answer for `in` and `out` agrees with isValid: calls
/// `fail` when it refused valid parameters or accepted invalid ones. Returns
/// whether there is a result to check further.
template <typename T>
bool checkVerdict(llvm::Expected<T> &result, const QuantParams &in,
                  const QuantParams &out, void (*fail)(const char *)) {
  bool valid = isValid(in) && isValid(out);
  if (!result) {
    llvm::consumeError(result.takeError());
    if (valid)
      fail("valid parameters refused");
    return false;
  }
  if (!valid)
    fail("invalid parameters accepted");
  return true;
}

inline float dequantize(int64_t code, const Params &p) {
  int64_t clamped = code < p.qmin ? p.qmin : code > p.qmax ? p.qmax : code;
  float difference = (float)clamped - (float)p.zeroPoint;
  return difference * (float)p.scale;
}

/// Round half to even by hand: floor, then look at the fraction.
inline float roundHalfEven(float v) {
  float lower = std::floor(v);
  float fraction = v - lower;
  if (fraction > 0.5f)
    return lower + 1.0f;
  if (fraction < 0.5f)
    return lower;
  return std::fmod(lower, 2.0f) == 0.0f ? lower : lower + 1.0f;
}

/// Round half away from zero by hand.
inline float roundHalfAway(float v) {
  float magnitude = std::fabs(v);
  float lower = std::floor(magnitude);
  float rounded = magnitude - lower >= 0.5f ? lower + 1.0f : lower;
  return v < 0 ? -rounded : rounded;
}

inline int64_t quantize(float y, const Params &p, bool tflite) {
  int64_t nanCode = p.zeroPoint < p.qmin   ? p.qmin
                    : p.zeroPoint > p.qmax ? p.qmax
                                           : p.zeroPoint;
  if (std::isnan(y))
    return nanCode;
  float inverse;
  float rounded;
  if (tflite) {
    float scale = (float)p.scale;
    float guard = scale > 1.0f ? FLT_MAX : FLT_MAX * scale;
    if (y >= guard)
      return p.qmax;
    inverse = 1.0f / scale;
    float v = y * inverse;
    rounded = std::isinf(v) ? v : roundHalfAway(v);
  } else {
    inverse = (float)(1.0 / p.scale);
    float v = y * inverse;
    rounded = std::isinf(v) || std::isnan(v) ? v : roundHalfEven(v);
  }
  float shifted = rounded + (float)p.zeroPoint;
  if (std::isnan(shifted))
    return nanCode;
  if (shifted <= (float)p.qmin)
    return p.qmin;
  if (shifted >= (float)p.qmax)
    return p.qmax;
  return (int64_t)shifted;
}

/// TOSA CAST from f32 to a signed integer of `bits` bits: round half to
/// even, saturate; NaN reads as 0 (LutFold's policy, docs/Numerics.md).
inline int64_t castToInteger(float v, unsigned bits) {
  double lo = -std::ldexp(1.0, bits - 1), hi = std::ldexp(1.0, bits - 1) - 1;
  if (std::isnan(v))
    return 0;
  double rounded = std::isinf(v) ? v : (double)roundHalfEven(v);
  return (int64_t)(rounded < lo ? lo : rounded > hi ? hi : rounded);
}

/// Two's complement wrap to `bits` bits.
inline int64_t wrap(int64_t v, unsigned bits) {
  uint64_t mask = (uint64_t(1) << bits) - 1, sign = uint64_t(1) << (bits - 1);
  return (int64_t)(((uint64_t)v & mask) ^ sign) - (int64_t)sign;
}

/// onnx-mlir's DequantizeLinear/QuantizeLinear lowerings to TOSA, on full i8
/// ranges: the zero point subtracted in f32 (or, in the earlier emission, in
/// i8 before the cast), the reciprocal of the scale taken in f32, rounding by
/// the cast to i32, the zero point added and saturated in i32 (or added in
/// i8 after a saturating cast to i8).
inline float dequantizeOnnx(int64_t code, const Params &p, bool earlier) {
  if (earlier)
    return (float)wrap(code - p.zeroPoint, 8) * (float)p.scale;
  return ((float)code - (float)p.zeroPoint) * (float)p.scale;
}

inline int64_t quantizeOnnx(float y, const Params &p, bool earlier) {
  float v = y * (1.0f / (float)p.scale);
  if (earlier)
    return wrap(castToInteger(v, 8) + p.zeroPoint, 8);
  int64_t sum = wrap(castToInteger(v, 32) + p.zeroPoint, 32);
  return sum < -128 ? -128 : sum > 127 ? 127 : sum;
}

/// TOSA TABLE on an i16 input, from the specification: the 9.7 fixed-point
/// index into 513 entries, interpolated in 16.7 fixed point.
inline int64_t tableInt16(const int64_t *entries, int64_t code) {
  int64_t biased = code + 32768;
  int64_t base = entries[biased >> 7], next = entries[(biased >> 7) + 1];
  return base * 128 + (next - base) * (biased & 127);
}

/// TOSA RESCALE from i32 with a 32-bit multiplier and single rounding, to a
/// signed type of `bits` bits (saturating), from the specification.
inline int64_t rescale(int64_t value, int64_t multiplier, int64_t shift,
                       int64_t outputZeroPoint, unsigned bits) {
  int64_t scaled = (value * multiplier + (int64_t(1) << (shift - 1))) >> shift;
  int64_t result = scaled + outputZeroPoint;
  int64_t lo = -(int64_t(1) << (bits - 1)), hi = -lo - 1;
  return result < lo ? lo : result > hi ? hi : result;
}

} // namespace lutfold::reference

#endif // LUTFOLD_FUZZ_REFERENCE_H
