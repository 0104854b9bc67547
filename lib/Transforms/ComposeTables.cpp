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

#include "ChainOps.h"
#include "PassRemarks.h"
#include "TableEmitter.h"

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

#include <array>
#include <optional>
#include <vector>

using namespace mlir;
using namespace lutfold;

namespace {
/// A chain, first operation first, and the value it reads.
struct Chain {
  Value source;
  SmallVector<const ChainStep *> steps;
};
} // namespace

static constexpr PassRemarkId kComposed{"tosa-compose-tables", "composed",
                                        "ChainComposed", RemarkKind::Passed};
static constexpr PassRemarkId kDeclined{"tosa-compose-tables", "declined",
                                        "ChainDeclined", RemarkKind::Missed};

/// "tosa-compose-tables: not composed<text>" at `op`, with
/// report-declined; to the engine with `reason`.
static void reportDeclined(Operation *op, bool print, const Twine &text,
                           const Twine &reason) {
  emitPassRemark(
      kDeclined, op->getLoc(), op, getFunctionName(op), print,
      [&](InFlightDiagnostic &diagnostic) {
        diagnostic << "tosa-compose-tables: not composed" << text;
      },
      [&](remark::detail::InFlightRemark &remark) {
        remark << RemarkArg("Reason", reason.str());
      });
}

/// "tosa-compose-tables: <what>: <ops>[; <table>]" at the chain's end,
/// with report-composed; to the engine with its replacement and operations.
static void reportComposed(Operation *end, bool print, StringRef what,
                           StringRef replacement, StringRef ops,
                           std::optional<bool> isNewTable = std::nullopt) {
  emitPassRemark(
      kComposed, end->getLoc(), end, getFunctionName(end), print,
      [&](InFlightDiagnostic &diagnostic) {
        diagnostic << "tosa-compose-tables: " << what << ": " << ops;
        if (isNewTable)
          diagnostic << "; "
                     << (*isNewTable ? "new table"
                                     : "shares the table of an earlier chain");
      },
      [&](remark::detail::InFlightRemark &remark) {
        remark << RemarkArg("Ops", ops)
               << RemarkArg("Replacement", replacement);
        if (isNewTable)
          remark << RemarkArg("Table", *isNewTable ? "new" : "shared");
      });
}

/// The program of `chain`, from its i8 input to its result.
static ScalarProgram buildProgram(const Chain &chain) {
  ScalarProgram program;
  ScalarProgram::ValueId current = program.addInput(ScalarType::I8);
  for (const ChainStep *step : chain.steps)
    current = appendChainStep(program, *step, current);
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
    if (def && steps.contains(def) && reportedForks.insert(def).second) {
      size_t uses = llvm::range_size(def->getResult(0).getUses());
      reportDeclined(def, options.reportDeclined,
                     " with the operations after it: its result has " +
                         Twine(uses) + " uses",
                     "its result has " + Twine(uses) + " uses");
    }
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
    if (chain.steps.size() >= 2) {
      std::string reason = "the chain (" + describeOps(chain) + ") ends in " +
                           quoted(resultType) +
                           ", which an i8 TABLE cannot produce";
      reportDeclined(end, options.reportDeclined, ": " + reason, reason);
    }
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
    reportComposed(end, options.reportComposed, "evaluated into a constant",
                   "constant", plan.ops);
    replace(chain, folded);
    ++result.numConstants;
    return;
  }
  if (plan.identity && chain.source.getType() == resultType) {
    reportComposed(end, options.reportComposed,
                   "an identity, replaced by its input", "input", plan.ops);
    replace(chain, chain.source);
    ++result.numIdentities;
    return;
  }
  if (chain.steps.size() < 2)
    return;

  LookupOperands operands;
  operands.entries =
      DenseElementsAttr::get(RankedTensorType::get({256}, rewriter.getI8Type()),
                             ArrayRef<int8_t>(plan.entries));
  EmittedLookup lookup = emitter.emitLookup(operands, chain.source,
                                            rewriter.getI8Type(), end, loc);
  reportComposed(end, options.reportComposed, "composed into one table",
                 "table", plan.ops, lookup.isNewTable);
  replace(chain, lookup.value);
  ++result.numComposed;
}

ComposeTablesResult ChainComposer::run(Operation *root) {
  SmallVector<Operation *> candidates;
  root->walk([&](Operation *op) {
    llvm::Expected<std::optional<ChainStep>> step = getChainStep(op);
    if (!step) {
      std::string reason = takeReason(step.takeError());
      reportDeclined(op, options.reportDeclined, ": " + reason, reason);
    } else if (*step) {
      steps.try_emplace(op, std::move(**step));
      candidates.push_back(op);
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
