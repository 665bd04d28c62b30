// Evaluation metrics of issue 14: recall for text <= 13 px, recall per symbology, false alarms per detector,
// benign text area masked.
#include "medpics/detect/evaluation.hpp"

#include <catch2/catch.hpp>

using namespace medpics::detect;

namespace {
Finding phiBox(int x, int y, int w, int h, const std::string& detector) {
  Finding f;
  f.kind = Kind::Text;
  f.category = "name";
  f.phi = true;
  f.box = Box{x, y, w, h};
  f.detector = detector;
  return f;
}
}  // namespace

TEST_CASE("evaluation: small-text recall, per-symbology recall, alarms per detector, benign area masked") {
  TruthImage t;
  t.width = 1000;
  t.height = 1000;
  t.elements = {
      {"text", "name", true, Box{10, 10, 100, 10}, "SAINT-MARTIN Laëtitia", 9, "", {}},  // small, found
      {"text", "date", true, Box{10, 30, 100, 10}, "01/02/1960", 12, "", {}},            // small, missed
      {"text", "id", true, Box{10, 60, 100, 20}, "1234567890", 20, "", {}},              // large, found
      {"barcode", "barcode", true, Box{300, 300, 50, 50}, "x", 0, "DataMatrix", {}},     // missed
      {"barcode", "barcode", true, Box{400, 300, 50, 50}, "y", 0, "QRCode", {}},         // found
      {"text", "benign", false, Box{10, 500, 100, 10}, "Hémoglobine", 10, "", {}},       // half masked
      {"text", "benign", false, Box{10, 600, 100, 10}, "g/dL", 10, "", {}},              // not masked
  };
  const std::vector<Finding> findings{phiBox(10, 10, 100, 10, "ppocr-db-fine+tesseract"),
                                      phiBox(10, 60, 100, 20, "ppocr-db+tesseract"),
                                      phiBox(400, 300, 50, 50, "zxing"),
                                      phiBox(10, 500, 50, 10, "ppocr-db+tesseract"),
                                      phiBox(800, 800, 40, 40, "blazeface"),
                                      phiBox(900, 900, 40, 40, "skin-ink"),
                                      phiBox(850, 900, 20, 20, "skin-ink")};
  const ImageScore s = scoreImage(t, findings);
  CHECK(s.smallText == std::make_pair(1, 2));
  CHECK(s.symbologies.at("DataMatrix") == std::make_pair(0, 1));
  CHECK(s.symbologies.at("QRCode") == std::make_pair(1, 1));
  CHECK(s.falseAlarms == 3);
  CHECK(s.alarmsByDetector.at("blazeface") == 1);
  CHECK(s.alarmsByDetector.at("skin-ink") == 2);
  CHECK(s.benignTextArea == Approx(2000));
  CHECK(s.benignTextMasked == Approx(500));

  Summary sum;
  sum.add(s, 100, 1.0);
  sum.add(s, 300, 1.0);
  CHECK(sum.smallTextRecall() == Approx(0.5));
  CHECK(sum.benignMaskedFraction() == Approx(0.25));
  CHECK(sum.alarmsByDetector.at("skin-ink") == 4);
  const std::string report = sum.report("t");
  CHECK(report.find("recall text <= 13 px") != std::string::npos);
  CHECK(report.find("recall code DataMatrix") != std::string::npos);
  CHECK(report.find("benign text area masked 0.250") != std::string::npos);
  // what masks benign text is listed (verbose), and benign area and image kinds are reported per truth kind
  REQUIRE(s.benignMasked.size() == 1);
  CHECK(s.benignMasked.front().find("'Hémoglobine' <- name") != std::string::npos);
  Summary byKind;
  byKind.add(s, 100, 1.0);
  byKind.addKind("lab_report", "document", s);
  byKind.addKind("lab_report", "photo", s);
  CHECK(byKind.kinds.at("lab_report").at("document") == 1);
  const std::string r = byKind.report("k");
  CHECK(r.find("benign text area masked on lab_report       0.250") != std::string::npos);
  CHECK(r.find("image kind lab_report -> document 1 photo 1") != std::string::npos);
}

TEST_CASE("evaluation: recall is scored on what the desk masks of a turned element's outline") {
  // a 200 px line turned by about 8 degrees: its upright box is 200x40, its drawn shape a thin band across it
  TruthImage t;
  t.width = t.height = 400;
  t.elements = {
      {"text", "name", true, Box{0, 0, 200, 40}, "DUPONT Jean", 12, "", {{0, 28}, {200, 0}, {200, 12}, {0, 40}}}};
  Finding alongTheLine = phiBox(0, 0, 200, 40, "ppocr-db+tesseract");
  alongTheLine.polygon = {{{-2, 26}}, {{202, -2}}, {{202, 14}}, {{-2, 42}}};
  Finding cornerOnly = phiBox(0, 0, 200, 40, "ppocr-db+tesseract");
  cornerOnly.polygon = {{{0, 0}}, {{150, 0}}, {{0, 20}}};  // the corner above the line: most of the box, none of it

  const ImageScore hit = scoreImage(t, {alongTheLine});
  CHECK(hit.found.at("text:name") == std::make_pair(1, 1));
  CHECK(hit.foundOnBoxes == 1);
  const ImageScore miss = scoreImage(t, {cornerOnly});
  CHECK(miss.found.at("text:name") == std::make_pair(0, 1));  // the published image shows the name
  CHECK(miss.foundOnBoxes == 1);                              // the upright boxes said it was masked
  REQUIRE(miss.missed.size() == 1);
  Summary sum;
  sum.add(miss, 100, 1.0);
  CHECK(sum.report("t").find("recall all on upright boxes 1.000") != std::string::npos);
}
