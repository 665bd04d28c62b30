// Pipeline tests: golden checks on synthetic images (every PHI element covered), CLI-facing JSON, cache,
// cancellation, and bad input (corrupt, truncated, huge, empty) giving an error without crash or hang.
#include "medpics/detect/evaluation.hpp"
#include "medpics/detect/pipeline.hpp"
#include "medpics/demo/generator.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace medpics;
using namespace medpics::detect;

namespace {
Pipeline& sharedPipeline() {
  static Pipeline pipeline;
  return test::started(pipeline);
}

TruthImage truthOf(const synth::SynthImage& img) {
  TruthImage t;
  t.width = img.pixels.cols;
  t.height = img.pixels.rows;
  for (const auto& e : img.truth) {
    t.elements.push_back({e.kind, e.category, e.phi, Box{e.box.x, e.box.y, e.box.width, e.box.height}, e.text,
                          e.glyphPx, e.symbology, test::truthOutline(e)});
  }
  return t;
}
}  // namespace

TEST_CASE("pipeline golden: every PHI element of synthetic images is covered") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): golden test skipped");
    return;
  }
  for (auto kind : {synth::ImageKind::RadiographLight, synth::ImageKind::Wristband}) {
    synth::GenerateOptions g;
    g.width = 800;
    g.height = kind == synth::ImageKind::Wristband ? 600 : 1000;
    const synth::SynthImage img = synth::generate(kind, 42, g);
    const auto result = sharedPipeline().analyze(test::encode(img.pixels, ".jpg"));
    REQUIRE(result.ok());
    const ImageScore score = scoreImage(truthOf(img), result.findings);
    INFO(synth::kindName(kind));
    for (const auto& m : score.missed) INFO("missed " << m);
    CHECK(score.missed.empty());
    CHECK(score.falseAlarms <= 1);
  }
}

TEST_CASE("pipeline: JSON result, cache hit by sha256, oriented size") {
  const cv::Mat page = test::renderLines({"Mme LEFEVRE Ines", "Tel 05 56 79 56 79"}, 26, false, nullptr, {700, 300});
  const std::string bytes = test::encode(page);
  Pipeline& p = sharedPipeline();
  const auto first = p.analyze(bytes);
  REQUIRE(first.ok());
  CHECK(first.width == 700);
  CHECK(first.height == 300);
  const auto second = p.analyze(bytes);
  CHECK(second.fromCache);
  CHECK(second.findings.size() == first.findings.size());
  const auto j = toJson(first);
  CHECK(j["width"] == 700);
  CHECK(j["findings"].is_array());
  CHECK_FALSE(j.contains("error"));
  if (test::modelsPresent()) {
    const bool phone = std::any_of(first.findings.begin(), first.findings.end(),
                                   [](const Finding& f) { return f.category == "phone" && f.phi; });
    CHECK(phone);
  }
}

TEST_CASE("pipeline: bad input gives an error, never a crash or a hang") {
  Pipeline& p = sharedPipeline();
  CHECK(p.analyze("").error == "empty file");
  CHECK_FALSE(p.analyze("GIF89a garbage that is long enough to parse").ok());
  CHECK_FALSE(p.analyze(std::string(4096, '\xFF')).ok());
  const std::string jpeg = test::encode(cv::Mat(300, 400, CV_8UC3, cv::Scalar(1, 2, 3)), ".jpg");
  CHECK_FALSE(p.analyze(jpeg.substr(0, jpeg.size() / 2)).ok());
  std::string huge = test::encode(cv::Mat(1, 1, CV_8UC3), ".png");
  huge[16] = char(0x00);
  huge[17] = char(0x01);
  huge[18] = char(0x00);
  huge[19] = char(0x00);  // width 65536
  huge[20] = char(0x00);
  huge[21] = char(0x01);
  huge[22] = char(0x00);
  huge[23] = char(0x00);  // height 65536
  const auto r = p.analyze(huge);
  CHECK(r.error.find("too large") != std::string::npos);
  CHECK(toJson(r).contains("error"));
}

TEST_CASE("pipeline: a cancelled analysis stops and is not cached") {
  Pipeline& p = sharedPipeline();
  util::CancelToken token;
  token.cancel();
  const std::string bytes = test::encode(cv::Mat(400, 400, CV_8UC3, cv::Scalar(90, 120, 200)));
  const auto r = p.analyze(bytes, token);
  CHECK(r.error == "cancelled");
  CHECK_FALSE(p.analyze(bytes).fromCache);
}

TEST_CASE("pipeline: without network files it says so and falls back to the classical detectors") {
  const char* previous = std::getenv("MEDPICS_MODELS");
  const std::string saved = previous ? previous : "";
  setenv("MEDPICS_MODELS", "/nonexistent-medpics-models", 1);
  {
    Pipeline fallback;
    REQUIRE(fallback.warnings().size() >= 2);
    CHECK(fallback.warnings()[0].find("fetch-models.sh") != std::string::npos);
    std::vector<cv::Rect> ink;
    const cv::Mat xray = test::renderLines({"DURAND Paul", "IPP 5633955356"}, 24, true, &ink, {700, 300});
    const auto r = fallback.analyze(test::encode(xray));
    REQUIRE(r.ok());
    const bool idFound = std::any_of(r.findings.begin(), r.findings.end(), [](const Finding& f) {
      return f.phi && f.text.find("5633955356") != std::string::npos;
    });
    CHECK(idFound);
  }
  if (previous)
    setenv("MEDPICS_MODELS", saved.c_str(), 1);
  else
    unsetenv("MEDPICS_MODELS");
}
