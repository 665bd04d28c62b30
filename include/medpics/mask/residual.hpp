// Residual check: the detectors run again on the masked output; a PHI finding outside the masked regions blocks
// approval until the moderator masks it or overrides it with a written reason (recorded in the decision).
#pragma once
#include "medpics/detect/finding.hpp"
#include "medpics/mask/publish.hpp"
#include "medpics/mask/region.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace medpics::detect {
class Pipeline;
}

namespace medpics::mask {

// A finding is "inside" (already masked) when at least this fraction of its box is covered by accepted regions.
inline constexpr double kResidualInsideFraction = 0.9;

struct ResidualFinding {
  std::string imageId;      // set by the post-level check
  detect::Finding finding;  // box in pixels of the oriented (published) image; no box for metadata
  double covered = 0;       // fraction of the box covered by accepted regions (0 for metadata)
};

struct ResidualCheck {
  bool ran = false;                      // the detectors ran to completion on every image
  std::string error;                     // why the check could not run (then ran == false: approval stays blocked)
  std::vector<ResidualFinding> outside;  // PHI findings not masked: each blocks approval
  int maskedFindings = 0;                // PHI findings found again but inside the masks (informative)
  int dismissedFindings = 0;             // found again where the moderator dismissed the same thing (informative)
  std::string overrideReason;            // the moderator's written reason when approving despite `outside`
  double elapsedMs = 0;

  // True when approval may proceed: the check ran and found nothing, or the moderator wrote a reason.
  bool passes() const { return ran && (outside.empty() || !overrideReason.empty()); }
};

// What the detectors of the residual check look at: `bgr` with every masked area (non-zero in `covered`, grown by
// 2 px for compression ringing) filled with the mean colour of the pixels around it. The check looks for PHI left
// outside the masks; the masks' own edges and shapes (a black rectangle on skin reads as ink, a cluster of them as
// a face) are not PHI and would otherwise be found again, each time larger, at every approval.
cv::Mat withMasksBlended(const cv::Mat& bgr, const cv::Mat1b& covered);

// Fraction of `box` (clipped to the mask) covered by non-zero pixels of `coverage`; boxes outside count uncovered.
double coveredFraction(const detect::Box& box, const cv::Mat1b& coverage);

// Runs the pipeline's image detectors on `masked` (oriented 8-bit BGR, the pixels to be published, masks blended
// into their surroundings) and keeps the PHI findings that are not >= kResidualInsideFraction covered by the
// accepted `regions` and that no region already decided (residual_match.hpp: a dismissed finding of the same kind,
// place and text, or a mask over it). Never throws.
ResidualCheck residualCheck(detect::Pipeline& pipeline, const cv::Mat& masked, const std::vector<Region>& regions,
                            double insideFraction = kResidualInsideFraction);

// Same on the encoded published bytes (decoded as the platform will serve them): also reports any identifying
// metadata that survived in the file (always "outside": regions cannot mask metadata).
ResidualCheck residualCheckEncoded(detect::Pipeline& pipeline, const std::string& publishedBytes,
                                   const std::vector<Region>& regions, double insideFraction = kResidualInsideFraction);

// Post level: residualCheckEncoded on every published image with the regions of the matching PostImage (same order),
// findings tagged with the image id; `ran` only when every image was published and checked.
ResidualCheck residualCheckPost(detect::Pipeline& pipeline, const std::vector<PostImage>& images,
                                const std::vector<PublishedImage>& published,
                                double insideFraction = kResidualInsideFraction);

// Decision-upload mapping: {"ran", "phi_findings_outside", "override_reason" (string or null), "masked_findings",
// "dismissed_findings",
// "findings": [{"image_id"?, "covered", <detect::toJson(finding) fields>}], "error"? }.
nlohmann::json toJson(const ResidualCheck& check);

}  // namespace medpics::mask
