// Helpers shared by the detection unit tests: rendered text images, encoding, model presence.
#pragma once
#include "medpics/demo/corpus.hpp"
#include "medpics/demo/generator.hpp"
#include "medpics/demo/types.hpp"
#include "medpics/detect/evaluation.hpp"
#include "medpics/detect/models.hpp"
#include "medpics/detect/pipeline.hpp"
#include "medpics/demo/text.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace medpics::test {

// A light page (or a dark radiograph when `inverted`) with one line of text per entry; returns the ink boxes.
inline cv::Mat renderLines(const std::vector<std::string>& lines, int glyphPx, bool inverted,
                           std::vector<cv::Rect>* boxes = nullptr, cv::Size size = {1000, 700}) {
  cv::Mat img(size, CV_8UC3, inverted ? cv::Scalar::all(15) : cv::Scalar::all(235));
  const cv::Scalar ink = inverted ? cv::Scalar::all(235) : cv::Scalar::all(20);
  int y = glyphPx * 2;
  for (const auto& line : lines) {
    const cv::Rect r = synth::threadTextRenderer().draw(img, line, {glyphPx, y}, glyphPx, ink);
    if (boxes) boxes->push_back(r);
    y += glyphPx * 2;
  }
  return img;
}

// The image `index` of `medpics corpus --seed corpusSeed` before its JPEG pass, turned as the corpus turned it; its
// kind and size are those the corpus drew (a test naming others is wrong: std::logic_error).
inline synth::SynthImage corpusImage(synth::ImageKind kind, std::uint64_t corpusSeed, int index, int w, int h) {
  detect::CorpusOptions o;
  o.seed = corpusSeed;
  o.count = index + 1;
  const detect::CorpusDraw d = detect::corpusDraws(o).back();
  if (d.kind != kind || d.width != w || d.height != h)
    throw std::logic_error("not image " + std::to_string(index) + " of corpus seed " + std::to_string(corpusSeed));
  return detect::corpusImage(o, d, index);
}

// The same image after the corpus' JPEG pass at `quality` (the "jpeg_quality" of its ground truth), as JPEG bytes
// for the pipeline and decoded in `pixels`.
inline synth::SynthImage corpusImage(synth::ImageKind kind, std::uint64_t corpusSeed, int index, int w, int h,
                                     int quality, std::string* jpeg = nullptr) {
  synth::SynthImage img = corpusImage(kind, corpusSeed, index, w, h);
  std::vector<uchar> buf;
  cv::imencode(".jpg", img.pixels, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
  img.pixels = cv::imdecode(buf, cv::IMREAD_COLOR);
  if (jpeg) jpeg->assign(buf.begin(), buf.end());
  return img;
}

// A text finding at a box, for the rule tests.
inline detect::Finding textFinding(int x, int y, int w, int h, std::string text, std::string category, bool phi,
                                   float confidence = 0.f) {
  detect::Finding f;
  f.kind = detect::Kind::Text;
  f.box = detect::Box{x, y, w, h};
  f.text = std::move(text);
  f.category = std::move(category);
  f.phi = phi;
  f.confidence = confidence;
  return f;
}

// What the published image hides of a drawn element (its turned outline when it has one), as `medpics evaluate`
// scores it.
// The drawn outline of an element in whole pixels, as the corpus JSON stores it (empty while it is upright).
inline std::vector<std::array<int, 2>> truthOutline(const synth::Element& e) {
  std::vector<std::array<int, 2>> outline;
  for (const auto& p : e.outline) outline.push_back({int(std::lround(p.x)), int(std::lround(p.y))});
  return outline;
}

inline double maskedFraction(const synth::Element& e, const std::vector<detect::Finding>& findings) {
  return detect::coverage(detect::Box{e.box.x, e.box.y, e.box.width, e.box.height}, findings, true, truthOutline(e));
}

inline std::string encode(const cv::Mat& img, const std::string& ext = ".png") {
  std::vector<uchar> buf;
  cv::imencode(ext, img, buf);
  return std::string(buf.begin(), buf.end());
}

// A test's process-lifetime pipeline, its models loaded (see Pipeline: none may still be loading at exit).
inline detect::Pipeline& started(detect::Pipeline& pipeline) {
  pipeline.startup();
  return pipeline;
}

// One pipeline per test binary, without its result cache (regression images are analysed once each), started.
inline detect::Pipeline& uncachedPipeline() {
  static detect::Pipeline p([] {
    detect::PipelineOptions o;
    o.cacheEntries = 0;
    return o;
  }());
  return started(p);
}

inline bool modelsPresent() {
  return !detect::findModel(detect::kBlazeFaceModel).empty() && !detect::findModel(detect::kTextDbModel).empty();
}

// A photo of mottled skin: grey noise at 1/16 of its size enlarged (BGR spread 18, 22, 30 about 120, 150, 200),
// a dark wound (an ellipse; empty axes: none) and a speckle of 6 levels.
inline cv::Mat mottledSkin(cv::Size size, cv::Point wound, cv::Size woundAxes, cv::RNG& rng) {
  cv::Mat grey(size.height / 16 + 1, size.width / 16 + 1, CV_32F), noise, skin;
  rng.fill(grey, cv::RNG::NORMAL, 0.0, 1.0);
  cv::merge(std::vector<cv::Mat>{grey, grey, grey}, noise);
  noise = noise.mul(cv::Scalar(18, 22, 30)) + cv::Scalar(120, 150, 200);
  cv::resize(noise, skin, size, 0, 0, cv::INTER_CUBIC);
  if (!woundAxes.empty()) cv::ellipse(skin, wound, woundAxes, 10, 0, 360, cv::Scalar(60, 60, 150), -1);
  cv::Mat speckle(size, CV_32FC3);
  rng.fill(speckle, cv::RNG::NORMAL, 0.0, 6.0);
  cv::Mat photo;
  cv::Mat(skin + speckle).convertTo(photo, CV_8UC3);
  return photo;
}

inline const char* kFacePhoto = "/usr/share/doc/opencv-doc/examples/data/messi5.jpg";

}  // namespace medpics::test
