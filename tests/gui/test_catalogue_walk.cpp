// GUI test: walks every screen and dialog in French, then in English, and fails on any visible word that is neither
// in the active language's catalogue nor data (names, titles, ids, text read); it is shown to catch an injected string.
#include "catalogue_check.hpp"
#include "desk_driver.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include <cstdlib>

using namespace medpics;

namespace {

struct Walk {
  desk::Language language;
  std::string suffix;  // screenshot names
  std::vector<std::string> offenders;
  std::vector<std::string> screens;

  // Looks at the current frame as `screen`: data words of the desk allowed, everything else from the catalogue.
  void look(test::DeskDriver& driver, const std::string& screen) {
    driver.frames(3);
    test::CatalogueCheck check(language);
    check.allowDeskData(driver.desk());
    for (auto& o : check.offenders(screen)) offenders.push_back(std::move(o));
    screens.push_back(screen);
    driver.screenshot("walk-" + screen + "-" + suffix);
  }
};

desk::AppOptions options(const test::ServerProcess& server, const std::filesystem::path& dir, desk::Language language,
                         const std::string& user) {
  desk::AppOptions o;
  o.desk.serverUrl = server.url();
  o.desk.settingsPath = dir / ("settings-" + user + ".json");
  o.desk.dataDir = dir;
  o.desk.language = language == desk::Language::French ? "fr" : "en";
  if (!user.empty()) {
    o.desk.username = user;
    o.desk.password = user + "-demo";
  }
  o.width = 1366;
  o.height = 768;
  return o;
}

void toggle(test::DeskDriver& driver, int key, bool ctrl = false) {
  driver.press(key, ctrl);
  driver.frames(2);
}

void walkLogin(Walk& walk, const test::ServerProcess& server, const std::filesystem::path& dir) {
  test::DeskDriver driver(options(server, dir, walk.language, ""));
  REQUIRE(driver.waitUntil([] { return desk::UiProbe::instance().rect("login.submit").has_value(); }, 10));
  walk.look(driver, "login");
  REQUIRE(driver.click("login.user"));
  driver.type("modo");
  REQUIRE(driver.click("login.password"));
  driver.type("wrong-password");
  REQUIRE(driver.click("login.submit"));
  REQUIRE(driver.waitUntil([&] { return !driver.desk().loggingIn; }, 20));
  walk.look(driver, "login-failed");
}

void walkPosts(Walk& walk, const test::ServerProcess& server, const std::filesystem::path& dir) {
  test::DeskDriver driver(options(server, dir, walk.language, "modo"));
  auto& d = driver.desk();
  REQUIRE(driver.waitUntil([&] { return d.session && !d.posts.empty(); }, 30));
  walk.look(driver, "queue");
  REQUIRE(driver.click("queue.row.0"));
  REQUIRE(driver.waitUntil(
      [&] {
        return d.post && d.post->state.leaseHeld() && !d.post->state.content().captionPending &&
               !d.post->images.empty() && d.post->images[0].analysis == desk::LoadedImage::Analysis::Done;
      },
      180));
  walk.look(driver, "post-review");
  toggle(driver, GLFW_KEY_R);
  REQUIRE(desk::rejectFormOf(d).open);
  walk.look(driver, "reject-form");
  toggle(driver, GLFW_KEY_ESCAPE);
  REQUIRE(driver.click("post.approve"));  // the final review of the published pixels
  REQUIRE(desk::editorOf(d).finalReview);
  walk.look(driver, "final-review");
  toggle(driver, GLFW_KEY_ESCAPE);
  REQUIRE_FALSE(desk::editorOf(d).finalReview);
  toggle(driver, GLFW_KEY_F1);
  REQUIRE(desk::deskView().panels.help);
  walk.look(driver, "help");
  toggle(driver, GLFW_KEY_F1);
  toggle(driver, GLFW_KEY_COMMA, true);
  REQUIRE(desk::deskView().panels.settings);
  walk.look(driver, "settings");
  toggle(driver, GLFW_KEY_COMMA, true);
  // An approval (A, A): the outbox, its notification, then the history of its regions (kinds, categories,
  // styles) and the statistics that show it.
  REQUIRE(driver.click("post.approve"));
  REQUIRE(desk::editorOf(d).finalReview);
  REQUIRE(driver.click("post.approve"));
  REQUIRE(driver.waitUntil([&] { return d.decisionsSent == 1; }, 120));
  walk.look(driver, "after-decision");
  toggle(driver, GLFW_KEY_H, true);
  REQUIRE(driver.waitUntil([&] { return !d.history.loading && !d.history.entries.empty(); }, 30));
  REQUIRE(driver.click("history.row.0"));
  REQUIRE(driver.waitUntil([&] { return !d.history.evidenceLoading && d.history.evidence.has_value(); }, 30));
  walk.look(driver, "history-post");
  toggle(driver, GLFW_KEY_H, true);
  toggle(driver, GLFW_KEY_T, true);
  REQUIRE(driver.waitUntil([&] { return !d.stats.loading; }, 30));
  walk.look(driver, "statistics");
  toggle(driver, GLFW_KEY_T, true);
}

void walkRegistrations(Walk& walk, const test::ServerProcess& server, const std::filesystem::path& dir) {
  test::DeskDriver driver(options(server, dir, walk.language, "verif"));
  auto& d = driver.desk();
  REQUIRE(driver.waitUntil([&] { return d.session && !d.registrations.empty(); }, 30));
  REQUIRE(driver.click("queue.row.0"));
  REQUIRE(driver.waitUntil([&] { return d.registration && d.registration->checks; }, 180));
  walk.look(driver, "registration");
  toggle(driver, GLFW_KEY_I);
  REQUIRE(desk::rejectFormOf(d).open);
  walk.look(driver, "request-info-form");
  driver.press(GLFW_KEY_ENTER);
  REQUIRE(driver.waitUntil([&] { return d.decisionsSent == 1; }, 60));
  toggle(driver, GLFW_KEY_H, true);
  REQUIRE(driver.waitUntil([&] { return !d.history.loading && !d.history.entries.empty(); }, 30));
  REQUIRE(driver.click("history.row.0"));
  REQUIRE(driver.waitUntil([&] { return !d.history.evidenceLoading && d.history.evidence.has_value(); }, 30));
  walk.look(driver, "history-registration");
}

void walkAll(desk::Language language, const std::string& suffix) {
  test::TempDir dir;
  const std::string bin = MEDPICS_BIN_DIR;
  setenv("MEDPICS_DATA", dir.path().c_str(), 1);  // the demo RPPS directory, where the desk looks for it
  REQUIRE(std::system((bin + "/medpics registry generate --out " + (dir.path() / "extract.txt").string() +
                       " --rows 2000 --demo-applicants > /dev/null")
                          .c_str()) == 0);
  REQUIRE(std::system((bin + "/medpics registry import " + (dir.path() / "extract.txt").string() + " > /dev/null 2>&1")
                          .c_str()) == 0);
  test::ServerProcess server(dir.path() / "platform", {"--demo"});
  Walk walk{language, suffix, {}, {}};
  walkLogin(walk, server, dir.path());
  walkPosts(walk, server, dir.path());
  walkRegistrations(walk, server, dir.path());
  for (const auto& o : walk.offenders) UNSCOPED_INFO(o);
  CHECK(walk.offenders.empty());
  CHECK(walk.screens.size() == 14);
}

}  // namespace

TEST_CASE("catalogue walk: every screen and dialog in French shows only catalogue text and data") {
  walkAll(desk::Language::French, "fr");
}

TEST_CASE("catalogue walk: every screen and dialog in English shows only catalogue text and data") {
  walkAll(desk::Language::English, "en");
}

TEST_CASE("catalogue walk: a string outside the catalogue is caught, in French and in English") {
  test::TempDir dir;
  test::ServerProcess server(dir.path() / "platform", {"--demo"});
  for (const auto language : {desk::Language::French, desk::Language::English}) {
    test::DeskDriver driver(options(server, dir.path(), language, "modo"));
    auto& d = driver.desk();
    REQUIRE(driver.waitUntil([&] { return d.session && !d.posts.empty(); }, 30));
    Walk clean{language, "clean", {}, {}};
    clean.look(driver, "queue");
    for (const auto& o : clean.offenders) UNSCOPED_INFO(o);
    CHECK(clean.offenders.empty());
    // A text that bypasses the catalogue, as a view that formats its own sentence would.
    d.notify(false, language == desk::Language::French ? "Decision queued, retrying soon"
                                                       : "Décision envoyée à la plateforme");
    Walk injected{language, "injected", {}, {}};
    injected.look(driver, "queue");
    for (const auto& o : injected.offenders) UNSCOPED_INFO(o);
    // Caught, and nothing else: the notice may wrap on two lines in a narrow panel (one offender per line).
    REQUIRE_FALSE(injected.offenders.empty());
    CHECK(injected.offenders.size() <= 2);
    const std::string injectedText =
        language == desk::Language::French ? "decision queued, retrying soon" : "décision envoyée à la plateforme";
    for (const auto& o : injected.offenders) {
      std::string words = o.substr(o.find('[') + 1);
      words = words.substr(0, words.find(']'));
      for (std::size_t at = 0; at < words.size();) {  // each offending word comes from the injected text
        const std::size_t end = std::min(words.find(", ", at), words.size());
        CHECK(injectedText.find(words.substr(at, end - at)) != std::string::npos);
        at = end + 2;
      }
    }
    // French spacing before a colon in English is caught too.
    if (language == desk::Language::English) {
      d.notify(false, std::string(desk::tr("post.caption")) + " :");
      Walk spacing{language, "spacing", {}, {}};
      spacing.look(driver, "queue");
      CHECK_FALSE(spacing.offenders.empty());
    }
  }
}
