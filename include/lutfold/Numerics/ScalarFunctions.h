//===- ScalarFunctions.h - Float32 element functions ------------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Scalar float32 functions for the table builders: the TOSA element-wise
// operators with the specification's f32 semantics (as upstream MLIR lowers
// them), and the activations PyTorch composes from them, written as its eager
// CPU kernels compute them. Transcendentals use the float C library functions,
// as PyTorch's float kernels do.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_SCALARFUNCTIONS_H
#define LUTFOLD_NUMERICS_SCALARFUNCTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace lutfold {
namespace scalar {

/// How MAXIMUM, MINIMUM and CLAMP treat NaN (TOSA's nan_mode).
enum class NanMode {
  /// A NaN operand gives NaN.
  Propagate,
  /// NaN operands are ignored: MAXIMUM/MINIMUM return the other operand,
  /// CLAMP returns its lower bound.
  Ignore,
};

//===----------------------------------------------------------------------===//
// TOSA operators on f32
//===----------------------------------------------------------------------===//

/// 1 / (1 + exp(-x)), each step rounded to float.
float sigmoid(float x);
float tanh(float x);
float exp(float x);
float log(float x);
/// 1 / sqrt(x).
float rsqrt(float x);
/// 1 / x.
float reciprocal(float x);
float erf(float x);
float sin(float x);
float cos(float x);
float floor(float x);
float ceil(float x);
float abs(float x);
float negate(float x);
float pow(float x, float y);
/// IEEE 754-2019 maximum (-0 < +0) with TOSA's NaN handling.
float maximum(float a, float b, NanMode mode);
/// IEEE 754-2019 minimum (-0 < +0) with TOSA's NaN handling.
float minimum(float a, float b, NanMode mode);
/// maximum(minimum(x, hi), lo); with NanMode::Ignore a NaN x gives lo.
float clamp(float x, float lo, float hi, NanMode mode);

//===----------------------------------------------------------------------===//
// PyTorch activations (eager CPU float kernels)
//===----------------------------------------------------------------------===//

/// torch.nn.functional.silu: x / (1 + exp(-x)).
float silu(float x);
/// torch.nn.functional.gelu: x * 0.5 * (1 + erf(x * sqrt(1/2))).
float gelu(float x);
/// torch.nn.functional.gelu(approximate='tanh'):
/// 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3))).
float geluTanh(float x);
/// torch.nn.functional.hardswish: x * min(max(x + 3, 0), 6) / 6.
float hardswish(float x);
/// torch.nn.functional.hardsigmoid: min(max(x + 3, 0), 6) / 6.
float hardsigmoid(float x);

//===----------------------------------------------------------------------===//
// By name
//===----------------------------------------------------------------------===//

using UnaryFunction = float (*)(float);

/// The unary functions above by the names LutFold's tools accept: the unary
/// TOSA operators of ScalarOps.def ("sigmoid", "tanh", ..., "negate"), then
/// "silu", "gelu", "gelu_tanh", "hardswish", "hardsigmoid".
llvm::ArrayRef<llvm::StringRef> getUnaryFunctionNames();

/// The function named `name`, or nullptr.
UnaryFunction lookupUnaryFunction(llvm::StringRef name);

} // namespace scalar
} // namespace lutfold

#endif // LUTFOLD_NUMERICS_SCALARFUNCTIONS_H
