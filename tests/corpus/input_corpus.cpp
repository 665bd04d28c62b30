// The generated corpora: OpenCV writes the ordinary images, image_builders the unusual ones; JSON and text by hand.
#include "input_corpus.hpp"

#include "image_builders.hpp"

#include "medpics/creds/extract_format.hpp"
#include "medpics/demo/extract_generator.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <climits>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace medpics::corpus {
namespace {

cv::Mat testPattern(int width, int height, int type = CV_8UC3) {
  cv::Mat m(height, width, CV_8UC3, cv::Scalar(200, 180, 160));
  cv::rectangle(m, {width / 8, height / 8, std::max(1, width / 2), std::max(1, height / 3)}, cv::Scalar(30, 60, 200),
                cv::FILLED);
  cv::putText(m, "DUPONT Marie 12/03/1961", {4, std::max(12, height / 2)}, cv::FONT_HERSHEY_SIMPLEX, 0.4,
              cv::Scalar(0, 0, 0));
  if (type == CV_16UC3) m.convertTo(m, CV_16UC3, 257.0);
  if (type == CV_8UC1) cv::cvtColor(m, m, cv::COLOR_BGR2GRAY);
  return m;
}

std::string encode(const std::string& ext, const cv::Mat& image, const std::vector<int>& params = {}) {
  std::vector<uchar> buf;
  if (!cv::imencode(ext, image, buf, params)) throw std::runtime_error("cannot encode " + ext);
  return {buf.begin(), buf.end()};
}

// Raw scanlines (filter 0) of a `width` x `height` single-channel 8-bit image with value(x, y).
template <class Value>
std::string greyScanlines(std::uint32_t width, std::uint32_t height, Value value) {
  std::string rows;
  rows.reserve(std::size_t(width + 1) * height);
  for (std::uint32_t y = 0; y < height; ++y) {
    rows += '\0';
    for (std::uint32_t x = 0; x < width; ++x) rows += char(value(x, y));
  }
  return rows;
}

std::string paletteRgb() {
  const unsigned char rgb[] = {0, 0, 0, 255, 255, 255, 200, 40, 40, 40, 40, 200};
  return {reinterpret_cast<const char*>(rgb), sizeof rgb};
}

std::string half(const std::string& bytes) { return bytes.substr(0, bytes.size() / 2); }

// Overwrites bytes from the middle on with a repeating garbage pattern (headers stay intact).
std::string corrupted(std::string bytes) {
  for (std::size_t i = bytes.size() / 3; i < bytes.size() * 2 / 3; i += 7) bytes[i] = char(bytes[i] ^ 0x5A);
  return bytes;
}

}  // namespace

std::vector<Sample> validImages() {
  const cv::Mat rgb = testPattern(96, 64);
  std::vector<Sample> s;
  s.push_back({"photo.jpg", encode(".jpg", rgb), Expect::Accept});
  s.push_back({"progressive.jpg", encode(".jpg", rgb, {cv::IMWRITE_JPEG_PROGRESSIVE, 1}), Expect::Accept});
  s.push_back({"grey.jpg", encode(".jpg", testPattern(96, 64, CV_8UC1)), Expect::Accept});
  s.push_back({"photo.png", encode(".png", rgb), Expect::Accept});
  s.push_back({"deep16.png", encode(".png", testPattern(96, 64, CV_16UC3)), Expect::Accept});
  s.push_back({"deep16.tiff", encode(".tiff", testPattern(96, 64, CV_16UC3)), Expect::Accept});
  s.push_back({"photo.tiff", encode(".tiff", rgb), Expect::Accept});
  s.push_back({"photo.webp", encode(".webp", rgb, {cv::IMWRITE_WEBP_QUALITY, 80}), Expect::Accept});
  s.push_back({"lossless.webp", encode(".webp", rgb, {cv::IMWRITE_WEBP_QUALITY, 101}), Expect::Accept});
  s.push_back({"photo.bmp", encode(".bmp", rgb), Expect::Accept});
  s.push_back({"cmyk.jpg", cmykJpeg(64, 48), Expect::Accept});
  s.push_back(
      {"palette.png",
       pngFile(16, 8, 8, 3, greyScanlines(16, 8, [](auto x, auto y) { return (x + y) % 4; }), {{"PLTE", paletteRgb()}}),
       Expect::Accept});
  s.push_back({"grey-alpha.png",
               encode(".png",
                      [] {
                        cv::Mat m = testPattern(32, 32);
                        cv::cvtColor(m, m, cv::COLOR_BGR2BGRA);
                        return m;
                      }()),
               Expect::Accept});
  {  // APNG: acTL + fcTL before the default image; the second frame (fcTL + fdAT) is ignored by the loader.
    const std::string rows = greyScanlines(8, 8, [](auto x, auto) { return x * 30; });
    std::string actl = be32(2) + be32(0);
    std::string fctl0 = be32(0) + be32(8) + be32(8) + be32(0) + be32(0) + std::string("\0\x01\0\x0a\0\0", 6);
    std::string fctl1 = be32(1) + be32(8) + be32(8) + be32(0) + be32(0) + std::string("\0\x01\0\x0a\0\0", 6);
    std::string idat = pngFile(8, 8, 8, 0, rows);  // borrow its compressed IDAT payload
    const std::size_t at = idat.find("IDAT");
    const std::uint32_t len = (std::uint32_t(std::uint8_t(idat[at - 4])) << 24) |
                              (std::uint32_t(std::uint8_t(idat[at - 3])) << 16) |
                              (std::uint32_t(std::uint8_t(idat[at - 2])) << 8) | std::uint8_t(idat[at - 1]);
    const std::string fdat = be32(2) + idat.substr(at + 4, len);
    s.push_back({"animated.png",
                 pngFile(8, 8, 8, 0, rows, {{"acTL", actl}, {"fcTL", fctl0}}, {{"fcTL", fctl1}, {"fdAT", fdat}}),
                 Expect::Accept});
  }
  s.push_back({"rotated-exif6.jpg", withJpegExif(encode(".jpg", rgb), exifBlock(0, 0, 6)), Expect::Accept});
  s.push_back({"tall-1x100000.png",
               pngFile(1, 100000, 8, 0, greyScanlines(1, 100000, [](auto, auto y) { return y % 251; })),
               Expect::Accept});
  s.push_back({"wide-100000x1.png",
               pngFile(100000, 1, 8, 0, greyScanlines(100000, 1, [](auto x, auto) { return x % 251; })),
               Expect::Accept});
  s.push_back({"tiny-1x1.png", pngFile(1, 1, 8, 0, std::string("\0\x80", 2)), Expect::Accept});
  return s;
}

std::vector<Sample> hostileImages() {
  const cv::Mat rgb = testPattern(96, 64);
  std::vector<Sample> s;
  s.push_back({"empty.jpg", "", Expect::Refuse});
  s.push_back({"text.png", "this is not an image at all\n", Expect::Refuse});
  s.push_back({"png-named.jpg", encode(".png", rgb), Expect::Accept});  // wrong extension: content decides
  s.push_back({"jpeg-named.webp", encode(".jpg", rgb), Expect::Accept});
  s.push_back({"only-magic.png", "\x89PNG\r\n\x1a\n", Expect::Refuse});
  s.push_back({"only-soi.jpg", "\xFF\xD8\xFF", Expect::Refuse});
  s.push_back({"animated.gif", animatedGif(), Expect::Refuse});
  s.push_back({"animated.webp", animatedWebp(16, 16), Expect::Any});
  for (const char* ext : {".jpg", ".png", ".webp", ".tiff", ".bmp"}) {
    const std::string file = encode(
        ext, rgb, std::string(ext) == ".webp" ? std::vector<int>{cv::IMWRITE_WEBP_QUALITY, 80} : std::vector<int>{});
    const std::string base = std::string("ok") + ext;
    s.push_back({"truncated-half" + std::string(ext), half(file), Expect::Any});
    s.push_back({"truncated-header" + std::string(ext), file.substr(0, 12), Expect::Refuse});
    s.push_back({"corrupt-middle" + std::string(ext), corrupted(file), Expect::Any});
  }
  {  // header-declared decompression bombs: a small file announcing 60000 x 60000 (3.6 gigapixels)
    std::string jpeg = encode(".jpg", rgb);
    if (patchJpegSize(jpeg, 60000, 60000)) s.push_back({"bomb-60000.jpg", jpeg, Expect::Refuse});
    std::string tiff = encode(".tiff", rgb);
    if (patchTiffSize(tiff, 60000, 60000)) s.push_back({"bomb-60000.tiff", tiff, Expect::Refuse});
    std::string webp = encode(".webp", rgb, {cv::IMWRITE_WEBP_QUALITY, 80});
    if (patchWebpSize(webp, 16383, 16383)) s.push_back({"bomb-16383.webp", webp, Expect::Refuse});
    std::string bmp = encode(".bmp", rgb);
    if (patchBmpSize(bmp, 60000, 60000)) s.push_back({"bomb-60000.bmp", bmp, Expect::Refuse});
    s.push_back({"bomb-60000.png", pngFile(60000, 60000, 8, 2, std::string(64, '\0')), Expect::Refuse});
    s.push_back({"bomb-60000-16bit.png", pngFile(60000, 60000, 16, 6, std::string(64, '\0')), Expect::Refuse});
    s.push_back({"zero-size.png", pngFile(0, 0, 8, 0, std::string(1, '\0')), Expect::Refuse});
    s.push_back({"negative-height.bmp",
                 [&] {
                   std::string b = encode(".bmp", rgb);
                   patchBmpSize(b, 96, -2147483647);
                   return b;
                 }(),
                 Expect::Refuse});
    s.push_back({"int-min-height.bmp",
                 [&] {  // found by fuzz_image_decode: negating INT32_MIN was undefined
                   std::string b = encode(".bmp", rgb);
                   patchBmpSize(b, 96, INT32_MIN);
                   return b;
                 }(),
                 Expect::Refuse});
    // Declares 8000 x 8000 but carries one row only: the decoder must fail, not invent 192 MB of pixels.
    s.push_back({"short-data-8000.png", pngFile(8000, 8000, 8, 0, std::string(8001, '\0')), Expect::Refuse});
  }
  // EXIF: a full 64 KiB APP1 of entries; a 16 MiB eXIf PNG chunk whose 60000 entries share one value.
  s.push_back({"huge-exif.jpg", withJpegExif(encode(".jpg", rgb), exifBlock(4000, 8000, 1)), Expect::Any});
  s.push_back({"huge-exif.png",
               pngFile(8, 8, 8, 0, greyScanlines(8, 8, [](auto x, auto) { return x; }),
                       {{"eXIf", exifBlock(60000, 16 << 20 >> 4, 3)}}),
               Expect::Any});
  s.push_back({"exif-orientation-99.jpg", withJpegExif(encode(".jpg", rgb), exifBlock(0, 0, 99)), Expect::Accept});
  return s;
}

std::vector<Sample> apiAnswers() {
  using nlohmann::json;
  const json user{
      {"id", "u1"}, {"username", "modo"}, {"display_name", "Camille Moderatrice"}, {"roles", {"moderator"}}};
  const json author{{"id", "a1"}, {"display_name", "Dr Jeanne Martin"}};
  const json image{{"id", "i1"},
                   {"url", "/api/v1/images/i1"},
                   {"width", 1920},
                   {"height", 1080},
                   {"bytes", 123456},
                   {"content_type", "image/jpeg"},
                   {"sha256", std::string(64, 'a')}};
  const json lease{{"lease_id", "l1"}, {"expires_at", "2026-11-22T22:00:00Z"}, {"ttl_seconds", 120}};
  const json decision{{"decision_id", "d1"},          {"subject_type", "post"},
                      {"subject_id", "p1"},           {"action", "reject"},
                      {"reason_code", "not_medical"}, {"message", nullptr},
                      {"decided_by", "modo"},         {"decided_at", "2026-11-22T14:03:00Z"}};
  const json post{{"id", "p1"},         {"status", "pending"},
                  {"kind", "case"},     {"created_at", "2026-11-22T10:00:00Z"},
                  {"author", author},   {"caption", "Lésion chez Mme Dupont, 12/03/1961"},
                  {"images", {image}},  {"lease", nullptr},
                  {"decision", nullptr}};
  const json applicant{{"first_name", "Marie"},
                       {"last_name", "Dupont"},
                       {"profession", "medecin"},
                       {"identifier", "10001234567"},
                       {"identifier_type", "rpps"}};
  const json registration{{"id", "r1"},
                          {"status", "pending"},
                          {"submitted_at", "2026-11-22T10:00:00Z"},
                          {"applicant", applicant},
                          {"documents",
                           {{{"id", "doc1"},
                             {"kind", "cps"},
                             {"url", "/api/v1/documents/doc1"},
                             {"width", 800},
                             {"height", 500},
                             {"content_type", "image/png"}}}},
                          {"lease", lease},
                          {"decision", decision}};
  std::vector<Sample> s;
  auto add = [&](const std::string& name, const json& j) { s.push_back({name + ".json", j.dump()}); };
  add("session", {{"token", std::string(64, 'f')}, {"expires_at", "2026-11-22T22:00:00Z"}, {"user", user}});
  add("user", user);
  add("lease", lease);
  add("decision", decision);
  add("post", post);
  add("posts-page", {{"items", {post, post}}, {"next_cursor", "c12"}, {"total", 40}});
  add("registration", registration);
  add("registrations-page", {{"items", {registration}}, {"next_cursor", nullptr}});
  add("decisions-page", {{"items", {decision}}, {"next_cursor", nullptr}});
  add("error", {{"error", "lease_held"}, {"message", "held by verif"}, {"holder", "verif"}});
  return s;
}

std::string deeplyNested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::vector<Sample> hostileJson() {
  std::vector<Sample> s;
  for (const Sample& answer : apiAnswers()) {
    const nlohmann::json j = nlohmann::json::parse(answer.bytes);
    int k = 0;
    for (const auto& [key, value] : j.items()) {
      for (const nlohmann::json& wrong : {nlohmann::json(nullptr), nlohmann::json(42), nlohmann::json::array(),
                                          nlohmann::json("x"), nlohmann::json(-1e308)}) {
        nlohmann::json bad = j;
        bad[key] = wrong;
        s.push_back({"wrong-type-" + std::to_string(k++) + "-" + answer.name, bad.dump()});
      }
      nlohmann::json missing = j;
      missing.erase(key);
      s.push_back({"missing-" + key + "-" + answer.name, missing.dump()});
    }
    s.push_back({"truncated-" + answer.name, answer.bytes.substr(0, answer.bytes.size() / 2)});
    s.push_back({"array-instead-" + answer.name, "[" + answer.bytes + "]"});
  }
  s.push_back({"nested-arrays.json", deeplyNested(100000)});
  s.push_back({"nested-objects.json", [] {
                 std::string t;
                 for (int i = 0; i < 100000; ++i) t += "{\"a\":";
                 t += "1";
                 t += std::string(100000, '}');
                 return t;
               }()});
  s.push_back({"nested-regions.json",
               R"({"action":"reject","lease_id":"x","reason_code":"other","regions":)" + deeplyNested(100000) + "}"});
  s.push_back({"invalid-utf8.json", "{\"token\":\"\xff\xfe\xfd\",\"expires_at\":\"\xc3\x28\",\"user\":{}}"});
  s.push_back({"overlong-utf8.json", "{\"username\":\"\xc0\xaf\xe0\x80\xaf\"}"});
  s.push_back({"lone-surrogate.json", R"({"username":"\ud800"})"});
  s.push_back({"nul-in-string.json", std::string("{\"username\":\"mo\0do\"}", 20)});
  s.push_back({"huge-number.json",
               R"({"width": 1e999999, "height": -99999999999999999999999, "ttl_seconds": 18446744073709551616})"});
  s.push_back({"huge-string.json", "{\"caption\":\"" + std::string(8 << 20, 'A') + "\"}"});
  s.push_back({"bom.json", "\xEF\xBB\xBF{\"status\":\"ok\"}"});
  s.push_back({"empty.json", ""});
  s.push_back({"null.json", "null"});
  s.push_back({"duplicate-keys.json", R"({"token":"a","token":"b"})"});
  return s;
}

std::vector<Sample> directoryExtracts() {
  std::vector<Sample> s;
  for (const auto version : {creds::ExtractVersion::V2021, creds::ExtractVersion::V2023}) {
    for (const auto encoding : {creds::ExtractEncoding::Utf8, creds::ExtractEncoding::Latin1}) {
      creds::ExtractOptions options;
      options.rows = 12;
      options.version = version;
      options.encoding = encoding;
      options.malformedEvery = 5;
      std::ostringstream out;
      creds::generateExtract(options, {}, out);
      s.push_back({"extract-" + std::to_string(int(version)) +
                       (encoding == creds::ExtractEncoding::Utf8 ? "-utf8" : "-latin1") + ".txt",
                   out.str()});
    }
  }
  const std::string good = s.front().bytes;
  const std::string header = good.substr(0, good.find('\n') + 1);
  s.push_back({"header-only.txt", header});
  s.push_back({"no-newline.txt", header + "8|10001234567|810001234567"});
  s.push_back({"pipes-only.txt", header + std::string(4096, '|') + "\n"});
  s.push_back({"invalid-utf8.txt", header + "8|10001234567|\xff\xfe|\xc3\x28\n"});
  s.push_back({"long-line.txt", header + std::string(1 << 20, 'x') + "\n"});
  s.push_back({"crlf.txt", [&] {
                 std::string t;
                 for (char c : good) t += c == '\n' ? std::string("\r\n") : std::string(1, c);
                 return t;
               }()});
  s.push_back({"not-an-extract.txt", "bonjour|le|monde\n1|2|3\n"});
  s.push_back({"empty.txt", ""});
  return s;
}

std::vector<Sample> textLines() {
  std::vector<Sample> s;
  const char* lines[] = {
      "Mme DUPONT Marie, née le 12/03/1961",
      "NIR 2 61 03 75 112 345 67",
      "IPP 004512783 - CHU de Bordeaux, service de dermatologie",
      "Tél. 06 12 34 56 78 — marie.dupont@example.fr",
      "12 rue des Lilas, 33000 Bordeaux",
      "Dr Jean MARTIN, RPPS 10001234567",
      "Lésion pigmentée 8 mm, bord irrégulier",
      "Patient: John SMITH DOB 1961-03-12 MRN 55812",
      "R 12 cm L",
      "",
      "   ",
  };
  int i = 0;
  for (const char* l : lines) s.push_back({"line-" + std::to_string(i++) + ".txt", l});
  s.push_back({"invalid-utf8.txt", "Mme \xff\xfe DUPONT \xc3\x28 née le 12/03/1961"});
  s.push_back({"truncated-utf8.txt", "Mme DUPONT H\xc3"});
  s.push_back({"nul-bytes.txt", std::string("Mme\0DUPONT\0née le 12/03/1961", 28)});
  s.push_back({"rtl-override.txt", "Mme \u202EDUPONT\u202C née le 12/03/1961"});
  s.push_back({"combining.txt", std::string("Me\u0301lanie D\u0301\u0301\u0301UPONT")});
  s.push_back({"huge-line.txt", [] {
                 std::string t;
                 while (t.size() < (1u << 20)) t += "Mme DUPONT 12/03/1961 06 12 34 56 78 ";
                 return t;
               }()});
  s.push_back({"digits-only.txt", std::string(100000, '7')});
  return s;
}

void writeAll(const std::vector<Sample>& samples, const std::string& dir) {
  std::filesystem::create_directories(dir);
  for (const auto& sample : samples)
    std::ofstream(std::filesystem::path(dir) / sample.name, std::ios::binary) << sample.bytes;
}

}  // namespace medpics::corpus
