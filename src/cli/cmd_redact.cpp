// `medpics redact IMAGE --regions REGIONS.json --out OUT [--style solid|mosaic|blur] [--quality Q] [--seed S]`.
#include "command.hpp"

#include "medpics/mask/burn_in.hpp"
#include "medpics/mask/publish.hpp"
#include "medpics/util/file.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace {
using medpics::cli::Args;
using namespace medpics::mask;

int fail(const std::string& message) {
  std::fprintf(stderr, "medpics redact: %s\n", message.c_str());
  return 2;
}

std::string readFile(const std::string& path) {
  auto bytes = medpics::util::readFile(path);
  if (!bytes) throw std::runtime_error("cannot read " + path);
  return std::move(*bytes);
}

int run(const Args& args) {
  std::string image, regionsPath, out, style;
  int quality = 92;
  unsigned seed = 0x4d50u;
  try {
    for (size_t i = 0; i < args.size(); ++i) {
      auto value = [&]() -> std::string {
        if (i + 1 >= args.size()) throw std::invalid_argument(args[i] + " needs a value");
        return args[++i];
      };
      if (args[i] == "--regions") regionsPath = value();
      else if (args[i] == "--out") out = value();
      else if (args[i] == "--style") style = value();
      else if (args[i] == "--quality") quality = std::stoi(value());
      else if (args[i] == "--seed") seed = static_cast<unsigned>(std::stoul(value()));
      else if (image.empty() && args[i].rfind("--", 0) != 0) image = args[i];
      else throw std::invalid_argument("unexpected argument " + args[i]);
    }
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  if (image.empty() || regionsPath.empty() || out.empty())
    return fail("usage: medpics redact IMAGE --regions REGIONS.json --out OUT [--style solid|mosaic|blur]");

  std::vector<Region> regions;
  try {
    const auto j = nlohmann::json::parse(readFile(regionsPath));
    if (!j.is_array()) return fail(regionsPath + ": expected a JSON array of regions");
    for (const auto& item : j) {
      Region r = regionFromJson(item);
      if (!style.empty() && !item.contains("style")) r.style = styleFromString(style);
      regions.push_back(std::move(r));
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(regionsPath + ": invalid JSON: " + e.what());
  } catch (const std::exception& e) {
    return fail(regionsPath + ": " + e.what());
  }

  std::string bytes;
  try {
    bytes = readFile(image);
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  cv::Mat pixels = cv::imdecode(cv::Mat(1, static_cast<int>(bytes.size()), CV_8UC1, bytes.data()), cv::IMREAD_COLOR);
  if (pixels.empty()) return fail(image + ": cannot decode the image");
  burnIn(pixels, regions, seed);
  const bool png = out.size() >= 4 && (out.substr(out.size() - 4) == ".png" || out.substr(out.size() - 4) == ".PNG");
  const EncodedImage encoded = encodeForPublication(pixels, png ? "image/png" : "image/jpeg", quality);
  std::ofstream file(out, std::ios::binary);
  if (!file || !file.write(encoded.bytes.data(), static_cast<std::streamsize>(encoded.bytes.size())))
    return fail("cannot write " + out);
  return 0;
}

const medpics::cli::CommandRegistrar kRedact(
    {"redact", "redact IMAGE --regions R.json --out OUT [--style solid|mosaic|blur]  burn masks in", run});
}  // namespace
