//===- QuantParams.cpp - Per-tensor quantization parameters ---------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/QuantParams.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cassert>
#include <cmath>
#include <cstdlib>
#include <string>

using namespace lutfold;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::Error QuantParams::validate() const {
  if (storage.bitWidth < 1 || storage.bitWidth > 32)
    return makeError("storage width " + llvm::Twine(storage.bitWidth) +
                     " is outside [1, 32]");
  if (!std::isfinite(scale) || scale <= 0.0) {
    // The shortest digits that read back as the scale: -0.05, not
    // -0.050000000000000003.
    std::string text;
    for (int digits = 6; digits <= 17; ++digits) {
      text.clear();
      llvm::raw_string_ostream(text) << llvm::format("%.*g", digits, scale);
      if (std::strtod(text.c_str(), nullptr) == scale || std::isnan(scale))
        break;
    }
    return makeError("scale " + text +
                     " is not a finite number greater than 0");
  }
  int64_t lo = storage.minValue();
  int64_t hi = storage.maxValue();
  // Formatted only on failure: validation runs for every fold.
  auto outside = [&](llvm::StringRef field, int64_t value) {
    return makeError(field + " " + llvm::Twine(value) +
                     " is outside the storage range [" + llvm::Twine(lo) +
                     ", " + llvm::Twine(hi) + "]");
  };
  if (qmin > qmax)
    return makeError("qmin " + llvm::Twine(qmin) + " is greater than qmax " +
                     llvm::Twine(qmax));
  if (qmin < lo || qmin > hi)
    return outside("qmin", qmin);
  if (qmax < lo || qmax > hi)
    return outside("qmax", qmax);
  if (zeroPoint < lo || zeroPoint > hi)
    return outside("zero point", zeroPoint);
  return llvm::Error::success();
}

llvm::Error lutfold::validateTableParams(const QuantParams &params,
                                         llvm::StringRef role,
                                         llvm::ArrayRef<unsigned> bitWidths) {
  if (llvm::Error error = params.validate())
    return makeError(role + " parameters: " + llvm::toString(std::move(error)));
  if (params.storage.isSigned &&
      llvm::is_contained(bitWidths, params.storage.bitWidth))
    return llvm::Error::success();
  return makeError(role + " parameters: storage is not signed " +
                   formatBitWidths(bitWidths));
}

llvm::Error lutfold::validateTableParams(
    const QuantParams &in, llvm::ArrayRef<unsigned> inBitWidths,
    const QuantParams &out, llvm::ArrayRef<unsigned> outBitWidths) {
  if (llvm::Error error = validateTableParams(in, "input", inBitWidths))
    return error;
  return validateTableParams(out, "output", outBitWidths);
}

std::string lutfold::formatBitWidths(llvm::ArrayRef<unsigned> bitWidths) {
  std::string text;
  for (auto [i, width] : llvm::enumerate(bitWidths))
    text += (i == 0                      ? ""
             : i + 1 == bitWidths.size() ? "- or "
                                         : "-, ") +
            std::to_string(width);
  return text + "-bit";
}

int64_t lutfold::getDefaultMaxError(int64_t numOutputCodes) {
  return std::max<int64_t>(1, numOutputCodes / 64);
}
