//===- ScalarProgram.cpp - Building element-wise island programs ----------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lutfold/Numerics/ScalarProgram.h"

#include "llvm/ADT/STLExtras.h"

#include <cassert>
#include <cstring>

using namespace lutfold;

ScalarProgram::ValueId
ScalarProgram::append(const ScalarInstruction &instruction) {
  for (unsigned i = 0, e = getNumOperands(instruction.opcode); i < e; ++i)
    assert(instruction.operands[i] < instructions.size() &&
           "operand defined after its use");
  ScalarOpTyping typing = getTyping(instruction.opcode);
  f32Only &=
      instruction.type == ScalarType::F32 &&
      (typing == ScalarOpTyping::Leaf || typing == ScalarOpTyping::FloatOnly ||
       typing == ScalarOpTyping::Numeric);
  instructions.push_back(instruction);
  return static_cast<ValueId>(instructions.size() - 1);
}

ScalarProgram::ValueId ScalarProgram::addInput(ScalarType type) {
  assert(instructions.empty() && "the input must come first");
  ScalarInstruction input;
  input.opcode = ScalarOpcode::Input;
  input.type = type;
  return append(input);
}

ScalarProgram::ValueId ScalarProgram::addConstant(double value,
                                                  ScalarType type) {
  ScalarInstruction constant;
  constant.opcode = ScalarOpcode::Constant;
  constant.type = type;
  constant.constant = roundToType(value, type);
  return append(constant);
}

ScalarProgram::ValueId ScalarProgram::addOp(ScalarOpcode opcode,
                                            ScalarType type,
                                            llvm::ArrayRef<ValueId> operands) {
  assert(operands.size() == getNumOperands(opcode) && "wrong operand count");
  assert((!isFloatOnly(opcode) || isFloat(type)) && "float-only operator");
  ScalarInstruction op;
  op.opcode = opcode;
  op.type = type;
  for (auto [i, operand] : llvm::enumerate(operands))
    op.operands[i] = operand;
  return append(op);
}

ScalarProgram::ValueId ScalarProgram::addClamp(ValueId operand, double lo,
                                               double hi, scalar::NanMode mode,
                                               ScalarType type) {
  ScalarInstruction op;
  op.opcode = ScalarOpcode::Clamp;
  op.type = type;
  op.operands[0] = operand;
  op.constant = lo;
  op.clampMax = hi;
  op.nanMode = mode;
  return append(op);
}

ScalarProgram::ValueId ScalarProgram::addShiftedMul(ValueId lhs, ValueId rhs,
                                                    unsigned shift) {
  assert(shift < 64 && "shift out of range");
  ValueId id = addOp(ScalarOpcode::Mul, ScalarType::I32, {lhs, rhs});
  instructions[id].shift = shift;
  return id;
}

ScalarProgram::ValueId
ScalarProgram::addTable(ValueId operand,
                        const std::array<int8_t, 256> &entries) {
  assert(instructions[operand].type == ScalarType::I8 &&
         "an i8 TABLE reads i8 values");
  ScalarInstruction op;
  op.opcode = ScalarOpcode::Table;
  op.type = ScalarType::I8;
  op.operands[0] = operand;
  op.table = std::make_shared<const std::array<int8_t, 256>>(entries);
  return append(op);
}

ScalarProgram::ValueId
ScalarProgram::addRescale(ValueId operand, const TosaRescaleParams &params,
                          ScalarType type) {
  assert(isInteger(instructions[operand].type) && isInteger(type) &&
         getIntegerWidth(instructions[operand].type) == params.inputBits &&
         getIntegerWidth(type) == params.outputBits &&
         "a RESCALE between integers of its parameters' widths");
  ScalarInstruction op;
  op.opcode = ScalarOpcode::Rescale;
  op.type = type;
  op.operands[0] = operand;
  op.rescale = std::make_shared<const TosaRescaleParams>(params);
  return append(op);
}

ScalarProgram::ValueId ScalarProgram::addArithmeticRightShift(ValueId lhs,
                                                              ValueId rhs,
                                                              bool round,
                                                              ScalarType type) {
  ValueId id = addOp(ScalarOpcode::ArithmeticRightShift, type, {lhs, rhs});
  instructions[id].shift = round ? 1 : 0;
  return id;
}

ScalarProgram::ValueId ScalarProgram::addMinMax(ScalarOpcode opcode,
                                                ValueId lhs, ValueId rhs,
                                                scalar::NanMode mode,
                                                ScalarType type) {
  assert((opcode == ScalarOpcode::Maximum || opcode == ScalarOpcode::Minimum) &&
         "not a minimum or maximum");
  ValueId id = addOp(opcode, type, {lhs, rhs});
  instructions[id].nanMode = mode;
  return id;
}

void ScalarProgram::appendKey(std::string &key) const {
  auto append = [&](const auto &value) {
    key.append(reinterpret_cast<const char *>(&value), sizeof(value));
  };
  append(static_cast<uint32_t>(instructions.size()));
  for (const ScalarInstruction &instruction : instructions) {
    // Field by field, as the struct's padding is not part of the identity;
    // packed first and appended once, as a key is made for every island.
    char packed[sizeof(ScalarInstruction)];
    char *out = packed;
    auto pack = [&](const auto &value) {
      std::memcpy(out, &value, sizeof(value));
      out += sizeof(value);
    };
    pack(instruction.opcode);
    pack(instruction.type);
    for (uint32_t operand : llvm::ArrayRef(instruction.operands)
                                .take_front(getNumOperands(instruction.opcode)))
      pack(operand);
    pack(instruction.constant);
    pack(instruction.clampMax);
    pack(instruction.nanMode);
    pack(instruction.shift);
    key.append(packed, out - packed);
    if (instruction.table)
      key.append(reinterpret_cast<const char *>(instruction.table->data()),
                 instruction.table->size());
    if (const TosaRescaleParams *rescale = instruction.rescale.get()) {
      append(rescale->multiplier);
      append(rescale->shift);
      append(rescale->inputZeroPoint);
      append(rescale->outputZeroPoint);
      append(rescale->scale32);
      append(rescale->doubleRound);
      append(rescale->inputUnsigned);
      append(rescale->outputUnsigned);
      append(rescale->inputBits);
      append(rescale->outputBits);
    }
  }
  append(result);
}
