//===- NumericsOption.h - The numerics preset as a typed option -*- C++ -*-===//
//
// Part of the LutFold project, under the Apache License v2.0 with LLVM
// Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every `numerics` option (the passes', the pipeline's, the tools') is an
// llvm::cl option of type NumericsPreset with the same choices, so a bad
// value fails where the option is parsed. LLVM's enum parser answers a bad
// value with "Cannot find option named 'x'!"; the parser here names the
// choices instead.
//
//===----------------------------------------------------------------------===//

#ifndef LUTFOLD_NUMERICS_NUMERICSOPTION_H
#define LUTFOLD_NUMERICS_NUMERICSOPTION_H

#include "lutfold/Numerics/Quantizer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/CommandLine.h"

#include <string>

namespace lutfold {

/// The choices of a `numerics` option, every preset of getNumericsPresets(),
/// as an option modifier like `llvm::cl::values`.
class NumericsPresetValues {
public:
  template <typename Opt> void apply(Opt &option) const {
    for (const NumericsPresetInfo &info : getNumericsPresets())
      option.getParser().addLiteralOption(info.name, info.preset,
                                          info.description);
  }
};

/// For `cl::opt<NumericsPreset> x("numerics", getNumericsPresetValues())`.
inline NumericsPresetValues getNumericsPresetValues() { return {}; }

/// A parser of enum-valued options, as llvm::cl::parser<EnumT>, whose error
/// for an unknown value lists the values it accepts.
template <typename EnumT>
class ChoiceParser : public llvm::cl::generic_parser_base {
protected:
  struct OptionInfo : GenericOptionInfo {
    OptionInfo(llvm::StringRef name, EnumT value, llvm::StringRef help)
        : GenericOptionInfo(name, help), V(value) {}
    llvm::cl::OptionValue<EnumT> V;
  };
  llvm::SmallVector<OptionInfo, 4> Values;

public:
  using parser_data_type = EnumT;

  explicit ChoiceParser(llvm::cl::Option &option)
      : generic_parser_base(option) {}

  unsigned getNumOptions() const override { return Values.size(); }
  llvm::StringRef getOption(unsigned n) const override {
    return Values[n].Name;
  }
  llvm::StringRef getDescription(unsigned n) const override {
    return Values[n].HelpStr;
  }
  const llvm::cl::GenericOptionValue &
  getOptionValue(unsigned n) const override {
    return Values[n].V;
  }

  /// Returns true on error, as llvm::cl parsers do.
  bool parse(llvm::cl::Option &option, llvm::StringRef argName,
             llvm::StringRef arg, EnumT &value) {
    llvm::StringRef text = Owner.hasArgStr() ? arg : argName;
    for (const OptionInfo &info : Values) {
      if (info.Name == text) {
        value = info.V.getValue();
        return false;
      }
    }
    std::string choices;
    for (auto [i, info] : llvm::enumerate(Values))
      choices += (i == 0                   ? "'"
                  : i + 1 == Values.size() ? " or '"
                                           : ", '") +
                 info.Name.str() + "'";
    return option.error("unknown value '" + text + "' (expected " + choices +
                        ")");
  }

  template <typename T>
  void addLiteralOption(llvm::StringRef name, const T &value,
                        llvm::StringRef help) {
    Values.emplace_back(name, static_cast<EnumT>(value), help);
    llvm::cl::AddLiteralOption(Owner, name);
  }

  void removeLiteralOption(llvm::StringRef name) {
    Values.erase(Values.begin() + findOption(name));
  }
};

} // namespace lutfold

namespace llvm::cl {
/// `numerics` options read their value with lutfold::ChoiceParser.
template <>
class parser<lutfold::NumericsPreset>
    : public lutfold::ChoiceParser<lutfold::NumericsPreset> {
public:
  using ChoiceParser::ChoiceParser;
};
} // namespace llvm::cl

#endif // LUTFOLD_NUMERICS_NUMERICSOPTION_H
