//===- LookupTable.h - Lookup tables for quantized functions ----*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Builders for the tables of TOSA TABLE: for every input code, what the
// framework computes for dequantize -> f -> quantize.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_LOOKUPTABLE_H
#define LUTFOLD_NUMERICS_LOOKUPTABLE_H

#include "lutfold/Numerics/QuantParams.h"
#include "lutfold/Numerics/Quantizer.h"
#include "lutfold/Numerics/ScalarProgram.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <array>
#include <cstdint>

namespace lutfold {

/// A scalar float32 function, such as sigmoid.
using ScalarFunction = llvm::function_ref<float(float)>;

/// The 256-entry table of an int8 TOSA TABLE. TOSA indexes it with the input
/// code plus 128, so entry i is the output code for input code i - 128.
struct Int8Table {
  static constexpr int64_t kFirstCode = -128;
  static constexpr unsigned kNumEntries = 256;

  std::array<int8_t, kNumEntries> entries{};
  /// Input codes (ascending) for which the function returned NaN; their
  /// entries hold Quantizer::nanCode() of the output.
  llvm::SmallVector<int64_t, 0> nanInputCodes;

  /// The output code for `inputCode`, which must be in [-128, 127].
  int8_t lookup(int64_t inputCode) const {
    return entries[static_cast<unsigned>(inputCode - kFirstCode)];
  }
};

/// Builds the int8 table of `quantize(out, fn(dequantize(in, c)))` for all
/// 256 input codes c, with the arithmetic of `preset`. Input codes are
/// clamped to [in.qmin, in.qmax] first, so codes outside a narrow range share
/// the entry of the nearest bound.
///
/// Fails, with a message naming the problem, when either parameter set is
/// invalid or does not use signed 8-bit storage.
llvm::Expected<Int8Table>
buildInt8Table(const QuantParams &in, const QuantParams &out, ScalarFunction fn,
               NumericsPreset preset = kDefaultNumericsPreset);

/// Builds the int8 table of a program that maps int8 codes to int8 codes
/// directly (an island written in plain TOSA, with no quantization types):
/// entry i is `program(i - 128)`. Nothing is clamped: the program defines the
/// table entirely. Codes whose evaluation cast a NaN to an integer are listed
/// in `nanInputCodes`.
///
/// Fails when the program's input or result is not I8.
llvm::Expected<Int8Table> buildInt8CodeTable(const ScalarProgram &program);

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_LOOKUPTABLE_H
