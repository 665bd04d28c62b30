// Settings persistence (XDG config directory, every field, malformed files) and the shortcut table's consistency.
#include "settings.hpp"
#include "shortcuts.hpp"

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace medpics;
using namespace medpics::desk;

TEST_CASE("settings live in $XDG_CONFIG_HOME/medpics, the window layout next to them") {
  test::TempDir dir;
  const char* saved = std::getenv("XDG_CONFIG_HOME");
  const std::string restore = saved ? saved : "";
  setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1);
  CHECK(Settings::defaultPath() == dir.path() / "medpics/desk.json");
  CHECK(Settings::layoutPath(Settings::defaultPath()) == dir.path() / "medpics/imgui.ini");
  if (saved)
    setenv("XDG_CONFIG_HOME", restore.c_str(), 1);
  else
    unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("every setting survives a save and a load") {
  test::TempDir dir;
  const auto path = dir.path() / "conf/desk.json";
  Settings s;
  s.platformUrl = "https://plateforme.example:8443";
  s.username = "modo";
  s.language = "en";
  s.uiScale = 1.5f;
  s.prefetchDepth = 4;
  s.highContrast = true;
  s.windowWidth = 1280;
  s.windowHeight = 1024;
  s.maskStyles["face"] = "mosaic";
  s.maskStyles["manual"] = "blur";
  REQUIRE(s.save(path));
  const Settings back = Settings::load(path);
  CHECK(back.platformUrl == s.platformUrl);
  CHECK(back.username == "modo");
  CHECK(back.language == "en");
  CHECK(back.uiScale == 1.5f);
  CHECK(back.prefetchDepth == 4);
  CHECK(back.highContrast);
  CHECK(back.windowWidth == 1280);
  CHECK(back.windowHeight == 1024);
  CHECK(back.maskStyle("face") == mask::Style::Mosaic);
  CHECK(back.maskStyle("manual") == mask::Style::Blur);
  CHECK(back.maskStyle("text") == mask::Style::Solid);
  CHECK(back.maskStyle("unknown-kind") == mask::Style::Solid);
}

TEST_CASE("malformed or out-of-range settings fall back to safe values") {
  test::TempDir dir;
  const auto path = dir.path() / "desk.json";
  {
    std::ofstream(path) << R"({"ui_scale": 40, "prefetch_depth": -3, "mask_styles": {"face": "pixelate-lightly"},
                              "window_width": 5})";
  }
  const Settings s = Settings::load(path);
  CHECK(s.uiScale == 3.0f);
  CHECK(s.prefetchDepth == 0);
  CHECK(s.maskStyle("face") == mask::Style::Solid);  // an unknown style never weakens the default
  CHECK(s.windowWidth == 640);
  { std::ofstream(path) << "{not json"; }
  CHECK(Settings::load(path).language == "fr");
}

namespace {
// Contexts whose shortcuts are live at the same time (the post view shows the post and its editor; the reject form
// takes the keyboard alone).
bool liveTogether(KeyContext a, KeyContext b) {
  if (a == KeyContext::Everywhere || b == KeyContext::Everywhere || a == b) return true;
  auto in = [](KeyContext c, std::initializer_list<KeyContext> set) {
    for (KeyContext s : set)
      if (s == c) return true;
    return false;
  };
  const auto post = {KeyContext::Queue, KeyContext::Post, KeyContext::Editor};
  const auto registration = {KeyContext::Queue, KeyContext::Post, KeyContext::Registration};
  return (in(a, post) && in(b, post)) || (in(a, registration) && in(b, registration));
}
}  // namespace

TEST_CASE("the shortcut table has one entry per action and no two live shortcuts share a key") {
  for (int a = 0; a <= static_cast<int>(Action::Quit); ++a) {
    int entries = 0;
    for (const auto& s : shortcuts()) entries += static_cast<int>(s.action) == a;
    INFO("action " << a);
    CHECK(entries == 1);
  }
  const auto& table = shortcuts();
  for (size_t i = 0; i < table.size(); ++i)
    for (size_t j = i + 1; j < table.size(); ++j) {
      const Shortcut &x = table[i], &y = table[j];
      if (!liveTogether(x.context, y.context) || x.ctrl != y.ctrl || x.shift != y.shift) continue;
      for (int kx : {x.key, x.altKey})
        for (int ky : {y.key, y.altKey}) {
          INFO(x.description << " / " << y.description);
          CHECK((kx == 0 || kx != ky));
        }
    }
}
