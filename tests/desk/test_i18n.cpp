// Catalogue tests: both languages have every string, every key the desk asks for exists, and no UI text is
// written into the views outside the catalogue.
#include "i18n.hpp"
#include "shortcuts.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

using namespace medpics::desk;
namespace fs = std::filesystem;

namespace {
const fs::path kDeskSources = fs::path(MEDPICS_SOURCE_DIR) / "src/desk";

std::string readFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> deskSources() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kDeskSources))
    if (entry.path().extension() == ".cpp") files.push_back(entry.path());
  REQUIRE(files.size() > 20);
  return files;
}

bool hasKey(const std::string& key) {
  for (const auto& e : catalogue())
    if (key == e.key) return true;
  return false;
}
}  // namespace

TEST_CASE("every catalogue key is unique and has a French and an English text") {
  std::set<std::string> keys;
  for (const auto& e : catalogue()) {
    INFO(e.key);
    CHECK(keys.insert(e.key).second);
    REQUIRE(e.fr != nullptr);
    REQUIRE(e.en != nullptr);
    CHECK(std::string(e.fr).size() > 0);
    CHECK(std::string(e.en).size() > 0);
  }
  CHECK(keys.size() > 250);
}

TEST_CASE("the language switches while running and an unknown key is visible as such") {
  setLanguage(Language::English);
  CHECK(std::string(tr("menu.file")) == "File");
  setLanguage(Language::French);
  CHECK(std::string(tr("menu.file")) == "Fichier");
  CHECK(std::string(tr("no.such.key")) == "no.such.key");
}

TEST_CASE("every key the desk's sources ask for literally is in the catalogue") {
  const std::regex literalKey(R"re(\btr\("([a-z_.0-9]+)"\))re");
  int seen = 0;
  for (const auto& file : deskSources()) {
    const std::string text = readFile(file);
    for (std::sregex_iterator it(text.begin(), text.end(), literalKey), end; it != end; ++it) {
      INFO(file.filename().string() << ": " << (*it)[1]);
      CHECK(hasKey((*it)[1]));
      ++seen;
    }
  }
  CHECK(seen > 150);
}

TEST_CASE("every shortcut's description and key name are in the catalogue") {
  for (const auto& s : shortcuts()) {
    INFO(s.description);
    CHECK(hasKey(s.description));
    CHECK(hasKey(contextKey(s.context)));
    const std::string label = s.label;
    if (label.rfind("keyname.", 0) == 0) CHECK(hasKey(label));
  }
}

// A string literal passed straight to an ImGui widget must be an id ("##x"), a format without words ("%s : %d"),
// or a proper name; words belong in the catalogue.
TEST_CASE("no UI text is passed to an ImGui widget outside the catalogue") {
  const std::regex widgetLiteral(
      R"re(ImGui::(Text\w*|Button|SmallButton|MenuItem|BeginMenu|Checkbox|RadioButton|Selectable|SetTooltip|BeginTabItem|TreeNode|Combo|Slider\w+|Input\w+|BulletText|CollapsingHeader|ProgressBar|Begin|BeginChild|TableSetupColumn|LabelText)\(\s*"((?:[^"\\]|\\.)*)")re");
  const std::regex words("[A-Za-z]{2,}");  // ASCII letters: accented words always contain some
  const std::set<std::string> properNames{"Français", "English"};
  int checked = 0;
  for (const auto& file : deskSources()) {
    const std::string text = readFile(file);
    for (std::sregex_iterator it(text.begin(), text.end(), widgetLiteral), end; it != end; ++it) {
      std::string literal = (*it)[2];
      ++checked;
      if (literal.rfind("##", 0) == 0 || properNames.count(literal)) continue;
      const auto hashes = literal.find("##");
      if (hashes != std::string::npos) literal = literal.substr(0, hashes);
      // Format directives are not words.
      literal = std::regex_replace(literal, std::regex("%[-+ #0-9.]*[a-zA-Z]+"), " ");
      INFO(file.filename().string() << ": \"" << (*it)[2] << "\"");
      CHECK_FALSE(std::regex_search(literal, words));
    }
  }
  CHECK(checked > 60);
}

// French typography (a space before ':') belongs to French only: labels are joined with colon(), never with a
// literal " : " in a format, which the English UI would show too ("Caption :").
TEST_CASE("label colons follow the language: ' : ' in French, ': ' in English, none hard-coded in the views") {
  setLanguage(Language::French);
  CHECK(std::string(colon()) == " : ");
  setLanguage(Language::English);
  CHECK(std::string(colon()) == ": ");
  setLanguage(Language::French);
  const std::regex frenchColon(R"re("[^"\n]*%[-+ #0-9.]*[sd][^"\n]* : [^"\n]*")re");
  for (const auto& file : deskSources()) {
    if (file.filename().string().rfind("i18n", 0) == 0) continue;  // the catalogue's own French texts
    const std::string text = readFile(file);
    for (std::sregex_iterator it(text.begin(), text.end(), frenchColon), end; it != end; ++it) {
      INFO(file.filename().string() << ": " << it->str());
      CHECK(false);
    }
  }
  for (const auto& e : catalogue()) {
    INFO(e.key << ": " << e.en);
    CHECK_FALSE(std::regex_search(e.en, std::regex(" [:;!]( |$)")));  // English: no space before : ; !
  }
}

TEST_CASE("post types and check statuses are words of the UI language") {
  setLanguage(Language::French);
  CHECK(postKindName("lab_report") == "Bilan biologique");
  CHECK(postKindName("radiograph") == "Radiographie");
  CHECK(postKindName("ecg") == "ECG");
  CHECK(categoryName("text", "other-text").empty());  // not "Texte autre texte"
  CHECK(categoryName("text", "name") == "nom");
  setLanguage(Language::English);
  CHECK(postKindName("wristband") == "Patient wristband");
  CHECK(std::string(tr("checkstatus.pass")) == "passed");
  setLanguage(Language::French);
}
