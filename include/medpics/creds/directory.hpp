// The local RPPS directory: SQLite index of the Annuaire Santé extract, its importer and its lookups.
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medpics::creds {

// One activity row of a person (the extract has one line per person × activity).
struct DirectoryActivity {
  std::string professionCode, professionLabel;       // TRE_G15: "10" Médecin, "60" Infirmier, ...
  std::string categoryCode, categoryLabel;           // "C" civil, "M" militaire, "E" étudiant
  std::string skillTypeCode, skillCode, skillLabel;  // savoir-faire, e.g. "S", "SM54", "Médecine générale"
  std::string modeCode, modeLabel;                   // "L" libéral, "S" salarié, "B" bénévole
  std::string siteName, postcode, city;
  std::string authority;  // e.g. "CNOM/CNOM/CNOM"
};

struct DirectoryPerson {
  std::string idType = "8";                     // "8" RPPS, "0" ADELI
  std::string identifier;                       // RPPS (11 digits) or ADELI (9 digits)
  std::string idNat;                            // idType + identifier
  std::string civilityExCode, civilityExLabel;  // e.g. "DR", "Docteur"
  std::string civilityCode, civilityLabel;      // e.g. "MME", "Madame"
  std::string lastName, firstName;              // UTF-8, as in the extract ("DUPONT", "Marie")
  std::vector<DirectoryActivity> activities;    // at least one
  std::string displayName() const;              // "Marie DUPONT"
};

// {"identifier", "id_type", "idnat", "civility_ex", "civility", "last_name", "first_name", "activities": [{
//   "profession_code", "profession", "category_code", "category", "skill_code", "skill", "mode_code", "mode",
//   "site", "postcode", "city", "authority"}]}
nlohmann::json toJson(const DirectoryPerson& person);

struct ImportReport {
  std::uint64_t rows = 0;           // activity rows imported
  std::uint64_t persons = 0;        // distinct identifiers
  std::uint64_t malformed = 0;      // lines skipped (wrong field count, missing or non-numeric identifier)
  std::uint64_t invalidKeys = 0;    // imported rows whose RPPS fails Luhn (kept: the directory is authoritative)
  std::uint64_t repairedLines = 0;  // lines of a UTF-8 file that were not UTF-8 (read as Latin-1)
  std::vector<std::string> malformedSamples;  // first 20, "line 123: 12 fields, expected 52"
  std::string encoding;                       // "utf-8" or "latin-1"
  std::size_t columns = 0;                    // header columns (52, 56, ...)
  std::uint64_t bytes = 0;
  double seconds = 0;       // total; of which:
  double loadSeconds = 0;   //   reading, converting and inserting the rows
  double indexSeconds = 0;  //   building the indexes after the load
  bool cancelled = false;   // the progress callback returned false; the index was left unchanged
};

// bytesDone/bytesTotal of the extract read so far, rows imported; return false to cancel. Called at
// the start, every 16,384 lines, and once with bytesDone == bytesTotal when every row is loaded
// (the indexes are then built, a few seconds for millions of rows, before importExtract returns).
using ImportProgress = std::function<bool(std::uint64_t bytesDone, std::uint64_t bytesTotal, std::uint64_t rows)>;

// Streams `extract` into a new SQLite index written next to `dbPath`, then renames it over `dbPath`
// (atomic replacement: readers of the old index are never disturbed; on failure the old one stays).
// Throws std::runtime_error when the file cannot be read, its header is not recognised or SQLite fails.
ImportReport importExtract(const std::filesystem::path& extract, const std::filesystem::path& dbPath,
                           const ImportProgress& progress = {});

// $MEDPICS_DATA/registry.sqlite when MEDPICS_DATA is set, else $XDG_DATA_HOME/medpics/registry.sqlite,
// else ~/.local/share/medpics/registry.sqlite.
std::filesystem::path defaultDirectoryPath();

struct DirectoryInfo {
  std::string source, importedAt, encoding;  // extract file name, RFC 3339 UTC time, encoding
  std::uint64_t rows = 0, persons = 0;
};

// Read-only handle on an index built by importExtract. Thread-safe (calls are serialised).
class Directory {
 public:
  explicit Directory(const std::filesystem::path& dbPath);  // throws std::runtime_error if absent or not an index
  ~Directory();
  Directory(const Directory&) = delete;
  Directory& operator=(const Directory&) = delete;

  // By RPPS or ADELI (labels and separators tolerated: "RPPS 100 010 453 67"; an idNat_PS works too).
  std::optional<DirectoryPerson> findByIdentifier(std::string_view identifier) const;
  // By name, accent- and case-insensitive, "NOM Prénom" or "Prénom Nom", compound names allowed;
  // a given first name also matches longer ones ("Marie" finds "Marie-Claire"). Sorted by name.
  std::vector<DirectoryPerson> searchByName(std::string_view query, std::size_t limit = 20) const;
  // findByIdentifier when the query looks like a number, searchByName otherwise.
  std::vector<DirectoryPerson> lookup(std::string_view query, std::size_t limit = 20) const;
  DirectoryInfo info() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace medpics::creds
