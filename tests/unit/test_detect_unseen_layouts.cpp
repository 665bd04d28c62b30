// Regression tests of layouts the corpus generator does not draw, found on independent sets (sessions 31-33): a block
// framed far wider than its lines and turned, photo labels (boxed with a wound; 8-11 px print on mottled skin), an
// ECG footer under its traces.
#include "medpics/detect/pipeline.hpp"
#include "medpics/detect/text_regions.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <tuple>

using namespace medpics;
using namespace medpics::detect;

namespace {

struct DrawnLine {
  std::string text;
  cv::Rect box;  // upright, before the turn
};

// The quadrilateral of an upright box after the affine map `m`.
std::vector<cv::Point> turned(const cv::Rect& box, const cv::Mat& m) {
  std::vector<cv::Point2f> corners{{float(box.x), float(box.y)},
                                   {float(box.br().x), float(box.y)},
                                   {float(box.br().x), float(box.br().y)},
                                   {float(box.x), float(box.br().y)}},
      out;
  cv::transform(corners, out, m);
  std::vector<cv::Point> points;
  for (const auto& p : out) points.emplace_back(int(std::lround(p.x)), int(std::lround(p.y)));
  return points;
}

// Share of a turned line that phi findings hide (their outlines when they have one, as `medpics evaluate` scores).
double hidden(const std::vector<cv::Point>& quad, const std::vector<Finding>& findings) {
  const cv::Rect r = cv::boundingRect(quad);
  std::vector<std::array<int, 2>> outline;
  for (const auto& p : quad) outline.push_back({p.x, p.y});
  return coverage(Box{r.x, r.y, r.width, r.height}, findings, true, outline);
}

// The image turned by `degrees` about its centre (the page's colour in the corners), as JPEG bytes at `quality`.
std::string turnedJpeg(const cv::Mat& img, double degrees, int quality, cv::Mat& m) {
  m = cv::getRotationMatrix2D(cv::Point2f(img.cols / 2.f, img.rows / 2.f), degrees, 1.0);
  cv::Mat out;
  cv::warpAffine(img, out, m, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, img.at<cv::Vec3b>(2, 2));
  std::vector<uchar> buf;
  cv::imencode(".jpg", out, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
  return std::string(buf.begin(), buf.end());
}

void checkAllHidden(const std::vector<DrawnLine>& lines, const cv::Mat& m, const std::vector<Finding>& findings) {
  for (const auto& l : lines) {
    INFO(l.text);
    CHECK(hidden(turned(l.box, m), findings) >= 0.9);
  }
}

// Each turned line of the page encoded in `jpeg` lies in a row of the small-text pass (run with no line found).
void checkAllRows(const std::vector<DrawnLine>& lines, const std::string& jpeg, const cv::Mat& m) {
  const cv::Mat pixels = cv::imdecode(std::vector<uchar>(jpeg.begin(), jpeg.end()), cv::IMREAD_COLOR);
  std::vector<cv::Rect> faint, rows = smallTextRows(pixels, {}, &faint);
  rows.insert(rows.end(), faint.begin(), faint.end());
  for (const auto& l : lines) {
    INFO(l.text);
    const cv::Rect box = cv::boundingRect(turned(l.box, m));
    CHECK(
        std::any_of(rows.begin(), rows.end(), [&](const cv::Rect& r) { return (r & box).area() >= 0.8 * box.area(); }));
  }
}

// A paper label (18 x 5.5 glyphs) of three lines at `glyphPx` in `font` (a name, "Né le " and a date, "IPP " and a
// number), turned by `degrees` and stuck on `photo` at `at`. Returns the map label pixel -> photo pixel; `values`
// receives the three values' upright boxes on the label (their field labels are benign and may stay visible).
cv::Mat stickLabel(cv::Mat& photo, const std::array<std::string, 3>& fields, int glyphPx, synth::Font font,
                   double degrees, cv::Point at, std::vector<DrawnLine>& values) {
  cv::Mat label(int(glyphPx * 5.5), glyphPx * 18, CV_8UC3, cv::Scalar(240, 245, 245));
  auto& tr = synth::threadTextRenderer();
  int y = glyphPx + glyphPx / 2;
  const std::array<std::string, 3> names{"", "Né le ", "IPP "};
  for (std::size_t i = 0; i < 3; ++i) {
    const int x = glyphPx / 2;
    if (!names[i].empty()) tr.draw(label, names[i], {x, y}, glyphPx, cv::Scalar::all(0), font);
    values.push_back({fields[i], tr.draw(label, fields[i], {x + tr.width(names[i], glyphPx, font), y}, glyphPx,
                                         cv::Scalar::all(0), font)});
    y += int(glyphPx * 1.55);
  }
  const cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(label.cols / 2.f, label.rows / 2.f), degrees, 1.0);
  const cv::Size grown =
      label.size() + cv::Size(0, int(std::ceil(std::abs(std::sin(degrees * CV_PI / 180)) * label.cols)) + 2);
  cv::Mat turnedLabel, mask;
  cv::warpAffine(label, turnedLabel, m, grown);
  cv::warpAffine(cv::Mat(label.size(), CV_8U, cv::Scalar(255)), mask, m, grown);
  turnedLabel.copyTo(photo(cv::Rect(at, turnedLabel.size())), mask);
  cv::Mat onPhoto = m.clone();
  onPhoto.at<double>(0, 2) += at.x;
  onPhoto.at<double>(1, 2) += at.y;
  return onPhoto;
}

std::string jpegOf(const cv::Mat& img, int quality) {
  std::vector<uchar> buf;
  cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
  return std::string(buf.begin(), buf.end());
}

// Runs the pipeline on `jpeg` (when the models are there) and checks that it hides every value; returns its findings.
std::vector<Finding> checkPipelineHides(const std::vector<DrawnLine>& values, const std::string& jpeg,
                                        const cv::Mat& m) {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): pipeline check skipped");
    return {};
  }
  const auto result = test::uncachedPipeline().analyze(jpeg);
  REQUIRE(result.ok());
  checkAllHidden(values, m, result.findings);
  return result.findings;
}

struct Print {
  int glyphPx;
  cv::Scalar ink;
  synth::Font font;
};

// Lines of an identity block from `origin` (the first baseline), `pitch` apart: each its field label (may be empty,
// benign) and its value. Returns the values; `lines` receives each whole line (label and value) when given.
std::vector<DrawnLine> drawIdentityBlock(cv::Mat& page, const std::vector<std::pair<std::string, std::string>>& fields,
                                         cv::Point origin, int pitch, const Print& p,
                                         std::vector<DrawnLine>* lines = nullptr) {
  auto& tr = synth::threadTextRenderer();
  std::vector<DrawnLine> values;
  for (const auto& [label, value] : fields) {
    const cv::Rect l = label.empty() ? cv::Rect() : tr.draw(page, label, origin, p.glyphPx, p.ink, p.font);
    values.push_back({value, tr.draw(page, value, {origin.x + tr.width(label, p.glyphPx, p.font), origin.y}, p.glyphPx,
                                     p.ink, p.font)});
    if (lines) lines->push_back({label + value, l | values.back().box});
    origin.y += pitch;
  }
  return values;
}

// An analyte table from its first baseline `y`, `pitch` apart: name, a value (`value(i)`), unit and range at the
// columns' x. Returns the ranges.
std::vector<DrawnLine> drawAnalyteTable(cv::Mat& page, const std::vector<std::array<std::string, 3>>& analytes,
                                        const std::array<int, 4>& columns, int y, int pitch, const Print& p,
                                        const std::function<std::string(int)>& value) {
  auto& tr = synth::threadTextRenderer();
  std::vector<DrawnLine> ranges;
  for (int i = 0; i < int(analytes.size()); ++i, y += pitch) {
    const auto& a = analytes[std::size_t(i)];
    tr.draw(page, a[0], {columns[0], y}, p.glyphPx, p.ink, p.font);
    tr.draw(page, value(i), {columns[1], y}, p.glyphPx, p.ink, p.font);
    tr.draw(page, a[1], {columns[2], y}, p.glyphPx, p.ink, p.font);
    ranges.push_back({a[2], tr.draw(page, a[2], {columns[3], y}, p.glyphPx, p.ink, p.font)});
  }
  return ranges;
}

}  // namespace

TEST_CASE("miss (unseen layout): an identity block framed far wider than its 12 px extra-light lines, turned") {
  // a 2378 x 3364 lab report in extra-light print: a heading, an analyte table, and at the top right a 1 px frame of
  // 1000 x 90 px around four 12 px lines that fill a quarter of it, 8 px inside its left edge; the page turned 3
  // degrees, JPEG q58. The frame's edges step from row to row (no stroke finder saw them), it joins the lines at the
  // small-text pass' working scale into one shape 147 px high, too high for a row: the block was never refined, and
  // its lines were missed (0 % hidden)
  cv::Mat page(3364, 2378, CV_8UC3, cv::Scalar::all(255));
  auto& tr = synth::threadTextRenderer();
  const cv::Scalar ink = cv::Scalar::all(0);
  const auto font = synth::Font::SansExtraLight;
  tr.draw(page, "LABORATOIRE D'ANALYSES MÉDICALES", {142, 162}, 20, ink, synth::Font::MonoBold);
  tr.draw(page, "Prélevé le 03/05/2018", {142, 302}, 20, ink, font);
  drawAnalyteTable(page,
                   {{{"Leucocytes", "G/L", "4.0 - 10.0"},
                     {"Glucose", "mmol/L", "3.9 - 5.8"},
                     {"Sodium", "mmol/L", "136 - 145"},
                     {"CRP", "mg/L", "< 5"},
                     {"Créatinine", "µmol/L", "62 - 106"},
                     {"TSH", "mUI/L", "0.27 - 4.20"}}},
                   {142, 998, 1307, 1712}, 362, 36, {20, ink, font},
                   [](int i) { return std::to_string(40 + 17 * i) + ".5"; });
  // each line a label (benign, may stay visible) and a value
  std::vector<DrawnLine> lines;
  const auto values = drawIdentityBlock(page,
                                        {{"", "LEMAÎTRE^JÉRÔME"},
                                         {"Date de naissance ", "16/02/2008"},
                                         {"N° dossier ", "530904057"},
                                         {"", "25 impasse des Glycines, 59000 Lille"}},
                                        {1244, 182}, 19, {12, ink, font}, &lines);
  cv::rectangle(page, {1236, 162, 1001, 91}, ink, 1);
  cv::Mat m;
  const std::string jpeg = turnedJpeg(page, -2.99, 58, m);
  checkAllRows(lines, jpeg, m);  // every line of the block is a row of the small-text pass
  checkPipelineHides(values, jpeg, m);
}

TEST_CASE("miss (unseen layout): a 16 px identity block in a turned frame twice its width on a 4 MP report") {
  // a 1681 x 2379 lab report (just under the 4 MP from which the coarse pass runs in four tiles): a heading, an
  // analyte table of 14 px rows 27 px apart, and at the top right a 2 px frame of 714 x 145 px around four 16 px
  // lines that fill its left half; turned 1.3 degrees, JPEG q70. On the independent set's page the coarse pass saw
  // such print at 5 px and found no line, and at the small-text pass' scale the frame, taken out five pixels thick,
  // left one part with the lines (too sparse for rows) whose 14 px glyphs were over the 13 px of small print: the
  // block was missed, 0 %. (Here the coarse pass reads the block; the rows are checked on their own: one of four
  // before.) The table's range column, boxed down the page by the coarse pass and cut into slivers along its length,
  // was read as nothing beside the identity block and masked.
  cv::Mat page(2379, 1681, CV_8UC3, cv::Scalar::all(255));
  auto& tr = synth::threadTextRenderer();
  const cv::Scalar ink = cv::Scalar::all(20);
  const auto font = synth::Font::NotoSans;
  tr.draw(page, "LABORATOIRE D'ANALYSES MÉDICALES", {133, 98}, 18, ink, synth::Font::SansBold);
  tr.draw(page, "Prélevé le 20/02/1962", {127, 296}, 14, ink, font);
  const auto ranges = drawAnalyteTable(page,
                                       {{{"Plaquettes", "G/L", "150 - 400"},
                                         {"Glucose", "mmol/L", "3.9 - 5.8"},
                                         {"Ferritine", "µg/L", "30 - 400"},
                                         {"CRP", "mg/L", "< 5"},
                                         {"TSH", "mUI/L", "0.27 - 4.20"},
                                         {"Potassium", "mmol/L", "3.5 - 5.1"},
                                         {"Sodium", "mmol/L", "136 - 145"},
                                         {"Créatinine", "µmol/L", "62 - 106"}}},
                                       {122, 720, 945, 1232}, 345, 27, {14, ink, font},
                                       [](int i) { return std::to_string(40 + 37 * i) + ".2"; });
  const auto values = drawIdentityBlock(page,
                                        {{"", "BOULANGER Grégoire"},
                                         {"Date de naissance ", "17/04/1993"},
                                         {"N° dossier ", "692979893"},
                                         {"", "58 place Saint-Michel, 35000 Rennes"}},
                                        {914, 150}, 32, {16, ink, font});
  cv::rectangle(page, {903, 112, 714, 145}, ink, 2);
  cv::Mat m;
  const std::string jpeg = turnedJpeg(page, 1.3, 70, m);
  checkAllRows(values, jpeg, m);  // rows of the small-text pass, whatever the coarse pass saw (here it read them)
  const auto findings = checkPipelineHides(values, jpeg, m);
  for (const auto& r : ranges) {
    INFO("range " << r.text);
    CHECK(hidden(turned(r.box, m), findings) < 0.5);
  }
}

TEST_CASE("miss (unseen layout): a photo's label that the text network boxes together with the wound beside it") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): test skipped");
    return;
  }
  // a 3000 x 4000 photo of mottled skin, a dark wound, and a paper label of three 28 px monospace lines beside it,
  // turned 1.2 degrees, JPEG q65; the coarse pass boxed part of the label with the wound as one region of 1241 x 540
  // px, which OCR read as "4 gf" (0 % of the name hidden; 5 of 6 such photos)
  cv::RNG rng(1);
  cv::Mat photo = test::mottledSkin({3000, 4000}, {1350, 2200}, {450, 360}, rng);
  std::vector<DrawnLine> values;
  const cv::Mat onPhoto = stickLabel(photo, {"Mlle Karim PERRIN", "06/10/1946", "336392771"}, 28,
                                     synth::Font::LiberationMono, 1.234, {368, 2253}, values);
  const auto result = test::uncachedPipeline().analyze(jpegOf(photo, 65));
  REQUIRE(result.ok());
  checkAllHidden(values, onPhoto, result.findings);
}

TEST_CASE(
    "miss (unseen layout): a sticker of 8-11 px print on mottled skin, which no row of the small-text pass finds") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): test skipped");
    return;
  }
  // a 12 MP photo of mottled skin with a wound and, on it, a label of three 8-11 px lines (name, birth date, IPP)
  // turned up to 2.3 degrees, JPEG q58: at the coarse pass's 576 px the print is under 2 px, the small-text rows were
  // all texture (74-95 here, 16 tiles), and the label got no tile: nothing read (independent set: 4 photos, 0-63 %)
  const auto [glyph, font, degrees] =
      GENERATE(std::make_tuple(9, synth::Font::SerifItalic, 2.3), std::make_tuple(8, synth::Font::NotoSans, -1.7),
               std::make_tuple(11, synth::Font::LiberationSerif, 0.6));
  cv::RNG rng(7 + glyph);
  cv::Mat photo = test::mottledSkin({4119, 2913}, {1850, 1600}, {620, 260}, rng);
  std::vector<DrawnLine> values;
  const cv::Point at(1490, 1655);
  const cv::Mat onPhoto =
      stickLabel(photo, {"LE BIHAN^Maëlys", "17/05/2017", "3592564060"}, glyph, font, degrees, at, values);
  INFO("glyph " << glyph << " px, turned " << degrees);
  // the label finder sees the sticker (and nothing of the skin or the wound)
  const auto labels = paperLabels(photo);
  const cv::Rect sticker(at, cv::Size(glyph * 18, int(glyph * 5.5)));
  REQUIRE(labels.size() == 1);
  CHECK((labels[0] & sticker).area() >= 0.8 * sticker.area());
  const auto result = test::uncachedPipeline().analyze(jpegOf(photo, 58));
  REQUIRE(result.ok());
  checkAllHidden(values, onPhoto, result.findings);
}

TEST_CASE("miss (unseen layout): a white label on a light grey tube, 18 px print on a 12 MP photo") {
  // script 2's set 19 (session 37): a tube of 215 grey (paper to the label finder) on a grey table, a white label on
  // it with three 18 px lines turned 4 degrees; label and tube made one paper shape, 8 % of the image, no label, and
  // at the coarse pass's 0.28 scale the lines were merged and misread ("GER Ines"): the date and the IPP were lost
  cv::RNG rng(19);
  cv::Mat photo(2913, 4119, CV_8UC3, cv::Scalar::all(144)), noise(photo.size(), CV_8UC3);
  rng.fill(noise, cv::RNG::NORMAL, 0, 3);
  photo += noise;
  cv::rectangle(photo, cv::Rect(1180, 270, 760, 2560), cv::Scalar(201, 210, 215), cv::FILLED);  // the tube
  cv::rectangle(photo, cv::Rect(1180, 20, 760, 260), cv::Scalar(40, 40, 200), cv::FILLED);      // its cap
  std::vector<DrawnLine> values;
  const cv::Point at(1150, 830);
  const cv::Mat onPhoto = stickLabel(photo, {"BOULANGER^Inès", "07.01.1959", "4186622755"}, 18,
                                     synth::Font::LiberationMono, -4.0, at, values);
  const auto labels = paperLabels(photo);
  const cv::Rect sticker(at, cv::Size(18 * 18, int(18 * 5.5)));
  REQUIRE(labels.size() == 1);
  CHECK((labels[0] & sticker).area() >= 0.8 * sticker.area());
  if (!test::modelsPresent()) return;
  const auto result = test::uncachedPipeline().analyze(jpegOf(photo, 70));
  REQUIRE(result.ok());
  checkAllHidden(values, onPhoto, result.findings);
}

TEST_CASE("paper labels: none on skin, a wound, a page or a sheet of paper without print") {
  cv::RNG rng(3);
  const cv::Mat skin = test::mottledSkin({1600, 1200}, {600, 700}, {200, 150}, rng);
  CHECK(paperLabels(skin).empty());
  cv::Mat blank = skin.clone();
  cv::rectangle(blank, cv::Rect(300, 300, 160, 50), cv::Scalar(240, 245, 245), cv::FILLED);  // a sticker, no print
  CHECK(paperLabels(blank).empty());
  cv::Mat page(1600, 1200, CV_8UC3, cv::Scalar(250, 250, 250));  // a page: paper everywhere
  synth::threadTextRenderer().draw(page, "Compte rendu de consultation", {100, 200}, 24, cv::Scalar::all(0));
  CHECK(paperLabels(page).empty());
}

TEST_CASE("benign (unseen layout): a monospaced table that the coarse pass boxed down the page as columns") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): test skipped");
    return;
  }
  // a 1732 x 2309 report, JPEG q47: nine analyte rows of 19 px monospaced print 34 px apart in four columns, whose
  // aligned digits the coarse pass (the page at 640 px) boxed down the page as regions of about 100 x 350 px; cut into
  // slivers along their length and read across ("© NON b"), they were masked: values and ranges hidden
  cv::Mat page(2309, 1732, CV_8UC3, cv::Scalar::all(255));
  auto& tr = synth::threadTextRenderer();
  const cv::Scalar ink = cv::Scalar::all(0);
  const auto font = synth::Font::Mono;
  tr.draw(page, "LABORATOIRE D'ANALYSES MÉDICALES", {103, 119}, 19, ink, synth::Font::MonoBold);
  const char* analytes[][4] = {{"Potassium", "195.0", "mmol/L", "3.5 - 5.1"},
                               {"Leucocytes", "258.7", "G/L", "4.0 - 10.0"},
                               {"Glucose", "143.0", "mmol/L", "3.9 - 5.8"},
                               {"Plaquettes", "274.2", "G/L", "150 - 400"},
                               {"TSH", "88.2", "mUI/L", "0.27 - 4.20"},
                               {"Hémoglobine", "59.0", "g/dL", "13.0 - 17.0"},
                               {"ALAT", "246.4", "UI/L", "< 41"},
                               {"CRP", "167.0", "mg/L", "< 5"},
                               {"Sodium", "197.1", "mmol/L", "136 - 145"}};
  const int columns[] = {103, 727, 952, 1247};
  std::vector<DrawnLine> cells;
  for (int i = 0; i < 9; ++i)
    for (int c = 0; c < 4; ++c)
      cells.push_back({analytes[i][c], tr.draw(page, analytes[i][c], {columns[c], 352 + 34 * i}, 19, ink, font)});
  tr.draw(page, "Validé par le biologiste responsable", {103, 661}, 19, ink, font);
  std::vector<uchar> buf;
  cv::imencode(".jpg", page, buf, {cv::IMWRITE_JPEG_QUALITY, 47});
  const auto result = test::uncachedPipeline().analyze(std::string(buf.begin(), buf.end()));
  REQUIRE(result.ok());
  const cv::Mat identity = cv::Mat::eye(2, 3, CV_64F);
  int hiddenCells = 0;
  for (const auto& c : cells) {
    const double h = hidden(turned(c.box, identity), result.findings);
    if (h > 0.5) UNSCOPED_INFO("hidden: " << c.text << " " << h);
    hiddenCells += h > 0.5 ? 1 : 0;
  }
  CHECK(hiddenCells <= 3);  // of 36 (a unit read poorly may stay masked in the top band)
}

TEST_CASE("miss (unseen layout): four 10 px italic lines a few pixels inside a frame far wider than them, 12 MP") {
  // a 3000 x 4000 lab report: a heading, an analyte table, and at the top right a 1 px frame of 1300 x 80 px around
  // four 10 px italic lines 9 px inside its left edge; turned 1.3 degrees, JPEG q60. At the small-text pass' scale
  // (0.4) the lines join the frame's side and, solid there, went out with the frame's rules: no row, 0 % found.
  cv::Mat page(4000, 3000, CV_8UC3, cv::Scalar::all(255));
  auto& tr = synth::threadTextRenderer();
  const cv::Scalar ink = cv::Scalar::all(0);
  const auto font = synth::Font::NotoSansItalic;
  tr.draw(page, "LABORATOIRE D'ANALYSES MÉDICALES", {141, 225}, 16, ink, synth::Font::SansBold);
  drawAnalyteTable(page,
                   {{{"Hémoglobine", "g/dL", "13.0 - 17.0"},
                     {"Glucose", "mmol/L", "3.9 - 5.8"},
                     {"Sodium", "mmol/L", "136 - 145"},
                     {"TSH", "mUI/L", "0.27 - 4.20"}}},
                   {141, 1260, 1650, 2160}, 360, 29, {16, ink, font},
                   [](int i) { return std::to_string(60 + 23 * i) + ".1"; });
  const auto values = drawIdentityBlock(page,
                                        {{"", "M. Anaïs EL AMRANI"},
                                         {"Date de naissance ", "03/09/1955"},
                                         {"N° dossier ", "45092891"},
                                         {"", "14 impasse des Glycines, 44100 Nantes"}},
                                        {1530, 213}, 16, {10, ink, font});
  cv::rectangle(page, {1521, 190, 1300, 80}, ink, 1);
  cv::Mat m;
  const std::string jpeg = turnedJpeg(page, 1.3, 60, m);
  checkAllRows(values, jpeg, m);
  checkPipelineHides(values, jpeg, m);
}

TEST_CASE("miss (unseen layout): a tube's label whose three 10 px lines the tube's side ties to its code, 12 MP") {
  // a 2913 x 4119 photo of a sample tube on a grey bench: the tube's side runs down the whole image, and a paper
  // label of three 10 px lines over a code's bars overlaps it. At the small-text pass' scale the side, the label's
  // edge, its lines and its bars made one sparse shape 1700 px high: no row, name and date 0 % found.
  cv::RNG rng(5);
  cv::Mat photo(4119, 2913, CV_8UC3, cv::Scalar::all(128));
  cv::Mat noise(photo.size(), CV_8UC3);
  rng.fill(noise, cv::RNG::NORMAL, 0, 8);
  photo += noise;
  cv::rectangle(photo, {870, 206, 524, 3707}, cv::Scalar(215, 210, 200), cv::FILLED);
  cv::Mat label(215, 360, CV_8UC3, cv::Scalar::all(250));
  auto& tr = synth::threadTextRenderer();
  std::vector<DrawnLine> values;
  int y = 15;
  for (const char* value : {"MARCHAND Noël", "1954-12-28", "041481154"}) {
    values.push_back({value, tr.draw(label, value, {5, y}, 10, cv::Scalar::all(15), synth::Font::NotoSerif)});
    y += 16;
  }
  for (int x = 8; x < 340;) {  // a code's bars, 1.3-4 px wide
    const int w = 2 + rng.uniform(0, 3);
    cv::rectangle(label, {x, 62, w, 140}, cv::Scalar::all(0), cv::FILLED);
    x += w + 2 + rng.uniform(0, 3);
  }
  const cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(label.cols / 2.f, label.rows / 2.f), -1.5, 1.0);
  cv::Mat turnedLabel, mask;
  cv::warpAffine(label, turnedLabel, m, label.size() + cv::Size(0, 12));
  cv::warpAffine(cv::Mat(label.size(), CV_8U, cv::Scalar(255)), mask, m, label.size() + cv::Size(0, 12));
  const cv::Point at(850, 1190);
  turnedLabel.copyTo(photo(cv::Rect(at, turnedLabel.size())), mask);
  cv::Mat onPhoto = m.clone();
  onPhoto.at<double>(0, 2) += at.x;
  onPhoto.at<double>(1, 2) += at.y;
  const std::string jpeg = jpegOf(photo, 60);
  checkAllRows(values, jpeg, onPhoto);
  checkPipelineHides(values, jpeg, onPhoto);
}

TEST_CASE("miss (unseen layout): a 15 px identity corner on a 12 MP inverted scan whose texture takes the tiles") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): test skipped");
    return;
  }
  // a 2913 x 4119 MR slice shown inverted (white surround): a grey head of blurred blobs and, in the top left corner,
  // four 15 px lines (name, ID, birth date, accession number). The coarse pass boxed the slice's texture as a block
  // of 1550 x 1300 px whose refinement bands took all 16 tiles before the corner's rows: 0 % found.
  // (two slices, drawn from seeds for which the tree before gave every tile to the texture)
  cv::RNG rng(GENERATE(3, 6));
  cv::Mat slice(4119, 2913, CV_8U, cv::Scalar(0));
  cv::ellipse(slice, {1456, 2059}, {874, 1483}, 0, 0, 360, cv::Scalar(110), cv::FILLED);
  for (int i = 0; i < 25; ++i)
    cv::ellipse(slice, {1456 + rng.uniform(-580, 580), 2059 + rng.uniform(-820, 820)},
                {rng.uniform(10, 240), rng.uniform(10, 340)}, rng.uniform(0, 180), 0, 360,
                cv::Scalar(rng.uniform(60, 200)), cv::FILLED);
  cv::Mat noise(slice.size(), CV_8U);
  rng.fill(noise, cv::RNG::NORMAL, 0, 12);
  slice += noise;
  cv::GaussianBlur(slice, slice, {7, 7}, 0);
  cv::Mat scan;
  cv::cvtColor(255 - slice, scan, cv::COLOR_GRAY2BGR);
  const auto values = drawIdentityBlock(
      scan, {{"", "POIRIER, Inès"}, {"ID: ", "098871476"}, {"", "1956.08.17"}, {"Acc: ", "A92347872"}}, {62, 77}, 21,
      {15, cv::Scalar::all(20), synth::Font::NotoSans});
  const auto result = test::uncachedPipeline().analyze(jpegOf(scan, 70));
  REQUIRE(result.ok());
  checkAllHidden(values, cv::Mat::eye(2, 3, CV_64F), result.findings);
}

TEST_CASE("miss (unseen layout): an ECG's 8 px identity lines under its traces, at 88 % of a 12 MP page") {
  if (!test::modelsPresent()) {
    WARN("models missing (scripts/fetch-models.sh): test skipped");
    return;
  }
  // a 2913 x 4119 ECG on pink paper (1 mm lines every 14 px, 5 mm lines every 70 px), three rows of traces with their
  // lead labels, and under them, at 88 % of the height (below the 90 % identity band), two 8 px monospace lines:
  // name and birth date, then the recording's date and the calibration. The grid's remnants made 192 rows, whose
  // tiles (the top band's first) took all 16 before the footer's: 0 % found.
  cv::Mat ecg(4119, 2913, CV_8UC3, cv::Scalar(236, 232, 252));
  for (int x = 0; x < ecg.cols; x += 14)
    cv::line(ecg, {x, 0}, {x, ecg.rows}, x % 70 ? cv::Scalar(175, 170, 225) : cv::Scalar(120, 115, 190), 1);
  for (int y = 0; y < ecg.rows; y += 14)
    cv::line(ecg, {0, y}, {ecg.cols, y}, y % 70 ? cv::Scalar(175, 170, 225) : cv::Scalar(120, 115, 190), 1);
  auto& tr = synth::threadTextRenderer();
  const std::array<std::array<const char*, 4>, 3> leads{
      {{"I", "aVR", "V1", "V4"}, {"II", "aVL", "V2", "V5"}, {"III", "aVF", "V3", "V6"}}};
  for (int row = 0; row < 3; ++row) {
    const int base = 800 + 900 * row;
    std::vector<cv::Point> trace;
    for (int x = 0; x < ecg.cols; x += 4) {
      const int phase = x % 250;
      const int y = phase > 120 && phase < 128 ? base - 60 + 15 * (phase - 120) : base + int(4 * std::sin(x * 0.05));
      trace.emplace_back(x, y);
    }
    cv::polylines(ecg, trace, false, cv::Scalar(40, 40, 40), 2, cv::LINE_AA);
    for (int col = 0; col < 4; ++col)
      tr.draw(ecg, leads[size_t(row)][size_t(col)], {60 + 728 * col, base - 20}, 14, cv::Scalar(40, 40, 40),
              synth::Font::Sans);
  }
  const Print print{8, cv::Scalar::all(70), synth::Font::Mono};
  std::vector<DrawnLine> values =
      drawIdentityBlock(ecg, {{"", "SAINT-HILAIRE^MÉLANIE"}, {"", "06/08/1946 00:54"}}, {87, 3625}, 12, print);
  const auto born = drawIdentityBlock(ecg, {{"Né(e) le ", "07/11/1944"}}, {212, 3625}, 0, print);
  values.insert(values.end(), born.begin(), born.end());
  tr.draw(ecg, "25 mm/s  10 mm/mV  0.05-150 Hz", {188, 3637}, 8, cv::Scalar::all(70), synth::Font::Mono);
  const auto result = test::uncachedPipeline().analyze(jpegOf(ecg, 70));
  REQUIRE(result.ok());
  checkAllHidden(values, cv::Mat::eye(2, 3, CV_64F), result.findings);
}
