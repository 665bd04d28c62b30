// Screenshot golden tests: the editor with a deterministic image and regions matches tests/gui/goldens within a
// tolerance.
#include "desk_driver.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>
#include <filesystem>

using namespace medpics;

namespace {
const std::string kGoldens = std::string(MEDPICS_SOURCE_DIR) + "/tests/gui/goldens";

// Per-channel tolerance and a maximum share of differing pixels (fonts and AA are fixed, llvmpipe is deterministic).
void compareWithGolden(const std::string& shotPath, const std::string& name) {
  const std::string golden = kGoldens + "/" + name + ".png";
  const cv::Mat shot = cv::imread(shotPath);
  REQUIRE(!shot.empty());
  if (std::getenv("MEDPICS_UPDATE_GOLDENS")) {
    std::filesystem::create_directories(kGoldens);
    cv::imwrite(golden, shot);
  }
  const cv::Mat expected = cv::imread(golden);
  INFO("golden " << golden << " (regenerate with MEDPICS_UPDATE_GOLDENS=1)");
  REQUIRE(!expected.empty());
  REQUIRE(expected.size() == shot.size());
  cv::Mat diff, channelMax;
  cv::absdiff(shot, expected, diff);
  cv::Mat planes[3];
  cv::split(diff, planes);
  channelMax = cv::max(cv::max(planes[0], planes[1]), planes[2]);
  const int differing = cv::countNonZero(channelMax > 24);
  if (differing > 0) cv::imwrite(std::string(MEDPICS_ARTIFACT_DIR) + "/" + name + "-diff.png", diff * 4);
  CHECK(static_cast<std::size_t>(differing) <= shot.total() / 500);  // at most 0.2 % of the pixels
}
}  // namespace

TEST_CASE("the region editor screen matches its golden") {
  test::TempDir dir;
  desk::AppOptions options;
  options.desk.settingsPath = dir.path() / "settings.json";
  options.desk.language = "fr";
  test::DeskDriver driver(options);
  auto& desk = driver.desk();
  desk.session = api::Session{"t", "", api::User{"u", "modo", "Camille Moderatrice", {"moderator"}}};
  auto& post = desk.post.emplace();
  post.detail.id = "golden";
  post.detail.caption = "Plaie de l'avant-bras à J5 — cas de démonstration";
  post.detail.kind = "photo";
  post.detail.author.displayName = "Dr Léa Martin";
  api::ImageRef ref;
  ref.id = "golden-image";
  post.images.emplace_back(ref);
  auto& image = post.images.back();
  // A deterministic picture: gradient, shapes and text.
  auto bgr = std::make_shared<cv::Mat>(600, 900, CV_8UC3);
  for (int y = 0; y < bgr->rows; ++y)
    for (int x = 0; x < bgr->cols; ++x) bgr->at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x / 4), uchar(y / 3), uchar(120));
  cv::circle(*bgr, {450, 300}, 120, {40, 160, 220}, cv::FILLED);
  cv::putText(*bgr, "DUPONT Jean 12/03/1961", {40, 60}, cv::FONT_HERSHEY_SIMPLEX, 1.1, {255, 255, 255}, 2);
  image.show(bgr, desk::makeTiles(*bgr, 16384));
  image.maskSeed = 1234;
  image.analysis = desk::LoadedImage::Analysis::Done;
  mask::Region name;
  name.box = {36, 30, 420, 40};
  name.origin = mask::Origin::Auto;
  name.kind = "text";
  name.category = "name";
  name.text = "DUPONT Jean 12/03/1961";
  name.confidence = 0.93;
  mask::Region face;
  face.shape = mask::Shape::Ellipse;
  face.box = {360, 200, 180, 200};
  face.style = mask::Style::Mosaic;
  face.origin = mask::Origin::Auto;
  face.kind = "face";
  face.category = "face";
  face.confidence = 0.88;
  mask::Region benign;
  benign.box = {700, 540, 150, 40};
  benign.origin = mask::Origin::Auto;
  benign.state = mask::State::Dismissed;
  benign.kind = "text";
  benign.category = "benign";
  benign.text = "L";
  image.regions.addMany({name, face, benign});
  image.regions.select(image.regions.items()[1].id);
  driver.frames(6);
  compareWithGolden(driver.screenshot("golden-editor"), "editor");
  desk.post.reset();
  driver.frames(1);
}
