// Face swarms over a texture (withoutTextureSwarm) and an inverted ECG's grid, which is no code: false alarms of an
// independent set (session 32).
#include "medpics/detect/codes.hpp"
#include "medpics/detect/faces.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

using namespace medpics;
using namespace medpics::detect;

namespace {

Finding faceAt(const cv::Rect& r, float confidence, const std::string& detector = "blazeface") {
  Finding f;
  f.kind = Kind::Face;
  f.category = "face";
  f.phi = true;
  f.box = Box{r.x, r.y, r.width, r.height};
  f.confidence = confidence;
  f.detector = detector;
  return f;
}

// Ten head boxes of 300 x 360 px spread over a 1224 x 1633 image (a swarm's), at 0.45-0.72.
std::vector<Finding> tenHeads() {
  std::vector<Finding> faces;
  for (int i = 0; i < 10; ++i)
    faces.push_back(faceAt({60 + (i % 3) * 380, 40 + (i / 3) * 390, 300, 360}, 0.45f + 0.03f * float(i)));
  return faces;
}

// Ten small heads of 100 x 120 px in two rows (a group photo's), at 0.45-0.72.
std::vector<Finding> groupHeads() {
  std::vector<Finding> faces;
  for (int i = 0; i < 10; ++i)
    faces.push_back(faceAt({100 + (i % 5) * 200, 300 + (i / 5) * 160, 100, 120}, 0.45f + 0.03f * float(i)));
  return faces;
}

// A head drawn in a box: dark hair over a light face with dark eyes and mouth, on a pale wall.
void drawHead(cv::Mat& img, const cv::Rect& r) {
  cv::rectangle(img, r, cv::Scalar(200, 205, 210), cv::FILLED);
  const cv::Point c(r.x + r.width / 2, r.y + r.height / 2);
  cv::ellipse(img, c - cv::Point(0, r.height / 6), {r.width / 3, r.height / 4}, 0, 0, 360, cv::Scalar(30, 35, 45), -1);
  cv::ellipse(img, c, {r.width / 4, r.height / 3}, 0, 0, 360, cv::Scalar(150, 175, 220), -1);
  for (int side : {-1, 1})
    cv::circle(img, c + cv::Point(side * r.width / 9, -r.height / 12), 3, cv::Scalar::all(20), -1);
  cv::ellipse(img, c + cv::Point(0, r.height / 6), {r.width / 10, 3}, 0, 0, 360, cv::Scalar(60, 60, 140), -1);
}

}  // namespace

TEST_CASE("face swarm: on a close-up of skin, single-detector boxes with its own colours are dropped from four on") {
  cv::RNG rng(5);
  const cv::Mat skin = test::mottledSkin({1224, 1633}, {1100, 1480}, {90, 60}, rng);  // the wound beside the boxes
  // ten boxes on mottled skin (BlazeFace gave 17-29 at 0.45-0.77 on such close-ups): all go
  CHECK(withoutTextureSwarm(tenHeads(), skin).empty());
  // three are no swarm: kept, whatever they hold
  auto three = tenHeads();
  three.resize(3);
  CHECK(withoutTextureSwarm(three, skin).size() == 3);
  // a sure box, and a box two detectors agree on, stay in a swarm
  auto mixed = tenHeads();
  mixed[0].confidence = 0.95f;
  mixed[1].detector = "blazeface+hog";
  const auto kept = withoutTextureSwarm(mixed, skin);
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].confidence == Approx(0.95f));
  CHECK(kept[1].detector == "blazeface+hog");
  // a group photo: ten small heads of 0.45-0.72 on the same skin, each holding hair, eyes and a wall: all stay
  cv::Mat group = skin.clone();
  for (const auto& f : groupHeads()) drawHead(group, {f.box->x, f.box->y, f.box->w, f.box->h});
  CHECK(withoutTextureSwarm(groupHeads(), group).size() == 10);
  // a crowd filling the frame: each head looks like the image, but the image is no close-up of skin: all stay
  cv::Mat crowd = skin.clone();
  for (const auto& f : tenHeads()) drawHead(crowd, {f.box->x, f.box->y, f.box->w, f.box->h});
  CHECK(withoutTextureSwarm(tenHeads(), crowd).size() == 10);
}

TEST_CASE("face swarm: a close-up of mottled skin shows no face") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): test skipped");
    return;
  }
  // a 1224 x 1633 photo of mottled skin with a wound, JPEG q70: BlazeFace swarms over the blotches
  cv::RNG rng(11);
  const cv::Mat skin = test::mottledSkin({1224, 1633}, {560, 900}, {180, 110}, rng);
  const FaceDetector faces;
  const auto raw = faces.detect(skin);
  INFO(raw.size() << " raw face boxes");
  const auto result = test::uncachedPipeline().analyze(test::encode(skin, ".jpg"));
  REQUIRE(result.ok());
  CHECK(std::none_of(result.findings.begin(), result.findings.end(),
                     [](const Finding& f) { return f.kind == Kind::Face && f.phi; }));
  CHECK(raw.size() >= 8);  // the swarm the rule takes away (the test is void without it)
}

TEST_CASE("codes: the grid of an inverted ECG, turned, is no code") {
  // pink ECG paper inverted: dark teal with 1 px grid lines every 20 px (brighter every 100 px) and three light
  // traces, 4000 x 3000 turned 1.5 degrees, JPEG q63. On the independent set's such ECG its cells were 31 square
  // "unreadable codes" (150 x 140 px, the dark class of each 93-97 %) and its lines beside the traces 5 undecodable
  // "bars"; on this drawing the tree before found the lines along the right edge as bars (58 x 1596 px)
  cv::Mat ecg(3000, 4000, CV_8UC3, cv::Scalar(19, 19, 0));
  for (int x = 0; x < ecg.cols; x += 20)
    cv::line(ecg, {x, 0}, {x, ecg.rows}, x % 100 ? cv::Scalar(75, 75, 10) : cv::Scalar(135, 135, 25), 1);
  for (int y = 0; y < ecg.rows; y += 20)
    cv::line(ecg, {0, y}, {ecg.cols, y}, y % 100 ? cv::Scalar(75, 75, 10) : cv::Scalar(135, 135, 25), 1);
  for (int row = 0; row < 3; ++row) {
    const int y0 = int(3000 * (0.2 + 0.22 * row));
    std::vector<cv::Point> trace;
    for (int x = 0; x < ecg.cols; x += 3) {
      const double phase = (x % 180) / 180.0;
      trace.emplace_back(x, y0 + (phase > 0.30 && phase < 0.33 ? -40 : (phase > 0.36 && phase < 0.40 ? 12 : 0)));
    }
    cv::polylines(ecg, trace, false, cv::Scalar::all(245), 2);
  }
  const cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(2000, 1500), 1.5, 1.0);
  cv::Mat turned;
  cv::warpAffine(ecg, turned, m, ecg.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  std::vector<uchar> buf;
  cv::imencode(".jpg", turned, buf, {cv::IMWRITE_JPEG_QUALITY, 63});
  const auto codes = detectCodes(cv::imdecode(buf, cv::IMREAD_COLOR));
  for (const auto& c : codes) UNSCOPED_INFO(c.category << " " << c.detector << " " << c.box->x << "," << c.box->y);
  CHECK(codes.empty());
}
