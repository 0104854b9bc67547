//===- SvgPlot.cpp - SVG output of lutfold-table --------------------------===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Two plots over the input: the function and the dequantized table, and the
// error per code. Where there are more codes than pixels, each pixel column
// shows the range of what its codes give.
//
//===----------------------------------------------------------------------===//

#include "TableData.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace lutfold;

namespace {
/// A linear map from data to pixels.
struct Axis {
  double lo, hi;   // data range
  double from, to; // pixel range
  double operator()(double value) const {
    return from + (value - lo) / (hi - lo) * (to - from);
  }
};

/// About `count` round tick values covering [lo, hi].
std::vector<double> niceTicks(double lo, double hi, int count) {
  double span = hi - lo;
  double step = std::pow(10.0, std::floor(std::log10(span / count)));
  for (double factor : {1.0, 2.0, 5.0, 10.0})
    if (span / (step * factor) <= count) {
      step *= factor;
      break;
    }
  std::vector<double> ticks;
  for (double tick = std::ceil(lo / step) * step; tick <= hi + step * 1e-9;
       tick += step)
    ticks.push_back(std::abs(tick) < step * 1e-9 ? 0.0 : tick);
  return ticks;
}

std::string escapeXml(llvm::StringRef text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
    case '&':
      escaped += "&amp;";
      break;
    case '<':
      escaped += "&lt;";
      break;
    case '>':
      escaped += "&gt;";
      break;
    case '"':
      escaped += "&quot;";
      break;
    default:
      escaped += c;
    }
  }
  return escaped;
}

class SvgWriter {
public:
  explicit SvgWriter(llvm::raw_ostream &os) : os(os) {}

  void axes(const Axis &x, const Axis &y, llvm::StringRef xLabel,
            llvm::StringRef yLabel) {
    os << "<g class=\"axes\" stroke=\"#888\" stroke-width=\"1\" "
          "font-size=\"11\" fill=\"#333\">\n";
    os << llvm::format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                       "height=\"%.1f\" fill=\"none\"/>\n",
                       x.from, y.to, x.to - x.from, y.from - y.to);
    for (double tick : niceTicks(x.lo, x.hi, 8)) {
      double px = x(tick);
      os << llvm::format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                         "y2=\"%.1f\" stroke=\"#eee\"/>\n",
                         px, y.from, px, y.to);
      os << llvm::format("<text x=\"%.1f\" y=\"%.1f\" stroke=\"none\" "
                         "text-anchor=\"middle\">%g</text>\n",
                         px, y.from + 14, tick);
    }
    for (double tick : niceTicks(y.lo, y.hi, 6)) {
      double py = y(tick);
      os << llvm::format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                         "y2=\"%.1f\" stroke=\"#eee\"/>\n",
                         x.from, py, x.to, py);
      os << llvm::format("<text x=\"%.1f\" y=\"%.1f\" stroke=\"none\" "
                         "text-anchor=\"end\">%g</text>\n",
                         x.from - 4, py + 4, tick);
    }
    os << llvm::format("<text x=\"%.1f\" y=\"%.1f\" stroke=\"none\" "
                       "text-anchor=\"middle\">",
                       (x.from + x.to) / 2, y.from + 30)
       << escapeXml(xLabel) << "</text>\n";
    os << llvm::format("<text x=\"%.1f\" y=\"%.1f\" stroke=\"none\" "
                       "text-anchor=\"middle\" transform=\"rotate(-90 "
                       "%.1f %.1f)\">",
                       x.from - 48, (y.from + y.to) / 2, x.from - 48,
                       (y.from + y.to) / 2)
       << escapeXml(yLabel) << "</text>\n";
    os << "</g>\n";
  }

  void path(llvm::StringRef d, llvm::StringRef color, double width,
            llvm::StringRef cls) {
    os << "<path class=\"" << cls << "\" d=\"" << d << "\" fill=\"none\" "
       << "stroke=\"" << color << "\" stroke-width=\"" << width << "\"/>\n";
  }

  void text(double x, double y, llvm::StringRef content, int size,
            llvm::StringRef color = "#222") {
    os << llvm::format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" ", x, y,
                       size)
       << "fill=\"" << color << "\">" << escapeXml(content) << "</text>\n";
  }

private:
  llvm::raw_ostream &os;
};

/// The range [lo, hi] of the finite `value(row)` of the rows in each pixel
/// column of `x`; lo > hi in a column without any.
std::vector<std::pair<double, double>>
getColumnRanges(const Axis &x, llvm::ArrayRef<const CodeRow *> rows,
                llvm::function_ref<double(const CodeRow &)> value) {
  std::vector<std::pair<double, double>> columns(
      size_t(x.to - x.from) + 1, {std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity()});
  for (const CodeRow *row : rows) {
    double v = value(*row);
    if (!std::isfinite(v))
      continue;
    auto &[lo, hi] = columns[size_t(x(row->inputValue) - x.from)];
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  return columns;
}

/// Appends "M x y" or "L x y" to a path.
void appendPoint(std::string &d, bool move, double x, double y) {
  llvm::raw_string_ostream os(d);
  os << (move ? "M" : "L") << llvm::format("%.2f %.2f ", x, y);
}
} // namespace

void lutfold::writeSvg(const TableData &data, llvm::raw_ostream &os) {
  constexpr double kWidth = 900, kHeight = 660;
  constexpr double kLeft = 80, kRight = 880;
  Axis x{0, 1, kLeft, kRight};
  std::vector<const CodeRow *> rows;
  for (const CodeRow &row : data.rows)
    if (data.isInputCode(row))
      rows.push_back(&row);
  double step = data.plain ? 1.0 : data.in.scale;
  x.lo = rows.front()->inputValue - step / 2;
  x.hi = rows.back()->inputValue + step / 2;
  if (!(x.hi > x.lo))
    x.hi = x.lo + 1;

  // The function between the codes too, one sample per pixel and a half.
  std::vector<std::pair<double, double>> samples;
  if (!data.plain)
    for (int i = 0; i <= 1200; ++i) {
      double value = x.lo + (x.hi - x.lo) * i / 1200;
      samples.push_back({value, data.function(value)});
    }

  Axis y{std::numeric_limits<double>::infinity(),
         -std::numeric_limits<double>::infinity(), 410, 80};
  auto widen = [&](double value) {
    if (std::isfinite(value)) {
      y.lo = std::min(y.lo, value);
      y.hi = std::max(y.hi, value);
    }
  };
  for (const CodeRow *row : rows)
    widen(row->outputValue);
  // The function as far as the output type can show it.
  double outLo =
      (double(data.out.qmin) - double(data.out.zeroPoint)) * data.out.scale;
  double outHi =
      (double(data.out.qmax) - double(data.out.zeroPoint)) * data.out.scale;
  for (auto &[input, value] : samples)
    widen(std::clamp(value, outLo, outHi));
  if (!(y.hi > y.lo)) {
    y.lo -= 1;
    y.hi += 1;
  }
  double margin = (y.hi - y.lo) * 0.05;
  y.lo -= margin;
  y.hi += margin;

  Axis e{0, 0, 600, 480};
  for (const CodeRow *row : rows)
    if (std::isfinite(row->errorCodes))
      e.hi = std::max(e.hi, std::abs(row->errorCodes));
  e.hi = std::max(e.hi, 0.5) * 1.1;
  e.lo = -e.hi;

  SvgWriter svg(os);
  os << llvm::format("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                     "font-family=\"sans-serif\">\n",
                     kWidth, kHeight, kWidth, kHeight);
  os << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  std::string title = data.description;
  if (!data.plain)
    title += " (" + stringifyNumericsPreset(data.preset).str() + ")";
  svg.text(kLeft, 22, title, 15);
  if (!data.plain)
    svg.text(kLeft, 40,
             "in: " + describeParams(data.in) +
                 "   out: " + describeParams(data.out),
             11, "#555");
  svg.axes(x, y, data.plain ? "input code" : "input value",
           data.plain ? "output code" : "output value");
  svg.axes(x, e, data.plain ? "input code" : "input value",
           "error (output codes)");

  // The function first: the table, drawn over it, stays visible where the
  // two agree.
  std::string curve;
  bool broken = true;
  for (auto &[input, value] : samples) {
    if (!std::isfinite(value) || value < y.lo || value > y.hi) {
      broken = true;
      continue;
    }
    appendPoint(curve, broken, x(input), y(value));
    broken = false;
  }
  if (!curve.empty())
    svg.path(curve, "#2c6fbb", 1.2, "function");

  // Where there are more codes than pixels, each pixel column shows the
  // range of what its codes give.
  bool envelope = rows.size() > (kRight - kLeft) / 2;
  std::string staircase;
  if (!envelope) {
    for (auto [i, row] : llvm::enumerate(rows)) {
      double py = y(row->outputValue);
      double left = x(row->inputValue - step / 2);
      appendPoint(staircase, i == 0, left, py);
      appendPoint(staircase, false, x(row->inputValue + step / 2), py);
    }
  } else {
    auto columns = getColumnRanges(
        x, rows, [](const CodeRow &row) { return row.outputValue; });
    for (auto [i, column] : llvm::enumerate(columns))
      if (column.first <= column.second) {
        appendPoint(staircase, true, kLeft + i + 0.5, y(column.first) + 0.5);
        appendPoint(staircase, false, kLeft + i + 0.5, y(column.second) - 0.5);
      }
  }
  svg.path(staircase, "#e67e22", 1.6, "table");

  // Codes whose float result is NaN: a tick under the plot each, and a
  // count in the legend.
  std::string nanTicks;
  unsigned numNaN = 0;
  for (const CodeRow *row : rows) {
    if (!std::isnan(row->functionValue))
      continue;
    ++numNaN;
    appendPoint(nanTicks, true, x(row->inputValue), y.from - 6);
    appendPoint(nanTicks, false, x(row->inputValue), y.from);
  }
  if (numNaN)
    svg.path(nanTicks, "#8e44ad", 1.0, "nan");

  std::string errors, bounds;
  appendPoint(bounds, true, kLeft, e(0.5));
  appendPoint(bounds, false, kRight, e(0.5));
  appendPoint(bounds, true, kLeft, e(-0.5));
  appendPoint(bounds, false, kRight, e(-0.5));
  svg.path(bounds, "#bbb", 1, "rounding-bound");
  if (!envelope) {
    for (const CodeRow *row : rows) {
      if (!std::isfinite(row->errorCodes))
        continue;
      appendPoint(errors, true, x(row->inputValue), e(0));
      appendPoint(errors, false, x(row->inputValue), e(row->errorCodes));
    }
  } else {
    auto columns = getColumnRanges(
        x, rows, [](const CodeRow &row) { return row.errorCodes; });
    // Every column is drawn, from 0 to its extremes.
    for (auto [i, column] : llvm::enumerate(columns)) {
      appendPoint(errors, true, kLeft + i + 0.5,
                  e(std::min(column.first, 0.0)));
      appendPoint(errors, false, kLeft + i + 0.5,
                  e(std::max(column.second, 0.0)));
    }
  }
  svg.path(errors, "#c0392b", envelope ? 1.0 : 1.2, "error");

  // Legend, above the plots.
  double legendX = kLeft;
  auto legend = [&](llvm::StringRef color, llvm::StringRef label) {
    std::string d;
    appendPoint(d, true, legendX, 62);
    appendPoint(d, false, legendX + 24, 62);
    svg.path(d, color, 2, "legend");
    svg.text(legendX + 30, 66, label, 12);
    legendX += 40 + 7 * label.size();
  };
  if (!data.plain)
    legend("#2c6fbb", "f(x) in f32");
  legend("#e67e22", data.plain ? "table" : "table, dequantized");
  legend("#c0392b", "error per code, in output codes (grey: +-0.5)");
  if (numNaN)
    legend("#8e44ad", std::to_string(numNaN) + " NaN codes");
  os << "</svg>\n";
}
