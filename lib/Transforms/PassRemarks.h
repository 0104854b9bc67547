//===- PassRemarks.h - How LutFold's passes make remarks --------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every remark of a LutFold pass is printed for people when its report-*
// option asks for it, and always goes, with its facts as named arguments,
// to MLIR's optimization-remark engine when one takes it (mlir-opt's
// --remarks-filter, --remark-format=yaml, --remarks-output-file): category
// the pass's flag, a subcategory per kind of remark. Neither form is built
// when nobody wants it. Private to the passes.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_LIB_TRANSFORMS_PASSREMARKS_H
#define LUTFOLD_LIB_TRANSFORMS_PASSREMARKS_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/Remarks.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

namespace lutfold {

/// The engine's kinds of remark.
enum class RemarkKind {
  /// Something was transformed.
  Passed,
  /// Something was left as it was.
  Missed,
  /// A fact about the run.
  Analysis,
};

/// What identifies a remark to the engine.
struct PassRemarkId {
  /// The pass's flag ("tosa-fold-to-table"): the category.
  llvm::StringLiteral pass;
  /// The subcategory ("folded", "declined").
  llvm::StringLiteral subCategory;
  /// The remark's name ("IslandFolded").
  llvm::StringLiteral name;
  RemarkKind kind;
};

using RemarkArg = mlir::remark::detail::Remark::Arg;
using RemarkArgWriter =
    llvm::function_ref<void(mlir::remark::detail::InFlightRemark &)>;
using RemarkTextWriter = llvm::function_ref<void(mlir::InFlightDiagnostic &)>;

/// A remark about the operation at `loc`, in function `function`: printed
/// with `print` as a remark at `op` (or at `loc` alone when `op` is null),
/// its text written by `text`; to the engine, when it takes `id`'s
/// category, with the arguments `args` writes. Returns whether either was
/// made.
bool emitPassRemark(const PassRemarkId &id, mlir::Location loc,
                    mlir::Operation *op, llvm::StringRef function, bool print,
                    RemarkTextWriter text, RemarkArgWriter args);

/// The name of the function `op` is in, or that it is, as engine remarks
/// give it.
llvm::StringRef getFunctionName(mlir::Operation *op);

} // namespace lutfold

#endif // LUTFOLD_LIB_TRANSFORMS_PASSREMARKS_H
