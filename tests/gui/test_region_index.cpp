// The preview's region index is updated over the changed area only: same values as a full rebuild, same burn-in.
#include "desk_driver.hpp"
#include "views/desk_view.hpp"
#include "gl/region_index.hpp"
#include "support/temp_dir.hpp"

#include "medpics/mask/burn_in.hpp"

#include <glad/gl.h>

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

using namespace medpics;

namespace {
const cv::Size kSize(641, 479);  // not multiples of the coarse cell: partial cells at the edges

std::vector<mask::Region> someRegions() {
  cv::RNG rng(7);
  std::vector<mask::Region> regions;
  for (int i = 0; i < 40; ++i) {
    mask::Region r;
    r.shape = static_cast<mask::Shape>(i % 4);
    r.box = {rng.uniform(0, kSize.width - 90), rng.uniform(0, kSize.height - 70), rng.uniform(5, 90),
             rng.uniform(5, 70)};
    if (r.shape == mask::Shape::Polygon)
      r.points = {r.box.tl(), {r.box.x + r.box.width, r.box.y + 7}, {r.box.x + 3, r.box.y + r.box.height}};
    if (r.shape == mask::Shape::Brush) {
      r.brush = cv::Mat1b(r.box.size(), uchar(0));
      cv::circle(r.brush, {r.box.width / 2, r.box.height / 2}, std::min(r.box.width, r.box.height) / 2, 255,
                 cv::FILLED);
    }
    r.style = i % 3 == 0 ? mask::Style::Mosaic : mask::Style::Solid;
    r.state = i % 11 == 5 ? mask::State::Dismissed : mask::State::Accepted;
    regions.push_back(r);
  }
  return regions;
}

int differingOutside(const cv::Mat_<std::uint16_t>& a, const cv::Mat_<std::uint16_t>& b, cv::Rect inside) {
  cv::Mat1b differ = a != b;
  if (!inside.empty()) differ(inside).setTo(0);
  return cv::countNonZero(differ);
}

cv::Mat_<std::uint16_t> readIndexTexture(const desk::gl::Texture& texture) {
  cv::Mat_<std::uint16_t> pixels(texture.height(), texture.width());
  glBindTexture(GL_TEXTURE_2D, texture.id());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glGetTexImage(GL_TEXTURE_2D, 0, GL_RED_INTEGER, GL_UNSIGNED_SHORT, pixels.data);
  glBindTexture(GL_TEXTURE_2D, 0);
  return pixels;
}
}  // namespace

TEST_CASE("the changed coverage holds every pixel whose region index changes, and only edited regions") {
  review::RegionDocument doc(kSize);
  doc.addMany(someRegions());
  const cv::Rect whole({0, 0}, kSize);
  auto before = desk::gl::coverageSnapshot(doc.items());
  auto indexBefore = desk::gl::regionIndex(doc.items(), whole, kSize);

  SECTION("a move covers the old and the new bounds") {
    const int id = doc.items()[12].id;
    const cv::Rect old = doc.find(id)->region.bounds();
    doc.select(id);
    doc.moveSelected(23, -11);
    const cv::Rect changed = desk::gl::changedCoverage(before, doc.items(), kSize);
    CHECK(changed == (old | doc.find(id)->region.bounds()));
    const auto indexAfter = desk::gl::regionIndex(doc.items(), whole, kSize);
    CHECK(differingOutside(indexBefore, indexAfter, changed) == 0);
    CHECK(cv::countNonZero(desk::gl::regionIndex(doc.items(), changed, kSize) != indexAfter(changed)) == 0);
  }
  SECTION("a brush painted in place, a dismissal and a deletion") {
    const auto& brushItem = doc.items()[3];  // shape 3: brush
    REQUIRE(brushItem.region.shape == mask::Shape::Brush);
    mask::Region painted = brushItem.region;  // shares the pixels, as the brush tool's strokes do
    doc.beginGesture();
    cv::rectangle(painted.brush, {0, 0}, {3, 3}, 255, cv::FILLED);
    doc.gestureReplace(brushItem.id, painted);
    doc.endGesture();
    doc.select(doc.items()[20].id);
    doc.setStateSelected(mask::State::Dismissed);
    doc.select(doc.items()[30].id);
    doc.removeSelected();  // every later region moves down one position in the index
    const cv::Rect changed = desk::gl::changedCoverage(before, doc.items(), kSize);
    const auto indexAfter = desk::gl::regionIndex(doc.items(), whole, kSize);
    CHECK(cv::countNonZero(indexAfter != indexBefore) > 0);
    CHECK(differingOutside(indexBefore, indexAfter, changed) == 0);
    CHECK(cv::countNonZero(desk::gl::regionIndex(doc.items(), changed, kSize) != indexAfter(changed)) == 0);
  }
  SECTION("a style change does not touch the index") {
    doc.select(doc.items()[4].id);
    doc.setStyleSelected(mask::Style::Blur);
    CHECK(desk::gl::changedCoverage(before, doc.items(), kSize).empty());
  }
}

TEST_CASE("after a drag, undo and a dismissal the preview textures equal a full rebuild and the burn-in") {
  test::TempDir dir;
  test::DeskDriver driver(test::localDesk(dir.path()));
  REQUIRE(desk::deskView().maskPreview != nullptr);
  auto& preview = *desk::deskView().maskPreview;

  cv::Mat bgr(kSize, CV_8UC3);
  cv::RNG(3).fill(bgr, cv::RNG::UNIFORM, 0, 256);
  api::ImageRef ref;
  ref.id = "index";
  desk::LoadedImage image(ref);
  image.show(std::make_shared<cv::Mat>(bgr), desk::makeTiles(bgr, 16384));
  auto& doc = image.regions;
  doc.addMany(someRegions());
  preview.prepare(image);

  // A drag of one region, prepared at every step as the editor does at every frame.
  const int id = doc.items()[17].id;
  const mask::Region origin = doc.find(id)->region;
  doc.beginGesture();
  for (int step = 1; step <= 6; ++step) {
    doc.gestureReplace(id, doc.clampToImage(review::translated(origin, 9 * step, 5 * step)));
    preview.prepare(image);
  }
  doc.endGesture();
  doc.undo();
  preview.prepare(image);
  doc.select(doc.items()[2].id);
  doc.setStateSelected(mask::State::Dismissed);
  doc.select(doc.items()[25].id);
  doc.moveSelected(-40, 30);
  preview.prepare(image);

  const auto full = desk::gl::regionIndex(doc.items(), {{0, 0}, kSize}, kSize);
  CHECK(cv::countNonZero(readIndexTexture(desk::gpu(image).preview->index) != full) == 0);
  CHECK(cv::countNonZero(readIndexTexture(desk::gpu(image).preview->coarseIndex) !=
                         desk::gl::coarseRegionIndex(full, 4)) == 0);

  std::vector<mask::Region> regions;
  for (const auto& item : doc.items()) regions.push_back(item.region);
  cv::Mat cpu = bgr.clone();
  mask::burnIn(cpu, regions, image.maskSeed);
  const cv::Mat gpu = preview.renderOffscreen(image);
  cv::Mat diff;
  cv::absdiff(gpu, cpu, diff);
  CHECK(cv::countNonZero(diff.reshape(1)) == 0);
  driver.frames(1);
}
