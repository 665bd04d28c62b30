// runRegistrationChecks: glue between the desk's registration and the creds module.
#include "registration_checks.hpp"

#include "medpics/creds/directory.hpp"
#include "medpics/creds/ocr.hpp"
#include "medpics/creds/proof_document.hpp"
#include "medpics/util/log.hpp"

#include <cctype>
#include <chrono>
#include <filesystem>

namespace medpics::desk {

RegistrationChecks runRegistrationChecks(const api::Applicant& applicant,
                                         const std::vector<std::shared_ptr<const cv::Mat>>& documents,
                                         const std::vector<std::string>& documentKinds,
                                         const std::optional<std::vector<creds::AccountIdentifier>>& otherAccounts) {
  RegistrationChecks out;
  const creds::RegistrationClaim claim = creds::claimFromApplicant(applicant);
  std::vector<creds::ProofDocument> proofs;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    creds::ProofDocument proof;
    proof.kind = creds::documentKindFromName(i < documentKinds.size() ? documentKinds[i] : "other");
    if (documents[i]) {
      const creds::OcrResult ocr = creds::readDocument(*documents[i]);
      proof.ocrText = ocr.text;
      proof.ocrConfidence = ocr.confidence;
      const auto outlines = proofOutlines(claim, ocr.text, ocr.words, static_cast<int>(i));
      out.outlines.insert(out.outlines.end(), outlines.begin(), outlines.end());
    }
    out.ocrTexts.push_back(proof.ocrText);
    proofs.push_back(std::move(proof));
  }
  std::unique_ptr<creds::Directory> directory;
  const auto path = creds::defaultDirectoryPath();
  try {
    if (std::filesystem::exists(path)) {
      directory = std::make_unique<creds::Directory>(path);
      out.directory = RegistrationChecks::Directory::Indexed;
    }
  } catch (const std::exception& e) {
    out.directory = RegistrationChecks::Directory::Unavailable;
    out.directoryError = e.what();
    log::warn(std::string("RPPS directory unavailable: ") + e.what());
  }
  const auto today =
      std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  out.checklist = creds::checkRegistration(claim, proofs, directory.get(),
                                           otherAccounts.value_or(std::vector<creds::AccountIdentifier>{}), today);
  if (!otherAccounts) {
    for (auto& item : out.checklist.items)
      if (item.id == creds::check_id::kUniqueIdentifier) {
        item.status = creds::CheckStatus::Unknown;
        item.facts = {creds::Fact{"reg.others_unreachable", {}}};
      }
    out.checklist.suggestion = creds::suggestDecision(out.checklist.items);
  }
  return out;
}

namespace {
std::string lowerAscii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}
}  // namespace

std::vector<ProofOutline> proofOutlines(const creds::RegistrationClaim& claim, const std::string& ocrText,
                                        const std::vector<creds::OcrWord>& words, int document) {
  std::vector<ProofOutline> out;
  auto add = [&](const char* checkId, std::size_t offset, std::size_t length) {
    const cv::Rect box = creds::boxOfSpan(words, offset, length);
    if (!box.empty()) out.push_back({checkId, document, box});
  };
  // Every occurrence of `needle` (ASCII case ignored) in the text.
  const std::string lower = lowerAscii(ocrText);
  auto addAll = [&](const char* checkId, const std::string& needle) {
    if (needle.size() < 2) return;
    const std::string n = lowerAscii(needle);
    for (std::size_t at = lower.find(n); at != std::string::npos; at = lower.find(n, at + n.size()))
      add(checkId, at, n.size());
  };
  const creds::ProofFacts facts = creds::extractProofFacts(ocrText);
  for (const auto& id : facts.identifiers) add(creds::check_id::kDocumentIdentifier, id.offset, id.length);
  for (const std::string* name : {&claim.lastName, &claim.firstName, &claim.birthName})
    addAll(creds::check_id::kDocumentName, *name);
  if (facts.expiry) addAll(creds::check_id::kCardNotExpired, facts.expiry->text);
  if (!facts.university.empty()) addAll(creds::check_id::kDocumentUniversity, facts.university);
  if (!facts.academicYear.empty()) addAll(creds::check_id::kDocumentAcademicYear, facts.academicYear);
  return out;
}

std::optional<std::vector<creds::AccountIdentifier>> findOtherAccounts(api::PlatformClient& client,
                                                                       const std::string& registrationId,
                                                                       const api::Applicant& applicant) {
  std::vector<creds::AccountIdentifier> others;
  for (const std::string& identifier : {applicant.rpps, applicant.adeli, applicant.ordreNumber, applicant.ine}) {
    if (identifier.empty()) continue;
    auto page = client.listRegistrations("all", 100, {}, identifier);
    if (!page) return std::nullopt;
    for (const auto& item : page->items)
      if (item.id != registrationId) others.push_back({item.id, identifier});
  }
  return others;
}

}  // namespace medpics::desk
