// Unit tests of name folding and matching: accents, case, hyphens, compound, maiden names, order.
#include "medpics/creds/name_match.hpp"
#include "medpics/creds/text.hpp"

#include <catch2/catch.hpp>

using namespace medpics::creds;

TEST_CASE("names are folded without accents, case or punctuation", "[creds]") {
  CHECK(foldName("Hélène  LEFÈVRE-Le Goff") == "helene lefevre le goff");
  CHECK(foldName("N'DIAYE") == "n diaye");
  CHECK(foldName("Œdipe Ærø") == "oedipe aero");
  CHECK(foldName(latin1ToUtf8("Fran\xe7ois")) == "francois");
  CHECK(foldName("Fran\xe7ois") == "francois");  // a stray Latin-1 byte is read as Latin-1
  CHECK(utf8ToLatin1("Chloé") == "Chlo\xe9");
  CHECK(isValidUtf8("Chloé"));
  CHECK_FALSE(isValidUtf8("Chlo\xe9"));
}

TEST_CASE("name matching cases", "[creds]") {
  struct Case {
    const char *first, *last, *birth, *refFirst, *refLast;
    double min, max;
  };
  const Case cases[] = {
      {"Marie", "Dupont", "", "Marie", "DUPONT", 1.0, 1.0},                     // case
      {"Hélène", "Lefèvre", "", "HELENE", "LEFEVRE", 1.0, 1.0},                 // accents
      {"Jean-Pierre", "Martin", "", "Jean Pierre", "MARTIN", 1.0, 1.0},         // hyphens
      {"Marie", "Dupont-Martin", "", "Marie", "DUPONT", 0.9, 0.99},             // compound last name
      {"Marie-Claire", "Dupont", "", "Marie", "DUPONT", 0.9, 0.99},             // compound given name
      {"Marie", "Durand", "Dupont", "Marie", "DUPONT", 1.0, 1.0},               // maiden (birth) name
      {"Dupont", "Marie", "", "Marie", "DUPONT", 0.9, 0.96},                    // first/last swapped
      {"Claire Marie", "Dupont", "", "Marie Claire", "DUPONT", 0.95, 0.99},     // given-name order
      {"Yann", "Le Goff", "", "Yann", "LEGOFF", 0.97, 0.99},                    // spacing
      {"Marie", "Dupond", "", "Marie", "DUPONT", 0.85, 0.95},                   // one letter off
      {"Paul", "Durand", "", "Marie", "DUPONT", 0.0, 0.5},                      // someone else
      {"Marie", "Durand", "", "Marie", "DUPONT", 0.5, kNameMatchDoubt - 0.01},  // same first name only
      {"Marie", "Martin", "Dupont", "Marie", "DUPONT-MARTIN", 0.95, 0.97},      // birth + usage compound
      {"Marie", "Dupont", "", "Marie", "DUPONT-MARTIN", kNameMatchDoubt,
       kNameMatchPass - 0.01},  // longer in the directory
      {"Sophie", "Moreau", "Chevallier", "Sophie", "CHEVALLIER-DURAND", 0.0,
       kNameMatchDoubt - 0.01},  // unexplained part
  };
  for (const auto& c : cases) {
    INFO(c.first << " " << c.last << " (" << c.birth << ") vs " << c.refFirst << " " << c.refLast);
    const NameMatch m = matchNames(c.first, c.last, c.birth, c.refFirst, c.refLast);
    INFO((m.facts.empty() ? std::string() : m.facts.front().code) << " " << m.score);
    CHECK(m.score >= c.min - 1e-9);
    CHECK(m.score <= c.max + 1e-9);
  }
  CHECK(matchNames("Dupont", "Marie", "", "Marie", "DUPONT").facts.at(0).code == "name.swapped");
  const NameMatch birth = matchNames("Marie", "Durand", "Dupont", "Marie", "DUPONT");
  CHECK(birth.facts.at(0).code == "name.last_via_birth");
  CHECK(birth.facts.at(0).param("how")->value == "exact");
  CHECK(birth.facts.at(1).code == "name.first");
}

TEST_CASE("names found in OCR text", "[creds]") {
  const std::string text = "CARTE D'ETUDIANT\nUniversité de Bordeaux\nNom : LEFEVRE-LE GOFF\nPrénom : Hélène\n";
  CHECK(nameInText("Lefèvre-Le Goff", text) >= 0.99);
  CHECK(nameInText("Hélène", text) >= 0.99);
  CHECK(nameInText("Legoff", text) >= 0.99);   // glued words
  CHECK(nameInText("Lefebvre", text) >= 0.7);  // spelling close
  CHECK(nameInText("Dupont", text) < 0.6);
  CHECK(nameInText("", text) == 0);
}
