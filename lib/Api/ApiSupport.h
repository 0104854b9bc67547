//===- ApiSupport.h - What the API's entry points share ---------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_LIB_API_APISUPPORT_H
#define LUTFOLD_LIB_API_APISUPPORT_H

#include "lutfold/Api/Api.h"
#include "lutfold/Numerics/Quantizer.h"
#include "lutfold/Numerics/Reason.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace lutfold::api {

/// A context that knows every upstream dialect, as lutfold-opt's does.
std::unique_ptr<mlir::MLIRContext> createContext();

/// "<input>:3:5" for a file location, MLIR's own spelling otherwise.
std::string formatLocation(mlir::Location loc);

/// Collects the diagnostics emitted in a context while it lives, formatted
/// "<location>: <severity>: <message>" (notes as lines of their own):
/// errors apart from the rest.
class DiagnosticCollector {
public:
  explicit DiagnosticCollector(mlir::MLIRContext &context);

  /// A failure with `message` and the errors collected so far.
  llvm::Error fail(const llvm::Twine &message) const;

  std::vector<std::string> errors;
  /// Warnings and remarks.
  std::vector<Message> messages;

private:
  mlir::ScopedDiagnosticHandler handler;
};

/// The preset named `name` ("pt2e", "tflite").
llvm::Expected<NumericsPreset> resolveNumerics(const std::string &name);

} // namespace lutfold::api

#endif // LUTFOLD_LIB_API_APISUPPORT_H
