// The post view of an image whose turned header line is masked along its outline (look at the screenshot).
#include "controller/finding_regions.hpp"
#include "desk_driver.hpp"
#include "views/desk_view.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace medpics;

TEST_CASE("a turned header line is masked along its outline in the post view, the rows around it stay visible") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path(), 1366, 768));
  // three header rows of an ECG turned by 2.5 degrees (drawn as outlined bars); the middle one is PHI
  auto page = std::make_shared<cv::Mat>(800, 1400, CV_8UC3, cv::Scalar(225, 225, 250));
  const cv::RotatedRect line({700, 400}, {1200, 40}, -2.5f);
  cv::Point2f corners[4];
  line.points(corners);
  for (int row = -1; row <= 1; ++row)
    for (int i = 0; i < 4; ++i)
      cv::line(*page, corners[i] + cv::Point2f(0, 60.f * row), corners[(i + 1) % 4] + cv::Point2f(0, 60.f * row),
               cv::Scalar::all(row ? 120 : 20), 3);
  auto& image = driver.openPostImage(page);
  detect::Finding f;
  f.kind = detect::Kind::Text;
  f.category = "name";
  f.phi = true;
  const cv::Rect box = line.boundingRect();
  f.box = detect::Box{box.x, box.y, box.width, box.height};
  for (const auto& p : corners) f.polygon.push_back({int(std::lround(p.x)), int(std::lround(p.y))});
  image.regions.addMany(desk::regionsFromFindings({f}, driver.desk().settings));
  image.analysis = desk::LoadedImage::Analysis::Done;
  driver.frames(6);
  const std::string shot = driver.screenshot("turned_line_masked");
  REQUIRE(image.regions.items().size() == 1);
  CHECK(image.regions.items().front().region.shape == mask::Shape::Polygon);
  // on screen: the middle of the line is masked (solid black), the rows 60 px above and below it are not
  const cv::Mat screen = cv::imread(shot, cv::IMREAD_GRAYSCALE);
  REQUIRE(!screen.empty());
  const auto at = [&](double x, double y) {
    const auto p = desk::viewOf(image).transform.toScreen({x, y});
    return int(screen.at<uchar>(int(std::lround(p.y)), int(std::lround(p.x))));
  };
  CHECK(at(700, 400) < 40);
  CHECK(at(700, 340) > 150);  // inside the row above: the page
  CHECK(at(700, 460) > 150);
}
