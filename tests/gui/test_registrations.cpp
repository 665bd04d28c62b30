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
  run(bin + "/medpics registry generate --out " + (dir.path() / "extract.txt").string() +
      " --rows 3000 --demo-applicants > /dev/null");
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
      REQUIRE(desk::rejectFormOf(driver.desk()).open);
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

// Walks the registrations queue (clicking rows) until one with the suggested `action` is open; false if none.
bool openWithSuggestion(test::DeskDriver& driver, creds::SuggestedAction action) {
  const int rows = static_cast<int>(driver.desk().registrations.size());
  for (int row = 0; row < rows; ++row) {
    if (!driver.click("queue.row." + std::to_string(row))) return false;
    if (checkedSuggestion(driver) == action) return true;
  }
  return false;
}

TEST_CASE(
    "registrations: request-info form of its own with the suggested reason, approving against the suggestion "
    "asks why (kept in the evidence), the next item opens") {
  test::TempDir dir;
  setenv("MEDPICS_DATA", dir.path().c_str(), 1);  // no RPPS directory imported: the checks cannot confirm presence
  test::ServerProcess server(dir.path() / "platform", {"--demo"});
  desk::AppOptions options;
  options.desk.serverUrl = server.url();
  options.desk.settingsPath = dir.path() / "settings.json";
  options.desk.username = "verif";
  options.desk.password = "verif-demo";
  options.width = 1366;
  options.height = 768;
  test::DeskDriver driver(options);
  desk::Desk& d = driver.desk();
  REQUIRE(driver.waitUntil([&] { return d.session && !d.registrations.empty(); }));

  // A request-info suggestion: S opens the request-info form (its own title and reasons), with the reason that
  // matches the suggestion, never "1. Identifiant invalide".
  REQUIRE(openWithSuggestion(driver, creds::SuggestedAction::RequestInfo));
  const std::string suggestedReason = d.registration->checks->checklist.suggestion.reasonCode;
  driver.press(GLFW_KEY_S);
  REQUIRE(desk::rejectFormOf(d).open);
  CHECK(desk::rejectFormOf(d).kind == desk::RejectForm::Kind::RequestInfo);
  const auto& codes = desk::Desk::requestInfoReasonCodes();
  const std::string chosen = codes.at(static_cast<size_t>(desk::rejectFormOf(d).reason));
  CHECK(chosen == (suggestedReason.empty() ? std::string("other") : suggestedReason));
  CHECK(desk::rejectFormOf(d).message == desk::Desk::defaultRequestMessage(chosen));
  driver.frames(2);
  // Every reason is on screen whole, inside the window.
  for (size_t i = 0; i < codes.size(); ++i) {
    const auto r = desk::UiProbe::instance().rect("reject.reason." + std::to_string(i));
    REQUIRE(r);
    CHECK(r->x + r->z <= 1366);
  }
  driver.screenshot("registration-request-info-1366");
  driver.press(GLFW_KEY_ESCAPE);
  REQUIRE_FALSE(desk::rejectFormOf(d).open);

  // The reject form lists the seven reasons without cutting the last one.
  driver.press(GLFW_KEY_R);
  REQUIRE(desk::rejectFormOf(d).open);
  CHECK(desk::rejectFormOf(d).kind == desk::RejectForm::Kind::Reject);
  driver.frames(2);
  const auto seventh = desk::UiProbe::instance().rect("reject.reason.6");
  REQUIRE(seventh);
  CHECK(seventh->x + seventh->z <= 1366);
  driver.screenshot("registration-reject-1366");
  driver.press(GLFW_KEY_ESCAPE);

  // Approving against the suggestion asks for a reason first; it is recorded in the decision's evidence.
  const std::string id = d.registration->detail.id;
  std::string following;  // the item after it in the queue
  for (size_t i = 0; i + 1 < d.registrations.size(); ++i)
    if (d.registrations[i].id == id) following = d.registrations[i + 1].id;
  const int before = d.decisionsSent;
  driver.press(GLFW_KEY_A);
  REQUIRE(desk::rejectFormOf(d).open);
  CHECK(desk::rejectFormOf(d).kind == desk::RejectForm::Kind::ApproveOverride);
  driver.frames(2);
  CHECK(d.decisionsQueued == 0);  // nothing decided yet
  const std::string note = "Carte vue en visioconference";
  driver.type(note);
  driver.press(GLFW_KEY_ENTER);
  REQUIRE(driver.waitUntil([&] { return d.decisionsSent == before + 1; }));
  // The next item of the queue opened, not the top of the queue.
  if (!following.empty()) {
    REQUIRE(driver.waitUntil([&] { return d.registration.has_value(); }));
    CHECK(d.registration->detail.id == following);
  }
  api::PlatformClient admin(server.url());
  REQUIRE(admin.login("admin", "admin-demo"));
  auto decided = admin.registration(id);
  REQUIRE(decided);
  CHECK(decided->status == "approved");
  auto full = admin.decision(decided->decision->decisionId);
  REQUIRE(full);
  CHECK(full->raw.value("note", "") == note);
  unsetenv("MEDPICS_DATA");
}
