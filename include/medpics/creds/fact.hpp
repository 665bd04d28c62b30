// A fact a check established, as a code and named parameters (never a sentence): the desk renders it from its
// catalogue.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medpics::creds {

// One parameter of a fact. `personal`: a name, an identifier or a text read from a document — kept in memory for
// the screen, never written to disk nor sent with a decision.
struct FactParam {
  std::string name, value;
  bool personal = false;
};

struct Fact {
  std::string code;  // e.g. "id.luhn_ok"; the catalogue key is "fact." + code
  std::vector<FactParam> params;

  Fact& with(std::string name, std::string value) {
    params.push_back({std::move(name), std::move(value), false});
    return *this;
  }
  Fact& personal(std::string name, std::string value) {
    params.push_back({std::move(name), std::move(value), true});
    return *this;
  }
  const FactParam* param(std::string_view name) const;
};
using Facts = std::vector<Fact>;

// Fills a template of the catalogue: "{name}" → the parameter's value, "{name|term}" → term(value) (a word the
// catalogue translates, such as "exact" or "student"). A parameter `param` does not have is shown as "…".
std::string formatFact(std::string_view templ, const std::function<std::optional<std::string>(std::string_view)>& param,
                       const std::function<std::string(std::string_view)>& term);

}  // namespace medpics::creds
