// Unit tests of the identifier validators: tables of valid/invalid values, tolerant input, detection, text scans.
#include "medpics/creds/identifiers.hpp"

#include <catch2/catch.hpp>

using namespace medpics::creds;

namespace {
struct Row {
  const char* input;
  IdType type;      // given type (Unknown: auto-detected)
  IdType expected;  // detected/reported type
  bool valid;
  const char* normalized;
};
}  // namespace

TEST_CASE("identifier table: valid and invalid values from identifiers.md", "[creds]") {
  const Row rows[] = {
      // RPPS: real numbers pass; the known-invalid official FHIR fixtures fail.
      {"10001045367", IdType::Unknown, IdType::Rpps, true, "10001045367"},
      {"10005173140", IdType::Unknown, IdType::Rpps, true, "10005173140"},
      {"10104335319", IdType::Unknown, IdType::Rpps, true, "10104335319"},
      {"10005814339", IdType::Unknown, IdType::Rpps, true, "10005814339"},
      {"10100224947", IdType::Unknown, IdType::Rpps, true, "10100224947"},
      {"10001045368", IdType::Unknown, IdType::Rpps, false, "10001045368"},
      {"12345678901", IdType::Unknown, IdType::Rpps, false, "12345678901"},
      {"10101201234", IdType::Unknown, IdType::Rpps, false, "10101201234"},
      {"10003461033", IdType::Unknown, IdType::Rpps, false, "10003461033"},
      {"10102727017", IdType::Unknown, IdType::Rpps, false, "10102727017"},
      {"1000104536", IdType::Rpps, IdType::Rpps, false, "1000104536"},
      {"1000104536X", IdType::Rpps, IdType::Rpps, false, "1000104536X"},
      // idNat_PS: Luhn on the identifier after the type digit.
      {"810001045367", IdType::Unknown, IdType::IdNatPs, true, "810001045367"},
      {"0012600631", IdType::Unknown, IdType::IdNatPs, true, "0012600631"},
      {"810001045368", IdType::Unknown, IdType::IdNatPs, false, "810001045368"},
      {"310001045367", IdType::IdNatPs, IdType::IdNatPs, false, "310001045367"},
      // ADELI.
      {"012600631", IdType::Unknown, IdType::Adeli, true, "012600631"},
      {"759124159", IdType::Unknown, IdType::Adeli, true, "759124159"},
      {"012807590", IdType::Unknown, IdType::Adeli, true, "012807590"},
      {"101005344", IdType::Unknown, IdType::Adeli, false, "101005344"},
      // INE forms.
      {"1234567890V", IdType::Unknown, IdType::IneBea, true, "1234567890V"},
      {"1234567890A", IdType::Unknown, IdType::IneBea, false, "1234567890A"},
      {"0A1B2C3D4E0", IdType::Unknown, IdType::IneNne, true, "0A1B2C3D4E0"},
      {"0A1B2C3D4E1", IdType::Unknown, IdType::IneNne, false, "0A1B2C3D4E1"},
      {"123456789AB", IdType::Unknown, IdType::IneRnie, true, "123456789AB"},
      {"1234A12345B", IdType::Unknown, IdType::IneApprentice, true, "1234A12345B"},
      {"12345", IdType::IneBea, IdType::IneBea, false, "12345"},
      // Ordre: digits only, manual check; an RPPS given as Ordre number is checked as an RPPS.
      {"12345", IdType::Ordre, IdType::Ordre, true, "12345"},
      {"10001045367", IdType::Ordre, IdType::Rpps, true, "10001045367"},
      {"10001045368", IdType::Ordre, IdType::Rpps, false, "10001045368"},
      {"12A45", IdType::Ordre, IdType::Ordre, false, "12A45"},
      // NIR (detection only), Corsica included.
      {"295109912611193", IdType::Unknown, IdType::Nir, true, "295109912611193"},
      {"253072B07300470", IdType::Unknown, IdType::Nir, true, "253072B07300470"},
      {"253072A07300443", IdType::Unknown, IdType::Nir, true, "253072A07300443"},
      {"295109912611199", IdType::Unknown, IdType::Nir, false, "295109912611199"},
      // Nothing recognisable.
      {"", IdType::Unknown, IdType::Unknown, false, ""},
      {"12345", IdType::Unknown, IdType::Unknown, false, "12345"},
  };
  for (const auto& row : rows) {
    INFO("input '" << row.input << "' as " << idTypeName(row.type));
    const IdCheck c = checkIdentifier(row.input, row.type);
    CHECK(c.type == row.expected);
    CHECK(c.valid == row.valid);
    CHECK(c.normalized == row.normalized);
    CHECK_FALSE(c.facts.empty());
  }
}

namespace {
// "code{name=value,...}; ..." of a check: what the core reports, as codes and parameters (never a sentence).
std::string codes(const IdCheck& c) {
  std::string out;
  for (const auto& f : c.facts) {
    out += (out.empty() ? "" : "; ") + f.code + "{";
    for (std::size_t i = 0; i < f.params.size(); ++i)
      out += (i ? "," : "") + f.params[i].name + "=" + f.params[i].value;
    out += "}";
  }
  return out;
}
}  // namespace

TEST_CASE("identifier checks report precise codes and parameters", "[creds]") {
  CHECK(codes(checkRpps("10001045368")) == "id.luhn_wrong{type=RPPS,given=8,expected=7}");
  CHECK(codes(checkRpps("10001045367")) == "id.luhn_ok{type=RPPS,digits=11}");
  CHECK(codes(checkRpps("1000104536")) == "id.wrong_length{type=RPPS,expected=11,got=10}");
  CHECK(codes(checkRpps("1000104536X")) == "id.not_digits{type=RPPS,char=X}");
  CHECK(codes(checkRpps("10001045367!")) == "id.unexpected_char{char=!}");
  CHECK(codes(checkIdNatPs("310001045367")) == "id.idnat_structure{digit=3}");
  CHECK(codes(checkIdNatPs("810001045367")) == "id.idnat_of{digit=8,type=RPPS}; id.luhn_ok{type=RPPS,digits=11}");
  CHECK(codes(checkIne("1234567890A")) == "id.ine_bea_key_wrong{given=A,expected=V}");
  CHECK(codes(checkNir("295109912611199")) == "id.nir_key_wrong{given=99,expected=93}");
  const IdCheck ordre = checkOrdre("N° Ordre 12345");
  CHECK(ordre.manualCheck);
  CHECK(codes(ordre) == "id.ordre_manual{}");
  CHECK(checkIne("123456789AB").manualCheck);
}

TEST_CASE("tolerant input: labels, spaces, dots, dashes", "[creds]") {
  const std::pair<const char*, const char*> inputs[] = {
      {"RPPS : 100 010 453 67", "10001045367"},
      {"N° RPPS 10001045367", "10001045367"},
      {"100.010.453.67", "10001045367"},
      {"100-010-453-67", "10001045367"},
      {"Numéro RPPS: 10001045367", "10001045367"},
      {"  rpps=10001045367 ", "10001045367"},
      {"n° ADELI : 01 26 00 63 1", "012600631"},
      {"idNat_PS 810001045367", "810001045367"},
      {"N° INE : 1234567890v", "1234567890V"},
      {"100\xc2\xa0"
       "010\xc2\xa0"
       "453\xc2\xa0"
       "67",
       "10001045367"},
  };
  for (const auto& [input, normalized] : inputs) {
    INFO(input);
    const IdCheck c = checkIdentifier(input);
    CHECK(c.valid);
    CHECK(c.normalized == normalized);
  }
  CHECK(labelledType("N° ADELI 012600631") == IdType::Adeli);
  CHECK(labelledType("Numéro d'inscription à l'Ordre : 4521") == IdType::Ordre);
  CHECK(checkIdentifier("Numéro d'inscription à l'Ordre : 4521").type == IdType::Ordre);
  CHECK_FALSE(labelledType("10001045367"));
}

TEST_CASE("keys: Luhn, INE, NIR", "[creds]") {
  CHECK(luhnValid("10001045367"));
  CHECK_FALSE(luhnValid("10001045368"));
  CHECK_FALSE(luhnValid(""));
  CHECK(luhnKey("1000104536") == '7');
  CHECK(ineBeaKey("1234567890") == 'V');
  CHECK(ineNneKey("0A1B2C3D4E") == '0');
  CHECK(nirKey("2951099126111") == 93);
  CHECK(nirKey("253072B073004") == 70);
  CHECK(nirKey("253072A073004") == 43);
  CHECK(nirKey("12") == -1);
}

TEST_CASE("credential identifiers found in OCR text", "[creds]") {
  const std::string text =
      "CARTE DE PROFESSIONNEL DE SANTE\nDr Marie DUPONT\nN° RPPS : 100 010 453 67\nTél 01 23 45 67 89\n"
      "Délivrée le 12/03/2026\nADELI 012600631\nINE 1234567890V\n";
  const auto found = findCredentialIdentifiers(text);
  REQUIRE(found.size() == 3);
  CHECK(found[0].check.type == IdType::Rpps);
  CHECK(found[0].check.normalized == "10001045367");
  CHECK(text.substr(found[0].offset, found[0].length) == "100 010 453 67");
  CHECK(found[1].check.type == IdType::Adeli);
  CHECK(found[2].check.type == IdType::IneBea);
  // A labelled number with a bad key is still reported, as invalid.
  const auto bad = findCredentialIdentifiers("RPPS: 10001045368");
  REQUIRE(bad.size() == 1);
  CHECK_FALSE(bad[0].check.valid);
  // An unlabelled number with a bad key is not an identifier.
  CHECK(findCredentialIdentifiers("commande 10001045368 du 3 mars").empty());
}

TEST_CASE("NIR found in text for the PHI detector", "[creds]") {
  const std::string text =
      "Patient : 2 95 10 99 126 111 93 né le 01/10/1995, dossier 253072B07300470. NIR 1841275123456";
  const auto found = findNirs(text);
  REQUIRE(found.size() == 3);
  CHECK(found[0].check.valid);
  CHECK(text.substr(found[0].offset, found[0].length) == "2 95 10 99 126 111 93");
  CHECK(found[1].check.normalized == "253072B07300470");
  CHECK(found[1].check.valid);
  CHECK(found[2].check.normalized == "1841275123456");  // without key: still PHI
  CHECK_FALSE(found[2].check.valid);
  CHECK(findNirs("Tél 01 23 45 67 89, le 12/03/2026").empty());
}

TEST_CASE("a labelled INE whose key letter OCR read as a bracket is taken with the key its digits call for",
          "[creds]") {
  const auto found = findCredentialIdentifiers("INE 9440493735)\nValable");
  REQUIRE(found.size() == 1);
  CHECK(found[0].check.normalized == "9440493735J");
  CHECK(found[0].check.valid);
  CHECK(codes(found[0].check) == "id.ine_bea_key_ok{}; id.key_read_as{read=),key=J}");
  CHECK(findCredentialIdentifiers("9440493735)").empty());      // without the label: nothing
  CHECK(findCredentialIdentifiers("INE 1234567890)").empty());  // its key is V: a bracket is not a V
}
