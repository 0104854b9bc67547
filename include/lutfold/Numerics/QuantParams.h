//===- QuantParams.h - Per-tensor quantization parameters -------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Plain descriptions of an integer storage type and of per-tensor affine
// quantization parameters, with their validation. Nothing here depends on
// MLIR IR so that other compilers can reuse the numerics as they are.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_QUANTPARAMS_H
#define LUTFOLD_NUMERICS_QUANTPARAMS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cassert>
#include <cstdint>
#include <string>

namespace lutfold {

/// An integer storage type, such as i8 or u16.
struct StorageType {
  unsigned bitWidth = 8;
  bool isSigned = true;

  static constexpr StorageType i8() { return {8, true}; }
  static constexpr StorageType i16() { return {16, true}; }

  /// Smallest and largest value the storage type can hold. Valid for bit
  /// widths in [1, 63].
  int64_t minValue() const {
    assert(bitWidth >= 1 && bitWidth <= 63 && "unsupported storage width");
    return isSigned ? -(int64_t(1) << (bitWidth - 1)) : 0;
  }
  int64_t maxValue() const {
    assert(bitWidth >= 1 && bitWidth <= 63 && "unsupported storage width");
    return isSigned ? (int64_t(1) << (bitWidth - 1)) - 1
                    : (int64_t(1) << bitWidth) - 1;
  }

  /// Number of distinct codes, 2^bitWidth.
  uint64_t numCodes() const { return uint64_t(1) << bitWidth; }

  bool operator==(const StorageType &other) const {
    return bitWidth == other.bitWidth && isSigned == other.isSigned;
  }
};

/// Per-tensor affine quantization: real = (code - zeroPoint) * scale, with
/// codes restricted to [qmin, qmax] inside the storage type.
struct QuantParams {
  StorageType storage;
  double scale = 1.0;
  int64_t zeroPoint = 0;
  int64_t qmin = -128;
  int64_t qmax = 127;

  /// Parameters that use the whole range of `storage`.
  static QuantParams fullRange(StorageType storage, double scale,
                               int64_t zeroPoint) {
    return {storage, scale, zeroPoint, storage.minValue(), storage.maxValue()};
  }

  /// Returns success when the parameters describe a usable quantization:
  /// a storage width in [1, 32]; a finite scale > 0; qmin <= qmax; qmin, qmax
  /// and the zero point inside the storage type. Otherwise returns an error
  /// whose message names the offending field.
  llvm::Error validate() const;
};

/// The error a fold that is not exact may have by default, in output codes:
/// one 64th of the `numOutputCodes` the output type holds (its
/// qmax - qmin + 1), at least 1: 4 codes for 8-bit outputs, 1024 for 16-bit
/// ones. Typical activations (sigmoid, tanh, exp, erf, GELU, SiLU, hard
/// ones) fit well within it; discontinuities and poles (a step, reciprocal
/// or log near 0) do not.
int64_t getDefaultMaxError(int64_t numOutputCodes);

/// Bit widths as a phrase: "8-bit", "8- or 16-bit", "4-, 8- or 16-bit".
std::string formatBitWidths(llvm::ArrayRef<unsigned> bitWidths);

/// validate(), and signed storage of one of `bitWidths` bits, as a table
/// builder needs; errors start with "<role> parameters: " (role is "input"
/// or "output").
llvm::Error validateTableParams(const QuantParams &params, llvm::StringRef role,
                                llvm::ArrayRef<unsigned> bitWidths);
/// validateTableParams of both ends of a table: `in` ("input") with
/// `inBitWidths`, then `out` ("output") with `outBitWidths`.
llvm::Error validateTableParams(const QuantParams &in,
                                llvm::ArrayRef<unsigned> inBitWidths,
                                const QuantParams &out,
                                llvm::ArrayRef<unsigned> outBitWidths);

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_QUANTPARAMS_H
