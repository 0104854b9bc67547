//===- ApiSupport.cpp - What the API's entry points share -----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ApiSupport.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"

#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace lutfold;
using namespace lutfold::api;

std::unique_ptr<MLIRContext> lutfold::api::createContext() {
  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllExtensions(registry);
  auto context = std::make_unique<MLIRContext>(registry);
  // Remarks name their operation by location; the operation printed with
  // SSA numbers of MLIR's own (mlir-opt's "see current operation" note)
  // would only clutter every message.
  context->printOpOnDiagnostic(false);
  return context;
}

std::string lutfold::api::formatLocation(Location loc) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto fileLoc = dyn_cast<FileLineColLoc>(loc))
    os << fileLoc.getFilename().getValue() << ":" << fileLoc.getLine() << ":"
       << fileLoc.getColumn();
  else if (auto nameLoc = dyn_cast<NameLoc>(loc))
    return formatLocation(nameLoc.getChildLoc());
  else if (auto fused = dyn_cast<FusedLoc>(loc);
           fused && !fused.getLocations().empty())
    return formatLocation(fused.getLocations().front());
  else
    os << loc;
  return text;
}

static llvm::StringRef getSeverityName(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Error:
    return "error";
  case DiagnosticSeverity::Warning:
    return "warning";
  case DiagnosticSeverity::Note:
    return "note";
  case DiagnosticSeverity::Remark:
    return "remark";
  }
  llvm_unreachable("unknown severity");
}

static std::string formatDiagnostic(const Diagnostic &diagnostic) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << formatLocation(diagnostic.getLocation()) << ": "
     << getSeverityName(diagnostic.getSeverity()) << ": " << diagnostic;
  for (const Diagnostic &note : diagnostic.getNotes())
    os << "\n"
       << formatLocation(note.getLocation()) << ": note: " << note.str();
  return text;
}

DiagnosticCollector::DiagnosticCollector(MLIRContext &context)
    : handler(&context, [this](Diagnostic &diagnostic) {
        DiagnosticSeverity severity = diagnostic.getSeverity();
        if (severity == DiagnosticSeverity::Error)
          errors.push_back(formatDiagnostic(diagnostic));
        else
          messages.push_back(
              {getSeverityName(severity).str(), formatDiagnostic(diagnostic)});
        return success();
      }) {}

llvm::Error DiagnosticCollector::fail(const llvm::Twine &message) const {
  return llvm::make_error<FailureError>(Failure{message.str(), errors});
}

char FailureError::ID;

Failure lutfold::api::takeFailure(llvm::Error error) {
  Failure failure;
  llvm::handleAllErrors(
      std::move(error),
      [&](const FailureError &known) { failure = known.getFailure(); },
      [&](const llvm::ErrorInfoBase &other) {
        failure.message = other.message();
      });
  return failure;
}
