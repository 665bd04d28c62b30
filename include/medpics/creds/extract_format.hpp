// The Annuaire Santé "PS_LibreAcces_Personne_activite" extract format: header versions and columns matched by name.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medpics::creds {

enum class ExtractVersion { V2021 = 2021, V2023 = 2023 };  // 52 and 56 columns
enum class ExtractEncoding { Utf8, Latin1 };

// Columns the directory reads (and the generator fills); every other column is ignored by the importer.
// clang-format off
enum class Field {
  IdType, Identifier, IdNat, CivilityExCode, CivilityExLabel, CivilityCode, CivilityLabel, LastName, FirstName,
  ProfessionCode, ProfessionLabel, CategoryCode, CategoryLabel, SkillTypeCode, SkillTypeLabel, SkillCode,
  SkillLabel, ModeCode, ModeLabel, SiteName, StreetNumber, StreetName, Postcode, City, Authority, Count
};
// clang-format on
constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::Count);

// Header names in file order, UTF-8 ("Type d'identifiant PP", ..., 52 or 56 names).
const std::vector<std::string>& extractHeader(ExtractVersion version);

// Comparison key of a header name: accents, case, punctuation and the words d'/de/du/l' removed,
// so "Libellé civilité d'exercice" and "Libelle civilite exercice" have the same key.
std::string columnKey(std::string_view headerName);

// Which Field a header name is (spelling variants of the known versions included), if any.
std::optional<Field> fieldOfColumn(std::string_view headerName);

// Position of each Field in a header (npos when absent). Throws std::runtime_error naming the
// missing column when "Identifiant PP", "Nom d'exercice" or "Prénom d'exercice" cannot be found.
using ColumnMap = std::array<std::size_t, kFieldCount>;
ColumnMap mapColumns(const std::vector<std::string>& header);

// Splits one line on '|' (the trailing '|' of each line gives no extra field; a '\r' is dropped).
std::vector<std::string_view> splitExtractLine(std::string_view line);
void splitExtractLine(std::string_view line, std::vector<std::string_view>& fields);  // reuses `fields`

}  // namespace medpics::creds
