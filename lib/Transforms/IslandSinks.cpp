//===- IslandSinks.cpp - Where islands end --------------------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The boundaries of plain-TOSA islands, and the operations that end islands:
// every quant.qcast, and for plain TOSA the cast to i8 that ends an island's
// float part, moved forward over the i8 operations that only finish the
// codes (an output zero point added in i8).
//
//===----------------------------------------------------------------------===//

#include "lutfold/Transforms/Island.h"

#include "ConstantOperands.h"
#include "IslandOps.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace lutfold;

bool lutfold::isPlainTosaQuantize(Operation *op) {
  auto cast = dyn_cast<tosa::CastOp>(op);
  return cast && getPlainCodeWidth(cast.getOutput().getType()) &&
         !getPlainCodeWidth(cast.getInput().getType());
}

bool lutfold::isPlainTosaDequantize(Operation *op) {
  auto cast = dyn_cast<tosa::CastOp>(op);
  return cast && getPlainCodeWidth(cast.getInput().getType()) &&
         !getPlainCodeWidth(cast.getOutput().getType());
}

/// Whether `value` is computed from constants alone and usable as a splat.
static bool isSplatConstantOperand(Value value, unsigned maxOps) {
  llvm::Expected<std::optional<ConstantOperand>> constant =
      evaluateConstantOperand(value, maxOps);
  if (!constant) {
    llvm::consumeError(constant.takeError());
    return false;
  }
  return constant->has_value();
}

Operation *lutfold::getPlainIslandEnd(Operation *cast) {
  assert(isPlainTosaQuantize(cast) &&
         "not the end of a plain island's float part");
  // As many operations as an island may have at most by default: the chain
  // is short in practice (an output zero point).
  const unsigned kMaxConstantOps = IslandLimits().maxOps;
  Operation *end = cast;
  while (end->getResult(0).hasOneUse()) {
    Value codes = end->getResult(0);
    Operation *user = *codes.getUsers().begin();
    if (!getIslandOpcode(user) || user->getNumResults() != 1 ||
        getPlainCodeWidth(user->getResult(0).getType()) !=
            getPlainCodeWidth(codes.getType()))
      break;
    bool othersConstant = llvm::all_of(user->getOperands(), [&](Value v) {
      return v == codes || isSplatConstantOperand(v, kMaxConstantOps);
    });
    if (!othersConstant || llvm::count(user->getOperands(), codes) != 1)
      break;
    end = user;
  }
  return end;
}

SmallVector<Operation *> lutfold::collectIslandSinks(Operation *root) {
  SmallVector<Operation *> sinks;
  root->walk([&](Operation *op) {
    if (isa<quant::QuantizeCastOp>(op))
      sinks.push_back(op);
    else if (isPlainTosaQuantize(op))
      sinks.push_back(getPlainIslandEnd(op));
  });
  return sinks;
}
