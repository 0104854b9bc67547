//===- ScalarFunctions.cpp - Framework float32 activations ----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/ScalarFunctions.h"

#include <cmath>

float lutfold::sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }
