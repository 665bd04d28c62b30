// Synthetic Annuaire Santé extracts: deterministic persons × activities in the exact file format.
#include "medpics/demo/extract_generator.hpp"

#include "french_names.hpp"
#include "medpics/creds/identifiers.hpp"
#include "medpics/creds/text.hpp"

#include <array>
#include <cstdio>
#include <set>

namespace medpics::creds {
namespace {

// splitmix64: small, fast and identical on every platform (std distributions are not).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(double p) { return static_cast<double>(next() >> 11) / 9007199254740992.0 < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  std::uint64_t state_;
};

struct Skill {
  const char* code;
  const char* label;
};

struct Profession {
  const char* code;
  const char* label;
  int weight;         // per thousand professionals
  int studentWeight;  // per hundred students (0: no students in the directory)
  const char* authority;
  bool doctorTitle;
  std::vector<Skill> skills;  // savoir-faire of type S (spécialité ordinale); SM54 first
};

// clang-format off
const std::vector<Profession>& professions() {
  static const std::vector<Profession> list = {
      {"10", "Médecin", 350, 60, "CNOM/CNOM/CNOM", true,
       {{"SM54", "Médecine générale"}, {"SM02", "Anesthésie-réanimation"}, {"SM04", "Cardiologie et maladies vasculaires"},
        {"SM15", "Dermatologie et vénéréologie"}, {"SM24", "Gynécologie-obstétrique"}, {"SM38", "Ophtalmologie"},
        {"SM40", "Pédiatrie"}, {"SM42", "Psychiatrie"}, {"SM44", "Radio-diagnostic et imagerie médicale"}}},
      {"21", "Pharmacien", 80, 20, "CNOP/CNOP/CNOP", true, {}},
      {"26", "Audioprothésiste", 10, 0, "ARS/ARS/ARS", false, {}},
      {"28", "Opticien-Lunetier", 20, 0, "ARS/ARS/ARS", false, {}},
      {"40", "Chirurgien-Dentiste", 50, 12, "CNOCD/CNOCD/CNOCD", true,
       {{"SCD01", "Orthopédie dento-faciale"}, {"SCD02", "Chirurgie orale"}}},
      {"50", "Sage-Femme", 30, 8, "CNOSF/CNOSF/CNOSF", false, {}},
      {"60", "Infirmier", 280, 0, "ONI/ONI/ONI", false, {}},
      {"69", "Infirmier psychiatrique", 10, 0, "ONI/ONI/ONI", false, {}},
      {"70", "Masseur-Kinésithérapeute", 100, 0, "CNOMK/CNOMK/CNOMK", false, {}},
      {"80", "Pédicure-Podologue", 20, 0, "ONPP/ONPP/ONPP", false, {}},
      {"91", "Orthophoniste", 40, 0, "ARS/ARS/ARS", false, {}},
      {"92", "Orthoptiste", 10, 0, "ARS/ARS/ARS", false, {}},
  };
  return list;
}

struct Place {
  const char* postcode;
  const char* city;
};
const std::vector<Place>& places() {
  static const std::vector<Place> list = {
      {"75011", "Paris"}, {"75015", "Paris"}, {"69003", "Lyon"}, {"13005", "Marseille"}, {"31000", "Toulouse"},
      {"06000", "Nice"}, {"44000", "Nantes"}, {"67000", "Strasbourg"}, {"34000", "Montpellier"}, {"33000", "Bordeaux"},
      {"59000", "Lille"}, {"35000", "Rennes"}, {"51100", "Reims"}, {"42000", "Saint-Étienne"}, {"38000", "Grenoble"},
      {"21000", "Dijon"}, {"49000", "Angers"}, {"30000", "Nîmes"}, {"63000", "Clermont-Ferrand"}, {"29200", "Brest"},
      {"37000", "Tours"}, {"87000", "Limoges"}, {"80000", "Amiens"}, {"66000", "Perpignan"}, {"57000", "Metz"},
      {"25000", "Besançon"}, {"45000", "Orléans"}, {"14000", "Caen"}, {"97400", "Saint-Denis"}, {"20000", "Ajaccio"}};
  return list;
}

const std::vector<std::string_view>& streets() {
  static const std::vector<std::string_view> list = {
      "rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo", "rue Pasteur", "place de l'Église",
      "rue du Général Leclerc", "avenue de la Gare", "rue des Écoles", "chemin des Vignes", "rue Nationale"};
  return list;
}
// clang-format on

const Profession& pickWeighted(Rng& rng, bool student) {
  int total = 0;
  for (const auto& p : professions()) total += student ? p.studentWeight : p.weight;
  int r = static_cast<int>(rng.below(static_cast<std::size_t>(total)));
  for (const auto& p : professions()) {
    r -= student ? p.studentWeight : p.weight;
    if (r < 0) return p;
  }
  return professions().front();
}

// Surnames are printed in capitals in the extract ("LEFÈVRE", "N'DIAYE"): upper case within Latin-1.
std::string upperName(std::string_view utf8) {
  std::string latin = utf8ToLatin1(utf8);
  for (char& c : latin) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 0xE0 && u <= 0xFE && u != 0xF7)) c = static_cast<char>(u - 0x20);
  }
  return latin1ToUtf8(latin);
}

DirectoryActivity syntheticActivity(Rng& rng, const Profession& profession, bool student) {
  const Place& place = rng.pick(places());
  DirectoryActivity a;
  a.professionCode = profession.code;
  a.professionLabel = profession.label;
  a.postcode = place.postcode;
  a.city = place.city;
  a.authority = profession.authority;
  if (student) {
    a.categoryCode = "E";
    a.categoryLabel = "Etudiant";
    a.siteName = std::string("UFR de santé, Université de ") + place.city;
    return a;
  }
  const bool military = rng.chance(0.02);
  a.categoryCode = military ? "M" : "C";
  a.categoryLabel = military ? "Militaire" : "Civil";
  if (!profession.skills.empty()) {
    const Skill& skill =
        rng.chance(0.55) ? profession.skills.front() : profession.skills[rng.below(profession.skills.size())];
    a.skillTypeCode = "S";
    a.skillCode = skill.code;
    a.skillLabel = skill.label;
  }
  const int mode = static_cast<int>(rng.below(10));
  a.modeCode = mode < 6 ? "L" : mode < 9 ? "S" : "B";
  a.modeLabel = mode < 6 ? "Libéral, indépendant, artisan, commerçant" : mode < 9 ? "Salarié" : "Bénévole";
  a.siteName =
      mode < 6 ? std::string("Cabinet ") + profession.label : std::string("Centre hospitalier de ") + place.city;
  return a;
}

DirectoryPerson syntheticPerson(Rng& rng, const std::string& rpps, double studentShare) {
  const bool student = rng.chance(studentShare);
  const bool female = rng.chance(0.55);
  const Profession& profession = pickWeighted(rng, student);
  DirectoryPerson p;
  p.identifier = rpps;
  p.idNat = "8" + rpps;
  p.civilityCode = female ? "MME" : "M";
  p.civilityLabel = female ? "Madame" : "Monsieur";
  if (profession.doctorTitle && !student) {
    p.civilityExCode = "DR";
    p.civilityExLabel = "Docteur";
  }
  std::string last(rng.pick(names::surnames()));
  if (rng.chance(0.04)) last += "-" + std::string(rng.pick(names::surnames()));
  p.lastName = upperName(last);
  p.firstName = std::string(rng.pick(female ? names::femaleGivenNames() : names::maleGivenNames()));
  const std::size_t activities = student ? 1 : rng.chance(0.7) ? 1 : rng.chance(0.75) ? 2 : 3;
  for (std::size_t i = 0; i < activities; ++i) p.activities.push_back(syntheticActivity(rng, profession, student));
  return p;
}

class RowWriter {
 public:
  RowWriter(const ExtractOptions& options, std::ostream& out)
      : header_(extractHeader(options.version)),
        map_(mapColumns(header_)),
        latin1_(options.encoding == ExtractEncoding::Latin1),
        out_(out) {
    std::string line;
    for (const auto& name : header_) line += name + "|";
    emit(line);
  }

  void write(const DirectoryPerson& p, const DirectoryActivity& a, Rng& rng) {
    std::vector<std::string> values(header_.size());
    const auto set = [&](Field f, std::string value) {
      if (const std::size_t pos = map_[static_cast<std::size_t>(f)]; pos != std::string::npos)
        values[pos] = std::move(value);
    };
    set(Field::IdType, p.idType.empty() ? "8" : p.idType);
    set(Field::Identifier, p.identifier);
    set(Field::IdNat, p.idNat.empty() ? (p.idType.empty() ? "8" : p.idType) + p.identifier : p.idNat);
    set(Field::CivilityExCode, p.civilityExCode);
    set(Field::CivilityExLabel, p.civilityExLabel);
    set(Field::CivilityCode, p.civilityCode);
    set(Field::CivilityLabel, p.civilityLabel);
    set(Field::LastName, p.lastName);
    set(Field::FirstName, p.firstName);
    set(Field::ProfessionCode, a.professionCode);
    set(Field::ProfessionLabel, a.professionLabel);
    set(Field::CategoryCode, a.categoryCode);
    set(Field::CategoryLabel, a.categoryLabel);
    set(Field::SkillTypeCode, a.skillTypeCode);
    set(Field::SkillTypeLabel, a.skillTypeCode == "S" ? "Spécialité ordinale" : "");
    set(Field::SkillCode, a.skillCode);
    set(Field::SkillLabel, a.skillLabel);
    set(Field::ModeCode, a.modeCode);
    set(Field::ModeLabel, a.modeLabel);
    set(Field::SiteName, a.siteName);
    set(Field::StreetNumber, std::to_string(1 + rng.below(120)));
    set(Field::StreetName, std::string(rng.pick(streets())));
    set(Field::Postcode, a.postcode);
    set(Field::City, a.city);
    set(Field::Authority, a.authority);
    std::string line;
    for (const auto& v : values) line += v + "|";
    emit(line);
  }

  // Kinds rotate: a truncated line, a non-numeric identifier, extra fields.
  void writeMalformed(std::uint64_t kind) {
    std::string line;
    for (std::size_t i = 0; i < header_.size(); ++i) {
      if (kind % 3 == 0 && i == 10) break;
      line += (i == map_[static_cast<std::size_t>(Field::Identifier)] && kind % 3 == 1) ? "ABC12" : "x";
      line += "|";
    }
    if (kind % 3 == 2) line += "extra|fields|";
    emit(line);
  }

 private:
  void emit(const std::string& line) { out_ << (latin1_ ? utf8ToLatin1(line) : line) << '\n'; }
  const std::vector<std::string>& header_;
  ColumnMap map_;
  bool latin1_;
  std::ostream& out_;
};

}  // namespace

std::string syntheticRpps(std::uint64_t value) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "10%08llu", static_cast<unsigned long long>(value % 100000000ULL));
  return std::string(digits) + luhnKey(digits);
}

ExtractStats generateExtract(const ExtractOptions& options, const std::vector<DirectoryPerson>& mustInclude,
                             std::ostream& out) {
  Rng rng(options.seed);
  RowWriter writer(options, out);
  ExtractStats stats;
  const auto written = [&] {
    ++stats.rows;
    if (options.malformedEvery > 0 && stats.rows % options.malformedEvery == 0)
      writer.writeMalformed(stats.malformed++);
  };
  std::set<std::string> reserved;
  for (const auto& person : mustInclude) {
    reserved.insert(person.identifier);
    ++stats.persons;
    if (person.activities.empty()) {
      Rng fixed(options.seed ^ stats.persons);
      writer.write(person, syntheticActivity(fixed, professions().front(), false), rng);
      written();
    }
    for (const auto& activity : person.activities) {
      writer.write(person, activity, rng);
      written();
    }
  }
  std::uint64_t counter = options.seed % 1000000;
  while (stats.rows < options.rows) {
    counter += 1 + rng.below(40);
    const std::string rpps = syntheticRpps(counter);
    if (reserved.count(rpps)) continue;
    DirectoryPerson person = syntheticPerson(rng, rpps, options.studentShare);
    ++stats.persons;
    for (const auto& activity : person.activities) {
      if (stats.rows >= options.rows) break;
      writer.write(person, activity, rng);
      written();
    }
  }
  return stats;
}

}  // namespace medpics::creds
