// `medpics id check [--type T] VALUE...`: validates identifiers, one JSON object per line; exit 1 if any is invalid.
#include "command.hpp"
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
    const nlohmann::ordered_json line = {{"input", c.input}, {"type", idTypeName(c.type)}, {"valid", c.valid},
                                 {"normalized", c.normalized}, {"message", c.message}};
    std::printf("%s\n", line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
  }
  return allValid ? 0 : 1;
}

const medpics::cli::CommandRegistrar kId({"id", "id check [--type T] VALUE...  validate RPPS/ADELI/idNat_PS/INE/Ordre/NIR (JSON lines)", run});

}  // namespace
