//===- Int16Baselines.h - Other toolchains' int16 tables --------*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The int16 tables other toolchains build, reimplemented from their published
// descriptions so that LutFold's fitted tables can be compared with them on
// the same TABLE + RESCALE path, and LutFold's own earlier fit. They are
// baselines for measurement only (the int16 error report, the benchmarks, the
// fuzzers and the unit tests): the fold never emits them, and the installed
// library does not hold them.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_BENCH_BASELINES_INT16BASELINES_H
#define LUTFOLD_BENCH_BASELINES_INT16BASELINES_H

#include "lutfold/Numerics/Int16Table.h"

namespace lutfold::baselines {

/// ExecuTorch's Arm backend: the reference output at the knots qmin + 128 k
/// (k = 0..512, clamped to [qmin, qmax]), shifted right until every entry
/// fits in 16 signed bits (never left), followed by a RESCALE by
/// 2^(shift - 7) with zero points of 0. i16 -> i16 only.
llvm::Expected<Int16Table>
buildExecuTorchInt16Table(const QuantParams &in, const QuantParams &out,
                          ScalarFunction fn,
                          NumericsPreset preset = kDefaultNumericsPreset);

/// TFLite's LUTPopulateInt16, in float: 512 equal steps over the real range
/// of the whole int16 type; each entry is the rounded sample at its knot
/// minus half (rounded) of the error of linear interpolation at the
/// interval's midpoint; the last is the sample at the top of the range. The
/// entries are in output codes relative to the zero point (TFLite's int16
/// kernels require zero points of 0); here the output zero point is added so
/// that nonzero zero points can be compared too. A RESCALE by 2^-7 follows.
/// i16 -> i16 only.
llvm::Expected<Int16Table> buildTFLiteInt16Table(const QuantParams &in,
                                                 const QuantParams &out,
                                                 ScalarFunction fn);

/// LutFold 0.1's fit (a windowed search, 25 to 65 ms a table), kept as the
/// reference that the current fitInt16Table must never be less accurate
/// than.
llvm::Expected<Int16Table> fitInt16TableWindowed(const Int16Reference &ref);

} // namespace lutfold::baselines

#endif // LUTFOLD_BENCH_BASELINES_INT16BASELINES_H
