// Findings of an analysis as regions of the image's document.
#include "controller/finding_regions.hpp"

#include "settings.hpp"

namespace medpics::desk {

std::vector<mask::Region> regionsFromFindings(const std::vector<detect::Finding>& findings, const Settings& settings) {
  std::vector<mask::Region> regions;
  for (const auto& f : findings) {
    if (!f.box || f.box->w <= 0 || f.box->h <= 0) continue;
    mask::Region r;
    r.box = {f.box->x, f.box->y, f.box->w, f.box->h};
    if (f.polygon.size() >= 3) {
      r.shape = mask::Shape::Polygon;
      for (const auto& p : f.polygon) r.points.emplace_back(p[0], p[1]);
    }
    r.origin = mask::Origin::Auto;
    r.state = f.phi ? mask::State::Accepted : mask::State::Dismissed;
    r.kind = detect::kindName(f.kind);
    r.style = settings.maskStyle(r.kind);  // the moderator's default style for this kind
    r.category = f.category;
    r.text = f.text;
    r.confidence = f.confidence;
    regions.push_back(std::move(r));
  }
  return regions;
}

}  // namespace medpics::desk
