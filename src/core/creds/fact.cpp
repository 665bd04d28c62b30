// Facts of the checks: parameter look-up and the template filling shared by the desk and the CLI.
#include "medpics/creds/fact.hpp"

namespace medpics::creds {

const FactParam* Fact::param(std::string_view name) const {
  for (const auto& p : params)
    if (p.name == name) return &p;
  return nullptr;
}

std::string formatFact(std::string_view templ, const std::function<std::optional<std::string>(std::string_view)>& param,
                       const std::function<std::string(std::string_view)>& term) {
  std::string out;
  for (std::size_t i = 0; i < templ.size();) {
    const std::size_t open = templ.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : templ.find('}', open);
    if (close == std::string_view::npos) {
      out.append(templ.substr(i));
      break;
    }
    out.append(templ.substr(i, open - i));
    std::string_view name = templ.substr(open + 1, close - open - 1);
    const std::size_t bar = name.find('|');
    const bool isTerm = bar != std::string_view::npos && name.substr(bar + 1) == "term";
    if (bar != std::string_view::npos) name = name.substr(0, bar);
    const auto value = param(name);
    out += !value ? std::string("…") : isTerm ? term(*value) : *value;
    i = close + 1;
  }
  return out;
}

}  // namespace medpics::creds
