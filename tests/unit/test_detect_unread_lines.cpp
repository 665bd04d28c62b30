// Regression tests of PHI lines OCR reads poorly or not at all, or that the text localiser's tiles lose, rebuilt with
// the generator: label IPP lines read as nothing next to the name, rotated ECG header rows read at 0.25-0.37
// confidence, rows of a turned page merged between tiles, lines cut by a tile, large headers on 11 MP pages.
#include "medpics/detect/evaluation.hpp"
#include "medpics/detect/pipeline.hpp"
#include "medpics/demo/generator.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace medpics;
using namespace medpics::detect;

namespace {

Pipeline& pipeline() { return test::uncachedPipeline(); }

std::vector<Finding> analyse(const synth::SynthImage& img, int quality) {
  std::vector<uchar> buf;
  cv::imencode(".jpg", img.pixels, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
  const auto r = pipeline().analyze(std::string(buf.begin(), buf.end()));
  REQUIRE(r.ok());
  return r.findings;
}

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings)
    if (f.box && f.phi)
      out += f.category + " '" + f.text + "' " + std::to_string(f.box->x) + "," + std::to_string(f.box->y) + " " +
             std::to_string(f.box->w) + "x" + std::to_string(f.box->h) + "\n";
  return out;
}

double coverageOf(const synth::SynthImage& img, const std::vector<Finding>& findings, const std::string& text) {
  for (const auto& e : img.truth)
    if (e.kind == "text" && e.text == text) return test::maskedFraction(e, findings);
  FAIL("no element '" << text << "' in the generated image");
  return 0;
}

// Every text of `phi` is masked (covered as `medpics evaluate` requires).
void checkMasked(const synth::SynthImage& img, const std::vector<Finding>& findings,
                 const std::vector<std::string>& phi) {
  for (const auto& text : phi) {
    INFO(text);
    CHECK(coverageOf(img, findings, text) >= requiredCoverage("text"));
  }
}

// Image `index` of a corpus seed, its size and JPEG quality as the corpus drew them, and its PHI texts to check.
struct CorpusCase {
  int index, w, h, quality;
  std::vector<std::string> phi;
};

#define MODELS_OR_SKIP()                                                       \
  if (!test::modelsPresent()) {                                                \
    WARN("models missing (scripts/fetch-models.sh): regression test skipped"); \
    return;                                                                    \
  }

}  // namespace

TEST_CASE("an IPP line of a label that OCR reads as nothing, next to the name, is masked", "[misses][pipeline]") {
  MODELS_OR_SKIP();
  struct Case {
    std::uint64_t seed;
    int index, w, h, quality;
    const char* ipp;
  };
  for (const Case& c : {Case{1117, 9, 2555, 3406, 40, "IPP 5269404886"}}) {
    const synth::SynthImage img = test::corpusImage(synth::ImageKind::LabReport, c.seed, c.index, c.w, c.h);
    const auto findings = analyse(img, c.quality);
    INFO(c.ipp << "\n" << describe(findings));
    CHECK(coverageOf(img, findings, c.ipp) >= requiredCoverage("text"));
  }
}

// Passed on its branch, covered only 0.21 on the merged tree of session 7: the merge passed the unread line's
// `uncertain` flag into textFinding's new `trimLabels` parameter, so no unread line was ever kept (fixed, session 8).
TEST_CASE("an IPP line of a label on seed 1103 image 9 is masked", "[misses][pipeline]") {
  MODELS_OR_SKIP();
  const synth::SynthImage img = test::corpusImage(synth::ImageKind::LabReport, 1103, 9, 2357, 3142);
  const auto findings = analyse(img, 57);
  INFO(describe(findings));
  CHECK(coverageOf(img, findings, "IPP 6003530039") >= requiredCoverage("text"));
}

TEST_CASE("a rotated ECG header row read poorly is masked, the traces read as garbage are not", "[misses][pipeline]") {
  MODELS_OR_SKIP();
  struct Case {
    std::uint64_t seed;
    int index, w, h, quality;
    std::vector<std::string> phi;
  };
  for (const Case& c : {Case{1117, 20, 3666, 2592, 56, {"12/02/2023 11:10", "Chirurgie orthopédique, CHU de Bordeaux"}},
                        Case{857, 20, 1524, 1077, 48, {"LAMBERT^MAËLYS"}}}) {
    const synth::SynthImage img = test::corpusImage(synth::ImageKind::Ecg, c.seed, c.index, c.w, c.h);
    const auto findings = analyse(img, c.quality);
    INFO(describe(findings));
    for (const auto& text : c.phi) {
      INFO(text);
      CHECK(coverageOf(img, findings, text) >= requiredCoverage("text"));
    }
    // below the header: leads and traces, no PHI text
    for (const auto& f : findings) {
      if (f.kind != Kind::Text || !f.phi || !f.box) continue;
      INFO("masked text '" << f.text << "' at " << f.box->x << "," << f.box->y);
      CHECK(f.box->y + f.box->h / 2 < 0.25 * img.pixels.rows);
    }
  }
}

// Seed 5501 (session 10): 8-10 px lines of a lab-report sticker printed beside its QR code or EAN-8, read as nothing
// or cut short by the small-text pass, were dropped or masked in part. Text on a code's label is masked up to the code.
TEST_CASE("the lines of a lab-report sticker beside its code are masked whole, read or not", "[misses][pipeline]") {
  MODELS_OR_SKIP();
  for (const CorpusCase& c : {CorpusCase{17, 1423, 1897, 46, {"DAVID^ÉLODIE", "IPP 5352163303"}},
                              CorpusCase{1, 2814, 3752, 59, {"De Saint-Exupéry, Yann", "IPP 4886004434"}}}) {
    const synth::SynthImage img = test::corpusImage(synth::ImageKind::LabReport, 5501, c.index, c.w, c.h);
    const auto findings = analyse(img, c.quality);
    INFO("image " << c.index << "\n" << describe(findings));
    checkMasked(img, findings, c.phi);
  }
}

// Seed 6607 (session 10): the rhythm strip of image 20 (a region 185 px tall) read as "A ES PES SAY AF YY", a name,
// and regions 75-85 px tall on the traces of image 12 read as two letters ("HS LEE") were masked. ECG text is at most
// 2 % of the image's short side high: no masked text region is twice that.
TEST_CASE("ECG traces read as letters are not masked, the header is", "[misses][pipeline]") {
  MODELS_OR_SKIP();
  for (const CorpusCase& c : {CorpusCase{20, 3796, 2684, 64, {"Van Der Berg, Loïc", "1603858024", "20/11/2023 13:49"}},
                              CorpusCase{12, 1599, 1130, 75, {"NGUYEN VAN Inès", "5409105218", "27/06/2024 11:59"}}}) {
    const synth::SynthImage img = test::corpusImage(synth::ImageKind::Ecg, 6607, c.index, c.w, c.h);
    const auto findings = analyse(img, c.quality);
    INFO("image " << c.index << "\n" << describe(findings));
    checkMasked(img, findings, c.phi);
    const double tallest = 0.04 * std::min(c.w, c.h);
    for (const auto& f : findings) {
      if (f.kind != Kind::Text || !f.phi || !f.box) continue;
      INFO("masked text '" << f.text << "' at " << f.box->x << "," << f.box->y << " " << f.box->h << " px high");
      CHECK(f.box->h <= tallest);
    }
  }
}

// Session 11, scored on what the desk masks (the truth's turned outline, not its upright box):
// - seed 4409 image 12: a 55 px bold name on an 11 MP ECG is 8 px at the 576 px coarse scale; DB missed it, and the
//   loose outline of the line under it hid only a third of it (the large-page coarse pass now runs at 1216 px);
// - seed 5501 image 4: two rows of a page turned by 2.5 degrees, found by one tile, overlap by 70 % in upright boxes
//   and were merged as "one line seen twice" ("Nom : LAMBERT Anaïs" lost);
// - seed 2311 image 9: "N° de dossier : 9938599869" cut by its tile after "9938599", no other tile there;
// - seed 7717 image 1: a 17 px name on a label, found whole by the small-text pass, was replaced by its coarse line,
//   read as "More" (0.17) and dropped.
TEST_CASE("rows of a turned page, lines cut by a tile and large headers are masked whole", "[misses][pipeline]") {
  MODELS_OR_SKIP();
  struct Case {
    synth::ImageKind kind;
    std::uint64_t seed;
    CorpusCase c;
  };
  for (const Case& k : {Case{synth::ImageKind::Ecg, 4409, {12, 3945, 2789, 79, {"Gaëlle D'ALMEIDA", "3604805902"}}},
                        Case{synth::ImageKind::Ecg, 5501, {4, 4088, 2890, 73, {"LAMBERT Anaïs", "21/04/1963"}}},
                        Case{synth::ImageKind::LabReport, 2311, {9, 2083, 2777, 59, {"9938599869"}}},
                        Case{synth::ImageKind::LabReport, 7717, {1, 1968, 2624, 66, {"N'Diaye, Marie-Hélène"}}}}) {
    const synth::SynthImage img = test::corpusImage(k.kind, k.seed, k.c.index, k.c.w, k.c.h);
    const auto findings = analyse(img, k.c.quality);
    INFO("seed " << k.seed << " image " << k.c.index << "\n" << describe(findings));
    checkMasked(img, findings, k.c.phi);
  }
}
