//===- ChainFuzzer.cpp - Fuzzer for --tosa-compose-tables -----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Builds a function holding a random chain of integer operations on i8
// values (tables, clamps, casts, i32 arithmetic, bitwise and shift operators,
// per-tensor RESCALEs in every mode), sometimes with an intermediate value
// used twice, and composes it. Invariants: the module verifies; a chain with
// no second use becomes one tosa.table on the input (or the input itself)
// whose entries equal, for all 256 codes, the chain evaluated by the slow
// reference below, written from the TOSA specification apart from the
// library's interpreter; a chain with a second use keeps that value.
//
//===----------------------------------------------------------------------===//

#include "Spellings.h"
#include "lutfold/Transforms/ComposeTables.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

using namespace mlir;
using namespace lutfold;

static void fail(const char *what, const std::string &text) {
  std::fprintf(stderr, "invariant broken: %s\n%s\n", what, text.c_str());
  std::abort();
}

static MLIRContext &getContext() {
  static MLIRContext *context = [] {
    DialectRegistry registry;
    registry
        .insert<func::FuncDialect, quant::QuantDialect, tosa::TosaDialect>();
    auto *ctx = new MLIRContext(registry);
    ctx->loadAllAvailableDialects();
    ctx->getDiagEngine().registerHandler([](Diagnostic &) {});
    return ctx;
  }();
  return *context;
}

namespace reference {
/// `value` wrapped to `bits` bits, two's complement.
static int64_t wrap(int64_t value, unsigned bits) {
  uint64_t mask = (uint64_t(1) << bits) - 1;
  uint64_t sign = uint64_t(1) << (bits - 1);
  return static_cast<int64_t>(((static_cast<uint64_t>(value) & mask) ^ sign) -
                              sign);
}

/// The RESCALE pseudocode of the TOSA 1.0 specification.
static int64_t rescale(int64_t value, int64_t multiplier, int64_t shift,
                       int64_t inZp, int64_t outZp, bool scale32,
                       bool doubleRound, bool inUnsigned, bool outUnsigned,
                       unsigned inBits, unsigned outBits) {
  if (inUnsigned) {
    value &= (int64_t(1) << inBits) - 1;
    inZp &= (int64_t(1) << inBits) - 1;
  }
  if (outUnsigned)
    outZp &= (int64_t(1) << outBits) - 1;
  __int128 v = static_cast<__int128>(value) - inZp;
  __int128 round = __int128(1) << (shift - 1);
  if (scale32 && doubleRound && shift > 31)
    round += v >= 0 ? (__int128(1) << 30) : -(__int128(1) << 30);
  __int128 result = (v * multiplier + round) >> shift;
  result += outZp;
  __int128 lo = outUnsigned ? 0 : -(__int128(1) << (outBits - 1));
  __int128 hi = outUnsigned ? (__int128(1) << outBits) - 1
                            : (__int128(1) << (outBits - 1)) - 1;
  result = std::max(lo, std::min(hi, result));
  return wrap(static_cast<int64_t>(result), outBits);
}
} // namespace reference

namespace {
/// The chain being generated: its text and its meaning.
struct ChainBuilder {
  std::string body;
  std::vector<std::function<int64_t(int64_t)>> steps;
  int next = 0;
  std::string value = "%arg0";
  unsigned bits = 8;
  /// A RESCALE that TOSA forbids was emitted: the pass must leave it.
  bool hasInvalidRescale = false;

  std::string fresh() { return "%v" + std::to_string(next++); }
  std::string type() const { return "tensor<4xi" + std::to_string(bits) + ">"; }
  std::string constant(int64_t v, unsigned width) {
    std::string name = fresh();
    body += "  " + name + " = \"tosa.const\"() <{values = dense<" +
            std::to_string(v) + "> : tensor<1xi" + std::to_string(width) +
            ">}> : () -> tensor<1xi" + std::to_string(width) + ">\n";
    return name;
  }
  void emit(const std::string &op, const std::string &operands,
            const std::string &attrs, const std::string &operandTypes,
            unsigned resultBits) {
    std::string name = fresh();
    std::string resultType = "tensor<4xi" + std::to_string(resultBits) + ">";
    body += "  " + name + " = " + op + " " + operands + attrs + " : (" +
            operandTypes + ") -> " + resultType + "\n";
    value = name;
    bits = resultBits;
  }
};
} // namespace

/// Appends one random operation to `chain`.
static void addStep(FuzzedDataProvider &fdp, ChainBuilder &chain) {
  unsigned bits = chain.bits;
  int64_t lo = -(int64_t(1) << (bits - 1)), hi = (int64_t(1) << (bits - 1)) - 1;
  auto random = [&](int64_t a, int64_t b) {
    return fdp.ConsumeIntegralInRange<int64_t>(a, b);
  };
  std::string t = chain.type(), v = chain.value;
  std::string c1 = "tensor<1xi" + std::to_string(bits) + ">";
  switch (fdp.ConsumeIntegralInRange<int>(0, 9)) {
  case 0: { // TABLE (i8 only; otherwise a clamp)
    if (bits != 8)
      [[fallthrough]];
    else {
      std::vector<int64_t> entries(256);
      for (int64_t &entry : entries)
        entry = random(-128, 127);
      std::string values;
      for (int64_t entry : entries)
        values += (values.empty() ? "" : ", ") + std::to_string(entry);
      std::string table = chain.fresh();
      chain.body += "  " + table + " = \"tosa.const\"() <{values = dense<[" +
                    values + "]> : tensor<256xi8>}> : () -> tensor<256xi8>\n";
      chain.emit("tosa.table", v + ", " + table, "", t + ", tensor<256xi8>", 8);
      chain.steps.push_back([entries](int64_t x) { return entries[x + 128]; });
      break;
    }
  }
  case 1: { // CLAMP
    int64_t a = random(lo, hi), b = random(a, hi);
    std::string attrs =
        " {min_val = " + std::to_string(a) + " : i" + std::to_string(bits) +
        ", max_val = " + std::to_string(b) + " : i" + std::to_string(bits) +
        consumeNanModeEntry(fdp, /*others=*/true) + "}";
    chain.emit("tosa.clamp", v, attrs, t, bits);
    chain.steps.push_back(
        [a, b](int64_t x) { return std::max(a, std::min(b, x)); });
    break;
  }
  case 2: { // CAST between i8 and i32, keeping the low bits
    unsigned to = bits == 8 ? 32 : 8;
    chain.emit("tosa.cast", v, "", t, to);
    chain.steps.push_back([to](int64_t x) { return reference::wrap(x, to); });
    break;
  }
  case 3: { // ADD, SUB
    bool add = fdp.ConsumeBool();
    int64_t k = random(lo / 2, hi / 2);
    std::string c = chain.constant(k, bits);
    chain.emit(add ? "tosa.add" : "tosa.sub", v + ", " + c, "", t + ", " + c1,
               bits);
    chain.steps.push_back(
        [=](int64_t x) { return reference::wrap(add ? x + k : x - k, bits); });
    break;
  }
  case 4: { // MUL, with a rounding shift on i32
    int64_t k = random(-40, 40);
    int64_t shift = bits == 32 ? random(0, 6) : 0;
    std::string c = chain.constant(k, bits), s = chain.constant(shift, 8);
    chain.emit("tosa.mul", v + ", " + c + ", " + s, "",
               t + ", " + c1 + ", tensor<1xi8>", bits);
    chain.steps.push_back([=](int64_t x) {
      int64_t product = x * k;
      if (shift > 0)
        product = (product + (int64_t(1) << (shift - 1))) >> shift;
      return reference::wrap(product, bits);
    });
    break;
  }
  case 5: { // BITWISE_AND, OR, XOR
    int op = fdp.ConsumeIntegralInRange<int>(0, 2);
    int64_t k = random(lo, hi);
    std::string c = chain.constant(k, bits);
    const char *names[] = {"tosa.bitwise_and", "tosa.bitwise_or",
                           "tosa.bitwise_xor"};
    chain.emit(names[op], v + ", " + c, "", t + ", " + c1, bits);
    chain.steps.push_back([=](int64_t x) {
      return op == 0 ? (x & k) : op == 1 ? (x | k) : (x ^ k);
    });
    break;
  }
  case 6: { // shifts by a constant below the width
    int op = fdp.ConsumeIntegralInRange<int>(0, 2);
    int64_t k = random(0, bits - 1);
    bool round = fdp.ConsumeBool();
    std::string c = chain.constant(k, bits);
    const char *names[] = {"tosa.logical_left_shift",
                           "tosa.logical_right_shift",
                           "tosa.arithmetic_right_shift"};
    chain.emit(names[op], v + ", " + c,
               op == 2 ? (round ? " {round = true}" : " {round = false}") : "",
               t + ", " + c1, bits);
    chain.steps.push_back([=](int64_t x) {
      uint64_t unsignedBits =
          static_cast<uint64_t>(x) & ((uint64_t(1) << bits) - 1);
      if (op == 0)
        return reference::wrap(static_cast<int64_t>(unsignedBits << k), bits);
      if (op == 1)
        return reference::wrap(static_cast<int64_t>(unsignedBits >> k), bits);
      int64_t result = x >> k;
      if (round && k > 0)
        result += (x >> (k - 1)) & 1;
      return result;
    });
    break;
  }
  case 7: { // ABS, BITWISE_NOT (NEGATE with zero points 0 on i32)
    bool abs = fdp.ConsumeBool();
    if (bits == 32 && !abs) {
      std::string zp1 = chain.constant(0, 32), zp2 = chain.constant(0, 32);
      chain.emit("tosa.negate", v + ", " + zp1 + ", " + zp2, "",
                 t + ", tensor<1xi32>, tensor<1xi32>", 32);
      // NEGATE clips to the type (apply_clip_s).
      chain.steps.push_back([](int64_t x) {
        return std::min<int64_t>(-x, (int64_t(1) << 31) - 1);
      });
    } else if (!abs && fdp.ConsumeBool()) {
      // -(x - input zp) + output zp, clipped (apply_clip_s).
      int64_t inZp = fdp.ConsumeBool() ? random(-128, 127) : 0;
      int64_t outZp = fdp.ConsumeBool() ? random(-128, 127) : 0;
      std::string zp1 = chain.constant(inZp, 8);
      std::string zp2 = chain.constant(outZp, 8);
      chain.emit("tosa.negate", v + ", " + zp1 + ", " + zp2, "",
                 t + ", tensor<1xi8>, tensor<1xi8>", 8);
      chain.steps.push_back([=](int64_t x) {
        return std::max<int64_t>(-128,
                                 std::min<int64_t>(127, -(x - inZp) + outZp));
      });
    } else if (abs && bits == 32) {
      chain.emit("tosa.abs", v, "", t, 32);
      chain.steps.push_back(
          [](int64_t x) { return reference::wrap(x < 0 ? -x : x, 32); });
    } else {
      chain.emit("tosa.bitwise_not", v, "", t, bits);
      chain.steps.push_back([](int64_t x) { return ~x; });
    }
    break;
  }
  default: { // RESCALE to i8 or i32, every mode
    unsigned to = fdp.ConsumeBool() ? 8 : 32;
    bool scale32 = bits == 32 || fdp.ConsumeBool();
    int64_t multiplier = scale32 ? random(1 << 30, (int64_t(1) << 31) - 1)
                                 : random(1 << 14, (1 << 15) - 1);
    int64_t shift = scale32 ? random(bits == 8 ? 28 : 30, bits == 8 ? 34 : 40)
                            : random(12, 18);
    bool doubleRound = scale32 && fdp.ConsumeBool();
    bool inUnsigned = bits == 8 && fdp.ConsumeIntegralInRange<int>(0, 4) == 0;
    bool outUnsigned = to == 8 && fdp.ConsumeIntegralInRange<int>(0, 4) == 0;
    // TOSA has unsigned ends only from 8 to 8 bits, one at a time, and
    // DOUBLE_ROUND only with scale32. Now and then one of these rules is
    // broken on purpose: the pass must decline that RESCALE.
    if (fdp.ConsumeIntegralInRange<int>(0, 15) == 0) {
      if (!scale32)
        doubleRound = true;
      else
        inUnsigned = outUnsigned = bits == 8 && to == 8;
      chain.hasInvalidRescale |=
          (!scale32 && doubleRound) || (inUnsigned && outUnsigned);
    } else {
      inUnsigned = inUnsigned && to == 8;
      outUnsigned = outUnsigned && bits == 8 && !inUnsigned;
    }
    int64_t inZp = bits == 8 ? random(-128, 127) : 0;
    int64_t outZp = to == 8 ? random(-128, 127) : 0;
    std::string m = chain.constant(multiplier, scale32 ? 32 : 16);
    std::string s = chain.constant(shift, 8);
    std::string izp = chain.constant(inZp, bits),
                ozp = chain.constant(outZp, to);
    auto flag = [](bool b) { return b ? "true" : "false"; };
    std::string attrs = std::string(" {input_unsigned = ") + flag(inUnsigned) +
                        ", output_unsigned = " + flag(outUnsigned) +
                        ", per_channel = false, rounding_mode = " +
                        (doubleRound ? "DOUBLE_ROUND" : "SINGLE_ROUND") +
                        ", scale32 = " + flag(scale32) + "}";
    chain.emit("tosa.rescale",
               v + ", " + m + ", " + s + ", " + izp + ", " + ozp, attrs,
               t + ", tensor<1xi" + (scale32 ? "32" : "16") +
                   ">, tensor<1xi8>, " + c1 + ", tensor<1xi" +
                   std::to_string(to) + ">",
               to);
    unsigned from = bits;
    chain.steps.push_back([=](int64_t x) {
      return reference::rescale(x, multiplier, shift, inZp, outZp, scale32,
                                doubleRound, inUnsigned, outUnsigned, from, to);
    });
    break;
  }
  }
}

/// The composition of `steps` on every i8 code, and whether it is the
/// identity.
static std::vector<int64_t>
evaluate(const std::vector<std::function<int64_t(int64_t)>> &steps,
         size_t first, size_t last, bool &identity) {
  std::vector<int64_t> expected(256);
  identity = true;
  for (int64_t code = -128; code <= 127; ++code) {
    int64_t x = code;
    for (size_t i = first; i < last; ++i)
      x = steps[i](x);
    expected[code + 128] = x;
    identity &= x == code;
  }
  return expected;
}

/// Checks what became of the chain steps [first, last) from `input` to
/// `result`: the input itself exactly when they are the identity, one
/// table on the input with the reference's entries when two or more steps
/// are no identity, the step itself when it is one.
static void checkPart(Value result, Value input,
                      const std::vector<std::function<int64_t(int64_t)>> &steps,
                      size_t first, size_t last, const std::string &text) {
  bool identity = false;
  std::vector<int64_t> expected = evaluate(steps, first, last, identity);
  if (result == input) {
    if (!identity)
      fail("a chain that is no identity was replaced by its input", text);
    return;
  }
  if (identity)
    fail("an identity chain was not replaced by its input", text);
  auto table = result.getDefiningOp<tosa::TableOp>();
  DenseIntElementsAttr entries;
  if (!table || table.getInput1() != input ||
      !matchPattern(table.getTable(), m_Constant(&entries))) {
    if (last - first >= 2)
      fail("the chain did not become one table on its input", text);
    return;
  }
  for (auto [i, entry] : llvm::enumerate(entries.getValues<APInt>()))
    if (entry.getSExtValue() != expected[i])
      fail("a composed entry differs from the reference", text);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  ChainBuilder chain;
  unsigned length = fdp.ConsumeIntegralInRange<unsigned>(2, 8);
  // A second use of an intermediate i8 value, returned too, cuts the chain
  // in two.
  unsigned forkAt = fdp.ConsumeIntegralInRange<unsigned>(1, 2 * length);
  std::string forked;
  size_t forkSteps = 0;
  for (unsigned i = 0; i < length || chain.bits != 8; ++i) {
    if (i < 16) {
      addStep(fdp, chain);
    } else {
      // Long enough in i32: back to i8.
      chain.emit("tosa.cast", chain.value, "", chain.type(), 8);
      chain.steps.push_back([](int64_t x) { return reference::wrap(x, 8); });
    }
    if (i + 1 == forkAt && chain.bits == 8 && i + 1 < length) {
      forked = chain.value;
      forkSteps = chain.steps.size();
    }
  }
  bool fork = !forked.empty();
  std::string text = "func.func @chain(%arg0: tensor<4xi8>) -> (tensor<4xi8>" +
                     std::string(fork ? ", tensor<4xi8>" : "") + ") {\n" +
                     chain.body + "  return " + chain.value +
                     (fork ? ", " + forked : "") + " : tensor<4xi8>" +
                     (fork ? ", tensor<4xi8>" : "") + "\n}\n";

  MLIRContext &context = getContext();
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(text, ParserConfig(&context));
  if (!module)
    fail("the generated chain does not parse", text);
  composeIntegerChains(*module, ComposeTablesOptions());
  if (failed(verify(*module)))
    fail("the composed module does not verify", text);

  auto function = *module->getOps<func::FuncOp>().begin();
  if (chain.hasInvalidRescale) {
    // Left as it was, with the steps around it that cannot compose alone.
    bool kept = false;
    function.walk([&](tosa::RescaleOp rescale) {
      kept |= (!rescale.getScale32() &&
               rescale.getRoundingMode() == tosa::RoundingMode::DOUBLE_ROUND) ||
              (rescale.getInputUnsigned() && rescale.getOutputUnsigned());
    });
    if (!kept)
      fail("a RESCALE that TOSA forbids was composed", text);
    return 0;
  }
  auto ret = cast<func::ReturnOp>(function.getBody().front().getTerminator());
  Value input = function.getArgument(0);
  if (!fork) {
    checkPart(ret.getOperand(0), input, chain.steps, 0, chain.steps.size(),
              text);
    return 0;
  }
  // Two chains: up to the forked value, and from it to the end.
  Value middle = ret.getOperand(1);
  checkPart(middle, input, chain.steps, 0, forkSteps, text);
  checkPart(ret.getOperand(0), middle, chain.steps, forkSteps,
            chain.steps.size(), text);
  return 0;
}
