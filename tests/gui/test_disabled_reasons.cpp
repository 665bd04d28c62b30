// Every disabled action says why: the reason in the disabled item's tooltip and on the status line beside it.
#include "desk_driver.hpp"
#include "i18n.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"
#include "visible_text.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

using namespace medpics;

namespace {
std::shared_ptr<cv::Mat> grey(int w, int h) { return std::make_shared<cv::Mat>(h, w, CV_8UC3, cv::Scalar::all(128)); }

// Lines drawn in the last frame that contain `text`.
int linesWith(const std::string& text) {
  int n = 0;
  for (const auto& line : test::visibleText()) n += line.text.find(text) != std::string::npos;
  return n;
}

void hover(test::DeskDriver& driver, const std::string& widget) {
  const auto r = desk::UiProbe::instance().rect(widget);
  REQUIRE(r);
  driver.moveTo(r->x + r->z / 2, r->y + r->w / 2);
  driver.frames(40);  // the tooltip delay
}
}  // namespace

TEST_CASE("disabled actions say why: reject form without a message, undo / redo, registration documents loading") {
  test::TempDir dir;
  auto options = test::localDesk(dir.path(), 1600, 900);
  options.desk.language = "fr";
  test::DeskDriver driver(options);
  auto& image = driver.openPostImage(grey(1200, 900));
  image.analysis = desk::LoadedImage::Analysis::Done;
  driver.frames(3);

  SECTION("undo and redo with nothing to do") {
    const std::string undo = desk::tr("blocked.nothing_to_undo"), redo = desk::tr("blocked.nothing_to_redo");
    CHECK(linesWith(undo) == 0);  // said only when the pointer asks
    hover(driver, "editor.undo");
    CHECK(linesWith(undo) == 2);  // the tooltip and the status line under the buttons
    hover(driver, "editor.redo");
    CHECK(linesWith(redo) == 2);
    CHECK(linesWith(undo) == 0);
  }

  SECTION("reject with the reason \"other\" and no message") {
    driver.press(GLFW_KEY_R);
    REQUIRE(desk::rejectFormOf(driver.desk()).open);
    driver.press(GLFW_KEY_5);  // "other": no prefilled message
    driver.frames(2);
    REQUIRE(desk::rejectFormOf(driver.desk()).message.empty());
    const std::string why = desk::tr("blocked.message_other");
    CHECK(desk::UiProbe::instance().rect("reject.why").has_value());
    CHECK(linesWith(why) == 1);  // the status line
    hover(driver, "reject.confirm");
    CHECK(linesWith(why) == 2);    // and the disabled button's tooltip
    driver.press(GLFW_KEY_ENTER);  // disabled: nothing is decided
    CHECK(desk::rejectFormOf(driver.desk()).open);
    desk::rejectFormOf(driver.desk()).message = "Doublon du cas d'hier";
    driver.frames(2);
    CHECK_FALSE(desk::UiProbe::instance().rect("reject.why").has_value());
    CHECK(linesWith(why) == 0);
  }

  SECTION("registration whose proof is still downloading") {
    auto& d = driver.desk();
    d.post.reset();
    d.session->user.roles = {"verifier"};  // the registrations tab is a verifier's
    d.tab = desk::Tab::Registrations;
    auto& reg = d.registration.emplace();
    reg.detail.id = "r-test";
    reg.detail.documentKinds = {"rpps_card"};
    api::ImageRef ref;
    ref.id = "doc";
    reg.documents.emplace_back(ref);  // Loading
    driver.frames(3);
    const std::string why = desk::tr("blocked.documents_loading");
    CHECK(desk::UiProbe::instance().rect("reg.why").has_value());
    CHECK(linesWith(why) == 1);
    hover(driver, "reg.approve");
    CHECK(linesWith(why) == 2);
    reg.documents[0].show(grey(400, 300), desk::gl::makeTiles(*grey(400, 300), 4096));
    driver.frames(3);
    CHECK_FALSE(desk::UiProbe::instance().rect("reg.why").has_value());
  }
}

TEST_CASE(
    "no bare \"Erreur\": the catalogue has no such entry, and failures of the checks and of publishing say what") {
  desk::setLanguage(desk::Language::French);
  CHECK(std::string(desk::tr("failure.checks")).find("vérifications automatiques") != std::string::npos);
  CHECK(std::string(desk::tr("failure.publication")).find("rien n'a été envoyé") != std::string::npos);
  CHECK_FALSE(desk::hasEntry("status.error"));  // the bare "Erreur" / "Error" entry is gone
}
