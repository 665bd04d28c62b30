// Hostile-input tests of the core and the CLI: a generated corpus (tests/corpus) of truncated, corrupt, bomb,
// odd-format and wrong-extension images, hostile JSON, broken directory extracts and hostile text. Every input
// gets a clear verdict: no crash, no hang (ctest timeout), bounded memory (peak RSS of the probe process).
#include "input_corpus.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

#include "medpics/api/answer.hpp"
#include "medpics/creds/directory.hpp"
#include "medpics/creds/text.hpp"
#include "medpics/detect/classify.hpp"
#include "medpics/image/decode.hpp"
#include "medpics/util/json_depth.hpp"
#include "medpics/util/log.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <climits>
#include <fstream>
#include <map>
#include <sstream>

using namespace medpics;
using namespace medpics::corpus;
namespace fs = std::filesystem;

namespace {

std::vector<Sample> allImages() {
  auto images = validImages();
  for (auto& s : hostileImages()) images.push_back(std::move(s));
  return images;
}

std::string fileList(const fs::path& dir, const std::vector<Sample>& samples) {
  std::string list;
  for (const auto& s : samples) list += " '" + (dir / s.name).string() + "'";
  return list;
}

// One JSON object per output line (lines that are not JSON are ignored).
std::vector<nlohmann::json> jsonLines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object()) lines.push_back(std::move(j));
  }
  return lines;
}

}  // namespace

TEST_CASE("hostile images: the guarded loader accepts or refuses each with a clear error, in bounded memory") {
  test::TempDir dir;
  const auto samples = allImages();
  writeAll(samples, dir.path().string());
  const test::CommandResult r = test::runCommand("timeout 300 " + std::string(MEDPICS_BIN_DIR) + "/hostile_probe" +
                                                 fileList(dir.path(), samples));
  INFO(r.out);
  REQUIRE(r.code == 0);  // 124 would be a hang, -1 / 128+ a crash
  std::map<std::string, nlohmann::json> verdicts;
  long maxRssKb = -1;
  for (const auto& line : jsonLines(r.out)) {
    if (line.contains("max_rss_kb"))
      maxRssKb = line["max_rss_kb"];
    else
      verdicts[fs::path(line["file"].get<std::string>()).filename().string()] = line;
  }
  REQUIRE(verdicts.size() == samples.size());
  for (const auto& s : samples) {
    const auto& v = verdicts[s.name];
    INFO(s.name << ": " << v.dump());
    const bool ok = v.value("ok", false);
    const std::string error = v.value("error", "");
    CHECK(ok == error.empty());
    if (s.expect == Expect::Accept) CHECK(ok);
    if (s.expect == Expect::Refuse) CHECK_FALSE(ok);
    if (!ok) CHECK(error.size() >= 10);  // a sentence, not a code
  }
  // Decoding is bounded by the header limits: the 60000x60000 bombs never allocate their 10 GiB.
  CHECK(maxRssKb > 0);
  CHECK(maxRssKb < 1024 * 1024);
}

TEST_CASE("hostile images: medpics analyze reports a result or an error for each, never crashes") {
  test::TempDir dir;
  const auto samples = allImages();
  writeAll(samples, dir.path().string());
  const test::CommandResult r =
      test::runCommand("timeout 900 " + std::string(MEDPICS_BIN_DIR) + "/medpics analyze --json" +
                       fileList(dir.path(), samples) + " 2>/dev/null");
  INFO(r.out.substr(0, 4000));
  CHECK((r.code == 0 || r.code == 2));  // 2: some images refused; never a signal or a timeout
  const auto lines = jsonLines(r.out);
  REQUIRE(lines.size() == samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    INFO(samples[i].name << ": " << lines[i].dump().substr(0, 300));
    if (samples[i].expect == Expect::Refuse) CHECK(lines[i].value("error", "").size() >= 10);
    const bool strip = samples[i].name.rfind("tall-", 0) == 0 || samples[i].name.rfind("wide-", 0) == 0;
    if (strip)
      CHECK(lines[i].value("error", "").find("too elongated for automatic detection") != std::string::npos);
    else if (samples[i].expect == Expect::Accept)
      CHECK(lines[i].value("error", "").empty());
  }
}

TEST_CASE("hostile images and regions: medpics redact exits 0 or 2 with a message, never crashes") {
  test::TempDir dir;
  const auto samples = allImages();
  writeAll(samples, dir.path().string());
  const fs::path regions = dir.path() / "regions.json";
  std::ofstream(regions) << R"([{"box": [0, 0, 10, 10]}, {"ellipse": [20, 20, 8, 6], "style": "solid"}])";
  for (const auto& s : samples) {
    INFO(s.name);
    const test::CommandResult r = test::runCommand("timeout 120 " + std::string(MEDPICS_BIN_DIR) + "/medpics redact '" +
                                                   (dir.path() / s.name).string() + "' --regions '" + regions.string() +
                                                   "' --out '" + (dir.path() / "out").string() + "' 2>&1");
    INFO(r.out);
    CHECK((r.code == 0 || r.code == 2));
    if (s.expect == Expect::Refuse) CHECK(r.code == 2);
    if (r.code == 2) CHECK(r.out.find("medpics redact:") != std::string::npos);
  }
  const fs::path image = dir.path() / samples.front().name;
  for (const auto& bad : hostileJson()) {
    // The hand-made hostile documents only (the per-field variants of API answers add nothing here).
    if (bad.name.rfind("wrong-type-", 0) == 0 || bad.name.rfind("missing-", 0) == 0) continue;
    std::ofstream(regions, std::ios::binary | std::ios::trunc) << bad.bytes;
    INFO("regions: " << bad.name);
    const test::CommandResult r =
        test::runCommand("timeout 60 " + std::string(MEDPICS_BIN_DIR) + "/medpics redact '" + image.string() +
                         "' --regions '" + regions.string() + "' --out '" + (dir.path() / "out").string() + "' 2>&1");
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("medpics redact:") != std::string::npos);
  }
}

TEST_CASE("hostile JSON answers: the API client's parsers give a result or invalid_response, never throw") {
  for (const auto& sample : hostileJson()) {
    INFO(sample.name);
    for (long status : {200L, 201L, 400L, 409L, 500L}) {
      INFO("HTTP " << status);
      api::HttpResponse response;
      response.status = status;
      response.body = sample.bytes;
      const auto raw = api::answerJson(response);
      // Each shape either accepts the answer (a 2xx only) or reports an error with the HTTP status: a 2xx body
      // that is not JSON or not of the shape is invalid_response; an error status keeps the server's code (when it
      // is a string), else http_error, or invalid_response for a body that is not JSON at all.
      const auto expectCode = [&](const auto& result) {
        if (result.ok()) {
          CHECK(status < 300);
          return;
        }
        const api::ApiError& e = result.error();
        CHECK_FALSE(e.transport());
        CHECK_FALSE(e.code.empty());
        CHECK(e.code != "exception");
        if (status < 300) {
          CHECK(e.code == "invalid_response");
        } else {
          CHECK(e.httpStatus == status);
          const bool serverCode = e.code != "http_error" && e.code != "invalid_response";
          if (serverCode) CHECK(sample.bytes.find("\"" + e.code + "\"") != std::string::npos);
        }
      };
      expectCode(raw);
      expectCode(api::parseAnswer<api::Session>(raw, api::parseSession));
      expectCode(api::parseAnswer<api::Lease>(raw, api::parseLease));
      expectCode(api::parseAnswer<api::PostDetail>(raw, api::parsePostDetail));
      expectCode(api::parseAnswer<api::Decision>(raw, api::parseDecision));
      expectCode(api::parseAnswer<api::Page<api::PostSummary>>(
          raw, [](const nlohmann::json& j) { return api::parsePage<api::PostSummary>(j, api::parsePostSummary); }));
      const int accepted = api::parseAsEveryAnswer(status, sample.bytes);
      CHECK(accepted >= 0);
      if (status >= 300) CHECK(accepted == 0);  // an error answer is never taken for data
    }
  }
  for (const auto& sample : apiAnswers()) {
    INFO(sample.name);
    CHECK(api::parseAsEveryAnswer(200, sample.bytes) >= 1);  // each well-formed answer fits its own shape
  }
  api::HttpResponse answer;
  answer.status = 200;
  answer.body = "{\"token\": \"\xff\xfe\"}";
  CHECK_FALSE(api::answerJson(answer).ok());  // invalid UTF-8 is invalid JSON
}

TEST_CASE("regression (fuzz_api_answer): a deeply nested answer is refused before parsing, not a stack overflow") {
  // Found by fuzzing: a decision answer with a 100000-deep value crashed the client when Decision::raw copied it
  // (nlohmann copies recursively). Answers nested deeper than 64 levels are now refused unparsed.
  const std::string decision = "{\"decision_id\":\"d1\",\"evidence\":" + deeplyNested(100000) + "}";
  CHECK(api::parseAsEveryAnswer(200, decision) == 0);
  api::HttpResponse answer;
  answer.status = 200;
  answer.body = decision;
  const auto parsed = api::answerJson(answer);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().code == "invalid_response");
  CHECK(parsed.error().message.find("nested deeper than 64") != std::string::npos);
  answer.body = "{\"decision_id\":\"d1\",\"evidence\":" + deeplyNested(60) + "}";
  CHECK(api::answerJson(answer).ok());
}

TEST_CASE(
    "regression (fuzz_image_decode): a BMP declaring a height of INT32_MIN is refused without undefined behaviour") {
  // Found by fuzzing under UBSan: the header reader negated INT32_MIN (top-down BMP). Run under UBSan in CI.
  for (const auto& sample : hostileImages()) {
    if (sample.name != "int-min-height.bmp") continue;
    image::HeaderInfo header;
    REQUIRE(image::readHeader(sample.bytes, header));
    CHECK(header.height == INT32_MAX);
    const auto decoded = image::decode(sample.bytes);
    CHECK_FALSE(decoded.ok());
    CHECK(decoded.error.find("too large") != std::string::npos);
    return;
  }
  FAIL("the corpus lost its int-min-height.bmp sample");
}

TEST_CASE("regression (hostile text): long digit runs and megabyte log lines do not overflow the stack") {
  // Found by the hostile-text corpus: std::regex recursed once per character (100000 digits crashed the
  // classifier); the log redaction had the same flaw with a server's multi-megabyte error message.
  const std::string digits(60000, '7');                    // the recursive matcher needed ~200 B of stack per digit
  for (const auto& span : detect::findPhiSpans(digits)) {  // returns (no stack overflow), spans inside the text
    CHECK(span.begin < span.end);
    CHECK(span.end <= digits.size());
  }
  const std::string address = "Adresse : " + std::string(300000, 'x');
  const auto spans = detect::findPhiSpans(address);
  REQUIRE_FALSE(spans.empty());
  CHECK(spans.front().category == "address");
  const std::string message =
      "HTTP 500: Bearer " + std::string(4 << 20, 'A') + " {\"password\": \"" + std::string(4 << 20, 'p') + "\"} end";
  const std::string safe = log::redactSecrets(message);
  CHECK(safe == "HTTP 500: Bearer *** {\"password\": \"***\"} end");
  CHECK(log::redactSecrets("{\"password\": \"unterminated") == "{\"password\": \"***");
  CHECK(log::redactSecrets(std::string("Bearer \0x", 9)) == std::string("Bearer \0x", 9));
}

TEST_CASE(
    "regression (fuzz_api_answer): a float where an integer belongs is invalid_response, not undefined behaviour") {
  // Found by fuzzing under UBSan: get<int>() of -1e308 (a lease's ttl_seconds, an image's width).
  api::HttpResponse answer;
  answer.status = 200;
  for (const char* body : {R"({"lease_id":"l","ttl_seconds":-1e308})", R"({"lease_id":"l","ttl_seconds":1.5})",
                           R"({"lease_id":"l","ttl_seconds":9999999999})"}) {
    INFO(body);
    answer.body = body;
    const auto lease = api::parseAnswer<api::Lease>(api::answerJson(answer), api::parseLease);
    REQUIRE_FALSE(lease.ok());
    CHECK(lease.error().code == "invalid_response");
  }
  answer.body = R"({"lease_id":"l","ttl_seconds":120})";
  CHECK(api::parseAnswer<api::Lease>(api::answerJson(answer), api::parseLease)->ttlSeconds == 120);
}

TEST_CASE("JSON nesting depth is measured outside strings") {
  CHECK(util::jsonNestingDepth("") == 0);
  CHECK(util::jsonNestingDepth(R"({"a": [1, {"b": []}]})") == 4);
  CHECK(util::jsonNestingDepth(R"({"a": "[[[[[[\"{{{{"})") == 1);
  CHECK(util::jsonNestingDepth(deeplyNested(5000), 100) == 101);  // stops counting past the limit
  CHECK(util::jsonNestingDepth("]]]][[") == 2);
}

TEST_CASE("hostile directory extracts: imported with a report or refused with a message") {
  test::TempDir dir;
  for (const auto& sample : directoryExtracts()) {
    INFO(sample.name);
    const fs::path extract = dir.path() / sample.name;
    std::ofstream(extract, std::ios::binary) << sample.bytes;
    try {
      const creds::ImportReport report = creds::importExtract(extract, dir.path() / "registry.sqlite");
      CHECK(report.rows + report.malformed <=
            std::uint64_t(std::count(sample.bytes.begin(), sample.bytes.end(), '\n')) + 1);
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()).size() >= 10);
    }
  }
}

TEST_CASE("hostile text: the PHI classifier returns spans inside the text and on character boundaries") {
  for (const auto& sample : textLines()) {
    INFO(sample.name);
    const std::string& text = sample.bytes;
    const bool utf8 = creds::isValidUtf8(text);
    auto check = [&](const std::vector<detect::TextSpan>& spans) {
      for (const auto& s : spans) {
        CHECK(s.begin <= s.end);
        CHECK(s.end <= text.size());
        if (utf8 && s.end < text.size()) CHECK((static_cast<unsigned char>(text[s.end]) & 0xC0) != 0x80);
      }
    };
    check(detect::findPhiSpans(text));
    check(detect::classifyLine(text, 0.9f).spans);
  }
  CHECK_FALSE(detect::findPhiSpans("Mme DUPONT Marie, née le 12/03/1961").empty());
}
