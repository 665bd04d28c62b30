// Benchmark: desk frame time at 1920x1080 with a 24 MP image, 200 regions and the masking preview, against the
// same frame without an image (run under xvfb-run; Mesa llvmpipe here).
#include "app.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

using namespace medpics;

namespace {
struct Stats {
  double median, p95;
};

Stats frameTimes(desk::App& app, int frames) {
  std::vector<double> ms;
  for (int i = 0; i < frames; ++i) {
    const auto start = std::chrono::steady_clock::now();
    app.frame();
    glFinish();  // count the GPU work of the frame, not just its submission
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[ms.size() * 95 / 100]};
}

void openPost(desk::App& app, cv::Size size, int regionCount) {
  auto& desk = app.desk();
  desk.session = api::Session{"t", "", api::User{"u", "modo", "Bench", {"moderator"}}};
  auto& post = desk.post.emplace();
  api::ImageRef ref;
  ref.id = "bench";
  post.images.emplace_back(ref);
  auto& image = post.images.back();
  auto bgr = std::make_shared<cv::Mat>(size, CV_8UC3);
  cv::randu(*bgr, 0, 255);
  cv::GaussianBlur(*bgr, *bgr, cv::Size(0, 0), 2);
  GLint maxTexture = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
  image.show(bgr, desk::gl::makeTiles(*bgr, maxTexture));
  image.analysis = desk::LoadedImage::Analysis::Done;
  cv::RNG rng(1);
  std::vector<mask::Region> regions;
  for (int i = 0; i < regionCount; ++i) {
    mask::Region r;
    r.shape = i % 5 == 0 ? mask::Shape::Ellipse : mask::Shape::Rect;
    r.box = {rng.uniform(0, size.width - 400), rng.uniform(0, size.height - 200), rng.uniform(40, 400), rng.uniform(20, 200)};
    r.style = i % 4 == 0 ? mask::Style::Mosaic : mask::Style::Solid;
    r.origin = mask::Origin::Auto;
    r.kind = i % 7 == 0 ? "face" : "text";
    regions.push_back(r);
  }
  image.regions.addMany(regions);
}
}  // namespace

int main() {
  desk::AppOptions options;
  options.width = 1920;
  options.height = 1080;
  options.waitForEvents = false;
  options.desk.settingsPath = std::filesystem::temp_directory_path() / "medpics-bench-settings.json";
  desk::App app;
  if (!app.init(options)) return 1;
  glfwSwapInterval(0);
  app.desk().session = api::Session{"t", "", api::User{"u", "modo", "Bench", {"moderator"}}};
  frameTimes(app, 20);  // warm-up
  const Stats reference = frameTimes(app, 200);

  const int regionCount = std::getenv("BENCH_REGIONS") ? std::atoi(std::getenv("BENCH_REGIONS")) : 200;
  openPost(app, {6000, 4000}, regionCount);
  frameTimes(app, 5);  // first frames build the preview textures and the block-mean atlas
  const Stats loaded = frameTimes(app, 200);
  app.desk().post->editor.preview = false;
  frameTimes(app, 5);
  const Stats outlines = frameTimes(app, 200);

  std::printf("frame 1920x1080, GL: %s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
  std::printf("reference (desk, no image)           median %6.2f ms  p95 %6.2f ms\n", reference.median, reference.p95);
  std::printf("24 MP image + 200 regions + preview  median %6.2f ms  p95 %6.2f ms  (%.2fx the reference)\n",
              loaded.median, loaded.p95, loaded.median / reference.median);
  std::printf("24 MP image + 200 regions, outlines  median %6.2f ms  p95 %6.2f ms  (%.2fx the reference)\n",
              outlines.median, outlines.p95, outlines.median / reference.median);
  return 0;
}
