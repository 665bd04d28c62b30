// Regression tests of issue 14: each miss listed in the issue, rebuilt with the synth generator (deterministic by
// seed and options) and run through the real pipeline: PHI masked whole, benign text left alone.
#include "medpics/detect/evaluation.hpp"
#include "medpics/detect/pipeline.hpp"
#include "medpics/demo/generator.hpp"
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>

using namespace medpics;
using namespace medpics::detect;

namespace {

Pipeline& pipeline() { return test::uncachedPipeline(); }

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings)
    if (f.box)
      out += (f.phi ? "[phi] " : "[   ] ") + f.category + " '" + f.text + "' " + std::to_string(f.box->x) + "," +
             std::to_string(f.box->y) + " " + std::to_string(f.box->w) + "x" + std::to_string(f.box->h) + "\n";
  return out;
}

// PHI elements of the given kinds ("text", "barcode") that phi findings do not cover as evaluate requires.
std::vector<std::string> missed(const synth::SynthImage& img, const std::vector<Finding>& findings,
                                const std::set<std::string>& kinds = {"text", "barcode"}) {
  std::vector<std::string> out;
  for (const auto& e : img.truth) {
    if (!e.phi || !kinds.count(e.kind)) continue;
    const double c = test::maskedFraction(e, findings);
    if (c < requiredCoverage(e.kind))
      out.push_back(e.kind + " " + e.category + " " + std::to_string(e.glyphPx) + "px '" + e.text + e.symbology +
                    "' covered " + std::to_string(c));
  }
  return out;
}

// Benign text elements whose text is in `which` (all benign text when empty) that phi findings mask (> 50 %).
std::vector<std::string> benignMasked(const synth::SynthImage& img, const std::vector<Finding>& findings,
                                      const std::set<std::string>& which = {}) {
  std::vector<std::string> out;
  for (const auto& e : img.truth) {
    if (e.kind != "text" || e.phi || (!which.empty() && !which.count(e.text))) continue;
    const double c = test::maskedFraction(e, findings);
    if (c > 0.5)
      out.push_back("'" + e.text + "' at " + std::to_string(e.box.x) + "," + std::to_string(e.box.y) + " " +
                    std::to_string(e.box.width) + "x" + std::to_string(e.box.height) + " masked " + std::to_string(c));
  }
  return out;
}

// MEDPICS_TEST_DUMP=DIR writes each regression image there (to look at a failure).
AnalysisResult analyse(const synth::SynthImage& img) {
  const std::string bytes = test::encode(img.pixels, ".jpg");
  if (const char* dir = std::getenv("MEDPICS_TEST_DUMP")) {
    static int n = 0;
    std::ofstream(std::string(dir) + "/miss-" + std::to_string(n++) + ".jpg", std::ios::binary) << bytes;
  }
  const auto r = pipeline().analyze(bytes);
  REQUIRE(r.ok());
  return r;
}

#define MODELS_OR_SKIP()                                                       \
  if (!test::modelsPresent()) {                                                \
    WARN("models missing (scripts/fetch-models.sh): regression test skipped"); \
    return;                                                                    \
  }

}  // namespace

TEST_CASE(
    "miss: lab-report identity block of 8-11 px monospace / sans text in a bordered box, rotated 1 degree, JPEG q55",
    "[misses][pipeline]") {
  MODELS_OR_SKIP();
  struct Case {
    int px;
    synth::Font font;
    double degrees;
  };
  for (const Case& c : {Case{8, synth::Font::Mono, 1.0}, Case{10, synth::Font::Sans, -1.0},
                        Case{11, synth::Font::LiberationMono, 1.2}}) {
    synth::GenerateOptions g;
    g.hard = true;
    g.identityPx = c.px;
    g.font = c.font;
    g.boldFont = synth::Font::SansBold;
    g.identityBox = true;
    g.rotation = c.degrees;
    g.jpegQuality = 55;
    g.width = 1500;
    g.height = 2000;
    const auto img = synth::generate(synth::ImageKind::LabReport, 11, g);
    const auto r = analyse(img);
    INFO(c.px << " px, font " << int(c.font) << ", " << c.degrees << " degrees\n" << describe(r.findings));
    const auto m = missed(img, r.findings, {"text"});
    for (const auto& s : m) UNSCOPED_INFO("missed: " << s);
    CHECK(m.empty());
  }
}

TEST_CASE("miss: a 10 px name and its Code128 on a wristband", "[misses][pipeline]") {
  MODELS_OR_SKIP();
  for (std::uint64_t seed : {3, 8}) {
    synth::GenerateOptions g;
    g.hard = true;
    g.identityPx = 9;  // the name is drawn 1.2x the band's text: 10 px
    g.width = 1600;
    g.height = 1200;
    const auto img = synth::generate(synth::ImageKind::Wristband, seed, g);
    const auto name =
        std::find_if(img.truth.begin(), img.truth.end(), [](const synth::Element& e) { return e.category == "name"; });
    REQUIRE(name != img.truth.end());
    CHECK(name->glyphPx == 10);
    REQUIRE(std::any_of(img.truth.begin(), img.truth.end(),
                        [](const synth::Element& e) { return e.symbology == "Code128"; }));
    const auto r = analyse(img);
    INFO("seed " << seed << "\n" << describe(r.findings));
    const auto m = missed(img, r.findings);
    for (const auto& s : m) UNSCOPED_INFO("missed: " << s);
    CHECK(m.empty());
  }
}

TEST_CASE("miss: a date line nearly merged with the line above is masked, never classified benign",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  for (int px : {10, 13}) {
    synth::GenerateOptions g;
    g.hard = true;
    g.identityPx = px;
    g.identityLeading = 112;  // 1.12x the glyph height: descenders of one line touch the capitals of the next
    g.identityBox = false;
    g.jpegQuality = 55;
    g.rotation = 0.8;
    g.width = 1400;
    g.height = 1860;
    const auto img = synth::generate(synth::ImageKind::LabReport, 5, g);
    const auto r = analyse(img);
    INFO(px << " px\n" << describe(r.findings));
    std::vector<std::string> m;
    for (const auto& s : missed(img, r.findings, {"text"}))
      if (s.rfind("text date", 0) == 0 || s.rfind("text name", 0) == 0 || s.rfind("text id", 0) == 0) m.push_back(s);
    for (const auto& s : m) UNSCOPED_INFO("missed: " << s);
    CHECK(m.empty());
  }
}

TEST_CASE("miss: compound, caret and comma names on a wristband are masked whole", "[misses][pipeline]") {
  MODELS_OR_SKIP();
  for (const char* display : {"SAINT-MARTIN Laëtitia", "PREVOST^BRIGITTE", "Ben Ahmed, Cédric"}) {
    synth::PatientIdentity p;
    p.firstName = "X";
    p.lastName = "Y";
    p.display = display;
    p.sex = 'F';
    p.birthDate = "14/02/1957";
    p.examDate = "03/11/2026";
    p.ipp = "8231145067";
    p.hospital = "CHU de Rennes";
    p.ward = "Service de dermatologie";
    p.phone = "02 99 28 43 21";
    p.city = "35000 Rennes";
    synth::GenerateOptions g;
    g.hard = true;
    g.patient = p;
    g.width = 1400;
    g.height = 1050;
    const auto img = synth::generate(synth::ImageKind::Wristband, 21, g);
    const auto r = analyse(img);
    INFO(display << "\n" << describe(r.findings));
    const auto name =
        std::find_if(img.truth.begin(), img.truth.end(), [&](const synth::Element& e) { return e.text == display; });
    REQUIRE(name != img.truth.end());
    CHECK(test::maskedFraction(*name, r.findings) >= requiredCoverage("text"));
  }
}

TEST_CASE(
    "miss: ECG lead labels (V1, aVR...) and calibration text stay visible, the header on the grid is masked, "
    "also inverted",
    "[misses][pipeline]") {
  MODELS_OR_SKIP();
  const std::set<std::string> leads{"I",  "II", "III", "aVR", "aVL", "aVF",     "V1",
                                    "V2", "V3", "V4",  "V5",  "V6",  "10 mm/mV"};
  for (bool inverted : {false, true}) {
    synth::GenerateOptions g;
    g.hard = true;
    g.inverted = inverted;
    g.identityPx = 11;
    g.width = 2400;
    g.height = 1700;
    const auto img = synth::generate(synth::ImageKind::Ecg, 6, g);
    const auto r = analyse(img);
    INFO((inverted ? "inverted" : "positive") << " kind " << r.imageKind << "\n" << describe(r.findings));
    CHECK(r.imageKind == "ecg");
    const auto m = missed(img, r.findings);
    for (const auto& s : m) UNSCOPED_INFO("missed: " << s);
    CHECK(m.empty());
    const auto b = benignMasked(img, r.findings, leads);
    for (const auto& s : b) UNSCOPED_INFO("benign masked: " << s);
    CHECK(b.empty());
    // ECG traces are not tattoos, and there is no face on an ECG
    CHECK(std::none_of(r.findings.begin(), r.findings.end(),
                       [](const Finding& f) { return f.kind == Kind::Tattoo || f.kind == Kind::Face; }));
  }
}

TEST_CASE("miss: no face and no tattoo on chest radiographs, dark, light and inverted ultrasound",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  for (auto kind :
       {synth::ImageKind::RadiographDark, synth::ImageKind::RadiographLight, synth::ImageKind::Ultrasound}) {
    synth::GenerateOptions g;
    g.hard = true;
    g.inverted = true;
    const auto img = synth::generate(kind, 9, g);
    const auto r = analyse(img);
    INFO(synth::kindName(kind) << " kind " << r.imageKind << "\n" << describe(r.findings));
    CHECK(std::none_of(r.findings.begin(), r.findings.end(),
                       [](const Finding& f) { return f.kind == Kind::Tattoo || f.kind == Kind::Face; }));
    const auto m = missed(img, r.findings);
    for (const auto& s : m) UNSCOPED_INFO("missed: " << s);
    CHECK(m.empty());
  }
}

namespace {
// The wristband's second code drawn as a DataMatrix of `px` pixels rotated `degrees`; checks it is masked, and read
// when `decoded`.
void checkWristbandDataMatrix(int px, double degrees, bool decoded) {
  synth::GenerateOptions g;
  g.hard = true;
  g.symbology = "DataMatrix";
  g.symbolPx = px;
  g.symbolDegrees = degrees;
  g.width = 1600;
  g.height = 1200;
  const auto img = synth::generate(synth::ImageKind::Wristband, 4, g);
  const auto dm = std::find_if(img.truth.begin(), img.truth.end(),
                               [](const synth::Element& e) { return e.symbology == "DataMatrix"; });
  REQUIRE(dm != img.truth.end());
  const auto r = analyse(img);
  INFO(px << " px, " << degrees << " degrees\n" << describe(r.findings));
  const auto m = missed(img, r.findings);
  for (const auto& s : m) UNSCOPED_INFO("missed: " << s);
  CHECK(m.empty());
  if (decoded)
    CHECK(std::any_of(r.findings.begin(), r.findings.end(),
                      [&](const Finding& f) { return f.category == "datamatrix" && f.text == dm->text; }));
}
}  // namespace

TEST_CASE("miss: DataMatrix of 89 px rotated 2.7 degrees on a wristband, next to its Code128, is read",
          "[misses][pipeline][codes]") {
  MODELS_OR_SKIP();
  checkWristbandDataMatrix(89, 2.7, true);  // 6 px per module: read, not only masked as unreadable
}

// A 26 px DataMatrix of 22x22 modules (~1.2 px per module, payload "IPP|NAME") on a 1600 px photo: the 2-D localiser
// at 800 px sees a grey square; the fine pass at working resolution (codes.cpp) finds it and masks it as
// "unreadable-code" at least (it failed before that pass, and was tagged [!mayfail]).
TEST_CASE("miss: DataMatrix of 26 px on a wristband is masked (code illisible at least)", "[misses][pipeline][codes]") {
  MODELS_OR_SKIP();
  checkWristbandDataMatrix(26, 0.0, false);
}

// A 9 MP ECG (3557x2515, hard corpus, seed 857's fifth image) whose rotated header block the coarse pass reads as
// regions over several rows: the refinement tiles placed for one of its rows cut the other lines at their edges, and
// the halves were read apart ("Né(e) le 20/07/2" and "0/07/2006", "IPP 861431"), the second half of the date and of
// the IPP not as PHI. Halves cut by neighbouring tiles are now one line. The exam date's left half lies in no tile and
// its coarse region reads only the row below: a known miss (docs/detection.md), reported here, not asserted.
TEST_CASE("miss: header lines of a large ECG cut by the refinement tiles are masked to their end",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  synth::GenerateOptions g;
  g.hard = true;
  g.width = 3557;
  g.height = 2515;
  const auto img = synth::generate(synth::ImageKind::Ecg, 857 * 100003ull + 4, g);
  const auto r = analyse(img);
  INFO(describe(r.findings));
  std::vector<std::string> m;
  for (const auto& s : missed(img, r.findings, {"text"}))
    if (s.find("'16/07/2025 16:12'") == std::string::npos)
      m.push_back(s);
    else
      WARN("known miss: " << s);
  for (const auto& s : m) UNSCOPED_INFO("missed: " << s);
  CHECK(m.empty());
}

namespace {

// A corpus image rebuilt by the generator (seed, index, size and JPEG quality of the corpus) whose PHI of one kind of
// ground truth must all be masked.
struct CorpusMiss {
  const char* what;
  synth::ImageKind kind;
  std::uint64_t seed;
  int index, w, h, quality;
  const char* truthKind = "text";
};

void checkCorpusMiss(const CorpusMiss& c) {
  std::string jpeg;
  const auto img = test::corpusImage(c.kind, c.seed, c.index, c.w, c.h, c.quality, &jpeg);
  const auto r = pipeline().analyze(jpeg);
  REQUIRE(r.ok());
  INFO(c.what << "\n" << describe(r.findings));
  const auto m = missed(img, r.findings, {c.truthKind});
  for (const auto& s : m) UNSCOPED_INFO("missed: " << s);
  CHECK(m.empty());
}

// A corpus image whose PHI of the given kind is masked and whose listed benign lines stay visible.
void checkCorpusBenign(const CorpusMiss& c, const std::set<std::string>& benign) {
  std::string jpeg;
  const auto img = test::corpusImage(c.kind, c.seed, c.index, c.w, c.h, c.quality, &jpeg);
  const auto r = pipeline().analyze(jpeg);
  REQUIRE(r.ok());
  INFO(c.what << "\n" << describe(r.findings));
  for (const auto& s : missed(img, r.findings, {c.truthKind})) UNSCOPED_INFO("missed: " << s);
  CHECK(missed(img, r.findings, {c.truthKind}).empty());
  for (const auto& s : benignMasked(img, r.findings, benign)) UNSCOPED_INFO("benign masked: " << s);
  CHECK(benignMasked(img, r.findings, benign).empty());
}

}  // namespace

TEST_CASE(
    "miss (fresh seeds, sessions 14-15): small print in boxes, merged blocks, ECG header rows, code labels, "
    "turned rows",
    "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // the box's border closed with its 10 px lines into one sparse component: no row, no refinement tile
           Case{"identity block of 10 px lines in a bordered box, 10.6 MP lab report", synth::ImageKind::LabReport,
                5501, 1, 2814, 3752, 59},
           // four 9 px white lines in a corner, one network region read as "==": a row of merged lines
           Case{"9 px header block in the corner of a 9.5 MP dark ultrasound", synth::ImageKind::Ultrasound, 8818, 23,
                3550, 2662, 51},
           // the IPP of an 8 px ECG header row seen as a 25 x 6 px fragment read '"AOA', a lead-label-like token
           // ("à vérifier"), and its outline stopped at the sixth digit: on an identity row, grown over its ink
           Case{"8 px IPP fragment on an ECG header's identity row, q40", synth::ImageKind::Ecg, 3413, 20, 3115, 2202,
                40},
           // the first line of an 8 px header on dark ECG paper had no outline; the three under it had (seed 7717)
           Case{"first line of an 8 px header block on a dark ECG, q60", synth::ImageKind::Ecg, 7717, 12, 2987, 2112,
                60},
           // the birth date on a sticker beside its code read "2500/1075" at 0.63, classified benign
           Case{"10 px birth date on a code's label read as digits", synth::ImageKind::LabReport, 6262, 9, 1197, 1596,
                72},
           // session 15 (seed 4823): a 56 px header turned by 1.7 degrees; the name row was taken as read by the row
           // under it (upright boxes overlapping), the IPP cut by a network tile joined to the next row's end
           Case{"56 px name row of a turned 11 MP ECG header", synth::ImageKind::Ecg, 4823, 4, 3971, 2807, 44},
           // session 15 (seed 9547): all the fine pass saw of a 9 px italic "IPP 5818477019" was "47 7019", benign
           Case{"9 px IPP of an inverted ECG header read as a split number", synth::ImageKind::Ecg, 9547, 12, 2848,
                2013, 65},
           // session 15 (seed 6733): a piece of the next row inside the upright box of "Date : 02/01/2024 19:18
           // Service..." made it two merged rows; fine lines replaced it and its first half, in no tile, was lost
           Case{"42 px date row of an ECG header turned by 2.5 degrees", synth::ImageKind::Ecg, 6733, 12, 2990, 2114,
                46},
       })
    checkCorpusMiss(c);
}

TEST_CASE("miss (fresh seeds of sessions 16-17): extra-light small print, lines cut by tiles, a tattoo read as text",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // two 8 px extra-light grey address lines under a bold title: gradient 20-30 at the row finder's scale,
           // where the page's table raised Otsu to 55 (no row, no refinement tile)
           Case{"8 px extra-light address lines of a 3.3 MP lab report", synth::ImageKind::LabReport, 3187, 1, 1575,
                2100, 59, "text"},
           // a tile's top edge cut a 42 px address line in half: the halves made the coarse line look like two merged
           // rows, and, read as garbage, replaced it
           Case{"42 px address line cut across by a refinement tile", synth::ImageKind::LabReport, 3187, 9, 2981, 3974,
                48, "text"},
           // the network boxed a tattoo of wavy strokes 680 px high, read "AÙ", benign: hidden from the heuristic
           Case{"tattoo of wavy strokes read as two letters", synth::ImageKind::SkinTattoo, 6421, 6, 3350, 2512, 41,
                "tattoo"},
           // session 17 (seed 5309): two refinement tiles 26 px apart cut a turned 31 px address line at the gap; its
           // end "08 33 33" was read alone, as benign numbers
           Case{"31 px address line cut at the strip between two tiles", synth::ImageKind::LabReport, 5309, 9, 2222,
                2962, 43, "text"},
       })
    checkCorpusMiss(c);
}

TEST_CASE(
    "miss (fresh seeds of session 18): a bordered block turned by a degree, a sticker line read as one letter, a "
    "date outlined in two pieces",
    "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // the box turned by 1 degree: its edges fell across several rows and no single row held 80 % of them, so
           // the block was no frame, no row and no refinement tile (five 10 px identity lines unmasked)
           Case{"identity block of 10 px lines in a box turned by a degree, 8.3 MP lab report",
                synth::ImageKind::LabReport, 9431, 1, 2489, 3318, 54},
           // a 9 px "IPP 2918395038" on a sticker, after JPEG q45, read as "L" (a radiograph marker): benign
           Case{"9 px IPP on a sticker read as one letter", synth::ImageKind::LabReport, 5923, 9, 2713, 3617, 45},
           // "07/01/2026 14:15" outlined in two pieces whose masks left the "26" between them (89 % covered)
           Case{"43 px date of an ultrasound outlined in two pieces", synth::ImageKind::Ultrasound, 5923, 23, 3478,
                2608, 57},
           // the coarse outline of a 32 px "CHU de Bordeaux" stopped after "CHU de" (69 % covered)
           Case{"32 px hospital line outlined up to a function word", synth::ImageKind::LabReport, 9431, 9, 2270, 3026,
                43},
       })
    checkCorpusMiss(c);
}

TEST_CASE(
    "miss (fresh seeds of session 19): a date read with a digit lost, an ECG date line read as vocabulary, a "
    "name cut by the top edge, a date between two masked rows",
    "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // "Examen du 15/06/2024" in 35 px white print read "Examen du 15/06/022": no calendar year, no date
           Case{"35 px exam date read with a three-digit year on a radiograph", synth::ImageKind::RadiographDark, 9677,
                16, 1568, 1960, 42},
           // an 8 px "25/04/2023 15:23" of an ECG header read '"te: 24/2) 15.24': "te" (echo time) made it a vocabulary
           // line, shown to check in the identity band
           Case{"8 px date line of an ECG header read as a vocabulary line", synth::ImageKind::Ecg, 8123, 20, 3165,
                2237, 62},
           // a 12 px "DUMONT-ROCHÉ Élodie" cut by the top edge (8 px of it seen): its outline's ink was followed
           // across "ROCHÉ" only, the gap at the hyphen wider than a third of the cut line's height (79 % covered)
           Case{"12 px name cut by the top edge of an ECG", synth::ImageKind::Ecg, 1733, 20, 3571, 2524, 55},
           // a 9 px birth date of a bordered block turned by a degree, between the masks of the rows above and below
           // it (81 % covered)
           Case{"9 px date between two masked rows of a turned identity block", synth::ImageKind::LabReport, 5581, 1,
                1637, 2182, 78},
       })
    checkCorpusMiss(c);
}

TEST_CASE("miss (fresh seeds of session 20): a title left out of its name, an italic date read as a unit's line",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // a 9 px "Patient(e) : M. FRANÇOIS Gaël" read "Patente) M FRAMÇONS Gaal": the mask began after "M"
           // (71 % covered)
           Case{"9 px name with its title in a bordered block", synth::ImageKind::LabReport, 1307, 17, 1697, 2262, 67},
           // a 9 px italic "11/05/2010" between a name and an IPP on a small sticker read "#4 te dd": "te" after a
           // digit counted as a unit, the line shown to check (88 % covered)
           Case{"9 px italic date on a sticker read as a unit's line", synth::ImageKind::LabReport, 6029, 1, 2707, 3609,
                73},
       })
    checkCorpusMiss(c);
}

TEST_CASE("miss (fresh seeds of session 21): the feet of an ECG header row cut by the top edge", "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // an ECG turned by a degree before it was scanned: its first header row "Nom : ... Né(e) le ... IPP ..."
           // lies above the top edge but for 3-5 px of its glyphs' feet, which no reader outlines (names 0-40 %
           // covered; the rows under it masked)
           Case{"12 px name of an ECG header, 5 px of it in the frame", synth::ImageKind::Ecg, 8849, 20, 3073, 2172,
                80},
           Case{"11 px caret name of an ECG header, 3 px of it in the frame, q44", synth::ImageKind::Ecg, 8933, 4, 2735,
                1933, 44},
           // the cut row is longer than the rows under it: its IPP's feet lie 30 px past their end
           Case{"8 px IPP of an ECG header, 4 px of it in the frame", synth::ImageKind::Ecg, 2203, 20, 3331, 2355, 78},
       })
    checkCorpusMiss(c);
}

TEST_CASE("miss (fresh seeds of session 21): unread lines beside a poor reading, a label line outlined in its middle",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // an 11 px IPP on a sticker beside an Aztec code, read as nothing, under a name read at 0.37 and a date at
           // 0.39: no anchor (0.4), so the line stayed dropped (25 % covered)
           Case{"11 px IPP of a sticker read as nothing under a poorly read name", synth::ImageKind::LabReport, 2377, 9,
                1230, 1640, 52},
           // a 9 px "Hôpital Nord, Marseille" read as nothing above its phone line read as a name at 0.37 (23 %
           // covered); a 9 px IPP left of a Code 93 outlined from its fourth character (72 % covered)
           Case{"9 px address line read as nothing; 9 px IPP outlined in its middle", synth::ImageKind::LabReport, 2377,
                17, 2932, 3909, 67},
       })
    checkCorpusMiss(c);
}

TEST_CASE(
    "miss (fresh seeds of session 22): a misread ward under its hospital, blurred 8 px print, a misread date, "
    "a turned sticker's name",
    "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // a 69 px "Cardiologie, unité 3B" under "CHU de Toulouse Purpan" on a radiograph, read "N@ardiologie, unité
           // 3B": a vocabulary line, shown to check (0 % covered)
           Case{"69 px ward under its hospital read as vocabulary", synth::ImageKind::RadiographDark, 5563, 16, 3041,
                3801, 52},
           // a blurred 8 px "Prescripteur : Dr MARTINEZ" in a bordered block read "marges & AAA TA Z": abbreviations
           // made it a vocabulary line (27 % covered)
           Case{"8 px prescriber in a bordered block read as abbreviations", synth::ImageKind::LabReport, 8863, 17,
                1736, 2314, 80},
           // an 8 px "Examen du 28/10/2026" read "28/15/2026" at 0.89: no month, no date, benign (0 % covered)
           Case{"8 px exam date read with a month of 15", synth::ImageKind::RadiographLight, 9787, 13, 1630, 2037, 60},
           // a sticker turned 4.5 degrees beside the title: its 12 px name and IPP outlined with the lines under them
           // lost their tops (74-75 % covered), its Code 128 joined to the title (0 %)
           Case{"12 px name and IPP of a turned sticker beside the title", synth::ImageKind::LabReport, 5407, 1, 1739,
                2318, 41},
           // the fine pass outlined an 11 px "Urgences adultes, CHRU de Strasbourg" on an ECG's grid up to "de": the
           // row its tile held went on with no line (71 % covered)
           Case{"11 px ward and hospital of an ECG header, its last word not outlined", synth::ImageKind::Ecg, 2441, 4,
                1295, 915, 63},
           // a 41 px "Patient(e) : Mme LAURENT Margaux" on an 11 MP page: the fine pass outlined two 15 px slivers of
           // its end, which replaced the coarse outline there (69 % covered)
           Case{"41 px name of which the fine pass outlined slivers", synth::ImageKind::LabReport, 8527, 1, 2886, 3848,
                59},
           // a 9 px "Hôpital Nord, Marseille" in white read as nothing over its ward masked as unknown text (15 %)
           Case{"9 px hospital line read as nothing over its ward", synth::ImageKind::RadiographDark, 8527, 16, 2115,
                2643, 64},
       })
    checkCorpusMiss(c);
}

TEST_CASE(
    "miss (fresh seeds of sessions 22-23): a ward line outlined with the row under it, a label's unread lines, misread "
    "dates and IPPs, feet at the edge",
    "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // a 34 px "Urgences adultes, CHRU de Strasbourg" turned 1 degree on an ECG: the network merged its left half
           // with the right half of the measurements under it into one region outlined at 6 degrees, which ran
           // through the ward's glyphs (82 % covered)
           Case{"34 px ward of an ECG header outlined across two rows", synth::ImageKind::Ecg, 5297, 12, 2425, 1714,
                77},
           // a sticker beside an undecoded 54 px QR code on a 1.2 MP page (q50): its 8 px name read poorly, its date
           // and IPP read as nothing; the date was masked stacked under the name, the IPP under the date was not (the
           // date was not yet a masked line, and the unread line's bare region was compared with padded outlines: 38 %)
           Case{"8 px IPP read as nothing under a date read as nothing on a sticker", synth::ImageKind::LabReport, 2237,
                17, 956, 1274, 50},
           // a 64 px white "IPP 9923736294" across a dark radiograph's edge read "TPP 00) 27 26904" at 0.69: benign
           // (0 % covered)
           Case{"64 px IPP read with a misread label", synth::ImageKind::RadiographDark, 7759, 0, 2840, 3550, 49},
           // a 9 px italic ECG header on the grid: "Né(e) le 27/02/1955" read "a) Le 2740/1935" at 0.55, benign (42 %
           // covered); its "IPP 8390031677" outlined up to the seventh digit (85 %)
           Case{"9 px birth date read with its month lost, IPP outlined short", synth::ImageKind::Ecg, 9811, 20, 2519,
                1781, 51},
           // a 47 px "08/03/2025 17:44" on an ultrasound: its time read "1/:44", benign (68 % covered)
           Case{"47 px exam date whose time was read as a benign number", synth::ImageKind::Ultrasound, 9173, 23, 3761,
                2820, 36},
           // a 9.8 MP ECG (q41) whose grid gave 119 unresolved rows wider than its 8 px header's: the 16 refinement
           // tiles went to the grid, none to the header (five PHI lines 0 % covered)
           Case{"8 px header of a large ECG left without refinement tiles", synth::ImageKind::Ecg, 1237, 20, 3731, 2638,
                41},
           // a 44 px "Cardiologie, unité 3B" on a radiograph outlined in two: "unite 3R" read as benign (62 %)
           Case{"44 px ward whose second half was read as vocabulary", synth::ImageKind::RadiographDark, 2381, 8, 1972,
                2465, 35},
           // the feet of an ECG's first row cut by the top edge, above the turned outlines of the row under it (a
           // wedge of them left between outline and edge): a 12 px date 4 px deep (0 %), a 12 px name 1 px deep (0 %),
           // 13 px names 8 and 0-3 px deep (83-84 %); too few pieces for the cut-row rule
           Case{"feet of a 12 px date over a turned ward line at an ECG's top edge", synth::ImageKind::Ecg, 9859, 4,
                4105, 2902, 58},
           Case{"1 px of a 12 px name at an ECG's top edge", synth::ImageKind::Ecg, 8887, 20, 3533, 2498, 55},
           Case{"feet of a 13 px name at an ECG's top edge (session 22)", synth::ImageKind::Ecg, 5297, 20, 3164, 2237,
                53},
           Case{"0-3 px of a 13 px name at an ECG's top edge (session 22)", synth::ImageKind::Ecg, 3307, 12, 3703, 2618,
                63},
       })
    checkCorpusMiss(c);
}

TEST_CASE("miss (fresh seeds of session 24): an ECG header on a grid darker than its print, lines outlined short",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // an 11 px grey header at an ECG's top edge, turned 3 degrees, on a grid that the grid removal leaves
           // darker than the print: the grid tied every row into one component and no row was refined (five PHI
           // lines 0 % covered)
           Case{"11 px grey ECG header on a dark grid", synth::ImageKind::Ecg, 6883, 12, 2094, 1480, 43},
           // a right-aligned 12 px "Service de radiologie" on a radiograph outlined from its fourth letter (89 %)
           Case{"12 px ward outlined from its fourth letter", synth::ImageKind::RadiographDark, 5779, 8, 1908, 2385,
                49},
           // an 8 px monospace "IPP 7070519706" on an ECG's grid: the small-text pass outlined its first five digits,
           // read "27861" at 0.72, a benign number (6 % covered)
           Case{"8 px IPP outlined in part, read as a benign number", synth::ImageKind::Ecg, 8039, 4, 1848, 1306, 58},
       })
    checkCorpusMiss(c);
}

TEST_CASE("miss (fresh seeds of session 25): a code beside text, a QR with a speck, tile-cut and misread lines",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // a 26 px QR code on a 12 MP wristband: a JPEG speck bridged to its corner left its blob 0.70 of its
           // outline, under the fine pass's 0.75 (0 % covered)
           Case{"26 px QR code with a speck at its corner, 12 MP wristband", synth::ImageKind::Wristband, 1453, 3, 3703,
                2777, 60, "barcode"},
           // a blurred Code 128 on a lab report's sticker, united with the name line to its left into one unreadable
           // code that the benign title's outline covered for 64 %: dropped as text (0 % covered)
           Case{"Code 128 united with the name line beside it", synth::ImageKind::LabReport, 8053, 1, 2355, 3140, 74,
                "barcode"},
           // a 41 px "Patient(e) : M. LEFÈVRE Hervé" whose top a refinement tile's edge cut: the cut outline
           // replaced the coarse line (86 % covered)
           Case{"name line cut at its top by a refinement tile", synth::ImageKind::LabReport, 2579, 9, 2916, 3888, 59},
           // an 8 px "CHU de Lyon Sud" on a radiograph read "cHu de at hea" at 0.71: benign prose (38 % covered)
           Case{"8 px hospital line read with its acronym in the wrong case", synth::ImageKind::RadiographDark, 8053, 8,
                1311, 1638, 54},
           // a 10 px "67091 Strasbourg - Tél. 03 88 11 67 68" under a lab report's hospital line, read "6707 2rmbourg -
           // Te (3 BA 31 67 68" at 0.56: a vocabulary line with errors, shown to check (6 % covered)
           Case{"10 px address line with a phone number read as a vocabulary line", synth::ImageKind::LabReport, 1607,
                9, 2149, 2865, 35},
       })
    checkCorpusMiss(c);
}

TEST_CASE("miss (fresh seeds of session 26): a sticker's name boxed with its edge, misread wards, IDs and times",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // a 13 px "LAURENT Camille" on a lab report's sticker beside its code: the coarse pass boxed it with the
           // sticker's dashed edge (34 px high), read "ofr oS" at 0.27 and dropped (16 % covered)
           Case{"sticker name boxed with the sticker's edge by the coarse pass", synth::ImageKind::LabReport, 3467, 9,
                2005, 2673, 63},
           // a 52 px "Cardiologie, unité 3B" on a radiograph read "Me rdiologie, unité 3B" at 0.65: benign prose (0 %)
           Case{"ward line with its unit's code, misread", synth::ImageKind::RadiographDark, 5717, 16, 2327, 2908, 68},
           // a 41 px "ID: 1553863732" on an ultrasound read "1D: 1553863/32" at 0.70: benign measures (0 %)
           Case{"identifier whose label's letter is read as a digit", synth::ImageKind::Ultrasound, 1193, 23, 3310,
                2482, 41},
           // a 10 px "12/02/2026 8:13" on an ultrasound read "12/02/2026 B 13": the time was a benign fragment (86 %)
           Case{"time after a date, its hour read as a letter", synth::ImageKind::Ultrasound, 6899, 7, 2883, 2162, 62},
           // an 8 px "Dermatologie, Hôpital Nord, Marseille" in an ECG's header turned 2 degrees and cut by the frame:
           // only the classical localiser boxed it, read "Fioge Roi Nites, Mas" at 0.25 and dropped (15 %)
           Case{"8 px ward line of a turned ECG header, read poorly by the classical localiser", synth::ImageKind::Ecg,
                1249, 4, 1904, 1346, 49},
       })
    checkCorpusMiss(c);
}

TEST_CASE(
    "miss (seeds of session 26's last run): an ECG header tied to the grid, a ward line outlined in part, a "
    "misread century, a hospital read as a particle name",
    "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // a 9 px header block of four lines on a 3809 x 2693 ECG: at the small-text pass's working scale the
           // grid's darker lines left by the grid removal tied it into one sparse, unframed shape, never a row to
           // refine (the whole header, five PHI values, 0 %)
           Case{"9 px ECG header tied to the grid's lines", synth::ImageKind::Ecg, 1277, 12, 3809, 2693, 60},
           // a 12 px "Médecine interne, CHU de Lyon Sud" on an inverted ECG's grid: only "Métec" was outlined (53 %)
           Case{"ECG ward line outlined over its first word only", synth::ImageKind::Ecg, 2411, 4, 1911, 1351, 71},
           // a 9 px "Né(e) le : 19/12/1979" on a lab report read "me(e) le : 19/22/2979" at 0.68: benign (0 %)
           Case{"birth date with a misread month and century", synth::ImageKind::LabReport, 5839, 9, 2365, 3153, 44},
           // a 46 px "CHU de Lyon Sud" on a wristband read "au de Len Sud": "au" trimmed as a heading (84 %)
           Case{"hospital line read as a particle name after a function word", synth::ImageKind::Wristband, 6959, 19,
                3701, 2775, 52},
       })
    checkCorpusMiss(c);
}

TEST_CASE("miss (fresh seeds of sessions 27-28): bars read as strokes, a digit for a capital, a sliver of a name",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // a blurred 68 x 55 px UPC-E turned 3 degrees on a lab report's sticker, not decoded: its bars read
           // "== ll" (what OCR makes of the lead "II"), benign text that took the unreadable-code box for text (0 %)
           Case{"blurred UPC-E on a sticker read as strokes", synth::ImageKind::LabReport, 3623, 17, 2239, 2985, 61,
                "barcode"},
           // an 8 px "CHU de Bordeaux" in a radiograph's corner read "de 3ordesux" at 0.53: "3ordesux" was a measure
           // (a number and a unit of seven letters), the line benign (6 % covered)
           Case{"8 px hospital line with its capital read as a digit", synth::ImageKind::RadiographDark, 1433, 16, 1864,
                2330, 53},
           // a bold 9 px "André, Anne-Sophie" on a sticker turned 3 degrees: the fine pass outlined a 30 x 5 px sliver
           // of its row and nothing else, the row was never read (89 % covered by the lines around it)
           Case{"sticker name of which the fine pass outlined a sliver", synth::ImageKind::LabReport, 4793, 9, 2548,
                3397, 66},
           // an 8 px "Examen du 20/04/2025" in a radiograph's footer read "Examen a AUS" at 0.48: a vocabulary line
           // with errors ("Examen" its only word of substance), shown to check instead of masked (0 %)
           Case{"8 px exam date line read as its label and garbage", synth::ImageKind::RadiographLight, 1451, 21, 2668,
                3335, 54},
           // a tattoo "Élodie" in a heart on a pink skin close-up whose texture looked periodic: taken for an ECG
           // (page saturation 54, ECG paper 26-43), the tattoo heuristic never ran (0 %)
           Case{"tattoo on a pink close-up taken for an ECG", synth::ImageKind::SkinTattoo, 9281, 22, 3342, 2506, 70,
                "tattoo"},
       })
    checkCorpusMiss(c);
}

TEST_CASE(
    "miss (fresh seeds of session 28): a corner block, an Aztec code of 4 px modules, a thin outline, a turned block",
    "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // four 8 px lines of 47-69 px in a 3810 px ultrasound's corner: at the small-text pass's working scale
           // they merged into a 29 x 20 px shape, not row-shaped, never refined (the whole header, 0 %)
           Case{"8 px header block of short lines in an ultrasound's corner", synth::ImageKind::Ultrasound, 1523, 7,
                3810, 2857, 60},
           // a 114 px Aztec code of 4.5 px modules turned 4.5 degrees on a sticker, JPEG q40: a grey square at the
           // coarse localiser's 800 px, fragments under the fine pass's 5 px closing, not decoded as a whole (30 %)
           Case{"Aztec code of 4 px modules on a turned sticker", synth::ImageKind::LabReport, 1523, 17, 2896, 3861, 40,
                "barcode"},
           // a 45 px date turned 1.3 degrees on an ultrasound outlined 30 px high by the fine pass: its mask stopped
           // 4-9 px short of the digits' feet (79 %)
           Case{"large date outlined thinner than its digits", synth::ImageKind::Ultrasound, 8117, 15, 3676, 2757, 37},
           // a bordered block of five 8 px lines 13 px apart, turned 1.5 degrees and blurred, on a lab report: its rows
           // touched in the upright profile, the block was no row to refine (the whole identity block, 0 %)
           Case{"turned, blurred identity block of 8 px lines in a box", synth::ImageKind::LabReport, 5939, 1, 2279,
                3038, 74},
       })
    checkCorpusMiss(c);
}

TEST_CASE("miss (fresh seeds of session 29): a phone number misread after its label, a block cut by a tile's edge, a one-word heading", "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // a 9 px "44093 Nantes - Tél. 02 40 08 33 33" turned 3 degrees on a lab report, its phone number read
           // "OF 40 08 33 33": cut off the address's mask as trailing numbers, then benign on its own (62 %)
           Case{"9 px address line with its phone misread", synth::ImageKind::LabReport, 9343, 9, 1638, 2184, 73},
           // the last 11 px line of a bordered identity block turned 1.5 degrees on a 12 MP report, 5 px of it in the
           // refinement tile placed for the address above, which held the block's four other lines by chance (0 %)
           Case{"last line of a block at a refinement tile's edge", synth::ImageKind::LabReport, 4861, 9, 2967, 3956,
                52},
           // an 8 px "Hôpital Nord, Marseille" in a light radiograph's corner read "“total Nort Merle": its first
           // word, a vocabulary word read confidently, was left out of the mask as a heading (86 %)
           Case{"misread first word of a hospital line", synth::ImageKind::RadiographLight, 8237, 21, 2954, 3692, 47},
           // the 8-13 px lines of a wristband's label over its Code128 on a 3798 px photo, joined to the bars at the
           // small-text pass's working scale: no row, no line; the undecoded code's box covered them in part (83 %)
           Case{"wristband label joined to its code's bars", synth::ImageKind::Wristband, 4967, 11, 3798, 2848, 51},
           // an 8 px "Patient(e) : Mme Prévost, Laëtitia" in a bordered block read "Patentie) : ne Prévost. | eetitie":
           // "ne" (a misread "Mme") counted as the label word "né", and the title was left out with the label (86 %)
           Case{"title misread as a label word after the colon", synth::ImageKind::LabReport, 3863, 9, 2255, 3006, 44},
       })
    checkCorpusMiss(c);
}

TEST_CASE(
    "miss (fresh seeds of session 30): a blurred PDF417 beside a name, turned and blurred linear codes, an inverted "
    "ECG's header",
    "[misses][pipeline]") {
  MODELS_OR_SKIP();
  using Case = CorpusMiss;
  for (const Case& c : {
           // a 124 x 52 px PDF417 at JPEG q42 in a bordered identity block: too blurred to decode, its codeword rows
           // merged at the localiser's 800 px (5 changes down its columns); only the name's box covered it (64 %)
           Case{"blurred PDF417 beside a name", synth::ImageKind::LabReport, 6067, 9, 908, 1210, 42, "barcode"},
           // a 196 x 66 px Code 93 of 1.5 px modules turned 1.2 degrees on a wristband: decoded, but its rows were
           // followed at the scan line's level, where only 16 of them kept their thin spaces (83 %)
           Case{"turned Code 93 covered over a few rows", synth::ImageKind::Wristband, 6089, 11, 1908, 1431, 72,
                "barcode"},
           // a Code 128 at JPEG q37 on a wristband: rows followed at their own level only flip their grey edges from
           // row to row (73 % agreement) and the box lost its top (84 %; a miss of this session's first fix)
           Case{"Code 128 at JPEG q37 covered over part of its rows", synth::ImageKind::Wristband, 5081, 19, 2024, 1518,
                37, "barcode"},
           // a 263 x 128 px Code 128 turned 3 degrees on a 3817 px wristband photo: decoded, boxed over the 90 rows
           // ZXing read alike, which stop short of its turned corners (78 %)
           Case{"turned Code 128 boxed over the rows read", synth::ImageKind::Wristband, 8353, 11, 3817, 2862, 74,
                "barcode"},
       })
    checkCorpusMiss(c);
}

TEST_CASE("benign: a PDF417 whose two corners ZXing leaves unset is boxed around the side it found",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  // seed 4177 image 9 (3200 px lab report read at 2400 px): ZXing-cpp 1.4 returned the top and bottom right corners of
  // a turned PDF417 as (0, 0), and the code's box ran to the page's corner over the laboratory's title
  checkCorpusBenign({"PDF417 with unset corners", synth::ImageKind::LabReport, 4177, 9, 2400, 3200, 71, "barcode"},
                    {"Laboratoire de biologie médicale"});
}

TEST_CASE("benign: the margins of a turned wristband's large lines leave the label over them visible",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  // 60-75 px lines turned 3.5 degrees (seed 2711, image 3): the IPP line's outline, 100 px high, with margins of 30 %
  // of that above and below, hid 85 % of the "Né(e) le" label over it; past 40 px the margins grow a third as fast
  checkCorpusBenign({"turned wristband's large lines", synth::ImageKind::Wristband, 2711, 3, 3245, 2433, 70},
                    {"Né(e) le"});
}

TEST_CASE("miss (session 31's own rule): a tattoo that the coarse pass boxes as a block stays a tattoo",
          "[misses][pipeline]") {
  MODELS_OR_SKIP();
  // bench seed 2311 image 22 (3748 x 2811 skin photo, JPEG q58): the coarse pass boxed the tattoo as a block of 334 x
  // 178 px; the block rule refined it, a tile outlined a "line" 107 px high across it, read "Ho 7" and masked as
  // unknown text, which hid the tattoo from the skin-ink heuristic (tattoo missed, seed's tattoo recall 2 of 3)
  checkCorpusMiss(
      {"tattoo boxed as a block by the coarse pass", synth::ImageKind::SkinTattoo, 2311, 22, 3748, 2811, 58, "tattoo"});
}
