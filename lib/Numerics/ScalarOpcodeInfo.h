//===- ScalarOpcodeInfo.h - What ScalarOps.def says of opcodes --*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The table of every ScalarOpcode's name, operand count, typing and f32
// function. It is defined here rather than in ScalarOpcodes.cpp so that the
// interpreter reads it inline: table builders evaluate a program for every
// input code, and a call per instruction would show. Private to the
// numerics library.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_LIB_NUMERICS_SCALAROPCODEINFO_H
#define LUTFOLD_LIB_NUMERICS_SCALAROPCODEINFO_H

#include "lutfold/Numerics/ScalarProgram.h"

#include <cassert>
#include <iterator>

namespace lutfold {

/// What ScalarOps.def says of one opcode.
struct ScalarOpcodeInfo {
  llvm::StringLiteral name;
  unsigned numOperands;
  ScalarOpTyping typing;
  /// The f32 function of a unary operator; null for the others.
  scalar::UnaryFunction f32Function;
};

/// In the order of ScalarOpcode's enumerators.
inline constexpr ScalarOpcodeInfo kScalarOpcodeInfo[] = {
    {"input", 0, ScalarOpTyping::Leaf, nullptr},
    {"constant", 0, ScalarOpTyping::Leaf, nullptr},
#define LUTFOLD_SCALAR_OP(OPCODE, NAME, TOSA_OP, NUM_OPERANDS, TYPING)         \
  {NAME, NUM_OPERANDS, ScalarOpTyping::TYPING, nullptr},
#define LUTFOLD_SCALAR_UNARY_OP(OPCODE, NAME, TOSA_OP, TYPING, F32_FUNCTION)   \
  {NAME, 1, ScalarOpTyping::TYPING, F32_FUNCTION},
#include "lutfold/Numerics/ScalarOps.def"
#define LUTFOLD_CHAIN_OP(OPCODE, NAME, NUM_OPERANDS)                           \
  {NAME, NUM_OPERANDS, ScalarOpTyping::Numeric, nullptr},
#include "lutfold/Numerics/ScalarOps.def"
};

inline const ScalarOpcodeInfo &getScalarOpcodeInfo(ScalarOpcode opcode) {
  assert(static_cast<size_t>(opcode) < std::size(kScalarOpcodeInfo) &&
         "unknown scalar opcode");
  return kScalarOpcodeInfo[static_cast<size_t>(opcode)];
}

} // namespace lutfold

#endif // LUTFOLD_LIB_NUMERICS_SCALAROPCODEINFO_H
