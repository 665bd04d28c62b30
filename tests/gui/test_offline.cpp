// GUI test of the connection state: the platform stops, the header says offline with the pending count, the errors
// are worded from the catalogue (technical detail behind "Details"), a prefetched post is still decided and its
// decision waits in the outbox; the platform comes back on the same address and everything is sent.
#include "desk_driver.hpp"
#include "i18n.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"
#include "visible_text.hpp"

#include "medpics/api/platform_client.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

using namespace medpics;

namespace {
bool showsText(const std::string& text) {
  for (const auto& line : test::visibleText())
    if (line.text.find(text) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE(
    "offline: the header says so with the pending decisions, a prefetched post is decided, all is sent on return") {
  test::TempDir dir;
  test::ServerProcess server(dir.path() / "platform", {"--demo"});
  desk::AppOptions options;
  options.desk.serverUrl = server.url();
  options.desk.username = "modo";
  options.desk.password = "modo-demo";
  options.desk.settingsPath = dir.path() / "settings.json";
  options.desk.language = "fr";
  options.width = 1366;
  options.height = 768;
  test::DeskDriver driver(options);
  auto& d = driver.desk();
  REQUIRE(driver.waitUntil([&] { return d.session && d.posts.size() >= 3; }, 30));
  REQUIRE(driver.click("queue.row.0"));
  const std::string first = d.posts.front().id;
  REQUIRE(driver.waitUntil([&] { return d.post && d.post->detail.id == first && d.post->state.leaseHeld(); }, 60));
  // The next post is prepared in the background (downloaded and analysed) before the platform goes away.
  REQUIRE(driver.waitUntil(
      [&] { return !d.prefetchProgress.empty() && d.prefetchProgress.front().stage == work::PrefetchStage::Ready; },
      240));
  const std::string second = d.prefetchProgress.front().id;
  driver.frames(2);
  CHECK(desk::UiProbe::instance().rect("status.connected").has_value());
  CHECK_FALSE(d.offline);

  server.stop();
  driver.press(GLFW_KEY_F5);  // refresh: fails on the network
  REQUIRE(driver.waitUntil([&] { return d.offline; }, 30));
  driver.frames(3);
  // The error's main line is the catalogue's; the transport's own English is only behind "Détails".
  bool worded = false;
  for (const auto& n : d.notifications) {
    if (!n.error) continue;
    INFO(n.text << " | " << n.detail);
    CHECK(n.text == std::string(desk::tr("failure.queue")) + desk::colon() + desk::tr("failure.unreachable"));
    CHECK_FALSE(n.detail.empty());
    worded = true;
  }
  CHECK(worded);
  REQUIRE(desk::UiProbe::instance().rect("status.offline").has_value());
  CHECK(showsText("Hors ligne — 0 décisions en attente"));

  // The open post (leased before) is rejected: the decision waits in the outbox.
  driver.press(GLFW_KEY_R);
  driver.frames(2);
  REQUIRE(desk::rejectFormOf(d).open);
  driver.press(GLFW_KEY_ENTER);
  REQUIRE(driver.waitUntil([&] { return d.outboxCounts.pending == 1; }, 10));
  // The desk moves on to the prefetched post; it has no lease (the platform is away) but can be decided offline.
  REQUIRE(driver.waitUntil([&] { return d.post && d.post->detail.id == second; }, 30));
  CHECK_FALSE(d.post->state.leaseHeld());
  driver.frames(3);
  CHECK(showsText(desk::tr("post.offline_decide")));
  driver.screenshot("offline-prefetched-post");
  driver.press(GLFW_KEY_R);
  driver.frames(2);
  REQUIRE(desk::rejectFormOf(d).open);
  driver.press(GLFW_KEY_ENTER);
  REQUIRE(driver.waitUntil([&] { return d.outboxCounts.pending == 2; }, 10));
  driver.frames(3);
  CHECK(showsText("Hors ligne — 2 décisions en attente"));
  driver.screenshot("offline-header");
  CHECK(d.decisionsSent == 0);

  server.restartOnSamePort();
  REQUIRE(driver.waitUntil([&] { return d.decisionsSent == 2; }, 90));
  REQUIRE(driver.waitUntil([&] { return !d.offline; }, 10));
  driver.frames(3);
  CHECK(desk::UiProbe::instance().rect("status.connected").has_value());
  CHECK(d.outboxCounts.pending == 0);

  api::PlatformClient admin(server.url());
  REQUIRE(admin.login("admin", "admin-demo"));
  for (const std::string& id : {first, second}) {
    auto decided = admin.post(id);
    REQUIRE(decided);
    CHECK(decided->status == "rejected");
  }
}
