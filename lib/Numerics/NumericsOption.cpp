//===- NumericsOption.cpp - The numerics preset as a typed option ---------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/NumericsOption.h"

using namespace lutfold;

llvm::cl::ValuesClass lutfold::getNumericsPresetValues() {
  auto value = [](NumericsPreset preset, llvm::StringRef description) {
    return llvm::cl::OptionEnumValue{stringifyNumericsPreset(preset),
                                     static_cast<int>(preset), description};
  };
  return llvm::cl::values(
      value(NumericsPreset::PT2E,
            "PyTorch PT2E quantized_decomposed ops (the default)"),
      value(NumericsPreset::TFLite,
            "TFLite LUTPopulateInt8, TensorFlow's TOSA legalization"));
}
