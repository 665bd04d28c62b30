// On the registration proof, the text the checks read (identifier, names, expiry...) is outlined, and clicking a
// check line pans and zooms the document to it.
#include "desk_driver.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace medpics;

TEST_CASE("proof outlines: what the checks read is outlined on the document, a check line shows where") {
  test::TempDir dir;
  test::ServerProcess server(dir.path() / "platform", {"--demo"});
  desk::AppOptions options;
  options.width = 1600;
  options.height = 900;
  options.desk.serverUrl = server.url();
  options.desk.settingsPath = dir.path() / "settings.json";
  options.desk.language = "fr";
  options.desk.username = "verif";
  options.desk.password = "verif-demo";
  test::DeskDriver driver(options);
  desk::Desk& d = driver.desk();
  REQUIRE(driver.waitUntil([&] { return d.session && !d.registrations.empty(); }));

  std::set<std::string> outlinedChecks;  // over the registrations walked
  bool shown = false;
  for (int row = 0; row < 6 && !shown; ++row) {
    REQUIRE(driver.click("queue.row." + std::to_string(row)));
    REQUIRE(driver.waitUntil([&] { return d.registration && d.registration->checks; }, 120));
    driver.frames(3);
    auto& reg = *d.registration;
    const auto& checks = *reg.checks;
    for (const auto& o : checks.outlines) {
      outlinedChecks.insert(o.checkId);
      REQUIRE(o.document >= 0);
      REQUIRE(o.document < static_cast<int>(reg.documents.size()));
      const auto& pixels = *reg.documents[static_cast<std::size_t>(o.document)].pixels;
      CHECK(o.box.area() > 0);
      CHECK((o.box & cv::Rect(0, 0, pixels.cols, pixels.rows)) == o.box);  // on the document
      CHECK(o.box.width < pixels.cols);                                    // a word or a line, not the page
    }
    // The identifier line of the checklist: clicking it brings the identifier's box into view, zoomed in.
    const desk::ProofOutline* target = nullptr;
    for (const auto& o : checks.outlines)
      if (o.checkId == creds::check_id::kDocumentIdentifier && checks.checklist.find(o.checkId)) target = &o;
    if (!target) continue;
    const desk::ProofOutline outline = *target;
    const std::string line = "check.line." + outline.checkId;
    REQUIRE(desk::UiProbe::instance().rect(line).has_value());
    driver.screenshot("registration-outlines-before");
    REQUIRE(driver.click(line));
    driver.frames(3);
    CHECK(reg.checks->shownCheck == outline.checkId);
    CHECK(reg.currentDocument == outline.document);
    auto& doc = reg.documents[static_cast<std::size_t>(outline.document)];
    const auto& v = desk::viewOf(doc).transform;
    CHECK(v.zoom() > v.fitZoom());
    const view::Vec2 centre =
        v.toImage({v.viewportOrigin().x + v.viewportSize().x / 2, v.viewportOrigin().y + v.viewportSize().y / 2});
    INFO("view centre " << centre.x << "," << centre.y << " box " << outline.box);
    CHECK(cv::Rect(outline.box.x - 2, outline.box.y - 2, outline.box.width + 4, outline.box.height + 4)
              .contains(cv::Point(int(centre.x), int(centre.y))));
    driver.screenshot("registration-outlines");
    shown = true;
  }
  CHECK(shown);
  CHECK(outlinedChecks.count(creds::check_id::kDocumentIdentifier));
  CHECK(outlinedChecks.count(creds::check_id::kDocumentName));
}
