// The corpus's face photographs show no face beyond the one listed in the ground truth.
#include "medpics/demo/generator.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>

using namespace medpics;

TEST_CASE("synth: every face a composited photograph shows is in the ground truth", "[synth][detect][faces]") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): face photo test skipped");
    return;
  }
  const auto photos = synth::availableFacePhotos();
  if (photos.empty()) {
    WARN("no face photograph on this machine (opencv-doc)");
    return;
  }
  detect::PipelineOptions options;
  options.text = options.codes = options.tattoos = options.metadata = false;
  options.cacheEntries = 0;
  detect::Pipeline pipeline(options);
  test::started(pipeline);
  // The generator enlarges a photograph up to ~3x (group photos, portraits on a large canvas): a face the
  // truth does not list (a crowd behind the subject) would then be found and counted as a false alarm.
  for (const auto& photo : photos) {
    for (const double k : {1.0, 2.5}) {
      INFO(photo.path << " x" << k);
      cv::Mat img = cv::imread(photo.path);
      REQUIRE_FALSE(img.empty());
      cv::resize(img, img, {}, k, k, k > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
      const cv::Rect listed(int(photo.face.x * k), int(photo.face.y * k), int(photo.face.width * k),
                            int(photo.face.height * k));
      const auto result = pipeline.analyzeImage(img);
      REQUIRE(result.ok());
      int listedFound = 0;
      for (const auto& f : result.findings) {
        if (f.kind != detect::Kind::Face || !f.box) continue;
        const cv::Rect box(f.box->x, f.box->y, f.box->w, f.box->h);
        INFO("face finding " << box << " " << f.detector);
        CHECK((box & listed).area() > 0);
        listedFound += (box & listed).area() > 0 ? 1 : 0;
      }
      CHECK(listedFound >= 1);
    }
  }
}
