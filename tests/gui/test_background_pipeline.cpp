// GUI tests of the background pipeline: the next post is ready with its findings the frame after a decision, the
// outbox shows pending / sent per decision (also across a server outage), and no image bytes reach the disk.
#include "desk_driver.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

using namespace medpics;

namespace {
desk::AppOptions optionsFor(const test::ServerProcess& server, const std::filesystem::path& deskDir) {
  desk::AppOptions options;
  options.desk.serverUrl = server.url();
  options.desk.username = "modo";
  options.desk.password = "modo-demo";  // auto-login
  options.desk.settingsPath = deskDir / "settings.json";
  options.desk.language = "fr";
  options.width = 1600;
  options.height = 900;
  return options;
}

// Image file signatures anywhere in a file (also inside SQLite pages): JPEG, PNG, WebP, TIFF (both byte orders).
std::vector<std::string> imageSignatures(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(in)), {});
  std::vector<std::string> found;
  auto has = [&](const std::string& magic, const char* name) {
    if (data.find(magic) != std::string::npos) found.push_back(file.filename().string() + ": " + name);
  };
  has(std::string("\xFF\xD8\xFF", 3), "JPEG");
  has(std::string("\x89PNG\r\n\x1A\n", 8), "PNG");
  has(std::string("II*\0", 4), "TIFF");
  has(std::string("MM\0*", 4), "TIFF");
  for (std::size_t at = data.find("RIFF"); at != std::string::npos; at = data.find("RIFF", at + 1))
    if (data.compare(at + 8, 4, "WEBP") == 0) found.push_back(file.filename().string() + ": WebP");
  return found;
}

std::vector<std::string> scanForImages(const std::filesystem::path& dir) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      for (auto& s : imageSignatures(entry.path())) found.push_back(std::move(s));
  return found;
}
}  // namespace

TEST_CASE("after a decision the next post is there with its findings in the next frame, and the outbox shows states") {
  test::TempDir serverDir, deskDir;
  test::ServerProcess server(serverDir.path(), {"--demo-small"});
  {
    test::DeskDriver driver(optionsFor(server, deskDir.path()));
    auto& desk = driver.desk();
    REQUIRE(driver.waitUntil([&] { return desk.session.has_value() && !desk.posts.empty(); }));
    REQUIRE(driver.click("queue.row.0"));
    REQUIRE(driver.waitUntil(
        [&] {
          return desk.post && desk.post->state.leaseHeld() &&
                 desk.post->images[0].analysis == desk::LoadedImage::Analysis::Done;
        },
        120));
    const std::string first = desk.post->detail.id;
    // Meanwhile the following posts are downloaded, decoded and analysed in the background.
    REQUIRE(driver.waitUntil(
        [&] { return !desk.prefetchProgress.empty() && desk.prefetchProgress[0].stage == work::PrefetchStage::Ready; },
        180));
    const std::string second = desk.prefetchProgress[0].id;
    driver.frames(2);
    driver.screenshot("pipeline-prefetching");

    desk.rejectPost("poor_quality", desk::Desk::defaultRejectMessage("poor_quality"));
    CHECK(desk.decisionsQueued == 1);   // journalled at once
    CHECK(desk.post->state.sending());  // no second decision on it
    // The next frame shows the next post, from the prefetch cache, decoded and analysed.
    driver.frames(1);
    REQUIRE(desk.post.has_value());
    CHECK(desk.post->detail.id == second);
    CHECK(desk.openedFromPrefetch);
    CHECK(desk.post->images[0].status == desk::LoadedImage::Status::Ready);
    CHECK(desk.post->images[0].analysis == desk::LoadedImage::Analysis::Done);
    CHECK_FALSE(desk.post->images[0].regions.items().empty());
    REQUIRE_FALSE(desk.outboxEntries.empty());
    CHECK(desk.outboxEntries[0].subjectId == first);
    driver.screenshot("pipeline-next-post-next-frame");
    REQUIRE(driver.waitUntil([&] { return desk.decisionsSent == 1 && desk.post->state.leaseHeld(); }, 30));
    CHECK(desk.outboxEntries[0].state == work::OutboxState::Sent);

    // The server goes away: the decision stays pending in the journal, retried with backoff, shown as such.
    const int port = server.port();
    server.stop();
    desk.rejectPost("duplicate", desk::Desk::defaultRejectMessage("duplicate"));
    REQUIRE(driver.waitUntil([&] { return desk.outboxEntries.at(0).attempts >= 2; }, 30));
    CHECK(desk.outboxEntries[0].state == work::OutboxState::Pending);
    CHECK(desk.outboxCounts.pending == 1);
    driver.frames(2);
    driver.screenshot("pipeline-outbox-pending");
    test::ServerProcess again(serverDir.path(), {"--port", std::to_string(port)});
    REQUIRE(driver.waitUntil([&] { return desk.decisionsSent == 2; }, 60));
    CHECK(desk.outboxCounts.pending == 0);
    CHECK(desk.outboxCounts.sent == 2);
    driver.frames(2);
    driver.screenshot("pipeline-outbox-sent");
    again.stop();
  }
  // No patient pixels at rest: the desk's folder (settings, journal with its WAL) holds no image signature.
  CHECK(std::filesystem::exists(deskDir.path() / "outbox-modo.db"));
  const auto found = scanForImages(deskDir.path());
  INFO((found.empty() ? std::string() : found.front()));
  CHECK(found.empty());
  // The scan itself finds what it looks for.
  std::ofstream(deskDir.path() / "planted.bin", std::ios::binary) << std::string("xx\x89PNG\r\n\x1A\nyy", 12);
  CHECK(scanForImages(deskDir.path()).size() == 1);
}
