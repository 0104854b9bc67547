//===- LutFoldModule.cpp - The lutfold._lutfold Python module -------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The native half of the lutfold package: lutfold/__init__.py checks and
// converts arguments, this module calls the API (lutfold/Api/Api.h) with the
// GIL released and turns its Failures into lutfold.LutFoldError.
//
//===----------------------------------------------------------------------===//

#include "lutfold/Api/Api.h"
#include "lutfold/Version.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <string>
#include <utility>

namespace py = pybind11;
using namespace lutfold;
using namespace lutfold::api;

namespace {
/// lutfold.LutFoldError, created when the module is.
PyObject *errorType = nullptr;

/// Raises LutFoldError with `failure`'s message and its diagnostics (the
/// exception's `diagnostics` attribute).
[[noreturn]] void raise(const Failure &failure) {
  std::string message = failure.message;
  for (const std::string &diagnostic : failure.diagnostics)
    message += "\n" + diagnostic;
  py::object error = py::reinterpret_borrow<py::object>(errorType)(message);
  error.attr("diagnostics") = py::cast(failure.diagnostics);
  PyErr_SetObject(errorType, error.ptr());
  throw py::error_already_set();
}

/// What `call` returns, called with the GIL released.
template <typename Call> auto withoutGil(Call call) {
  py::gil_scoped_release release;
  return call();
}

template <typename T> T unwrap(llvm::Expected<T> outcome) {
  if (!outcome)
    raise(takeFailure(outcome.takeError()));
  return std::move(*outcome);
}

/// (type, scale, zero_point, qmin, qmax, bits), as lutfold/__init__.py
/// passes quantization parameters.
using SpecTuple =
    std::tuple<std::string, double, int64_t, int64_t, int64_t, unsigned>;

QuantSpec toSpec(const SpecTuple &tuple) {
  QuantSpec spec;
  std::tie(spec.type, spec.scale, spec.zeroPoint, spec.qmin, spec.qmax,
           spec.bits) = tuple;
  return spec;
}

/// A class of lutfold._types, the Python types the functions return.
py::object getType(const char *name) {
  return py::module_::import("lutfold._types").attr(name);
}

py::object toPython(const Int16TableError &error) {
  using namespace py::literals;
  return getType("Int16TableError")(
      "max_error"_a = error.maxError, "mean_error"_a = error.meanError,
      "wrong_codes"_a = error.numWrong, "codes"_a = error.numCodes,
      "nan_codes"_a = error.numNaNCodes);
}

template <typename T> py::object toPython(const std::optional<T> &value) {
  return value ? toPython(*value) : py::none();
}

/// A lutfold.Int16Table.
py::object toPython(const Int16Table &table) {
  using namespace py::literals;
  py::array_t<int16_t> entries(kInt16TableEntries);
  std::copy(table.entries.begin(), table.entries.end(), entries.mutable_data());
  py::object rescale =
      getType("Rescale")("multiplier"_a = table.rescale.multiplier,
                         "shift"_a = table.rescale.shift,
                         "output_zero_point"_a = table.rescale.outputZeroPoint,
                         "output_bits"_a = table.rescale.output.bitWidth);
  return getType("Int16Table")(entries, rescale, toPython(table.fitError));
}

py::array_t<int8_t> int8Table(const std::string &op, const SpecTuple &in,
                              const SpecTuple &out,
                              const std::string &numerics) {
  llvm::Expected<std::array<int8_t, 256>> table = withoutGil(
      [&] { return buildInt8Table(op, toSpec(in), toSpec(out), numerics); });
  std::array<int8_t, 256> entries = unwrap(std::move(table));
  py::array_t<int8_t> result(entries.size());
  std::copy(entries.begin(), entries.end(), result.mutable_data());
  return result;
}

py::object int16Table(const std::string &op, const SpecTuple &in,
                      const SpecTuple &out, const std::string &numerics) {
  llvm::Expected<Int16Table> table = withoutGil(
      [&] { return buildInt16Table(op, toSpec(in), toSpec(out), numerics); });
  return toPython(unwrap(std::move(table)));
}

py::object fit(py::array_t<int32_t, py::array::c_style> codes,
               std::optional<py::array_t<double, py::array::c_style>> unrounded,
               const SpecTuple &in, const SpecTuple &out) {
  std::vector<int32_t> codeVector(codes.data(), codes.data() + codes.size());
  std::vector<double> unroundedVector;
  if (unrounded)
    unroundedVector.assign(unrounded->data(),
                           unrounded->data() + unrounded->size());
  llvm::Expected<Int16Table> table = withoutGil([&] {
    return fitInt16Table(codeVector, unroundedVector, toSpec(in), toSpec(out));
  });
  return toPython(unwrap(std::move(table)));
}

py::array_t<int32_t> evaluate(py::array_t<int16_t, py::array::c_style> entries,
                              int32_t multiplier, unsigned shift,
                              int32_t outputZeroPoint, unsigned outputBits) {
  if (entries.size() != kInt16TableEntries)
    raise(Failure{"entries: expected 513 values, got " +
                      std::to_string(entries.size()),
                  {}});
  // TOSA RESCALE's limits; outside them applyScale32 would shift too far.
  if (shift < 2 || shift > 62)
    raise(Failure{"rescale: shift " + std::to_string(shift) +
                      " is outside TOSA's [2, 62]",
                  {}});
  if (outputBits != 8 && outputBits != 16)
    raise(Failure{"rescale: output_bits must be 8 or 16, not " +
                      std::to_string(outputBits),
                  {}});
  Int16Table table;
  std::copy(entries.data(), entries.data() + kInt16TableEntries,
            table.entries.begin());
  table.rescale.multiplier = multiplier;
  table.rescale.shift = shift;
  table.rescale.outputZeroPoint = outputZeroPoint;
  table.rescale.output = StorageType{outputBits, /*isSigned=*/true};
  py::array_t<int32_t> result(Int16Table::kNumCodes);
  int32_t *data = result.mutable_data();
  for (unsigned i = 0; i < Int16Table::kNumCodes; ++i)
    data[i] = static_cast<int32_t>(
        table.evaluate(Int16Table::kFirstCode + static_cast<int64_t>(i)));
  return result;
}

/// A `recordType` (lutfold.FoldRecord, looked up once per fold); None where a
/// field does not apply.
py::object toPython(const FoldRecord &record, const py::object &recordType) {
  using namespace py::literals;
  return recordType(
      "op"_a = record.op, "location"_a = record.location,
      "function"_a = record.function, "folded"_a = record.folded,
      "reason"_a = record.reason, "ops"_a = record.ops,
      "encoding"_a = record.encoding, "input_type"_a = record.inputType,
      "output_type"_a = record.outputType, "form"_a = record.form,
      "table"_a = record.table, "error"_a = toPython(record.error));
}

/// The keyword arguments of lutfold.fold with the pass's defaults; -1 for
/// max_error is the pass's default cap.
py::dict foldDefaults() {
  FoldOptions defaults;
  py::dict fields;
  fields["numerics"] = defaults.numerics;
  fields["ops"] = defaults.ops;
  fields["max_island_size"] = defaults.maxIslandSize;
  fields["report_declined"] = defaults.reportDeclined;
  fields["report_folded"] = defaults.reportFolded;
  fields["report_summary"] = defaults.reportSummary;
  fields["strict"] = defaults.strict;
  fields["max_error"] = defaults.maxError;
  fields["source_name"] = defaults.sourceName;
  fields["verify"] = defaults.verify;
  return fields;
}

py::tuple fold(const std::string &text, const std::string &numerics,
               const std::vector<std::string> &ops, unsigned maxIslandSize,
               bool reportDeclined, bool reportFolded, bool reportSummary,
               bool strict, int64_t maxError, const std::string &sourceName,
               bool verify) {
  FoldOptions options;
  options.numerics = numerics;
  options.ops = ops;
  options.maxIslandSize = maxIslandSize;
  options.reportDeclined = reportDeclined;
  options.reportFolded = reportFolded;
  options.reportSummary = reportSummary;
  options.strict = strict;
  options.maxError = maxError;
  options.sourceName = sourceName;
  options.verify = verify;
  llvm::Expected<FoldOutput> outcome =
      withoutGil([&] { return foldModule(text, options); });
  FoldOutput output = unwrap(std::move(outcome));
  py::object recordType = getType("FoldRecord");
  py::list records;
  for (const FoldRecord &record : output.records)
    records.append(toPython(record, recordType));
  py::list messages;
  for (const Message &message : output.messages)
    messages.append(py::make_tuple(message.severity, message.text));
  return py::make_tuple(getType("FoldResult")(output.text, records), messages);
}
} // namespace

PYBIND11_MODULE(_lutfold, m) {
  m.doc() = "LutFold's native code; use the lutfold package.";
  errorType = PyErr_NewExceptionWithDoc(
      "lutfold.LutFoldError",
      "LutFold could not do what was asked: bad input or a failed fold. "
      "`diagnostics` holds MLIR's diagnostics, if any.",
      PyExc_ValueError, nullptr);
  m.attr("LutFoldError") = py::handle(errorType);
  m.attr("version") = LUTFOLD_VERSION_STRING;
  m.def("operation_names", &getOperationNames);
  m.def("numerics_names", &getNumericsNames);
  m.def("int8_table", &int8Table);
  m.def("int16_table", &int16Table);
  m.def("fit_int16_table", &fit);
  m.def("evaluate_int16_table", &evaluate);
  m.def("fold", &fold);
  m.def("fold_defaults", &foldDefaults);
}
