// Identifying metadata (EXIF, XMP, IPTC) read with Exiv2, reported as findings without a box.
#pragma once
#include "medpics/detect/finding.hpp"

#include <string_view>
#include <vector>

namespace medpics::detect {

// Categories: "gps" (GPSInfo), "date" (capture/modification dates), "device" (serial numbers, owner of the camera),
// "name" (artist, author, creator, person shown, by-line), "other-text" (descriptions, comments, keywords, captions),
// "address" (city, location fields). text = "<Exiv2 key>=<value>". Never throws; corrupt metadata gives no finding.
std::vector<Finding> detectMetadata(std::string_view imageBytes);

}  // namespace medpics::detect
