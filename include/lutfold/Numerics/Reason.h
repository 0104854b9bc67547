//===- Reason.h - How LutFold's fallible helpers say why --------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The one convention for helpers that can fail: they return
// llvm::Expected<T> (llvm::Error when there is no value), whose error is the
// reason, a sentence fragment for a remark or a message ("the island reads
// a block argument"). A helper that may also find nothing to do without
// failing returns llvm::Expected<std::optional<T>>. Callers read a reason
// with takeReason and branch on the result, never on its text.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_REASON_H
#define LUTFOLD_NUMERICS_REASON_H

#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <string>

namespace lutfold {

/// A failure whose reason is `reason`.
inline llvm::Error makeReason(const llvm::Twine &reason) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), reason);
}

/// The reason of `error` (consumed).
inline std::string takeReason(llvm::Error error) {
  return llvm::toString(std::move(error));
}

/// `error` with `prefix` before its reason ("input of quant.dcast: ...").
inline llvm::Error prefixReason(const llvm::Twine &prefix, llvm::Error error) {
  return makeReason(prefix + takeReason(std::move(error)));
}

} // namespace lutfold

#endif // LUTFOLD_NUMERICS_REASON_H
