// Photographed lab report: printed page with patient header and analytes, rotated, lit unevenly, JPEG noise.
#include "generators.hpp"

#include <opencv2/imgproc.hpp>

#include <cstdio>

namespace medpics::synth::detail {

namespace {
struct Analyte {
  const char* name;
  const char* unit;
  double lo, hi;
};
const std::vector<Analyte> kAnalytes{
    {"Hémoglobine", "g/dL", 12.0, 16.0},    {"Hématocrite", "%", 36, 46},      {"Leucocytes", "G/L", 4.0, 10.0},
    {"Plaquettes", "G/L", 150, 400},        {"Sodium", "mmol/L", 136, 145},    {"Potassium", "mmol/L", 3.5, 5.1},
    {"Créatinine", "µmol/L", 45, 90},       {"Glycémie à jeun", "g/L", 0.70, 1.10}, {"CRP", "mg/L", 0, 5},
    {"TSH", "mUI/L", 0.4, 4.0},             {"Ferritine", "µg/L", 15, 150},    {"ASAT", "UI/L", 5, 34}};

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, v >= 100 ? "%.0f" : "%.1f", v);
  std::string s = b;
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}
}  // namespace

SynthImage labReport(Rng& rng, const PatientIdentity& p, cv::Size size) {
  // The page is about 75% of the photo's height, A4 proportions.
  const int pageH = size.height * 8 / 10, pageW = pageH * 210 / 297;
  Canvas c;
  c.img = cv::Mat(pageH, pageW, CV_8UC3, cv::Scalar(rng.uniform(235, 250), rng.uniform(240, 252), 250));
  const cv::Scalar ink(30, 30, 30);
  const int th = std::max(12, pageH / 75), m = pageW / 12, line = th * 17 / 10;
  int y = m;
  c.text("Laboratoire de biologie médicale", {m, y}, th * 14 / 10, ink, "benign", false, Font::SansBold);
  y += line * 3 / 2;
  c.text(p.hospital, {m, y}, th, ink, "address", true);
  y += line;
  c.text(p.city + " - Tél. " + p.phone, {m, y}, th, ink, "address", true);
  y += line * 2;
  c.field("Patient(e) :", (p.sex == 'F' ? "Mme " : "M. ") + p.fullName(), {m, y}, th, ink, "name", Font::SansBold);
  y += line;
  c.field("Né(e) le :", p.birthDate, {m, y}, th, ink, "date");
  y += line;
  c.field("N° de dossier :", p.ipp, {m, y}, th, ink, "id");
  y += line;
  c.field("Prélevé le", p.examDate + " à " + std::to_string(rng.uniform(7, 11)) + "h" +
                            std::to_string(rng.uniform(10, 59)),
          {m, y}, th, ink, "date");
  y += line * 2;
  const int colUnit = pageW * 55 / 100, colRef = pageW * 72 / 100;
  c.text("Analyse", {m, y}, th, ink, "benign", false, Font::SansBold);
  c.text("Résultat", {pageW * 40 / 100, y}, th, ink, "benign", false, Font::SansBold);
  c.text("Unité", {colUnit, y}, th, ink, "benign", false, Font::SansBold);
  c.text("Valeurs de réf.", {colRef, y}, th, ink, "benign", false, Font::SansBold);
  y += line / 2;
  cv::line(c.img, {m, y}, {pageW - m, y}, ink, std::max(1, th / 10));
  y += line;
  const int count = rng.uniform(6, int(kAnalytes.size()));
  const int start = rng.uniform(0, int(kAnalytes.size()) - count);
  for (int i = start; i < start + count && y < pageH - 3 * line; ++i) {
    const Analyte& a = kAnalytes[size_t(i)];
    c.text(a.name, {m, y}, th, ink, "benign", false);
    const double v = rng.real(a.lo * 0.8, a.hi * 1.2);
    c.text(num(v) + (v < a.lo || v > a.hi ? " *" : ""), {pageW * 40 / 100, y}, th, ink, "benign", false, Font::Mono);
    c.text(a.unit, {colUnit, y}, th, ink, "benign", false);
    c.text(num(a.lo) + " - " + num(a.hi), {colRef, y}, th, ink, "benign", false);
    y += line;
  }
  c.text("Validé par le biologiste responsable", {m, pageH - m}, th * 9 / 10, ink, "benign", false);

  // Photograph it: rotation, desk background, uneven lighting, noise, JPEG.
  rotate(c, rng.real(-4.0, 4.0), cv::Scalar(0, 0, 0));
  cv::Mat desk(size, CV_8UC3, cv::Scalar(rng.uniform(60, 110), rng.uniform(70, 120), rng.uniform(90, 140)));
  cv::Mat page = c.img.clone();
  cv::Mat mask;
  cv::cvtColor(page, mask, cv::COLOR_BGR2GRAY);
  const cv::Point at((size.width - page.cols) / 2 + rng.uniform(-size.width / 30, size.width / 30),
                     (size.height - page.rows) / 2);
  cv::Rect target = cv::Rect(at, page.size()) & cv::Rect(0, 0, size.width, size.height);
  page(target - at).copyTo(desk(target), mask(target - at) > 0);
  c.img = desk;
  for (auto& e : c.truth) e.box = (e.box + at) & target;
  cv::Mat light = smoothField(size, rng, 3);
  for (int yy = 0; yy < size.height; ++yy) {
    cv::Vec3b* row = c.img.ptr<cv::Vec3b>(yy);
    const float* l = light.ptr<float>(yy);
    for (int x = 0; x < size.width; ++x)
      for (int ch = 0; ch < 3; ++ch) row[x][ch] = cv::saturate_cast<uchar>(row[x][ch] * (0.75f + 0.3f * l[x]));
  }
  cv::GaussianBlur(c.img, c.img, {3, 3}, 0.7);
  addNoise(c.img, rng, 5.0);
  jpegRoundTrip(c.img, rng.uniform(35, 60));
  return finish(ImageKind::LabReport, std::move(c));
}

}  // namespace medpics::synth::detail
