// Radiograph-like image: blurred bones and soft tissue, burned-in corner annotations in either polarity.
#include "generators.hpp"

#include <opencv2/imgproc.hpp>

namespace medpics::synth::detail {

SynthImage radiograph(Rng& rng, const PatientIdentity& p, cv::Size size, bool inverted, const Style& st) {
  Canvas c;
  cv::Mat gray(size, CV_8UC1, cv::Scalar(8));
  const int w = size.width, h = size.height;
  // Soft tissue: a large blurred shape; bones: elongated bright ellipses.
  cv::ellipse(gray, {w / 2, h / 2}, {int(w * rng.real(0.28, 0.38)), int(h * 0.55)}, rng.real(-8, 8), 0, 360,
              cv::Scalar(70), cv::FILLED);
  const int bones = rng.uniform(2, 4);
  for (int i = 0; i < bones; ++i) {
    const cv::Point centre(int(w * rng.real(0.35, 0.65)), int(h * rng.real(0.3, 0.7)));
    const cv::Size axes(int(w * rng.real(0.03, 0.07)), int(h * rng.real(0.2, 0.4)));
    const double angle = rng.real(-20, 20);
    cv::ellipse(gray, centre, axes, angle, 0, 360, cv::Scalar(rng.uniform(170, 215)), cv::FILLED);
    cv::ellipse(gray, centre, {axes.width / 2, axes.height - axes.width}, angle, 0, 360, cv::Scalar(120), cv::FILLED);
  }
  cv::GaussianBlur(gray, gray, {0, 0}, std::max(2.0, w / 250.0));
  cv::cvtColor(gray, c.img, cv::COLOR_GRAY2BGR);
  addNoise(c.img, rng, 6.0);
  if (inverted) cv::bitwise_not(c.img, c.img);

  const cv::Scalar ink = inverted ? cv::Scalar::all(10) : cv::Scalar::all(240);
  const int th0 = std::max(16, h / 55);
  const int th = st.heightFor(th0);
  const int line = th * 3 / 2, m = st.hard ? std::max(th, 12) + w / 25 : th;  // hard: room for the rotation
  // Top-left: patient block.
  int y = m + th;
  c.field("", p.fullName(), {m, y}, th, ink, "name", st.body);
  y += line;
  c.field("Né(e) le", p.birthDate, {m, y}, th, ink, "date", st.body);
  y += line;
  c.field("IPP", p.ipp, {m, y}, th, ink, "id", st.body);
  // Top-right: hospital block, right-aligned.
  auto right = [&](const std::string& s, int yy, const std::string& cat, bool phi) {
    c.text(s, {w - m - c.tr.width(s, th, st.body), yy}, th, ink, cat, phi, st.body);
  };
  right(p.hospital, m + th, "address", true);
  right(p.ward, m + th + line, "address", true);
  // Bottom-left: exam date and acquisition parameters.
  c.field("Examen du", p.examDate, {m, h - m - line}, th, ink, "date");
  c.text("kV " + std::to_string(rng.uniform(55, 90)) + "  mAs " + std::to_string(rng.uniform(2, 20)), {m, h - m}, th,
         ink, "benign", false, st.body);
  if (st.hard) {  // a centimetre scale with its label, and a position marker
    const int cm = std::max(20, w / 25), sx = w - m - 5 * cm, sy = h - m - 3 * th;
    cv::line(c.img, {sx, sy}, {sx + 5 * cm, sy}, ink, 1);
    for (int i = 0; i <= 5; ++i)
      cv::line(c.img, {sx + i * cm, sy}, {sx + i * cm, sy - (i % 5 ? th / 3 : th / 2)}, ink, 1);
    c.text("5 cm", {sx + 2 * cm, sy - th}, th, ink, "benign", false, st.body);
    c.text(rng.chance(0.5) ? "DEBOUT" : "COUCHÉ", {w / 2, m + th}, th, ink, "benign", false, st.body);
  }
  // Bottom-right and side: benign markers.
  right(rng.chance(0.5) ? "PA" : "AP", h - m, "benign", false);
  c.text(rng.chance(0.5) ? "L" : "R", {w - m - 2 * th, h / 2}, th * 2, ink, "benign", false, Font::SansBold);
  return finish(inverted ? ImageKind::RadiographLight : ImageKind::RadiographDark, std::move(c));
}

}  // namespace medpics::synth::detail
