// Tattoo heuristic: YCrCb skin mask, filled skin blobs, and within them dark or blue/green ink that is not skin.
#include "medpics/detect/tattoo.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace medpics::detect {
namespace {

// Saturated red pixels of an HSV image (hue within 12 of red, saturation 90 or more).
cv::Mat redMask(const cv::Mat& hsv) {
  cv::Mat red, lowRed;
  cv::inRange(hsv, cv::Scalar(0, 90, 40), cv::Scalar(12, 255, 255), red);
  cv::inRange(hsv, cv::Scalar(165, 90, 40), cv::Scalar(180, 255, 255), lowRed);
  return red | lowRed;
}

// A wound, a blood stain or a bruise: mostly saturated red ink with soft edges (the luma gradient on the mark's border
// under 12 % of its contrast with the skin per pixel; a tattoo's strokes are sharp, and a red tattoo is too).
// `red`: redMask of the whole working image.
bool woundLike(const cv::Mat& bgrSmall, const cv::Mat& red, const cv::Mat& inkMask, const cv::Rect& r,
               double skinLuma) {
  cv::Mat gray, gx, gy, magnitude;
  const double inkPixels = std::max(1, cv::countNonZero(inkMask));
  if (cv::countNonZero(red(r) & inkMask) < 0.6 * inkPixels) return false;
  cv::cvtColor(bgrSmall(r), gray, cv::COLOR_BGR2GRAY);
  cv::Sobel(gray, gx, CV_32F, 1, 0);
  cv::Sobel(gray, gy, CV_32F, 0, 1);
  cv::magnitude(gx, gy, magnitude);
  cv::Mat border;
  cv::morphologyEx(inkMask, border, cv::MORPH_GRADIENT, cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3}));
  if (cv::countNonZero(border) == 0) return false;
  const double contrast = std::max(1.0, skinLuma - cv::mean(gray, inkMask)[0]);
  // a Sobel kernel sums to 4 over a step: a sharp step of `contrast` gives about 4 x contrast / (edge width)
  return cv::mean(magnitude, border)[0] / 4.0 < 0.12 * contrast;
}

// Solid convex patches of saturated red clearly darker than the skin (luma under 3/4 of its mean; the hue range of red
// holds the skin's own, hue 9-13 at saturation 97-112 on a tanned photo): a wound, an ulcer or a patch of erythema
// drawn flat with a sharp edge (an ellipse of 1050 x 850 px on a 12 MP skin photo, whose mottled chroma left 7 "marks"
// of red ink across it), from a little over a mark's smallest area to a quarter of the image. A red tattoo is line art
// or a figure such as a star, far from convex (a solid five-pointed star fills 0.6 of its hull); a patch fills 0.9 of
// it or more. `red`: redMask of the image. Returns the patches' red pixels.
cv::Mat redPatches(const cv::Mat& redPixels, const cv::Mat& luma, double skinLuma, const TattooOptions& o) {
  const cv::Mat red = redPixels & (luma < 0.75 * skinLuma);
  cv::Mat solid;
  cv::morphologyEx(red, solid, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(solid, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  cv::Mat patches = cv::Mat::zeros(red.size(), CV_8U);
  const double total = double(red.total());
  for (const auto& c : contours) {
    const double area = cv::contourArea(c);
    if (area < 2 * o.minMarkArea * total || area > o.maxMarkArea * total) continue;
    std::vector<cv::Point> hull;
    cv::convexHull(c, hull);
    if (area >= 0.9 * cv::contourArea(hull))
      cv::drawContours(patches, std::vector<std::vector<cv::Point>>{c}, -1, 255, cv::FILLED);
  }
  return patches & red;
}

// True when a mark's ink (its box) closes around skin covering 15 % of the box or more (a star in a ring: 24 %, its
// inner star): an outline drawn as a closed shape (a circle, a heart; 2-3 px grey strokes at the working scale ink
// 0.06-0.1 of the box). Hair, creases and fabric seams are open strokes.
bool enclosesSkin(const cv::Mat& markInk) {
  std::vector<std::vector<cv::Point>> contours;
  std::vector<cv::Vec4i> hierarchy;
  cv::findContours(markInk.clone(), contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_SIMPLE);
  for (std::size_t i = 0; i < contours.size(); ++i)
    if (hierarchy[i][3] >= 0 && cv::contourArea(contours[i]) >= 0.15 * double(markInk.total())) return true;
  return false;
}

}  // namespace

std::vector<Finding> detectTattoos(const cv::Mat& bgr, const std::vector<Box>& exclude, const TattooOptions& o) {
  std::vector<Finding> out;
  if (bgr.empty() || bgr.channels() != 3) return out;
  const double scale = std::min(1.0, double(o.workingSide) / std::max(bgr.cols, bgr.rows));
  cv::Mat small, ycrcb, hsv, skin;
  cv::resize(bgr, small, {}, scale, scale, cv::INTER_AREA);
  cv::cvtColor(small, ycrcb, cv::COLOR_BGR2YCrCb);
  cv::cvtColor(small, hsv, cv::COLOR_BGR2HSV);
  cv::inRange(ycrcb, cv::Scalar(40, 135, 85), cv::Scalar(255, 175, 130), skin);
  cv::morphologyEx(skin, skin, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
  if (cv::countNonZero(skin) < o.minSkinFraction * double(skin.total())) return out;

  // Skin blobs with their holes filled: what lies in a hole is enclosed by skin.
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(skin.clone(), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  cv::Mat filled = cv::Mat::zeros(skin.size(), CV_8U);
  for (const auto& c : contours)
    if (cv::contourArea(c) > 0.01 * double(skin.total()))
      cv::drawContours(filled, std::vector<std::vector<cv::Point>>{c}, -1, 255, cv::FILLED);
  cv::erode(filled, filled, cv::getStructuringElement(cv::MORPH_ELLIPSE, {9, 9}));

  const double skinLuma = cv::mean(ycrcb, skin)[0];
  std::vector<cv::Mat> channels;
  cv::split(ycrcb, channels);
  cv::Mat dark = channels[0] < skinLuma * 0.55;
  cv::Mat blueGreen;
  cv::inRange(hsv, cv::Scalar(35, 40, 20), cv::Scalar(165, 255, 220), blueGreen);  // green..blue..violet ink
  // ink is not skin; but a thin dark stroke (1-2 px at this scale, a grey outline blended with the skin around it)
  // keeps a skin chroma: dark pixels that an opening of 5 px removes are ink whatever their chroma. Solid dark areas of
  // skin chroma (a shadow, a photo's dark corner) stay skin
  cv::Mat solidDark;
  cv::morphologyEx(dark, solidDark, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
  cv::Mat ink = ((dark & ~solidDark) | ((dark | blueGreen) & ~skin)) & filled;
  // what faces, read lines and codes hold (eyes, letters, bars): a mark lying mostly there is theirs. Not blanked out
  // of the ink: a name read inside a tattoo's outline (a heart around "Camille") would cut the outline into pieces
  // too thin to pass the tests below
  cv::Mat excluded = cv::Mat::zeros(ink.size(), CV_8U);
  for (const auto& b : exclude) {
    const cv::Rect r = cv::Rect(int(b.x * scale), int(b.y * scale), int(b.w * scale) + 1, int(b.h * scale) + 1) &
                       cv::Rect(0, 0, ink.cols, ink.rows);
    excluded(r).setTo(255);
  }
  // red "ink" inside a solid red patch is the patch's mottle (dark line art drawn over the patch is not red, and stays)
  const cv::Mat red = redMask(hsv);
  ink.setTo(0, redPatches(red, channels[0], skinLuma, o));
  cv::morphologyEx(ink, ink, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_ELLIPSE, {7, 7}));

  cv::findContours(ink, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  const double total = double(ink.total());
  std::vector<cv::Rect> candidates;
  for (const auto& c : contours) {
    const cv::Rect r = cv::boundingRect(c);
    const double area = double(r.area()) / total;
    if (area < o.minMarkArea || area > o.maxMarkArea) continue;
    // ink pixels over the box: strokes, not the thin outline of a grid cell or a fabric's seam. Line-art in blue/green
    // or black tattoo ink may be thin, and so may a grey outline closed around skin; other dark grey marks must be
    // drawn with some weight (a heart outlined in grey around a name, 1-2 px strokes at the working scale: 0.13)
    const double inkPixels = std::max(1, cv::countNonZero(ink(r)));
    // (a mark reaching well past them is no letter nor eye: a heart outline 4 times the height of the name it holds,
    // "Margaux" in bold over 0.6 of its ink, was dropped with the name)
    if (cv::countNonZero(ink(r) & excluded(r)) >= 0.6 * inkPixels && cv::countNonZero(excluded(r)) >= 0.5 * r.area())
      continue;
    const double solidity = inkPixels / std::max(1.0, double(r.area()));
    const double tattooInk = cv::countNonZero(ink(r) & blueGreen(r)) / inkPixels;
    const double darkness = cv::mean(channels[0](r), ink(r))[0] / std::max(1.0, skinLuma);  // ink vs skin luma
    const bool lineArt = tattooInk > 0.5 || darkness < 0.45 || enclosesSkin(ink(r));
    if (solidity < (lineArt ? 0.04 : 0.1)) continue;
    if (woundLike(small, red, ink(r) > 0, r, skinLuma)) continue;
    candidates.push_back(r);
  }
  // A repeated pattern (ECG paper grid, fabric) gives many marks of the same size: not tattoos.
  auto similar = [&](const cv::Rect& a) {
    return std::count_if(candidates.begin(), candidates.end(),
                         [&](const cv::Rect& b) { return std::abs(a.area() - b.area()) < 0.35 * a.area(); });
  };
  for (const cv::Rect& r : candidates) {
    if (similar(r) >= 5) continue;
    const double solidity = cv::countNonZero(ink(r)) / std::max(1.0, double(r.area()));
    Finding f;
    f.kind = Kind::Tattoo;
    f.category = "tattoo";
    f.phi = true;
    f.confidence = float(std::clamp(0.2 + solidity * 0.3, 0.2, 0.4));
    const int pad = int(std::max(r.width, r.height) * 0.15) + 2;
    const cv::Rect full = cv::Rect(int((r.x - pad) / scale), int((r.y - pad) / scale), int((r.width + 2 * pad) / scale),
                                   int((r.height + 2 * pad) / scale)) &
                          cv::Rect(0, 0, bgr.cols, bgr.rows);
    f.box = Box{full.x, full.y, full.width, full.height};
    f.detector = "skin-ink";
    f.detectorVersion = "1";
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace medpics::detect
