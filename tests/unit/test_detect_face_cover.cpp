// Unit tests of face_cover: unread text inside a masked head is not a second region; marks on its shoulders are to
// check.
#include "medpics/detect/face_cover.hpp"
#include "medpics/detect/text_context.hpp"

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

TEST_CASE("unread text inside a face's head box is dropped, read PHI and text outside stay", "[detect][rules]") {
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

// Seeds 1129, 5501, 9109 (session 12): every false tattoo of the person photos lay on the ear, hair, collar or jacket
// of a face found at 0.9 or more; the false faces of tattoo photos (one detector at 0.5) keep their tattoos masked.
TEST_CASE("tattoo beside a sure face is to check, beside an unsure face or away from faces it stays masked",
          "[detect][rules]") {
  auto face = [](int x, int y, int w, int h, float confidence) {
    Finding f = at(Kind::Face, x, y, w, h, "face");
    f.confidence = confidence;
    return f;
  };
  std::vector<Finding> findings{face(500, 300, 200, 240, 0.99f),
                                at(Kind::Tattoo, 520, 560, 150, 100, "tattoo"),    // collar below
                                at(Kind::Tattoo, 720, 350, 60, 120, "tattoo"),     // ear beside
                                at(Kind::Tattoo, 1400, 900, 200, 200, "tattoo")};  // far away
  reviewBesideSureFaces(findings);
  CHECK(findings[1].category == kToCheckCategory);
  CHECK_FALSE(findings[1].phi);
  CHECK_FALSE(findings[2].phi);
  CHECK(findings[3].phi);
  CHECK(findings[3].category == "tattoo");
  std::vector<Finding> unsure{face(500, 300, 200, 240, 0.52f), at(Kind::Tattoo, 520, 560, 150, 100, "tattoo")};
  reviewBesideSureFaces(unsure);
  CHECK(unsure[1].phi);
}

// Seeds 8086, 5501, 857 (session 12): the false face boxes of person photos are one detector at 0.45-0.58, a third of
// the sure face's width or less, on its shoulders (a button, a fold of the neck).
TEST_CASE("a small weak face on a sure face's shoulders is to check, group faces and agreed faces stay masked",
          "[detect][rules]") {
  auto face = [](int x, int y, int w, int h, float confidence, std::string detector) {
    Finding f = at(Kind::Face, x, y, w, h, "face");
    f.confidence = confidence;
    f.detector = std::move(detector);
    return f;
  };
  std::vector<Finding> findings{face(441, 981, 1242, 1490, 0.99f, "blazeface+dlib-hog+haar-profile"),
                                face(1598, 2291, 139, 166, 0.49f, "blazeface"),           // a button below
                                face(1700, 1100, 700, 840, 0.55f, "blazeface"),           // over half as wide: a person
                                face(1620, 2200, 140, 170, 0.55f, "blazeface+dlib-hog"),  // two detectors agree
                                face(3600, 300, 120, 140, 0.50f, "blazeface")};           // far from the face
  reviewBesideSureFaces(findings);
  CHECK_FALSE(findings[1].phi);
  CHECK(findings[1].category == kToCheckCategory);
  CHECK(findings[2].phi);
  CHECK(findings[3].phi);
  CHECK(findings[4].phi);
  CHECK(findings[0].phi);
}
