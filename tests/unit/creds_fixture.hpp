// Shared fixture of the creds unit tests: known directory persons and a small imported directory.
#pragma once
#include "medpics/creds/directory.hpp"
#include "medpics/demo/extract_generator.hpp"
#include "support/temp_dir.hpp"

#include <fstream>
#include <memory>

namespace medpics::test {

inline creds::DirectoryPerson knownPerson(std::string rpps, std::string last, std::string first,
                                          std::string professionCode, std::string professionLabel,
                                          std::string category) {
  creds::DirectoryPerson p;
  p.identifier = rpps;
  p.idNat = "8" + rpps;
  p.civilityExCode = professionCode == "10" ? "DR" : "";
  p.civilityExLabel = professionCode == "10" ? "Docteur" : "";
  p.lastName = std::move(last);
  p.firstName = std::move(first);
  creds::DirectoryActivity a;
  a.professionCode = std::move(professionCode);
  a.professionLabel = std::move(professionLabel);
  a.categoryCode = category;
  a.categoryLabel = category == "E" ? "Etudiant" : "Civil";
  if (a.professionCode == "10" && category != "E") {
    a.skillTypeCode = "S";
    a.skillCode = "SM54";
    a.skillLabel = "Médecine générale";
  }
  a.city = "Bordeaux";
  a.postcode = "33000";
  p.activities.push_back(a);
  return p;
}

// Marie DUPONT (médecin, 10001045367), Lucas MARTIN (student in medicine, 10005173140),
// Hélène LEFÈVRE-LE GOFF (infirmière, 10005814339).
inline std::vector<creds::DirectoryPerson> knownPersons() {
  return {knownPerson("10001045367", "DUPONT", "Marie", "10", "Médecin", "C"),
          knownPerson("10005173140", "MARTIN", "Lucas", "10", "Médecin", "E"),
          knownPerson("10005814339", "LEFÈVRE-LE GOFF", "Hélène", "60", "Infirmier", "C")};
}

// Writes a synthetic extract with the known persons and returns its path.
inline std::filesystem::path writeExtract(const std::filesystem::path& dir, const std::string& name,
                                          creds::ExtractOptions options,
                                          const std::vector<creds::DirectoryPerson>& persons = knownPersons()) {
  const auto path = dir / name;
  std::ofstream out(path, std::ios::binary);
  creds::generateExtract(options, persons, out);
  return path;
}

// A temporary directory index holding the known persons among 2,000 synthetic rows.
struct SmallDirectory {
  TempDir dir;
  std::filesystem::path db = dir.path() / "registry.sqlite";
  std::unique_ptr<creds::Directory> directory;
  SmallDirectory() {
    creds::ExtractOptions options;
    options.rows = 2000;
    options.seed = 7;
    creds::importExtract(writeExtract(dir.path(), "extract.txt", options), db);
    directory = std::make_unique<creds::Directory>(db);
  }
};

}  // namespace medpics::test
