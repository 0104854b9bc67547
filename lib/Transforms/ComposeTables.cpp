//===- ComposeTables.cpp - Integer chains as one table --------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Chains are found from their ends: an operation that may be part of a chain
// and whose result does not continue one (no single user that reads it as
// its one non-constant operand). From each end the walk goes back while the
// value read is the only use of a chain operation's result. The chain is
// translated into a ScalarProgram, the interpreter the fold uses, and
// evaluated on the 256 i8 codes.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/ComposeTables.h"

#include "IslandOps.h"
#include "TableEmitter.h"

#include "lutfold/Numerics/TosaIntegerOps.h"
#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/TypeSwitch.h"

#include <array>
#include <cmath>
#include <optional>
#include <vector>

using namespace mlir;
using namespace lutfold;

namespace {
/// One operation of a chain.
struct ChainStep {
  Operation *op = nullptr;
  /// The one operand that is not a constant.
  Value data;
  /// tosa.table: its entries.
  std::optional<std::array<int8_t, 256>> table;
  /// tosa.rescale: its parameters.
  std::optional<TosaRescaleParams> rescale;
  /// tosa.negate of i8 or i16 with zero points: the input's and the
  /// output's.
  std::optional<std::pair<int64_t, int64_t>> negateZeroPoints;
  /// Otherwise: the operation as an island step.
  std::optional<ElementwiseStep> step;
};

/// A chain, first operation first, and the value it reads.
struct Chain {
  Value source;
  SmallVector<const ChainStep *> steps;
};
} // namespace

static bool isI8Tensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getElementType().isSignlessInteger(8);
}

/// The one element of a constant integer tensor.
static std::optional<int64_t> getScalarConstant(Value value) {
  DenseIntElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)) || attr.getNumElements() != 1)
    return std::nullopt;
  return (*attr.getValues<APInt>().begin()).getSExtValue();
}

/// The width of an integer tensor's elements among 8, 16 and 32 bits.
static std::optional<unsigned> getIntegerTensorWidth(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  auto element =
      tensor ? dyn_cast<IntegerType>(tensor.getElementType()) : IntegerType();
  if (!element || !element.isSignless() ||
      !llvm::is_contained({8u, 16u, 32u}, element.getWidth()))
    return std::nullopt;
  return element.getWidth();
}

/// A per-tensor RESCALE between integer tensors of one shape with constant
/// parameters, or why not (empty when it is no RESCALE of integers at all).
static FailureOr<ChainStep> getRescaleStep(tosa::RescaleOp rescale,
                                           std::string &reason) {
  std::optional<unsigned> inputBits =
      getIntegerTensorWidth(rescale.getInput().getType());
  std::optional<unsigned> outputBits =
      getIntegerTensorWidth(rescale.getOutput().getType());
  if (!inputBits || !outputBits)
    return failure();
  if (cast<RankedTensorType>(rescale.getInput().getType()).getShape() !=
      cast<RankedTensorType>(rescale.getOutput().getType()).getShape())
    return failure();
  if (rescale.getPerChannel()) {
    reason = "a per-channel RESCALE is not one function of the codes";
    return failure();
  }
  if (rescale.getRoundingMode() == tosa::RoundingMode::INEXACT_ROUND) {
    reason = "INEXACT_ROUND leaves the rounding to the implementation";
    return failure();
  }
  std::optional<int64_t> multiplier =
      getScalarConstant(rescale.getMultiplier());
  std::optional<int64_t> shift = getScalarConstant(rescale.getShift());
  std::optional<int64_t> inputZeroPoint =
      getScalarConstant(rescale.getInputZp());
  std::optional<int64_t> outputZeroPoint =
      getScalarConstant(rescale.getOutputZp());
  if (!multiplier || !shift || !inputZeroPoint || !outputZeroPoint) {
    reason = "its multiplier, shift and zero points are not constants of one "
             "element";
    return failure();
  }
  if (*shift < 2 || *shift > 62 || *multiplier < 0) {
    reason = "its shift is outside [2, 62] or its multiplier negative, which "
             "TOSA does not define";
    return failure();
  }
  TosaRescaleParams params;
  params.multiplier = static_cast<int32_t>(*multiplier);
  params.shift = static_cast<unsigned>(*shift);
  params.inputZeroPoint = *inputZeroPoint;
  params.outputZeroPoint = *outputZeroPoint;
  params.scale32 = rescale.getScale32();
  params.doubleRound =
      rescale.getRoundingMode() == tosa::RoundingMode::DOUBLE_ROUND;
  params.inputUnsigned = rescale.getInputUnsigned();
  params.outputUnsigned = rescale.getOutputUnsigned();
  params.inputBits = *inputBits;
  params.outputBits = *outputBits;
  return ChainStep{rescale, rescale.getInput(), std::nullopt,
                   params,  std::nullopt,       std::nullopt};
}

/// TOSA's bitwise and shift operators, which islands (floats) never hold.
static std::optional<ScalarOpcode> getBitwiseOpcode(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<ScalarOpcode>>(op)
      .Case([](tosa::BitwiseAndOp) { return ScalarOpcode::BitwiseAnd; })
      .Case([](tosa::BitwiseOrOp) { return ScalarOpcode::BitwiseOr; })
      .Case([](tosa::BitwiseXorOp) { return ScalarOpcode::BitwiseXor; })
      .Case([](tosa::BitwiseNotOp) { return ScalarOpcode::BitwiseNot; })
      .Case([](tosa::LogicalLeftShiftOp) {
        return ScalarOpcode::LogicalLeftShift;
      })
      .Case([](tosa::LogicalRightShiftOp) {
        return ScalarOpcode::LogicalRightShift;
      })
      .Case([](tosa::ArithmeticRightShiftOp) {
        return ScalarOpcode::ArithmeticRightShift;
      })
      .Default([](Operation *) { return std::nullopt; });
}

/// A bitwise or shift operator on integer tensors of one type: the data
/// operand (a shift's first) and splat constants, shifts within the width.
static std::optional<ChainStep> getBitwiseStep(Operation *op,
                                               ScalarOpcode opcode) {
  Type type = op->getResult(0).getType();
  std::optional<unsigned> width = getIntegerTensorWidth(type);
  if (!width || llvm::any_of(op->getOperandTypes(), [&](Type operand) {
        return getElementTypeOrSelf(operand) != getElementTypeOrSelf(type);
      }))
    return std::nullopt;
  bool isShift = opcode == ScalarOpcode::LogicalLeftShift ||
                 opcode == ScalarOpcode::LogicalRightShift ||
                 opcode == ScalarOpcode::ArithmeticRightShift;
  Value data;
  for (auto [i, operand] : llvm::enumerate(op->getOperands())) {
    std::optional<double> splat = getSplatConstant(operand);
    if (!splat) {
      if (data || (isShift && i != 0))
        return std::nullopt;
      data = operand;
      continue;
    }
    if (isShift && i == 1 && (*splat < 0 || *splat >= *width))
      return std::nullopt;
  }
  // The data keeps its shape: a constant may not broadcast it.
  if (!data || data.getType() != type)
    return std::nullopt;
  ElementwiseStep step(opcode, op->getOperands());
  if (auto shift = dyn_cast<tosa::ArithmeticRightShiftOp>(op))
    step.shift = shift.getRound() ? 1 : 0;
  return ChainStep{op,           data,         std::nullopt,
                   std::nullopt, std::nullopt, std::move(step)};
}

/// The step of `op` if it may be part of a chain: an i8 TABLE with constant
/// entries, a per-tensor RESCALE, or an island operation on integers with
/// one non-constant operand of the result's shape. `reason` says why a
/// RESCALE is not one.
static std::optional<ChainStep> getChainStep(Operation *op,
                                             std::string &reason) {
  if (op->getNumResults() != 1)
    return std::nullopt;
  if (auto rescale = dyn_cast<tosa::RescaleOp>(op)) {
    FailureOr<ChainStep> step = getRescaleStep(rescale, reason);
    if (failed(step))
      return std::nullopt;
    return std::move(*step);
  }
  auto resultType = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!resultType)
    return std::nullopt;
  if (auto table = dyn_cast<tosa::TableOp>(op)) {
    DenseIntElementsAttr entries;
    if (!isI8Tensor(table.getInput1().getType()) || !isI8Tensor(resultType) ||
        !matchPattern(table.getTable(), m_Constant(&entries)) ||
        entries.getNumElements() != 256)
      return std::nullopt;
    ChainStep chainStep{
        op,           table.getInput1(), std::array<int8_t, 256>{},
        std::nullopt, std::nullopt,      std::nullopt};
    for (auto [i, entry] : llvm::enumerate(entries.getValues<APInt>()))
      (*chainStep.table)[i] = static_cast<int8_t>(entry.getSExtValue());
    return chainStep;
  }
  // NEGATE with zero points (i8, i16): -(x - input zp) + output zp,
  // clipped to the type. Zero points of 0 are the island operation.
  if (auto negate = dyn_cast<tosa::NegateOp>(op)) {
    std::optional<unsigned> width =
        getIntegerTensorWidth(negate.getInput1().getType());
    std::optional<int64_t> inputZp = getScalarConstant(negate.getInput1Zp());
    std::optional<int64_t> outputZp = getScalarConstant(negate.getOutputZp());
    if (width && *width != 32 && inputZp && outputZp &&
        (*inputZp != 0 || *outputZp != 0) &&
        negate.getInput1().getType() == negate.getType()) {
      return ChainStep{op,
                       negate.getInput1(),
                       std::nullopt,
                       std::nullopt,
                       std::pair{*inputZp, *outputZp},
                       std::nullopt};
    }
  }
  if (std::optional<ScalarOpcode> opcode = getBitwiseOpcode(op))
    return getBitwiseStep(op, *opcode);
  if (!getIslandOpcode(op))
    return std::nullopt;
  // Why an island operation is not one does not concern chains.
  std::string ignored;
  FailureOr<ElementwiseStep> step = translateOperation(op, ignored);
  if (failed(step))
    return std::nullopt;
  auto isIntegral = [](Type type) {
    std::optional<ScalarType> scalar = getScalarType(type);
    return scalar && !isFloat(*scalar);
  };
  if (!isIntegral(resultType))
    return std::nullopt;
  Value data;
  for (Value operand : step->operands) {
    if (!isIntegral(operand.getType()))
      return std::nullopt;
    if (getSplatConstant(operand))
      continue;
    if (data && data != operand)
      return std::nullopt;
    data = operand;
  }
  auto dataType = data ? dyn_cast<RankedTensorType>(data.getType()) : nullptr;
  if (!dataType || dataType.getShape() != resultType.getShape())
    return std::nullopt;
  return ChainStep{op,           data,         std::nullopt,
                   std::nullopt, std::nullopt, std::move(*step)};
}

/// The program of `chain`, from its i8 input to its result.
static ScalarProgram buildProgram(const Chain &chain) {
  ScalarProgram program;
  ScalarProgram::ValueId current = program.addInput(ScalarType::I8);
  for (const ChainStep *chainStep : chain.steps) {
    if (chainStep->table) {
      current = program.addTable(current, *chainStep->table);
      continue;
    }
    if (chainStep->negateZeroPoints) {
      // In i32, where nothing overflows, then clipped and narrowed.
      auto [inputZp, outputZp] = *chainStep->negateZeroPoints;
      ScalarType type = *getScalarType(chainStep->op->getResult(0).getType());
      unsigned width = getIntegerWidth(type);
      double hi = std::ldexp(1.0, width - 1) - 1;
      ScalarProgram::ValueId wide =
          program.addOp(ScalarOpcode::Cast, ScalarType::I32, {current});
      wide =
          program.addOp(ScalarOpcode::Sub, ScalarType::I32,
                        {wide, program.addConstant(inputZp, ScalarType::I32)});
      wide = program.addOp(ScalarOpcode::Negate, ScalarType::I32, {wide});
      wide =
          program.addOp(ScalarOpcode::Add, ScalarType::I32,
                        {wide, program.addConstant(outputZp, ScalarType::I32)});
      wide = program.addClamp(wide, -hi - 1, hi, scalar::NanMode::Propagate,
                              ScalarType::I32);
      current = program.addOp(ScalarOpcode::Cast, type, {wide});
      continue;
    }
    if (chainStep->rescale) {
      current = program.addRescale(
          current, *chainStep->rescale,
          *getScalarType(chainStep->op->getResult(0).getType()));
      continue;
    }
    const ElementwiseStep &step = *chainStep->step;
    SmallVector<ScalarProgram::ValueId, 3> operands;
    for (Value operand : step.operands) {
      if (operand == chainStep->data) {
        operands.push_back(current);
        continue;
      }
      operands.push_back(program.addConstant(
          *getSplatConstant(operand), *getScalarType(operand.getType())));
    }
    ScalarType type = *getScalarType(chainStep->op->getResult(0).getType());
    current = step.opcode == ScalarOpcode::ArithmeticRightShift
                  ? program.addArithmeticRightShift(operands[0], operands[1],
                                                    step.shift != 0, type)
                  : emitStep(program, step, operands, type);
  }
  program.setResult(current);
  return program;
}

/// "tosa.table, tosa.clamp".
static std::string describeOps(const Chain &chain) {
  std::string text;
  for (const ChainStep *step : chain.steps)
    text +=
        (text.empty() ? "" : ", ") + step->op->getName().getStringRef().str();
  return text;
}

namespace {
class ChainComposer {
public:
  ChainComposer(RewriterBase &rewriter, const ComposeTablesOptions &options)
      : rewriter(rewriter), options(options),
        emitter(rewriter, /*shareConstants=*/true) {}

  ComposeTablesResult run(Operation *root);

private:
  /// The chain operation that reads `op`'s result as its data, when that
  /// is the result's only use.
  Operation *getNext(Operation *op) const;
  Chain collect(Operation *end);

  /// A chain and what it computes.
  struct Plan {
    Chain chain;
    std::array<int8_t, 256> entries;
    bool identity = false;
    /// Which operand of the first operation is the chain's input.
    unsigned dataIndex = 0;
    /// "tosa.table, tosa.clamp", for remarks.
    std::string ops;
  };
  /// The plan of the chain that ends at `end`, if it maps i8 to i8.
  std::optional<Plan> analyze(Operation *end);
  /// Replaces the chain of `plan` (by a constant, its input or one table).
  void apply(Plan &plan);
  void replace(const Chain &chain, Value replacement);

  RewriterBase &rewriter;
  const ComposeTablesOptions &options;
  TableEmitter emitter;
  llvm::DenseMap<Operation *, ChainStep> steps;
  llvm::SmallPtrSet<Operation *, 8> reportedForks;
  ComposeTablesResult result;
};
} // namespace

/// The storage casts of a round trip through a quantized type that `value`
/// reads, `quant.scast(quant.scast(x))` back to x's type, each the only use
/// of what it reads (the fold leaves them between the tables of islands in
/// a row); empty if there is none.
static SmallVector<Operation *, 2> getRoundTrip(Value value) {
  auto back = value.getDefiningOp<quant::StorageCastOp>();
  if (!back || !back.getInput().hasOneUse())
    return {};
  auto there = back.getInput().getDefiningOp<quant::StorageCastOp>();
  if (!there || !there.getInput().hasOneUse() ||
      there.getInput().getType() != back.getType())
    return {};
  return {there, back};
}

/// What `value` is before a round trip through a quantized type.
static Value skipRoundTrip(Value value) {
  SmallVector<Operation *, 2> roundTrip = getRoundTrip(value);
  return roundTrip.empty() ? value : roundTrip.front()->getOperand(0);
}

Operation *ChainComposer::getNext(Operation *op) const {
  Value value = op->getResult(0);
  if (!value.hasOneUse())
    return nullptr;
  Operation *user = *value.getUsers().begin();
  // Through a round trip, its second cast's only user.
  if (auto there = dyn_cast<quant::StorageCastOp>(user)) {
    if (!there.getResult().hasOneUse())
      return nullptr;
    auto back =
        dyn_cast<quant::StorageCastOp>(*there.getResult().getUsers().begin());
    if (!back || back.getType() != value.getType() ||
        !back.getResult().hasOneUse())
      return nullptr;
    value = back.getResult();
    user = *value.getUsers().begin();
  }
  auto it = steps.find(user);
  if (it == steps.end() || it->second.data != value ||
      user->getBlock() != op->getBlock())
    return nullptr;
  return user;
}

Chain ChainComposer::collect(Operation *end) {
  Chain chain;
  Operation *op = end;
  while (true) {
    const ChainStep &step = steps.find(op)->second;
    chain.steps.push_back(&step);
    Value input = skipRoundTrip(step.data);
    Operation *def = input.getDefiningOp();
    if (def && steps.contains(def) && getNext(def) == op) {
      op = def;
      continue;
    }
    chain.source = step.data;
    // A chain operation whose result has other uses ends a chain of its
    // own: say why the two are not one.
    if (def && steps.contains(def) && options.reportDeclined &&
        reportedForks.insert(def).second)
      def->emitRemark()
          << "tosa-compose-tables: not composed with the operations after "
             "it: its result has "
          << llvm::range_size(def->getResult(0).getUses()) << " uses";
    break;
  }
  std::reverse(chain.steps.begin(), chain.steps.end());
  return chain;
}

void ChainComposer::replace(const Chain &chain, Value replacement) {
  Operation *end = chain.steps.back()->op;
  rewriter.replaceAllUsesWith(end->getResult(0), replacement);
  // Each result had one use, the next operation: in reverse order each is
  // dead once the one after it is gone. Constant operands go when unused.
  SmallVector<Operation *> ops;
  for (const ChainStep *step : chain.steps)
    ops.push_back(step->op);
  for (Operation *op : llvm::reverse(ops)) {
    // What to erase with it, found while it is there: its constants and
    // the round trip it reads (not for the first, which reads the input).
    llvm::SmallSetVector<Operation *, 4> constants;
    for (Value operand : op->getOperands())
      if (Operation *def = operand.getDefiningOp(); def && isConstantOp(def))
        constants.insert(def);
    SmallVector<Operation *, 2> roundTrip =
        op == ops.front() ? SmallVector<Operation *, 2>()
                          : getRoundTrip(steps.find(op)->second.data);
    // Forgotten first: a new operation may take the erased one's address.
    steps.erase(op);
    rewriter.eraseOp(op);
    for (Operation *cast : llvm::reverse(roundTrip))
      rewriter.eraseOp(cast);
    for (Operation *constant : constants)
      if (constant->use_empty())
        rewriter.eraseOp(constant);
  }
}

std::optional<ChainComposer::Plan> ChainComposer::analyze(Operation *end) {
  Chain chain = collect(end);
  Type resultType = end->getResult(0).getType();
  if (!isI8Tensor(chain.source.getType()))
    return std::nullopt;
  if (!isI8Tensor(resultType)) {
    if (chain.steps.size() >= 2 && options.reportDeclined)
      end->emitRemark() << "tosa-compose-tables: not composed: the chain ("
                        << describeOps(chain) << ") ends in "
                        << quoted(resultType)
                        << ", which an i8 TABLE cannot produce";
    return std::nullopt;
  }
  Plan plan;
  ScalarProgram program = buildProgram(chain);
  plan.identity = true;
  for (int code = -128; code <= 127; ++code) {
    auto entry = static_cast<int8_t>(program.evaluate(code));
    plan.entries[code + 128] = entry;
    plan.identity &= entry == code;
  }
  Operation *first = chain.steps.front()->op;
  plan.dataIndex =
      static_cast<unsigned>(llvm::find(first->getOperands(), chain.source) -
                            first->getOperands().begin());
  plan.ops = describeOps(chain);
  plan.chain = std::move(chain);
  return plan;
}

void ChainComposer::apply(Plan &plan) {
  Chain &chain = plan.chain;
  Operation *end = chain.steps.back()->op;
  // Read again: an earlier chain's replacement may have changed it.
  chain.source = chain.steps.front()->op->getOperand(plan.dataIndex);
  Type resultType = end->getResult(0).getType();
  Location loc = end->getLoc();
  DenseIntElementsAttr constant;
  if (matchPattern(chain.source, m_Constant(&constant))) {
    SmallVector<int8_t> values;
    values.reserve(constant.getNumElements());
    for (const APInt &code : constant.getValues<APInt>())
      values.push_back(plan.entries[code.getSExtValue() + 128]);
    rewriter.setInsertionPoint(end);
    auto type = cast<RankedTensorType>(resultType);
    Value folded = tosa::ConstOp::create(
        rewriter, loc, type,
        DenseElementsAttr::get(type, ArrayRef<int8_t>(values)));
    if (options.reportComposed)
      end->emitRemark() << "tosa-compose-tables: evaluated into a constant: "
                        << plan.ops;
    replace(chain, folded);
    ++result.numConstants;
    return;
  }
  if (plan.identity && chain.source.getType() == resultType) {
    if (options.reportComposed)
      end->emitRemark() << "tosa-compose-tables: an identity, replaced by its "
                           "input: "
                        << plan.ops;
    replace(chain, chain.source);
    ++result.numIdentities;
    return;
  }
  if (chain.steps.size() < 2)
    return;

  CachedTable table{QuantizedTable(Int8Table{plan.entries, {}})};
  table.entries =
      DenseElementsAttr::get(RankedTensorType::get({256}, rewriter.getI8Type()),
                             ArrayRef<int8_t>(plan.entries));
  EmittedLookup lookup =
      emitter.emitLookup(table, chain.source, rewriter.getI8Type(), end, loc);
  if (options.reportComposed)
    end->emitRemark() << "tosa-compose-tables: composed into one table: "
                      << plan.ops << "; "
                      << (lookup.isNewTable
                              ? "new table"
                              : "shares the table of an earlier chain");
  replace(chain, lookup.value);
  ++result.numComposed;
}

ComposeTablesResult ChainComposer::run(Operation *root) {
  SmallVector<Operation *> candidates;
  root->walk([&](Operation *op) {
    std::string reason;
    if (std::optional<ChainStep> step = getChainStep(op, reason)) {
      steps.try_emplace(op, std::move(*step));
      candidates.push_back(op);
    } else if (!reason.empty() && options.reportDeclined) {
      op->emitRemark() << "tosa-compose-tables: not composed: " << reason;
    }
  });
  // Every chain is analysed before any is replaced: chains share no
  // operation, but one may read the end of another (whose result has other
  // uses), which its replacement changes.
  std::vector<Plan> plans;
  for (Operation *op : candidates)
    if (!getNext(op))
      if (std::optional<Plan> plan = analyze(op))
        plans.push_back(std::move(*plan));
  for (Plan &plan : plans)
    apply(plan);
  return result;
}

ComposeTablesResult
lutfold::composeIntegerChains(Operation *root,
                              const ComposeTablesOptions &options) {
  IRRewriter rewriter(root->getContext());
  return ChainComposer(rewriter, options).run(root);
}
