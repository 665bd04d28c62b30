// Image kind from pixels (colour, paper, ECG grid, dark surround, skin) and the face/tattoo gating by kind.
#include "medpics/detect/image_kind.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace medpics::detect {
namespace {

// Regularity of vertical lines: autocorrelation peak of the column profile's high-pass, at lags 3..40 px.
double periodicity(const cv::Mat& gray) {
  cv::Mat profile;
  cv::reduce(gray, profile, 0, cv::REDUCE_AVG, CV_64F);
  const int n = profile.cols;
  if (n < 64) return 0;
  std::vector<double> p(std::size_t(n), 0.0);
  for (int i = 2; i + 2 < n; ++i) {  // remove the slow trend
    double mean = 0;
    for (int k = -2; k <= 2; ++k) mean += profile.at<double>(0, i + k);
    p[std::size_t(i)] = profile.at<double>(0, i) - mean / 5;
  }
  double energy = 0;
  for (double v : p) energy += v * v;
  if (energy < 1e-6) return 0;
  double best = 0;
  for (int lag = 3; lag <= 40 && lag < n / 2; ++lag) {
    double c = 0;
    for (int i = 0; i + lag < n; ++i) c += p[std::size_t(i)] * p[std::size_t(i + lag)];
    best = std::max(best, c / energy);
  }
  return std::clamp(best, 0.0, 1.0);
}

ImageKindFeatures measure(const cv::Mat& small) {
  ImageKindFeatures f;
  cv::Mat hsv, ycrcb, gray;
  cv::cvtColor(small, hsv, cv::COLOR_BGR2HSV);
  cv::cvtColor(small, ycrcb, cv::COLOR_BGR2YCrCb);
  cv::cvtColor(small, gray, cv::COLOR_BGR2GRAY);
  const double total = double(small.total());
  std::size_t colourful = 0, paper = 0, pink = 0, dark = 0, mid = 0, skin = 0;
  for (int y = 0; y < small.rows; ++y)
    for (int x = 0; x < small.cols; ++x) {
      const auto& h = hsv.at<cv::Vec3b>(y, x);
      const auto& c = small.at<cv::Vec3b>(y, x);
      const auto& yc = ycrcb.at<cv::Vec3b>(y, x);
      const int b = c[0], g = c[1], r = c[2];
      colourful += h[1] > 60 && h[2] > 40;
      paper += h[2] > 215 && h[1] < 30;
      pink += h[2] > 200 && r - g >= 8 && r - b >= 4 && h[1] < 130 && (h[0] < 12 || h[0] > 150);
      dark += h[2] < 30;
      mid += h[1] < 40 && h[2] >= 60 && h[2] <= 190;
      skin += yc[0] > 40 && yc[1] >= 135 && yc[1] <= 175 && yc[2] >= 85 && yc[2] <= 130;
    }
  f.colourful = double(colourful) / total;
  f.paper = double(paper) / total;
  f.pinkPaper = double(pink) / total;
  f.dark = double(dark) / total;
  f.midTones = double(mid) / total;
  f.skin = double(skin) / total;
  f.gridPeriodicity = periodicity(gray);
  int histogram[256] = {0};
  for (int y = 0; y < gray.rows; ++y)
    for (int x = 0; x < gray.cols; ++x) ++histogram[gray.at<uchar>(y, x)];
  int p90 = 255;
  for (std::size_t seen = 0; p90 > 0; --p90) {
    seen += std::size_t(histogram[p90]);
    if (double(seen) >= 0.1 * total) break;
  }
  std::size_t page = 0, ink = 0;
  double pageSat = 0;
  for (int y = 0; y < gray.rows; ++y)
    for (int x = 0; x < gray.cols; ++x) {
      const int g = gray.at<uchar>(y, x);
      if (g >= p90 - 30) {
        ++page;
        pageSat += hsv.at<cv::Vec3b>(y, x)[1];
      }
      ink += g < 0.55 * p90;
    }
  cv::Mat mean3;
  cv::blur(gray, mean3, {3, 3});
  std::size_t speckled = 0;
  for (int y = 0; y < gray.rows; ++y)
    for (int x = 0; x < gray.cols; ++x) {
      const int g = gray.at<uchar>(y, x);
      speckled += g >= 40 && g <= 215 && std::abs(g - int(mean3.at<uchar>(y, x))) > 10;
    }
  f.speckle = double(speckled) / total;
  f.page = double(page) / total;
  f.pageSaturation = page ? pageSat / double(page) : 0;
  f.ink = double(ink) / total;
  return f;
}

// (pale and nearly colourless: a close-up of skin is pink and its texture can look periodic, but it is saturated)
// A small ECG after strong JPEG blurs its grid (periodicity 0.39-0.49 on six of the corpus's ECGs, 1.8-3 MP, q44-q60):
// nearly all of it pink paper (0.93 or more), with no colour and a pale page, it is still an ECG (lab reports: pink
// paper 0.87 at most, grid 0.15 at most; skin photos with so little colour: pink 0.73 at most, page saturation 51 or
// more). One of them (5821 image 4, page saturation 36) read as a skin photo, a face box on a lead label made it a
// person photo, and every uncertain line on it was masked.
// ECG paper's brightest part is pale: page saturation 26-43 on 192 ECGs of 48 seeds; a pink skin close-up whose
// texture looked periodic (grid 0.51, pink paper 0.43, 9281 image 22) had 54, and as an ECG its tattoo went unseen.
bool ecgLike(const ImageKindFeatures& f) {
  if (f.pinkPaper > 0.9 && f.gridPeriodicity > 0.3 && f.colourful < 0.3 && f.pageSaturation < 45) return true;
  return f.pinkPaper > 0.35 && f.gridPeriodicity > 0.5 && f.colourful < 0.3 && f.pageSaturation < 48;
}
// Skin filling most of the frame: skin-coloured and, where brightest, saturated like skin (paper is pale: ECG paper
// is skin-coloured but pale, and is recognised first). A pale close-up of skin is not a "shaded page".
bool skinLike(const ImageKindFeatures& f) { return f.skin > 0.5 && f.pageSaturation > 35; }
// White paper, or a photographed page: most pixels near the brightest level, pale, some dark print, few grey tones.
bool documentLike(const ImageKindFeatures& f) {
  if (f.paper > 0.5 && f.midTones < 0.3 && f.colourful < 0.15) return true;
  return f.page > 0.6 && f.pageSaturation < 40 && f.ink > 0.003 && f.ink < 0.12 && f.midTones < 0.2;
}

}  // namespace

const char* imageKindName(ImageKind kind) {
  switch (kind) {
    case ImageKind::Radiograph: return "radiograph";
    case ImageKind::Ecg: return "ecg";
    case ImageKind::Document: return "document";
    case ImageKind::Ultrasound: return "ultrasound";
    case ImageKind::SkinPhoto: return "skin";
    case ImageKind::PersonPhoto: return "person";
    case ImageKind::Photo: return "photo";
  }
  return "photo";
}

// The largest bright, pale region (a photographed page on a table), when it covers at least 30 % of the image: its
// bounding box, and the fraction of that box the region fills (a page turned on the table leaves corners of table).
struct PageRegion {
  cv::Rect box;
  double fill = 1;
  double squareness = 1;  // the fraction of its turned bounding rectangle the region fills (a sheet of paper: ~1)
};
PageRegion pageRegion(const cv::Mat& small) {
  cv::Mat gray, hsv, mask;
  cv::cvtColor(small, gray, cv::COLOR_BGR2GRAY);
  cv::cvtColor(small, hsv, cv::COLOR_BGR2HSV);
  double maxV = 0;
  cv::Mat blurred;
  cv::GaussianBlur(gray, blurred, {0, 0}, 2);
  cv::minMaxLoc(blurred, nullptr, &maxV);
  std::vector<cv::Mat> ch;
  cv::split(hsv, ch);
  cv::Mat bright;
  const double otsu = cv::threshold(blurred, bright, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  mask = (blurred >= std::max(otsu, maxV - 90)) & (ch[1] < 60);
  cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {9, 9}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  cv::Rect best;
  double bestArea = 0, squareness = 1;
  for (const auto& c : contours) {
    const double a = cv::contourArea(c);
    if (a > bestArea) {
      bestArea = a;
      best = cv::boundingRect(c);
      squareness = a / std::max(1.f, cv::minAreaRect(c).size.area());
    }
  }
  const cv::Rect all(0, 0, small.cols, small.rows);
  if (bestArea < 0.3 * double(small.total()) || best.area() >= 0.95 * all.area()) return {all};
  return {best, std::min(1.0, bestArea / std::max(1, best.area())), std::min(1.0, squareness)};
}

// `small` with its lighting evened out: each channel divided by its background (the print closed over, then blurred),
// paper brought to 235 wherever the light falls.
static cv::Mat withEvenLight(const cv::Mat& small) {
  cv::Mat background, pixels, light, even;
  cv::morphologyEx(small, background, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {9, 9}));
  cv::GaussianBlur(background, background, {0, 0}, 6);
  small.convertTo(pixels, CV_32F);
  background.convertTo(light, CV_32F);
  cv::divide(pixels, light, even, 235.0);
  even.convertTo(even, CV_8U);
  return even;
}

// A bright region filling this much of its turned bounding rectangle is a sheet of paper (lab reports photographed
// on a table: 0.95-0.99; wristbands 0.78-0.86, ultrasound sectors 0.60-0.72, a tattooed arm 0.65).
constexpr double kSheetSquareness = 0.93;

ImageKindFeatures measureImageKind(const cv::Mat& bgr) {
  if (bgr.empty()) return {};
  const double scale = std::min(1.0, 256.0 / std::max(bgr.cols, bgr.rows));
  cv::Mat small;
  cv::resize(bgr, small, {}, scale, scale, cv::INTER_AREA);
  ImageKindFeatures f = measure(small);
  if (!ecgLike(f) && !documentLike(f) && !skinLike(f)) {
    // a page photographed on a table: measured inside the page
    const auto [page, fill, squareness] = pageRegion(small);
    if (page.area() > 16 && page.area() < int(small.total())) {
      ImageKindFeatures g = measure(small(page).clone());
      // inside a page already found bright and pale: shading allowed, still pale, little grey and little ink; its
      // paper counted over the page, not over the box's corners of table (a lab report turned 4 degrees on a mauve
      // table, filling 0.8 of its box: paper 0.38 of the box)
      const bool shadedPage =
          g.colourful < 0.1 && g.midTones < 0.15 && g.ink < 0.15 && (g.paper > 0.4 * fill || g.page > 0.45 * fill);
      // a sheet of paper under light falling off across it (from white to mid-grey: a third of it within 30 levels
      // of its brightest, a lab report on a mauve table read as a skin photo) is a page once its light is evened out
      const auto evenSheet = [&] {
        const ImageKindFeatures e = measure(withEvenLight(small(page)));
        return documentLike(e) && e.colourful < 0.1 && e.midTones < 0.15 && e.ink < 0.15;
      };
      if (ecgLike(g) || documentLike(g) || shadedPage || (squareness >= kSheetSquareness && evenSheet())) {
        g.paper = std::max(g.paper, 0.51);  // classified as a document from here on
        g.midTones = std::min(g.midTones, 0.29);
        g.colourful = std::min(g.colourful, 0.14);
        return g;
      }
    }
  }
  if (!ecgLike(f) && !documentLike(f) && cv::mean(small)[0] + cv::mean(small)[1] + cv::mean(small)[2] < 3 * 100) {
    // a dark image may be an inverted ECG or document: measured again in the other polarity
    cv::Mat inverted = cv::Scalar::all(255) - small;
    const ImageKindFeatures g = measure(inverted);
    if (ecgLike(g) || documentLike(g)) {
      ImageKindFeatures kept = g;
      kept.skin = f.skin;
      return kept;
    }
  }
  return f;
}

ImageKind classifyImageKind(const ImageKindFeatures& f) {
  if (ecgLike(f)) return ImageKind::Ecg;
  if (skinLike(f)) return ImageKind::Photo;  // refined into skin / person photo
  if (documentLike(f)) return ImageKind::Document;
  if (f.colourful < 0.04) return f.dark > 0.45 ? ImageKind::Ultrasound : ImageKind::Radiograph;
  return ImageKind::Photo;
}

ImageKind classifyImageKind(const cv::Mat& bgr) { return classifyImageKind(measureImageKind(bgr)); }

ImageKind refineWithFaces(ImageKind kind, const ImageKindFeatures& f, bool faceFound) {
  if (kind != ImageKind::Photo) return kind;
  if (faceFound) return ImageKind::PersonPhoto;
  return f.skin > 0.08 ? ImageKind::SkinPhoto : ImageKind::Photo;
}

bool isPhotoKind(ImageKind kind) {
  return kind == ImageKind::SkinPhoto || kind == ImageKind::PersonPhoto || kind == ImageKind::Photo;
}

bool tattooHeuristicApplies(ImageKind kind) { return kind == ImageKind::SkinPhoto || kind == ImageKind::PersonPhoto; }

std::vector<Finding> gateFaces(const std::vector<Finding>& faces, const cv::Mat& bgr, ImageKind kind) {
  if (isPhotoKind(kind)) return faces;
  std::vector<Finding> kept;
  const bool colour = [&] {
    if (bgr.channels() != 3) return false;
    cv::Mat small, hsv;
    cv::resize(bgr, small, {64, 64}, 0, 0, cv::INTER_AREA);
    cv::cvtColor(small, hsv, cv::COLOR_BGR2HSV);
    return cv::mean(hsv)[1] > 12;
  }();
  const int shortSide = std::min(bgr.cols, bgr.rows);
  for (const auto& f : faces) {
    if (!f.box) continue;
    const bool twoDetectors = f.detector.find('+') != std::string::npos;
    // the finding's box is the head (about 1.5 x 1.8 the tight face): back to the tight size
    const double tight = std::min(f.box->w / 1.5, f.box->h / 1.8);
    const bool plausible = tight >= 12 && tight <= 0.35 * shortSide;
    bool skin = true;
    if (colour) {
      const cv::Rect r = cv::Rect(f.box->x + f.box->w / 6, f.box->y + f.box->h / 4, f.box->w * 2 / 3, f.box->h / 2) &
                         cv::Rect(0, 0, bgr.cols, bgr.rows);
      if (r.area() <= 0) continue;
      cv::Mat ycrcb, hsv, mask, saturated;
      cv::cvtColor(bgr(r), ycrcb, cv::COLOR_BGR2YCrCb);
      cv::cvtColor(bgr(r), hsv, cv::COLOR_BGR2HSV);
      cv::inRange(ycrcb, cv::Scalar(40, 135, 85), cv::Scalar(255, 175, 130), mask);
      cv::inRange(hsv, cv::Scalar(0, 45, 50), cv::Scalar(180, 255, 255), saturated);  // pale pink paper is not skin
      mask &= saturated;
      skin = cv::countNonZero(mask) >= 0.25 * double(mask.total());
    }
    if (twoDetectors && plausible && skin) kept.push_back(f);
  }
  return kept;
}

}  // namespace medpics::detect
