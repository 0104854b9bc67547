//===- lutfold-table.cpp - Print and plot LutFold's tables ----------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Prints the table LutFold builds for an operation and quantization
// parameters, or for an island read from an .mlir file, as CSV or JSON, or
// plots it as SVG: the float function, the dequantized table as a staircase
// and the error per code. Parameters are written as MLIR quant types and
// checked exactly as the pass checks them.
//
//===----------------------------------------------------------------------===//

#include "TableData.h"

#include "lutfold/Numerics/NumericsOption.h"
#include "lutfold/Numerics/ScalarFunctions.h"
#include "lutfold/Transforms/Island.h"
#include "lutfold/Transforms/QuantTypes.h"
#include "lutfold/Version.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

using namespace mlir;
using namespace lutfold;
namespace cl = llvm::cl;

static cl::OptionCategory toolCategory("lutfold-table options");

static cl::opt<std::string> inputFile(cl::Positional, cl::desc("[island.mlir]"),
                                      cl::init(""), cl::cat(toolCategory));
static cl::opt<std::string>
    opName("op",
           cl::desc("Operation whose table to build (sigmoid, tanh, "
                    "exp, erf, silu, gelu, ...; see --help-ops)"),
           cl::cat(toolCategory));
static cl::opt<bool> helpOps("help-ops",
                             cl::desc("List the operations --op accepts"),
                             cl::cat(toolCategory));
static cl::opt<std::string>
    inType("in",
           cl::desc("Input quantized type, e.g. "
                    "'!quant.uniform<i8:f32, 0.05:-3>'"),
           cl::cat(toolCategory));
static cl::opt<std::string> outType("out", cl::desc("Output quantized type"),
                                    cl::cat(toolCategory));
static cl::opt<unsigned>
    islandIndex("island",
                cl::desc("Which island of the file (in order of their "
                         "quantizes, from 0)"),
                cl::init(0), cl::cat(toolCategory));
static cl::opt<bool> listIslands("list",
                                 cl::desc("List the file's islands and stop"),
                                 cl::cat(toolCategory));
static cl::opt<NumericsPreset> preset("numerics", cl::desc("Numerics preset"),
                                      cl::init(kDefaultNumericsPreset),
                                      getNumericsPresetValues(),
                                      cl::cat(toolCategory));
enum class Format { CSV, JSON, SVG };
static cl::opt<Format> format(
    "format", cl::desc("Output format"), cl::init(Format::CSV),
    cl::values(clEnumValN(Format::CSV, "csv", "one row per input code"),
               clEnumValN(Format::JSON, "json", "the table, and every code"),
               clEnumValN(Format::SVG, "svg",
                          "a plot of the function, the table and the "
                          "error")),
    cl::cat(toolCategory));
static cl::opt<std::string> outputFile("o", cl::desc("Output file"),
                                       cl::value_desc("file"), cl::init("-"),
                                       cl::cat(toolCategory));

static int fail(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "lutfold-table") << message << "\n";
  return 1;
}

/// Reads `text` as a quantized element type, with the pass's checks.
static llvm::Expected<QuantParams> parseParams(MLIRContext &context,
                                               llvm::StringRef option,
                                               llvm::StringRef text) {
  std::optional<std::string> parseError;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diagnostic) {
    parseError = diagnostic.str();
    return success();
  });
  llvm::Expected<QuantParams> params =
      parseQuantParams(text, &context, kTableStorageWidths);
  if (!params)
    return makeReason("--" + option + ": " + takeReason(params.takeError()) +
                      (parseError ? ": " + *parseError : ""));
  return params;
}

static llvm::Expected<TableData> tableForOp(MLIRContext &context,
                                            NumericsPreset preset) {
  scalar::UnaryFunction fn = scalar::lookupUnaryFunction(opName);
  if (!fn)
    return makeReason("--op: unknown operation '" + opName +
                      "' (see --help-ops)");
  if (inType.empty() || outType.empty())
    return makeReason(
        "--op needs --in and --out, e.g. --in='!quant.uniform<i8:f32, "
        "0.05:-3>' --out='!quant.uniform<i8:f32, 0.00390625:-128>'");
  llvm::Expected<QuantParams> in = parseParams(context, "in", inType);
  if (!in)
    return in.takeError();
  llvm::Expected<QuantParams> out = parseParams(context, "out", outType);
  if (!out)
    return out.takeError();
  return buildTableData(opName, *in, *out, fn, preset);
}

static std::string describeLocation(Location loc) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto fileLoc = dyn_cast<FileLineColLoc>(loc))
    os << fileLoc.getFilename().getValue() << ":" << fileLoc.getLine() << ":"
       << fileLoc.getColumn();
  else
    os << loc;
  return text;
}

/// The island's operations, "tosa.sigmoid, tosa.mul".
static std::string describeOps(const Island &island) {
  SmallVector<std::string> names;
  for (Operation *op : island.ops)
    if (op != island.sink)
      names.push_back(op->getName().getStringRef().str());
  return llvm::join(names, ", ");
}

/// The island that ends at `sink`, checked as the pass checks it and in its
/// order; the error says why it will not fold, prefixed "not an island: "
/// when there is none.
static llvm::Expected<QuantizedIsland> getFileIsland(Operation *sink) {
  llvm::Expected<QuantizedIsland> analysis =
      analyzeQuantizedIsland(sink, IslandLimits());
  if (!analysis)
    return llvm::handleErrors(
        analysis.takeError(), [](const NoIslandError &error) {
          return makeReason("not an island: " + error.getReason());
        });
  return analysis;
}

/// --list: every island of the file, and why those that will not fold do
/// not.
static void listFileIslands(ArrayRef<Operation *> sinks) {
  for (auto [i, sink] : llvm::enumerate(sinks)) {
    llvm::outs() << i << ": " << describeLocation(sink->getLoc()) << ": ";
    llvm::Expected<Island> island = analyzeIsland(sink, IslandLimits());
    if (!island) {
      llvm::outs() << "not an island: " << takeReason(island.takeError())
                   << "\n";
      continue;
    }
    llvm::outs() << describeOps(*island);
    if (llvm::Expected<QuantizedIsland> checked = getFileIsland(sink); !checked)
      llvm::outs() << ": will not fold: "
                   << llvm::toString(checked.takeError());
    llvm::outs() << "\n";
  }
}

/// The table of the island --island picks; none after --list, which prints
/// the islands instead.
static llvm::Expected<std::optional<TableData>>
tableForIsland(ModuleOp module, NumericsPreset preset) {
  SmallVector<Operation *> sinks = collectIslandSinks(module);
  if (listIslands) {
    listFileIslands(sinks);
    return std::nullopt;
  }
  // A file without islands, when no --island was asked for.
  if (sinks.empty() && islandIndex.getNumOccurrences() == 0)
    return makeReason("the file has no island: no quant.qcast, and no "
                      "tosa.cast to i8 or i16");
  if (islandIndex >= sinks.size())
    return makeReason("--island=" + llvm::Twine(islandIndex) +
                      ": the file has " + llvm::Twine(sinks.size()) +
                      (sinks.size() == 1 ? " quantize" : " quantizes") +
                      " (see --list)");
  Operation *sink = sinks[islandIndex];
  std::string where = describeLocation(sink->getLoc());
  if (sinks.size() > 1 && islandIndex.getNumOccurrences() == 0)
    llvm::WithColor::note(llvm::errs(), "lutfold-table")
        << "the file has " << sinks.size() << " quantizes; this is island 0, "
        << where << " (--island=N picks another, --list lists them)\n";
  llvm::Expected<QuantizedIsland> checked = getFileIsland(sink);
  if (!checked)
    return prefixReason(where + ": ", checked.takeError());
  std::string description = describeOps(checked->island) + " at " + where;
  std::optional<IslandQuantization> quantization =
      checked->getUnaryQuantization();
  if (!quantization)
    return buildPlainTableData(description, checked->island.program);
  ScalarProgram program = checked->island.program;
  llvm::Expected<TableData> data = buildTableData(
      description, quantization->in, quantization->out,
      [program](float x) { return program(x); }, preset);
  if (!data)
    return prefixReason(where + ": ", data.takeError());
  return std::move(*data);
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << "LutFold version " << LUTFOLD_VERSION_STRING << "\n"
       << "  lutfold-table\n";
  });
  cl::HideUnrelatedOptions(toolCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "LutFold table inspector: the table for an operation and quantized "
      "types (--op, --in, --out), or for an island of an .mlir file, as CSV, "
      "JSON or an SVG plot\n");
  if (helpOps) {
    for (llvm::StringRef name : scalar::getUnaryFunctionNames())
      llvm::outs() << name << "\n";
    return 0;
  }
  if (opName.empty() == inputFile.empty())
    return fail("give either --op (with --in and --out) or an .mlir file");

  DialectRegistry registry;
  registry.insert<arith::ArithDialect, func::FuncDialect, quant::QuantDialect,
                  scf::SCFDialect, tensor::TensorDialect, tosa::TosaDialect>();
  MLIRContext context(registry);
  context.loadAllAvailableDialects();

  auto getTable = [&]() -> llvm::Expected<std::optional<TableData>> {
    if (!opName.empty())
      return tableForOp(context, preset);
    // Read first, so that a missing file is one error, not the parser's too.
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
        llvm::MemoryBuffer::getFileOrSTDIN(inputFile);
    if (!buffer)
      return makeReason("cannot read '" + inputFile +
                        "': " + buffer.getError().message());
    llvm::SourceMgr sourceMgr;
    sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
    SourceMgrDiagnosticHandler handler(sourceMgr, &context);
    OwningOpRef<ModuleOp> module =
        parseSourceFile<ModuleOp>(sourceMgr, &context);
    if (!module)
      return makeReason("cannot parse '" + inputFile + "'");
    return tableForIsland(*module, preset);
  };
  llvm::Expected<std::optional<TableData>> table = getTable();
  if (!table)
    return fail(takeReason(table.takeError()));
  // --list printed the islands.
  if (!*table)
    return 0;
  const TableData &data = **table;

  std::error_code errorCode;
  llvm::ToolOutputFile output(outputFile, errorCode, llvm::sys::fs::OF_Text);
  if (errorCode)
    return fail("cannot write '" + outputFile + "': " + errorCode.message());
  switch (format) {
  case Format::CSV:
    writeCsv(data, output.os());
    break;
  case Format::JSON:
    writeJson(data, output.os());
    break;
  case Format::SVG:
    writeSvg(data, output.os());
    break;
  }
  output.keep();
  return 0;
}
