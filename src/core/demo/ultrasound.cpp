// Ultrasound frame: a fan-shaped speckle sector on black, patient header, probe settings and depth scale.
#include "generators.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace medpics::synth::detail {

SynthImage ultrasound(Rng& rng, const PatientIdentity& p, cv::Size size, const Style& st) {
  Canvas c;
  const int w = size.width, h = size.height;
  // Speckle: noise at a third of the resolution, stretched along the beam, inside a sector.
  cv::Mat speckle(h / 3 + 1, w / 3 + 1, CV_8UC1);
  cv::RNG cvRng(rng.next());
  cvRng.fill(speckle, cv::RNG::UNIFORM, 0, 255);
  cv::GaussianBlur(speckle, speckle, {0, 0}, 1.2, 0.6);
  cv::resize(speckle, speckle, size, 0, 0, cv::INTER_LINEAR);
  cv::Mat sector = cv::Mat::zeros(size, CV_8UC1);
  const cv::Point apex(w / 2, h / 10);
  const int radius = h * 85 / 100, half = rng.uniform(30, 40);
  cv::ellipse(sector, apex, {radius, radius}, 90, -half, half, cv::Scalar(255), cv::FILLED);
  cv::circle(sector, apex, h / 20, cv::Scalar(0), cv::FILLED);
  cv::Mat tissue = smoothField(size, rng, 5);
  cv::Mat gray(size, CV_8UC1, cv::Scalar(0));
  for (int y = 0; y < h; ++y) {
    const uchar* s = speckle.ptr<uchar>(y);
    const uchar* m = sector.ptr<uchar>(y);
    const float* t = tissue.ptr<float>(y);
    uchar* o = gray.ptr<uchar>(y);
    for (int x = 0; x < w; ++x)
      if (m[x]) o[x] = cv::saturate_cast<uchar>(s[x] * (0.2f + 0.7f * t[x]) * (1.0f - 0.5f * float(y) / h));
  }
  cv::cvtColor(gray, c.img, cv::COLOR_GRAY2BGR);
  const cv::Scalar ink = cv::Scalar::all(rng.uniform(200, 245));
  const int th = st.heightFor(std::max(14, h / 60)), line = th * 3 / 2, m = std::max(12, th) + w / 40;
  int y = m + th;
  c.text(p.hospital, {m, y}, th, ink, "address", true, st.body);
  y += line;
  c.text(p.fullName(), {m, y}, th, ink, "name", true, st.bold);  // the bold header of the frame
  y += line;
  c.field("ID:", p.ipp, {m, y}, th, ink, "id", st.body);
  y += line;
  c.text(p.examDate + " " + std::to_string(rng.uniform(8, 19)) + ":" + std::to_string(rng.uniform(10, 59)), {m, y}, th,
         ink, "date", true, st.body);
  // probe settings, right-aligned; depth scale along the right edge of the sector
  const std::vector<std::string> settings{
      rng.chance(0.5) ? "C5-1  3,5 MHz" : "L12-5  9 MHz", "Gain " + std::to_string(rng.uniform(40, 70)) + "  DR 60",
      "FR " + std::to_string(rng.uniform(12, 40)) + " Hz", "MI 1,1  TIs 0,4", rng.chance(0.5) ? "Abdomen" : "Thyroïde"};
  y = m + th;
  for (const auto& s : settings) {
    c.text(s, {w - m - c.tr.width(s, th, st.body), y}, th, ink, "benign", false, st.body);
    y += line;
  }
  const int cmStep = radius / 16;
  for (int d = 0; d <= 15; d += 5) {
    const std::string label = std::to_string(d);
    c.text(label, {w - 3 * m, apex.y + d * cmStep + th / 2}, th, ink, "benign", false, st.body);
  }
  addNoise(c.img, rng, 3.0);
  if (st.inverted) cv::bitwise_not(c.img, c.img);
  if (st.hard) {
    const cv::Size before = c.img.size();
    const cv::Scalar border = st.inverted ? cv::Scalar::all(255) : cv::Scalar::all(0);
    rotate(c, signedAngle(rng, 0.5, 3.0), border);
    placeOn(c, cv::Mat(before, CV_8UC3, border), {-(c.img.cols - before.width) / 2, -(c.img.rows - before.height) / 2});
  }
  jpegRoundTrip(c.img, st.hard ? rng.uniform(35, 80) : 85);
  return finish(ImageKind::Ultrasound, std::move(c));
}

}  // namespace medpics::synth::detail
