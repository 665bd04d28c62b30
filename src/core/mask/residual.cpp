// Residual check: detectors on the masked output, findings split into "inside the masks" and "outside" (blocking).
#include "medpics/mask/residual.hpp"

#include "medpics/detect/metadata.hpp"
#include "medpics/detect/pipeline.hpp"
#include "medpics/image/decode.hpp"
#include "medpics/mask/burn_in.hpp"
#include "medpics/mask/residual_match.hpp"

#include <chrono>
#include <cmath>
#include <exception>

#include <opencv2/imgproc.hpp>

namespace medpics::mask {

namespace {
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Splits the PHI findings of an analysis by coverage; benign findings (phi == false) are ignored, and so are the
// findings the moderator already decided (a dismissed region or a mask of the same kind, place and text).
void classify(ResidualCheck& check, const detect::AnalysisResult& result, const cv::Mat1b& covered,
              const std::vector<Region>& regions, double insideFraction) {
  if (!result.ok()) {
    check.error = result.error;
    return;
  }
  for (const auto& f : result.findings) {
    if (!f.phi) continue;
    const double fraction = f.box ? coveredFraction(*f.box, covered) : 0.0;
    if (f.box && fraction >= insideFraction) {
      ++check.maskedFindings;
      continue;
    }
    const Known known = knownFinding(f, regions);
    if (known == Known::Masked) ++check.maskedFindings;
    if (known == Known::Dismissed) ++check.dismissedFindings;
    if (known != Known::New) continue;
    check.outside.push_back({"", f, fraction});
  }
  check.ran = true;
}
}  // namespace

cv::Mat withMasksBlended(const cv::Mat& bgr, const cv::Mat1b& covered) {
  cv::Mat out = bgr.clone();
  if (covered.empty() || covered.size() != bgr.size() || bgr.type() != CV_8UC3) return out;
  // JPEG ringing along a mask's edge belongs to the mask too.
  cv::Mat1b hidden;
  cv::dilate(covered, hidden, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  cv::Mat1i labels;
  cv::Mat stats, centroids;
  const int count = cv::connectedComponentsWithStats(hidden, labels, stats, centroids, 8, CV_32S);
  const cv::Rect whole(0, 0, bgr.cols, bgr.rows);
  for (int i = 1; i < count; ++i) {
    const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    const cv::Rect around = (box + cv::Point(-3, -3) + cv::Size(6, 6)) & whole;
    const cv::Mat1b area = labels(around) == i;
    cv::Mat1b ring;
    cv::dilate(area, ring, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
    ring &= ~hidden(around);
    // A mask covering the whole image has no border: mid grey.
    const cv::Scalar fill = cv::countNonZero(ring) > 0 ? cv::mean(bgr(around), ring) : cv::Scalar(128, 128, 128);
    out(around).setTo(fill, area);
  }
  return out;
}

double coveredFraction(const detect::Box& box, const cv::Mat1b& coverage) {
  if (box.area() == 0) return 0.0;
  const cv::Rect r = cv::Rect(box.x, box.y, box.w, box.h) & cv::Rect(0, 0, coverage.cols, coverage.rows);
  if (r.area() == 0) return 0.0;
  return static_cast<double>(cv::countNonZero(coverage(r))) / static_cast<double>(box.area());
}

ResidualCheck residualCheck(detect::Pipeline& pipeline, const cv::Mat& masked, const std::vector<Region>& regions,
                            double insideFraction) {
  const auto start = Clock::now();
  ResidualCheck check;
  try {
    const cv::Mat1b covered = coverage(masked.size(), regions);
    classify(check, pipeline.analyzeImage(withMasksBlended(masked, covered)), covered, regions, insideFraction);
  } catch (const std::exception& e) {
    check.ran = false;
    check.error = e.what();
  }
  check.elapsedMs = msSince(start);
  return check;
}

ResidualCheck residualCheckEncoded(detect::Pipeline& pipeline, const std::string& publishedBytes,
                                   const std::vector<Region>& regions, double insideFraction) {
  const auto start = Clock::now();
  ResidualCheck check;
  try {
    // Decoded with the guarded decoder, as a viewer would; the metadata left in the file is checked too.
    const image::DecodedImage decoded = image::decode(publishedBytes);
    if (!decoded.ok()) {
      check.error = decoded.error.empty() ? "the published image cannot be decoded" : decoded.error;
    } else {
      const cv::Mat1b covered = coverage(decoded.bgr.size(), regions);
      detect::AnalysisResult result = pipeline.analyzeImage(withMasksBlended(decoded.bgr, covered));
      for (auto& f : detect::detectMetadata(publishedBytes)) result.findings.push_back(std::move(f));
      classify(check, result, covered, regions, insideFraction);
    }
  } catch (const std::exception& e) {
    check.ran = false;
    check.error = e.what();
  }
  check.elapsedMs = msSince(start);
  return check;
}

ResidualCheck residualCheckPost(detect::Pipeline& pipeline, const std::vector<PostImage>& images,
                                const std::vector<PublishedImage>& published, double insideFraction) {
  const auto start = Clock::now();
  ResidualCheck post;
  post.ran = !images.empty() && images.size() == published.size();
  if (images.size() != published.size()) post.error = "the published images do not match the post's images";
  for (std::size_t i = 0; i < images.size() && i < published.size(); ++i) {
    const std::string& id = images[i].id;
    if (!published[i].ok()) {
      post.ran = false;
      if (post.error.empty()) post.error = "image " + id + ": " + published[i].error;
      continue;
    }
    ResidualCheck one = residualCheckEncoded(pipeline, published[i].encoded.bytes, images[i].regions, insideFraction);
    if (!one.ran) {
      post.ran = false;
      if (post.error.empty()) post.error = "image " + id + ": " + one.error;
    }
    post.maskedFindings += one.maskedFindings;
    post.dismissedFindings += one.dismissedFindings;
    for (auto& f : one.outside) {
      f.imageId = id;
      post.outside.push_back(std::move(f));
    }
  }
  post.elapsedMs = msSince(start);
  return post;
}

nlohmann::json toJson(const ResidualCheck& check) {
  nlohmann::json j;
  j["ran"] = check.ran;
  j["phi_findings_outside"] = check.outside.size();
  j["override_reason"] = check.overrideReason.empty() ? nlohmann::json(nullptr) : nlohmann::json(check.overrideReason);
  j["masked_findings"] = check.maskedFindings;
  j["dismissed_findings"] = check.dismissedFindings;
  j["findings"] = nlohmann::json::array();
  for (const auto& f : check.outside) {
    nlohmann::json item = detect::toJson(f.finding);
    if (!f.imageId.empty()) item["image_id"] = f.imageId;
    item["covered"] = std::round(f.covered * 1000) / 1000;
    j["findings"].push_back(std::move(item));
  }
  if (!check.error.empty()) j["error"] = check.error;
  return j;
}

}  // namespace medpics::mask
