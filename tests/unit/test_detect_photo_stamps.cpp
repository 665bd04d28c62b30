// Tests of the small-text pass on photos: names stamped in a corner (small print blurred into words, print of about the
// skin's luminance) found as rows, read in their best channel and masked; no text outlined on a portrait's face.
#include "medpics/detect/evaluation.hpp"
#include "medpics/detect/ink_mask.hpp"
#include "medpics/detect/text_regions.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

using namespace medpics;
using namespace medpics::detect;

namespace {

// A close-up of skin: a smooth blotchy tone (one random level every 24 px, interpolated), a shading across the frame
// and fine noise, as a phone photo of a forearm shows it.
cv::Mat mottledSkin(cv::Size size, cv::Scalar tone, std::uint64_t seed) {
  cv::RNG rng(seed);
  cv::Mat blotches(size.height / 24 + 1, size.width / 24 + 1, CV_32FC3), skin, noise(size, CV_32FC3);
  rng.fill(blotches, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar(12, 15, 20));
  blotches += tone;
  cv::resize(blotches, skin, size, 0, 0, cv::INTER_CUBIC);
  for (int x = 0; x < size.width; ++x) skin.col(x) *= 0.8 + 0.3 * x / size.width;
  rng.fill(noise, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(5));
  skin += noise;
  cv::Mat out;
  skin.convertTo(out, CV_8UC3);
  return out;
}

cv::Mat throughJpeg(const cv::Mat& img, int quality) {
  std::vector<uchar> buf;
  cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
  return cv::imdecode(buf, cv::IMREAD_COLOR);
}

struct StampedPhoto {
  cv::Mat pixels;
  cv::Rect name;  // the stamped name's ink
};

// A name stamped near the top-left corner of a skin photo, as a camera or a phone application prints it.
StampedPhoto stampedPhoto(cv::Size size, const std::string& name, int glyphPx, cv::Scalar colour, synth::Font font,
                          int quality, std::uint64_t seed) {
  StampedPhoto p;
  p.pixels = mottledSkin(size, cv::Scalar(110, 140, 195), seed);
  const int margin = size.width * 3 / 100;
  p.name = synth::threadTextRenderer().draw(p.pixels, name, {margin, margin + glyphPx}, glyphPx, colour, font);
  p.pixels = throughJpeg(p.pixels, quality);
  return p;
}

// A white 9 px name on a 4618 px photo (its letters blur into words: "Bihan" is one shape), an orange 12 px name of
// about the skin's luminance, and an orange 16 px italic name after JPEG q35, which OCR reads as nothing.
std::vector<StampedPhoto> stamps() {
  return {
      stampedPhoto({4618, 2598}, "Le Bihan Y.", 9, cv::Scalar(255, 255, 255), synth::Font::Narrow, 40, 17),
      stampedPhoto({2658, 1881}, "Lemaître J.", 12, cv::Scalar(0, 140, 255), synth::Font::SansBold, 70, 23),
      stampedPhoto({2378, 3364}, "TEXIER, Jean-Pierre", 16, cv::Scalar(0, 140, 255), synth::Font::SerifItalic, 35, 11)};
}

bool coveredBy(const cv::Rect& ink, const std::vector<cv::Rect>& rows) {
  return std::any_of(rows.begin(), rows.end(), [&](const cv::Rect& r) { return (r & ink).area() >= 0.8 * ink.area(); });
}

}  // namespace

TEST_CASE("a name stamped on a skin photo is a row to refine: blurred into words, or of the skin's luminance",
          "[rules]") {
  const std::vector<StampedPhoto> photos = stamps();
  for (const StampedPhoto& p : {photos[0], photos[1]}) {  // (the coarse pass sees the 16 px name)
    INFO("name at " << p.name.x << "," << p.name.y << " " << p.name.width << "x" << p.name.height);
    std::vector<cv::Rect> faint;
    std::vector<cv::Rect> rows = smallTextRows(p.pixels, {}, &faint);
    rows.insert(rows.end(), faint.begin(), faint.end());
    CHECK(coveredBy(p.name, rows));
  }
}

TEST_CASE("print is read in the colour channel it shows in when its luminance is the paper's", "[rules]") {
  // orange print of the skin's luminance (130 grey levels both): 93 levels apart in blue
  cv::Mat skin(40, 200, CV_8UC3, cv::Scalar(93, 119, 166));
  synth::threadTextRenderer().draw(skin, "Lemaître J.", {10, 28}, 16, cv::Scalar(0, 112, 215), synth::Font::SansBold);
  cv::Mat luminance;
  cv::cvtColor(skin, luminance, cv::COLOR_BGR2GRAY);
  CHECK(inkContrast(luminance) < 10);
  CHECK(inkContrast(printGray(skin)) > 50);
  // black print on white paper is read in luminance
  cv::Mat page(40, 200, CV_8UC3, cv::Scalar::all(235));
  synth::threadTextRenderer().draw(page, "Potassium", {10, 28}, 16, cv::Scalar::all(20));
  cv::Mat pageLuminance;
  cv::cvtColor(page, pageLuminance, cv::COLOR_BGR2GRAY);
  CHECK(cv::norm(printGray(page), pageLuminance, cv::NORM_INF) == 0);
}

TEST_CASE("miss (held-out set of session 35, fresh set of session 36): names stamped on skin photos are masked",
          "[misses][pipeline]") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): regression test skipped");
    return;
  }
  for (const StampedPhoto& p : stamps()) {
    INFO("name at " << p.name.x << "," << p.name.y << " " << p.name.width << "x" << p.name.height);
    const auto r = test::uncachedPipeline().analyze(test::encode(p.pixels, ".jpg"));
    REQUIRE(r.ok());
    CHECK(coverage(Box{p.name.x, p.name.y, p.name.width, p.name.height}, r.findings, true) >= 0.9);
  }
}

TEST_CASE("a portrait's refinement tiles outline no text on the face (hair, brows, folds read as nothing)",
          "[misses][pipeline]") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): regression test skipped");
    return;
  }
  struct Case {
    std::uint64_t seed;
    int index, w, h, quality;
  };
  for (const Case c : {Case{5153, 2, 3854, 2890, 49}, Case{3989, 18, 3928, 2946, 45}}) {
    INFO("corpus seed " << c.seed << " image " << c.index);
    std::string jpeg;
    test::corpusImage(synth::ImageKind::SkinFace, c.seed, c.index, c.w, c.h, c.quality, &jpeg);
    const auto r = test::uncachedPipeline().analyze(jpeg);
    REQUIRE(r.ok());
    for (const Finding& f : r.findings) {
      INFO(f.category << " '" << f.text << "' " << (f.box ? f.box->w : 0) << "x" << (f.box ? f.box->h : 0));
      CHECK(!(f.kind == Kind::Text && f.phi && f.box && std::min(f.box->w, f.box->h) > 200));
    }
  }
}
