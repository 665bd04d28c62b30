// Unit tests of dropUnreadTextUnderFaces: unread text inside a masked head is not a second region.
#include "medpics/detect/face_cover.hpp"

#include <catch2/catch.hpp>

using namespace medpics::detect;

namespace {
Finding at(Kind kind, int x, int y, int w, int h, std::string category, std::string text = {}) {
  Finding f;
  f.kind = kind;
  f.box = Box{x, y, w, h};
  f.category = std::move(category);
  f.text = std::move(text);
  f.phi = true;
  return f;
}
}  // namespace

TEST_CASE("unread text inside a face's head box is dropped; read PHI and text outside stay", "[detect][rules]") {
  std::vector<Finding> f = {
      at(Kind::Face, 200, 600, 950, 1150, "face"),                // the masked head
      at(Kind::Text, 930, 680, 100, 120, "other-text", "QE"),     // garbage read on the hair: dropped
      at(Kind::Text, 560, 590, 320, 210, "other-text", ""),       // 90 % inside, read as nothing: dropped
      at(Kind::Text, 400, 1500, 300, 60, "name", "DUPONT Jean"),  // a name read on a badge: kept
      at(Kind::Text, 1100, 1700, 300, 100, "other-text", "x~"),   // mostly outside the head: kept
      at(Kind::Tattoo, 500, 900, 100, 100, "tattoo"),             // other kinds are not touched
      at(Kind::Text, 2000, 300, 200, 40, "other-text", "Wvw"),    // far from any face: kept
  };
  dropUnreadTextUnderFaces(f);
  REQUIRE(f.size() == 5);
  CHECK(f[0].kind == Kind::Face);
  CHECK(f[1].text == "DUPONT Jean");
  CHECK(f[2].text == "x~");
  CHECK(f[3].kind == Kind::Tattoo);
  CHECK(f[4].text == "Wvw");
  // without a face nothing is dropped
  std::vector<Finding> none = {at(Kind::Text, 930, 680, 100, 120, "other-text", "QE")};
  dropUnreadTextUnderFaces(none);
  CHECK(none.size() == 1);
}
