// `medpics redact IMAGE --regions REGIONS.json --out OUT [--style solid|mosaic|blur] [--quality Q]
//                 [--format png|jpeg] [--seed S]`: the published variant of one image, as the desk makes it.
// Exit 0 on success (one JSON line on stdout), 2 with a message on stderr on bad input (nothing written).
#include "command.hpp"

#include "medpics/mask/burn_in.hpp"
#include "medpics/mask/publish.hpp"
#include "medpics/util/file.hpp"
#include "medpics/util/json_depth.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace {
using medpics::cli::Args;
using namespace medpics::mask;

constexpr const char* kUsage =
    "usage: medpics redact IMAGE --regions REGIONS.json --out OUT [--style solid|mosaic|blur] [--quality 1-100] "
    "[--format png|jpeg] [--seed N]";

int fail(const std::string& message) {
  std::fprintf(stderr, "medpics redact: %s\n", message.c_str());
  return 2;
}

std::string readFile(const std::string& path, std::uint64_t maxBytes) {
  std::string error;
  auto bytes = medpics::util::readFile(path, &error, maxBytes);
  if (!bytes) throw std::runtime_error("cannot read " + path + ": " + error);
  return std::move(*bytes);
}

long parseInteger(const std::string& option, const std::string& text, long lo, long hi) {
  std::size_t used = 0;
  long v = 0;
  try {
    v = std::stol(text, &used, 10);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || v < lo || v > hi)
    throw std::invalid_argument(option + " expects an integer from " + std::to_string(lo) + " to " +
                                std::to_string(hi) + ", got '" + text + "'");
  return v;
}

std::string lowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

int run(const Args& args) {
  std::string image, regionsPath, out, style, format;
  PostImage input;
  input.seed = 0x4d50u;
  PublishOptions options;
  try {
    for (size_t i = 0; i < args.size(); ++i) {
      auto value = [&]() -> std::string {
        if (i + 1 >= args.size()) throw std::invalid_argument(args[i] + " needs a value");
        return args[++i];
      };
      if (args[i] == "--regions")
        regionsPath = value();
      else if (args[i] == "--out")
        out = value();
      else if (args[i] == "--style")
        style = value();
      else if (args[i] == "--quality")
        options.jpegQuality = int(parseInteger("--quality", value(), 1, 100));
      else if (args[i] == "--format")
        format = value();
      else if (args[i] == "--seed")
        input.seed = static_cast<std::uint32_t>(parseInteger("--seed", value(), 0, 0xFFFFFFFFL));
      else if (args[i] == "--help" || args[i] == "-h") {
        std::printf("%s\n", kUsage);
        return 0;
      } else if (image.empty() && args[i].rfind("--", 0) != 0)
        image = args[i];
      else
        throw std::invalid_argument("unexpected argument " + args[i]);
    }
    if (!style.empty()) styleFromString(style);  // validates
  } catch (const std::exception& e) {
    return fail(std::string(e.what()) + "\n" + kUsage);
  }
  if (image.empty() || regionsPath.empty() || out.empty()) return fail(kUsage);

  // Output format: --format, else the extension of OUT, else the input's family (PNG stays PNG, else JPEG).
  if (!format.empty()) {
    if (format == "jpg") format = "jpeg";
    if (format != "png" && format != "jpeg") return fail("--format expects png or jpeg, got '" + format + "'");
  } else {
    const std::string ext = lowerExtension(out);
    if (ext == ".png")
      format = "png";
    else if (ext == ".jpg" || ext == ".jpeg")
      format = "jpeg";
  }
  options.format = format;

  try {
    const std::string text = readFile(regionsPath, 16u << 20);
    if (medpics::util::jsonNestingDepth(text, medpics::util::kMaxJsonDepth) > medpics::util::kMaxJsonDepth)
      return fail(regionsPath + ": JSON nested deeper than " + std::to_string(medpics::util::kMaxJsonDepth) +
                  " levels");
    const auto j = nlohmann::json::parse(text);
    if (!j.is_array()) return fail(regionsPath + ": expected a JSON array of regions, e.g. [{\"box\": [x, y, w, h]}]");
    for (std::size_t k = 0; k < j.size(); ++k) {
      try {
        Region r = regionFromJson(j[k]);
        if (!style.empty() && !j[k].contains("style")) r.style = styleFromString(style);
        input.regions.push_back(std::move(r));
      } catch (const std::exception& e) {
        return fail(regionsPath + ": region " + std::to_string(k + 1) + ": " + e.what());
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(regionsPath + ": invalid JSON: " + e.what());
  } catch (const std::exception& e) {
    return fail(e.what());
  }

  try {
    input.bytes = readFile(image, medpics::util::kMaxImageFileBytes);
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  input.id = image;
  options.keepPixels = false;
  const PublishedImage published = publishImage(input, options);
  if (!published.ok()) return fail(image + ": " + (published.error.empty() ? "cannot publish" : published.error));
  for (const auto& w : published.warnings) std::fprintf(stderr, "medpics redact: warning: %s\n", w.c_str());

  // Written to a temporary file then renamed: OUT is either complete or untouched.
  const std::string partial = out + ".part";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file ||
        !file.write(published.encoded.bytes.data(), static_cast<std::streamsize>(published.encoded.bytes.size())) ||
        !file.flush()) {
      std::error_code ec;
      std::filesystem::remove(partial, ec);
      return fail("cannot write " + out + ": " + std::strerror(errno));
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, out, ec);
  if (ec) {
    std::filesystem::remove(partial, ec);
    return fail("cannot write " + out + ": " + ec.message());
  }
  int masked = 0;
  for (const auto& r : input.regions) masked += r.masks();
  const nlohmann::json summary{{"out", out},
                               {"content_type", published.encoded.contentType},
                               {"width", published.width},
                               {"height", published.height},
                               {"orientation_applied", published.orientation},
                               {"regions", masked},
                               {"bytes", published.encoded.bytes.size()}};
  std::printf("%s\n", summary.dump().c_str());
  return 0;
}

const medpics::cli::CommandRegistrar kRedact(
    {"redact",
     "redact IMAGE --regions R.json --out OUT [--style solid|mosaic|blur] [--quality Q] [--format png|jpeg]  publish a "
     "masked copy",
     run});
}  // namespace
