// What the residual check already knows: a finding of the published image that matches a region the moderator
// dismissed, or one already masked, is not new and is never raised again.
#pragma once
#include "medpics/detect/finding.hpp"
#include "medpics/mask/region.hpp"

#include <string_view>
#include <vector>

namespace medpics::mask {

// Same or similar text, compared on lower-case letters and digits only: equal, one containing the other (at least
// two characters), or an edit distance of at most a third of the longer one. Texts absent on either side (faces,
// tattoos) do not argue against a match.
bool similarText(std::string_view a, std::string_view b);

// True when `finding` is what `region` already decided: same kind, overlapping place (dismissed: intersection over
// union >= 0.3 or half of the smaller box; accepted: half of the finding's box inside the region's masked pixels),
// same or similar text; a finding that reads half as much again as a dismissed region, on a box half as large again,
// holds more than what was dismissed and does not match it. Regions without a kind (drawn by hand) match nothing.
bool matchesRegion(const detect::Finding& finding, const Region& region);

enum class Known { New, Dismissed, Masked };
// The first region of `regions` that `finding` matches decides: Dismissed or Masked; New when none does.
Known knownFinding(const detect::Finding& finding, const std::vector<Region>& regions);

}  // namespace medpics::mask
