// Schema of the directory index shared by the importer and the lookups (private to the creds module).
#pragma once
#include "medpics/creds/extract_format.hpp"

#include <array>
#include <string>

namespace medpics::creds::schema {

struct Column {
  Field field;
  const char* name;
};

// Stored extract columns, in table order; the table ends with last_norm and first_norm (folded names).
constexpr std::array kColumns = {
    Column{Field::IdType, "id_type"},
    Column{Field::Identifier, "identifier"},
    Column{Field::IdNat, "idnat"},
    Column{Field::CivilityExCode, "civility_ex_code"},
    Column{Field::CivilityExLabel, "civility_ex"},
    Column{Field::CivilityCode, "civility_code"},
    Column{Field::CivilityLabel, "civility"},
    Column{Field::LastName, "last_name"},
    Column{Field::FirstName, "first_name"},
    Column{Field::ProfessionCode, "profession_code"},
    Column{Field::ProfessionLabel, "profession"},
    Column{Field::CategoryCode, "category_code"},
    Column{Field::CategoryLabel, "category"},
    Column{Field::SkillTypeCode, "skill_type_code"},
    Column{Field::SkillCode, "skill_code"},
    Column{Field::SkillLabel, "skill"},
    Column{Field::ModeCode, "mode_code"},
    Column{Field::ModeLabel, "mode"},
    Column{Field::SiteName, "site"},
    Column{Field::Postcode, "postcode"},
    Column{Field::City, "city"},
    Column{Field::Authority, "authority"},
};

// "a, b, c" of the stored column names (without the folded-name columns).
inline std::string columnList() {
  std::string list;
  for (const auto& c : kColumns) list += (list.empty() ? "" : ", ") + std::string(c.name);
  return list;
}

}  // namespace medpics::creds::schema
