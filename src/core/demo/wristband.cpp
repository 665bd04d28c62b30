// Patient wristband photo: a band across a forearm with the patient's name, birth date, IPP and barcodes.
#include "generators.hpp"

#include <opencv2/imgproc.hpp>

namespace medpics::synth::detail {

SynthImage wristband(Rng& rng, const PatientIdentity& p, cv::Size size, const Style& st) {
  Canvas c;
  const int w = size.width, h = size.height;
  c.img = cv::Mat(size, CV_8UC3, cv::Scalar(rng.uniform(120, 160), rng.uniform(90, 120), rng.uniform(40, 70)));
  // Forearm: a vertical skin band.
  const int armW = w * rng.uniform(35, 50) / 100, armX = (w - armW) / 2 + rng.uniform(-w / 12, w / 12);
  cv::Mat arm = skinBackground({armW, h}, rng);
  paste(c.img, arm, {armX, 0});
  // The band: a light rounded strip across the arm, a bit wider than it.
  const int bandH = h * rng.uniform(22, 30) / 100, bandY = (h - bandH) / 2 + rng.uniform(-h / 10, h / 10);
  const int bandX = std::max(0, armX - armW / 10), bandW = std::min(w - bandX, armW + armW / 5);
  const cv::Scalar bandColour = rng.chance(0.7) ? cv::Scalar(245, 245, 245) : cv::Scalar(220, 235, 250);
  cv::rectangle(c.img, {bandX, bandY, bandW, bandH}, bandColour, cv::FILLED, cv::LINE_AA);
  const cv::Scalar ink(20, 20, 20);
  const int th = st.heightFor(std::max(14, bandH / 11)), m = std::max(th, 14), line = th * 14 / 10;
  const int x0 = bandX + m;
  int y = bandY + m;
  c.text(p.hospital, {x0, y}, std::max(8, th * 8 / 10), ink, "address", true, st.body);
  y += line;
  c.text(p.fullName(), {x0, y}, th * 12 / 10, ink, "name", true, st.bold);
  y += line * 12 / 10;
  const int x = c.field("Né(e) le", p.birthDate, {x0, y}, th, ink, "date", st.body);
  c.text(p.sex == 'F' ? "F" : "M", {x + th, y}, th, ink, "benign", false, st.body);
  y += line;
  c.field("IPP", p.ipp, {x0, y}, th, ink, "id", st.body);
  // Code 128 of the IPP under the text, and sometimes a DataMatrix on the right.
  const int module = st.hard ? std::max(1, bandW / 450) : std::max(2, bandW / 260);
  cv::Mat bars = barcodeImage("code128", p.ipp, module, std::max(20, bandY + bandH - m - (y + th / 2)));
  const cv::Point barsAt(x0, y + th / 2);
  if (barsAt.x + bars.cols < bandX + bandW)
    c.add("barcode", "barcode", true, paste(c.img, bars, barsAt), p.ipp, "Code128");
  if (st.hard) {  // a second code of any symbology, 14-200 px, rotated up to 5 degrees, right part of the band
    const std::string sym = st.symbology.value_or(rng.pick(writableSymbologies()));
    const int side = st.symbolPx.value_or(rng.uniform(14, std::clamp(bandH - 2 * m, 15, 200)));
    placeSymbol(c, sym, symbolPayload(sym, p.ipp, p.lastName),
                {std::max(bandX + bandW * 6 / 10, x0 + bars.cols + m) + rng.uniform(0, bandW / 20), bandY + m}, side,
                st.symbolDegrees.value_or(rng.real(-5.0, 5.0)));
  } else if (rng.chance(0.6)) {
    const std::string payload = p.ipp + "|" + p.lastName + "|" + p.birthDate;
    const bool dataMatrix = rng.chance(0.5);
    cv::Mat dm = barcodeImage(dataMatrix ? "datamatrix" : "qr", payload, std::max(3, bandH / 60));
    const cv::Point at(bandX + bandW - m - dm.cols, bandY + m);
    if (at.x > x0 + bars.cols && dm.rows < bandH - 2 * m)
      c.add("barcode", "barcode", true, paste(c.img, dm, at), payload, dataMatrix ? "DataMatrix" : "QRCode");
  }
  // Photographed: slight rotation, cropped back to the original size, noise.
  const cv::Size before = c.img.size();
  rotate(c, st.angle(st.hard ? signedAngle(rng, 0.5, 3.0) : rng.real(-6.0, 6.0)), cv::Scalar(130, 100, 50));
  placeOn(c, cv::Mat(before, CV_8UC3, cv::Scalar(130, 100, 50)),
          {-(c.img.cols - before.width) / 2, -(c.img.rows - before.height) / 2});
  addNoise(c.img, rng, 3.0);
  jpegRoundTrip(c.img, st.quality(st.hard ? rng.uniform(35, 80) : 85));
  return finish(ImageKind::Wristband, std::move(c));
}

}  // namespace medpics::synth::detail
