// `medpics id check [--type T] VALUE...`: validates identifiers, one JSON object per line; exit 1 if any is invalid.
#include "command.hpp"
#include "fact_english.hpp"
#include "medpics/creds/identifiers.hpp"
#include "option_list.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace {

int run(const medpics::cli::Args& args) {
  using namespace medpics::creds;
  medpics::cli::OptionList options(args);
  IdType type = IdType::Unknown;
  if (const auto name = options.option("--type")) {
    const auto parsed = idTypeFromName(*name);
    if (!parsed) {
      std::fprintf(stderr, "medpics id: unknown --type '%s' (rpps, idnat_ps, adeli, ine, ordre, nir)\n", name->c_str());
      return 2;
    }
    type = *parsed;
  }
  const auto& values = options.positional();
  if (values.size() < 2 || values[0] != "check") {
    std::fprintf(stderr, "usage: medpics id check [--type rpps|idnat_ps|adeli|ine|ordre|nir] VALUE...\n");
    return 2;
  }
  bool allValid = true;
  for (std::size_t i = 1; i < values.size(); ++i) {
    const IdCheck c = checkIdentifier(values[i], type);
    allValid &= c.valid;
    nlohmann::ordered_json facts = nlohmann::ordered_json::array();
    for (const auto& f : c.facts) {
      nlohmann::ordered_json params = nlohmann::ordered_json::object();
      for (const auto& p : f.params) params[p.name] = p.value;
      facts.push_back({{"code", f.code}, {"params", std::move(params)}});
    }
    const nlohmann::ordered_json line = {{"input", c.input},          {"type", idTypeName(c.type)},
                                         {"valid", c.valid},          {"normalized", c.normalized},
                                         {"facts", std::move(facts)}, {"message", medpics::cli::englishFacts(c.facts)}};
    std::printf("%s\n", line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
  }
  return allValid ? 0 : 1;
}

const medpics::cli::CommandRegistrar kId(
    {"id", "id check [--type T] VALUE...  validate RPPS/ADELI/idNat_PS/INE/Ordre/NIR (JSON lines)", run});

}  // namespace
