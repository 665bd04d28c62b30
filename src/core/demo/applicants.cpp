// The demo applicants: a fixed table of scenarios with Luhn-valid (or deliberately wrong) identifiers.
#include "medpics/demo/applicants.hpp"

#include "medpics/demo/identity.hpp"
#include "medpics/util/check_digits.hpp"

#include <ctime>

namespace medpics::synth {

std::string beaIne(uint64_t seed) {
  Rng rng(seed);
  std::string digits;
  for (int i = 0; i < 10; ++i) digits.push_back(char('0' + rng.uniform(0, 9)));
  return digits + util::ineBeaKey(digits);
}

static int currentAcademicYearStart() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return tm.tm_year + 1900 - (tm.tm_mon + 1 >= 9 ? 0 : 1);
}

std::vector<DemoApplicant> demoApplicants(int year) {
  if (year == 0) year = currentAcademicYearStart();
  const std::string current = std::to_string(year) + "-" + std::to_string(year + 1);
  const std::string currentExpiry = "31/08/" + std::to_string(year + 1);
  const std::string old = std::to_string(year - 3) + "-" + std::to_string(year - 2);
  const std::string oldExpiry = "31/08/" + std::to_string(year - 2);

  struct Row {
    const char *first, *last, *sex, *profession, *code, *scenario, *doc;
  };
  // clang-format off
  static const std::vector<Row> rows{
    {"Julien", "Moreau", "M", "Médecin", "10", "valid", "rpps_card"},
    {"Claire", "Lefèvre", "F", "Médecin", "10", "valid", "ordre_certificate"},
    {"Antoine", "Garnier", "M", "Médecin", "10", "valid", "rpps_card"},
    {"Sandrine", "Faure", "F", "Infirmier", "60", "valid", "rpps_card"},
    {"Émilie", "Rousseau", "F", "Sage-femme", "50", "valid", "ordre_certificate"},
    {"Karim", "Benali", "M", "Pharmacien", "21", "valid", "rpps_card"},
    {"Nicolas", "Perrin", "M", "Médecin", "10", "wrong_check_digit", "rpps_card"},
    {"Aurélie", "Masson", "F", "Chirurgien-dentiste", "40", "wrong_check_digit", "ordre_certificate"},
    {"Mathieu", "Blanc", "M", "Médecin", "10", "name_mismatch", "rpps_card"},
    {"Laure", "Chevalier", "F", "Médecin", "10", "name_mismatch", "ordre_certificate"},
    {"Olivier", "Fabre", "M", "Médecin", "10", "not_in_directory", "rpps_card"},
    {"Isabelle", "Guérin", "F", "Masseur-kinésithérapeute", "70", "not_in_directory", "ordre_certificate"},
    {"Lucie", "Marchand", "F", "Étudiant en médecine", "10", "valid", "student_card"},
    {"Hugo", "Lemaire", "M", "Étudiant en médecine", "10", "valid", "student_card"},
    {"Sarah", "Haddad", "F", "Étudiant en soins infirmiers", "60", "valid", "student_card"},
    {"Maxime", "Caron", "M", "Étudiant en médecine", "10", "valid", "student_card"},
    {"Pauline", "Renaud", "F", "Étudiant en médecine", "10", "expired_card", "student_card"},
    {"Yanis", "Meunier", "M", "Étudiant en maïeutique", "50", "expired_card", "student_card"},
    {"Thierry", "Dumas", "M", "Médecin", "10", "unreadable", "rpps_card"},
    {"Agnès", "Brunet", "F", "Médecin", "10", "ordre_only", "ordre_certificate"},
  };
  static const std::vector<std::string> universities{
    "Université de Bordeaux", "Sorbonne Université", "Université Claude Bernard Lyon 1", "Nantes Université",
    "Université de Strasbourg", "Université Toulouse III - Paul Sabatier"};
  // clang-format on
  auto asciiLower = [](const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char ch = static_cast<unsigned char>(s[i]);
      if (ch < 0x80) {
        out.push_back(static_cast<char>(std::tolower(ch)));
      } else if (ch == 0xC3 && i + 1 < s.size()) {  // Latin-1 supplement letters used in the table
        const unsigned char n = static_cast<unsigned char>(s[++i]);
        const char* map = "aaaaaaaceeeeiiii?nooooo?ouuuuy??aaaaaaaceeeeiiii?nooooo?ouuuuy?y";
        const char c = (n >= 0x80 && n < 0xC0) ? map[n - 0x80] : '?';
        if (c != '?') out.push_back(c);
      }
    }
    return out;
  };
  auto upper = [](std::string s) {
    for (auto& ch : s)
      if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
    // Accented lower-case letters in UTF-8 (C3 A0..C3 BF) map to C3 80..C3 9F.
    for (size_t i = 0; i + 1 < s.size(); ++i)
      if (static_cast<unsigned char>(s[i]) == 0xC3 && static_cast<unsigned char>(s[i + 1]) >= 0xA0 &&
          static_cast<unsigned char>(s[i + 1]) != 0xB7)
        s[i + 1] = char(static_cast<unsigned char>(s[i + 1]) - 0x20);
    return s;
  };

  std::vector<DemoApplicant> out;
  Rng rng(20261122);
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    DemoApplicant a;
    a.key = (i + 1 < 10 ? "a0" : "a") + std::to_string(i + 1);
    a.firstName = r.first;
    a.lastName = r.last;
    a.email = asciiLower(a.firstName) + "." + asciiLower(a.lastName) + "@example.fr";
    a.birthDate =
        std::to_string(rng.uniform(10, 28)) + "/0" + std::to_string(rng.uniform(1, 9)) + "/" +
        std::to_string(r.doc == std::string("student_card") ? rng.uniform(1999, 2005) : rng.uniform(1960, 1995));
    a.profession = r.profession;
    a.professionCode = r.code;
    a.scenario = r.scenario;
    a.documentKind = r.doc;
    a.category = a.documentKind == "student_card" ? "student" : "professional";
    a.documentFirstName = a.firstName;
    a.documentLastName = upper(a.lastName);
    const std::string rpps = randomRpps(rng);
    a.directoryCategory = a.category == "student" ? "E" : "C";
    if (a.professionCode == "10" && a.category == "professional") {
      a.specialty = "Médecine générale";
      a.specialtyCode = "SM54";
    }
    if (a.category == "professional") {
      a.rpps = rpps;
      a.documentIdentifier = rpps;
      a.inDirectory = true;
      a.expectedAction = "approve";
      if (a.documentKind == "rpps_card") a.documentExpiry = "31/12/" + std::to_string(year + 3);
    } else {
      a.university = universities[i % universities.size()];
      a.ine = beaIne(1000 + i);
      a.documentIdentifier = a.ine;
      a.academicYear = current;
      a.documentExpiry = currentExpiry;
      a.expectedAction = "approve";
      if (i % 2 == 0) {  // some students already have an RPPS number (category E)
        a.rpps = rpps;
        a.inDirectory = true;
      }
    }
    if (a.scenario == "wrong_check_digit") {
      a.rpps.back() = char('0' + (a.rpps.back() - '0' + 3) % 10);
      a.documentIdentifier = a.rpps;
      a.inDirectory = false;
      a.expectedAction = "reject";
      a.expectedReason = "invalid_identifier";
    } else if (a.scenario == "name_mismatch") {
      a.documentLastName = i % 2 ? "CHEVALLIER-DURAND" : "BLANCHARD";
      a.expectedAction = "reject";
      a.expectedReason = "name_mismatch";
    } else if (a.scenario == "not_in_directory") {
      a.inDirectory = false;
      a.expectedAction = "reject";
      a.expectedReason = "not_in_directory";
    } else if (a.scenario == "expired_card") {
      a.academicYear = old;
      a.documentExpiry = oldExpiry;
      a.expectedAction = "request_info";
      a.expectedReason = "expired_card";
    } else if (a.scenario == "unreadable") {
      a.blurred = true;
      a.expectedAction = "request_info";
      a.expectedReason = "unreadable_document";
    } else if (a.scenario == "ordre_only") {
      a.rpps.clear();
      a.inDirectory = false;
      a.ordreNumber = std::to_string(rng.uniform(100000, 999999));
      a.documentIdentifier = a.ordreNumber;
    }
    if (a.scenario == "name_mismatch" && i % 2) a.birthName = "Chevallier";
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace medpics::synth
