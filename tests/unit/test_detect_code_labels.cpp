// Label rule (code_labels.hpp): text beside a barcode is masked up to the code; matrix-localiser squares are no label.
#include "medpics/detect/code_labels.hpp"
#include "medpics/detect/text_context.hpp"

#include <catch2/catch.hpp>

using namespace medpics::detect;

namespace {

Finding code(const char* detector, Box box) {
  Finding f;
  f.kind = Kind::Barcode;
  f.category = std::string(detector) == "zxing-cpp" ? "qr" : "unreadable-code";
  f.detector = detector;
  f.box = box;
  return f;
}

Finding text(const char* category, bool phi, Box box) {
  Finding f;
  f.kind = Kind::Text;
  f.category = category;
  f.phi = phi;
  f.box = box;
  f.polygon = {{{box.x, box.y}}, {{box.x + box.w, box.y}}, {{box.x + box.w, box.y + box.h}}, {{box.x, box.y + box.h}}};
  return f;
}

}  // namespace

TEST_CASE("label area: a decoded code or undecoded bars, never a matrix-localiser square", "[rules][codes]") {
  const Box qr{900, 240, 120, 120};
  const cv::Rect area = codeLabelArea(code("zxing-cpp", qr));
  CHECK(area.contains({900 - 290, 300}));  // left of the code, within twice its height plus half its width
  CHECK_FALSE(area.contains({900 - 310, 300}));
  CHECK(area.contains({960, 240 - 70}));  // above, within half its height plus a tenth of its width
  CHECK_FALSE(area.contains({960, 240 - 80}));
  const cv::Rect pdf417 = codeLabelArea(code("zxing-cpp", {748, 229, 446, 148}));
  CHECK_FALSE(pdf417.contains({300, 570}));  // the analyte table under a wide code is no label
  CHECK(pdf417.contains({300, 300}));
  CHECK_FALSE(codeLabelArea(code("bar-localiser", {100, 100, 80, 40})).empty());
  CHECK(codeLabelArea(code("matrix-localiser", qr)).empty());
  CHECK(codeLabelArea(text("name", true, qr)).empty());
  CHECK(onCodeLabel({code("zxing-cpp", qr)}, {800, 250, 60, 10}));
  CHECK_FALSE(onCodeLabel({code("zxing-cpp", qr)}, {300, 250, 60, 10}));
}

TEST_CASE("label rule: to-check text on a label is masked; PHI lines beside the code reach it", "[rules][codes]") {
  const std::vector<Finding> codes{code("bar-localiser", {1560, 455, 100, 55})};
  std::vector<Finding> findings{
      text("name", true, {1424, 460, 104, 24}),           // cut short before its last word: extended to the code
      text(kToCheckCategory, false, {1425, 490, 60, 22}),  // garbage on the label: masked
      text(kToCheckCategory, false, {400, 900, 60, 22}),   // elsewhere on the page: unchanged
      text("date", true, {1420, 380, 80, 20}),            // above the code's rows: not extended
      text("benign", false, {1680, 470, 60, 20}),         // a benign word right of the code: unchanged
  };
  maskCodeLabels(findings, codes);
  REQUIRE(findings[0].box);
  CHECK(findings[0].box->x == 1424);
  CHECK(findings[0].box->x + findings[0].box->w == 1560);
  CHECK(findings[0].polygon.empty());
  CHECK(findings[1].phi);
  CHECK(findings[1].category == "other-text");
  CHECK(findings[1].box->x + findings[1].box->w == 1560);
  CHECK_FALSE(findings[2].phi);
  CHECK(findings[2].category == kToCheckCategory);
  CHECK(findings[3].box->w == 80);
  CHECK_FALSE(findings[4].phi);
  CHECK(findings[4].box->x == 1680);
}
