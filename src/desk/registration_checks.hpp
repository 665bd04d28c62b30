// Worker-side automatic checks of a registration: OCR of the proofs, directory, identifiers, names, expiry.
#pragma once
#include "medpics/api/types.hpp"
#include "medpics/creds/registration.hpp"

#include <opencv2/core.hpp>

#include <memory>
#include <string>
#include <vector>

namespace medpics::desk {

struct RegistrationChecks {
  creds::Checklist checklist;
  std::vector<std::string> ocrTexts;  // one per document, for the evidence view
  std::string directoryNote;          // e.g. which index was used, or that none is installed
};

// documents: decoded proofs (BGR) with their kinds. Runs Tesseract: call it on a worker thread.
RegistrationChecks runRegistrationChecks(const api::Applicant& applicant,
                                         const std::vector<std::shared_ptr<const cv::Mat>>& documents,
                                         const std::vector<std::string>& documentKinds);

}  // namespace medpics::desk
