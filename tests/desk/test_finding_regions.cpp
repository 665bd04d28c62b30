// Findings of an analysis become the image's regions: masked or dismissed, polygons for turned lines.
#include "controller/finding_regions.hpp"
#include "settings.hpp"

#include "medpics/mask/burn_in.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace medpics;

namespace {
detect::Finding textFinding(const char* category, bool phi, cv::Rect box) {
  detect::Finding f;
  f.kind = detect::Kind::Text;
  f.category = category;
  f.phi = phi;
  f.box = detect::Box{box.x, box.y, box.width, box.height};
  return f;
}
}  // namespace

TEST_CASE("findings become regions: PHI masked, benign dismissed, metadata left out, turned lines as polygons") {
  const cv::RotatedRect line({700, 400}, {1200, 40}, -2.5f);  // a long header line turned by 2.5 degrees
  cv::Point2f corners[4];
  line.points(corners);
  detect::Finding turned = textFinding("name", true, line.boundingRect());
  for (const auto& p : corners) turned.polygon.push_back({int(std::lround(p.x)), int(std::lround(p.y))});
  detect::Finding metadata;
  metadata.kind = detect::Kind::Metadata;
  metadata.category = "gps";
  const std::vector<detect::Finding> findings = {turned, textFinding("benign", false, {10, 10, 80, 20}), metadata};

  desk::Settings settings;
  const auto regions = desk::regionsFromFindings(findings, settings);
  REQUIRE(regions.size() == 2);
  CHECK(regions[0].state == mask::State::Accepted);
  CHECK(regions[0].origin == mask::Origin::Auto);
  CHECK(regions[0].shape == mask::Shape::Polygon);
  CHECK(regions[1].state == mask::State::Dismissed);
  CHECK(regions[1].shape == mask::Shape::Rect);
  // the mask is the line: the rows 60 px above and below it stay visible
  const cv::Mat1b hidden = mask::coverage({1400, 800}, {regions[0]});
  CHECK(cv::countNonZero(hidden) == Approx(line.size.area()).epsilon(0.05));
  CHECK(cv::countNonZero(hidden) < 0.6 * line.boundingRect().area());
  CHECK(hidden(400, 700) == 255);
  CHECK(hidden(340, 700) == 0);
  CHECK(hidden(460, 700) == 0);
}
