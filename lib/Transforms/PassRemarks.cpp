//===- PassRemarks.cpp - The one way LutFold's passes make remarks --------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "PassRemarks.h"

#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace lutfold;

StringRef lutfold::getFunctionName(Operation *op) {
  if (auto parent = op->getParentOfType<FunctionOpInterface>())
    return parent.getName();
  if (auto self = dyn_cast<FunctionOpInterface>(op))
    return self.getName();
  return {};
}

/// The engine's remark for `id`: empty unless the engine takes its
/// category, and then nothing else is built.
static remark::detail::InFlightRemark
createEngineRemark(const PassRemarkId &id, Location loc, StringRef function) {
  remark::RemarkOpts opts = remark::RemarkOpts::name(id.name)
                                .category(id.pass)
                                .subCategory(id.subCategory)
                                .function(function);
  switch (id.kind) {
  case RemarkKind::Passed:
    return remark::passed(loc, opts);
  case RemarkKind::Missed:
    return remark::missed(loc, opts);
  case RemarkKind::Analysis:
    return remark::analysis(loc, opts);
  }
  llvm_unreachable("unknown remark kind");
}

bool lutfold::emitPassRemark(const PassRemarkId &id, Location loc,
                             Operation *op, StringRef function, bool print,
                             RemarkTextWriter text, RemarkArgWriter args) {
  remark::detail::InFlightRemark remark = createEngineRemark(id, loc, function);
  if (print) {
    InFlightDiagnostic diagnostic = op ? op->emitRemark() : emitRemark(loc);
    text(diagnostic);
  }
  if (remark)
    args(remark);
  return print || remark;
}
