// Matching residual findings against the regions the moderator already decided (dismissed or masked).
#include "medpics/mask/residual_match.hpp"
#include "medpics/util/edit_distance.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include <opencv2/core.hpp>

namespace medpics::mask {

namespace {
std::string normalised(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80)
      out.push_back(c);  // UTF-8 letters (é, ü...) compared as bytes
    else if (std::isalnum(u))
      out.push_back(static_cast<char>(std::tolower(u)));
  }
  return out;
}

cv::Rect rectOf(const detect::Box& b) { return {b.x, b.y, b.w, b.h}; }

// A finding that holds what the moderator dismissed and more: half as long again in letters and digits, on a box half
// as large again ("Prélevé le 09/01/2023" read beside a dismissed "Prélevé le" after the date's mask moved away).
bool readsMoreThan(const detect::Finding& finding, const Region& region, const cv::Rect& box, const cv::Rect& other) {
  const std::size_t found = normalised(finding.text).size(), dismissed = normalised(region.text).size();
  return dismissed > 0 && 2 * found > 3 * dismissed && 2 * double(box.area()) > 3 * double(other.area());
}
}  // namespace

bool similarText(std::string_view a, std::string_view b) {
  const std::string x = normalised(a), y = normalised(b);
  if (x.empty() || y.empty()) return true;
  if (x == y) return true;
  const std::string& shorter = x.size() <= y.size() ? x : y;
  const std::string& longer = x.size() <= y.size() ? y : x;
  if (shorter.size() >= 2 && longer.find(shorter) != std::string::npos) return true;
  return util::editDistance(x, y) * 3 <= longer.size();
}

bool matchesRegion(const detect::Finding& finding, const Region& region) {
  if (!finding.box || finding.box->area() == 0 || region.kind.empty()) return false;
  const cv::Rect box = rectOf(*finding.box);
  const cv::Rect other = region.bounds();
  const cv::Rect common = box & other;
  if (common.area() == 0) return false;
  // A code that cannot be decoded, mostly on pixels the moderator left visible as another kind (a bold word or a
  // marker the first analysis read as benign text): the same pixels, seen as a code-like blob after the re-encode.
  if (finding.category == "unreadable-code" && region.state == State::Dismissed &&
      common.area() >= 0.5 * static_cast<double>(box.area()))
    return true;
  if (region.kind != detect::kindName(finding.kind)) return false;
  // A re-reading of part of a dismissed region (nearly all of it inside): the same pixels the moderator left
  // visible, read differently after the re-encode (e.g. "ITIAS /" inside "kV 65 mAs 7"): not new, whatever the text.
  if (region.state == State::Dismissed && common.area() >= 0.9 * static_cast<double>(box.area())) return true;
  if (!similarText(finding.text, region.text)) return false;
  if (region.state == State::Dismissed && readsMoreThan(finding, region, box, other)) return false;
  if (region.state == State::Dismissed) {
    const double overlap = static_cast<double>(common.area());
    const double iou = overlap / static_cast<double>(box.area() + other.area() - common.area());
    return iou >= 0.3 || overlap >= 0.5 * static_cast<double>(std::min(box.area(), other.area()));
  }
  // Accepted: the region's own masked pixels (ellipse, polygon, brush) must hide at least half of the finding.
  cv::Mat1b local;
  const cv::Rect area = rasterizeLocal(region, {box.x + box.width, box.y + box.height}, local);
  const cv::Rect inside = area & box;
  if (inside.area() == 0) return false;
  const int masked = cv::countNonZero(local(inside - area.tl()));
  return 2.0 * masked >= static_cast<double>(box.area());
}

Known knownFinding(const detect::Finding& finding, const std::vector<Region>& regions) {
  for (const auto& r : regions)
    if (matchesRegion(finding, r)) return r.state == State::Dismissed ? Known::Dismissed : Known::Masked;
  return Known::New;
}

}  // namespace medpics::mask
