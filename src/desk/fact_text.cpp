// Renders the facts of the core's checks from the catalogue (templates "fact.<code>", words "term.<word>").
#include "fact_text.hpp"

#include "i18n.hpp"

namespace medpics::desk {
namespace {

std::string term(std::string_view word) {
  const std::string key = "term." + std::string(word);
  return hasEntry(key) ? tr(key) : std::string(word);
}

template <class Lookup>
std::string render(const std::string& code, const Lookup& param) {
  const std::string key = "fact." + code;
  if (!hasEntry(key)) return code;  // a code this desk does not know yet: shown as is, never a sentence
  return creds::formatFact(tr(key), param, term);
}

}  // namespace

std::string factText(const creds::Fact& fact) {
  return render(fact.code, [&](std::string_view name) -> std::optional<std::string> {
    const auto* p = fact.param(name);
    return p ? std::optional(p->value) : std::nullopt;
  });
}

std::string factsText(const creds::Facts& facts) {
  std::string out;
  for (const auto& f : facts) out += (out.empty() ? "" : " · ") + factText(f);
  return out;
}

std::string factsText(const nlohmann::json& facts) {
  std::string out;
  if (!facts.is_array()) return out;
  for (const auto& f : facts) {
    if (!f.is_object() || !f.contains("code") || !f["code"].is_string()) continue;
    const nlohmann::json params = f.value("params", nlohmann::json::object());
    const std::string text =
        render(f["code"].get<std::string>(), [&](std::string_view name) -> std::optional<std::string> {
          const auto it = params.find(std::string(name));
          return it != params.end() && it->is_string() ? std::optional(it->get<std::string>()) : std::nullopt;
        });
    out += (out.empty() ? "" : " · ") + text;
  }
  return out;
}

}  // namespace medpics::desk
