// Benchmark: desk frame time at 1920x1080 with a 24 MP image, 200 regions and the masking preview, against the
// same frame without an image (run under xvfb-run; Mesa llvmpipe here): static frames, pan / zoom frames (the
// cached image layer is redrawn every frame) and frames of a region drag (the region index changes every frame).
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
#include <functional>
#include <vector>

using namespace medpics;

namespace {
struct Stats {
  double median, p95;
};

// Times `frames` frames; `before` runs ahead of each frame (outside the timing), e.g. to pan the view.
Stats frameTimes(desk::App& app, int frames, const std::function<void(int)>& before = {}) {
  std::vector<double> ms;
  for (int i = 0; i < frames; ++i) {
    if (before) before(i);
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
  image.show(bgr, desk::makeTiles(*bgr, maxTexture));
  image.analysis = desk::LoadedImage::Analysis::Done;
  cv::RNG rng(1);
  std::vector<mask::Region> regions;
  for (int i = 0; i < regionCount; ++i) {
    mask::Region r;
    r.shape = i % 5 == 0 ? mask::Shape::Ellipse : mask::Shape::Rect;
    r.box = {rng.uniform(0, size.width - 400), rng.uniform(0, size.height - 200), rng.uniform(40, 400),
             rng.uniform(20, 200)};
    r.style = i % 4 == 0 ? mask::Style::Mosaic : mask::Style::Solid;
    r.origin = mask::Origin::Auto;
    r.kind = i % 7 == 0 ? "face" : "text";
    regions.push_back(r);
  }
  image.regions.addMany(regions);
}

void print(const char* label, Stats s, Stats reference) {
  std::printf("%-44s median %6.2f ms  p95 %6.2f ms  (%.2fx the reference)\n", label, s.median, s.p95,
              s.median / reference.median);
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
  auto& post = *app.desk().post;
  auto& image = post.images.front();
  frameTimes(app, 5);                               // first frames build the preview textures and the block-mean atlas
  auto& transform = desk::viewOf(image).transform;  // the image's pan / zoom, held by the view layer
  const auto layerRenders = [&] { return desk::gpu(image).layer ? desk::gpu(image).layer->renders() : 0; };
  int renders = layerRenders();
  const Stats still = frameTimes(app, 200);
  const int stillRenders = layerRenders() - renders;

  // Panning: the view moves every frame (back and forth, so the image stays in view).
  const Stats pan = frameTimes(app, 100, [&](int i) { transform.pan({i % 2 ? -9.0 : 9.0, i % 2 ? -5.0 : 5.0}); });
  // Zooming about the canvas centre, in and out alternately (continuous factors below 1:1, as the wheel gives).
  const auto centre = view::Vec2{transform.viewportOrigin().x + transform.viewportSize().x / 2,
                                 transform.viewportOrigin().y + transform.viewportSize().y / 2};
  const Stats zoom = frameTimes(app, 100, [&](int i) { transform.zoomAt(i % 2 ? 1 / 1.1 : 1.1, centre); });
  transform.fit();
  frameTimes(app, 3);

  // A region drag: the selected region moves by a few pixels every frame, inside one gesture (as the mouse does).
  Stats drag{0, 0}, prepare{0, 0};
  if (!image.regions.items().empty()) {
    const auto& item = image.regions.items()[image.regions.items().size() / 2];
    const int id = item.id;
    const mask::Region origin = item.region;
    image.regions.select(id);
    image.regions.beginGesture();
    drag = frameTimes(app, 100, [&](int i) {
      image.regions.gestureReplace(id,
                                   image.regions.clampToImage(review::translated(origin, 3 * (i % 20), 2 * (i % 20))));
    });
    image.regions.endGesture();
    // The preview's part of it alone: MaskPreview::prepare (region index update and upload) for the same drag.
    std::vector<double> ms;
    image.regions.beginGesture();
    for (int i = 0; i < 60; ++i) {
      image.regions.gestureReplace(id,
                                   image.regions.clampToImage(review::translated(origin, 3 * (i % 20), 2 * (i % 20))));
      const auto start = std::chrono::steady_clock::now();
      app.maskPreview().prepare(image);
      glFinish();
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    image.regions.endGesture();
    std::sort(ms.begin(), ms.end());
    prepare = {ms[ms.size() / 2], ms[ms.size() * 95 / 100]};
    image.regions.clearSelection();
  }
  frameTimes(app, 3);

  desk::editorOf(app.desk()).preview = false;
  frameTimes(app, 5);
  renders = layerRenders();
  const Stats outlines = frameTimes(app, 200);
  const int outlineRenders = layerRenders() - renders;

  std::printf("frame 1920x1080, GL: %s, %d regions\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)),
              regionCount);
  std::printf("%-44s median %6.2f ms  p95 %6.2f ms\n", "reference (desk, no image)", reference.median, reference.p95);
  print("24 MP + regions + preview, still", still, reference);
  print("24 MP + regions + preview, panning", pan, reference);
  print("24 MP + regions + preview, zooming", zoom, reference);
  if (regionCount > 0) {
    print("24 MP + regions + preview, dragging a region", drag, reference);
    std::printf("%-44s median %6.2f ms  p95 %6.2f ms\n", "  region index update alone, per drag step", prepare.median,
                prepare.p95);
  }
  print("24 MP + regions, outlines only, still", outlines, reference);
  std::printf("canvas layer drawn again during the 200 still frames: %d with the preview, %d outlines only\n",
              stillRenders, outlineRenders);
  return 0;
}
