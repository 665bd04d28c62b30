// GPU preview ↔ CPU burn-in: the preview shader rendered offscreen at 1:1 equals mask::burnIn pixel for pixel.
#include "desk_driver.hpp"
#include "views/desk_view.hpp"
#include "support/temp_dir.hpp"

#include "medpics/mask/burn_in.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <fstream>

using namespace medpics;

namespace {
desk::LoadedImage loadedImage(const cv::Mat& bgr) {
  api::ImageRef ref;
  ref.id = "test";
  desk::LoadedImage image(ref);
  image.show(std::make_shared<cv::Mat>(bgr.clone()), desk::makeTiles(bgr, 16384));
  image.maskSeed = 0xC0FFEEu;
  return image;
}

mask::Region region(mask::Shape shape, cv::Rect box, mask::Style style) {
  mask::Region r;
  r.shape = shape;
  r.box = box;
  r.style = style;
  return r;
}
}  // namespace

TEST_CASE("the preview shader equals the CPU burn-in for solid and mosaic at 1:1") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path()));
  REQUIRE(desk::deskView().maskPreview != nullptr);

  cv::Mat bgr(613, 997, CV_8UC3);  // odd sizes: partial blocks at the edges
  cv::RNG rng(42);
  rng.fill(bgr, cv::RNG::UNIFORM, 0, 256);
  cv::GaussianBlur(bgr, bgr, cv::Size(0, 0), 3);
  desk::LoadedImage image = loadedImage(bgr);

  std::vector<mask::Region> regions = {
      region(mask::Shape::Rect, {10, 12, 200, 31}, mask::Style::Solid),
      region(mask::Shape::Rect, {300, 100, 250, 300}, mask::Style::Mosaic),    // block 38
      region(mask::Shape::Ellipse, {620, 40, 301, 181}, mask::Style::Mosaic),  // block 23
      region(mask::Shape::Ellipse, {700, 400, 120, 90}, mask::Style::Solid),
      region(mask::Shape::Rect, {950, 580, 47, 33}, mask::Style::Mosaic),  // touches the image edge
  };
  mask::Region poly;
  poly.shape = mask::Shape::Polygon;
  poly.points = {{40, 300}, {250, 320}, {120, 560}};
  poly.style = mask::Style::Mosaic;
  regions.push_back(poly);
  mask::Region overlap = region(mask::Shape::Rect, {500, 350, 80, 80}, mask::Style::Solid);  // on top of a mosaic
  regions.push_back(overlap);
  image.regions.addMany(regions);

  const cv::Mat gpu = desk::deskView().maskPreview->renderOffscreen(image);
  REQUIRE(gpu.size() == bgr.size());
  cv::Mat cpu = bgr.clone();
  mask::burnIn(cpu, regions, image.maskSeed);

  cv::Mat diff;
  cv::absdiff(gpu, cpu, diff);
  const int differing = cv::countNonZero(diff.reshape(1));
  if (differing) {
    cv::imwrite(std::string(MEDPICS_ARTIFACT_DIR) + "/preview-gpu.png", gpu);
    cv::imwrite(std::string(MEDPICS_ARTIFACT_DIR) + "/preview-cpu.png", cpu);
  }
  CHECK(differing == 0);
  // And the preview did mask: the solid region is black, the mosaic differs from the original.
  CHECK(gpu.at<cv::Vec3b>(20, 50) == cv::Vec3b(0, 0, 0));
  CHECK(cv::norm(gpu(cv::Rect(300, 100, 250, 300)), bgr(cv::Rect(300, 100, 250, 300)), cv::NORM_L1) > 0);
  driver.frames(1);
}

TEST_CASE("a shader that does not compile is reported in the UI and the desk keeps working") {
  test::TempDir dir;
  const auto shaders = dir.path() / "shaders";
  std::filesystem::create_directories(shaders);
  for (const char* name : {"quad.vert", "block_mean.frag"})
    std::filesystem::copy_file(std::string(MEDPICS_SHADER_DIR) + "/" + name, shaders / name);
  std::ofstream(shaders / "mask_preview.frag")
      << "#version 330 core\nout vec4 c;\nvoid main() { c = undefined_thing; }\n";
  desk::AppOptions options;
  options.desk.settingsPath = dir.path() / "settings.json";
  options.shaderDir = shaders.string();
  test::DeskDriver driver(options);
  CHECK(desk::deskView().maskPreview == nullptr);
  CHECK(desk::deskView().shaderError.find("fragment") != std::string::npos);
  driver.desk().session = api::Session{"t", "", api::User{"u", "modo", "Test", {"moderator"}}};
  auto& post = driver.desk().post.emplace();
  cv::Mat bgr(200, 300, CV_8UC3, cv::Scalar(10, 200, 30));
  post.images.push_back(loadedImage(bgr));
  driver.frames(3);  // the editor draws outlines without the preview
  driver.screenshot("shader-error");
  driver.desk().post.reset();
  driver.frames(1);
}
