// Exiv2 scan of EXIF/XMP/IPTC keys against lists of identifying fields.
#include "medpics/detect/metadata.hpp"

#include <exiv2/exiv2.hpp>

#include <algorithm>
#include <mutex>

namespace medpics::detect {
namespace {

struct Rule {
  const char* fragment;  // case-sensitive substring of the Exiv2 key
  const char* category;
};

// First matching rule wins.
// clang-format off
constexpr Rule kRules[] = {
    {"GPSInfo", "gps"},           {"Xmp.exif.GPS", "gps"},        {"SerialNumber", "device"},
    {"CameraOwnerName", "device"}, {"OwnerName", "device"},       {"InternalSerial", "device"},
    {"ImageUniqueID", "device"},  {"DateTime", "date"},           {"DateCreated", "date"},
    {"CreateDate", "date"},       {"ModifyDate", "date"},         {"MetadataDate", "date"},
    {"DigitizationDate", "date"}, {"TimeCreated", "date"},        {"Artist", "name"},
    {"XPAuthor", "name"},         {"Xmp.dc.creator", "name"},     {"Byline", "name"},
    {"Contact", "name"},          {"PersonInImage", "name"},      {"Xmp.mwg-rs.Regions", "name"},
    {"Xmp.MP.RegionInfo", "name"}, {"Copyright", "name"},         {"Rights", "name"},
    {"Xmp.photoshop.Credit", "name"}, {"Credit", "name"},         {"Writer", "name"},
    {"CaptionWriter", "name"},    {"Xmp.iptc.Creator", "name"},   {"City", "address"},
    {"Location", "address"},      {"ProvinceState", "address"},   {"CountryName", "address"},
    {"SubLocation", "address"},   {"Xmp.photoshop.State", "address"}, {"UserComment", "other-text"},
    {"ImageDescription", "other-text"}, {"XPComment", "other-text"}, {"XPSubject", "other-text"},
    {"XPKeywords", "other-text"}, {"XPTitle", "other-text"},      {"Xmp.dc.description", "other-text"},
    {"Xmp.dc.title", "other-text"}, {"Xmp.dc.subject", "other-text"}, {"Caption", "other-text"},
    {"Keywords", "other-text"},   {"Headline", "other-text"},     {"ObjectName", "other-text"},
    {"Exif.Photo.MakerNote", ""},  // binary blob, never reported as such
};
// clang-format on

const char* categoryFor(const std::string& key) {
  for (const auto& r : kRules)
    if (key.find(r.fragment) != std::string::npos) return r.category;
  return nullptr;
}

template <typename Data>
void scan(const Data& data, std::vector<Finding>& out) {
  for (const auto& datum : data) {
    const std::string key = datum.key();
    const char* category = categoryFor(key);
    if (!category || !*category) continue;
    std::string value;
    try {
      value = datum.toString();
    } catch (...) {
      continue;
    }
    if (value.size() > 200) value = value.substr(0, 200) + "...";
    const bool blank = std::all_of(value.begin(), value.end(), [](char c) { return c == ' ' || c == '\0'; });
    if (blank) continue;
    Finding f;
    f.kind = Kind::Metadata;
    f.category = category;
    f.phi = true;
    f.confidence = 0.99f;
    f.text = key + "=" + value;
    f.detector = "exiv2";
    f.detectorVersion = Exiv2::versionString();
    out.push_back(std::move(f));
  }
}

}  // namespace

std::vector<Finding> detectMetadata(std::string_view bytes) {
  static std::once_flag xmpOnce;
  std::call_once(xmpOnce, [] {
    Exiv2::XmpParser::initialize();
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
  });
  std::vector<Finding> out;
  if (bytes.empty()) return out;
  try {
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()), long(bytes.size()));
    if (!image.get()) return out;
    image->readMetadata();
    scan(image->exifData(), out);
    scan(image->xmpData(), out);
    scan(image->iptcData(), out);
    if (!image->comment().empty()) {
      Finding f;
      f.kind = Kind::Metadata;
      f.category = "other-text";
      f.confidence = 0.9f;
      f.text = "Comment=" + image->comment().substr(0, 200);
      f.detector = "exiv2";
      f.detectorVersion = Exiv2::versionString();
      out.push_back(std::move(f));
    }
  } catch (...) {
    // unreadable metadata: nothing to report (the pixel decoder reports corrupt files)
  }
  return out;
}

}  // namespace medpics::detect
