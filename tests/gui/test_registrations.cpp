// GUI test of credential verification: a verifier sees the automatic checks, approves one registration and
// rejects another on the checklist's suggestion; the decisions and their evidence reach the server.
#include "desk_driver.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#include "medpics/api/platform_client.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include <cstdlib>

using namespace medpics;

namespace {
void run(const std::string& command) { REQUIRE(std::system(command.c_str()) == 0); }

// Waits for the open registration's checks and returns its suggested action.
creds::SuggestedAction checkedSuggestion(test::DeskDriver& driver) {
  REQUIRE(driver.waitUntil([&] { return driver.desk().registration && driver.desk().registration->checks; }, 90));
  return driver.desk().registration->checks->checklist.suggestion.action;
}
}  // namespace

TEST_CASE("a verifier approves a valid registration and rejects an invalid one from the checklist") {
  test::TempDir dir;
  // The RPPS directory of the demo, imported where the desk looks for it.
  const std::string bin = MEDPICS_BIN_DIR;
  setenv("MEDPICS_DATA", dir.path().c_str(), 1);
  run(bin + "/medpics registry generate --out " + (dir.path() / "extract.txt").string() + " --rows 3000 --demo-applicants > /dev/null");
  run(bin + "/medpics registry import " + (dir.path() / "extract.txt").string() + " > /dev/null 2>&1");

  test::ServerProcess server(dir.path() / "platform", {"--demo"});
  desk::AppOptions options;
  options.desk.serverUrl = server.url();
  options.desk.settingsPath = dir.path() / "settings.json";
  options.desk.username = "verif";
  options.desk.password = "verif-demo";  // automatic sign-in, as run-demo.sh does
  test::DeskDriver driver(options);
  REQUIRE(driver.waitUntil([&] { return driver.desk().session && !driver.desk().registrations.empty(); }));
  REQUIRE(driver.desk().tab == desk::Tab::Registrations);

  // Walk the queue until one registration of each kind has been decided.
  std::string approvedId, rejectedId, rejectedReason;
  for (int row = 0; row < 20 && (approvedId.empty() || rejectedId.empty()); ++row) {
    REQUIRE(driver.click("queue.row." + std::to_string(row)));
    const auto suggestion = checkedSuggestion(driver);
    const std::string id = driver.desk().registration->detail.id;
    if (suggestion == creds::SuggestedAction::Approve && approvedId.empty()) {
      driver.frames(2);
      driver.screenshot("registration-valid");
      const int before = driver.desk().decisionsSent;
      REQUIRE(driver.click("reg.approve"));
      REQUIRE(driver.waitUntil([&] { return driver.desk().decisionsSent == before + 1; }));
      approvedId = id;
    } else if (suggestion == creds::SuggestedAction::Reject && rejectedId.empty()) {
      driver.frames(2);
      driver.screenshot("registration-invalid");
      rejectedReason = driver.desk().registration->checks->checklist.suggestion.reasonCode;
      const int before = driver.desk().decisionsSent;
      driver.press(GLFW_KEY_S);  // apply the suggestion: opens the reject form with its reason
      REQUIRE(driver.desk().reject.open);
      driver.press(GLFW_KEY_ENTER);
      REQUIRE(driver.waitUntil([&] { return driver.desk().decisionsSent == before + 1; }));
      rejectedId = id;
    }
    if (driver.desk().registration && driver.desk().registration->detail.id == id) continue;
    row = -1;  // the desk moved to the next item itself; the queue changed: start from the top again
    REQUIRE(driver.waitUntil([&] { return !driver.desk().registrations.empty(); }));
  }
  REQUIRE(!approvedId.empty());
  REQUIRE(!rejectedId.empty());

  api::PlatformClient admin(server.url());
  REQUIRE(admin.login("admin", "admin-demo"));
  auto approved = admin.registration(approvedId);
  REQUIRE(approved);
  CHECK(approved->status == "approved");
  REQUIRE(approved->decision);
  auto full = admin.decision(approved->decision->decisionId);
  REQUIRE(full);
  CHECK(full->raw.at("checklist").size() >= 4);  // the evidence is stored with the decision
  auto rejected = admin.registration(rejectedId);
  REQUIRE(rejected);
  CHECK(rejected->status == "rejected");
  CHECK(rejected->decision->reasonCode == rejectedReason);
  unsetenv("MEDPICS_DATA");
}
