// Automated checks of a registration (claims, proof documents, directory, other accounts) and the suggested decision.
#pragma once
#include "medpics/api/types.hpp"
#include "medpics/creds/directory.hpp"
#include "medpics/creds/fact.hpp"
#include "medpics/creds/proof_document.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace medpics::creds {

enum class ApplicantCategory { Professional, Student };

// What the applicant typed (mirrors api::Applicant; empty strings for absent values).
struct RegistrationClaim {
  std::string firstName, lastName, birthName;
  std::string profession, professionCode;  // e.g. "Médecin", "10" (the code wins when both are given)
  ApplicantCategory category = ApplicantCategory::Professional;
  std::string rpps, adeli, ordreNumber, ine;
  std::string university, academicYear;  // students
};

// The claim of a registration fetched from the platform (category "student" → Student).
RegistrationClaim claimFromApplicant(const api::Applicant& applicant);

struct ProofDocument {
  DocumentKind kind = DocumentKind::Other;
  std::string ocrText;        // ocrDocument() of the image; empty when nothing could be read
  double ocrConfidence = -1;  // readDocument().confidence (0..100); -1 when unknown
};
constexpr double kMinOcrConfidence = 70;  // below: the proof is too blurred to be trusted

// An identifier (RPPS, ADELI, INE, Ordre) of another account on the platform.
struct AccountIdentifier {
  std::string accountId;
  std::string identifier;
};

enum class CheckStatus { Pass, Fail, Unknown };
std::string_view checkStatusName(CheckStatus status);  // "pass", "fail", "unknown"

// Check ids (stable; the desk translates them). Checks that do not apply are left out of the list.
namespace check_id {
inline constexpr const char* kIdentifierFormat = "identifier_format";      // format and key of every identifier given
inline constexpr const char* kHealthProfession = "health_profession";      // the claimed profession is a health one
inline constexpr const char* kDirectoryPresence = "directory_presence";    // RPPS/ADELI found in the directory
inline constexpr const char* kNameMatch = "name_match";                    // claim vs directory names (score)
inline constexpr const char* kProfessionMatch = "profession_match";        // claim vs directory profession
inline constexpr const char* kCategoryMatch = "category_match";            // student ⇔ category E
inline constexpr const char* kDocumentReadable = "document_readable";      // a proof with readable text
inline constexpr const char* kDocumentIdentifier = "document_identifier";  // identifier read on the proof = claim
inline constexpr const char* kDocumentName = "document_name";              // claimed names on the proof (score)
inline constexpr const char* kDocumentUniversity = "document_university";
inline constexpr const char* kDocumentAcademicYear = "document_academic_year";
inline constexpr const char* kCardNotExpired = "card_not_expired";     // student card still valid today
inline constexpr const char* kUniqueIdentifier = "unique_identifier";  // no other account with the same identifier
}  // namespace check_id

struct CheckItem {
  std::string id;  // one of check_id
  CheckStatus status = CheckStatus::Unknown;
  Facts facts;                  // what the check found, as codes and parameters (the desk renders them)
  std::optional<double> score;  // name matches only, 0..1
  bool manualCheck = false;     // "unknown" because no automatic check exists (Ordre number): staff verify by hand
};

enum class SuggestedAction { Approve, Reject, RequestInfo };
std::string_view suggestedActionName(SuggestedAction action);  // "approve", "reject", "request_info"

struct Suggestion {
  SuggestedAction action = SuggestedAction::RequestInfo;
  // The platform's reason code: for reject invalid_identifier | not_in_directory | name_mismatch |
  // not_health_professional; for request_info expired_card | unreadable_document, or empty.
  std::string reasonCode;
  std::vector<std::string> checks;  // the check ids that led to it (none: every check passed)
  bool manualCheck = false;         // approve only after the hand checks listed in `checks`
};

struct Checklist {
  std::vector<CheckItem> items;
  Suggestion suggestion;
  const CheckItem* find(std::string_view id) const;  // nullptr when the check did not apply
};

// Runs every applicable check. `directory` may be null (directory checks are then "unknown").
Checklist checkRegistration(const RegistrationClaim& claim, const std::vector<ProofDocument>& documents,
                            const Directory* directory, const std::vector<AccountIdentifier>& otherAccounts,
                            std::chrono::year_month_day today);

// The decision the checklist points to (first match): a failed format → reject invalid_identifier;
// not a health profession → reject not_health_professional; absent from the directory → reject
// not_in_directory; names differ → reject name_mismatch; unreadable proof → request_info
// unreadable_document (ask for a sharper photo); card expired → request_info expired_card (ask for a
// current card); any other failure or unknown → request_info; only hand checks left (Ordre number)
// → approve with manualCheck; all passed → approve.
Suggestion suggestDecision(const std::vector<CheckItem>& items);

// [{"code", "params": {name: value}}] without the personal parameters (names, identifiers, text read).
nlohmann::json publicFactsJson(const Facts& facts);
// [{"check", "status", "facts", "score"?, "manual_check"?}]: the checklist as it may leave memory.
nlohmann::json checklistToJson(const Checklist& checklist);

// TRE_G15 code of a claimed profession (code, or a label such as "Médecin", "infirmière",
// "étudiant en pharmacie"); empty when it is not a health profession.
std::string healthProfessionCode(std::string_view code, std::string_view label);
std::string_view healthProfessionLabel(std::string_view code);  // "Médecin" for "10"; empty if unknown

}  // namespace medpics::creds
