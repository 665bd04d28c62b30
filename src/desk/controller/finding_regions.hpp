// What an image's analysis adds to its region document: one region per finding with a place (no ImGui, no GL).
#pragma once
#include "medpics/detect/finding.hpp"
#include "medpics/mask/region.hpp"

#include <vector>

namespace medpics::desk {

struct Settings;

// PHI findings become accepted (masked) regions, the others dismissed outlines, in the moderator's style for their
// kind. A finding with an outline (a turned text line) becomes a polygon: its upright box would also hide the rows
// above and below it. Metadata findings (no box) are not regions.
std::vector<mask::Region> regionsFromFindings(const std::vector<detect::Finding>& findings, const Settings& settings);

}  // namespace medpics::desk
