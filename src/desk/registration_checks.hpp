// Worker-side automatic checks of a registration: OCR of the proofs, directory, identifiers, names, expiry.
#pragma once
#include "medpics/api/platform_client.hpp"
#include "medpics/api/types.hpp"
#include "medpics/creds/ocr.hpp"
#include "medpics/creds/registration.hpp"

#include <opencv2/core.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace medpics::desk {

// Where a check read its text on a proof document: geometry only (the text stays out of it).
struct ProofOutline {
  std::string checkId;  // creds::check_id
  int document = 0;     // index in the registration's documents
  cv::Rect box;         // in the document's pixels (unrotated)
};

struct RegistrationChecks {
  creds::Checklist checklist;
  std::vector<std::string> ocrTexts;  // one per document, for the evidence view
  // The RPPS directory the checks used: the view says it in words (never a file path).
  enum class Directory { Indexed, Missing, Unavailable } directory = Directory::Missing;
  std::string directoryError;          // Unavailable: the technical detail (log and tooltip)
  std::vector<ProofOutline> outlines;  // identifier, names, expiry... as read on the proofs
  // View state: the check line clicked last (its outlines are highlighted) and the box to bring into view.
  std::string shownCheck;
  std::optional<ProofOutline> focus;
};

// The boxes of what the document checks read in one proof's OCR: the identifiers found, the claimed names, the
// expiry date, the university and the academic year.
std::vector<ProofOutline> proofOutlines(const creds::RegistrationClaim& claim, const std::string& ocrText,
                                        const std::vector<creds::OcrWord>& words, int document);

// documents: decoded proofs (BGR) with their kinds. Runs Tesseract: call it on a worker thread.
// otherAccounts: other registrations claiming the same identifiers, from the platform (nullopt when it could
// not be asked: the uniqueness check is then "unknown", never a pass).
RegistrationChecks runRegistrationChecks(const api::Applicant& applicant,
                                         const std::vector<std::shared_ptr<const cv::Mat>>& documents,
                                         const std::vector<std::string>& documentKinds,
                                         const std::optional<std::vector<creds::AccountIdentifier>>& otherAccounts);
// Asks the platform which other registrations claim the applicant's identifiers.
std::optional<std::vector<creds::AccountIdentifier>> findOtherAccounts(api::PlatformClient& client,
                                                                       const std::string& registrationId,
                                                                       const api::Applicant& applicant);

}  // namespace medpics::desk
