// Unit tests of the extract generator, the importer (versions, encodings, malformed lines, atomic re-import) and
// lookups.
#include "creds_fixture.hpp"
#include "medpics/creds/extract_format.hpp"
#include "medpics/creds/identifiers.hpp"
#include "medpics/creds/text.hpp"
#include "medpics/util/file.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>

using namespace medpics::creds;
using medpics::test::TempDir;

namespace {
std::string readAll(const std::filesystem::path& p) { return medpics::util::readFile(p).value_or(""); }
}  // namespace

TEST_CASE("extract headers: 52 and 56 columns, mapped by name", "[creds]") {
  CHECK(extractHeader(ExtractVersion::V2021).size() == 52);
  CHECK(extractHeader(ExtractVersion::V2023).size() == 56);
  CHECK(columnKey("Libellé civilité d'exercice") == columnKey("LIBELLE CIVILITE EXERCICE"));
  CHECK(fieldOfColumn("Prénom d'exercice") == Field::FirstName);
  CHECK(fieldOfColumn("Code catégorie profession") == Field::CategoryCode);
  CHECK_FALSE(fieldOfColumn("Code genre activité"));
  for (auto version : {ExtractVersion::V2021, ExtractVersion::V2023}) {
    const ColumnMap map = mapColumns(extractHeader(version));
    for (std::size_t f = 0; f < kFieldCount; ++f) CHECK(map[f] != std::string::npos);
  }
  CHECK_THROWS_WITH(mapColumns({"Foo", "Bar"}), Catch::Contains("Identifiant PP"));
  CHECK(splitExtractLine("a||c|\r\n") == std::vector<std::string_view>{"a", "", "c"});
  CHECK(splitExtractLine("a|b") == std::vector<std::string_view>{"a", "b"});
}

TEST_CASE("generator: exact format, valid RPPS, deterministic, must-include persons first", "[creds]") {
  ExtractOptions options;
  options.rows = 500;
  options.seed = 42;
  std::ostringstream a, b, c;
  const ExtractStats stats = generateExtract(options, medpics::test::knownPersons(), a);
  generateExtract(options, medpics::test::knownPersons(), b);
  options.seed = 43;
  generateExtract(options, medpics::test::knownPersons(), c);
  CHECK(stats.rows == 500);
  CHECK(a.str() == b.str());
  CHECK(a.str() != c.str());
  std::istringstream in(a.str());
  std::string line;
  std::getline(in, line);
  CHECK(line.rfind("Type d'identifiant PP|Identifiant PP|", 0) == 0);
  CHECK(line.back() == '|');
  std::getline(in, line);
  CHECK(line.find("|10001045367|810001045367|DR|Docteur|") != std::string::npos);
  std::set<std::string> professions, categories;
  std::size_t lines = 2;  // header and the first row read above
  while (std::getline(in, line)) {
    ++lines;
    const auto fields = splitExtractLine(line);
    REQUIRE(fields.size() == 52);
    CHECK(line.back() == '|');
    CHECK(checkRpps(fields[1]).valid);
    CHECK(fields[1].substr(0, 2) == "10");
    professions.insert(std::string(fields[9]));
    categories.insert(std::string(fields[11]));
  }
  CHECK(lines == 501);
  CHECK(professions.count("10"));
  CHECK(professions.count("60"));
  CHECK(categories.count("C"));
  CHECK(categories.count("E"));
}

TEST_CASE("import: both header versions, both encodings, malformed lines counted", "[creds]") {
  for (auto version : {ExtractVersion::V2021, ExtractVersion::V2023}) {
    for (auto encoding : {ExtractEncoding::Utf8, ExtractEncoding::Latin1}) {
      INFO("version " << static_cast<int>(version) << (encoding == ExtractEncoding::Utf8 ? " utf-8" : " latin-1"));
      TempDir dir;
      ExtractOptions options;
      options.rows = 1000;
      options.version = version;
      options.encoding = encoding;
      options.malformedEvery = 100;
      const auto extract = medpics::test::writeExtract(dir.path(), "extract.txt", options);
      CHECK(isValidUtf8(readAll(extract)) == (encoding == ExtractEncoding::Utf8));
      std::uint64_t calls = 0;
      const auto db = dir.path() / "sub" / "registry.sqlite";
      const ImportReport r =
          importExtract(extract, db, [&](std::uint64_t, std::uint64_t, std::uint64_t) { return ++calls > 0; });
      CHECK(r.rows == 1000);
      CHECK(r.malformed == 10);
      CHECK(r.malformedSamples.size() == 10);
      CHECK(r.invalidKeys == 0);
      CHECK(r.columns == (version == ExtractVersion::V2021 ? 52u : 56u));
      CHECK(r.encoding == (encoding == ExtractEncoding::Utf8 ? "utf-8" : "latin-1"));
      CHECK(calls >= 2);
      const Directory directory(db);
      const auto helene = directory.findByIdentifier("10005814339");
      REQUIRE(helene);
      CHECK(helene->lastName == "LEFÈVRE-LE GOFF");  // converted to UTF-8
      CHECK(helene->firstName == "Hélène");
      CHECK(helene->activities.at(0).professionCode == "60");
      CHECK(directory.info().rows == 1000);
    }
  }
}

TEST_CASE("import: hand-written extract with BOM, CRLF, reordered columns, bad lines", "[creds]") {
  TempDir dir;
  const auto extract = dir.path() / "PS_LibreAcces_Personne_activite_202301010000.txt";
  std::ofstream(extract, std::ios::binary) << "\xEF\xBB\xBFPrenom d'exercice|Nom exercice|Identifiant PP|Type "
                                              "d'identifiant PP|Code profession|Code catégorie professionnelle|\r\n"
                                           << "Marie|DUPONT|10001045367|8|10|C|\r\n"
                                           << "Paul|ADELI|012600631|0|60|C|\r\n"
                                           << "Bad|KEY|10001045368|8|10|C|\r\n"
                                           << "Too|Few|\r\n"
                                           << "\r\n"
                                           << "No|Number||8|10|C|\r\n";
  const auto db = dir.path() / "r.sqlite";
  const ImportReport r = importExtract(extract, db);
  CHECK(r.rows == 3);
  CHECK(r.persons == 3);
  CHECK(r.malformed == 2);
  CHECK(r.invalidKeys == 1);
  CHECK(r.malformedSamples.at(0) == "line 5: 2 fields, expected 6");
  const Directory directory(db);
  CHECK(directory.findByIdentifier("RPPS 100 010 453 67")->firstName == "Marie");
  CHECK(directory.findByIdentifier("810001045367")->lastName == "DUPONT");
  CHECK(directory.findByIdentifier("0012600631")->lastName == "ADELI");
  CHECK(directory.info().source == extract.filename().string());
  CHECK_THROWS(importExtract(dir.path() / "missing.txt", db));
  const auto zip = dir.path() / "PS_LibreAcces.zip";
  std::ofstream(zip, std::ios::binary) << std::string("PK\x03\x04\x14\x00\n", 7);
  CHECK_THROWS_WITH(importExtract(zip, db), Catch::Contains("zip archive"));
}

TEST_CASE("re-import replaces the index atomically, a failed import keeps the old one", "[creds]") {
  TempDir dir;
  const auto db = dir.path() / "registry.sqlite";
  ExtractOptions options;
  options.rows = 300;
  const auto first = medpics::test::writeExtract(dir.path(), "first.txt", options);
  importExtract(first, db);
  const Directory before(db);
  REQUIRE(before.findByIdentifier("10001045367"));

  const auto second =
      medpics::test::writeExtract(dir.path(), "second.txt", options,
                                  {medpics::test::knownPerson("10104335319", "ROUX", "Zoé", "50", "Sage-Femme", "C")});
  importExtract(second, db);
  CHECK(before.findByIdentifier("10001045367"));  // an open handle keeps reading the old index
  const Directory after(db);
  CHECK_FALSE(after.findByIdentifier("10001045367"));
  CHECK(after.findByIdentifier("10104335319")->firstName == "Zoé");

  const auto broken = dir.path() / "broken.txt";
  std::ofstream(broken) << "not|an|extract|\n1|2|3|\n";
  CHECK_THROWS_WITH(importExtract(broken, db), Catch::Contains("header not recognised"));
  CHECK(Directory(db).findByIdentifier("10104335319"));
  const ImportReport cancelled = importExtract(first, db, [](auto, auto, auto) { return false; });
  CHECK(cancelled.cancelled);
  CHECK(Directory(db).findByIdentifier("10104335319"));
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".importing-") == std::string::npos);
  }
}

TEST_CASE("lookup by name: accents, case, order, compound names", "[creds]") {
  medpics::test::SmallDirectory small;
  const Directory& d = *small.directory;
  for (const char* query : {"DUPONT Marie", "Marie Dupont", "dupont marie", "Dr Marie DUPONT"}) {
    INFO(query);
    const auto found = d.searchByName(query);
    REQUIRE_FALSE(found.empty());
    CHECK(std::any_of(found.begin(), found.end(),
                      [](const DirectoryPerson& p) { return p.identifier == "10001045367"; }));
  }
  for (const char* query :
       {"Helene Lefevre-Le Goff", "LEFÈVRE LE GOFF Hélène", "lefevre le goff", "hélène lefèvre le goff"}) {
    INFO(query);
    const auto found = d.searchByName(query);
    CHECK(std::any_of(found.begin(), found.end(),
                      [](const DirectoryPerson& p) { return p.identifier == "10005814339"; }));
  }
  CHECK(d.searchByName("Zzzz Nobody").empty());
  CHECK(d.lookup("10005173140").at(0).activities.at(0).categoryCode == "E");
  CHECK(d.lookup("10005173141").empty());
  CHECK(d.searchByName("Dupont", 3).size() <= 3);
}
