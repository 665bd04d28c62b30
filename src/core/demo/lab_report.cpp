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
    {"Hémoglobine", "g/dL", 12.0, 16.0}, {"Hématocrite", "%", 36, 46},           {"Leucocytes", "G/L", 4.0, 10.0},
    {"Plaquettes", "G/L", 150, 400},     {"Sodium", "mmol/L", 136, 145},         {"Potassium", "mmol/L", 3.5, 5.1},
    {"Créatinine", "µmol/L", 45, 90},    {"Glycémie à jeun", "g/L", 0.70, 1.10}, {"CRP", "mg/L", 0, 5},
    {"TSH", "mUI/L", 0.4, 4.0},          {"Ferritine", "µg/L", 15, 150},         {"ASAT", "UI/L", 5, 34}};

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, v >= 100 ? "%.0f" : "%.1f", v);
  std::string s = b;
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}
}  // namespace

SynthImage labReport(Rng& rng, const PatientIdentity& p, cv::Size size, const Style& st) {
  // The page is about 75% of the photo's height, A4 proportions.
  const int pageH = size.height * 8 / 10, pageW = pageH * 210 / 297;
  Canvas c;
  c.img = cv::Mat(pageH, pageW, CV_8UC3, cv::Scalar(rng.uniform(235, 250), rng.uniform(240, 252), 250));
  const cv::Scalar ink(30, 30, 30);
  const int th = std::max(12, pageH / 75), m = pageW / 12, line = th * 17 / 10;
  // identity block: the style's small height and, on the hard corpus, sometimes monospace in a bordered box
  const int ih = st.heightFor(th), iline = ih * st.identityLeading / 100;
  const Font idFont = st.hard && rng.chance(0.3) ? (rng.chance(0.5) ? Font::Mono : Font::LiberationMono) : st.body;
  const Font idBold = idFont == st.body ? st.bold : Font::MonoBold;
  int y = m;
  c.text("Laboratoire de biologie médicale", {m, y}, th * 14 / 10, ink, "benign", false, st.bold);
  y += line * 3 / 2;
  c.text(p.hospital, {m, y}, ih, ink, "address", true, st.body);
  y += iline;
  c.text(p.city + " - Tél. " + p.phone, {m, y}, ih, ink, "address", true, st.body);
  y += line * 2;
  const int blockTop = y - ih - ih / 2;
  c.field("Patient(e) :", (p.sex == 'F' ? "Mme " : "M. ") + p.fullName(), {m, y}, ih, ink, "name", idBold);
  y += iline;
  c.field("Né(e) le :", p.birthDate, {m, y}, ih, ink, "date", idFont);
  y += iline;
  c.field("N° de dossier :", p.ipp, {m, y}, ih, ink, "id", idFont);
  y += iline;
  c.field("Prélevé le",
          p.examDate + " à " + std::to_string(rng.uniform(7, 11)) + "h" + std::to_string(rng.uniform(10, 59)), {m, y},
          ih, ink, "date", idFont);
  if (st.hard) {
    y += iline;
    c.field("Prescripteur :", "Dr " + randomLastName(rng), {m, y}, ih, ink, "name", idFont);
    if (st.boxed(rng.chance(0.7)))  // bordered identity block
      cv::rectangle(c.img, {m - ih / 2, blockTop, pageW / 2, y + ih - blockTop}, ink, 1, cv::LINE_AA);
    // a rotated barcode label stuck at the top right
    const auto& sym = rng.pick(writableSymbologies());
    const int lh = st.smallPx > 0 ? st.smallPx : rng.uniform(9, std::max(10, th));
    sticker(c, rng, {pageW * 58 / 100, m / 2},
            {{p.fullName(), "name", st.bold}, {p.birthDate, "date", st.body}, {"IPP " + p.ipp, "id", st.body}}, lh, sym,
            symbolPayload(sym, p.ipp, p.lastName), rng.uniform(14, std::max(16, std::min(200, pageW / 6))),
            signedAngle(rng, 0.5, 3.0));
  }
  y += line * 2;
  const int colUnit = pageW * 55 / 100, colRef = pageW * 72 / 100;
  c.text("Analyse", {m, y}, th, ink, "benign", false, st.bold);
  c.text("Résultat", {pageW * 40 / 100, y}, th, ink, "benign", false, st.bold);
  c.text("Unité", {colUnit, y}, th, ink, "benign", false, st.bold);
  c.text("Valeurs de réf.", {colRef, y}, th, ink, "benign", false, st.bold);
  y += line / 2;
  cv::line(c.img, {m, y}, {pageW - m, y}, ink, std::max(1, th / 10));
  y += line;
  const int count = rng.uniform(6, int(kAnalytes.size()));
  const int start = rng.uniform(0, int(kAnalytes.size()) - count);
  for (int i = start; i < start + count && y < pageH - 3 * line; ++i) {
    const Analyte& a = kAnalytes[size_t(i)];
    c.text(a.name, {m, y}, th, ink, "benign", false, st.body);
    const double v = rng.real(a.lo * 0.8, a.hi * 1.2);
    c.text(num(v) + (v < a.lo || v > a.hi ? " *" : ""), {pageW * 40 / 100, y}, th, ink, "benign", false, Font::Mono);
    c.text(a.unit, {colUnit, y}, th, ink, "benign", false, st.body);
    c.text(num(a.lo) + " - " + num(a.hi), {colRef, y}, th, ink, "benign", false, st.body);
    y += line;
  }
  c.text("Validé par le biologiste responsable", {m, pageH - m}, th * 9 / 10, ink, "benign", false, st.body);
  if (st.hard)
    c.text("Page 1/1", {pageW - m - c.tr.width("Page 1/1", th, st.body), pageH - m}, th * 9 / 10, ink, "benign", false,
           st.body);

  // Photograph it: rotation, desk background, uneven lighting, noise, JPEG.
  rotate(c, st.angle(st.hard ? signedAngle(rng, 0.5, 3.0) : rng.real(-4.0, 4.0)), cv::Scalar(0, 0, 0));
  cv::Mat desk(size, CV_8UC3, cv::Scalar(rng.uniform(60, 110), rng.uniform(70, 120), rng.uniform(90, 140)));
  cv::Mat page = c.img.clone();
  cv::Mat mask;
  cv::cvtColor(page, mask, cv::COLOR_BGR2GRAY);
  const cv::Point at((size.width - page.cols) / 2 + rng.uniform(-size.width / 30, size.width / 30),
                     (size.height - page.rows) / 2);
  cv::Rect target = cv::Rect(at, page.size()) & cv::Rect(0, 0, size.width, size.height);
  page(target - at).copyTo(desk(target), mask(target - at) > 0);
  c.img = desk;
  for (auto& e : c.truth) moveElement(e, at, target);
  cv::Mat light = smoothField(size, rng, 3);
  for (int yy = 0; yy < size.height; ++yy) {
    cv::Vec3b* row = c.img.ptr<cv::Vec3b>(yy);
    const float* l = light.ptr<float>(yy);
    for (int x = 0; x < size.width; ++x)
      for (int ch = 0; ch < 3; ++ch) row[x][ch] = cv::saturate_cast<uchar>(row[x][ch] * (0.75f + 0.3f * l[x]));
  }
  cv::GaussianBlur(c.img, c.img, {3, 3}, 0.7);
  addNoise(c.img, rng, 5.0);
  jpegRoundTrip(c.img, st.quality(st.hard ? rng.uniform(35, 80) : rng.uniform(35, 60)));
  return finish(ImageKind::LabReport, std::move(c));
}

}  // namespace medpics::synth::detail
