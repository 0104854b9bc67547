//===- Api.h - LutFold's entry points for embedding -------------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// What LutFold does, behind functions of standard types: fold a module given
// as text, build the table of an operation or of a small island, fit an
// int16 table to any reference. The Python package is a thin layer over
// these; another host (a C++ compiler that does not use MLIR's pass manager,
// say) can call them as they are. Every failure comes back as an
// llvm::Error, from which takeFailure reads a Failure: the message and the
// diagnostics that explain it; nothing here aborts on bad input.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_API_API_H
#define LUTFOLD_API_API_H

#include "lutfold/Numerics/Int16Table.h"
#include "lutfold/Numerics/QuantParams.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lutfold::api {

/// Why a call produced nothing: a message, and the diagnostics MLIR emitted
/// on the way ("<input>:3:5: error: ..."), if any.
struct Failure {
  std::string message;
  std::vector<std::string> diagnostics;
};

/// The error of a call that failed with MLIR's diagnostics (a module that
/// does not parse, a strict fold that left float); other failures are plain
/// reasons (lutfold/Numerics/Reason.h).
class FailureError : public llvm::ErrorInfo<FailureError> {
public:
  static char ID;
  explicit FailureError(Failure failure) : failure(std::move(failure)) {}
  const Failure &getFailure() const { return failure; }
  void log(llvm::raw_ostream &os) const override { os << failure.message; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

private:
  Failure failure;
};

/// The Failure `error` holds (consumed): a FailureError's, or for any other
/// error (a reason without diagnostics) its message.
Failure takeFailure(llvm::Error error);

/// Quantization parameters as a caller writes them: an MLIR quantized type,
/// or numbers.
struct QuantSpec {
  /// A quantized element type ("!quant.uniform<i8:f32, 0.05:-3>", or with a
  /// narrow range "!quant.uniform<i8<-127:127>:f32, 0.05>"). When set, the
  /// numbers below are not read.
  std::string type;
  double scale = 0.0;
  int64_t zeroPoint = 0;
  int64_t qmin = 0;
  int64_t qmax = 0;
  /// Storage width in bits; 0 picks the narrowest of 8 and 16 that holds
  /// [qmin, qmax].
  unsigned bits = 0;
};

/// The parameters `spec` describes, checked as the pass checks a quantized
/// type: signed storage of one of `bitWidths` bits, a finite scale > 0,
/// qmin <= qmax and the zero point inside the storage type. Errors name
/// `role` ("input_q").
llvm::Expected<QuantParams>
resolveQuantSpec(const QuantSpec &spec, const std::string &role,
                 const std::vector<unsigned> &bitWidths);

/// The names `op` may take in the table functions: "sigmoid", "tanh", ...,
/// "silu", "gelu", "gelu_tanh", "hardswish", "hardsigmoid".
std::vector<std::string> getOperationNames();

/// The numerics presets by name: "pt2e", "tflite".
std::vector<std::string> getNumericsNames();

/// The int8 TABLE from `in` to `out` (both 8-bit) of `op` under `numerics`:
/// entry i is the output code of input code i - 128. `op` is a name of
/// getOperationNames() or MLIR text of a `func.func` with one f32 tensor
/// argument and one f32 tensor result whose body is element-wise TOSA
/// operations: what an island computes between its dequantize and its
/// quantize, analysed as the pass analyses islands.
llvm::Expected<std::array<int8_t, 256>>
buildInt8Table(const std::string &op, const QuantSpec &in, const QuantSpec &out,
               const std::string &numerics);

/// The int16 TABLE (513 entries) and RESCALE from `in` (16-bit) to `out`
/// (16- or 8-bit) of `op` (as buildInt8Table) under `numerics`, with its
/// error against the reference in `fitError`.
llvm::Expected<Int16Table> buildInt16Table(const std::string &op,
                                           const QuantSpec &in,
                                           const QuantSpec &out,
                                           const std::string &numerics);

/// The int16 fit to a reference given as the output code of each of the
/// 65,536 input codes (`codes[i]` for input code i - 32768). Input codes
/// outside `in`'s [qmin, qmax] do not count; outputs stay in `out`'s
/// [qmin, qmax], and `out`'s storage is the RESCALE's output. `unrounded`,
/// when not empty, holds the exact outputs in codes (y / scale + zero point)
/// as a better starting point than the codes; it does not change what is
/// minimised.
llvm::Expected<Int16Table> fitInt16Table(const std::vector<int32_t> &codes,
                                         const std::vector<double> &unrounded,
                                         const QuantSpec &in,
                                         const QuantSpec &out);

/// The options of --tosa-fold-to-table.
struct FoldOptions {
  /// The pass's defaults (its Passes.td declaration).
  FoldOptions();

  std::string numerics;
  /// Operations an island may contain, "tosa.sigmoid" or "sigmoid"; empty
  /// allows every supported one.
  std::vector<std::string> ops;
  unsigned maxIslandSize;
  bool reportDeclined;
  bool reportFolded;
  bool reportSummary;
  bool strict;
  /// The largest error of a fold that is not exact, in output codes; -1:
  /// the pass's default cap (getDefaultMaxError).
  int64_t maxError;
  /// The name locations in the input are given ("model.mlir").
  std::string sourceName = "<input>";
  /// Run the verifier after the pass, as mlir-opt does.
  bool verify = true;
};

/// What the pass did at one quantize: the facts of its remarks. Folded and
/// declined records have the same fields; std::nullopt where a field does
/// not apply.
struct FoldRecord {
  /// The operation that ends the island: "quant.qcast", or the end of a
  /// plain-TOSA island ("tosa.cast", or an integer operation on its codes).
  std::string op;
  /// "<input>:12:8", as diagnostics print it.
  std::string location;
  /// The function the quantize is in.
  std::string function;
  bool folded = false;
  /// Declined: why.
  std::optional<std::string> reason;
  /// Folded: the island's operations, the quantize left out.
  std::optional<std::vector<std::string>> ops;
  /// Folded: "quant-dialect" or "plain-tosa".
  std::optional<std::string> encoding;
  /// Folded, quant dialect: the quantized input and output types.
  std::optional<std::string> inputType;
  std::optional<std::string> outputType;
  /// Folded: "int8 TABLE" or "int16 TABLE + RESCALE".
  std::optional<std::string> form;
  /// Folded: "new", or "shared" with an earlier island.
  std::optional<std::string> table;
  /// Folded, int16: the error of TABLE + RESCALE against the island.
  std::optional<Int16TableError> error;
};

/// A remark or warning emitted on the way.
struct Message {
  /// "remark" or "warning" (notes travel with their diagnostic).
  std::string severity;
  /// As diagnostics print it: "<input>:3:5: remark: ...".
  std::string text;
};

struct FoldOutput {
  /// The module after the pass, as mlir-opt prints it.
  std::string text;
  /// One record per quantize the pass looked at, in order.
  std::vector<FoldRecord> records;
  /// Remarks and warnings emitted on the way (report-folded and friends,
  /// NaN codes), in order.
  std::vector<Message> messages;
};

/// Parses `text`, runs --tosa-fold-to-table with `options` (and the
/// verifier) and prints the result. Fails with the diagnostics when the
/// text does not parse, an option is invalid, or the pass fails (strict).
llvm::Expected<FoldOutput> foldModule(const std::string &text,
                                      const FoldOptions &options);

} // namespace lutfold::api

#endif // LUTFOLD_API_API_H
