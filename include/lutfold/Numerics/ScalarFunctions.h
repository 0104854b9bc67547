//===- ScalarFunctions.h - Framework float32 activations --------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Float32 activation functions written as the frameworks' eager CPU kernels
// compute them, for use with the table builders.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_SCALARFUNCTIONS_H
#define LUTFOLD_NUMERICS_SCALARFUNCTIONS_H

namespace lutfold {

/// Logistic sigmoid in float32: 1 / (1 + exp(-x)), each step rounded to
/// float, with the float (not double) exponential, as PyTorch's kernel.
float sigmoid(float x);

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_SCALARFUNCTIONS_H
