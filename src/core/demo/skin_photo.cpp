// Skin / wound photos: a lesion on textured skin with either a real face photograph composited or a tattoo mark.
#include "generators.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>

namespace medpics::synth {

std::vector<FacePhoto> availableFacePhotos() {
  // Sample photographs of Debian's opencv-doc package; face boxes measured by hand once on these exact
  // files (hairline to chin, cheek to cheek, ears excluded); a file of another size is not used.
  // Every face a photograph shows must be listed: messi5.jpg (a football match) is not used, because its
  // stadium crowd holds dozens of real faces that are not in the ground truth (detections there were
  // counted as false alarms, and a missed crowd face could not be counted at all).
  struct Known {
    const char* path;
    cv::Size size;
    cv::Rect face;
  };
  static const std::vector<Known> known{
      {"/usr/share/doc/opencv-doc/opencv4/html/227943776_1.jpg", {434, 434}, {144, 103, 151, 187}},
      {"/usr/share/doc/opencv-doc/opencv4/html/230501201_1.jpg", {584, 824}, {180, 225, 310, 365}},
      {"/usr/share/doc/opencv-doc/opencv4/html/face_swapped.jpg", {320, 320}, {107, 76, 104, 137}},
  };
  static const std::vector<FacePhoto> found = [] {
    std::vector<FacePhoto> out;
    for (const auto& k : known) {
      if (!std::filesystem::exists(k.path)) continue;
      cv::Mat img = cv::imread(k.path, cv::IMREAD_COLOR);
      if (img.size() == k.size) out.push_back({k.path, k.face});
    }
    return out;
  }();
  return found;
}

namespace detail {

namespace {
void drawLesion(cv::Mat& img, Rng& rng, cv::Rect area) {
  const cv::Point centre(area.x + area.width / 2 + rng.uniform(-area.width / 5, area.width / 5),
                         area.y + area.height / 2 + rng.uniform(-area.height / 5, area.height / 5));
  const int r = std::max(8, std::min(area.width, area.height) / rng.uniform(5, 9));
  // Work in a region around the lesion only (the blur reaches about 3 sigma beyond the outline).
  const cv::Rect roi = cv::Rect(centre.x - 2 * r, centre.y - 2 * r, 4 * r, 4 * r) & cv::Rect(0, 0, img.cols, img.rows);
  if (roi.empty()) return;
  cv::Mat mask = cv::Mat::zeros(roi.size(), CV_8UC1);
  std::vector<cv::Point> poly;
  for (int i = 0; i < 16; ++i) {
    const double a = i * CV_PI / 8, k = rng.real(0.7, 1.2);
    poly.emplace_back(centre.x - roi.x + int(r * k * std::cos(a) * 1.4), centre.y - roi.y + int(r * k * std::sin(a)));
  }
  cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{poly}, cv::Scalar(255));
  cv::GaussianBlur(mask, mask, {0, 0}, r / 6.0 + 1);
  const cv::Vec3f lesion(float(rng.uniform(40, 70)), float(rng.uniform(40, 80)), float(rng.uniform(120, 170)));
  cv::Mat target = img(roi);
  for (int y = 0; y < roi.height; ++y) {
    const uchar* mrow = mask.ptr<uchar>(y);
    cv::Vec3b* row = target.ptr<cv::Vec3b>(y);
    for (int x = 0; x < roi.width; ++x) {
      if (!mrow[x]) continue;
      const float a = mrow[x] / 255.0f;
      for (int ch = 0; ch < 3; ++ch) row[x][ch] = cv::saturate_cast<uchar>(row[x][ch] * (1 - a) + lesion[ch] * a);
    }
  }
}

// Draws a tattoo-like ink mark in `area`; returns its tight ink box.
cv::Rect drawTattoo(cv::Mat& img, Rng& rng, cv::Rect area) {
  // Drawn on a full-size mask restricted to the area (padded for the blur), then blended.
  const cv::Rect roi =
      cv::Rect(area.x - area.width / 4, area.y - area.height / 4, area.width * 3 / 2, area.height * 3 / 2) &
      cv::Rect(0, 0, img.cols, img.rows);
  cv::Mat mask3 = cv::Mat::zeros(img.size(), CV_8UC3);
  const int s = std::min(area.width, area.height);
  const cv::Point o(area.x + area.width / 2, area.y + area.height / 2);
  const int thick = std::max(2, s / 60);
  const int motif = rng.uniform(0, 2);
  if (motif == 0) {  // a star and a ring
    std::vector<cv::Point> star;
    for (int i = 0; i < 10; ++i) {
      const double a = i * CV_PI / 5 - CV_PI / 2, r = (i % 2 ? 0.18 : 0.42) * s;
      star.emplace_back(o.x + int(r * std::cos(a)), o.y + int(r * std::sin(a)));
    }
    cv::polylines(mask3, star, true, cv::Scalar::all(255), thick, cv::LINE_AA);
    cv::circle(mask3, o, int(0.46 * s), cv::Scalar::all(255), thick, cv::LINE_AA);
  } else if (motif == 1) {  // tribal-like curves
    for (int k = 0; k < 4; ++k) {
      std::vector<cv::Point> curve;
      const double phase = rng.real(0, CV_PI), amp = rng.real(0.08, 0.2) * s;
      for (int i = 0; i <= 40; ++i) {
        const double t = i / 40.0;
        curve.emplace_back(o.x + int((t - 0.5) * 0.9 * s),
                           o.y + int((k - 1.5) * 0.12 * s + amp * std::sin(6 * t + phase)));
      }
      cv::polylines(mask3, curve, false, cv::Scalar::all(255), thick * 2, cv::LINE_AA);
    }
  } else {  // a heart with a first name in it
    const int r = s / 5;
    cv::circle(mask3, {o.x - r, o.y - r / 2}, r, cv::Scalar::all(255), thick, cv::LINE_AA);
    cv::circle(mask3, {o.x + r, o.y - r / 2}, r, cv::Scalar::all(255), thick, cv::LINE_AA);
    cv::line(mask3, {o.x - 2 * r, o.y - r / 3}, {o.x, o.y + int(1.6 * r)}, cv::Scalar::all(255), thick, cv::LINE_AA);
    cv::line(mask3, {o.x + 2 * r, o.y - r / 3}, {o.x, o.y + int(1.6 * r)}, cv::Scalar::all(255), thick, cv::LINE_AA);
    const std::string name = randomFirstName(rng, rng.chance(0.5) ? 'F' : 'M');
    TextRenderer& tr = threadTextRenderer();
    const int th = std::max(12, r / 2);
    tr.draw(mask3, name, {o.x - tr.width(name, th, Font::SerifBold) / 2, o.y + th / 3}, th, cv::Scalar::all(255),
            Font::SerifBold);
  }
  cv::Mat mask = cv::Mat::zeros(img.size(), CV_8UC1);
  cv::Mat local;
  cv::cvtColor(mask3(roi), local, cv::COLOR_BGR2GRAY);
  cv::GaussianBlur(local, mask(roi), {0, 0}, std::max(0.8, s / 400.0));
  const cv::Rect box = inkBox(mask > 12);
  const cv::Vec3f ink(float(rng.uniform(50, 80)), float(rng.uniform(40, 60)), float(rng.uniform(25, 45)));
  for (int y = box.y; y < box.y + box.height; ++y) {
    const uchar* mrow = mask.ptr<uchar>(y);
    cv::Vec3b* row = img.ptr<cv::Vec3b>(y);
    for (int x = box.x; x < box.x + box.width; ++x) {
      if (mrow[x] <= 12) continue;
      const float a = 0.85f * mrow[x] / 255.0f;
      for (int ch = 0; ch < 3; ++ch) row[x][ch] = cv::saturate_cast<uchar>(row[x][ch] * (1 - a) + ink[ch] * a);
    }
  }
  return box;
}
}  // namespace

SynthImage skinPhoto(Rng& rng, cv::Size size, bool withFace, const Style& st) {
  Canvas c;
  c.img = skinBackground(size, rng);
  const auto faces = availableFacePhotos();
  if (withFace && st.hard && !faces.empty() && rng.chance(0.5)) {
    // a group photo in the background of the lesion: 2-4 people whose faces are 30-140 px high
    const int people = rng.uniform(2, 4);
    const int faceH = rng.uniform(30, std::max(31, std::min(140, size.height / 6)));
    int x = rng.uniform(0, size.width / 8);
    const int top = rng.uniform(0, size.height / 3);
    for (int i = 0; i < people; ++i) {
      const FacePhoto& fp = rng.pick(faces);
      cv::Mat photo = cv::imread(fp.path, cv::IMREAD_COLOR);
      const double scale = double(faceH) / fp.face.height;
      cv::Mat scaled;
      cv::resize(photo, scaled, {}, scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
      const cv::Point at(x, top + rng.uniform(0, faceH / 2));
      const cv::Rect drawn = paste(c.img, scaled, at);
      if (drawn.empty()) break;
      const cv::Rect face(cv::Point(int(fp.face.x * scale), int(fp.face.y * scale)) + at,
                          cv::Point(int(std::ceil((fp.face.x + fp.face.width) * scale)),
                                    int(std::ceil((fp.face.y + fp.face.height) * scale))) +
                              at);
      // a later photo may cover part of an earlier face: the truth is what stays visible
      for (auto& e : c.truth)
        if (e.kind == "face" && (e.box & drawn).area() > 0) e.box = cv::Rect();
      c.add("face", "face", true, face & drawn);
      x = drawn.br().x + rng.uniform(0, faceH);
      if (x > size.width * 3 / 4) break;
    }
    std::erase_if(c.truth, [](const Element& e) { return e.box.empty(); });
    drawLesion(c.img, rng, cv::Rect(0, size.height / 2, size.width, size.height / 2));
    addNoise(c.img, rng, 2.0);
    jpegRoundTrip(c.img, rng.uniform(35, 80));
    return finish(ImageKind::SkinFace, std::move(c));
  }
  if (withFace && !faces.empty()) {
    const FacePhoto& fp = rng.pick(faces);
    cv::Mat photo = cv::imread(fp.path, cv::IMREAD_COLOR);
    const double scale = std::min(size.height * rng.real(0.5, 0.95) / photo.rows, size.width * 0.6 / photo.cols);
    cv::Mat scaled;
    cv::resize(photo, scaled, {}, scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    const bool left = rng.chance(0.5);
    const cv::Point at(
        left ? rng.uniform(0, size.width / 20) : size.width - scaled.cols - rng.uniform(0, size.width / 20),
        rng.uniform(0, size.height - scaled.rows));
    const cv::Rect drawn = paste(c.img, scaled, at);
    const cv::Rect face(cv::Point(int(fp.face.x * scale), int(fp.face.y * scale)) + at,
                        cv::Point(int(std::ceil((fp.face.x + fp.face.width) * scale)),
                                  int(std::ceil((fp.face.y + fp.face.height) * scale))) +
                            at);
    c.add("face", "face", true, face & drawn);
    const cv::Rect rest =
        left ? cv::Rect(drawn.br().x, 0, size.width - drawn.br().x, size.height) : cv::Rect(0, 0, drawn.x, size.height);
    drawLesion(c.img, rng, rest);
    return finish(ImageKind::SkinFace, std::move(c));
  }
  const bool tattooLeft = rng.chance(0.5);
  const cv::Rect half(tattooLeft ? 0 : size.width / 2, 0, size.width / 2, size.height);
  const cv::Rect other(tattooLeft ? size.width / 2 : 0, 0, size.width / 2, size.height);
  drawLesion(c.img, rng, other);
  const int s = std::min(half.width, half.height) * rng.uniform(45, 80) / 100;
  const cv::Rect area(half.x + (half.width - s) / 2 + rng.uniform(-s / 8, s / 8),
                      (size.height - s) / 2 + rng.uniform(-s / 4, s / 4), s, s);
  c.add("tattoo", "tattoo", true, drawTattoo(c.img, rng, area));
  addNoise(c.img, rng, 2.0);
  return finish(ImageKind::SkinTattoo, std::move(c));
}

}  // namespace detail
}  // namespace medpics::synth
