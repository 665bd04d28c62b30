// GUI test: after a moderator approves a post with PHI (burned-in name and IPP, caption with a name) and a verifier
// approves a registration (names, RPPS number), the desk's folder holds none of those texts and no image bytes.
#include "desk_driver.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

#include "medpics/creds/registration.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

using namespace medpics;

namespace {
desk::AppOptions signedIn(const test::ServerProcess& server, const std::filesystem::path& deskDir,
                          const std::string& user) {
  desk::AppOptions options;
  options.desk.serverUrl = server.url();
  options.desk.username = user;
  options.desk.password = user + "-demo";  // automatic sign-in
  options.desk.settingsPath = deskDir / "settings.json";
  options.desk.language = "fr";
  options.width = 1600;
  options.height = 900;
  return options;
}

// Every file under `dir` that contains `needle` (SQLite pages, WAL, settings, imgui.ini...).
std::vector<std::string> filesContaining(const std::filesystem::path& dir, const std::string& needle) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)), {});
    if (data.find(needle) != std::string::npos) found.push_back(entry.path().filename().string());
  }
  return found;
}
}  // namespace

TEST_CASE("no patient or applicant text at rest: the desk's folder after a session holds none, nor image bytes") {
  test::TempDir serverDir, deskDir;
  test::ServerProcess server(serverDir.path(), {"--demo"});
  std::set<std::string> phi;  // what the session saw and must not have written
  {
    test::DeskDriver driver(signedIn(server, deskDir.path(), "modo"));
    auto& desk = driver.desk();
    REQUIRE(driver.waitUntil([&] { return desk.session.has_value() && !desk.posts.empty(); }));
    REQUIRE(driver.click("queue.row.0"));  // the radiograph with a burned-in name, birth date and IPP
    REQUIRE(driver.waitUntil(
        [&] {
          return desk.post && desk.post->state.leaseHeld() &&
                 desk.post->images[0].analysis == desk::LoadedImage::Analysis::Done;
        },
        120));
    const auto& post = *desk.post;
    for (const auto& span : post.captionSpans)
      phi.insert(post.detail.caption.substr(span.begin, span.end - span.begin));
    for (const auto& img : post.images)
      for (const auto& item : img.regions.items())
        if (item.region.masks() && item.region.text.size() >= 6) phi.insert(item.region.text);
    REQUIRE(phi.size() >= 3);  // the caption's name and date, the OCR'd name / IPP: the scan has something to find
    driver.press(GLFW_KEY_A);  // final review
    driver.press(GLFW_KEY_A);  // approve
    REQUIRE(driver.waitUntil([&] { return desk.decisionsSent == 1; }, 180));
  }
  {
    test::DeskDriver driver(signedIn(server, deskDir.path(), "verif"));
    auto& desk = driver.desk();
    REQUIRE(driver.waitUntil([&] { return desk.session.has_value() && !desk.registrations.empty(); }));
    REQUIRE(driver.click("queue.row.0"));
    REQUIRE(driver.waitUntil([&] { return desk.registration && desk.registration->checks; }, 90));
    const auto& applicant = desk.registration->detail.applicant;
    for (const std::string* text : {&applicant.lastName, &applicant.firstName, &applicant.email, &applicant.rpps,
                                    &applicant.adeli, &applicant.ordreNumber, &applicant.ine})
      if (text->size() >= 4) phi.insert(*text);
    // The personal parameters of the checks' facts (names, identifiers, text read on the proof) stay in memory.
    bool evidence = false;
    for (const auto& item : desk.registration->checks->checklist.items)
      for (const auto& f : item.facts)
        for (const auto& p : f.params)
          if (p.personal && p.value.size() >= 6) evidence = true, phi.insert(p.value);
    REQUIRE(evidence);
    desk.decideRegistration("request_info", "", "Merci d'envoyer une copie lisible de votre carte.");
    REQUIRE(driver.waitUntil([&] { return desk.decisionsSent == 1; }, 60));
  }
  REQUIRE(std::filesystem::exists(deskDir.path() / "outbox-modo.db"));
  REQUIRE(std::filesystem::exists(deskDir.path() / "outbox-verif.db"));
  for (const auto& text : phi) {
    INFO(text);
    const auto found = filesContaining(deskDir.path(), text);
    INFO((found.empty() ? std::string() : found.front()));
    CHECK(found.empty());
  }
  for (const auto& [magic, name] :
       {std::pair{std::string("\xFF\xD8\xFF", 3), "JPEG"}, std::pair{std::string("\x89PNG\r\n\x1A\n", 8), "PNG"}}) {
    INFO(name);
    CHECK(filesContaining(deskDir.path(), magic).empty());
  }
}
