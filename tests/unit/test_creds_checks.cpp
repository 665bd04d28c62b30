// Unit tests of proof-document facts and of the registration checklist with its suggested decision.
#include "creds_fixture.hpp"
#include "medpics/creds/name_match.hpp"
#include "medpics/creds/proof_document.hpp"
#include "medpics/creds/registration.hpp"

#include <catch2/catch.hpp>

using namespace medpics::creds;
using namespace std::chrono;

namespace {

const year_month_day kToday{year{2026}, January, 15d};

RegistrationClaim doctorClaim() {
  RegistrationClaim c;
  c.firstName = "Marie";
  c.lastName = "Dupont";
  c.profession = "Médecin";
  c.professionCode = "10";
  c.rpps = "10001045367";
  return c;
}

const char* kDoctorCard = "CARTE DE PROFESSIONNEL DE SANTE\nDr Marie DUPONT\nMédecin\nN° RPPS : 10001045367\n";

RegistrationClaim studentClaim() {
  RegistrationClaim c;
  c.firstName = "Lucas";
  c.lastName = "Martin";
  c.profession = "Étudiant en médecine";
  c.category = ApplicantCategory::Student;
  c.rpps = "10005173140";
  c.ine = "1234567890V";
  c.university = "Université de Bordeaux";
  c.academicYear = "2025-2026";
  return c;
}

std::string studentCard(const std::string& years, const std::string& until) {
  return "CARTE D'ÉTUDIANT\nUniversité de Bordeaux\nNom : MARTIN\nPrénom : Lucas\nINE : 1234567890V\n"
         "Année universitaire " +
         years + "\nValable jusqu'au " + until + "\n";
}

// "code{name=value,...} code..." of a check's facts, for INFO and matching.
std::string codes(const Facts& facts) {
  std::string out;
  for (const auto& f : facts) {
    out += (out.empty() ? "" : " ") + f.code + "{";
    for (const auto& p : f.params) out += p.name + "=" + p.value + (p.personal ? "*" : "") + ",";
    out += "}";
  }
  return out;
}

// The fact `code` of check `id`, with parameter `name` equal to `value` when given.
bool hasFact(const Checklist& list, const char* id, const std::string& code, const std::string& name = {},
             const std::string& value = {}) {
  const CheckItem* item = list.find(id);
  if (!item) return false;
  INFO(id << ": " << codes(item->facts));
  for (const auto& f : item->facts)
    if (f.code == code && (name.empty() || (f.param(name) && f.param(name)->value == value))) return true;
  return false;
}

CheckStatus status(const Checklist& list, const char* id) {
  const CheckItem* item = list.find(id);
  INFO("check " << id);
  REQUIRE(item);
  return item->status;
}

}  // namespace

TEST_CASE("dates in French and numeric forms", "[creds]") {
  const auto dates =
      findDates("le 31/08/2026, le 1er septembre 2025, 31 août 2026, 2026-08-31, 5.3.27, exp. 08/2026, 31/02/2026");
  REQUIRE(dates.size() == 6);
  CHECK(dates[0].date == year_month_day{year{2026}, August, 31d});
  CHECK(dates[1].date == year_month_day{year{2025}, September, 1d});
  CHECK(dates[1].text == "1er septembre 2025");
  CHECK(dates[2].date == year_month_day{year{2026}, August, 31d});
  CHECK(dates[3].date == year_month_day{year{2026}, August, 31d});
  CHECK(dates[4].date == year_month_day{year{2027}, March, 5d});
  CHECK(dates[5].date == year_month_day{year{2026}, August, 31d});  // month/year: last day
}

TEST_CASE("proof facts: identifiers, names, university, academic year, expiry", "[creds]") {
  const ProofFacts f = extractProofFacts(studentCard("2025/26", "31 août 2026"));
  CHECK(f.university == "Université de Bordeaux");
  CHECK(f.academicYear == "2025-2026");
  CHECK(f.lastName == "MARTIN");
  CHECK(f.firstName == "Lucas");
  REQUIRE(f.expiry);
  CHECK(f.expiry->date == year_month_day{year{2026}, August, 31d});
  REQUIRE(f.identifiers.size() == 1);
  CHECK(f.identifiers[0].check.type == IdType::IneBea);
  CHECK(extractProofFacts("Date d'expiration :\n30/09/2026").expiry->date ==
        year_month_day{year{2026}, September, 30d});
  CHECK(extractProofFacts("").letters == 0);
  CHECK(documentKindFromName("student_card") == DocumentKind::StudentCard);
  CHECK(documentKindFromName("selfie") == DocumentKind::Other);
}

TEST_CASE("profession recognition", "[creds]") {
  CHECK(healthProfessionCode("10", "") == "10");
  CHECK(healthProfessionCode("", "infirmière") == "60");
  CHECK(healthProfessionCode("", "Étudiant en pharmacie") == "21");
  CHECK(healthProfessionCode("", "Sage-femme") == "50");
  CHECK(healthProfessionCode("", "Architecte").empty());
  CHECK(healthProfessionLabel("40") == "Chirurgien-dentiste");
}

TEST_CASE("checklist: valid professional → approve", "[creds]") {
  medpics::test::SmallDirectory small;
  const Checklist list = checkRegistration(doctorClaim(), {{DocumentKind::RppsCard, kDoctorCard}},
                                           small.directory.get(), {{"u1", "10104335319"}}, kToday);
  for (const auto& item : list.items) {
    INFO(item.id << ": " << codes(item.facts));
    CHECK(item.status == CheckStatus::Pass);
  }
  for (const char* id :
       {check_id::kIdentifierFormat, check_id::kHealthProfession, check_id::kDirectoryPresence, check_id::kNameMatch,
        check_id::kProfessionMatch, check_id::kCategoryMatch, check_id::kDocumentReadable,
        check_id::kDocumentIdentifier, check_id::kDocumentName, check_id::kUniqueIdentifier}) {
    CHECK(status(list, id) == CheckStatus::Pass);
  }
  CHECK_FALSE(list.find(check_id::kCardNotExpired));
  CHECK(list.find(check_id::kNameMatch)->score == Approx(1.0));
  CHECK(list.suggestion.action == SuggestedAction::Approve);
  const auto json = checklistToJson(list);
  CHECK(json.at(0).at("check") == "identifier_format");
  CHECK(json.at(0).at("status") == "pass");
  // The checklist leaves memory as codes with their public parameters: the RPPS number itself stays behind.
  CHECK(json.at(0).at("facts").at(1).at("code") == "id.luhn_ok");
  CHECK(json.at(0).at("facts").at(1).at("params").at("digits") == "11");
  CHECK(json.at(0).at("facts").at(0).at("code") == "reg.identifier");
  CHECK(json.at(0).at("facts").at(0).at("params").empty());
  CHECK(json.dump().find("10001045367") == std::string::npos);
  CHECK(json.dump().find("DUPONT") == std::string::npos);
  CHECK(json.dump().find("Dupont") == std::string::npos);
  CHECK(hasFact(list, check_id::kNameMatch, "reg.names_compared"));
  CHECK(hasFact(list, check_id::kNameMatch, "name.last", "how", "exact"));
}

TEST_CASE("checklist: bad key → reject invalid_identifier", "[creds]") {
  medpics::test::SmallDirectory small;
  RegistrationClaim claim = doctorClaim();
  claim.rpps = "10001045368";
  const Checklist list =
      checkRegistration(claim, {{DocumentKind::RppsCard, kDoctorCard}}, small.directory.get(), {}, kToday);
  CHECK(status(list, check_id::kIdentifierFormat) == CheckStatus::Fail);
  CHECK(hasFact(list, check_id::kIdentifierFormat, "id.luhn_wrong", "expected", "7"));
  CHECK(list.suggestion.action == SuggestedAction::Reject);
  CHECK(list.suggestion.reasonCode == "invalid_identifier");
}

TEST_CASE("checklist: valid number absent from the directory → reject not_in_directory", "[creds]") {
  medpics::test::SmallDirectory small;
  RegistrationClaim claim = doctorClaim();
  claim.rpps = "10104335319";
  const Checklist list = checkRegistration(claim, {{DocumentKind::RppsCard, "Dr Marie DUPONT\nRPPS 10104335319"}},
                                           small.directory.get(), {}, kToday);
  CHECK(status(list, check_id::kDirectoryPresence) == CheckStatus::Fail);
  CHECK(list.suggestion.reasonCode == "not_in_directory");
}

TEST_CASE("checklist: someone else's number → reject name_mismatch", "[creds]") {
  medpics::test::SmallDirectory small;
  RegistrationClaim claim = doctorClaim();
  claim.firstName = "Paul";
  claim.lastName = "Durand";
  const Checklist list =
      checkRegistration(claim, {{DocumentKind::RppsCard, kDoctorCard}}, small.directory.get(), {}, kToday);
  CHECK(status(list, check_id::kNameMatch) == CheckStatus::Fail);
  CHECK(*list.find(check_id::kNameMatch)->score < kNameMatchDoubt);
  CHECK(status(list, check_id::kDocumentName) == CheckStatus::Fail);
  CHECK(list.suggestion.reasonCode == "name_mismatch");
}

TEST_CASE("checklist: maiden name and swapped order still match", "[creds]") {
  medpics::test::SmallDirectory small;
  RegistrationClaim claim = doctorClaim();
  claim.lastName = "Durand";
  claim.birthName = "Dupont";
  const Checklist list =
      checkRegistration(claim, {{DocumentKind::RppsCard, kDoctorCard}}, small.directory.get(), {}, kToday);
  CHECK(status(list, check_id::kNameMatch) == CheckStatus::Pass);
  CHECK(list.suggestion.action == SuggestedAction::Approve);
}

TEST_CASE("checklist: student with a current card → approve, expired card → reject expired_card", "[creds]") {
  medpics::test::SmallDirectory small;
  const Checklist ok =
      checkRegistration(studentClaim(), {{DocumentKind::StudentCard, studentCard("2025-2026", "31/08/2026")}},
                        small.directory.get(), {}, kToday);
  for (const auto& item : ok.items) {
    INFO(item.id << ": " << codes(item.facts));
    CHECK(item.status == CheckStatus::Pass);
  }
  CHECK(status(ok, check_id::kCategoryMatch) == CheckStatus::Pass);
  CHECK(status(ok, check_id::kCardNotExpired) == CheckStatus::Pass);
  CHECK(status(ok, check_id::kDocumentUniversity) == CheckStatus::Pass);
  CHECK(status(ok, check_id::kDocumentAcademicYear) == CheckStatus::Pass);
  CHECK(ok.suggestion.action == SuggestedAction::Approve);

  RegistrationClaim old = studentClaim();
  old.academicYear = "2024-2025";
  const Checklist expired = checkRegistration(
      old, {{DocumentKind::StudentCard, studentCard("2024-2025", "31/08/2025")}}, small.directory.get(), {}, kToday);
  CHECK(status(expired, check_id::kCardNotExpired) == CheckStatus::Fail);
  CHECK(hasFact(expired, check_id::kCardNotExpired, "reg.card_expired_on", "date", "2025-08-31"));
  CHECK(expired.suggestion.action == SuggestedAction::RequestInfo);  // ask for a current card
  CHECK(expired.suggestion.reasonCode == "expired_card");

  // Without an expiry date, the academic year's end (31 August) decides.
  const Checklist inferred =
      checkRegistration(old, {{DocumentKind::StudentCard, "Université de Bordeaux\nLucas MARTIN\n2024-2025"}},
                        small.directory.get(), {}, kToday);
  CHECK(status(inferred, check_id::kCardNotExpired) == CheckStatus::Fail);
}

TEST_CASE("checklist: empty OCR → reject unreadable_document", "[creds]") {
  medpics::test::SmallDirectory small;
  const Checklist list =
      checkRegistration(doctorClaim(), {{DocumentKind::RppsCard, ""}}, small.directory.get(), {}, kToday);
  CHECK(status(list, check_id::kDocumentReadable) == CheckStatus::Fail);
  CHECK_FALSE(list.find(check_id::kDocumentName));
  CHECK(list.suggestion.action == SuggestedAction::RequestInfo);  // ask for a sharper photo
  CHECK(list.suggestion.reasonCode == "unreadable_document");
  // Text read with a low confidence (blurred photo) is not trusted.
  const Checklist blurred =
      checkRegistration(doctorClaim(), {{DocumentKind::RppsCard, "Urr verre de Bordes RENAUO ME 12345678900", 58}},
                        small.directory.get(), {}, kToday);
  CHECK(status(blurred, check_id::kDocumentReadable) == CheckStatus::Fail);
  CHECK(hasFact(blurred, check_id::kDocumentReadable, "reg.lowest_ocr_confidence", "confidence", "58"));
  CHECK(blurred.suggestion.reasonCode == "unreadable_document");
  const Checklist sharp =
      checkRegistration(doctorClaim(), {{DocumentKind::RppsCard, kDoctorCard, 93}}, small.directory.get(), {}, kToday);
  CHECK(sharp.suggestion.action == SuggestedAction::Approve);
  const Checklist none = checkRegistration(doctorClaim(), {}, small.directory.get(), {}, kToday);
  CHECK(hasFact(none, check_id::kDocumentReadable, "reg.no_document"));
}

TEST_CASE("checklist: not a health profession, duplicates, mismatches, no directory", "[creds]") {
  medpics::test::SmallDirectory small;
  RegistrationClaim architect = doctorClaim();
  architect.profession = "Architecte";
  architect.professionCode = "";
  CHECK(checkRegistration(architect, {{DocumentKind::Other, kDoctorCard}}, small.directory.get(), {}, kToday)
            .suggestion.reasonCode == "not_health_professional");

  const Checklist duplicate = checkRegistration(doctorClaim(), {{DocumentKind::RppsCard, kDoctorCard}},
                                                small.directory.get(), {{"u7", "810001045367"}}, kToday);
  CHECK(status(duplicate, check_id::kUniqueIdentifier) == CheckStatus::Fail);
  CHECK(hasFact(duplicate, check_id::kUniqueIdentifier, "reg.identifier_used_by", "account", "u7"));
  CHECK(duplicate.suggestion.action == SuggestedAction::RequestInfo);

  RegistrationClaim nurse = doctorClaim();
  nurse.profession = "Infirmière";
  nurse.professionCode = "60";
  const Checklist wrongProfession =
      checkRegistration(nurse, {{DocumentKind::RppsCard, kDoctorCard}}, small.directory.get(), {}, kToday);
  CHECK(status(wrongProfession, check_id::kProfessionMatch) == CheckStatus::Fail);
  CHECK(wrongProfession.suggestion.action == SuggestedAction::RequestInfo);

  RegistrationClaim claimsStudent = doctorClaim();
  claimsStudent.category = ApplicantCategory::Student;
  CHECK(status(checkRegistration(claimsStudent, {{DocumentKind::RppsCard, kDoctorCard}}, small.directory.get(), {},
                                 kToday),
               check_id::kCategoryMatch) == CheckStatus::Fail);

  const Checklist noDirectory =
      checkRegistration(doctorClaim(), {{DocumentKind::RppsCard, kDoctorCard}}, nullptr, {}, kToday);
  CHECK(status(noDirectory, check_id::kDirectoryPresence) == CheckStatus::Unknown);
  CHECK(noDirectory.suggestion.action == SuggestedAction::RequestInfo);

  const Checklist otherNumber =
      checkRegistration(doctorClaim(), {{DocumentKind::RppsCard, "Dr Marie DUPONT\nRPPS 10005814339"}},
                        small.directory.get(), {}, kToday);
  CHECK(status(otherNumber, check_id::kDocumentIdentifier) == CheckStatus::Fail);
}

TEST_CASE("checklist: Ordre number only → approve after a check by hand", "[creds]") {
  medpics::test::SmallDirectory small;
  RegistrationClaim ordreOnly = doctorClaim();
  ordreOnly.rpps.clear();
  ordreOnly.ordreNumber = "452187";
  const std::string certificate =
      "ATTESTATION D'INSCRIPTION AU TABLEAU\nDocteur Marie DUPONT\nsous le numéro ordinal 452187\n";
  const Checklist manual =
      checkRegistration(ordreOnly, {{DocumentKind::OrdreCertificate, certificate}}, small.directory.get(), {}, kToday);
  CHECK(status(manual, check_id::kIdentifierFormat) == CheckStatus::Unknown);
  CHECK(manual.find(check_id::kIdentifierFormat)->manualCheck);
  CHECK(status(manual, check_id::kDirectoryPresence) == CheckStatus::Unknown);
  CHECK(manual.find(check_id::kDirectoryPresence)->manualCheck);
  CHECK(status(manual, check_id::kDocumentIdentifier) == CheckStatus::Pass);
  CHECK(manual.suggestion.action == SuggestedAction::Approve);
  CHECK(manual.suggestion.manualCheck);
  CHECK(manual.suggestion.checks ==
        std::vector<std::string>{check_id::kIdentifierFormat, check_id::kDirectoryPresence});
  CHECK(hasFact(manual, check_id::kDirectoryPresence, "reg.verify_ordre_by_hand", "value", "452187"));
  CHECK(checklistToJson(manual).at(0).at("manual_check") == true);
  // Another number on the certificate: a doubt, not an approval.
  const Checklist other =
      checkRegistration(ordreOnly, {{DocumentKind::OrdreCertificate, "Docteur Marie DUPONT\nnuméro ordinal 999999"}},
                        small.directory.get(), {}, kToday);
  CHECK(status(other, check_id::kDocumentIdentifier) == CheckStatus::Fail);
  CHECK(other.suggestion.action == SuggestedAction::RequestInfo);
}

TEST_CASE("checklist: directory name with an unexplained part → reject name_mismatch", "[creds]") {
  medpics::test::TempDir dir;
  medpics::creds::ExtractOptions options;
  options.rows = 50;
  const auto db = dir.path() / "r.sqlite";
  importExtract(medpics::test::writeExtract(
                    dir.path(), "x.txt", options,
                    {medpics::test::knownPerson("10001045367", "CHEVALLIER-DURAND", "Sophie", "10", "Médecin", "C")}),
                db);
  const Directory directory(db);
  RegistrationClaim claim = doctorClaim();
  claim.firstName = "Sophie";
  claim.lastName = "Moreau";
  claim.birthName = "Chevallier";
  const Checklist list = checkRegistration(
      claim, {{DocumentKind::RppsCard, "Dr Sophie CHEVALLIER-DURAND\nN° RPPS 10001045367"}}, &directory, {}, kToday);
  CHECK(status(list, check_id::kNameMatch) == CheckStatus::Fail);
  CHECK(list.suggestion.reasonCode == "name_mismatch");
}

TEST_CASE("claim from the platform's applicant", "[creds]") {
  medpics::api::Applicant a;
  a.firstName = "Lucas";
  a.lastName = "Martin";
  a.category = "student";
  a.rpps = "10005173140";
  a.ine = "1234567890V";
  a.academicYear = "2025-2026";
  const RegistrationClaim c = claimFromApplicant(a);
  CHECK(c.category == ApplicantCategory::Student);
  CHECK(c.rpps == "10005173140");
  CHECK(c.ine == "1234567890V");
  CHECK(c.academicYear == "2025-2026");
  a.category = "professional";
  CHECK(claimFromApplicant(a).category == ApplicantCategory::Professional);
}
