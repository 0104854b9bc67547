//===- ScalarFunctions.cpp - Float32 element functions --------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/ScalarFunctions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace lutfold;
using namespace lutfold::scalar;

// Every function takes and returns float, and calls the float overloads of
// <cmath>: the result is what a float32 kernel computes, never a double
// rounded late.

float scalar::sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }
float scalar::tanh(float x) { return std::tanh(x); }
float scalar::exp(float x) { return std::exp(x); }
float scalar::log(float x) { return std::log(x); }
float scalar::rsqrt(float x) { return 1.0f / std::sqrt(x); }
float scalar::reciprocal(float x) { return 1.0f / x; }
float scalar::erf(float x) { return std::erf(x); }
float scalar::sin(float x) { return std::sin(x); }
float scalar::cos(float x) { return std::cos(x); }
float scalar::floor(float x) { return std::floor(x); }
float scalar::ceil(float x) { return std::ceil(x); }
float scalar::abs(float x) { return std::fabs(x); }
float scalar::negate(float x) { return -x; }
float scalar::pow(float x, float y) { return std::pow(x, y); }

/// IEEE 754-2019 maximum/minimum: NaN propagates, -0 orders below +0. These
/// are arith.maximumf/minimumf, which upstream uses to lower TOSA.
static float ieeeMaximum(float a, float b) {
  if (std::isnan(a) || std::isnan(b))
    return std::numeric_limits<float>::quiet_NaN();
  if (a == b)
    return std::signbit(a) ? b : a;
  return a > b ? a : b;
}

static float ieeeMinimum(float a, float b) {
  if (std::isnan(a) || std::isnan(b))
    return std::numeric_limits<float>::quiet_NaN();
  if (a == b)
    return std::signbit(a) ? a : b;
  return a < b ? a : b;
}

float scalar::maximum(float a, float b, NanMode mode) {
  // Ignore: a NaN operand yields the other one (NaN only if both are).
  if (mode == NanMode::Ignore && (std::isnan(a) || std::isnan(b)))
    return std::isnan(a) ? b : a;
  return ieeeMaximum(a, b);
}

float scalar::minimum(float a, float b, NanMode mode) {
  // Ignore: a NaN operand yields the other one (NaN only if both are).
  if (mode == NanMode::Ignore && (std::isnan(a) || std::isnan(b)))
    return std::isnan(a) ? b : a;
  return ieeeMinimum(a, b);
}

float scalar::clamp(float x, float lo, float hi, NanMode mode) {
  if (mode == NanMode::Ignore && std::isnan(x))
    return lo;
  return ieeeMaximum(ieeeMinimum(x, hi), lo);
}

float scalar::silu(float x) { return x / (1.0f + std::exp(-x)); }

float scalar::gelu(float x) {
  const float kAlpha = static_cast<float>(M_SQRT1_2);
  return x * 0.5f * (1.0f + std::erf(x * kAlpha));
}

float scalar::geluTanh(float x) {
  const float kBeta = static_cast<float>(M_SQRT2 * M_2_SQRTPI * 0.5);
  const float kKappa = 0.044715f;
  float cube = x * x * x;
  float inner = kBeta * (x + kKappa * cube);
  return 0.5f * x * (1.0f + std::tanh(inner));
}

float scalar::hardswish(float x) {
  return x * std::min(std::max(x + 3.0f, 0.0f), 6.0f) / 6.0f;
}

float scalar::hardsigmoid(float x) {
  return std::min(std::max(x + 3.0f, 0.0f), 6.0f) / 6.0f;
}

namespace {
struct NamedFunction {
  llvm::StringLiteral name;
  UnaryFunction function;
};
} // namespace

/// The unary operators of ScalarOps.def, then PyTorch's activations.
static constexpr NamedFunction kUnaryFunctions[] = {
#define LUTFOLD_SCALAR_UNARY_OP(OPCODE, NAME, TOSA_OP, TYPING, F32_FUNCTION)   \
  {NAME, F32_FUNCTION},
#include "lutfold/Numerics/ScalarOps.def"
    {"silu", silu},
    {"gelu", gelu},
    {"gelu_tanh", geluTanh},
    {"hardswish", hardswish},
    {"hardsigmoid", hardsigmoid},
};

llvm::ArrayRef<llvm::StringRef> scalar::getUnaryFunctionNames() {
  static const llvm::SmallVector<llvm::StringRef> names = llvm::to_vector(
      llvm::map_range(kUnaryFunctions, [](const NamedFunction &entry) {
        return llvm::StringRef(entry.name);
      }));
  return names;
}

scalar::UnaryFunction scalar::lookupUnaryFunction(llvm::StringRef name) {
  for (const NamedFunction &entry : kUnaryFunctions)
    if (entry.name == name)
      return entry.function;
  return nullptr;
}
