// Unit tests of the residual check's memory: findings matching a dismissed region or a mask are not raised again.
#include "medpics/detect/pipeline.hpp"
#include "medpics/mask/burn_in.hpp"
#include "medpics/mask/residual.hpp"
#include "medpics/mask/residual_match.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::mask;

namespace {
detect::Finding textFinding(int x, int y, int w, int h, std::string text) {
  detect::Finding f;
  f.kind = detect::Kind::Text;
  f.category = "name";
  f.box = detect::Box{x, y, w, h};
  f.text = std::move(text);
  return f;
}

Region autoRegion(cv::Rect box, const std::string& kind, std::string text, State state) {
  Region r;
  r.box = box;
  r.origin = Origin::Auto;
  r.kind = kind;
  r.text = std::move(text);
  r.state = state;
  return r;
}
}  // namespace

TEST_CASE("similar text: case, punctuation, containment and small OCR differences") {
  CHECK(similarText("DUPONT Jean", "dupont  jean."));
  CHECK(similarText("Mme LEFEVRE Ines", "LEFEVRE Ines"));
  CHECK(similarText("FC 108 bpm", "FC 1O8 bpm"));  // one character read differently
  CHECK(similarText("", "anything"));              // nothing to compare (a face, a tattoo)
  CHECK_FALSE(similarText("DUPONT Jean", "MARTIN Paul"));
  CHECK_FALSE(similarText("12€", "Hémoglobine"));
}

TEST_CASE("a finding matches a dismissed region of the same kind, place and text, and nothing else") {
  const Region dismissed = autoRegion({100, 50, 200, 30}, "text", "DUPONT Jean", State::Dismissed);
  CHECK(matchesRegion(textFinding(104, 48, 190, 34, "DUPONT Jean"), dismissed));
  CHECK(matchesRegion(textFinding(100, 50, 120, 30, "DUPONT"), dismissed));              // part of the same line
  CHECK_FALSE(matchesRegion(textFinding(100, 200, 200, 30, "DUPONT Jean"), dismissed));  // elsewhere
  CHECK_FALSE(matchesRegion(textFinding(104, 48, 190, 34, "MARTIN Paul"), dismissed));   // other text
  detect::Finding face = textFinding(104, 48, 190, 34, "");
  face.kind = detect::Kind::Face;
  CHECK_FALSE(matchesRegion(face, dismissed));  // other kind
  Region manual = dismissed;
  manual.kind.clear();
  CHECK_FALSE(matchesRegion(textFinding(104, 48, 190, 34, "DUPONT Jean"), manual));  // drawn by hand: no kind
  CHECK(knownFinding(textFinding(104, 48, 190, 34, "DUPONT Jean"), {manual, dismissed}) == Known::Dismissed);
  CHECK(knownFinding(textFinding(104, 48, 190, 34, "MARTIN Paul"), {manual, dismissed}) == Known::New);
}

TEST_CASE("an undecodable code on pixels left visible as benign text is not new, elsewhere, or decodable, it is") {
  // The demo radiograph: a bold marker the first analysis read as benign text became a code-like blob after the
  // re-encode; the approval was blocked by it (gui test "a moderator logs in, opens the first post and approves it").
  const Region word = autoRegion({980, 1260, 70, 50}, "text", "G", State::Dismissed);
  detect::Finding blob;
  blob.kind = detect::Kind::Barcode;
  blob.category = "unreadable-code";
  blob.box = detect::Box{988, 1263, 60, 51};
  CHECK(knownFinding(blob, {word}) == Known::Dismissed);
  detect::Finding elsewhere = blob;
  elsewhere.box = detect::Box{700, 1263, 60, 51};
  CHECK(knownFinding(elsewhere, {word}) == Known::New);
  detect::Finding decoded = blob;
  decoded.category = "datamatrix";
  decoded.text = "IPP 8231145067";
  CHECK(knownFinding(decoded, {word}) == Known::New);  // a code that reads is never waved through by another kind
  Region masked = word;
  masked.state = State::Accepted;
  CHECK(knownFinding(blob, {masked}) == Known::New);  // only what the moderator left visible
}

TEST_CASE("a re-reading inside a dismissed region is not new, whatever its text, one sticking out is") {
  // The demo radiograph: after the re-encode, part of the benign "kV 65 mAs 7" line was read as "ITIAS /" (a name).
  const Region dismissed = autoRegion({12, 1259, 188, 62}, "text", "kV 65 mAs 7", State::Dismissed);
  CHECK(matchesRegion(textFinding(102, 1278, 82, 28, "ITIAS /"), dismissed));
  CHECK(knownFinding(textFinding(102, 1278, 82, 28, "ITIAS /"), {dismissed}) == Known::Dismissed);
  CHECK_FALSE(matchesRegion(textFinding(150, 1278, 120, 28, "ITIAS /"), dismissed));  // mostly outside
  const Region accepted = autoRegion({12, 1259, 188, 62}, "text", "kV 65 mAs 7", State::Accepted);
  CHECK(knownFinding(textFinding(150, 1278, 120, 28, "ITIAS /"), {accepted}) == Known::New);
}

TEST_CASE("a finding mostly under an accepted mask of the same kind is already masked") {
  const Region accepted = autoRegion({100, 50, 200, 30}, "text", "DUPONT Jean", State::Accepted);
  CHECK(knownFinding(textFinding(90, 45, 230, 40, "DUPONT Jean"), {accepted}) == Known::Masked);
  // Only a corner under the mask: the rest may be readable, it is new.
  CHECK(knownFinding(textFinding(260, 60, 200, 30, "Jean"), {accepted}) == Known::New);
  Region ellipse = accepted;
  ellipse.shape = Shape::Ellipse;
  ellipse.box = {0, 0, 100, 100};
  detect::Finding corner = textFinding(0, 0, 20, 20, "DUPONT");
  CHECK(knownFinding(corner, {ellipse}) == Known::New);  // outside the ellipse's own pixels
}

TEST_CASE("residual check: a dismissed name is not raised again, a new one is") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): residual memory test skipped");
    return;
  }
  static detect::Pipeline pipeline;
  test::started(pipeline);
  std::vector<cv::Rect> ink;
  const cv::Mat page = test::renderLines({"Patient : DUPONT Jean", "Mme LEFEVRE Ines"}, 30, false, &ink, {900, 300});
  REQUIRE(ink.size() == 2);
  const auto first = pipeline.analyzeImage(page);
  REQUIRE(first.ok());
  // The moderator dismisses what the detectors found on the first line and keeps nothing else.
  std::vector<Region> regions;
  for (const auto& f : first.findings)
    if (f.phi && f.box && (cv::Rect(f.box->x, f.box->y, f.box->w, f.box->h) & ink[0]).area() > 0)
      regions.push_back(
          autoRegion({f.box->x, f.box->y, f.box->w, f.box->h}, detect::kindName(f.kind), f.text, State::Dismissed));
  REQUIRE_FALSE(regions.empty());
  const ResidualCheck without = residualCheck(pipeline, page, {});
  REQUIRE(without.ran);
  const ResidualCheck check = residualCheck(pipeline, page, regions);
  REQUIRE(check.ran);
  CHECK(check.dismissedFindings >= 1);
  CHECK(check.outside.size() < without.outside.size());
  bool secondLine = false;
  for (const auto& f : check.outside) {
    REQUIRE(f.finding.box);
    const cv::Rect box(f.finding.box->x, f.finding.box->y, f.finding.box->w, f.finding.box->h);
    INFO(f.finding.category << " '" << f.finding.text << "'");
    CHECK((box & ink[0]).area() == 0);  // nothing on the dismissed line
    secondLine = secondLine || (box & ink[1]).area() > 0;
  }
  CHECK(secondLine);  // the other name is still raised
  CHECK(toJson(check)["dismissed_findings"] == check.dismissedFindings);
}

TEST_CASE("a field label left out of a PHI line's mask is a benign finding, the residual check does not raise it") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): field label test skipped");
    return;
  }
  detect::Pipeline& pipeline = test::uncachedPipeline();
  cv::Mat page(cv::Size(1100, 260), CV_8UC3, cv::Scalar::all(235));
  auto& text = synth::threadTextRenderer();
  const cv::Rect label = text.draw(page, "Prélevé le", {40, 80}, 30, cv::Scalar::all(20));
  const cv::Rect value = text.draw(page, "09/01/2023", {label.x + label.width + 14, 80}, 30, cv::Scalar::all(20));
  const cv::Rect name = text.draw(page, "Nom : DUPONT Jean", {40, 170}, 30, cv::Scalar::all(20));
  const auto first = pipeline.analyzeImage(page);
  REQUIRE(first.ok());
  // The desk's regions: PHI findings masked, the others dismissed outlines.
  std::vector<Region> regions;
  bool labelListed = false;
  for (const auto& f : first.findings) {
    REQUIRE(f.box);
    const cv::Rect box(f.box->x, f.box->y, f.box->w, f.box->h);
    INFO(f.category << " '" << f.text << "' " << box);
    if (f.phi) CHECK((box & label).area() < 0.2 * label.area());  // the label stays visible
    labelListed = labelListed || (!f.phi && (box & label).area() >= 0.8 * label.area() &&
                                  similarText(f.text, "Prélevé le"));
    regions.push_back(autoRegion(box, detect::kindName(f.kind), f.text, f.phi ? State::Accepted : State::Dismissed));
  }
  CHECK(labelListed);
  cv::Mat masked = page.clone();
  burnIn(masked, regions, 3);
  const cv::Mat1b hidden = coverage(page.size(), regions);
  CHECK(cv::countNonZero(hidden(value)) >= 0.95 * value.area());  // the date and the name are masked whole
  const cv::Rect nameValue(name.x + name.width * 2 / 5, name.y, name.width * 3 / 5, name.height);  // "DUPONT Jean"
  CHECK(cv::countNonZero(hidden(nameValue)) >= 0.95 * nameValue.area());
  const ResidualCheck check = residualCheck(pipeline, masked, regions);
  REQUIRE(check.ran);
  for (const auto& f : check.outside) FAIL_CHECK("raised " << f.finding.category << " '" << f.finding.text << "'");
}

TEST_CASE("a re-reading of a dismissed label with the mask's edge matches it, one that also shows the value does not") {
  const std::vector<Region> regions = {autoRegion({40, 60, 160, 40}, "text", "Prélevé le", State::Dismissed)};
  CHECK(knownFinding(textFinding(40, 58, 190, 44, "Prélevé h"), regions) == Known::Dismissed);
  CHECK(knownFinding(textFinding(40, 58, 380, 44, "Prélevé le 09/01/2023"), regions) == Known::New);
}
