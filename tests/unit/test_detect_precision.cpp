// Unit tests of the precision rules of issue 14 (branch quality6): vocabulary lines read with errors, settings after
// a trigger-like word, truncated vocabulary, field labels left outside PHI boxes, 1-D code boxes kept to their bars,
// undecodable code blobs read as words.
#include "medpics/detect/classify.hpp"
#include "medpics/detect/codes.hpp"
#include "medpics/detect/ink_mask.hpp"
#include "medpics/detect/text_context.hpp"
#include "medpics/detect/text_trim.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include "test_detect_support.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

using namespace medpics::detect;

namespace {

// An OCR line whose words are spread evenly along it (each word's share proportional to its length, one space
// between words), read with `confidence`.
OcrLine line(const std::string& text, float confidence = 0.9f) {
  OcrLine l;
  l.text = text;
  l.confidence = confidence;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t b = text.find_first_not_of(' ', at);
    if (b == std::string::npos) break;
    std::size_t e = text.find(' ', b);
    if (e == std::string::npos) e = text.size();
    OcrWord w;
    w.begin = b;
    w.end = e;
    w.from = float(b) / float(text.size());
    w.to = float(e) / float(text.size());
    w.confidence = confidence;
    l.words.push_back(w);
    at = e;
  }
  return l;
}

// Fraction of the line (by characters) where `needle` starts / ends.
double startOf(const std::string& text, const std::string& needle) {
  return double(text.find(needle)) / double(text.size());
}
double endOf(const std::string& text, const std::string& needle) {
  return double(text.find(needle) + needle.size()) / double(text.size());
}

LineExtent extentOf(const std::string& text, float confidence = 0.9f) {
  const OcrLine l = line(text, confidence);
  return phiExtent(l, classifyLine(text, confidence).spans);
}
}  // namespace

TEST_CASE("on an ECG measurement line \"PR\" and \"MS\" in capitals are no titles, \"Pr\" and \"Ms\" are", "[rules]") {
  // "PR 160 ms" with its value misread: the misread value is no name after the title "Pr"
  for (const char* text : {"FC 90 bpm PR TSO. MS: QRS 90 ms", "FC 72 bpm PR ISO ms QRS 90 ms QT/QTc 380/410 ms"}) {
    INFO(text);
    const LineVerdict v = classifyLine(text, 0.72f);
    CHECK(v.category != "name");
    for (const auto& s : v.spans) CHECK(s.category != "name");
  }
  // the titles stay triggers, on an ECG line too, and "PR" in capitals before a name elsewhere
  for (const char* text : {"FC 72 bpm Pr Martin", "Ms Smith QRS 90 ms", "PR DUPONT Jean", "Nom : Pr LEROY"}) {
    INFO(text);
    CHECK(classifyLine(text, 0.9f).category == "name");
  }
}

TEST_CASE("a vocabulary line read with errors is to-check, never masked for its misread tokens", "[rules]") {
  // ECG measurement lines and ultrasound settings as OCR reads them on the grid / at 10 px
  for (const char* text :
       {"FC 68 bpm PR 09 me RS 50m qn/ore 998/410 ws", "FC 100 bpm PR160ms QRS90 ms OQT/QTc 380/410 ms", "MI Le Ts 0,4",
        "cinerea ab-456 Hz Axe (ons 50° Rythme sinusal",
        // a misread range joined with letters, an accented capital counted as one letter ("15Ù", "AxeORS5")
        "U,U5-15Ù Hz Axe ORS 88° 1", "re005-150 Hz AxeORS5° E"}) {
    INFO(text);
    const LineVerdict v = classifyLine(text, 0.4f);
    CHECK(v.uncertain);
    CHECK(v.vocabulary);
  }
  // a capitalised unknown word a person could be called, a trigger or a PHI span: not a vocabulary line
  // (nor numbers alone: a birth date misread "12/02/1569" on an 8 px sticker; nor digits that may be a date or an id)
  // (nor function words alone: "Où de hontes", an 8 px "CHU de Nantes" misread; nor abbreviations without a measure)
  for (const char* text : {"FC 68 bpm PR 160 ms DUPONT", "Nom : FC 68 bpm QRS 90 ms", "FC 68 bpm 12/03/1960 QRS",
                           "12/02/1569", "12 02 1569", "FC 12/02/1569 ms", "bpm 1172676908", "Où de hontes",
                           // short capitals alone, no measure (a blurred 8 px "Prescripteur : Dr MARTINEZ", seed 8863)
                           "marges & AAA TA Z\"",
                           // three groups of two digits: a phone number read in part (a 10 px address line, seed 1607)
                           "6707 2rmbourg - Te (3 BA 31 67 68",
                           // a year alone: what is left of an 8 px "DOB: 25/02/1997" (independent set 12, image 0)
                           "DOR Te 1997"}) {
    INFO(text);
    const LineVerdict v = classifyLine(text, 0.4f);
    CHECK(v.phi);
    CHECK_FALSE(v.vocabulary);
  }
  // the context rule: a vocabulary line is to-check even in the header band and next to an identity line
  const cv::Size image(1000, 1000);
  std::vector<Finding> f = {
      medpics::test::textFinding(50, 20, 300, 20, "Nom : DUPONT Jean", "name", true),  // 0: identity line
      medpics::test::textFinding(50, 45, 400, 20, "FC 68 bpm PR 09 me RS 50m", "other-text",
                                 true),                                              // 1: vocabulary line under it
      medpics::test::textFinding(500, 45, 200, 20, "D#rp~ xk", "other-text", true),  // 2: garbage next to it
  };
  resolveUncertainText(f, {1, 2}, image, ImageKind::Ecg, {1});
  CHECK_FALSE(f[1].phi);
  CHECK(f[1].category == kToCheckCategory);
  CHECK(f[2].phi);
  // on a photo it stays masked like any uncertain text
  std::vector<Finding> g = {
      medpics::test::textFinding(50, 500, 400, 20, "FC 68 bpm PR 09 me RS 50m", "other-text", true)};
  resolveUncertainText(g, {0}, image, ImageKind::SkinPhoto, {0});
  CHECK(g[0].phi);
}

TEST_CASE("a misread line stacked flush on a PHI line of the header stays masked, even if it reads as vocabulary",
          "[rules]") {
  // a radiograph's header (seed 5563 image 16): "CHU de Toulouse Purpan" read as a name, the ward under it flush
  // right, its "C" read as "N@" ("N@ardiologie, unité 3B": a vocabulary line until the ward-unit rule of session 26
  // made it a place; the rule is shown on the same line without its unit's code, still a vocabulary line)
  const cv::Size image(3041, 3801);
  CHECK(classifyLine("N@ardiologie, unité 3B", 0.62f).phi);
  const char* ward = "N@ardiologie, unité";
  REQUIRE(classifyLine(ward, 0.62f).vocabulary);
  auto header = [&](int wardRight) {
    return std::vector<Finding>{
        medpics::test::textFinding(1832, 120, 1006, 158, "CHiiide Toulouse Purpan", "name", true, 0.45f),
        medpics::test::textFinding(wardRight - 882, 214, 882, 171, ward, "other-text", true, 0.3f)};
  };
  std::vector<Finding> flush = header(2849);
  resolveUncertainText(flush, {1}, image, ImageKind::Radiograph, {1});
  CHECK(flush[1].phi);
  // not flush with it (a line of the block's neighbour), or on an ECG (its measurement lines are printed under the
  // identity rows): to check
  std::vector<Finding> apart = header(2849 - 400);
  resolveUncertainText(apart, {1}, image, ImageKind::Radiograph, {1});
  CHECK_FALSE(apart[1].phi);
  std::vector<Finding> ecg = header(2849);
  resolveUncertainText(ecg, {1}, image, ImageKind::Ecg, {1});
  CHECK_FALSE(ecg[1].phi);
  // an unread 9 px hospital line over its ward masked as unknown text (seed 8527 image 16): stacked on any masked
  // line, not on a PHI line read with confidence
  const std::vector<Finding> wardLine{
      medpics::test::textFinding(1931, 95, 86, 23, "Dermatologie", "other-text", true, 0.35f)};
  const cv::Rect hospital(1888, 84, 121, 18);
  CHECK(stackedInBlock(wardLine, hospital, true));
  // the outline the pipeline tests, margins included (28 px high over the ward's 23 px: they overlap by 12 px)
  CHECK(stackedInBlock(wardLine, cv::Rect(1872, 79, 148, 28), true));
  CHECK_FALSE(stackedInBlock(wardLine, cv::Rect(1872, 90, 148, 28), true));  // the ward's own row
  CHECK_FALSE(stackedInBlock(wardLine, hospital, false));
  CHECK_FALSE(stackedInBlock(wardLine, hospital + cv::Point(-300, 0), true));  // not flush
  CHECK_FALSE(stackedInBlock(wardLine, hospital + cv::Point(0, -40), true));   // a row apart
}

TEST_CASE("a poor re-reading of part of a benign line read with confidence is benign", "[rules]") {
  using medpics::test::textFinding;
  const cv::Size image(4000, 2800);
  // an ECG header: identity row, then the filter line read 0.91 and its lower half re-read by the small-text pass
  std::vector<Finding> f = {
      textFinding(250, 110, 580, 130, "Nom : DA SILVA Hervé", "name", true, 0.87f),
      textFinding(66, 349, 1512, 186, "Filtre 0,05-150 Hz Axe QRS -20° Rythme sinusal", "benign", false, 0.86f),
      textFinding(36, 415, 769, 107, "Filtre U,Uo-LoU Hz Axe", "other-text", true, 0.3f),
      // the same words, but a row that also holds a name: not within the benign line's box
      textFinding(36, 300, 769, 240, "Filtre Hz Axe LEFEBVRE", "other-text", true, 0.3f),
      // within the line's box, but most of its words are not the line's
      textFinding(100, 380, 700, 100, "Filtre Hz LEFEBVRE Sophie Mme", "other-text", true, 0.3f),
  };
  resolveUncertainText(f, {2, 3, 4}, image, ImageKind::Ecg);
  CHECK_FALSE(f[2].phi);
  CHECK(f[2].category == "benign");
  CHECK(f[3].phi);  // in the header band, next to the identity row: stays masked
  CHECK(f[4].phi);
  // the coarse pass's garbage over a turned ECG's measurement lines (seed 9137 image 4): within the turned outline of
  // the line read with confidence, no taller, it re-reads it whatever it read; reaching out of it, or holding a name
  // or a trigger word, it does not; on a photo nothing changes
  auto turned = [](Finding line) {
    line.polygon = {{{80, 65}}, {{81, 39}}, {{515, 53}}, {{515, 79}}};
    return line;
  };
  const Finding measures =
      turned(textFinding(79, 38, 438, 43, "FC 93 bpm PR 160 ms QRS 90 ms", "benign", false, 0.85f));
  std::vector<Finding> g = {
      textFinding(125, 0, 150, 29, "Nom : Chloé NGUYEN VAN", "name", true, 0.87f), measures,
      textFinding(89, 47, 66, 14, "= TJ) VE", "other-text", true, 0.3f),           // inside
      textFinding(300, 48, 100, 16, "iltre g", "other-text", true, 0.35f),         // inside, unknown text read at 0.6
      textFinding(89, 30, 66, 14, "= TJ) VE", "other-text", true, 0.3f),           // half above the outline
      textFinding(200, 49, 110, 16, "LEFEBVRE Sophie", "other-text", true, 0.3f),  // a name
      textFinding(330, 49, 80, 16, "Nom : xx", "other-text", true, 0.3f),          // a trigger word
  };
  std::vector<Finding> photo = g;
  resolveUncertainText(g, {2, 4, 5, 6}, image, ImageKind::Ecg);
  CHECK_FALSE(g[2].phi);
  CHECK_FALSE(g[3].phi);
  CHECK(g[3].category == "benign");
  CHECK(g[4].phi);
  CHECK(g[5].phi);
  CHECK(g[6].phi);
  resolveUncertainText(photo, {2, 4, 5, 6}, image, ImageKind::PersonPhoto);
  CHECK(photo[2].phi);
  CHECK(photo[3].phi);
  // a decimal range from zero is no misread date: the filter line read with errors is a vocabulary line
  CHECK(classifyLine("Filtre 0.05-150 Hz Axe ORS -28°", 0.8f).vocabulary);
  CHECK(classifyLine("Examen 0.12-1985 Hz", 0.8f).phi);
}

TEST_CASE("a coarse fragment of an upright benign line read with confidence re-reads it, its margins left out",
          "[rules]") {
  using medpics::test::textFinding;
  const cv::Size image(1880, 2659);
  // the top of a lab report: table cells the small-text pass read whole ("Ferritine" at 0.89 classified 0.86), the
  // coarse pass in part ("Fern", "Create"), their boxes reaching half a line height past what was read; a prescription
  // line read at 0.92 (classified 0.818) and its coarse fragment "Bétaméthasos", outlined looser (39 px against 33)
  std::vector<Finding> f = {
      textFinding(75, 115, 170, 27, "Patient EL AMRANI GREGOIRE", "name", true, 0.88f),
      textFinding(73, 390, 69, 32, "Ferntine", "benign", false, 0.86f),
      textFinding(67, 392, 54, 27, "Fern", "other-text", true, 0.35f),
      textFinding(73, 338, 82, 29, "Créatinine", "benign", false, 0.86f),
      textFinding(67, 341, 61, 28, "Create", "other-text", true, 0.35f),
      textFinding(103, 308, 348, 33, "Bétaméthasone crème : 1 application le soir", "benign", false, 0.818f),
      textFinding(88, 305, 138, 39, "Bétaméthasos", "other-text", true, 0.35f),
      // a row apart, or twice as tall (two rows): not a reading of the same line
      textFinding(67, 420, 60, 27, "Dupuis", "other-text", true, 0.35f),
      textFinding(67, 330, 90, 70, "Create Fern", "other-text", true, 0.35f),
  };
  resolveUncertainText(f, {2, 4, 6, 7, 8}, image, ImageKind::Document);
  for (const std::size_t i : {2, 4, 6}) {
    INFO(f[i].text);
    CHECK_FALSE(f[i].phi);
    CHECK(f[i].category == "benign");
  }
  CHECK(f[7].phi);
  CHECK(f[8].phi);
}

TEST_CASE("a table cell read poorly between benign cells of its column is to-check, in the header band too",
          "[rules]") {
  using medpics::test::textFinding;
  const cv::Size image(2913, 4119);
  // script 2's set 18 (session 37): a lab table turned a degree at 8-12 % of the page, rules through its cells; the
  // small-text pass read most cells ("Glucose", "mmol/L") and some not ("Cod" for "Sodium", "_LmolfL" for "µmol/L")
  std::vector<Finding> f = {
      textFinding(227, 134, 100, 28, "Patient : MERCIER Léa", "name", true, 0.83f),
      textFinding(150, 340, 110, 30, "Glucose", "benign", false, 0.86f),
      textFinding(148, 390, 100, 30, "Cod", "other-text", true, 0.3f),  // 2: between two analytes
      textFinding(150, 425, 120, 30, "Potassium", "benign", false, 0.86f),
      textFinding(1618, 331, 82, 49, "mmol/L", "benign", false, 0.85f),
      textFinding(1619, 400, 79, 46, "mmol/L", "benign", false, 0.86f),
      textFinding(1594, 470, 102, 44, "mUIL", "other-text", true, 0.3f),  // 6: under two units (the column's end)
      // a cell beside the identity line, and text out of any column: they stay masked
      textFinding(240, 170, 100, 28, "Cod", "other-text", true, 0.3f),
      textFinding(900, 390, 150, 30, "Xwq Brt", "other-text", true, 0.3f),
  };
  resolveUncertainText(f, {2, 6, 7, 8}, image, ImageKind::Document);
  for (const std::size_t i : {2, 6}) {
    INFO(f[i].text);
    CHECK_FALSE(f[i].phi);
    CHECK(f[i].category == kToCheckCategory);
  }
  CHECK(f[7].phi);
  CHECK(f[8].phi);
}

TEST_CASE("a sentence of vocabulary and words of the language read confidently is benign prose", "[rules]") {
  // script 1's set 36 (session 37): a report's conclusion read exactly at 0.93 was a "vocabulary line read with
  // errors" (two vocabulary words), masked in the header band (21 600 px² of benign text)
  const LineVerdict v = classifyLine("Conclusion : absence de syndrome coronarien aigu.", 0.93f);
  CHECK(v.category == "benign");
  CHECK_FALSE(v.phi);
  // read poorly, or a short misread ward: still a vocabulary line for the context rule
  CHECK(classifyLine("Conclusion : absence de syndrome coronarien aigu.", 0.62f).vocabulary);
  CHECK(classifyLine("N@ardiologie, unité", 0.93f).vocabulary);
  // a reading with a word of no language or a stray symbol is no clean sentence: corpus seed 3989 image 17, a coarse
  // region over a title and the name on a sticker beside it read only the title (the name was lost when benign)
  CHECK(classifyLine("Laboratoire de biologie mél =", 0.9f).vocabulary);
  CHECK(classifyLine("Conclusion : Martin Dupont", 0.93f).phi);
}

TEST_CASE("report headings in the plural and discharge, admission and study labels", "[rules]") {
  // script 1's set 35 (session 37): "Compte rendu d'hospitalisation" read with an "s" was unknown text in a report's
  // header band, masked (16 000 px² of benign text); "Date de sortie :" and "Study:" were masked with their dates
  for (const char* text : {"Compte rendu d'hospitalisations", "Compte rendu opératoire", "Résultats des analyses"}) {
    INFO(text);
    CHECK(classifyLine(text, 0.9f).category == "benign");
  }
  CHECK(classifyLine("Thomas Reins", 0.9f).phi);  // a plural of vocabulary four letters long or less is not
  for (const char* text : {"Date de sortie : 09/08/1952", "Date d'entrée : 09/08/1952", "Study: 07.07.1954",
                           "Date d'admission : 12/03/2024"}) {
    INFO(text);
    const std::string t = text;
    const std::string value = t.substr(t.find_last_of(' ') + 1);
    const LineExtent e = extentOf(t);
    CHECK(e.from > startOf(t, value) - 0.1);
    CHECK(e.from <= startOf(t, value));
  }
}

TEST_CASE("a coarse region over lines that other readings read with confidence together is no uncertain text",
          "[rules]") {
  using medpics::test::textFinding;
  const cv::Size image(2378, 3364);
  // a report's body (script 1's set 35, session 37): the small-text pass read each line at 0.92-0.94 (prose,
  // classified 0.77-0.82); the coarse pass outlined a region over two of them ("= clinique : =") and one line with a
  // right end 48 px past its last word ("Santrûle dans trnis mois avec hilan linidiaue")
  std::vector<Finding> f = {
      textFinding(162, 354, 446, 34, "Radiographie thoracique de face : pas d'épanchement.", "benign", false, 0.768f),
      textFinding(162, 378, 419, 32, "Examen clinique : auscultation cardiaque normale.", "benign", false, 0.772f),
      textFinding(161, 394, 399, 43, "Contrôle dans trois mois avec bilan lipidique.", "benign", false, 0.822f),
      textFinding(187, 364, 301, 59, "= clinique : =", "other-text", true, 0.35f),
      textFinding(143, 399, 476, 25, "Santrûle dans trnis mois avec hilan linidiaue", "other-text", true, 0.35f),
      // a line below them that no clear reading covers, and one whose own reading shows a trigger word: they stay
      textFinding(150, 440, 300, 25, "Dupuis", "other-text", true, 0.35f),
      textFinding(187, 364, 301, 59, "= Patient : =", "other-text", true, 0.35f),
      // a reading under the 0.75 of a clear line does not count ("Patient admis..." read at 0.6)
      textFinding(160, 422, 408, 39, "Patient admis pour douleur thoracique atypique.", "benign", false, 0.69f),
      textFinding(170, 425, 380, 30, "Patent adm1s", "other-text", true, 0.35f),
  };
  resolveUncertainText(f, {3, 4, 5, 6, 8}, image, ImageKind::Document);
  for (const std::size_t i : {3, 4}) {
    INFO(f[i].text);
    CHECK_FALSE(f[i].phi);
    CHECK(f[i].category == "benign");
  }
  for (const std::size_t i : {5, 8}) {
    INFO(f[i].text);
    CHECK(f[i].phi);
  }
  CHECK(f[6].category != "benign");  // (outlined "to check": the rows under it were read one by one)
}

TEST_CASE("a trigger-like word followed by a number is a setting (DR 60), not a name label", "[rules]") {
  CHECK_FALSE(classifyLine("Gain 57 DR 60", 0.8f).phi);
  CHECK_FALSE(hasIdentityTrigger("Gain 57 DR 60"));
  CHECK(hasIdentityTrigger("Dr Martin"));
  CHECK(classifyLine("Dr MARTIN", 0.8f).phi);
  CHECK(classifyLine("Dr Martin", 0.8f).category == "name");
  // "ne" alone is a misread unit, "Né(e) le" a birth label
  CHECK(classifyLine("0 FR 31 ne", 0.8f).vocabulary);  // to-check, not an identity line
  CHECK(classifyLine("Né(e) le 12/03/1960", 0.8f).phi);
}

TEST_CASE("truncated vocabulary, organs, fasting and probe models are benign", "[rules]") {
  for (const char* text : {"Laboratoire de biol", "Validé par le biologiste respc", "Glycémie à jeun", "Thyroïde",
                           "Abdomen", "C5-1 3,5 MHz", "L12-5 9 MHz"}) {
    INFO(text);
    const LineVerdict v = classifyLine(text, 0.8f);
    CHECK_FALSE(v.phi);
  }
  // a capitalised truncated word is not vocabulary: it may be a name cut by the edge
  CHECK(classifyLine("Laboratoire Bioli", 0.8f).phi);
  CHECK(classifyLine("MARTIN Biol", 0.8f).phi);
}

// Stretches of `text` (one word per space, all read at `confidence`) left out of its mask between two values.
std::vector<LineExtent> innerLabelsOf(const std::string& text, float confidence = 0.9f) {
  const OcrLine l = line(text, confidence);
  const auto spans = classifyLine(text, confidence).spans;
  return innerLabels(l, spans, phiExtent(l, spans));
}

TEST_CASE("a field label between two values of one line is left out of its mask, never a part of a value", "[rules]") {
  {  // an ECG header row: the birth-date label between the name and the date (the name span runs over it)
    const std::string t = "Nom : LE GALL*GAELLE Né(e)le 21/12/1964 IPP 6536312082";
    const auto labels = innerLabelsOf(t, 0.3f);  // a parenthesised label reads at 0.29
    REQUIRE(labels.size() == 1);
    CHECK(labels[0].from >= endOf(t, "GAELLE"));
    CHECK(labels[0].from <= startOf(t, "Né(e)le"));
    CHECK(labels[0].to >= endOf(t, "Né(e)le"));
    CHECK(labels[0].to <= startOf(t, "21/12/1964"));
  }
  {  // one birth-date span from the name on
    const std::string t = "Nom : Lambert, Théo Né(e) le 05/02/1940";
    const auto labels = innerLabelsOf(t);
    REQUIRE(labels.size() == 1);
    CHECK(labels[0].from >= endOf(t, "Théo"));
    CHECK(labels[0].to <= startOf(t, "05/02/1940"));
  }
  {  // an unread word after the label stays in the mask with the value
    const std::string t = "DUPONT Jean Né(e) le xqz 12/03/1960";
    const auto labels = innerLabelsOf(t);
    REQUIRE(labels.size() == 1);
    CHECK(labels[0].to <= startOf(t, "xqz"));
  }
  // a phone number continues its address; identifier labels stay with their value; a particle starts a name; a label
  // not read at all stays in the mask
  CHECK(innerLabelsOf("44093 Nantes - Tél. 02 40 08 33 33").empty());
  CHECK(innerLabelsOf("DUPONT Jean IPP 6536312082").empty());
  CHECK(innerLabelsOf("Date : 12/03/2024 LE GALL Yann").empty());
  CHECK(innerLabelsOf("DUPONT Jean Né(e) le 12/03/1960", 0.1f).empty());
}

TEST_CASE("a PHI line's box leaves out its field label and trailing settings, never a part of the value", "[rules]") {
  {
    const std::string t = "Né(e) le 15/09/1968";
    const LineExtent e = extentOf(t);
    CHECK(e.from > endOf(t, "le"));
    CHECK(e.from <= startOf(t, "15/09/1968"));
    CHECK(e.to == 1.0);
  }
  {  // identifier labels stay inside: a label sticker prints "IPP 4133925473" as one value
    CHECK(extentOf("IPP 4133925473").whole());
  }
  {
    const std::string t = "N° de dossier : 2390394735";
    CHECK(extentOf(t).from <= startOf(t, "2390394735"));
    CHECK(extentOf(t).from > endOf(t, "dossier"));
  }
  {  // a courtesy title belongs to the value
    const std::string t = "Patient(e) : Mme DUPONT Jeanne";
    const LineExtent e = extentOf(t);
    CHECK(e.from > endOf(t, "Patient(e)"));
    CHECK(e.from <= startOf(t, "Mme"));
  }
  {  // after the label's colon comes the value: a title misread as a label word ("Mme" read "ne", as in "né") is in it
    // (an 8 px "Patient(e) : Mme Prévost, Laëtitia" in a bordered block, seed 3863, session 29)
    const std::string t = "Patentie) : ne Prévost. | eetitie";
    CHECK(extentOf(t, 0.61f).from <= startOf(t, "ne Prévost"));
    const std::string u = "Né(e) le : 15/09/1968";  // the label before the colon is still left out
    CHECK(extentOf(u).from > endOf(u, "le"));
  }
  {  // a particle after the label belongs to the name
    const std::string t = "Nom : Le Gall Yann";
    const LineExtent e = extentOf(t);
    CHECK(e.from <= startOf(t, "Le Gall"));
  }
  {  // a heading the line ran into before its value, read confidently, is left out (a title touching a sticker's date)
    const std::string t = "Laboratoire de biologie med1iCé 31271046";
    const LineExtent e = extentOf(t);
    CHECK(e.from > endOf(t, "biologie"));
    CHECK(e.from <= startOf(t, "med1iCé"));
    CHECK(extentOf("CHU de Nantes 31271046").whole());                  // an institution is part of the value
    CHECK(extentOf("Laboratoire de biologie 31271046", 0.3f).whole());  // not read confidently: all masked
    const std::string name = "Service de cardiologie Dupont Jean";      // a ward is a span: nothing to leave out
    CHECK(extentOf(name).from == 0.0);
    CHECK(extentOf("DROIT 31271046").from == 0.0);      // a word in capitals may be a surname
    CHECK(extentOf("face droit 31271046").from > 0.0);  // in lower case, vocabulary
    // function words are no heading: "au de Len Sud", a 46 px "CHU de Lyon Sud" misread on a wristband (seed 6959,
    // session 27), left "CHU" out of the mask
    CHECK(extentOf("au de Len Sud").whole());
    // one vocabulary word is no heading: "“total Nort Merle", an 8 px "Hôpital Nord, Marseille" misread on a
    // radiograph (seed 8237, session 29), left "Hôp" out of the mask
    CHECK(extentOf("“total Nort Merle").whole());
  }
  {  // a name that starts with a particle is never cut
    CHECK(extentOf("LE GALL Yann").whole());
    CHECK(extentOf("DE LA FONTAINE Marie").whole());
  }
  {  // trailing acquisition settings after the date
    const std::string t = "Examen du 22/10/2026 kV 71 mAs 3";
    const LineExtent e = extentOf(t);
    CHECK(e.to >= endOf(t, "22/10/2026"));
    CHECK(e.to < startOf(t, "kV"));
    CHECK(e.from <= startOf(t, "22/10/2026"));
  }
  {  // numbers after an identifier may continue it: kept
    CHECK(extentOf("IPP 123 456 789").to == 1.0);
  }
  {  // what follows a field label is its value, even read as words and numbers: a phone misread "OF 40 08 33 33"
    // after "Tél." (a 9 px address line on a lab report, seed 9343, session 29)
    CHECK(extentOf("44093 Nantes - Tél. OF 40 08 33 33").to == 1.0);
    const std::string t = "Examen du 22/10/2026 kV 71 mAs 3";  // a label before the value does not keep the settings
    CHECK(extentOf(t).to < startOf(t, "kV"));
  }
  {  // the value goes on after a comma: a first name cut short by the outline ("Théo" read "Thé", a benign word)
    const std::string t = "Nom : Lambert, Thé";
    const LineExtent e = extentOf(t);
    CHECK(e.to == 1.0);
    CHECK(e.from <= startOf(t, "Lambert"));
  }
  {  // a label read without confidence, or an unknown word between the label and the value: whole line
    CHECK(extentOf("Né(e) le 15/09/1968", 0.4f).whole());
    CHECK(extentOf("Nom : xqz DUPONT Jean").from <= startOf("Nom : xqz DUPONT Jean", "xqz"));
  }
  // the extent as a region: axis-aligned and rotated lines
  TextRegion r;
  r.box = cv::Rect(100, 50, 400, 20);
  r.rect = cv::RotatedRect(cv::Point2f(300, 60), cv::Size2f(400, 20), 0);
  const TextRegion s = subRegion(r, LineExtent{0.25, 1.0}, {1000, 1000});
  CHECK(s.box == cv::Rect(200, 50, 300, 20));
  TextRegion rr;
  rr.rect = cv::RotatedRect(cv::Point2f(300, 60), cv::Size2f(400, 20), 3.f);
  rr.box = rr.rect.boundingRect();
  const TextRegion sr = subRegion(rr, LineExtent{0.5, 1.0}, {1000, 1000});
  CHECK(sr.box.x >= 290);
  CHECK(sr.box.br().x >= rr.box.br().x - 2);
  CHECK(std::max(sr.rect.size.width, sr.rect.size.height) == Approx(200).margin(2));
}

namespace {
cv::Mat symbolGrey(ZXing::BarcodeFormat format, const std::string& text, int width, int height) {
  ZXing::MultiFormatWriter writer(format);
  writer.setMargin(0);
  const ZXing::BitMatrix bits = writer.encode(text, 0, 0);
  cv::Mat modules(bits.height(), bits.width(), CV_8U);
  for (int y = 0; y < bits.height(); ++y)
    for (int x = 0; x < bits.width(); ++x) modules.at<uchar>(y, x) = bits.get(x, y) ? 0 : 255;
  cv::Mat out;
  cv::resize(modules, out, {width, height}, 0, 0, cv::INTER_AREA);
  return out;
}
}  // namespace

TEST_CASE("a 1-D code's box stays on its bars when text is printed right under it", "[codes]") {
  cv::Mat page(900, 900, CV_8U, cv::Scalar(240));
  const cv::Mat code = symbolGrey(ZXing::BarcodeFormat::Code128, "2390394735", 240, 50);
  const cv::Rect bars(300, 100, code.cols, code.rows);
  code.copyTo(page(bars));
  // a table of text under the code (the gradient component used to run into it)
  for (int row = 0; row < 12; ++row)
    for (int col = 0; col < 3; ++col)
      cv::putText(page, "12,0 - 16,0", {260 + col * 120, 175 + row * 30}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(30),
                  2);
  cv::Mat bgr;
  cv::cvtColor(page, bgr, cv::COLOR_GRAY2BGR);
  const auto findings = detectCodes(bgr);
  const auto f =
      std::find_if(findings.begin(), findings.end(), [](const Finding& x) { return x.text == "2390394735"; });
  REQUIRE(f != findings.end());
  const cv::Rect box(f->box->x, f->box->y, f->box->w, f->box->h);
  INFO("box " << box.x << "," << box.y << " " << box.width << "x" << box.height);
  CHECK((box & bars).area() >= 0.9 * bars.area());
  CHECK(box.br().y <= bars.br().y + 20);  // not down into the table
}

TEST_CASE("an undecodable square blob that OCR reads as a benign word is not a code", "[codes]") {
  Finding code;
  code.kind = Kind::Barcode;
  code.category = "unreadable-code";
  code.box = Box{100, 100, 60, 40};
  const std::vector<Finding> benignWord = {medpics::test::textFinding(90, 95, 90, 50, "Abdomen", "benign", false)};
  CHECK(unreadableCodeIsText(code, benignWord));
  const std::vector<Finding> settings = {medpics::test::textFinding(90, 95, 90, 50, "MI Le Ts 0,4", "to-check", false)};
  CHECK(unreadableCodeIsText(code, settings));
  const std::vector<Finding> unknown = {medpics::test::textFinding(90, 95, 90, 50, "Xq#", "other-text", true)};
  CHECK_FALSE(unreadableCodeIsText(code, unknown));
  const std::vector<Finding> garbage = {medpics::test::textFinding(90, 95, 90, 50, "Xq# lIl", "to-check", false)};
  CHECK_FALSE(unreadableCodeIsText(code, garbage));
  // a block of settings lines that merged into one square: together they cover it
  const std::vector<Finding> block = {medpics::test::textFinding(95, 98, 70, 14, "FR 13 Hz", "benign", false),
                                      medpics::test::textFinding(95, 113, 70, 14, "MI 1,1 TIs 0,4", "benign", false),
                                      medpics::test::textFinding(95, 128, 70, 14, "Thyroïde", "benign", false)};
  CHECK(unreadableCodeIsText(code, block));
  const std::vector<Finding> oneOfThem = {block[1]};
  CHECK_FALSE(unreadableCodeIsText(code, oneOfThem));  // one line beside a code does not make it text
  // bars united with a line of text to their left: the text covers 64 % of the box, the bars' band is bare
  Finding wide = code;
  wide.box = Box{1087, 378, 614, 104};
  const std::vector<Finding> title = {
      medpics::test::textFinding(410, 380, 1073, 155, "Laboratoire de biologie médicale", "benign", false)};
  CHECK_FALSE(unreadableCodeIsText(wide, title));
  wide.box = Box{1087, 378, 480, 104};  // the same text over a narrower box: 83 %, no bare band as wide
  CHECK(unreadableCodeIsText(wide, title));
  // bars OCR read as strokes ("== ll": "ll" alone is the lead "II") are the code, not text over it
  const std::vector<Finding> strokes = {medpics::test::textFinding(90, 95, 90, 50, "== ll", "benign", false)};
  CHECK_FALSE(unreadableCodeIsText(code, strokes));
  const std::vector<Finding> lead = {medpics::test::textFinding(90, 95, 90, 50, "ll", "benign", false)};
  CHECK(unreadableCodeIsText(code, lead));
  code.category = "datamatrix";
  CHECK_FALSE(unreadableCodeIsText(code, benignWord));
}

TEST_CASE("a weak capitalised pair read under 60 % is uncertain, not a name", "[rules]") {
  // an ECG trace read "AY Ay" at 0.52 was a name, and made the traces around it an identity zone
  for (const char* line : {"AY Ay", "Ab Cd", "Lu LU"}) {
    INFO(line);
    const LineVerdict v = classifyLine(line, 0.52f);
    CHECK(v.category != "name");
    CHECK(v.uncertain);
  }
  // read confidently, or with a word of three letters or more, a capitalised pair stays a name
  CHECK(classifyLine("Pid Bit", 0.6f).uncertain);  // two short words read under 70 %: uncertain too
  CHECK(classifyLine("Li Na", 0.8f).category == "name");
  CHECK(classifyLine("DUPONT Jean", 0.37f).category == "name");
  CHECK(classifyLine("Nom : Li Na", 0.37f).category == "name");
}

TEST_CASE("a lone all-caps word read under 40 % is uncertain, not a name", "[rules]") {
  // ECG traces read "PA EMPS tee" at 0.25 were a name mid-page (a false alarm the context rule could not see)
  for (const char* line : {"PA EMPS tee", "EMPS", "ke RESGA"}) {
    INFO(line);
    const LineVerdict v = classifyLine(line, 0.25f);
    CHECK(v.category != "name");
    CHECK(v.uncertain);
    CHECK(v.phi);  // still masked where the context rule says so (photos, header and footer bands, identity blocks)
  }
  // read at 40 % or more, after a trigger, or with a name from the lexicon, it stays a name
  CHECK(classifyLine("EMPS", 0.45f).category == "name");
  CHECK(classifyLine("Nom : EMPS", 0.25f).category == "name");
  CHECK(classifyLine("DUPONT", 0.25f).category == "name");
  CHECK(classifyLine("DUPONT Jean", 0.25f).category == "name");
}

TEST_CASE("a short token read on ECG traces near the header is not masked when far taller than its line", "[rules]") {
  const cv::Size image(3600, 2600);
  std::vector<Finding> f = {
      medpics::test::textFinding(200, 600, 1400, 60, "Nom : DUPONT Jean", "name", true, 0.9f),  // 0: identity line
      medpics::test::textFinding(1700, 680, 300, 170, "Lt", "other-text", true, 0.3f),  // 1: trace strokes, near it
      medpics::test::textFinding(1700, 560, 100, 60, "Lt", "other-text", true, 0.3f)};  // 2: same size as the line
  resolveUncertainText(f, {1, 2}, image, ImageKind::Ecg, {});
  CHECK_FALSE(f[1].phi);
  CHECK(f[1].category == kToCheckCategory);
  CHECK(f[2].phi);  // a token of the identity block's size stays masked
  // elsewhere than on an ECG, the same token stays masked near the identity line
  std::vector<Finding> g = f;
  g[1].phi = true;
  g[1].category = "other-text";
  resolveUncertainText(g, {1, 2}, image, ImageKind::Document, {});
  CHECK(g[1].phi);
}

// Seed 3851 image 17 (session 17): a bordered block of blurred 9 px identity lines at 22-25 % of a lab report's height,
// read as garbage and nothing, with nothing read confidently near it, was all "à vérifier".
TEST_CASE("uncertain text in the top 30 % of a document page stays masked, lower, or on other kinds, it is to check",
          "[rules]") {
  const cv::Size image(1548, 2064);
  const auto resolved = [&](int y, ImageKind kind) {
    std::vector<Finding> f = {
        medpics::test::textFinding(262, y, 126, 25, "N° @ ance wrestle", "other-text", true, 0.3f)};
    resolveUncertainText(f, {0}, image, kind, {});
    return f[0];
  };
  CHECK(resolved(481, ImageKind::Document).phi);             // 24 % of the page: the patient block
  const Finding lower = resolved(700, ImageKind::Document);  // 35 %: the results table
  CHECK_FALSE(lower.phi);
  CHECK(lower.category == kToCheckCategory);
  CHECK_FALSE(resolved(481, ImageKind::Radiograph).phi);  // other kinds keep the 20 % header band
  CHECK_FALSE(resolved(481, ImageKind::Ultrasound).phi);
}

// Seed 3413 image 20 (session 14): on an ECG's 8 px header row "Nom : ÉTIENNE Zoé  Né(e) le 09/11/1979  IPP 8566009015",
// the IPP was a 25 x 6 px fragment read '"AOA' (a lead-label-like token) and "Né(e) le ..." was read as garbage; the
// fragment was "à vérifier". A short token of the header band on the row of identity text that stays masked stays
// masked; a lead label under the header, on no identity row, does not.
TEST_CASE("a short token on an ECG header's identity row stays masked, a lead label below it does not", "[rules]") {
  const cv::Size image(3115, 2202);
  std::vector<Finding> f = {
      medpics::test::textFinding(114, 22, 101, 22, "Diom : ÉTIENNE Zoe", "name", true, 0.63f),    // 0: anchor
      medpics::test::textFinding(210, 27, 78, 16, "Nejad le C:111970s", "other-text", true, 0.3f),  // 1: garbled
      medpics::test::textFinding(304, 31, 31, 10, "\"AOA", "other-text", true, 0.3f),               // 2: the IPP
      medpics::test::textFinding(849, 170, 30, 16, "ave", "other-text", true, 0.3f)};               // 3: aVR label
  resolveUncertainText(f, {1, 2, 3}, image, ImageKind::Ecg, {});
  CHECK(f[1].phi);  // in the header band: may identify
  CHECK(f[2].phi);  // continues the identity row
  CHECK_FALSE(f[3].phi);
  CHECK(f[3].category == kToCheckCategory);
  // without the masked text beside it, the same token is a lead label "à vérifier"
  std::vector<Finding> g = {f[0], f[2]};
  g[0].box = Box{114, 300, 101, 22};
  g[1].phi = true;
  g[1].category = "other-text";
  resolveUncertainText(g, {1}, image, ImageKind::Ecg, {});
  CHECK_FALSE(g[1].phi);
}

// Seed 5501 (session 12): faint coloured streaks along a turned radiograph's top edge (4 grey levels) were read as
// "A LA AN AR" and "HIT" at 0.30 and masked as header text. Print, even 8 px after JPEG, shows far more contrast.
TEST_CASE("ink contrast: faint edge streaks are not print, small blurred print and light grey print are", "[rules]") {
  cv::Mat streaks(40, 300, CV_8U, cv::Scalar(244));
  for (int x = 0; x < streaks.cols; x += 3) streaks.col(x) -= (x * 7) % 5;
  CHECK(inkContrast(streaks) < 16);
  cv::Mat print(14, 120, CV_8U, cv::Scalar(250));
  cv::putText(print, "12/03/1961", {2, 11}, cv::FONT_HERSHEY_PLAIN, 0.7, cv::Scalar(30), 1, cv::LINE_AA);
  cv::GaussianBlur(print, print, {3, 3}, 0.8);
  CHECK(inkContrast(print) > 30);
  cv::Mat light(14, 120, CV_8U, cv::Scalar(255));
  cv::putText(light, "Dr MARTIN", {2, 11}, cv::FONT_HERSHEY_PLAIN, 0.7, cv::Scalar(190), 1, cv::LINE_AA);
  CHECK(inkContrast(light) > 30);
  CHECK(inkContrast(cv::Mat(10, 10, CV_8U, cv::Scalar(128))) == 0);
}

// Session 27: a band line's mask follows words along its row only over print of its own size; a speck or a strip
// outlined on 47-50 px header print ('¢', '7 q' on two ECGs) ran into the measurement line under it.
TEST_CASE("ink of a line's height: small print is, a strip of large print is not", "[rules]") {
  cv::Mat page(200, 600, CV_8U, cv::Scalar(250));
  cv::putText(page, "Medecine interne, CHU", {10, 40}, cv::FONT_HERSHEY_SIMPLEX, 0.4, cv::Scalar(20), 1, cv::LINE_AA);
  const cv::Rect smallLine(8, 29, 170, 14);  // the outline of that 10 px line
  CHECK(inkOfHeight(page, smallLine, 21));
  cv::putText(page, "HOPITAL", {10, 160}, cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(20), 4, cv::LINE_AA);
  const cv::Rect strip(10, 128, 250, 14);  // a 14 px strip across the middle of that 45 px print
  CHECK_FALSE(inkOfHeight(page, strip, 21));
  CHECK_FALSE(inkOfHeight(page, cv::Rect(400, 60, 100, 14), 21));  // no ink at all
}

TEST_CASE("a PHI line's mask grows over its glyphs' feet, not over a rule or another line", "[rules]") {
  // white print on black, 45 px digits (an ultrasound's date), outlined 30 px high by the fine pass
  cv::Mat frame(300, 700, CV_8U, cv::Scalar(10));
  cv::putText(frame, "11/03/2024 13:38", {40, 150}, cv::FONT_HERSHEY_SIMPLEX, 1.6, cv::Scalar(230), 3, cv::LINE_AA);
  const cv::Range glyphs = inkRowsAcross(frame, cv::Rect(30, 110, 560, 30), 60);
  REQUIRE_FALSE(glyphs.empty());
  CHECK(glyphs.start < 110);  // the tops of the digits reach above the outline
  CHECK(glyphs.end >= 150);   // their feet below it
  Finding date = medpics::test::textFinding(30, 105, 560, 36, "11/03/2024 13:38", "date", true);
  std::vector<Finding> findings{date};
  date.polygon = {{30, 108}, {590, 105}, {590, 138}, {30, 141}};  // the same outline, turned
  date.phi = true;
  findings.push_back(date);
  findings.push_back(medpics::test::textFinding(30, 105, 560, 36, "13:38", "benign", false));  // never grown
  growOverLineInk(findings, frame);
  int baseline = 0;
  const int digitHeight = cv::getTextSize("0", cv::FONT_HERSHEY_SIMPLEX, 1.6, 3, &baseline).height;
  CHECK(findings[0].box->y + findings[0].box->h >= 150);  // the digits' feet, on the baseline
  CHECK(findings[0].box->y <= 150 - digitHeight);         // their tops
  CHECK(findings[0].box->h <= 36 + 2 * 18);               // half its height at most on either side
  CHECK(findings[1].polygon[2][1] > 138);                 // the lower corners went down
  CHECK(findings[1].polygon[3][1] > 141);
  CHECK(findings[1].polygon[0][1] <= 108);  // the upper ones up (or stayed)
  CHECK(findings[2].box->h == 36);
  // a vertical rule crossing the line, taller than the box, is no glyph: nothing to grow over
  cv::Mat ruled(300, 700, CV_8U, cv::Scalar(10));
  cv::line(ruled, {300, 20}, {300, 280}, cv::Scalar(230), 3);
  std::vector<Finding> alone{medpics::test::textFinding(30, 105, 560, 36, "11/03/2024", "date", true)};
  growOverLineInk(alone, ruled);
  CHECK(alone[0].box->y == 105);
  CHECK(alone[0].box->h == 36);
}
