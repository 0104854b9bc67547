//===- Quantization.cpp - Quantization parameters as callers write them --===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ApiSupport.h"

#include "lutfold/Numerics/ScalarFunctions.h"
#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/BuiltinTypes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace lutfold;
using namespace lutfold::api;

std::vector<std::string> lutfold::api::getOperationNames() {
  std::vector<std::string> names;
  for (llvm::StringRef name : scalar::getUnaryFunctionNames())
    names.push_back(name.str());
  return names;
}

std::vector<std::string> lutfold::api::getNumericsNames() {
  std::vector<std::string> names;
  for (const NumericsPresetInfo &info : getNumericsPresets())
    names.push_back(info.name.str());
  return names;
}

llvm::Expected<NumericsPreset>
lutfold::api::resolveNumerics(const std::string &name) {
  if (std::optional<NumericsPreset> preset = parseNumericsPreset(name))
    return *preset;
  return makeReason("numerics: unknown preset '" + name + "' (expected " +
                    llvm::join(getNumericsNames(), " or ") + ")");
}

/// `spec`'s type text read as the pass reads a quantized element type.
static llvm::Expected<QuantParams>
parseQuantType(const QuantSpec &spec, const std::string &role,
               llvm::ArrayRef<unsigned> bitWidths) {
  // A context of its own: parsing a type needs only the quant dialect.
  MLIRContext context;
  context.loadDialect<quant::QuantDialect>();
  DiagnosticCollector diagnostics(context);
  llvm::Expected<QuantParams> params =
      parseQuantParams(spec.type, &context, bitWidths);
  if (!params)
    return diagnostics.fail(role + ": " + takeReason(params.takeError()));
  return *params;
}

llvm::Expected<QuantParams>
lutfold::api::resolveQuantSpec(const QuantSpec &spec, const std::string &role,
                               const std::vector<unsigned> &bitWidths) {
  if (!spec.type.empty())
    return parseQuantType(spec, role, bitWidths);
  unsigned bits = spec.bits;
  if (bits == 0)
    bits = spec.qmin >= -128 && spec.qmax <= 127 ? 8 : 16;
  QuantParams params{StorageType{bits, /*isSigned=*/true}, spec.scale,
                     spec.zeroPoint, spec.qmin, spec.qmax};
  if (!llvm::is_contained(bitWidths, bits))
    return makeReason(role + ": " +
                      (spec.bits
                           ? ""
                           : "codes [" + std::to_string(spec.qmin) + ", " +
                                 std::to_string(spec.qmax) + "] need ") +
                      std::to_string(bits) + "-bit storage; expected " +
                      formatBitWidths(bitWidths) + " storage");
  if (llvm::Error error = params.validate())
    return makeReason(role + ": " + llvm::toString(std::move(error)));
  return params;
}
