// Unit tests of the detection rules of issue 14: benign clinical vocabulary, whole compound names, key repair of
// identifiers, the context rule for uncertain text, and caption classification (linear time, folded evasions).
#include "medpics/detect/classify.hpp"
#include "medpics/detect/lexicon.hpp"
#include "medpics/detect/text_context.hpp"
#include "medpics/detect/text_normalise.hpp"
#include "medpics/detect/validators.hpp"

#include "support/run_command.hpp"

#include "test_detect_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>

using namespace medpics::detect;

namespace {
// The span of findPhiSpans covering `needle` entirely, or nullptr.
const TextSpan* spanOver(const std::vector<TextSpan>& spans, const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  for (const auto& s : spans)
    if (s.begin <= at && s.end >= at + needle.size()) return &s;
  return nullptr;
}
bool maskedWhole(const std::string& text, const std::string& needle) {
  const auto spans = findPhiSpans(text);
  return spanOver(spans, text, needle) != nullptr;
}
}  // namespace

TEST_CASE("benign clinical vocabulary stays visible", "[rules]") {
  for (const char* line : {"Validé par le biologiste responsable",
                           "12€",
                           "12,50 €",
                           "Plaquettes 250 000 /mm3",
                           "3.5 - 5.0",
                           "Créatinine 78 µmol/L 45-104",
                           "DFG 1,73m²",
                           "aVL",
                           "aVF",
                           "III",
                           "V6",
                           "VI",
                           "M5",
                           "W3",
                           "STEMI",
                           "HTA",
                           "IRM",
                           "BPCO",
                           "25 mm/s 10 mm/mV 50 Hz",
                           "PA",
                           "G",
                           "D",
                           "Acide urique 320 µmol/L",
                           "Valeurs de réf.",
                           "Analyse",
                           "Unité",
                           "Hemoglonits 13,2 g/dL",
                           "FC 78 bpm PR160 ms QRS 90 ms QT/QTc 380/410 ms",
                           "Laboratoire de biologie médicale"}) {
    INFO(line);
    const LineVerdict v = classifyLine(line, 0.9f);
    CHECK_FALSE(v.phi);
    CHECK(v.category == "benign");
  }
  CHECK(findPhiSpans("Suspicion de STEMI antérieur, HTA connue").empty());  // not a name in a caption
  // an ECG measurement line misread: "ms" is milliseconds, a lone all-caps word among measures is not a name
  CHECK_FALSE(classifyLine("sFC92bpm PR160ms QRS 90 ms SUBTE ee ms", 0.8f).phi);
  CHECK(classifyLine("QRS 90 ms DUPONT Jean", 0.8f).phi);
  CHECK(classifyLine("Ms Smith", 0.8f).phi);
  // a number glued to a unit is a measure ("78µmol", "45mmHg"); to a word of five letters or more that is no
  // vocabulary, a capital misread as a digit ("3ordesux" for "Bordeaux", "8ERNARD" for "BERNARD")
  CHECK(classifyLine("45mmHg", 0.8f).category == "benign");
  CHECK(classifyLine("de 3ordesux", 0.53f).phi);
  CHECK(classifyLine("8ERNARD", 0.8f).phi);
  // a field label is no vocabulary of substance: what follows it, read as garbage, is its value
  CHECK(classifyLine("Filtre 0,05-150 Hz Axe QRS 12° Rythme bizarre", 0.55f).vocabulary);
  CHECK_FALSE(classifyLine("Examen a AUS", 0.48f).vocabulary);
  CHECK(classifyLine("Examen a AUS", 0.48f).uncertain);
  // mostly vocabulary with an unknown word: uncertain (the context rule decides), not a plain mask
  CHECK_FALSE(classifyLine("Filtre 0,05-150 Hz Axe QRS 12° Rythme sinusas", 0.8f).phi);   // "sinusal" misread
  CHECK_FALSE(classifyLine("Filtre 0,05-150 Hz Axe QRS 12° Rythme bizarre", 0.8f).phi);   // no word a person is called
  CHECK(classifyLine("Filtre 0,05-150 Hz Axe QRS 12° Rythme bizarre", 0.55f).uncertain);  // read badly: context decides
  CHECK(classifyLine("PR 160 ms QRS 90 ms LEGRAND", 0.8f).phi);  // a surname among measures stays masked
  CHECK(classifyLine("FC 78 bpm Eva", 0.8f).phi);
  // identity lines misread (tight leading, 10 px) are never measurement lines
  CHECK(classifyLine("uit it fe) + M. LE bai", 0.7f).phi);
  CHECK(classifyLine("Wale) le : 16 aavv)~", 0.7f).phi);
  // a two-letter lower-case word is a unit after its value only: "te" (echo time) opening a misread 8 px date line
  // of an ECG header makes no vocabulary line; "12 ms" does
  CHECK_FALSE(classifyLine("\u201cte: 24/2) 15.24", 0.49f).vocabulary);
  CHECK(classifyLine("12 ms", 0.49f).vocabulary);
  // ... and a unit only: a 9 px italic date between a name and an IPP read "#4 te dd" is no measurement line
  CHECK_FALSE(classifyLine("#4 te dd", 0.48f).vocabulary);
  CHECK(classifyLine("QRS 90 ms QT 380 ms", 0.49f).vocabulary);
  CHECK(classifyLine("kV 78 \u00a9", 0.49f).vocabulary);  // a radiograph's settings, misread: a unit with a capital
  // an abbreviation with a lower-case tail misread ("OQTc" for "QTc") is no name; a name in mixed case still is
  CHECK(classifyLine("FC 69 bpm PR 160 ms ORS 90 ms OT/OQTc 380/410 ms", 0.8f).vocabulary);
  CHECK(classifyLine("PR 160 ms QRS 90 ms DUval", 0.8f).category == "name");
  // a long vocabulary word read exactly with a poor confidence ("DEBOUT" at 0.09, a light radiograph's 40 px marker)
  // is a vocabulary line (to check wherever it lies), not benign; read confidently it is benign; a capitalised word
  // one letter from it stays a name
  for (const char* marker : {"DEBOUT", "COUCHE", "COUCHÉ"}) {
    INFO(marker);
    const LineVerdict poor = classifyLine(marker, 0.09f);
    CHECK(poor.vocabulary);
    CHECK(poor.uncertain);
    CHECK_FALSE(classifyLine(marker, 0.9f).phi);
  }
  CHECK(classifyLine("GOUCHÉ", 0.38f).phi);
  CHECK_FALSE(classifyLine("GOUCHÉ", 0.38f).vocabulary);
  CHECK_FALSE(classifyLine("DR 60", 0.3f).vocabulary);  // short: not this rule
}

TEST_CASE("OCR garbage and very short text are uncertain, never a name", "[rules]") {
  for (const char* line : {"Co", "Wvw MMNM", "lIlI ~~ wWw", "/\\/\\_ -~ ^^", "a ER"}) {
    INFO(line);
    const LineVerdict v = classifyLine(line, 0.8f);
    CHECK(v.category != "name");
    CHECK(v.uncertain);
    CHECK(v.phi);  // until the context rule says where it is
  }
}

TEST_CASE("ECG lead variants do not hide names", "[rules]") {
  CHECK(isEcgLeadVariant("VI"));
  CHECK(isEcgLeadVariant("M5"));
  CHECK(isEcgLeadVariant("aver"));  // aVR with its V read as two glyphs
  CHECK_FALSE(isEcgLeadVariant("avec"));
  CHECK_FALSE(isEcgLeadVariant("Vincent"));
  CHECK_FALSE(isEcgLeadVariant("MA"));
  CHECK(classifyLine("Nom : VI", 0.9f).phi);  // after a trigger, even a lead-like word is masked
  CHECK(classifyLine("Vincent LEGRAND", 0.9f).phi);
}

TEST_CASE("compound, hyphenated, particle and caret-separated names are masked whole", "[rules]") {
  CHECK(maskedWhole("Patient : SAINT-MARTIN Laëtitia", "SAINT-MARTIN Laëtitia"));
  CHECK(maskedWhole("SAINT-MARTIN Laëtitia", "SAINT-MARTIN Laëtitia"));
  CHECK(maskedWhole("PREVOST^BRIGITTE", "PREVOST^BRIGITTE"));
  CHECK(maskedWhole("Ben Ahmed, Cédric", "Ben Ahmed, Cédric"));
  CHECK(maskedWhole("Dr Le Gall", "Le Gall"));
  CHECK(maskedWhole("vu par Le Gall ce matin", "Le Gall"));
  CHECK(maskedWhole("Nom : DE LA FONTAINE Marie-Hélène", "DE LA FONTAINE Marie-Hélène"));
  CHECK(maskedWhole("Mme Van der Berg Anna", "Van der Berg Anna"));
  // a title opens the name it is masked with ("M. FRANÇOIS Gaël" of an identity block, even after a misread trigger)
  CHECK(maskedWhole("Patient(e) : M. FRANÇOIS Gaël", "M. FRANÇOIS Gaël"));
  CHECK(maskedWhole("Patente) M FRAMÇONS Gaal", "M FRAMÇONS Gaal"));
  CHECK(maskedWhole("Prescripteur : Dr ROBERT", "Dr ROBERT"));
  CHECK(maskedWhole("Examen du 12/03/2021 par Pr LEGRAND", "Pr LEGRAND"));
  CHECK_FALSE(maskedWhole("Prescripteur : Dr ROBERT", "Prescripteur : Dr ROBERT"));  // the label stays visible
  // a particle alone, or leading ordinary words, is not a name
  CHECK(findPhiSpans("Le Conseil départemental certifie que").empty());
}

TEST_CASE("identifier keys: a single OCR digit error is repaired and flagged", "[rules]") {
  // 295109912611193 is valid; the OCR read its 8th digit 1 as 7
  CHECK(repairNir("295109972611193") == "295109912611193");
  CHECK(repairNir("295109912611193").empty());  // already valid: nothing to repair
  const std::string text = "N° SS 2 95 10 99 726 111 93";
  const auto spans = findPhiSpans(text);
  const TextSpan* s = spanOver(spans, text, "2 95 10 99 726 111 93");
  REQUIRE(s);
  CHECK(s->category == "nir");
  CHECK(s->repaired);
  CHECK(s->rule == "nir-key-repaired");
  CHECK(classifyLine(text, 0.9f).repaired);
  // RPPS 10001045367 read with 3 -> 8
  CHECK(repairRpps("10001945367") == "10001045367");
  CHECK(repairAdeli("017600631") == "012600631");
  CHECK(repairRpps("10001045367").empty());
  // benign numbers: a count with a unit, thousands groups; identifiers stay
  CHECK(findPhiSpans("Plaquettes 250 000 /mm3").empty());
  CHECK(findPhiSpans("Hématies 4 500 000 /µL").empty());
  CHECK(maskedWhole("Dossier 24001234", "24001234"));
  CHECK(maskedWhole("Réf 81234567 bis", "81234567"));
}

TEST_CASE("uncertain text: masked where it may identify, to-check elsewhere", "[rules]") {
  const cv::Size image(1000, 1000);
  std::vector<Finding> f = {
      medpics::test::textFinding(50, 50, 200, 20, "Nom :", "other-text", true),   // 0: trigger line in the header
      medpics::test::textFinding(300, 50, 200, 20, "D#rp~", "other-text", true),  // 1: uncertain, header band
      medpics::test::textFinding(50, 500, 200, 20, "IPP", "benign", false),       // 2: trigger word mid-page
      medpics::test::textFinding(50, 530, 200, 20, "8#1~2", "other-text",
                                 true),                                          // 3: uncertain, just under the trigger
      medpics::test::textFinding(600, 600, 200, 20, "wW~", "other-text", true),  // 4: uncertain, alone mid-page
      medpics::test::textFinding(50, 950, 200, 20, "~~#", "other-text", true),   // 5: uncertain, footer band
  };
  resolveUncertainText(f, {1, 3, 4, 5}, image, ImageKind::Document);
  CHECK(f[1].phi);
  CHECK(f[3].phi);
  CHECK_FALSE(f[4].phi);
  CHECK(f[4].category == kToCheckCategory);
  CHECK(f[5].phi);
  // on a photo (labels, wristbands), every uncertain line stays masked
  std::vector<Finding> g = {medpics::test::textFinding(600, 600, 200, 20, "wW~", "other-text", true)};
  resolveUncertainText(g, {0}, image, ImageKind::SkinPhoto);
  CHECK(g[0].phi);
  // on an ECG a lone short token in the header band is a misread lead label; next to the identity line it is masked
  std::vector<Finding> e = {
      medpics::test::textFinding(50, 20, 300, 20, "Nom : DUPONT Jean", "name", true),  // 0: identity line
      medpics::test::textFinding(600, 150, 30, 20, "ave", "other-text", true),  // 1: lead label aVR misread, alone
      medpics::test::textFinding(360, 20, 40, 20, "Jea", "other-text",
                                 true),  // 2: short fragment next to the identity line
      medpics::test::textFinding(900, 150, 200, 20, "D#rp~ xk", "other-text", true),  // 3: longer garbage in the band
  };
  resolveUncertainText(e, {1, 2, 3}, image, ImageKind::Ecg);
  CHECK_FALSE(e[1].phi);
  CHECK(e[1].category == kToCheckCategory);
  CHECK(e[2].phi);
  CHECK(e[3].phi);
  CHECK(hasIdentityTrigger("Né(e) le"));
  CHECK(hasIdentityTrigger("Née le 12/03/1960"));
  CHECK_FALSE(hasIdentityTrigger("ne - 145"));  // "136 - 145" misread
  CHECK(hasIdentityTrigger("Patient"));
  CHECK_FALSE(hasIdentityTrigger("Hémoglobine 13,2 g/dL"));
}

TEST_CASE("caption evasions: zero-width, full-width and look-alike letters are folded", "[rules][caption]") {
  // zero-width spaces inside a NIR
  const std::string nir =
      "NIR 2\xE2\x80\x8B"
      "95\xE2\x80\x8B"
      "10\xE2\x80\x8B"
      "99126111\xE2\x80\x8C"
      "93 merci";
  auto spans = findPhiSpans(nir);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].category == "nir");
  CHECK(spans[0].begin <= nir.find("2\xE2\x80\x8B"));
  CHECK(nir.compare(spans[0].end - 2, 2, "93") == 0);  // ends on the key, in the original offsets
  // full-width phone digits
  const std::string phone = "appelez le \xEF\xBC\x90\xEF\xBC\x96 12 34 56 78";
  spans = findPhiSpans(phone);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].category == "phone");
  CHECK(spans[0].begin == phone.find("\xEF\xBC\x90"));
  CHECK(spans[0].end == phone.size());
  // "М. Duрont" with Cyrillic М and р
  const std::string name = "vu par \xD0\x9C. Du\xD1\x80ont hier";
  spans = findPhiSpans(name);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].category == "name");
  // (the title is masked with the name it opens)
  CHECK(name.substr(spans[0].begin, spans[0].end - spans[0].begin) == "\xD0\x9C. Du\xD1\x80ont");
  // bidirectional override inside a date
  const std::string date =
      "le 12/\xE2\x80\xAE"
      "03/1961";
  spans = findPhiSpans(date);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].category == "date");
}

TEST_CASE("normalisation maps folded bytes back to the original", "[rules][caption]") {
  const std::string s =
      "a\xE2\x80\x8B"
      "b\xEF\xBC\x91";
  const NormalisedText n = normaliseForMatching(s);
  CHECK(n.text == "ab1");
  CHECK(n.originalBegin(1) == 4);
  CHECK(n.originalEnd(3) == s.size());
  const std::string digits(1000, '5');
  const NormalisedText d = normaliseForMatching("x" + digits + "y");
  CHECK(d.text.size() == 50);
  CHECK(d.originalEnd(49) == 1001);
}

TEST_CASE("caption classifier is linear: 100 kB hostile inputs in well under a second each", "[rules][caption]") {
  auto repeat = [](const std::string& unit, std::size_t size) {
    std::string out;
    while (out.size() < size) out += unit;
    return out;
  };
  for (const std::string& text : {repeat("M. ", 100000), repeat("Dupont ", 100000), std::string(100000, '7'),
                                  repeat("Dr ", 100000), repeat("Le ", 100000)}) {
    const auto start = std::chrono::steady_clock::now();
    const auto spans = findPhiSpans(text);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(text.substr(0, 10) << ": " << seconds << " s");
    CHECK(seconds < 2.0);  // generous bound (about 0.03 s on the project machine; it was 7 s before)
  }
}

TEST_CASE("medpics caption: spans in original offsets, JSON, exit codes", "[rules][caption][cli]") {
  const std::string bin = std::string(MEDPICS_BIN_DIR) + "/medpics caption ";
  // "М. Duрont" with Cyrillic letters and a NIR with a zero-width space, through stdin
  const auto hit = medpics::test::runCommand(
      "printf 'vu par \\320\\234. Du\\321\\200ont NIR 2\\342\\200\\21395109912611193' | " + bin + "--json -");
  CHECK(hit.code == 1);
  const auto j = nlohmann::json::parse(hit.out);
  REQUIRE(j["spans"].size() == 2);
  CHECK(j["spans"][0]["category"] == "name");
  CHECK(j["spans"][0]["begin"] == 7);  // the title with the name
  CHECK(j["spans"][0]["text"] == "\xD0\x9C. Du\xD1\x80ont");
  CHECK(j["spans"][1]["category"] == "nir");
  CHECK(j["masked"] == "vu par [\xE2\x80\xA6] [\xE2\x80\xA6]");
  const auto clean = medpics::test::runCommand("printf 'Lésion de 8 mm, HTA, STEMI' | " + bin + "-");
  CHECK(clean.code == 0);
  CHECK(clean.out.empty());
  CHECK(medpics::test::runCommand(bin + "/tmp 2>/dev/null").code == 2);       // a directory
  CHECK(medpics::test::runCommand(bin + "/dev/zero 2>/dev/null").code == 2);  // not a regular file
  CHECK(medpics::test::runCommand(bin + "2>/dev/null").code == 2);            // no input
}

// Seed 6607 (session 10): a fine line cut by a tile's edge read "38/2023 à 10h2&" for "27/08/2023 à 10h28"; numbers
// and "à" made it benign. One or two digits and a 19xx / 20xx year after a slash are a date, or what is left of one.
TEST_CASE("a date cut short by a tile (38/2023) is a date, ratios and ranges are not", "[rules]") {
  for (const char* text : {"38/2023 à 10h2&", "12/2023", "7.2024"}) {
    INFO(text);
    const LineVerdict v = classifyLine(text, 0.81f);
    CHECK(v.phi);
    CHECK(v.category == "date");
  }
  for (const char* text : {"120/80 mmHg", "3,5 - 5,1 mmol/L", "25 mm/s 10 mm/mV"}) {
    INFO(text);
    CHECK_FALSE(classifyLine(text, 0.9f).phi);
  }
}

// Seed 6607 (session 11): a 10 px birth date on a label read "14/11/1062" at 0.50 was declared benign (three numbers).
// Seed 7717 (session 12): an 8 px birth date "08/02/1939" read "ete) Le : 60/02/1908" at 0.65, benign (day 60).
// Two groups, one of them a month, then four digits, slashed, is a date whatever the day or year OCR read; with a year
// of 19xx / 20xx, whatever the day and month (seed 9787, session 22: an 8 px "Examen du 28/10/2026" read "28/15/2026"),
// and with a day and a year one digit off 19xx / 20xx (seed 5839, session 27: a 9 px "Né(e) le : 19/12/1979" read
// "me(e) le : 19/22/2979" at 0.68, declared benign).
TEST_CASE("a slashed date with a misread year or day (14/11/1062, 60/02/1908) is a date, ratios and lab ranges are not",
          "[rules]") {
  for (const char* text : {"14/11/1062", "31/01/7985", "Né le 3/12/1O62 ", "ete) Le : 60/02/1908", "45/12/2024",
                           "Examen du 28/15/2026", "me(e) le : 19/22/2979", "19/22/2979"}) {
    INFO(text);
    const LineVerdict v = classifyLine(text, 0.5f);
    CHECK(v.phi);
    CHECK(v.category == "date");
  }
  for (const char* text :
       {"380/410 ms", "13.5-17.5 g/dL", "45/72/3024", "120/80/60", "QT/QTc 380/410 ms", "32/45/2979"}) {
    INFO(text);
    CHECK_FALSE(classifyLine(text, 0.9f).category == "date");
  }
}
