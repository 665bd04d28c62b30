// Unit test: a generated student card is read to its last line (INE, academic year, validity) and its checks pass.
#include "medpics/creds/ocr.hpp"
#include "medpics/creds/proof_document.hpp"
#include "medpics/demo/applicants.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>

using namespace medpics;
using namespace std::chrono;

TEST_CASE("OCR reads a generated student card to the last line: INE, academic year, validity", "[creds][ocr]") {
  int cards = 0;
  for (const auto& applicant : synth::demoApplicants(2026)) {
    if (applicant.documentKind != "student_card" || applicant.blurred) continue;
    for (const std::uint64_t seed : {11u, 29u}) {
      const synth::SynthImage card = synth::proofDocument(applicant, seed);
      if (const char* dir = std::getenv("MEDPICS_ARTIFACT_DIR"))  // to look at the card read
        cv::imwrite(std::string(dir) + "/student-card-" + applicant.key + "-" + std::to_string(seed) + ".png",
                    card.pixels);
      const creds::OcrResult read = creds::readDocument(card.pixels);
      cv::Mat gray;
      cv::cvtColor(card.pixels, gray, cv::COLOR_BGR2GRAY);
      INFO("glyph height estimate " << creds::estimateGlyphHeight(gray));
      INFO(applicant.key << " seed " << seed << " OCR text:\n" << read.text);
      const creds::ProofFacts facts = creds::extractProofFacts(read.text);
      bool ine = false;
      for (const auto& found : facts.identifiers) ine |= found.check.normalized == applicant.documentIdentifier;
      CHECK(ine);
      CHECK(facts.academicYear == applicant.academicYear);
      REQUIRE(facts.expiry);
      CHECK(facts.expiry->text.find(applicant.documentExpiry.substr(6)) != std::string::npos);
      ++cards;
    }
    if (cards >= 4) break;
  }
  CHECK(cards == 4);
}
