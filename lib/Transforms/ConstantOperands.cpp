//===- ConstantOperands.cpp - Operands computed from constants ------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ConstantOperands.h"

#include "IslandOps.h"

#include "mlir/IR/Matchers.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace lutfold;

using ValueId = ScalarProgram::ValueId;

/// The operations `value` is computed by, every one after those it reads, if
/// they are constants and at most `maxOps` island operations; std::nullopt
/// otherwise.
static std::optional<SmallVector<Operation *>>
collectConstantComputation(Value value, unsigned maxOps) {
  struct Frame {
    Operation *op;
    bool operandsDone;
  };
  SmallVector<Operation *> ops;
  llvm::SmallDenseSet<Operation *, 8> visited;
  SmallVector<Frame> stack = {{value.getDefiningOp(), false}};
  unsigned numOps = 0;
  while (!stack.empty()) {
    Frame frame = stack.pop_back_val();
    if (frame.operandsDone) {
      ops.push_back(frame.op);
      continue;
    }
    if (!frame.op)
      return std::nullopt;
    if (!visited.insert(frame.op).second)
      continue;
    if (isConstantOp(frame.op)) {
      ops.push_back(frame.op);
      continue;
    }
    // Beyond the limit the value is taken for a computed one: as an island
    // operation it meets the island's own limit, with that reason.
    if (!getIslandOpcode(frame.op) || frame.op->getNumResults() != 1 ||
        ++numOps > maxOps)
      return std::nullopt;
    stack.push_back({frame.op, true});
    for (Value operand : llvm::reverse(frame.op->getOperands()))
      stack.push_back({operand.getDefiningOp(), false});
  }
  return ops;
}

llvm::Expected<std::optional<ConstantOperand>>
lutfold::evaluateConstantOperand(Value value, unsigned maxOps) {
  std::optional<SmallVector<Operation *>> ops =
      collectConstantComputation(value, maxOps);
  if (!ops)
    return std::optional<ConstantOperand>();

  ConstantOperand result;
  result.ops = std::move(*ops);
  // A program without an input: every instruction is a constant or reads
  // earlier ones.
  ScalarProgram program;
  program.addInput(ScalarType::F32);
  llvm::SmallDenseMap<Value, ValueId, 8> ids;
  auto getConstant = [&](Value constant,
                         Operation *reader) -> llvm::Expected<ValueId> {
    auto [it, inserted] = ids.try_emplace(constant);
    if (!inserted)
      return it->second;
    std::optional<ScalarType> type = getScalarType(constant.getType());
    std::optional<double> splat = getSplatConstant(constant);
    if (!type || !splat)
      return makeReason(
          (reader ? describe(reader) + " reads" : std::string("it is")) +
          " a constant that is not a splat of a type an island can hold");
    it->second = program.addConstant(*splat, *type);
    return it->second;
  };

  if (isConstantOp(value.getDefiningOp())) {
    llvm::Expected<ValueId> id = getConstant(value, nullptr);
    if (!id)
      return id.takeError();
    program.setResult(*id);
    result.value = program.evaluate(0.0);
    return std::optional<ConstantOperand>(std::move(result));
  }

  SmallVector<ValueId, 3> operands;
  for (Operation *op : result.ops) {
    if (isConstantOp(op))
      continue;
    llvm::Expected<ElementwiseStep> step = translateOperation(op);
    if (!step)
      return step.takeError();
    operands.clear();
    for (Value operand : step->operands) {
      if (isConstantOp(operand.getDefiningOp())) {
        llvm::Expected<ValueId> id = getConstant(operand, op);
        if (!id)
          return id.takeError();
        operands.push_back(*id);
        continue;
      }
      auto it = ids.find(operand);
      if (it == ids.end())
        return makeReason(describe(op) + " is part of a cycle");
      operands.push_back(it->second);
    }
    Value opResult = op->getResult(0);
    ids[opResult] =
        emitStep(program, *step, operands, *getScalarType(opResult.getType()));
  }
  program.setResult(ids.lookup(value));
  result.value = program.evaluate(0.0);
  return std::optional<ConstantOperand>(std::move(result));
}
