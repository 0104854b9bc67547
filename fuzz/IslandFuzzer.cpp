//===- IslandFuzzer.cpp - Fuzz the island fold end to end -----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Builds a random function of random islands (element-wise DAGs over the
// supported operations, splat constants of either dialect or computed from
// constants, shapes static and dynamic, quantized types full, narrow,
// per-axis or unsigned, values with users outside the island, every
// spelling of nan_mode) and, for some islands, a plain-TOSA twin in
// onnx-mlir's current or earlier spelling (i8 zero points cast or
// subtracted and added in i8, reciprocal scales) with the computed
// constants written as literals. It parses the function and
// runs the fold. Invariants: the result verifies; every quantize either
// stays or becomes a table lookup on the storage of its input; every table
// equals the original island evaluated on each code with the slow reference
// numerics of Reference.h; every twin folds, and its table equals its
// island's program under onnx-mlir's arithmetic, written again there. Some
// islands read int16 (to int16 or int8): their TABLE + RESCALE, evaluated
// as the TOSA specification defines it (Reference.h), stays in the output
// range on every code, and its error against the reference numerics is the
// error the library measures for it.
//
//===----------------------------------------------------------------------===//

#include "Reference.h"
#include "Spellings.h"

#include "lutfold/Numerics/Int16Table.h"
#include "lutfold/Transforms/FoldToTable.h"
#include "lutfold/Transforms/Island.h"
#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"

#include "llvm/Support/raw_ostream.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

using namespace mlir;
using namespace lutfold;

static void fail(const char *what, Operation *op = nullptr) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  if (op)
    op->print(llvm::errs());
  std::abort();
}

/// Counts of what the inputs became; printed at exit when LUTFOLD_FUZZ_STATS
/// is set, to check that the generator mostly makes valid IR.
static struct Stats {
  unsigned long inputs = 0, valid = 0, islands = 0, twins = 0, int16 = 0,
                folded = 0;
  std::map<std::string, unsigned long> declined;
  ~Stats() {
    if (!std::getenv("LUTFOLD_FUZZ_STATS"))
      return;
    std::fprintf(stderr,
                 "inputs %lu, valid modules %lu, islands %lu (plain-TOSA twins "
                 "%lu, int16 %lu), folded %lu\n",
                 inputs, valid, islands, twins, int16, folded);
    for (auto &[reason, count] : declined)
      std::fprintf(stderr, "  declined %lu: %s\n", count, reason.c_str());
  }
} stats;

/// How many islands read int16 (LUTFOLD_FUZZ_INT16).
enum class Int16Mode { Some, Off, Only };
static Int16Mode int16Mode() {
  static const Int16Mode mode = [] {
    const char *value = std::getenv("LUTFOLD_FUZZ_INT16");
    if (!value)
      return Int16Mode::Some;
    if (std::string(value) == "off")
      return Int16Mode::Off;
    if (std::string(value) == "only")
      return Int16Mode::Only;
    std::fprintf(stderr, "LUTFOLD_FUZZ_INT16 is 'off' or 'only'\n");
    std::abort();
  }();
  return mode;
}

static MLIRContext &getContext() {
  static MLIRContext *context = [] {
    DialectRegistry registry;
    registry.insert<arith::ArithDialect, func::FuncDialect, quant::QuantDialect,
                    tensor::TensorDialect, tosa::TosaDialect>();
    auto *ctx = new MLIRContext(registry);
    ctx->loadAllAvailableDialects();
    // Generated IR may be invalid on purpose or by accident; its
    // diagnostics are not findings.
    ctx->getDiagEngine().registerHandler([](Diagnostic &) {});
    return ctx;
  }();
  return *context;
}

namespace {
struct Generator {
  FuzzedDataProvider &fdp;
  std::string body;
  /// The same operations with every computed constant written as a literal;
  /// the plain-TOSA twin of the island uses it, so that its table checks the
  /// evaluation of computed constants independently.
  std::string literalBody;
  int next = 0;
  std::string shape; // "2x3x" etc., with trailing x, or "" for rank 0
  std::string ones;  // rank-matched splat shape
  std::string ftype;

  std::string fresh() { return "%v" + std::to_string(next++); }

  std::string floatLiteral(float v) {
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.9e", v);
    return buffer;
  }

  void emit(const std::string &line) {
    body += line;
    literalBody += line;
  }

  std::string constant() {
    std::string name = fresh();
    float value = fdp.ConsumeFloatingPointInRange<float>(-6.0f, 6.0f);
    std::string type = "tensor<" + ones + "f32>";
    std::string literal =
        "  " + name + " = \"tosa.const\"() <{values = dense<" +
        floatLiteral(value) + "> : " + type + "}> : () -> " + type + "\n";
    switch (fdp.ConsumeIntegralInRange<int>(0, 3)) {
    case 0:
      emit("  " + name + " = arith.constant dense<" + floatLiteral(value) +
           "> : " + type + "\n");
      break;
    case 1: {
      // An i8 constant cast to f32, as exporters write zero points.
      int code = static_cast<int>(std::lround(value));
      std::string i8 = fresh(), i8type = "tensor<" + ones + "i8>";
      body += "  " + i8 + " = \"tosa.const\"() <{values = dense<" +
              std::to_string(code) + "> : " + i8type + "}> : () -> " + i8type +
              "\n  " + name + " = tosa.cast " + i8 + " : (" + i8type + ") -> " +
              type + "\n";
      literalBody += "  " + name + " = \"tosa.const\"() <{values = dense<" +
                     std::to_string(code) + ".0> : " + type + "}> : () -> " +
                     type + "\n";
      break;
    }
    case 2: {
      // The reciprocal of a constant, as onnx-mlir writes 1 / scale.
      std::string inner = fresh();
      float divisor = value == 0.0f ? 1.0f : value;
      body += "  " + inner + " = \"tosa.const\"() <{values = dense<" +
              floatLiteral(divisor) + "> : " + type + "}> : () -> " + type +
              "\n  " + name + " = tosa.reciprocal " + inner + " : (" + type +
              ") -> " + type + "\n";
      literalBody += "  " + name + " = \"tosa.const\"() <{values = dense<" +
                     floatLiteral(1.0f / divisor) + "> : " + type +
                     "}> : () -> " + type + "\n";
      break;
    }
    default:
      emit(literal);
    }
    return name + ":" + type;
  }

  std::string op(std::vector<std::string> &values) {
    auto pick = [&]() -> std::string {
      return values[fdp.ConsumeIntegralInRange<size_t>(0, values.size() - 1)];
    };
    auto nameOf = [](const std::string &v) { return v.substr(0, v.find(':')); };
    auto typeOf = [](const std::string &v) {
      return v.substr(v.find(':') + 1);
    };
    static const char *unary[] = {"sigmoid", "tanh", "exp",        "log",
                                  "erf",     "sin",  "cos",        "floor",
                                  "ceil",    "abs",  "reciprocal", "rsqrt"};
    static const char *binary[] = {"add", "sub", "maximum", "minimum", "pow"};
    std::string name = fresh();
    std::string line;
    switch (fdp.ConsumeIntegralInRange<int>(0, 5)) {
    case 0:
    case 1: {
      std::string a = pick();
      line = name + " = tosa." +
             unary[fdp.ConsumeIntegralInRange<size_t>(0, 11)] + " " +
             nameOf(a) + " : (" + typeOf(a) + ") -> " + ftype;
      break;
    }
    case 2: {
      std::string a = pick(), b = fdp.ConsumeBool() ? pick() : constant();
      std::string opName = binary[fdp.ConsumeIntegralInRange<size_t>(0, 4)];
      std::string attrs;
      if (opName == "maximum" || opName == "minimum")
        if (std::string entry = consumeNanModeEntry(fdp, /*others=*/false);
            !entry.empty())
          attrs = " {" + entry + "}";
      line = name + " = tosa." + opName + " " + nameOf(a) + ", " + nameOf(b) +
             attrs + " : (" + typeOf(a) + ", " + typeOf(b) + ") -> " + ftype;
      break;
    }
    case 3: {
      std::string a = pick(), b = fdp.ConsumeBool() ? pick() : constant();
      std::string shift = fresh();
      emit("  " + shift +
           " = \"tosa.const\"() <{values = dense<0> : tensor<1xi8>}> : () "
           "-> tensor<1xi8>\n");
      line = name + " = tosa.mul " + nameOf(a) + ", " + nameOf(b) + ", " +
             shift + " : (" + typeOf(a) + ", " + typeOf(b) +
             ", tensor<1xi8>) -> " + ftype;
      break;
    }
    case 4: {
      std::string a = pick();
      float lo = fdp.ConsumeFloatingPointInRange<float>(-6.0f, 0.0f);
      float hi = fdp.ConsumeFloatingPointInRange<float>(0.0f, 6.0f);
      line = name + " = tosa.clamp " + nameOf(a) +
             " {min_val = " + floatLiteral(lo) +
             " : f32, max_val = " + floatLiteral(hi) + " : f32" +
             consumeNanModeEntry(fdp, /*others=*/true) + "} : (" + typeOf(a) +
             ") -> " + ftype;
      break;
    }
    default: {
      std::string a = pick(), b = pick(), c = constant();
      std::string cond = fresh();
      std::string btype = "tensor<" + shape + "i1>";
      emit("  " + cond + " = tosa.greater " + nameOf(a) + ", " + nameOf(c) +
           " : (" + typeOf(a) + ", " + typeOf(c) + ") -> " + btype + "\n");
      line = name + " = tosa.select " + cond + ", " + nameOf(a) + ", " +
             nameOf(b) + " : (" + btype + ", " + typeOf(a) + ", " + typeOf(b) +
             ") -> " + ftype;
    }
    }
    emit("  " + line + "\n");
    return name + ":" + ftype;
  }
};

/// An int16 type, full or narrow, or (for outputs) an int8 one.
std::string int16QuantType(FuzzedDataProvider &fdp, reference::Params &params,
                           unsigned &bits, bool mayBeInt8) {
  double scale = std::ldexp(fdp.ConsumeFloatingPointInRange<double>(1.0, 2.0),
                            fdp.ConsumeIntegralInRange<int>(-16, -6));
  char scaleText[64];
  std::snprintf(scaleText, sizeof(scaleText), "%.17g", scale);
  if (mayBeInt8 && fdp.ConsumeBool()) {
    bits = 8;
    scale = std::ldexp(scale, 8);
    std::snprintf(scaleText, sizeof(scaleText), "%.17g", scale);
    int64_t zp = fdp.ConsumeIntegralInRange<int64_t>(-128, 127);
    params = {scale, zp, -128, 127};
    return "!quant.uniform<i8:f32, " + std::string(scaleText) + ":" +
           std::to_string(zp) + ">";
  }
  bits = 16;
  int64_t zp = fdp.ConsumeBool()
                   ? 0
                   : fdp.ConsumeIntegralInRange<int64_t>(-20000, 20000);
  if (fdp.ConsumeBool()) {
    params = {scale, zp, -32767, 32767};
    return "!quant.uniform<i16<-32767:32767>:f32, " + std::string(scaleText) +
           ":" + std::to_string(zp) + ">";
  }
  params = {scale, zp, -32768, 32767};
  return "!quant.uniform<i16:f32, " + std::string(scaleText) + ":" +
         std::to_string(zp) + ">";
}

std::string quantType(FuzzedDataProvider &fdp, reference::Params &params,
                      bool &perTensorI8) {
  perTensorI8 = true;
  double scale = std::ldexp(fdp.ConsumeFloatingPointInRange<double>(1.0, 2.0),
                            fdp.ConsumeIntegralInRange<int>(-12, 2));
  int64_t zp = fdp.ConsumeIntegralInRange<int64_t>(-128, 127);
  char scaleText[64];
  std::snprintf(scaleText, sizeof(scaleText), "%.17g", scale);
  // An exhausted provider gives 0: keep that the common case.
  switch (fdp.ConsumeIntegralInRange<int>(0, 9)) {
  case 9:
    perTensorI8 = false;
    return "!quant.uniform<u8:f32, " + std::string(scaleText) + ":" +
           std::to_string(zp + 128) + ">";
  case 8:
    perTensorI8 = false;
    return "!quant.uniform<i8:f32:0, {" + std::string(scaleText) + ":" +
           std::to_string(zp) + "}>";
  case 6:
  case 7:
    params = {scale, zp, -127, 127};
    return "!quant.uniform<i8<-127:127>:f32, " + std::string(scaleText) + ":" +
           std::to_string(zp) + ">";
  default:
    params = {scale, zp, -128, 127};
    return "!quant.uniform<i8:f32, " + std::string(scaleText) + ":" +
           std::to_string(zp) + ">";
  }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  ++stats.inputs;
  static const char *shapes[] = {"",     "4x",     "1x4x",
                                 "?x3x", "2x?x2x", "1x2x2x3x"};
  const char *shape = shapes[fdp.ConsumeIntegralInRange<size_t>(0, 5)];
  int rank = 0;
  for (const char *c = shape; *c; ++c)
    rank += *c == 'x';
  std::string ones;
  for (int i = 0; i < rank; ++i)
    ones += "1x";

  struct IslandInfo {
    reference::Params in, out;
    bool expectFoldable;
    /// Reads int16; writes int16 or int8 (outBits).
    bool int16 = false;
    unsigned outBits = 8;
    /// The island's operations with literal constants, its input and result.
    std::string literalBody, input, result;
  };
  std::vector<IslandInfo> islands;
  std::string args, results, returns, returnTypes, body;
  int next = 0;
  unsigned islandCount = fdp.ConsumeIntegralInRange<unsigned>(1, 3);
  for (unsigned k = 0; k < islandCount; ++k) {
    IslandInfo info{};
    bool inOk = true, outOk = true;
    // One island in 64 reads int16 (each fits a table and checks 65,536
    // codes); an exhausted provider keeps int8. LUTFOLD_FUZZ_INT16=off or
    // =only makes none or all of them int16.
    info.int16 = fdp.ConsumeIntegralInRange<int>(0, 63) == 63;
    if (int16Mode() != Int16Mode::Some)
      info.int16 = int16Mode() == Int16Mode::Only;
    std::string inType, outType;
    if (info.int16) {
      unsigned inBits;
      inType = int16QuantType(fdp, info.in, inBits, /*mayBeInt8=*/false);
      outType = int16QuantType(fdp, info.out, info.outBits,
                               /*mayBeInt8=*/true);
    } else {
      inType = quantType(fdp, info.in, inOk);
      outType = quantType(fdp, info.out, outOk);
    }
    info.expectFoldable = inOk && outOk;
    std::string qin = "tensor<" + std::string(shape) + inType + ">";
    std::string qout = "tensor<" + std::string(shape) + outType + ">";
    std::string ftype = "tensor<" + std::string(shape) + "f32>";
    std::string arg = "%arg" + std::to_string(k);
    args += (k ? ", " : "") + arg + ": " + qin;

    Generator gen{fdp, "", "", next, shape, ones, ftype};
    std::string x = gen.fresh();
    gen.body += "  " + x + " = quant.dcast " + arg + " : " + qin + " to " +
                ftype + "\n";
    std::vector<std::string> values = {x + ":" + ftype};
    unsigned ops = fdp.ConsumeIntegralInRange<unsigned>(1, 6);
    for (unsigned i = 0; i < ops; ++i)
      values.push_back(gen.op(values));
    std::string last = values.back();
    info.literalBody = gen.literalBody;
    info.input = x;
    info.result = last.substr(0, last.find(':'));
    std::string q = gen.fresh();
    gen.body += "  " + q + " = quant.qcast " + last.substr(0, last.find(':')) +
                " : " + ftype + " to " + qout + "\n";
    // Sometimes a value of the island is also used outside it.
    if (fdp.ConsumeBool()) {
      std::string extra =
          values[fdp.ConsumeIntegralInRange<size_t>(0, values.size() - 1)];
      returns += extra.substr(0, extra.find(':')) + ", ";
      returnTypes += extra.substr(extra.find(':') + 1) + ", ";
    }
    returns += q + ", ";
    returnTypes += qout + ", ";
    next = gen.next;
    body += gen.body;
    islands.push_back(info);
  }
  // Plain-TOSA twins of some islands, in onnx-mlir's current or earlier
  // spelling: the same operations between i8 codes, with literal constants
  // where the island computes them.
  struct Twin {
    unsigned island;
    bool earlier;
  };
  std::vector<Twin> twins;
  for (unsigned k = 0; k < islands.size(); ++k) {
    if (!islands[k].expectFoldable || islands[k].int16 || fdp.ConsumeBool())
      continue;
    Twin twin{k, fdp.ConsumeBool()};
    twins.push_back(twin);
    const IslandInfo &info = islands[k];
    std::string t = "%t" + std::to_string(k) + "_";
    std::string itype = "tensor<" + std::string(shape) + "i8>";
    std::string i32type = "tensor<" + std::string(shape) + "i32>";
    std::string ftype = "tensor<" + std::string(shape) + "f32>";
    std::string c8 = "tensor<" + ones + "i8>", cf = "tensor<" + ones + "f32>",
                c32 = "tensor<" + ones + "i32>";
    auto constant = [&](const std::string &name, const std::string &value,
                        const std::string &type) {
      body += "  " + name + " = \"tosa.const\"() <{values = dense<" + value +
              "> : " + type + "}> : () -> " + type + "\n";
    };
    std::string arg = "%p" + std::to_string(k);
    args += ", " + arg + ": " + itype;
    auto rename = [](std::string text) {
      for (size_t at = text.find("%v"); at != std::string::npos;
           at = text.find("%v", at))
        text[at + 1] = 'w';
      return text;
    };
    std::string x = rename(info.input), y = rename(info.result);
    char scale[64], outScale[64];
    std::snprintf(scale, sizeof(scale), "%.17g", info.in.scale);
    std::snprintf(outScale, sizeof(outScale), "%.17g", info.out.scale);
    constant(t + "zp", std::to_string(info.in.zeroPoint), c8);
    constant(t + "scale", scale, cf);
    constant(t + "shift", "0", "tensor<1xi8>");
    if (twin.earlier) {
      body += "  " + t + "codes = tosa.sub " + arg + ", " + t + "zp : (" +
              itype + ", " + c8 + ") -> " + itype + "\n  " + t +
              "f = tosa.cast " + t + "codes : (" + itype + ") -> " + ftype +
              "\n";
    } else {
      body += "  " + t + "a = tosa.cast " + arg + " : (" + itype + ") -> " +
              ftype + "\n  " + t + "zpf = tosa.cast " + t + "zp : (" + c8 +
              ") -> " + cf + "\n  " + t + "f = tosa.sub " + t + "a, " + t +
              "zpf : (" + ftype + ", " + cf + ") -> " + ftype + "\n";
    }
    body += "  " + x + " = tosa.mul " + t + "f, " + t + "scale, " + t +
            "shift : (" + ftype + ", " + cf + ", tensor<1xi8>) -> " + ftype +
            "\n" + rename(info.literalBody);
    constant(t + "oscale", outScale, cf);
    constant(t + "ozp", std::to_string(info.out.zeroPoint), c8);
    body += "  " + t + "inv = tosa.reciprocal " + t + "oscale : (" + cf +
            ") -> " + cf + "\n  " + t + "v = tosa.mul " + y + ", " + t +
            "inv, " + t + "shift : (" + ftype + ", " + cf +
            ", tensor<1xi8>) -> " + ftype + "\n";
    if (twin.earlier) {
      body += "  " + t + "q8 = tosa.cast " + t + "v : (" + ftype + ") -> " +
              itype + "\n  " + t + "q = tosa.add " + t + "q8, " + t +
              "ozp : (" + itype + ", " + c8 + ") -> " + itype + "\n";
    } else {
      body += "  " + t + "vi = tosa.cast " + t + "v : (" + ftype + ") -> " +
              i32type + "\n  " + t + "ozi = tosa.cast " + t + "ozp : (" + c8 +
              ") -> " + c32 + "\n  " + t + "r = tosa.add " + t + "vi, " + t +
              "ozi : (" + i32type + ", " + c32 + ") -> " + i32type + "\n  " +
              t + "cl = tosa.clamp " + t +
              "r {max_val = 127 : i32, min_val = -128 : i32} : (" + i32type +
              ") -> " + i32type + "\n  " + t + "q = tosa.cast " + t + "cl : (" +
              i32type + ") -> " + itype + "\n";
    }
    returns += t + "q, ";
    returnTypes += itype + ", ";
  }
  returns.resize(returns.size() - 2);
  returnTypes.resize(returnTypes.size() - 2);
  std::string text = "func.func @f(" + args + ") -> (" + returnTypes + ") {\n" +
                     body + "  return " + returns + " : " + returnTypes +
                     "\n}\n";

  MLIRContext &context = getContext();
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(text, ParserConfig(&context));
  if (!module || failed(verify(*module)))
    return 0; // The generator made invalid IR: not a finding.
  ++stats.valid;
  stats.islands += islands.size() + twins.size();
  stats.twins += twins.size();
  for (const IslandInfo &info : islands)
    stats.int16 += info.int16;

  // What each quantize should become, from its island before the fold.
  std::map<std::string, std::vector<int64_t>> expected;
  auto keyOf = [](Operation *op) {
    std::string key;
    llvm::raw_string_ostream(key) << op->getLoc();
    return key;
  };
  // int16 islands: the reference output code of every input code, which
  // codes count, and the error the library reports for its own fit.
  struct Int16Expectation {
    const IslandInfo *info;
    std::vector<int64_t> codes;
    std::vector<bool> counts;
    QuantParams in, out;
    ScalarProgram program;
  };
  std::map<std::string, Int16Expectation> expected16;
  // The programs of the islands, for their twins.
  std::map<unsigned, ScalarProgram> programs;
  unsigned islandIndex = 0;
  module->walk([&](quant::QuantizeCastOp sink) {
    unsigned index = islandIndex;
    const IslandInfo &info = islands[islandIndex++];
    llvm::Expected<Island> island = analyzeIsland(sink, IslandLimits());
    std::string reason = island ? "" : takeReason(island.takeError());
    if (!island || !info.expectFoldable) {
      // Types make reasons unique; keep the words before the first quote.
      ++stats.declined[info.expectFoldable ? reason.substr(0, reason.find('\''))
                                           : "unsupported quantized type"];
      return;
    }
    if (info.int16) {
      Int16Expectation expectation{&info, {}, {}, {}, {}, {}};
      for (int64_t code = -32768; code <= 32767; ++code) {
        float y = island->program(reference::dequantize(code, info.in));
        expectation.codes.push_back(
            reference::quantize(y, info.out, /*tflite=*/false));
        expectation.counts.push_back(code >= info.in.qmin &&
                                     code <= info.in.qmax && !std::isnan(y));
      }
      expectation.in = {StorageType::i16(), info.in.scale, info.in.zeroPoint,
                        info.in.qmin, info.in.qmax};
      expectation.out = {StorageType{info.outBits, true}, info.out.scale,
                         info.out.zeroPoint, info.out.qmin, info.out.qmax};
      expectation.program = island->program;
      expected16[keyOf(sink)] = std::move(expectation);
      return;
    }
    std::vector<int64_t> table;
    for (int64_t code = -128; code <= 127; ++code) {
      float y = island->program(reference::dequantize(code, info.in));
      table.push_back(reference::quantize(y, info.out, /*tflite=*/false));
    }
    expected[keyOf(sink)] = table;
    programs[index] = island->program;
  });
  // Each twin ends at a plain-TOSA sink, in order; its table follows from
  // its island's program and onnx-mlir's arithmetic, with the constants the
  // island computes written as literals.
  unsigned twinIndex = 0;
  for (Operation *sink : collectIslandSinks(*module)) {
    if (isa<quant::QuantizeCastOp>(sink))
      continue;
    if (twinIndex >= twins.size())
      fail("a plain-TOSA sink the generator did not write", sink);
    const Twin &twin = twins[twinIndex++];
    auto program = programs.find(twin.island);
    if (program == programs.end())
      fail("the twin of an island that does not fold", sink);
    const IslandInfo &info = islands[twin.island];
    std::vector<int64_t> table;
    for (int64_t code = -128; code <= 127; ++code) {
      float y = program->second(
          reference::dequantizeOnnx(code, info.in, twin.earlier));
      table.push_back(reference::quantizeOnnx(y, info.out, twin.earlier));
    }
    expected[keyOf(sink)] = table;
  }
  if (twinIndex != twins.size())
    fail("a twin without its plain-TOSA sink", *module);

  FoldToTableOptions options;
  foldIslandsToTables(*module, options);
  if (failed(verify(*module)))
    fail("folded IR does not verify", *module);

  unsigned checked = 0;
  auto splat = [&](Value value, Operation *at) {
    auto constant = value.getDefiningOp<tosa::ConstOp>();
    if (!constant)
      fail("a RESCALE operand is not a constant", at);
    return cast<DenseElementsAttr>(constant.getValues())
        .getSplatValue<APInt>()
        .getSExtValue();
  };
  module->walk([&](tosa::TableOp lookup) {
    auto constant = lookup.getTable().getDefiningOp<tosa::ConstOp>();
    if (!constant)
      fail("table is not a constant", lookup);
    if (auto it16 = expected16.find(keyOf(lookup)); it16 != expected16.end()) {
      const Int16Expectation &expectation = it16->second;
      if (!lookup->hasOneUse())
        fail("an int16 TABLE without its RESCALE", lookup);
      auto rescale = dyn_cast<tosa::RescaleOp>(*lookup->user_begin());
      if (!rescale)
        fail("an int16 TABLE without its RESCALE", lookup);
      std::vector<int64_t> entries;
      for (APInt v :
           cast<DenseElementsAttr>(constant.getValues()).getValues<APInt>())
        entries.push_back(v.getSExtValue());
      if (entries.size() != 513)
        fail("an int16 TABLE without 513 entries", lookup);
      int64_t multiplier = splat(rescale.getMultiplier(), rescale);
      int64_t shift = splat(rescale.getShift(), rescale);
      int64_t outputZeroPoint = splat(rescale.getOutputZp(), rescale);
      const IslandInfo &info = *expectation.info;
      int64_t maxError = 0, sum = 0, counted = 0;
      for (int64_t code = -32768; code <= 32767; ++code) {
        if (!expectation.counts[code + 32768])
          continue;
        int64_t output = reference::rescale(
            reference::tableInt16(entries.data(), code), multiplier, shift,
            outputZeroPoint, info.outBits);
        if (output < info.out.qmin || output > info.out.qmax)
          fail("an int16 table output outside the output range", lookup);
        int64_t error = std::abs(output - expectation.codes[code + 32768]);
        maxError = std::max(maxError, error);
        sum += error;
        ++counted;
      }
      // The library's measure of the emitted table, against its own
      // reference, must agree.
      Int16Table emitted;
      for (size_t i = 0; i < entries.size(); ++i)
        emitted.entries[i] = static_cast<int16_t>(entries[i]);
      emitted.rescale.multiplier = static_cast<int32_t>(multiplier);
      emitted.rescale.shift = static_cast<unsigned>(shift);
      emitted.rescale.outputZeroPoint = static_cast<int32_t>(outputZeroPoint);
      emitted.rescale.output = expectation.out.storage;
      llvm::Expected<Int16Reference> reference = buildInt16Reference(
          expectation.in, expectation.out, expectation.program);
      if (!reference)
        fail("no int16 reference for a valid island", lookup);
      Int16TableError reported = measureInt16TableError(emitted, *reference);
      if (maxError != reported.maxError ||
          counted != static_cast<int64_t>(reported.numCodes) ||
          (counted &&
           std::abs(double(sum) / counted - reported.meanError) > 1e-12))
        fail("an int16 table's error is not the one the library measures",
             lookup);
      ++checked;
      return;
    }
    // The lookup carries the location of the quantize it replaces.
    auto it = expected.find(keyOf(lookup));
    if (it == expected.end())
      fail("a table for an island that should not fold", lookup);
    auto values = cast<DenseElementsAttr>(constant.getValues());
    unsigned i = 0;
    for (APInt v : values.getValues<APInt>())
      if (v.getSExtValue() != it->second[i++])
        fail("table entry differs from the reference", lookup);
    ++checked;
  });
  if (checked != expected.size() + expected16.size())
    fail("a foldable island was not folded", *module);
  stats.folded += checked;
  return 0;
}
