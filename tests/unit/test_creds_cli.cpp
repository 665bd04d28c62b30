// Unit tests of the `medpics id` and `medpics registry` commands: the built binary run with exit codes and JSON output.
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace {
using Run = medpics::test::CommandResult;

// Runs `medpics ARGS` and captures stdout (with stderr when `withStderr`, else discarded) and the exit code.
medpics::test::CommandResult runMedpics(const std::string& args, bool withStderr = false) {
  return medpics::test::runCommand(std::string(MEDPICS_BIN_DIR) + "/medpics " + args +
                                   (withStderr ? " 2>&1" : " 2>/dev/null"));
}

std::vector<nlohmann::json> jsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

}  // namespace

TEST_CASE("medpics id check: JSON lines and exit codes", "[creds]") {
  const Run ok = runMedpics("id check 10001045367 'RPPS : 100 010 453 67'");
  CHECK(ok.code == 0);
  const auto lines = jsonLines(ok.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] ==
        nlohmann::json{{"input", "10001045367"},
                       {"type", "rpps"},
                       {"valid", true},
                       {"normalized", "10001045367"},
                       {"facts", {{{"code", "id.luhn_ok"}, {"params", {{"type", "RPPS"}, {"digits", "11"}}}}}},
                       {"message", "RPPS: 11 digits, Luhn key correct"}});  // English made from the codes
  CHECK(ok.out.rfind("{\"input\":\"10001045367\",\"type\":\"rpps\",\"valid\":true,\"normalized\"", 0) ==
        0);  // key order
  CHECK(lines[1]["input"] == "RPPS : 100 010 453 67");

  const Run bad = runMedpics("id check 10001045367 10003461033 012600631");
  CHECK(bad.code == 1);
  const auto badLines = jsonLines(bad.out);
  REQUIRE(badLines.size() == 3);
  CHECK(badLines[1]["valid"] == false);
  CHECK(badLines[2]["type"] == "adeli");

  CHECK(runMedpics("id check --type ordre 4521").code == 0);
  CHECK(runMedpics("id check --type nope 4521").code == 2);
  CHECK(runMedpics("id").code == 2);
  CHECK(runMedpics("id check").code == 2);
}

TEST_CASE("medpics registry generate, import, lookup: exit codes and JSON", "[creds]") {
  medpics::test::TempDir dir;
  const std::string extract = (dir.path() / "extract.txt").string();
  const std::string db = (dir.path() / "r.sqlite").string();
  CHECK(runMedpics("registry generate --out " + extract +
                   " --rows 300 --seed 5 --version 2023 --encoding latin1 --malformed-every 100")
            .code == 0);
  const Run imported = runMedpics("registry import " + extract + " --db " + db + " --json");
  REQUIRE(imported.code == 0);
  const auto report = nlohmann::json::parse(imported.out);
  CHECK(report["rows"] == 300);
  CHECK(report["malformed"] == 3);
  CHECK(report["encoding"] == "latin-1");
  CHECK(report["columns"] == 56);

  // The first generated person, looked up by number then by name.
  std::FILE* f = std::fopen(extract.c_str(), "rb");
  REQUIRE(f);
  char line[2048];
  REQUIRE(std::fgets(line, sizeof line, f));
  REQUIRE(std::fgets(line, sizeof line, f));
  std::fclose(f);
  const std::string rpps = std::string(line).substr(2, 11);
  const Run byNumber = runMedpics("registry lookup " + rpps + " --json --db " + db);
  CHECK(byNumber.code == 0);
  const auto found = nlohmann::json::parse(byNumber.out);
  REQUIRE(found["count"] == 1);
  const auto person = found["persons"][0];
  CHECK(person["identifier"] == rpps);
  const std::string name = person["first_name"].get<std::string>() + " " + person["last_name"].get<std::string>();
  const Run byName = runMedpics("registry lookup '" + name + "' --json --db " + db);
  CHECK(byName.code == 0);
  CHECK(nlohmann::json::parse(byName.out)["count"] >= 1);

  CHECK(runMedpics("registry lookup 10001045368 --db " + db).code == 1);
  CHECK(runMedpics("registry lookup 10001045367 --db " + (dir.path() / "absent.sqlite").string()).code == 2);
  CHECK(runMedpics("registry import " + (dir.path() / "absent.txt").string() + " --db " + db).code == 2);
  CHECK(runMedpics("registry").code == 2);
  CHECK(runMedpics("registry generate --rows 10").code == 2);
  CHECK(runMedpics("registry info --db " + db).code == 0);
  // Progress on stderr (a line per 10 % when stderr is not a terminal) and the malformed lines.
  const Run progress = runMedpics("registry import " + extract + " --db " + db, true);
  CHECK(progress.code == 0);
  CHECK(progress.out.find("import: 100%") != std::string::npos);
  CHECK(progress.out.find("building the indexes") != std::string::npos);
  CHECK(progress.out.find("malformed line 102: 10 fields, expected 56") != std::string::npos);
  CHECK(progress.out.find("imported 300 rows") != std::string::npos);
}
