// Unit tests of publication: metadata stripped (read back with Exiv2), EXIF orientations 1-8 baked in with the masks in
// the right place, posts with several images, residual check, caption masking, and the `medpics redact` CLI.
#include "support/run_command.hpp"
#include "medpics/detect/classify.hpp"
#include "medpics/detect/metadata.hpp"
#include "medpics/detect/pipeline.hpp"
#include "medpics/mask/burn_in.hpp"
#include "medpics/mask/caption.hpp"
#include "medpics/mask/publish.hpp"
#include "medpics/mask/residual.hpp"
#include "medpics/demo/generator.hpp"
#include "support/temp_dir.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>
#include <exiv2/exiv2.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace medpics;
using namespace medpics::mask;

namespace {

cv::Mat fromBytes(const std::string& bytes) {
  return cv::imdecode(cv::Mat(1, int(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data())), cv::IMREAD_COLOR);
}

std::string imageBytes(Exiv2::Image& image) {
  auto& io = image.io();
  io.seek(0, Exiv2::BasicIo::beg);
  const Exiv2::DataBuf buf = io.read(long(io.size()));
  return std::string(reinterpret_cast<const char*>(buf.pData_), std::size_t(buf.size_));
}

Exiv2::Image::AutoPtr openExiv2(const std::string& bytes) {
  Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
  auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()), long(bytes.size()));
  REQUIRE(image.get() != nullptr);
  image->readMetadata();
  return image;
}

// Adds EXIF (GPS, camera serial, capture date, artist, optional orientation), XMP, IPTC and a comment.
std::string withMetadata(const std::string& encoded, int orientation = 0, bool iptcAndComment = true) {
  auto image = openExiv2(encoded);
  auto& exif = image->exifData();
  exif["Exif.Image.Make"] = "Canon";
  exif["Exif.Image.Artist"] = "Jean Dupont";
  exif["Exif.Photo.BodySerialNumber"] = "SN123456";
  exif["Exif.Photo.DateTimeOriginal"] = "2024:03:12 10:11:12";
  exif["Exif.GPSInfo.GPSVersionID"] = "2 3 0 0";
  exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
  exif["Exif.GPSInfo.GPSLatitude"] = "44/1 50/1 1234/100";
  exif["Exif.GPSInfo.GPSLongitudeRef"] = "W";
  exif["Exif.GPSInfo.GPSLongitude"] = "0/1 34/1 5678/100";
  if (orientation) exif["Exif.Image.Orientation"] = uint16_t(orientation);
  image->xmpData()["Xmp.dc.creator"] = "Jean Dupont";
  image->xmpData()["Xmp.iptcExt.PersonInImage"] = "Marie Curie";
  if (iptcAndComment) {
    image->iptcData()["Iptc.Application2.Byline"] = "Jean Dupont";
    image->iptcData()["Iptc.Application2.City"] = "Bordeaux";
    image->setComment("Patient Marie Curie, IPP 5633955356");
  }
  image->writeMetadata();
  return imageBytes(*image);
}

// Smooth content (so that JPEG round trips stay close), distinct in each quadrant so that a wrong rotation shows.
cv::Mat orientedContent(int w, int h) {
  cv::Mat img(h, w, CV_8UC3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      img.at<cv::Vec3b>(y, x) =
          cv::Vec3b(uchar(60 + 120 * x / w), uchar(60 + 120 * y / h), uchar(x < w / 2 ? 90 : 200));
  return img;
}

// The stored pixels whose display, under EXIF orientation `o`, is `display` (EXIF 2.32 Table 6 semantics).
cv::Mat storedFor(const cv::Mat& display, int o) {
  cv::Mat s;
  switch (o) {
    case 2: cv::flip(display, s, 1); break;  // mirrored horizontally
    case 3: cv::rotate(display, s, cv::ROTATE_180); break;
    case 4: cv::flip(display, s, 0); break;                                 // mirrored vertically
    case 5: cv::transpose(display, s); break;                               // row 0 = left, column 0 = top
    case 6: cv::rotate(display, s, cv::ROTATE_90_COUNTERCLOCKWISE); break;  // displayed after 90° clockwise
    case 7:
      cv::transpose(display, s);
      cv::rotate(s, s, cv::ROTATE_180);
      break;                                                         // transverse
    case 8: cv::rotate(display, s, cv::ROTATE_90_CLOCKWISE); break;  // displayed after 90° counter-clockwise
    default: s = display.clone();
  }
  return s;
}

Region rect(int x, int y, int w, int h, Style style = Style::Solid) {
  Region r;
  r.box = {x, y, w, h};
  r.style = style;
  return r;
}

struct Run {
  int code = -1;
  std::string out, err;
};

Run runMedpics(const std::string& args, const std::filesystem::path& dir) {
  const auto errFile = dir / "stderr.txt";
  const auto result = test::runCommand(std::string(MEDPICS_BIN_DIR) + "/medpics " + args + " 2>" + errFile.string());
  Run run;
  run.code = result.code;
  run.out = result.out;
  std::ifstream in(errFile);
  run.err.assign(std::istreambuf_iterator<char>(in), {});
  return run;
}

void writeFile(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), std::streamsize(bytes.size()));
}

std::string readFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("published JPEG holds no EXIF, XMP, IPTC or comment (read back with Exiv2)") {
  const std::string original = withMetadata(test::encode(orientedContent(320, 240), ".jpg"));
  {  // the input really carries all of it
    auto in = openExiv2(original);
    REQUIRE(in->exifData().findKey(Exiv2::ExifKey("Exif.GPSInfo.GPSLatitude")) != in->exifData().end());
    REQUIRE_FALSE(in->xmpData().empty());
    REQUIRE_FALSE(in->iptcData().empty());
    REQUIRE_FALSE(in->comment().empty());
  }
  PostImage image;
  image.bytes = original;
  image.regions = {rect(10, 10, 100, 40)};
  const PublishedImage out = publishImage(image);
  REQUIRE(out.ok());
  CHECK(out.encoded.contentType == "image/jpeg");
  auto back = openExiv2(out.encoded.bytes);
  CHECK(back->mimeType() == "image/jpeg");
  CHECK(back->exifData().empty());
  CHECK(back->xmpData().empty());
  CHECK(back->xmpPacket().empty());
  CHECK(back->iptcData().empty());
  CHECK(back->comment().empty());
  CHECK(detect::detectMetadata(out.encoded.bytes).empty());
  // No metadata segment at all: no APP1 (EXIF/XMP), APP13 (IPTC) or COM marker anywhere in the file.
  const std::string& b = out.encoded.bytes;
  for (const char* marker : {"\xFF\xE1", "\xFF\xED", "\xFF\xFE"}) CHECK(b.find(marker, 0, 2) == std::string::npos);
  CHECK(b.find("Dupont") == std::string::npos);
  CHECK(b.find("Exif") == std::string::npos);
}

TEST_CASE("an image with GPS EXIF comes out without it, PNG stays PNG and loses its metadata too") {
  const std::string jpeg = withMetadata(test::encode(orientedContent(200, 150), ".jpg"));
  const auto before = detect::detectMetadata(jpeg);
  REQUIRE(std::any_of(before.begin(), before.end(), [](const detect::Finding& f) { return f.category == "gps"; }));
  PostImage image;
  image.bytes = jpeg;
  const PublishedImage out = publishImage(image);
  REQUIRE(out.ok());
  auto back = openExiv2(out.encoded.bytes);
  CHECK(back->exifData().findKey(Exiv2::ExifKey("Exif.GPSInfo.GPSLatitude")) == back->exifData().end());
  CHECK(back->exifData().empty());
  const auto after = detect::detectMetadata(out.encoded.bytes);
  CHECK(std::none_of(after.begin(), after.end(), [](const detect::Finding& f) { return f.category == "gps"; }));

  // PNG (EXIF + XMP written by Exiv2 into the PNG chunks) stays PNG, lossless, without metadata.
  const cv::Mat content = orientedContent(120, 90);
  const std::string png = withMetadata(test::encode(content, ".png"), 0, false);
  REQUIRE_FALSE(detect::detectMetadata(png).empty());
  image.bytes = png;
  image.regions = {rect(0, 0, 10, 10)};
  const PublishedImage pngOut = publishImage(image);
  REQUIRE(pngOut.ok());
  CHECK(pngOut.encoded.contentType == "image/png");
  auto pngBack = openExiv2(pngOut.encoded.bytes);
  CHECK(pngBack->mimeType() == "image/png");
  CHECK(pngBack->exifData().empty());
  CHECK(pngBack->xmpData().empty());
  CHECK(pngBack->iptcData().empty());
  CHECK(pngBack->comment().empty());
  CHECK(detect::detectMetadata(pngOut.encoded.bytes).empty());
  const cv::Mat decoded = fromBytes(pngOut.encoded.bytes);
  cv::Mat expected = content.clone();
  expected(cv::Rect(0, 0, 10, 10)).setTo(cv::Scalar::all(0));
  CHECK(cv::countNonZero(decoded.reshape(1) != expected.reshape(1)) == 0);  // lossless, exact
}

TEST_CASE("EXIF orientations 1 to 8: masks given in oriented coordinates land in the right place") {
  const int W = 160, H = 100;  // displayed (oriented) size
  const cv::Mat display = orientedContent(W, H);
  Region ellipse = rect(100, 50, 40, 30);
  ellipse.shape = Shape::Ellipse;
  const std::vector<Region> regions = {rect(8, 12, 50, 20), ellipse};
  const cv::Mat1b covered = coverage({W, H}, regions);
  for (int o = 1; o <= 8; ++o) {
    INFO("orientation " << o);
    const cv::Mat stored = storedFor(display, o);
    std::vector<uchar> buf;
    cv::imencode(".jpg", stored, buf, {cv::IMWRITE_JPEG_QUALITY, 100});
    const std::string jpeg = withMetadata(std::string(buf.begin(), buf.end()), o);
    PostImage image;
    image.bytes = jpeg;
    image.regions = regions;
    PublishOptions options;
    options.format = "png";  // lossless output: masked pixels must be exactly black
    const PublishedImage out = publishImage(image, options);
    REQUIRE(out.ok());
    CHECK(out.orientation == o);
    CHECK(out.width == W);
    CHECK(out.height == H);
    CHECK(openExiv2(out.encoded.bytes)->exifData().empty());  // orientation baked in, tag gone
    const cv::Mat result = fromBytes(out.encoded.bytes);
    REQUIRE(result.size() == cv::Size(W, H));
    int wrongInside = 0;
    double outsideError = 0;
    int outsideCount = 0;
    for (int y = 0; y < H; ++y)
      for (int x = 0; x < W; ++x) {
        const cv::Vec3b p = result.at<cv::Vec3b>(y, x);
        if (covered(y, x)) {
          wrongInside += p != cv::Vec3b(0, 0, 0);
        } else {
          const cv::Vec3b e = display.at<cv::Vec3b>(y, x);
          for (int c = 0; c < 3; ++c) outsideError += std::abs(int(p[c]) - int(e[c]));
          outsideCount += 3;
        }
      }
    CHECK(wrongInside == 0);
    CHECK(outsideError / outsideCount < 3.0);  // the unmasked content is the displayed image (JPEG q100 noise only)
  }
}

TEST_CASE("publishing a post: every image, its own regions, errors per image, original pixels untouched") {
  const cv::Mat a = orientedContent(64, 48);
  PostImage first;
  first.id = "i1";
  first.pixels = a;
  first.contentType = "image/png";
  first.regions = {rect(0, 0, 8, 8), rect(60, 40, 100, 100)};  // the second one is clipped to the image
  PostImage second;
  second.id = "i2";
  second.bytes = test::encode(orientedContent(80, 60), ".jpg");
  second.regions = {rect(500, 500, 10, 10)};  // entirely outside: allowed, reported
  PostImage broken;
  broken.id = "i3";
  broken.bytes = second.bytes.substr(0, second.bytes.size() / 2);

  const auto published = publishPost({first, second});
  REQUIRE(published.size() == 2);
  CHECK(allOk(published));
  CHECK(published[0].id == "i1");
  CHECK(published[0].encoded.contentType == "image/png");
  const cv::Mat p0 = fromBytes(published[0].encoded.bytes);
  CHECK(p0.at<cv::Vec3b>(0, 0) == cv::Vec3b(0, 0, 0));
  CHECK(p0.at<cv::Vec3b>(47, 63) == cv::Vec3b(0, 0, 0));
  CHECK(p0.at<cv::Vec3b>(20, 20) == a.at<cv::Vec3b>(20, 20));
  CHECK(a.at<cv::Vec3b>(0, 0) != cv::Vec3b(0, 0, 0));  // the caller's pixels are not modified
  CHECK(published[1].encoded.contentType == "image/jpeg");
  CHECK(published[1].warnings.size() == 1);

  const auto withBroken = publishPost({first, broken, second});
  CHECK_FALSE(allOk(withBroken));
  CHECK(withBroken[0].ok());
  CHECK_FALSE(withBroken[1].ok());
  CHECK(withBroken[1].error.find("truncated") != std::string::npos);
  CHECK(withBroken[1].encoded.bytes.empty());
  CHECK_FALSE(allOk({}));

  PostImage wrongType = first;
  wrongType.pixels = cv::Mat(4, 4, CV_8UC1, cv::Scalar(0));
  CHECK_FALSE(publishImage(wrongType).ok());
  PublishOptions badFormat;
  badFormat.format = "gif";
  CHECK(publishImage(first, badFormat).error.find("gif") != std::string::npos);
}

TEST_CASE("residual check: a name left unmasked on purpose is caught, none when both are masked") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): residual check test skipped");
    return;
  }
  std::vector<cv::Rect> ink;
  const cv::Mat page = test::renderLines({"Patient : DUPONT Jean", "Mme LEFEVRE Ines"}, 30, false, &ink, {900, 300});
  REQUIRE(ink.size() == 2);
  auto maskOf = [](const cv::Rect& r) { return rect(r.x - 10, r.y - 10, r.width + 20, r.height + 20); };
  static detect::Pipeline pipeline;
  test::started(pipeline);

  // Before masking the detectors see both names.
  const auto clean = residualCheck(pipeline, page, {});
  REQUIRE(clean.ran);
  CHECK(clean.outside.size() >= 2);

  const std::vector<Region> one = {maskOf(ink[0])};
  cv::Mat masked = page.clone();
  burnIn(masked, one, 1);
  const ResidualCheck partial = residualCheck(pipeline, masked, one);
  REQUIRE(partial.ran);
  REQUIRE_FALSE(partial.outside.empty());
  CHECK_FALSE(partial.passes());
  bool otherName = false;
  for (const auto& f : partial.outside) {
    INFO(f.finding.category << " '" << f.finding.text << "' covered " << f.covered);
    REQUIRE(f.finding.box);
    const cv::Rect box(f.finding.box->x, f.finding.box->y, f.finding.box->w, f.finding.box->h);
    CHECK((box & ink[0]).area() == 0);  // nothing reported on the masked line
    otherName = otherName || ((box & ink[1]).area() > 0 && f.finding.category == "name");
  }
  CHECK(otherName);
  const nlohmann::json j = toJson(partial);
  CHECK(j["ran"] == true);
  CHECK(j["phi_findings_outside"] == partial.outside.size());
  CHECK(j["override_reason"].is_null());
  CHECK(j["findings"].size() == partial.outside.size());
  CHECK(j["findings"][0].contains("box"));
  ResidualCheck overridden = partial;
  overridden.overrideReason = "Nom du médecin, pas du patient";
  CHECK(overridden.passes());
  CHECK(toJson(overridden)["override_reason"] == "Nom du médecin, pas du patient");

  const std::vector<Region> both = {maskOf(ink[0]), maskOf(ink[1])};
  masked = page.clone();
  burnIn(masked, both, 1);
  const ResidualCheck full = residualCheck(pipeline, masked, both);
  CHECK(full.ran);
  for (const auto& f : full.outside) INFO("left: " << f.finding.category << " '" << f.finding.text << "'");
  CHECK(full.outside.empty());
  CHECK(full.passes());
  CHECK(toJson(full)["phi_findings_outside"] == 0);

  // Post level, on the encoded bytes as published (decoded like a viewer, metadata included).
  PostImage a, b;
  a.id = "i1";
  a.pixels = page;
  a.contentType = "image/png";
  a.regions = one;
  b.id = "i2";
  b.bytes = withMetadata(test::encode(orientedContent(200, 150), ".jpg"));
  const auto published = publishPost({a, b});
  REQUIRE(allOk(published));
  const ResidualCheck post = residualCheckPost(pipeline, {a, b}, published);
  CHECK(post.ran);
  REQUIRE_FALSE(post.outside.empty());
  for (const auto& f : post.outside) CHECK(f.imageId == "i1");  // metadata of i2 did not survive
  CHECK(toJson(post)["findings"][0]["image_id"] == "i1");
}

TEST_CASE("residual check: masks are blended into their surroundings before the detectors look") {
  cv::Mat page(200, 300, CV_8UC3, cv::Scalar(235, 240, 245));
  cv::putText(page, "DUPONT", {20, 120}, cv::FONT_HERSHEY_SIMPLEX, 1.5, cv::Scalar(20, 20, 20), 3);
  const std::vector<Region> regions = {rect(10, 70, 200, 70)};
  cv::Mat masked = page.clone();
  burnIn(masked, regions, 1);
  const cv::Mat1b covered = coverage(page.size(), regions);
  const cv::Mat blended = withMasksBlended(masked, covered);
  // The masked area (and 2 px of edge) takes the page's colour: no black rectangle, no letter.
  cv::Mat diff;
  cv::absdiff(blended(cv::Rect(8, 68, 204, 74)), cv::Scalar(235, 240, 245), diff);
  CHECK(cv::norm(diff, cv::NORM_INF) <= 1);
  // Outside it, nothing changes.
  cv::Mat1b outside = covered == 0;
  cv::erode(outside, outside, cv::getStructuringElement(cv::MORPH_RECT, {7, 7}));
  CHECK(cv::norm(blended, masked, cv::NORM_INF, outside) == 0);
  CHECK(cv::norm(withMasksBlended(masked, {}), masked, cv::NORM_INF) == 0);  // nothing masked: the image as is
}

TEST_CASE("residual check converges: masking what it finds leaves nothing outside within three approvals") {
  // Regression: the solid masks themselves used to be found again (a black rectangle on skin as a tattoo, clusters
  // of them on a lab report as a face), each time with a larger box; every approval added a bigger region, forever.
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): residual convergence test skipped");
    return;
  }
  static detect::Pipeline pipeline;
  test::started(pipeline);
  // Not SkinFace: its composited stock photo inside skin is all "ink" to the tattoo heuristic, whose repeated-pattern
  // filter is not local (masking some marks lets others through); the desk then asks for a written reason.
  for (const auto kind : {synth::ImageKind::SkinTattoo, synth::ImageKind::LabReport, synth::ImageKind::Ecg,
                          synth::ImageKind::Wristband}) {
    for (std::uint64_t seed = 1; seed <= 2; ++seed) {
      const synth::SynthImage photo = synth::generate(kind, seed);
      INFO(synth::kindName(kind) << " seed " << seed);
      PostImage image;
      image.id = "i1";
      image.pixels = photo.pixels;
      image.contentType = "image/jpeg";
      auto addRegions = [&](const std::vector<detect::Finding>& findings) {
        for (const auto& f : findings)
          if (f.phi && f.box) image.regions.push_back(rect(f.box->x, f.box->y, f.box->w, f.box->h));
      };
      addRegions(pipeline.analyzeImage(photo.pixels).findings);
      REQUIRE_FALSE(image.regions.empty());
      int round = 0;
      for (; round < 4; ++round) {
        const auto published = publishPost({image});
        REQUIRE(allOk(published));
        const ResidualCheck check = residualCheckPost(pipeline, {image}, published);
        REQUIRE(check.ran);
        if (kind == synth::ImageKind::SkinTattoo && round == 0) {
          // The same masked pixels without the blending: the solid mask over the tattoo is found again as a mark
          // that the mask covers at less than 90 %, the finding that used to block every approval.
          const cv::Mat1b covered = coverage(photo.pixels.size(), image.regions);
          bool maskFoundAgain = false;
          for (const auto& f : pipeline.analyze(published[0].encoded.bytes).findings)
            maskFoundAgain = maskFoundAgain || (f.kind == detect::Kind::Tattoo && f.box &&
                                                coveredFraction(*f.box, covered) < kResidualInsideFraction);
          CHECK(maskFoundAgain);
        }
        if (check.outside.empty()) break;
        std::vector<detect::Finding> found;
        for (const auto& f : check.outside) {
          UNSCOPED_INFO("round " << round << " outside: " << f.finding.category << " '" << f.finding.text
                                 << "' covered " << f.covered);
          found.push_back(f.finding);
        }
        addRegions(found);
      }
      // Masking changes what the page-level rules see (fewer read lines: no longer "a document", so the tattoo
      // heuristic runs), and OCR segments lines next to a mask differently: a second objection happens, not a third.
      CHECK(round <= 2);
    }
  }
}

TEST_CASE("residual check: coverage fraction and the 90 % rule") {
  cv::Mat1b cov(100, 100, uchar(0));
  cov(cv::Rect(0, 0, 50, 100)).setTo(255);
  CHECK(coveredFraction({0, 0, 50, 10}, cov) == Approx(1.0));
  CHECK(coveredFraction({40, 0, 20, 10}, cov) == Approx(0.5));
  CHECK(coveredFraction({90, 90, 20, 20}, cov) == Approx(0.0));
  CHECK(coveredFraction({-10, 0, 20, 10}, cov) == Approx(0.5));  // the part outside the image counts as uncovered
  CHECK(coveredFraction({0, 0, 0, 0}, cov) == 0.0);
  ResidualCheck notRun;
  CHECK_FALSE(notRun.passes());
  CHECK(toJson(notRun)["ran"] == false);
}

TEST_CASE("caption masking replaces spans by [\u2026], merging overlapping and adjacent spans") {
  const std::string caption = "Fracture du radius distal chez M. Dupont, vu le 12/03/2024";
  const std::size_t name = caption.find("M. Dupont"), date = caption.find("12/03/2024");
  const MaskedCaption m = maskCaption(caption, std::vector<ByteSpan>{{date, date + 10}, {name, name + 9}});
  CHECK(m.text == "Fracture du radius distal chez [\xE2\x80\xA6], vu le [\xE2\x80\xA6]");
  REQUIRE(m.spans.size() == 2);
  CHECK(m.spans[0] == ByteSpan{name, name + 9});
  CHECK(spansToJson(m.spans) ==
        nlohmann::json::parse("[[" + std::to_string(name) + "," + std::to_string(name + 9) + "],[" +
                              std::to_string(date) + "," + std::to_string(date + 10) + "]]"));

  // Overlapping and adjacent spans become one placeholder; empty and out-of-range parts are ignored or clipped.
  CHECK(maskCaption("abcdefghij", std::vector<ByteSpan>{{2, 5}, {4, 7}}).text == "ab[\xE2\x80\xA6]hij");
  CHECK(maskCaption("abcdefghij", std::vector<ByteSpan>{{2, 5}, {5, 7}}).text == "ab[\xE2\x80\xA6]hij");
  CHECK(maskCaption("abcdefghij", std::vector<ByteSpan>{{2, 5}, {6, 7}}).text == "ab[\xE2\x80\xA6]f[\xE2\x80\xA6]hij");
  CHECK(maskCaption("abcdefghij", std::vector<ByteSpan>{{3, 3}, {8, 50}}).text == "abcdefgh[\xE2\x80\xA6]");
  CHECK(maskCaption("abc", std::vector<ByteSpan>{}).text == "abc");
  CHECK(maskCaption("", std::vector<ByteSpan>{{0, 4}}).text.empty());

  // Accents: a span cutting a multi-byte character is widened to the whole character, never leaving half of it.
  const std::string accented = "Plaie de Mme Hélène Lefèvre";  // "é" and "è" are 2 bytes each
  const std::size_t e1 = accented.find("\xC3\xA9");
  const MaskedCaption cut = maskCaption(accented, std::vector<ByteSpan>{{e1 + 1, accented.size()}});
  CHECK(cut.text == "Plaie de Mme H[\xE2\x80\xA6]");
  CHECK(cut.spans[0].first == e1);
}

TEST_CASE("caption masking with the spans of findPhiSpans: accents, a name and a date") {
  const std::string caption = "Ulcère du pied chez Mme Hélène Lefèvre, née le 3 février 1961. Évolution favorable.";
  const auto spans = detect::findPhiSpans(caption);
  REQUIRE_FALSE(spans.empty());
  const MaskedCaption m = maskCaption(caption, spans);
  INFO(m.text);
  CHECK(m.text.find("Lefèvre") == std::string::npos);
  CHECK(m.text.find("Hélène") == std::string::npos);
  CHECK(m.text.find("1961") == std::string::npos);
  CHECK(m.text.find("[\xE2\x80\xA6]") != std::string::npos);
  CHECK(m.text.rfind("Ulcère du pied chez ", 0) == 0);
  CHECK(m.text.find("Évolution favorable.") != std::string::npos);
  // Valid UTF-8 throughout (every masked span sits on character boundaries).
  for (const auto& [b, e] : m.spans) {
    CHECK((static_cast<unsigned char>(caption[b]) & 0xC0) != 0x80);
    CHECK((e == caption.size() || (static_cast<unsigned char>(caption[e]) & 0xC0) != 0x80));
  }
}

TEST_CASE("medpics redact: guarded decode, orientation, formats, quality and exit codes") {
  test::TempDir dir;
  const auto d = dir.path();
  const cv::Mat display = orientedContent(160, 100);
  std::vector<uchar> buf;
  cv::imencode(".jpg", storedFor(display, 6), buf, {cv::IMWRITE_JPEG_QUALITY, 100});
  writeFile(d / "in.jpg", withMetadata(std::string(buf.begin(), buf.end()), 6));
  writeFile(d / "in.png", test::encode(display, ".png"));
  writeFile(d / "regions.json", R"([{"box": [8, 12, 50, 20]}, {"ellipse": [100, 50, 40, 30], "style": "solid"},
                                    {"polygon": [[150, 90], [200, 90], [200, 130]]}])");
  const std::string in = (d / "in.jpg").string(), regions = (d / "regions.json").string();

  SECTION("JPEG with EXIF orientation 6: masks in oriented coordinates, metadata gone") {
    const Run ok = runMedpics("redact " + in + " --regions " + regions + " --out " + (d / "out.png").string(), d);
    INFO(ok.err);
    REQUIRE(ok.code == 0);
    const auto summary = nlohmann::json::parse(ok.out);
    CHECK(summary["content_type"] == "image/png");
    CHECK(summary["orientation_applied"] == 6);
    CHECK(summary["width"] == 160);
    const std::string out = readFile(d / "out.png");
    CHECK(openExiv2(out)->exifData().empty());
    const cv::Mat result = fromBytes(out);
    REQUIRE(result.size() == cv::Size(160, 100));
    CHECK(result.at<cv::Vec3b>(12, 8) == cv::Vec3b(0, 0, 0));
    CHECK(result.at<cv::Vec3b>(31, 57) == cv::Vec3b(0, 0, 0));
    CHECK(result.at<cv::Vec3b>(65, 120) == cv::Vec3b(0, 0, 0));  // ellipse centre
    CHECK(result.at<cv::Vec3b>(95, 158) == cv::Vec3b(0, 0, 0));  // polygon clipped to the image
    CHECK(result.at<cv::Vec3b>(99, 152) != cv::Vec3b(0, 0, 0));  // below its edge
    CHECK(cv::norm(result.at<cv::Vec3b>(80, 40), display.at<cv::Vec3b>(80, 40), cv::NORM_INF) < 8);
  }
  SECTION("JPEG keeps JPEG; quality option; PNG stays PNG; --style applies to regions without one") {
    REQUIRE(runMedpics("redact " + in + " --regions " + regions + " --out " + (d / "q92").string(), d).code == 0);
    REQUIRE(
        runMedpics("redact " + in + " --regions " + regions + " --quality 40 --out " + (d / "q40").string(), d).code ==
        0);
    const std::string q92 = readFile(d / "q92"), q40 = readFile(d / "q40");
    CHECK(openExiv2(q92)->mimeType() == "image/jpeg");
    CHECK(q40.size() < q92.size());
    CHECK(openExiv2(q92)->exifData().empty());
    const Run png = runMedpics("redact " + (d / "in.png").string() + " --regions " + regions +
                                   " --style mosaic --out " + (d / "out.bin").string(),
                               d);
    REQUIRE(png.code == 0);
    CHECK(nlohmann::json::parse(png.out)["content_type"] == "image/png");
    const cv::Mat result = fromBytes(readFile(d / "out.bin"));
    CHECK(result.at<cv::Vec3b>(12, 8) != display.at<cv::Vec3b>(12, 8));    // mosaic there
    CHECK(result.at<cv::Vec3b>(65, 120) == cv::Vec3b(0, 0, 0));            // explicit "solid" kept
    CHECK(result.at<cv::Vec3b>(80, 40) == display.at<cv::Vec3b>(80, 40));  // lossless outside
  }
  SECTION("bad input: exit 2 with a clear message, nothing written") {
    const std::string out = (d / "bad.jpg").string();
    auto expectBad = [&](const std::string& args, const std::string& message) {
      const Run r = runMedpics("redact " + args + " --out " + out, d);
      INFO(args << " -> " << r.err);
      CHECK(r.code == 2);
      CHECK(r.err.find(message) != std::string::npos);
      CHECK_FALSE(std::filesystem::exists(out));
      CHECK_FALSE(std::filesystem::exists(out + ".part"));
    };
    expectBad((d / "missing.jpg").string() + " --regions " + regions, "cannot read");
    writeFile(d / "corrupt.jpg", readFile(d / "in.jpg").substr(0, 300));
    expectBad((d / "corrupt.jpg").string() + " --regions " + regions, "corrupt.jpg:");
    writeFile(d / "text.jpg", "this is not an image at all, just text");
    expectBad((d / "text.jpg").string() + " --regions " + regions, "unrecognised image format");
    writeFile(d / "malformed.json", R"([{"box": [1, 2, 3, 4]},)");
    expectBad(in + " --regions " + (d / "malformed.json").string(), "invalid JSON");
    writeFile(d / "object.json", R"({"box": [1, 2, 3, 4]})");
    expectBad(in + " --regions " + (d / "object.json").string(), "expected a JSON array");
    writeFile(d / "badregion.json", R"([{"box": [1, 2, 3, 4]}, {"box": [1, 2, -3, 4]}])");
    expectBad(in + " --regions " + (d / "badregion.json").string(), "region 2");
    expectBad(in + " --regions " + (d / "nope.json").string(), "cannot read");
    expectBad(in + " --regions " + regions + " --quality 0", "--quality");
    expectBad(in + " --regions " + regions + " --quality high", "--quality");
    expectBad(in + " --regions " + regions + " --style pixelate", "unknown style");
    expectBad(in + " --regions " + regions + " --format gif", "--format");
    expectBad(in, "usage");
  }
  SECTION("regions out of the image are allowed, clipped, and reported when entirely outside") {
    writeFile(d / "outside.json", R"([{"box": [150, 90, 500, 500]}, {"box": [1000, 1000, 5, 5]}])");
    const Run r = runMedpics("redact " + (d / "in.png").string() + " --regions " + (d / "outside.json").string() +
                                 " --out " + (d / "clipped.png").string(),
                             d);
    CHECK(r.code == 0);
    CHECK(r.err.find("warning: region 2 lies entirely outside") != std::string::npos);
    const cv::Mat result = fromBytes(readFile(d / "clipped.png"));
    CHECK(cv::countNonZero(result(cv::Rect(150, 90, 10, 10)).reshape(1)) == 0);
    CHECK(result.at<cv::Vec3b>(89, 149) == display.at<cv::Vec3b>(89, 149));
  }
}
