// GUI tests of the desk's comfort features: the help overlay lists the shortcut table, the language switches while
// running, settings and window layout persist in the config directory, high contrast, error details.
#include "desk_driver.hpp"
#include "i18n.hpp"
#include "shortcuts.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "ui_probe.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace medpics;

namespace {
desk::AppOptions optionsIn(const std::filesystem::path& config, const std::string& url,
                           const std::string& password = {}) {
  desk::AppOptions options;
  options.desk.serverUrl = url;
  options.desk.settingsPath = config / "desk.json";
  options.desk.username = "modo";
  options.desk.password = password;
  return options;
}

nlohmann::json readJson(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in, nullptr, false);
}

// Mean brightness of a screenshot region (x, y, w, h).
double meanOf(const std::string& png, cv::Rect area) {
  const cv::Mat image = cv::imread(png, cv::IMREAD_GRAYSCALE);
  return cv::mean(image(area & cv::Rect(0, 0, image.cols, image.rows)))[0];
}
}  // namespace

TEST_CASE("F1 and ? open the help overlay with every shortcut, and the language switches while running") {
  test::TempDir dir;
  test::ServerProcess server(dir.path() / "platform", {"--demo-small"});
  test::DeskDriver driver(optionsIn(dir.path() / "config", server.url(), "modo-demo"));
  desk::Desk& d = driver.desk();
  REQUIRE(driver.waitUntil([&] { return d.session && !d.posts.empty(); }));
  driver.press(GLFW_KEY_J);
  REQUIRE(
      driver.waitUntil([&] { return d.post && d.post->images[0].analysis == desk::LoadedImage::Analysis::Done; }, 180));

  driver.press(GLFW_KEY_F1);
  REQUIRE(desk::deskView().panels.help);
  driver.frames(3);
  REQUIRE(desk::UiProbe::instance().rect("help.window").has_value());
  driver.screenshot("help-overlay");
  driver.press(GLFW_KEY_ESCAPE);
  CHECK_FALSE(desk::deskView().panels.help);
  driver.type("?");  // whatever key the layout puts '?' on
  CHECK(desk::deskView().panels.help);
  driver.press(GLFW_KEY_F1);
  CHECK_FALSE(desk::deskView().panels.help);
  CHECK(d.post.has_value());  // Esc closed the help, not the post

  // English from the View menu, without restarting; the setting is saved.
  d.setLanguage("en");
  driver.frames(3);
  CHECK(std::string(desk::tr("post.reject")) == "Reject");
  CHECK(readJson(dir.path() / "config/desk.json").at("language") == "en");
  driver.screenshot("post-view-en");
  d.setLanguage("fr");
  CHECK(std::string(desk::tr("post.reject")) == "Rejeter");
}

TEST_CASE("settings, high contrast and the window layout persist in the config directory, not the cwd") {
  test::TempDir dir;
  test::ServerProcess server(dir.path() / "platform", {"--demo-small"});
  const auto config = dir.path() / "config";
  const auto cwdLayout = std::filesystem::current_path() / "imgui.ini";
  const bool cwdHadLayout = std::filesystem::exists(cwdLayout);
  {
    test::DeskDriver driver(optionsIn(config, server.url(), "modo-demo"));
    desk::Desk& d = driver.desk();
    REQUIRE(driver.waitUntil([&] { return d.session.has_value(); }));
    driver.press(GLFW_KEY_COMMA, true);  // Ctrl+, : settings
    REQUIRE(desk::deskView().panels.settings);
    driver.frames(3);
    driver.screenshot("settings");
    const std::string normal = driver.screenshot("contrast-normal");
    driver.press(GLFW_KEY_F6);
    REQUIRE(d.settings.highContrast);
    driver.frames(3);
    const std::string contrast = driver.screenshot("high-contrast");
    // The high-contrast theme paints window backgrounds pure black (the dark theme's are dark grey): an empty
    // stretch of the settings window, under its last row (the directory import).
    const auto r = *desk::UiProbe::instance().rect("settings.window");
    const auto last = *desk::UiProbe::instance().rect("import.path");
    const cv::Rect area(static_cast<int>(r.x) + 20, static_cast<int>(last.y + last.w) + 20, 40, 10);
    CHECK(meanOf(contrast, area) == 0.0);
    CHECK(meanOf(normal, area) > 5.0);
    d.settings.prefetchDepth = 5;
    d.settings.maskStyles["face"] = "mosaic";
    d.saveSettings();
  }  // closing the desk writes the layout and the window size
  const auto saved = readJson(config / "desk.json");
  CHECK(saved.at("high_contrast") == true);
  CHECK(saved.at("prefetch_depth") == 5);
  CHECK(saved.at("mask_styles").at("face") == "mosaic");
  CHECK(saved.at("window_width") == 1600);
  CHECK(std::filesystem::exists(config / "imgui.ini"));
  CHECK(std::filesystem::exists(cwdLayout) == cwdHadLayout);

  // A new desk starts with them: high contrast on, faces found by the detectors masked in mosaic.
  test::DeskDriver again(optionsIn(config, server.url(), "modo-demo"));
  CHECK(again.desk().settings.highContrast);
  CHECK(again.desk().settings.maskStyle("face") == mask::Style::Mosaic);
}

TEST_CASE("an error notification opens a detail window") {
  test::TempDir dir;
  test::ServerProcess server(dir.path() / "platform", {"--demo-small"});
  test::DeskDriver driver(optionsIn(dir.path() / "config", server.url(), "wrong-password"));
  desk::Desk& d = driver.desk();
  REQUIRE(driver.waitUntil([&] { return !d.notifications.empty(); }));
  REQUIRE(d.notifications.back().error);
  driver.frames(3);
  REQUIRE(driver.click("notify.details.0"));
  REQUIRE(desk::deskView().panels.notificationDetail.has_value());
  CHECK(desk::deskView().panels.notificationDetail->detail.find("401") != std::string::npos);
  driver.frames(3);
  CHECK(desk::UiProbe::instance().rect("notify.detail").has_value());
  driver.screenshot("notification-detail");
}

TEST_CASE("the RPPS directory is imported from the settings window with a progress bar") {
  test::TempDir dir;
  setenv("MEDPICS_DATA", (dir.path() / "data").c_str(), 1);
  const auto extract = dir.path() / "extract.txt";
  REQUIRE(std::system((std::string(MEDPICS_BIN_DIR) + "/medpics registry generate --out " + extract.string() +
                       " --rows 60000 > /dev/null")
                          .c_str()) == 0);
  test::ServerProcess server(dir.path() / "platform", {"--demo-small"});
  test::DeskDriver driver(optionsIn(dir.path() / "config", server.url()));
  desk::Desk& d = driver.desk();
  driver.press(GLFW_KEY_COMMA, true);
  driver.frames(3);
  REQUIRE(driver.click("import.path"));
  driver.type(extract.string());
  REQUIRE(driver.click("import.start"));
  REQUIRE(d.directoryImport.running);
  bool sawProgress = false;
  REQUIRE(driver.waitUntil(
      [&] {
        sawProgress = sawProgress || desk::UiProbe::instance().rect("import.progress").has_value();
        return !d.directoryImport.running;
      },
      120));
  CHECK(sawProgress);
  CHECK_FALSE(d.directoryImport.failed);
  CHECK(d.directoryImport.progress->rows.load() >= 60000);
  CHECK(std::filesystem::exists(dir.path() / "data/registry.sqlite"));
  driver.frames(3);
  driver.screenshot("directory-import");
  unsetenv("MEDPICS_DATA");
}
