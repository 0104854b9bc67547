//===- Int16ErrorReport.cpp - Error of int16 tables, ours and others' -----===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Prints, per function and parameter set, the maximum and mean error in
// output codes of the TABLE + RESCALE path against the numerics preset's
// reference, over every input code of the input type, for LutFold's fitted
// table and for the methods of ExecuTorch's Arm backend and of TFLite.
//
// Without options it reports a built-in suite of typical a16 cases as a
// Markdown table. With --op and parameters it reports one case; with --dump
// it prints instead the output code of LutFold's table for each of the
// 65,536 input codes, one per line.
//
//===----------------------------------------------------------------------===//

#include "Int16Baselines.h"
#include "lutfold/Numerics/Int16Table.h"
#include "lutfold/Numerics/NumericsOption.h"
#include "lutfold/Numerics/ScalarFunctions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace lutfold;
namespace cl = llvm::cl;

static cl::opt<std::string>
    opName("op", cl::desc("Function: sigmoid, tanh, exp, erf, silu, gelu, "
                          "and the others lutfold-table knows"));
static cl::opt<double> inScale("in-scale", cl::desc("Input scale"),
                               cl::init(0.0));
static cl::opt<int64_t> inZeroPoint("in-zp", cl::desc("Input zero point"),
                                    cl::init(0));
static cl::opt<bool> inNarrow("in-narrow",
                              cl::desc("Input codes in [-32767, 32767]"));
static cl::opt<double> outScale("out-scale", cl::desc("Output scale"),
                                cl::init(0.0));
static cl::opt<int64_t> outZeroPoint("out-zp", cl::desc("Output zero point"),
                                     cl::init(0));
static cl::opt<bool> outNarrow("out-narrow",
                               cl::desc("Output codes in [-32767, 32767]"));
static cl::opt<unsigned> outBits("out-bits",
                                 cl::desc("Output storage width: 16 or 8"),
                                 cl::init(16));
static cl::opt<NumericsPreset> preset("numerics", cl::desc("Numerics preset"),
                                      cl::init(kDefaultNumericsPreset),
                                      getNumericsPresetValues());
static cl::opt<bool> dump("dump", cl::desc("Print the output code of "
                                           "LutFold's table for every input "
                                           "code"));
static cl::opt<unsigned>
    sweep("sweep",
          cl::desc("Compare the fit with LutFold 0.1's and the "
                   "other methods on this many random typical cases"),
          cl::init(0));
static cl::opt<unsigned> seed("seed", cl::desc("Seed of --sweep"), cl::init(1));

using Function = scalar::UnaryFunction;

namespace {
struct Case {
  std::string op;
  QuantParams in;
  QuantParams out;
};
} // namespace

static QuantParams int16Params(double scale, int64_t zeroPoint, bool narrow) {
  return {StorageType::i16(), scale, zeroPoint, narrow ? -32767 : -32768,
          32767};
}

/// Typical a16 parameters: symmetric narrow int16 (ExecuTorch's and TFLite's
/// 16x8 schemes, zero point 0) over the usual calibrated ranges, and
/// asymmetric full-range ones (PT2E's default int16 observers).
static std::vector<Case> builtinSuite() {
  auto symmetric = [](double bound) {
    return int16Params(bound / 32767.0, 0, /*narrow=*/true);
  };
  auto asymmetric = [](double lo, double hi) {
    double scale = (hi - lo) / 65535.0;
    int64_t zeroPoint = -32768 - static_cast<int64_t>(std::llround(lo / scale));
    return int16Params(scale, zeroPoint, /*narrow=*/false);
  };
  return {
      {"sigmoid", symmetric(8.0), symmetric(1.0)},
      {"sigmoid", asymmetric(-10.0, 6.0), asymmetric(0.0, 1.0)},
      {"tanh", symmetric(4.0), symmetric(1.0)},
      {"tanh", asymmetric(-3.0, 5.0), asymmetric(-1.0, 1.0)},
      {"exp", symmetric(4.0), symmetric(std::exp(4.0))},
      {"exp", asymmetric(-8.0, 2.0), asymmetric(0.0, std::exp(2.0))},
      {"erf", symmetric(3.0), symmetric(1.0)},
      {"erf", asymmetric(-2.5, 3.5), asymmetric(-1.0, 1.0)},
      {"silu", symmetric(8.0), symmetric(8.0)},
      {"gelu", asymmetric(-5.0, 5.0), asymmetric(-0.2, 5.0)},
      // int16 -> int8: neither ExecuTorch nor TFLite build this table.
      {"sigmoid",
       symmetric(8.0),
       {StorageType::i8(), 1.0 / 256, -128, -128, 127}},
  };
}

static std::string describe(const QuantParams &params) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("%.3g", params.scale) << ", " << params.zeroPoint
     << (params.qmin == -32767 ? ", narrow" : "");
  return text;
}

/// Random typical cases: an activation over a calibrated input range
/// (symmetric narrow or asymmetric full-range int16), its output range as an
/// observer would see it, at times cut short or widened, and a quarter of
/// the outputs in int8.
static std::vector<Case> randomSuite(unsigned count, unsigned seed) {
  struct Activation {
    const char *op;
    double inLow, inHigh; // the input range's bounds are drawn in these
    Function fn;
  };
  static const Activation activations[] = {
      {"sigmoid", 2, 16, nullptr},     {"tanh", 1, 6, nullptr},
      {"exp", 1, 10, nullptr},         {"erf", 1, 4, nullptr},
      {"silu", 1, 10, nullptr},        {"gelu", 1, 10, nullptr},
      {"gelu_tanh", 1, 10, nullptr},   {"hardswish", 3, 10, nullptr},
      {"hardsigmoid", 3, 10, nullptr},
  };
  std::mt19937 rng(seed);
  // mt19937's sequence is the same everywhere; the distributions are not.
  auto uniform = [&](double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(rng() >> 8) / (1 << 24);
  };
  auto pick = [&](unsigned n) { return static_cast<unsigned>(rng() % n); };
  auto params = [&](StorageType storage, double lo, double hi) {
    double symmetricBound = std::max(std::abs(lo), std::abs(hi));
    if (pick(2) == 0)
      return QuantParams{storage, symmetricBound / storage.maxValue(), 0,
                         storage.minValue() + 1, storage.maxValue()};
    double range = storage.maxValue() - storage.minValue();
    double scale = (hi - lo) / range;
    int64_t zeroPoint =
        std::clamp<int64_t>(storage.minValue() - std::llround(lo / scale),
                            storage.minValue(), storage.maxValue());
    return QuantParams{storage, scale, zeroPoint, storage.minValue(),
                       storage.maxValue()};
  };

  std::vector<Case> cases;
  while (cases.size() < count) {
    const Activation &activation = activations[pick(std::size(activations))];
    Function fn = scalar::lookupUnaryFunction(activation.op);
    double inLow = -uniform(activation.inLow, activation.inHigh);
    double inHigh = uniform(activation.inLow, activation.inHigh);
    if (llvm::StringRef(activation.op) == "exp")
      inHigh = uniform(0.25, 4.0);
    // The function's range over the input range, sampled.
    double outLow = 0.0, outHigh = 0.0;
    for (int i = 0; i <= 1024; ++i) {
      double y = fn(static_cast<float>(inLow + (inHigh - inLow) * i / 1024));
      outLow = std::min(outLow, y);
      outHigh = std::max(outHigh, y);
    }
    double stretch = pick(3) == 0 ? uniform(0.6, 1.0) : uniform(1.0, 1.3);
    StorageType outStorage =
        pick(4) == 0 ? StorageType::i8() : StorageType::i16();
    cases.push_back({activation.op, params(StorageType::i16(), inLow, inHigh),
                     params(outStorage, outLow * stretch, outHigh * stretch)});
  }
  return cases;
}

/// A case's reference, fitted by LutFold and by LutFold 0.1, with each
/// fit's time.
struct CaseFits {
  Function fn;
  Int16Reference reference;
  Int16Table ours, previous;
  double milliseconds, previousMilliseconds;
};

/// Fits case `c` both ways; says why not when it cannot.
static std::optional<CaseFits> fitCase(const Case &c, NumericsPreset preset) {
  Function fn = scalar::lookupUnaryFunction(c.op);
  llvm::Expected<Int16Reference> reference =
      buildInt16Reference(c.in, c.out, fn, preset);
  if (!reference) {
    llvm::WithColor::error()
        << c.op << ": " << llvm::toString(reference.takeError()) << "\n";
    return std::nullopt;
  }
  auto start = std::chrono::steady_clock::now();
  llvm::Expected<Int16Table> ours = fitInt16Table(*reference);
  auto middle = std::chrono::steady_clock::now();
  llvm::Expected<Int16Table> previous =
      baselines::fitInt16TableWindowed(*reference);
  auto stop = std::chrono::steady_clock::now();
  if (!ours || !previous) {
    llvm::Error error =
        llvm::joinErrors(ours.takeError(), previous.takeError());
    llvm::WithColor::error()
        << c.op << ": " << llvm::toString(std::move(error)) << "\n";
    return std::nullopt;
  }
  using Milliseconds = std::chrono::duration<double, std::milli>;
  return CaseFits{fn,
                  std::move(*reference),
                  std::move(*ours),
                  std::move(*previous),
                  Milliseconds(middle - start).count(),
                  Milliseconds(stop - middle).count()};
}

/// --sweep: LutFold's fit against LutFold 0.1's and the other methods.
static int sweepReport(llvm::ArrayRef<Case> cases, NumericsPreset preset) {
  struct Tally {
    unsigned better = 0, same = 0, worse = 0;
    void add(double ours, double theirs) {
      if (ours < theirs)
        ++better;
      else if (ours > theirs)
        ++worse;
      else
        ++same;
    }
  };
  Tally previousMax, previousMean, executorchMax, executorchMean, tfliteMax,
      tfliteMean;
  std::vector<double> times, previousTimes;
  double meanOfMeans = 0, previousMeanOfMeans = 0;
  // Per function and output width: cases, the largest error, and how many
  // cases the fold's default cap (max-error) declines.
  struct CapTally {
    unsigned cases = 0, aboveCap = 0;
    int64_t maxError = 0;
  };
  std::map<std::pair<std::string, unsigned>, CapTally> capTallies;
  llvm::raw_ostream &os = llvm::outs();
  for (const Case &c : cases) {
    std::optional<CaseFits> fits = fitCase(c, preset);
    if (!fits)
      return 1;
    const Int16Reference &reference = fits->reference;
    times.push_back(fits->milliseconds);
    previousTimes.push_back(fits->previousMilliseconds);
    Int16TableError error = *fits->ours.fitError;
    CapTally &cap = capTallies[{c.op, c.out.storage.bitWidth}];
    ++cap.cases;
    cap.maxError = std::max(cap.maxError, error.maxError);
    cap.aboveCap +=
        error.maxError > getDefaultMaxError(c.out.qmax - c.out.qmin + 1);
    Int16TableError previousError =
        measureInt16TableError(fits->previous, reference);
    previousMax.add(error.maxError, previousError.maxError);
    previousMean.add(error.meanError, previousError.meanError);
    meanOfMeans += error.meanError / cases.size();
    previousMeanOfMeans += previousError.meanError / cases.size();
    auto arguments = [&] {
      std::string text;
      llvm::raw_string_ostream os(text);
      os << "--op " << c.op << " --in-scale "
         << llvm::format("%.9g", c.in.scale) << " --in-zp " << c.in.zeroPoint
         << (c.in.qmin == -32767 ? " --in-narrow" : "") << " --out-scale "
         << llvm::format("%.9g", c.out.scale) << " --out-zp " << c.out.zeroPoint
         << (c.out.qmin == c.out.storage.minValue() + 1 ? " --out-narrow" : "")
         << " --out-bits " << c.out.storage.bitWidth;
      return text;
    };
    auto reportWorse = [&](llvm::StringRef method,
                           const Int16TableError &other) {
      if (error.maxError <= other.maxError &&
          error.meanError <= other.meanError)
        return;
      os << (error.maxError > other.maxError ? "worse maximum error than "
                                             : "worse mean error than ")
         << method << ": " << arguments() << ": " << error.maxError << " / "
         << llvm::format("%.4f", error.meanError) << " against "
         << other.maxError << " / " << llvm::format("%.4f", other.meanError)
         << "\n";
    };
    reportWorse("LutFold 0.1", previousError);
    auto compare = [&](llvm::StringRef method, llvm::Expected<Int16Table> other,
                       Tally &max, Tally &mean) {
      if (!other) {
        llvm::consumeError(other.takeError());
        return;
      }
      Int16TableError otherError = measureInt16TableError(*other, reference);
      reportWorse(method, otherError);
      max.add(error.maxError, otherError.maxError);
      mean.add(error.meanError, otherError.meanError);
    };
    compare("ExecuTorch",
            baselines::buildExecuTorchInt16Table(c.in, c.out, fits->fn, preset),
            executorchMax, executorchMean);
    compare("TFLite", baselines::buildTFLiteInt16Table(c.in, c.out, fits->fn),
            tfliteMax, tfliteMean);
  }
  auto line = [&](llvm::StringRef name, const Tally &max, const Tally &mean) {
    os << "| " << name << " | " << max.better << " / " << max.same << " / "
       << max.worse << " | " << mean.better << " / " << mean.same << " / "
       << mean.worse << " |\n";
  };
  os << "\n"
     << cases.size() << " random cases, seed " << seed << "\n\n"
     << "| LutFold against | max error: better / same / worse | mean error: "
        "better / same / worse |\n|---|---|---|\n";
  line("LutFold 0.1", previousMax, previousMean);
  line("ExecuTorch (i16 outputs)", executorchMax, executorchMean);
  line("TFLite (i16 outputs)", tfliteMax, tfliteMean);
  os << "\n| function | output | cases | largest max error | above the "
        "default cap |\n|---|---|---|---|---|\n";
  for (const auto &[key, cap] : capTallies)
    os << "| " << key.first << " | i" << key.second << " | " << cap.cases
       << " | " << cap.maxError << " | " << cap.aboveCap << " |\n";
  auto summary = [&](llvm::StringRef name, std::vector<double> &ms) {
    llvm::sort(ms);
    double total = 0;
    for (double t : ms)
      total += t;
    os << "| " << name << " | " << llvm::format("%.2f", ms[ms.size() / 2])
       << " | " << llvm::format("%.2f", ms.back()) << " | "
       << llvm::format("%.0f", total) << " |\n";
  };
  os << "\n| fit | median ms | max ms | total ms |\n|---|---|---|---|\n";
  summary("LutFold", times);
  summary("LutFold 0.1", previousTimes);
  os << "\nMean error over the cases: " << llvm::format("%.4f", meanOfMeans)
     << " (LutFold 0.1: " << llvm::format("%.4f", previousMeanOfMeans) << ")\n";
  // Exit status 2 flags a regression against LutFold 0.1: a worse maximum
  // error in any case, or a worse mean error over the cases. A local search
  // from another start can end a little above 0.1's mean in a case; the
  // other methods are reported only (minimising the maximum first can cost
  // some mean error against them, on functions with kinks).
  return previousMax.worse || meanOfMeans > previousMeanOfMeans ? 2 : 0;
}

/// One cell of the error table: n/a when the method has no table (it
/// consumes why).
static void printError(llvm::raw_ostream &os, llvm::Expected<Int16Table> table,
                       const Int16Reference &reference) {
  if (!table) {
    llvm::consumeError(table.takeError());
    os << " n/a |";
    return;
  }
  Int16TableError error = measureInt16TableError(*table, reference);
  os << " " << error.maxError << " / " << llvm::format("%.4f", error.meanError)
     << " |";
}

static int report(llvm::ArrayRef<Case> cases, NumericsPreset preset) {
  llvm::raw_ostream &os = llvm::outs();
  os << "| function | input (scale, zp) | output (scale, zp) | LutFold | "
        "ExecuTorch | TFLite | LutFold 0.1 | table unit | fit ms | 0.1 fit "
        "ms |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n";
  for (const Case &c : cases) {
    std::optional<CaseFits> fits = fitCase(c, preset);
    if (!fits)
      return 1;
    const Int16Reference &reference = fits->reference;
    os << "| " << c.op << " | " << describe(c.in) << " | " << describe(c.out)
       << " |";
    printError(os, fits->ours, reference);
    printError(
        os, baselines::buildExecuTorchInt16Table(c.in, c.out, fits->fn, preset),
        reference);
    printError(os, baselines::buildTFLiteInt16Table(c.in, c.out, fits->fn),
               reference);
    printError(os, fits->previous, reference);
    // The table unit in output codes: 2^-k means k extra fractional bits.
    double unit = 1.0 / (128.0 * fits->ours.rescale.getScale());
    os << " " << llvm::format("%.4g", unit) << " | "
       << llvm::format("%.1f", fits->milliseconds) << " | "
       << llvm::format("%.1f", fits->previousMilliseconds) << " |\n";
  }
  return 0;
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  cl::ParseCommandLineOptions(
      argc, argv,
      "Error of int16 TABLE + RESCALE tables against the reference\n");
  if (sweep)
    return sweepReport(randomSuite(sweep, seed), preset);
  if (opName.empty())
    return report(builtinSuite(), preset);

  Function fn = scalar::lookupUnaryFunction(opName);
  if (!fn) {
    llvm::WithColor::error() << "unknown function '" << opName << "'\n";
    return 1;
  }
  if (outBits != 8 && outBits != 16) {
    llvm::WithColor::error() << "--out-bits must be 8 or 16\n";
    return 1;
  }
  Case c{opName, int16Params(inScale, inZeroPoint, inNarrow), {}};
  StorageType outStorage{outBits, true};
  c.out = {outStorage, outScale, outZeroPoint,
           outStorage.minValue() + (outNarrow ? 1 : 0), outStorage.maxValue()};
  if (!dump)
    return report({c}, preset);

  llvm::Expected<Int16Table> table = buildInt16Table(c.in, c.out, fn, preset);
  if (!table) {
    llvm::WithColor::error() << llvm::toString(table.takeError()) << "\n";
    return 1;
  }
  for (int64_t code = Int16Table::kFirstCode; code <= 32767; ++code)
    llvm::outs() << table->evaluate(code) << "\n";
  return 0;
}
