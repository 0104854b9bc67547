//===- Tables.cpp - Tables of operations, islands and references ---------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ApiSupport.h"

#include "lutfold/Numerics/QuantizedTable.h"
#include "lutfold/Numerics/ScalarFunctions.h"
#include "lutfold/Transforms/Island.h"
#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>

using namespace mlir;
using namespace lutfold;
using namespace lutfold::api;

/// The quantized element type of `params` (signed storage, f32).
static quant::UniformQuantizedType getQuantizedType(MLIRContext &context,
                                                    const QuantParams &params) {
  return quant::UniformQuantizedType::get(
      quant::QuantizationFlags::Signed,
      IntegerType::get(&context, params.storage.bitWidth),
      Float32Type::get(&context), params.scale, params.zeroPoint, params.qmin,
      params.qmax);
}

/// The program of the island that a function of the float values computes:
/// the function is bracketed with a dequantize of `in` and a quantize to
/// `out`, and the island ending at that quantize is analysed as the pass
/// would analyse it.
static llvm::Expected<ScalarProgram>
analyzeFunctionText(const std::string &text, const QuantParams &in,
                    const QuantParams &out) {
  std::unique_ptr<MLIRContext> context = createContext();
  // The quantized types and casts below need their dialect loaded, whatever
  // the text uses.
  context->loadDialect<quant::QuantDialect>();
  DiagnosticCollector diagnostics(*context);
  ParserConfig config(context.get());
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(text, config, "<op>");
  if (!module)
    return diagnostics.fail("op: cannot parse the MLIR text");
  SmallVector<func::FuncOp> functions(module->getOps<func::FuncOp>());
  constexpr llvm::StringLiteral kExpected =
      "op: expected one func.func with one f32 tensor argument and one f32 "
      "tensor result";
  if (functions.size() != 1)
    return makeReason(
        (kExpected + ", found " + llvm::Twine(functions.size()) + " functions")
            .str());
  if (functions.front().isExternal())
    return makeReason(
        (kExpected + ", found a declaration without a body").str());
  func::FuncOp function = functions.front();
  auto isF32Tensor = [](Type type) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    return tensor && tensor.getElementType().isF32();
  };
  FunctionType type = function.getFunctionType();
  if (type.getNumInputs() != 1 || type.getNumResults() != 1 ||
      !isF32Tensor(type.getInput(0)) || !isF32Tensor(type.getResult(0))) {
    std::string found;
    llvm::raw_string_ostream(found) << type;
    return makeReason((kExpected + ", found '" + found + "'").str());
  }
  Block &body = function.getBody().front();
  auto ret = dyn_cast<func::ReturnOp>(body.getTerminator());
  if (!ret)
    return makeReason("op: the function does not end in func.return");

  BlockArgument argument = body.getArgument(0);
  if (ret.getOperand(0) == argument)
    return makeReason("op: the function returns its argument: there is no "
                      "activation to tabulate");

  // %q = qcast(%x) to in; %d = dcast(%q) replaces %x; the result is
  // quantized to out before the return.
  auto argumentType = cast<RankedTensorType>(argument.getType());
  OpBuilder builder(context.get());
  builder.setInsertionPointToStart(&body);
  Location loc = function.getLoc();
  Value codes = quant::QuantizeCastOp::create(
      builder, loc, argumentType.clone(getQuantizedType(*context, in)),
      argument);
  Value dequantized =
      quant::DequantizeCastOp::create(builder, loc, argumentType, codes);
  argument.replaceAllUsesExcept(dequantized, codes.getDefiningOp());
  builder.setInsertionPoint(ret);
  Value result = ret.getOperand(0);
  auto resultType = cast<RankedTensorType>(result.getType());
  Operation *sink = quant::QuantizeCastOp::create(
      builder, loc, resultType.clone(getQuantizedType(*context, out)), result);
  llvm::Expected<Island> island = analyzeIsland(sink, IslandLimits());
  if (!island)
    return makeReason("op: the function is not an island: " +
                      takeReason(island.takeError()));
  if (island->inputs.front().source != codes)
    return makeReason("op: the function's result does not depend on its "
                      "argument through element-wise operations");
  return std::move(island->program);
}

/// The float function `op` names or its MLIR text computes, for `in` and
/// `out`.
static llvm::Expected<std::function<float(float)>>
resolveFunction(const std::string &op, const QuantParams &in,
                const QuantParams &out) {
  // "tosa.sigmoid" names what "sigmoid" does, as in the pass's `ops`.
  llvm::StringRef name = op;
  name.consume_front("tosa.");
  if (scalar::UnaryFunction function = scalar::lookupUnaryFunction(name))
    return std::function<float(float)>(function);
  if (llvm::StringRef(op).trim().contains_insensitive("func.func")) {
    llvm::Expected<ScalarProgram> program = analyzeFunctionText(op, in, out);
    if (!program)
      return program.takeError();
    return std::function<float(float)>(
        [program = std::move(*program)](float x) { return program(x); });
  }
  return makeReason("op: unknown operation '" + op + "' (expected one of " +
                    llvm::join(getOperationNames(), ", ") +
                    ", or MLIR text of a func.func)");
}

/// The table of `op` from `in` to `out` in the form the storage widths
/// choose.
static llvm::Expected<QuantizedTable>
buildTable(const std::string &op, const QuantSpec &inSpec,
           const QuantSpec &outSpec, const std::string &numerics,
           std::vector<unsigned> inWidths, std::vector<unsigned> outWidths) {
  llvm::Expected<NumericsPreset> preset = resolveNumerics(numerics);
  if (!preset)
    return preset.takeError();
  llvm::Expected<QuantParams> in =
      resolveQuantSpec(inSpec, "input_q", inWidths);
  if (!in)
    return in.takeError();
  llvm::Expected<QuantParams> out =
      resolveQuantSpec(outSpec, "output_q", outWidths);
  if (!out)
    return out.takeError();
  const QuantParams &inParams = *in;
  const QuantParams &outParams = *out;
  llvm::Expected<std::function<float(float)>> function =
      resolveFunction(op, inParams, outParams);
  if (!function)
    return function.takeError();
  llvm::Expected<QuantizedTable> table = lutfold::buildQuantizedTable(
      inParams, outParams, *function, *preset, "output_q");
  if (!table)
    return table.takeError();
  return std::move(*table);
}

llvm::Expected<std::array<int8_t, 256>>
lutfold::api::buildInt8Table(const std::string &op, const QuantSpec &in,
                             const QuantSpec &out,
                             const std::string &numerics) {
  llvm::Expected<QuantizedTable> table =
      buildTable(op, in, out, numerics, {8}, {8});
  if (!table)
    return table.takeError();
  return std::get<Int8Table>(*table).entries;
}

llvm::Expected<Int16Table>
lutfold::api::buildInt16Table(const std::string &op, const QuantSpec &in,
                              const QuantSpec &out,
                              const std::string &numerics) {
  llvm::Expected<QuantizedTable> table =
      buildTable(op, in, out, numerics, {16}, {8, 16});
  if (!table)
    return table.takeError();
  return std::get<Int16Table>(std::move(*table));
}

llvm::Expected<Int16Table>
lutfold::api::fitInt16Table(const std::vector<int32_t> &codes,
                            const std::vector<double> &unrounded,
                            const QuantSpec &inSpec, const QuantSpec &outSpec) {
  llvm::Expected<QuantParams> in = resolveQuantSpec(inSpec, "input_q", {16});
  if (!in)
    return in.takeError();
  llvm::Expected<QuantParams> out =
      resolveQuantSpec(outSpec, "output_q", {8, 16});
  if (!out)
    return out.takeError();
  const QuantParams &inParams = *in;
  const QuantParams &outParams = *out;
  if (codes.size() != Int16Table::kNumCodes)
    return makeReason("reference: expected 65536 output codes, one per input "
                      "code from -32768 to 32767, got " +
                      std::to_string(codes.size()));
  if (!unrounded.empty() && unrounded.size() != Int16Table::kNumCodes)
    return makeReason("unrounded: expected 65536 values, got " +
                      std::to_string(unrounded.size()));
  // Codes the input cannot hold do not count, so their values do not
  // matter; those that count must be outputs the type can hold.
  for (int64_t code = inParams.qmin; code <= inParams.qmax; ++code) {
    int32_t value = codes[code - Int16Table::kFirstCode];
    if (value < outParams.qmin || value > outParams.qmax)
      return makeReason("reference: output code " + std::to_string(value) +
                        " for input code " + std::to_string(code) +
                        " is outside output_q's [" +
                        std::to_string(outParams.qmin) + ", " +
                        std::to_string(outParams.qmax) + "]");
  }
  Int16Reference reference = Int16Reference::between(inParams, outParams);
  reference.codes = codes;
  if (unrounded.empty()) {
    reference.unrounded.assign(codes.begin(), codes.end());
  } else {
    reference.unrounded.resize(Int16Table::kNumCodes);
    for (unsigned i = 0; i < Int16Table::kNumCodes; ++i)
      reference.unrounded[i] =
          std::isfinite(unrounded[i])
              ? std::clamp(unrounded[i], static_cast<double>(outParams.qmin),
                           static_cast<double>(outParams.qmax))
              : static_cast<double>(codes[i]);
  }
  llvm::Expected<Int16Table> table = lutfold::fitInt16Table(reference);
  if (!table)
    return table.takeError();
  return std::move(*table);
}
