// Header definitions of the PS_LibreAcces extract (2021 and 2023 versions) and by-name column matching.
#include "medpics/creds/extract_format.hpp"

#include "medpics/creds/text.hpp"

#include <stdexcept>
#include <utility>

namespace medpics::creds {
namespace {

struct Spelling {
  Field field;
  std::string_view name;  // a header spelling; the first one per field is the 2021 spelling
};

// clang-format off
constexpr Spelling kSpellings[] = {
    {Field::IdType, "Type d'identifiant PP"},
    {Field::Identifier, "Identifiant PP"},
    {Field::IdNat, "Identification nationale PP"},
    {Field::CivilityExCode, "Code civilité d'exercice"},
    {Field::CivilityExLabel, "Libellé civilité d'exercice"},
    {Field::CivilityCode, "Code civilité"},
    {Field::CivilityLabel, "Libellé civilité"},
    {Field::LastName, "Nom d'exercice"},
    {Field::LastName, "Nom exercice"},
    {Field::FirstName, "Prénom d'exercice"},
    {Field::FirstName, "Prenom exercice"},
    {Field::ProfessionCode, "Code profession"},
    {Field::ProfessionLabel, "Libellé profession"},
    {Field::CategoryCode, "Code catégorie professionnelle"},
    {Field::CategoryCode, "Code catégorie profession"},
    {Field::CategoryLabel, "Libellé catégorie professionnelle"},
    {Field::CategoryLabel, "Libellé catégorie profession"},
    {Field::SkillTypeCode, "Code type savoir-faire"},
    {Field::SkillTypeLabel, "Libellé type savoir-faire"},
    {Field::SkillCode, "Code savoir-faire"},
    {Field::SkillLabel, "Libellé savoir-faire"},
    {Field::ModeCode, "Code mode exercice"},
    {Field::ModeLabel, "Libellé mode exercice"},
    {Field::SiteName, "Raison sociale site"},
    {Field::StreetNumber, "Numéro Voie (coord. structure)"},
    {Field::StreetName, "Libellé Voie (coord. structure)"},
    {Field::Postcode, "Code postal (coord. structure)"},
    {Field::City, "Libellé commune (coord. structure)"},
    {Field::Authority, "Autorité d'enregistrement"},
};
// clang-format on

const char* const kHeader2021[] = {"Type d'identifiant PP",
                                   "Identifiant PP",
                                   "Identification nationale PP",
                                   "Code civilité d'exercice",
                                   "Libellé civilité d'exercice",
                                   "Code civilité",
                                   "Libellé civilité",
                                   "Nom d'exercice",
                                   "Prénom d'exercice",
                                   "Code profession",
                                   "Libellé profession",
                                   "Code catégorie professionnelle",
                                   "Libellé catégorie professionnelle",
                                   "Code type savoir-faire",
                                   "Libellé type savoir-faire",
                                   "Code savoir-faire",
                                   "Libellé savoir-faire",
                                   "Code mode exercice",
                                   "Libellé mode exercice",
                                   "Numéro SIRET site",
                                   "Numéro SIREN site",
                                   "Numéro FINESS site",
                                   "Numéro FINESS établissement juridique",
                                   "Identifiant technique de la structure",
                                   "Raison sociale site",
                                   "Enseigne commerciale site",
                                   "Complément destinataire (coord. structure)",
                                   "Complément point géographique (coord. structure)",
                                   "Numéro Voie (coord. structure)",
                                   "Indice répétition voie (coord. structure)",
                                   "Code type de voie (coord. structure)",
                                   "Libellé type de voie (coord. structure)",
                                   "Libellé Voie (coord. structure)",
                                   "Mention distribution (coord. structure)",
                                   "Bureau cedex (coord. structure)",
                                   "Code postal (coord. structure)",
                                   "Code commune (coord. structure)",
                                   "Libellé commune (coord. structure)",
                                   "Code pays (coord. structure)",
                                   "Libellé pays (coord. structure)",
                                   "Téléphone (coord. structure)",
                                   "Téléphone 2 (coord. structure)",
                                   "Télécopie (coord. structure)",
                                   "Adresse e-mail (coord. structure)",
                                   "Code Département (coord. structure)",
                                   "Libellé Département (coord. structure)",
                                   "Ancien identifiant de la structure",
                                   "Autorité d'enregistrement",
                                   "Code secteur d'activité",
                                   "Libellé secteur d'activité",
                                   "Code section tableau pharmaciens",
                                   "Libellé section tableau pharmaciens"};

// The newer header: other spellings, the "fonction" and "genre d'activité" columns added.
std::vector<std::string> header2023() {
  std::vector<std::string> h(std::begin(kHeader2021), std::end(kHeader2021));
  const std::pair<std::string_view, std::string_view> renamed[] = {
      {"Code civilité d'exercice", "Code civilité exercice"},
      {"Libellé civilité d'exercice", "Libellé civilité exercice"},
      {"Code catégorie professionnelle", "Code catégorie profession"},
      {"Libellé catégorie professionnelle", "Libellé catégorie profession"}};
  for (auto& name : h) {
    for (const auto& [from, to] : renamed) {
      if (name == from) name = to;
    }
  }
  const auto after = [&h](std::string_view anchor, std::vector<std::string> added) {
    for (std::size_t i = 0; i < h.size(); ++i) {
      if (h[i] == anchor) {
        h.insert(h.begin() + static_cast<std::ptrdiff_t>(i) + 1, added.begin(), added.end());
        return;
      }
    }
  };
  after("Libellé mode exercice", {"Code fonction", "Libellé fonction"});
  after("Libellé secteur d'activité", {"Code genre activité", "Libellé genre activité"});
  return h;
}

}  // namespace

const std::vector<std::string>& extractHeader(ExtractVersion version) {
  static const std::vector<std::string> v2021(std::begin(kHeader2021), std::end(kHeader2021));
  static const std::vector<std::string> v2023 = header2023();
  return version == ExtractVersion::V2021 ? v2021 : v2023;
}

std::string columnKey(std::string_view headerName) {
  std::string key;
  for (const auto& word : nameTokens(headerName)) {
    if (word == "d" || word == "de" || word == "du" || word == "l" || word == "la" || word == "le") continue;
    key += word;
  }
  return key;
}

std::optional<Field> fieldOfColumn(std::string_view headerName) {
  const std::string key = columnKey(headerName);
  for (const auto& spelling : kSpellings) {
    if (columnKey(spelling.name) == key) return spelling.field;
  }
  return std::nullopt;
}

ColumnMap mapColumns(const std::vector<std::string>& header) {
  ColumnMap map;
  map.fill(std::string::npos);
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (const auto field = fieldOfColumn(header[i]);
        field && map[static_cast<std::size_t>(*field)] == std::string::npos) {
      map[static_cast<std::size_t>(*field)] = i;
    }
  }
  for (const auto& [field, name] :
       {std::pair{Field::Identifier, "Identifiant PP"}, std::pair{Field::LastName, "Nom d'exercice"},
        std::pair{Field::FirstName, "Prénom d'exercice"}}) {
    if (map[static_cast<std::size_t>(field)] == std::string::npos) {
      throw std::runtime_error(std::string("extract header not recognised: no column '") + name + "'");
    }
  }
  return map;
}

std::vector<std::string_view> splitExtractLine(std::string_view line) {
  std::vector<std::string_view> fields;
  splitExtractLine(line, fields);
  return fields;
}

void splitExtractLine(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = line.find('|', start);
    if (bar == std::string_view::npos) {
      if (start < line.size()) fields.push_back(line.substr(start));  // no trailing '|'
      break;
    }
    fields.push_back(line.substr(start, bar - start));
    start = bar + 1;
  }
}

}  // namespace medpics::creds
