//===- ScalarOpcodes.cpp - Properties of scalar program opcodes -----------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ScalarOpcodeInfo.h"

using namespace lutfold;

unsigned lutfold::getNumOperands(ScalarOpcode opcode) {
  return getScalarOpcodeInfo(opcode).numOperands;
}

ScalarOpTyping lutfold::getTyping(ScalarOpcode opcode) {
  return getScalarOpcodeInfo(opcode).typing;
}

llvm::StringRef lutfold::stringifyScalarOpcode(ScalarOpcode opcode) {
  return getScalarOpcodeInfo(opcode).name;
}
