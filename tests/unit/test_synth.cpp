// Unit tests of the synth module: determinism, ground truth inside the image, expected elements per kind.
#include "medpics/demo/applicants.hpp"
#include "medpics/demo/generator.hpp"
#include "medpics/demo/identity.hpp"
#include "medpics/util/check_digits.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>

#include <opencv2/core.hpp>

#include <algorithm>
#include <set>

using namespace medpics::synth;
using medpics::util::luhnValid;  // the shared check-digit implementation synth generates with
using medpics::util::nirKey;

namespace {
bool sameImage(const cv::Mat& a, const cv::Mat& b) {
  return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}
int count(const SynthImage& img, const std::string& kind, const std::string& category = {}) {
  return int(std::count_if(img.truth.begin(), img.truth.end(), [&](const Element& e) {
    return e.kind == kind && (category.empty() || e.category == category);
  }));
}
const std::vector<ImageKind> kAllKinds{
    ImageKind::RadiographDark,   ImageKind::RadiographLight, ImageKind::LabReport, ImageKind::Ecg,
    ImageKind::SkinFace,         ImageKind::SkinTattoo,      ImageKind::Wristband, ImageKind::RppsCard,
    ImageKind::OrdreCertificate, ImageKind::StudentCard};
}  // namespace

TEST_CASE("synth: the same seed gives the same pixels and truth, another seed differs") {
  for (ImageKind kind : {ImageKind::RadiographDark, ImageKind::LabReport, ImageKind::Wristband}) {
    const SynthImage a = generate(kind, 42), b = generate(kind, 42), c = generate(kind, 43);
    CHECK(sameImage(a.pixels, b.pixels));
    REQUIRE(a.truth.size() == b.truth.size());
    for (size_t i = 0; i < a.truth.size(); ++i) {
      CHECK(a.truth[i].box == b.truth[i].box);
      CHECK(a.truth[i].text == b.truth[i].text);
    }
    CHECK_FALSE(sameImage(a.pixels, c.pixels));
  }
}

TEST_CASE("synth: every ground-truth box lies inside its image and is non-empty") {
  for (ImageKind kind : kAllKinds) {
    const SynthImage img = generate(kind, 7);
    INFO(kindName(kind));
    REQUIRE(img.pixels.type() == CV_8UC3);
    REQUIRE_FALSE(img.truth.empty());
    const cv::Rect bounds(0, 0, img.pixels.cols, img.pixels.rows);
    for (const Element& e : img.truth) {
      INFO(e.kind << "/" << e.category << " " << e.text);
      CHECK(e.box.area() > 0);
      CHECK((e.box & bounds) == e.box);
      CHECK(e.phi == (e.category != "benign"));
    }
  }
}

TEST_CASE("synth: each kind draws the elements it promises") {
  const SynthImage dark = generate(ImageKind::RadiographDark, 3);
  CHECK(count(dark, "text", "name") == 1);
  CHECK(count(dark, "text", "date") == 2);
  CHECK(count(dark, "text", "id") == 1);
  CHECK(count(dark, "text", "benign") >= 3);
  // Polarity: dark background (corner) for RadiographDark, light for RadiographLight.
  const SynthImage light = generate(ImageKind::RadiographLight, 3);
  CHECK(cv::mean(dark.pixels(cv::Rect(0, 0, 8, 8)))[0] < 60);
  CHECK(cv::mean(light.pixels(cv::Rect(0, 0, 8, 8)))[0] > 190);

  const SynthImage lab = generate(ImageKind::LabReport, 3);
  CHECK(count(lab, "text", "name") == 1);
  CHECK(count(lab, "text", "benign") >= 10);

  const SynthImage band = generate(ImageKind::Wristband, 3);
  CHECK(count(band, "barcode") >= 1);
  CHECK(count(band, "text", "name") == 1);

  const SynthImage tattoo = generate(ImageKind::SkinTattoo, 3);
  CHECK(count(tattoo, "tattoo") == 1);

  const SynthImage face = generate(ImageKind::SkinFace, 3);
  if (availableFacePhotos().empty())
    CHECK(count(face, "tattoo") == 1);  // clean fallback without opencv-doc
  else
    CHECK(count(face, "face") == 1);

  const SynthImage ecgImg = generate(ImageKind::Ecg, 3);
  CHECK(count(ecgImg, "text", "name") == 1);
}

TEST_CASE("synth: text truth carries the exact patient strings") {
  Rng rng(5);
  GenerateOptions options;
  options.patient = randomPatient(rng);
  const SynthImage img = generate(ImageKind::RadiographDark, 5, options);
  std::set<std::string> texts;
  for (const auto& e : img.truth) texts.insert(e.text);
  CHECK(texts.count(options.patient->fullName()) == 1);
  CHECK(texts.count(options.patient->birthDate) == 1);
  CHECK(texts.count(options.patient->ipp) == 1);
}

TEST_CASE("synth: requested size is honoured and large photos are possible") {
  GenerateOptions options;
  options.width = 4000;
  options.height = 3000;
  const SynthImage img = generate(ImageKind::SkinTattoo, 1, options);
  CHECK(img.pixels.cols == 4000);
  CHECK(img.pixels.rows == 3000);
}

TEST_CASE("synth: identifiers (RPPS Luhn, NIR key, BEA INE)") {
  CHECK(luhnValid("10001045367"));
  CHECK(luhnValid("10005173140"));
  CHECK_FALSE(luhnValid("10001045368"));
  CHECK(nirKey("2951099126111") == 93);
  CHECK(nirKey("253072B073004") == 70);
  Rng rng(9);
  for (int i = 0; i < 50; ++i) {
    const std::string rpps = randomRpps(rng);
    CHECK(rpps.size() == 11);
    CHECK(rpps.rfind("10", 0) == 0);
    CHECK(luhnValid(rpps));
    const PatientIdentity p = randomPatient(rng);
    CHECK(p.nir.size() == 15);
    CHECK(std::stoi(p.nir.substr(13)) == nirKey(p.nir.substr(0, 13)));
  }
  const std::string ine = beaIne(3);
  REQUIRE(ine.size() == 11);
  CHECK(std::string("ABCDEFGHJKLMNPRSTUVWXYZ")[std::stoull(ine.substr(0, 10)) % 23] == ine[10]);
}

TEST_CASE("synth: the demo applicants cover every scenario with coherent identifiers") {
  const auto applicants = demoApplicants(2026);
  REQUIRE(applicants.size() == 20);
  std::set<std::string> scenarios;
  for (const auto& a : applicants) {
    INFO(a.key << " " << a.scenario);
    scenarios.insert(a.scenario);
    if (!a.rpps.empty()) CHECK(luhnValid(a.rpps) == (a.scenario != "wrong_check_digit"));
    if (a.scenario == "valid") CHECK(a.expectedAction == "approve");
    if (a.scenario == "not_in_directory" || a.scenario == "wrong_check_digit") CHECK_FALSE(a.inDirectory);
    if (a.category == "student") CHECK_FALSE(a.ine.empty());
    const SynthImage proof = proofDocument(a, 1);
    CHECK(count(proof, "text", "name") >= 1);
    CHECK(count(proof, "text", "id") >= 1);
  }
  for (const char* s :
       {"valid", "wrong_check_digit", "name_mismatch", "not_in_directory", "expired_card", "unreadable"})
    CHECK(scenarios.count(s) == 1);
  CHECK(applicants[16].documentExpiry == "31/08/2024");
}

TEST_CASE("synth hard: deterministic, small PHI text share, glyph heights and symbologies recorded") {
  GenerateOptions hard;
  hard.hard = true;
  const SynthImage a = generate(ImageKind::LabReport, 11, hard), b = generate(ImageKind::LabReport, 11, hard);
  CHECK(sameImage(a.pixels, b.pixels));
  REQUIRE(a.truth.size() == b.truth.size());
  int phiText = 0, small = 0;
  std::set<std::string> symbologies;
  bool invertedUltrasound = false;
  for (uint64_t seed = 1; seed <= 16; ++seed)
    for (ImageKind kind : {ImageKind::LabReport, ImageKind::Ecg, ImageKind::Wristband, ImageKind::RadiographDark,
                           ImageKind::Ultrasound}) {
      hard.width = 900;  // small images: the test stays fast; the text heights do not depend on it
      hard.height = 700;
      const SynthImage img = generate(kind, seed, hard);
      const cv::Rect bounds(0, 0, img.pixels.cols, img.pixels.rows);
      for (const Element& e : img.truth) {
        INFO(kindName(kind) << " " << e.kind << "/" << e.category << " " << e.text);
        CHECK((e.box & bounds) == e.box);
        CHECK(e.box.area() > 0);
        if (e.kind == "text") CHECK(e.glyphPx >= 8);
        if (e.kind == "barcode") {
          CHECK_FALSE(e.symbology.empty());
          symbologies.insert(e.symbology);
        }
        if (e.kind == "text" && e.phi) {
          ++phiText;
          small += e.glyphPx <= 13 ? 1 : 0;
        }
      }
      if (kind == ImageKind::Ultrasound && cv::mean(img.pixels(cv::Rect(0, img.pixels.rows - 8, 8, 8)))[0] > 190)
        invertedUltrasound = true;
    }
  CHECK(small >= phiText / 4);
  CHECK(symbologies.size() >= 6);
  CHECK(invertedUltrasound);
}

TEST_CASE("synth hard: compound, particle and caret-separated names as labels print them") {
  Rng rng(3);
  std::set<std::string> forms;
  for (int i = 0; i < 200; ++i) {
    const PatientIdentity p = randomHardPatient(rng);
    if (p.fullName().find('^') != std::string::npos) forms.insert("dicom");
    if (p.fullName().find(", ") != std::string::npos) forms.insert("comma");
    if (p.lastName.find('-') != std::string::npos) forms.insert("hyphen");
    if (p.lastName.find(' ') != std::string::npos) forms.insert("particle");
  }
  CHECK(forms.size() == 4);
  CHECK(upperName("Laëtitia") == "LAËTITIA");
  CHECK(titleName("LE GALL") == "Le Gall");
  CHECK(titleName("BEN AHMED") == "Ben Ahmed");
}

TEST_CASE("synth: page elements a sticker hides leave the truth, the sticker's own stay") {
  // corpus seed 3929, image 17: a long barcode sticker pushed left from the page's top right over the identity block;
  // its patient lines, hidden under the sticker, were still truth (and counted as missed)
  const SynthImage img = medpics::test::corpusImage(ImageKind::LabReport, 3929, 17, 971, 1294);
  const auto has = [&](const std::string& text) {
    return std::any_of(img.truth.begin(), img.truth.end(), [&](const Element& e) { return e.text == text; });
  };
  CHECK_FALSE(has("Patient(e) :"));
  CHECK_FALSE(has("M. Zoë SAINT-MARTIN"));
  CHECK(has("Zoë SAINT-MARTIN"));  // printed on the sticker
  CHECK(has("Prélevé le"));        // under the block, visible
  CHECK(count(img, "barcode") == 1);
}
