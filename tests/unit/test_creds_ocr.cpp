// Unit test of proof OCR: a card rendered with cv::freetype is read by Tesseract and its facts extracted.
#include "creds_fixture.hpp"
#include "medpics/creds/name_match.hpp"
#include "medpics/creds/ocr.hpp"
#include "medpics/creds/proof_document.hpp"
#include "medpics/creds/registration.hpp"

#include <catch2/catch.hpp>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

using namespace medpics::creds;
using namespace std::chrono;

namespace {

// A white card with dark text lines, glyphs `height` px high.
cv::Mat renderCard(const std::vector<std::string>& lines, int height) {
  auto ft = cv::freetype::createFreeType2();
  ft->loadFontData("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0);
  cv::Mat card(static_cast<int>(lines.size()) * height * 2 + 2 * height, height * 30, CV_8UC3,
               cv::Scalar(250, 248, 245));
  cv::rectangle(card, {0, 0, card.cols, height}, cv::Scalar(140, 60, 20), cv::FILLED);  // a coloured band
  int y = 2 * height;
  for (const auto& line : lines) {
    ft->putText(card, line, {height, y + height}, height, cv::Scalar(30, 30, 30), -1, cv::LINE_AA, false);
    y += 2 * height;
  }
  return card;
}

const std::vector<std::string> kLines = {"CARTE D'ÉTUDIANT", "Université de Bordeaux", "Nom : MARTIN",
                                         "Prénom : Lucas",   "N° RPPS : 10005173140",  "Valable jusqu'au 31/08/2026"};

void checkFacts(const std::string& text) {
  INFO("OCR text:\n" << text);
  const ProofFacts facts = extractProofFacts(text);
  REQUIRE_FALSE(facts.identifiers.empty());
  CHECK(facts.identifiers[0].check.normalized == "10005173140");
  CHECK(facts.identifiers[0].check.valid);
  REQUIRE(facts.expiry);
  CHECK(facts.expiry->date == year_month_day{year{2026}, August, 31d});
  CHECK(nameInText("Martin", text) >= kNameMatchPass);
  CHECK(nameInText("Lucas", text) >= kNameMatchPass);
  CHECK(facts.university.find("Bordeaux") != std::string::npos);
}

}  // namespace

TEST_CASE("OCR reads a rendered card: name, RPPS and date", "[creds]") {
  const cv::Mat card = renderCard(kLines, 28);
  CHECK(estimateGlyphHeight(card.channels() == 1 ? card : [&] {
          cv::Mat g;
          cv::cvtColor(card, g, cv::COLOR_BGR2GRAY);
          return g;
        }()) > 10);
  checkFacts(ocrDocument(card));
}

TEST_CASE("OCR scales small text up to ~30 px glyphs", "[creds]") {
  cv::Mat small;
  cv::resize(renderCard(kLines, 40), small, cv::Size(), 0.4, 0.4, cv::INTER_AREA);  // glyphs ~16 px
  checkFacts(ocrDocument(small));
}

TEST_CASE("OCR of a slightly blurred card still reads it, a very blurred one is not trusted", "[creds]") {
  const cv::Mat card = renderCard(kLines, 32);
  const OcrResult sharp = readDocument(card);
  CHECK(sharp.confidence >= 80);
  cv::Mat soft, blurred;
  cv::GaussianBlur(card, soft, cv::Size(), 3.0);  // the automatic layout finds nothing here: read as one block
  const OcrResult softRead = readDocument(soft);
  INFO("OCR text:\n" << softRead.text);
  CHECK(softRead.confidence >= 70);
  const auto ids = findCredentialIdentifiers(softRead.text);
  REQUIRE_FALSE(ids.empty());
  CHECK(ids[0].check.normalized == "10005173140");
  CHECK(nameInText("Martin", softRead.text) >= kNameMatchPass);
  cv::GaussianBlur(card, blurred, cv::Size(), 8.0);
  const OcrResult unreadable = readDocument(blurred);
  CHECK((extractProofFacts(unreadable.text).letters < 15 || unreadable.confidence < 70));
}

TEST_CASE("OCR of a blank or empty image reads nothing", "[creds]") {
  CHECK(ocrDocument(cv::Mat()).empty());
  const std::string blank = ocrDocument(cv::Mat(200, 300, CV_8UC3, cv::Scalar(255, 255, 255)));
  CHECK(extractProofFacts(blank).letters < 15);
}

TEST_CASE("rendered RPPS card through OCR and the checklist: approve, and name_mismatch for someone else", "[creds]") {
  medpics::test::SmallDirectory small;
  const cv::Mat card =
      renderCard({"CARTE DE PROFESSIONNEL DE SANTÉ", "Dr Marie DUPONT", "Médecin", "N° RPPS 100 010 453 67"}, 30);
  const OcrResult read = readDocument(card);
  INFO("OCR text:\n" << read.text);
  RegistrationClaim claim;
  claim.firstName = "Marie";
  claim.lastName = "Dupont";
  claim.professionCode = "10";
  claim.rpps = "10001045367";
  const year_month_day today{year{2026}, January, 15d};
  const Checklist ok = checkRegistration(claim, {{DocumentKind::RppsCard, read.text, read.confidence}},
                                         small.directory.get(), {}, today);
  for (const auto& item : ok.items) {
    INFO(item.id << ": " << (item.facts.empty() ? std::string() : item.facts.front().code));
    CHECK(item.status == CheckStatus::Pass);
  }
  CHECK(ok.suggestion.action == SuggestedAction::Approve);
  claim.firstName = "Paul";
  claim.lastName = "Durand";
  const Checklist other = checkRegistration(claim, {{DocumentKind::RppsCard, read.text, read.confidence}},
                                            small.directory.get(), {}, today);
  CHECK(other.suggestion.reasonCode == "name_mismatch");
}
