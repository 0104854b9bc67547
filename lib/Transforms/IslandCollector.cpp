//===- IslandCollector.cpp - The walk back from an island's sink ----------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "IslandCollector.h"

#include "ConstantOperands.h"

#include "lutfold/Transforms/QuantTypes.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace lutfold;

llvm::Expected<unsigned> IslandCollector::addSource(Value source) {
  auto known = llvm::find_if(island.inputs, [&](const IslandInput &input) {
    return input.source == source;
  });
  if (known != island.inputs.end())
    return static_cast<unsigned>(known - island.inputs.begin());
  if (island.inputs.size() >= limits.maxInputs)
    return makeReason(limits.maxInputs == 1
                          ? "the island reads two quantized inputs"
                          : "the island reads more than " +
                                std::to_string(limits.maxInputs) +
                                " quantized inputs");
  island.inputs.push_back({source, {}});
  return static_cast<unsigned>(island.inputs.size() - 1);
}

llvm::Expected<unsigned> IslandCollector::addInput(Value value, Value source) {
  llvm::Expected<unsigned> index = addSource(source);
  if (!index)
    return index.takeError();
  collected.inputs.push_back({value, *index});
  defined.insert(value);
  return index;
}

void IslandCollector::addConstant(Value value, double splat) {
  collected.definitions.push_back(value);
  collected.constants[value] = splat;
  defined.insert(value);
}

/// Whether `op` computes its result from constants alone, through
/// element-wise operations an island may contain. Each operation is visited
/// once per island, so that the walk stays linear in the island's size
/// (evaluating an operand from scratch at every operation was quadratic).
bool IslandCollector::isComputedFromConstants(Operation *op) {
  auto known = [&](Operation *def) -> std::optional<bool> {
    if (!def || isConstantOp(def))
      return def != nullptr;
    if (def->getNumResults() != 1 || !getIslandOpcode(def))
      return false;
    auto it = constantness.find(def);
    if (it == constantness.end())
      return std::nullopt;
    // An operation that reads itself is no constant.
    return it->second == Constantness::Yes;
  };
  if (std::optional<bool> result = known(op))
    return *result;
  // The common case, an operation that reads the dequantized input or a
  // block argument, is answered without remembering it.
  if (llvm::any_of(op->getOperands(), [&](Value operand) {
        return known(operand.getDefiningOp()) == false;
      }))
    return false;
  SmallVector<Operation *, 8> stack = {op};
  while (!stack.empty()) {
    Operation *top = stack.back();
    constantness.try_emplace(top, Constantness::InProgress);
    Operation *unknown = nullptr;
    bool result = true;
    for (Value operand : top->getOperands()) {
      std::optional<bool> operandResult = known(operand.getDefiningOp());
      if (!operandResult) {
        unknown = operand.getDefiningOp();
        break;
      }
      if (!*operandResult) {
        result = false;
        break;
      }
    }
    if (unknown) {
      stack.push_back(unknown);
      continue;
    }
    constantness[top] = result ? Constantness::Yes : Constantness::No;
    stack.pop_back();
  }
  return constantness.lookup(op) == Constantness::Yes;
}

llvm::Error IslandCollector::collect() {
  stack.push_back({collected.root, false});
  while (!stack.empty()) {
    Frame frame = stack.pop_back_val();
    if (isDefined(frame.value))
      continue;
    if (!frame.operandsDone) {
      if (llvm::Error error = visit(frame.value))
        return error;
      continue;
    }
    // Every operand is defined: the operation is, after them.
    Operation *def = frame.value.getDefiningOp();
    inProgress.erase(frame.value);
    auto pending = pendingSteps.find(def);
    collected.steps.push_back(std::move(pending->second));
    pendingSteps.erase(pending);
    collected.definitions.push_back(frame.value);
    island.ops.push_back(def);
    defined.insert(frame.value);
  }
  return llvm::Error::success();
}

llvm::Error IslandCollector::visit(Value value) {
  Operation *def = value.getDefiningOp();
  if (!def) {
    if (isPlainInput(value))
      return addInput(value, value).takeError();
    return makeReason(
        "the island reads a block argument other than its quantized "
        "input");
  }
  if (auto dequantize = dyn_cast<quant::DequantizeCastOp>(def)) {
    if (plain)
      return makeReason(
          "the island mixes quant.dcast with a plain TOSA quantize");
    llvm::Expected<unsigned> index = addInput(value, dequantize.getInput());
    if (!index)
      return index.takeError();
    island.inputs[*index].dequantizes.push_back(dequantize);
    return llvm::Error::success();
  }
  if (isConstantOp(def)) {
    std::optional<double> splat = getSplatConstant(value);
    if (!getScalarType(value.getType()) || !splat)
      return makeReason(
          "the island reads a constant that is not a splat of a type it "
          "can hold");
    addConstant(value, *splat);
    island.constants.push_back(def);
    return llvm::Error::success();
  }
  if (!getIslandOpcode(def)) {
    if (isPlainInput(value))
      return addInput(value, value).takeError();
    return makeReason(describeNonIslandOp(def));
  }
  // An operand computed from constants alone is a constant of the island.
  if (!isComputedFromConstants(def))
    return visitOperation(value, def);
  llvm::Expected<std::optional<ConstantOperand>> constant =
      evaluateConstantOperand(value, limits.maxOps);
  if (!constant)
    return prefixReason("an operand computed from constants is unusable: ",
                        constant.takeError());
  if (*constant) {
    addConstant(value, (*constant)->value);
    llvm::append_range(island.constantOperandOps, (*constant)->ops);
    return llvm::Error::success();
  }
  return visitOperation(value, def);
}

llvm::Error IslandCollector::visitOperation(Value value, Operation *def) {
  if (!inProgress.insert(value).second)
    return makeReason(describe(def) + " is part of a cycle");
  llvm::Expected<ElementwiseStep> step = translateOperation(def);
  if (!step)
    return step.takeError();
  if (!limits.allowedOps.empty() &&
      !llvm::is_contained(limits.allowedOps, def->getName().getStringRef()))
    return makeReason(describe(def) + " is not in the allowed operations");
  if (numOps >= limits.maxOps)
    return makeReason("the island has more than " +
                      std::to_string(limits.maxOps) +
                      " operations (max-island-size)");
  ++numOps;
  for (Value config : step->configOperands)
    island.configConstants.push_back(config.getDefiningOp());
  stack.push_back({value, true});
  // Codes cast to anything else are where a quant-dialect island cannot go,
  // and where a plain island may start.
  if (plainStart == PlainStart::AtCasts && isPlainTosaDequantize(def)) {
    if (!plain)
      return makeReason(
          "the island mixes quant.dcast with a plain TOSA dequantize");
    Value codes = step->operands[0];
    if (llvm::Error error = addInput(codes, codes).takeError())
      return error;
  }
  for (Value operand : llvm::reverse(step->operands))
    if (!isDefined(operand))
      stack.push_back({operand, false});
  pendingSteps.try_emplace(def, std::move(*step));
  return llvm::Error::success();
}
