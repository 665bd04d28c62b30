// A detection finding (face, text, barcode, tattoo, metadata) and its JSON mapping used by the desk and decision
// uploads.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace medpics::detect {

enum class Kind { Face, Text, Barcode, Tattoo, Metadata };
const char* kindName(Kind kind);
std::optional<Kind> kindFromName(const std::string& name);

// Axis-aligned box in pixels of the oriented image.
struct Box {
  int x = 0, y = 0, w = 0, h = 0;
  long long area() const { return (long long)(w > 0 ? w : 0) * (h > 0 ? h : 0); }
  friend bool operator==(const Box&, const Box&) = default;
};

struct Finding {
  Kind kind = Kind::Text;
  std::string category;                     // name, date, nir, id, phone, email, address, hospital, other-text,
                                            // benign, face, barcode, tattoo, gps, device, ...
  bool phi = true;                          // true: to be masked (or checked) before publication
  std::optional<Box> box;                   // absent for metadata findings
  std::vector<std::array<int, 2>> polygon;  // optional finer outline (rotated text line), image pixels
  float confidence = 0.f;                   // 0..1
  std::string text;                         // recognised text, barcode content or metadata value
  std::string detector;                     // e.g. "blazeface", "ppocr-db+tesseract"
  std::string detectorVersion;
  bool repaired = false;  // an identifier read with one wrong digit, repaired with its key
};

// JSON object
// {"kind","category","phi","box":[x,y,w,h],"polygon"?,"confidence","text","detector","detector_version","repaired"?};
// "box" is omitted when absent (metadata).
nlohmann::json toJson(const Finding& finding);
// Inverse of toJson; throws nlohmann::json::exception on malformed input.
Finding findingFromJson(const nlohmann::json& object);

}  // namespace medpics::detect
