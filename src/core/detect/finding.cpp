// JSON mapping of detection findings.
#include "medpics/detect/finding.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace medpics::detect {

const char* kindName(Kind kind) {
  switch (kind) {
    case Kind::Face: return "face";
    case Kind::Text: return "text";
    case Kind::Barcode: return "barcode";
    case Kind::Tattoo: return "tattoo";
    case Kind::Metadata: return "metadata";
  }
  return "text";
}

std::optional<Kind> kindFromName(const std::string& name) {
  for (Kind k : {Kind::Face, Kind::Text, Kind::Barcode, Kind::Tattoo, Kind::Metadata})
    if (name == kindName(k)) return k;
  return std::nullopt;
}

nlohmann::json toJson(const Finding& f) {
  nlohmann::json j;
  j["kind"] = kindName(f.kind);
  j["category"] = f.category;
  j["phi"] = f.phi;
  if (f.box) j["box"] = {f.box->x, f.box->y, f.box->w, f.box->h};
  if (!f.polygon.empty()) j["polygon"] = f.polygon;
  j["confidence"] = std::round(double(f.confidence) * 1000.0) / 1000.0;
  j["text"] = f.text;
  j["detector"] = f.detector;
  j["detector_version"] = f.detectorVersion;
  if (f.repaired) j["repaired"] = true;
  return j;
}

Finding findingFromJson(const nlohmann::json& j) {
  Finding f;
  auto kind = kindFromName(j.at("kind").get<std::string>());
  if (!kind) throw nlohmann::json::other_error::create(501, "unknown finding kind", &j);
  f.kind = *kind;
  f.category = j.at("category").get<std::string>();
  f.phi = j.at("phi").get<bool>();
  if (j.contains("box")) {
    const auto& b = j.at("box");
    f.box = Box{b.at(0).get<int>(), b.at(1).get<int>(), b.at(2).get<int>(), b.at(3).get<int>()};
  }
  if (j.contains("polygon")) f.polygon = j.at("polygon").get<std::vector<std::array<int, 2>>>();
  f.confidence = j.value("confidence", 0.f);
  f.text = j.value("text", std::string());
  f.detector = j.value("detector", std::string());
  f.detectorVersion = j.value("detector_version", std::string());
  f.repaired = j.value("repaired", false);
  return f;
}

}  // namespace medpics::detect
