//===- Spellings.h - Attribute spellings the verifier accepts ---*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every spelling of an attribute that parses and verifies must reach the
// passes: a `nan_mode` may be absent, an enum, or a string, which the parser
// does not convert and which leaves the operation without a NaN mode (the
// default, PROPAGATE). The fuzzers draw them all.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_FUZZ_SPELLINGS_H
#define LUTFOLD_FUZZ_SPELLINGS_H

#include <fuzzer/FuzzedDataProvider.h>

#include <string>

namespace lutfold {

/// A `nan_mode` entry for an attribute dictionary, with the separator it
/// needs after `others` entries, or "" for none.
inline std::string consumeNanModeEntry(FuzzedDataProvider &fdp, bool others) {
  static const char *const spellings[] = {"", "PROPAGATE", "IGNORE",
                                          "\"PROPAGATE\"", "\"IGNORE\""};
  const char *spelling = spellings[fdp.ConsumeIntegralInRange<int>(0, 4)];
  if (!*spelling)
    return "";
  return std::string(others ? ", " : "") + "nan_mode = " + spelling;
}

} // namespace lutfold

#endif // LUTFOLD_FUZZ_SPELLINGS_H
