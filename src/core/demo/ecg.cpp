// ECG printout: pink millimetre grid, twelve lead traces, a patient header line and benign settings.
#include "generators.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace medpics::synth::detail {

namespace {
// One synthetic heartbeat (P, QRS, T) sampled at phase t in [0,1), in millivolts.
double beat(double t) {
  auto g = [](double x, double mu, double s, double a) { return a * std::exp(-(x - mu) * (x - mu) / (2 * s * s)); };
  return g(t, 0.18, 0.025, 0.15) + g(t, 0.30, 0.008, -0.12) + g(t, 0.32, 0.01, 1.1) + g(t, 0.345, 0.01, -0.25) +
         g(t, 0.58, 0.05, 0.3);
}
}  // namespace

SynthImage ecg(Rng& rng, const PatientIdentity& p, cv::Size size, const Style& st) {
  Canvas c;
  c.img = cv::Mat(size, CV_8UC3, cv::Scalar(235, 232, 253));
  const int w = size.width, h = size.height;
  const double mm = w / 297.0;  // an A4 landscape printout
  const cv::Scalar fine(200, 190, 245), bold(150, 140, 235), ink(25, 25, 25);
  const int gridTop = st.hard && rng.chance(0.6) ? 0 : int(h * 0.2);  // hard: the header printed on the grid
  for (int i = 0; i * mm < w; ++i) {
    const int x = int(i * mm);
    cv::line(c.img, {x, gridTop}, {x, h}, i % 5 ? fine : bold, i % 5 ? 1 : 2);
  }
  for (int i = 0; gridTop + i * mm < h; ++i) {
    const int y = gridTop + int(i * mm);
    cv::line(c.img, {0, y}, {w, y}, i % 5 ? fine : bold, i % 5 ? 1 : 2);
  }
  // Header.
  const int th0 = std::max(14, h / 50), m = int(10 * mm);
  const int th = st.heightFor(th0), line = th * 16 / 10;
  int y = m / 2 + th;
  int x = c.field("Nom :", p.fullName(), {m, y}, th, ink, "name", st.bold);
  x = c.field("Né(e) le", p.birthDate, {x + 2 * th, y}, th, ink, "date", st.body);
  c.field("IPP", p.ipp, {x + 2 * th, y}, th, ink, "id", st.body);
  y += line;
  x = c.field(
      "Date :", p.examDate + " " + std::to_string(rng.uniform(8, 19)) + ":" + std::to_string(rng.uniform(10, 59)),
      {m, y}, th, ink, "date", st.body);
  c.text(p.ward + ", " + p.hospital, {x + 2 * th, y}, th, ink, "address", true, st.body);
  y += line;
  const int hr = rng.uniform(55, 110);
  c.text("FC " + std::to_string(hr) + " bpm   PR 160 ms   QRS 90 ms   QT/QTc 380/410 ms", {m, y}, th, ink, "benign",
         false, st.body);
  c.text("25 mm/s   10 mm/mV   50 Hz", {w - m - c.tr.width("25 mm/s   10 mm/mV   50 Hz", th, st.body), y}, th, ink,
         "benign", false, st.body);
  if (st.hard) {
    y += line;
    c.text("Filtre 0,05-150 Hz   Axe QRS " + std::to_string(rng.uniform(-30, 90)) + "°   Rythme sinusal", {m, y}, th,
           ink, "benign", false, st.body);
  }
  // Traces: 3 rows x 4 columns of leads, then a rhythm strip.
  const std::vector<std::string> leads{"I", "aVR", "V1", "V4", "II", "aVL", "V2", "V5", "III", "aVF", "V3", "V6"};
  const double period = 60.0 / hr * 25.0 * mm;  // pixels per beat
  // the traces start under the header (a header printed on the grid used to overlap the first leads' labels)
  const int traceTop = std::max(gridTop, y + line);
  const int rows = 4, rowH = (h - traceTop) / rows;
  for (int r = 0; r < rows; ++r) {
    const int base = traceTop + rowH * r + rowH / 2;
    std::vector<cv::Point> pts;
    const double gain = rng.real(0.6, 1.2) * (r == 1 ? -1 : 1);
    for (int px = m; px < w - m; ++px) {
      const double t = std::fmod((px - m) / period + 0.37 * r, 1.0);
      pts.emplace_back(px, base - int(beat(t) * gain * 10 * mm + rng.real(-0.3, 0.3)));
    }
    cv::polylines(c.img, pts, false, ink, std::max(2, int(mm / 3)), cv::LINE_AA);
    for (int col = 0; col < 4 && r < 3; ++col)
      c.text(leads[size_t(r * 4 + col)], {m + col * (w - 2 * m) / 4 + th / 2, base - rowH / 3}, th, ink, "benign",
             false, st.bold);
    if (r == 3) c.text("II", {m + th / 2, base - rowH / 3}, th, ink, "benign", false, st.bold);
  }
  if (st.hard) {
    // calibration pulse label and the rotation of the photographed / scanned sheet
    c.text("10 mm/mV", {w - m - c.tr.width("10 mm/mV", th, st.body), h - m / 2}, th, ink, "benign", false, st.body);
    if (st.inverted) cv::bitwise_not(c.img, c.img);
    const cv::Size before = c.img.size();
    const cv::Scalar paper = st.inverted ? cv::Scalar(20, 23, 2) : cv::Scalar(235, 232, 253);
    rotate(c, st.angle(signedAngle(rng, 0.5, 3.0)), paper);
    placeOn(c, cv::Mat(before, CV_8UC3, paper), {-(c.img.cols - before.width) / 2, -(c.img.rows - before.height) / 2});
    jpegRoundTrip(c.img, st.quality(rng.uniform(35, 80)));
  } else {
    jpegRoundTrip(c.img, 80);
  }
  return finish(ImageKind::Ecg, std::move(c));
}

}  // namespace medpics::synth::detail
