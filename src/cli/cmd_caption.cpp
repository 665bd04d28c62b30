// `medpics caption [--json] FILE|-`: PHI spans of a caption or comment text (UTF-8), for batch use and testing.
#include "command.hpp"
#include "medpics/detect/classify.hpp"
#include "medpics/mask/caption.hpp"
#include "medpics/util/file.hpp"
#include "option_list.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <string>

namespace {

constexpr std::uintmax_t kMaxCaptionBytes = 16u << 20;  // 16 MiB: far beyond any caption, bounded memory

std::optional<std::string> readInput(const std::string& path, std::string& error) {
  if (path == "-") {
    std::string text;
    char buffer[65536];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
      text.append(buffer, n);
      if (text.size() > kMaxCaptionBytes) {
        error = "input larger than 16 MiB";
        return std::nullopt;
      }
    }
    return text;
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    error = "cannot open file";
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    error = "is a directory";
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(status)) {
    error = "is not a regular file";
    return std::nullopt;
  }
  if (std::filesystem::file_size(path, ec) > kMaxCaptionBytes) {
    error = "file larger than 16 MiB";
    return std::nullopt;
  }
  return medpics::util::readFile(path, &error);
}

int run(const medpics::cli::Args& args) {
  medpics::cli::OptionList options(args);
  const bool json = options.flag("--json");
  const auto& files = options.positional();
  if (files.size() != 1) {
    std::fprintf(stderr, "usage: medpics caption [--json] FILE|-\n");
    return 2;
  }
  std::string error;
  const auto text = readInput(files[0], error);
  if (!text) {
    std::fprintf(stderr, "medpics caption: %s: %s\n", files[0].c_str(), error.c_str());
    return 2;
  }
  const auto spans = medpics::detect::findPhiSpans(*text);
  if (json) {
    nlohmann::ordered_json out;
    out["spans"] = nlohmann::ordered_json::array();
    for (const auto& s : spans) {
      nlohmann::ordered_json j = {{"begin", s.begin},       {"end", s.end},
                                  {"category", s.category}, {"confidence", s.confidence},
                                  {"rule", s.rule},         {"text", text->substr(s.begin, s.end - s.begin)}};
      if (s.repaired) j["repaired"] = true;
      out["spans"].push_back(std::move(j));
    }
    out["masked"] = medpics::mask::maskCaption(*text, spans).text;
    std::printf("%s\n", out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
  } else {
    for (const auto& s : spans)
      std::printf("%zu\t%zu\t%s\t%s\t%s\n", s.begin, s.end, s.category.c_str(), s.rule.c_str(),
                  text->substr(s.begin, s.end - s.begin).c_str());
  }
  return spans.empty() ? 0 : 1;
}

const medpics::cli::CommandRegistrar kCaption(
    {"caption", "caption [--json] FILE|-  PHI spans of a caption text (byte offsets; exit 1 when any is found)", run});

}  // namespace
