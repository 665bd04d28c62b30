// Label rules: text beside a barcode is masked up to the code (code_labels.hpp); a field label between two PHI
// findings of its row is masked with them, two pieces of one value are bridged, and a PHI outline through print masks
// its box (text_trim.hpp).
#include "medpics/detect/code_labels.hpp"
#include "medpics/detect/text_context.hpp"
#include "medpics/detect/text_trim.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

using namespace medpics::detect;

namespace {

Finding code(const char* detector, Box box) {
  Finding f;
  f.kind = Kind::Barcode;
  f.category = std::string(detector) == "zxing-cpp" ? "qr" : "unreadable-code";
  f.detector = detector;
  f.box = box;
  return f;
}

// A text finding with a box only (an upright line).
Finding uprightText(const char* category, bool phi, Box box) {
  Finding f;
  f.kind = Kind::Text;
  f.category = category;
  f.phi = phi;
  f.box = box;
  return f;
}

Finding text(const char* category, bool phi, Box box) {
  Finding f = uprightText(category, phi, box);
  f.polygon = {{{box.x, box.y}}, {{box.x + box.w, box.y}}, {{box.x + box.w, box.y + box.h}}, {{box.x, box.y + box.h}}};
  return f;
}

}  // namespace

TEST_CASE("label area: a decoded code or undecoded bars, never a matrix-localiser square", "[rules][codes]") {
  const Box qr{900, 240, 120, 120};
  const cv::Rect area = codeLabelArea(code("zxing-cpp", qr));
  CHECK(area.contains({900 - 290, 300}));  // left of the code, within twice its height plus half its width
  CHECK_FALSE(area.contains({900 - 310, 300}));
  CHECK(area.contains({960, 240 - 70}));  // above, within half its height plus a tenth of its width
  CHECK_FALSE(area.contains({960, 240 - 80}));
  const cv::Rect pdf417 = codeLabelArea(code("zxing-cpp", {748, 229, 446, 148}));
  CHECK_FALSE(pdf417.contains({300, 570}));  // the analyte table under a wide code is no label
  CHECK(pdf417.contains({300, 300}));
  CHECK_FALSE(codeLabelArea(code("bar-localiser", {100, 100, 80, 40})).empty());
  CHECK(codeLabelArea(code("matrix-localiser", qr)).empty());
  CHECK(codeLabelArea(text("name", true, qr)).empty());
  CHECK(onCodeLabel({code("zxing-cpp", qr)}, {800, 250, 60, 10}));
  CHECK_FALSE(onCodeLabel({code("zxing-cpp", qr)}, {300, 250, 60, 10}));
}

TEST_CASE("label rule: to-check text and digits on a label are masked, PHI lines beside the code reach it",
          "[rules][codes]") {
  const std::vector<Finding> codes{code("bar-localiser", {1560, 455, 100, 55})};
  std::vector<Finding> findings{
      text("name", true, {1424, 460, 104, 24}),            // cut short before its last word: extended to the code
      text(kToCheckCategory, false, {1425, 490, 60, 22}),  // garbage on the label: masked
      text(kToCheckCategory, false, {400, 900, 60, 22}),   // elsewhere on the page: unchanged
      text("date", true, {1420, 380, 80, 20}),             // above the code's rows: not extended
      text("benign", false, {1680, 470, 60, 20}),          // a benign word right of the code: unchanged
      text("benign", false, {1425, 515, 60, 20}),          // digits read as benign on the label: masked
  };
  findings[4].text = "Tube";
  findings[5].text = "| 2500/1075";  // 25/09/1975 garbled (seed 6262 image 9, session 14)
  maskCodeLabels(findings, codes);
  REQUIRE(findings[0].box);
  CHECK(findings[0].box->x == 1424);
  CHECK(findings[0].box->x + findings[0].box->w == 1560);
  CHECK(findings[0].polygon.empty());
  CHECK(findings[1].phi);
  CHECK(findings[1].category == "other-text");
  CHECK(findings[1].box->x + findings[1].box->w == 1560);
  CHECK_FALSE(findings[2].phi);
  CHECK(findings[2].category == kToCheckCategory);
  CHECK(findings[3].box->w == 80);
  CHECK_FALSE(findings[4].phi);
  CHECK(findings[4].box->x == 1680);
  CHECK(findings[5].phi);
  CHECK(findings[5].category == "other-text");
  // a range of decimal reference values under the code stays benign; a garbled line of clinical-looking words is
  // masked (an 8 px "Né(e) le : 28/07/1981" on a sticker read "metal de CT", seed 3187)
  std::vector<Finding> page{text(kToCheckCategory, false, {1300, 460, 250, 30}),
                            text("benign", false, {1425, 515, 100, 20})};
  page[0].text = "metal de CT";
  page[1].text = "12,0 - 16,0";
  maskCodeLabels(page, codes);
  CHECK(page[0].phi);
  CHECK_FALSE(page[1].phi);
}

TEST_CASE("a label line outlined from its middle starts at the margin of the label's lines", "[rules][codes]") {
  // seed 2377 image 17 (session 21): a 9 px "IPP 8097363965" left of a Code 93, of which the small-text pass outlined
  // "Le" (13 x 6 px) from its fourth character; the masked name and unread line above it start 14 px further left
  const std::vector<Finding> codes{code("zxing-cpp", {1764, 486, 460, 207})};
  std::vector<Finding> findings{
      text("name", true, {1653, 475, 121, 24}),        // LAMBERT Stéphane
      text("other-text", true, {1654, 492, 110, 18}),  // the birth date, read as nothing
      text("other-text", true, {1699, 509, 13, 10}),   // the IPP's fragment
      text("benign", false, {1500, 520, 60, 10}),      // a benign word further left: no margin
      text("other-text", true, {1740, 560, 20, 10}),   // far under the block (five line heights): unchanged
  };
  maskCodeLabels(findings, codes);
  REQUIRE(findings[2].box);
  CHECK(findings[2].box->x == 1653);                       // the block's margin (the unread line's, then the name's)
  CHECK(findings[2].box->x + findings[2].box->w == 1764);  // and up to the code
  CHECK(findings[4].box->x == 1740);
  // a line read with a PHI span starts at its value: its label, left out of the mask, stays visible
  std::vector<Finding> trimmed{text("name", true, {1653, 475, 121, 24}), text("date", true, {1710, 502, 50, 10})};
  maskCodeLabels(trimmed, codes);
  CHECK(trimmed[1].box->x == 1710);
  // a neighbour six line heights further left or more is another column: no margin taken from it
  std::vector<Finding> columns{text("name", true, {1600, 475, 60, 10}), text("other-text", true, {1699, 488, 13, 10})};
  maskCodeLabels(columns, codes);
  CHECK(columns[1].box->x == 1699);
}

TEST_CASE("an unread line beside a PHI line read poorly is in an identity block for the unreadable-line rule",
          "[rules]") {
  // seed 2377 image 9 (session 21): a sticker's name read at 0.37 and IPP at 0.39 are no anchors for uncertain text
  // (kAnchorConfidence), but the IPP line under them, read as nothing, is masked beside them
  Finding name = text("name", true, {626, 200, 109, 30});
  name.confidence = 0.37f;
  const cv::Rect unread(645, 236, 84, 23);
  CHECK_FALSE(nextToIdentityLine({name}, unread));
  CHECK(nextToIdentityLine({name}, unread, kUnreadableAnchorConfidence));
  name.confidence = 0.25f;  // weaker still: no anchor
  CHECK_FALSE(nextToIdentityLine({name}, unread, kUnreadableAnchorConfidence));
  name.confidence = 0.9f;
  name.category = "other-text";  // uncertain text is never an anchor
  CHECK_FALSE(nextToIdentityLine({name}, unread, kUnreadableAnchorConfidence));
}

TEST_CASE("a phone label between two PHI findings of its row is masked with them, a leading label is not", "[rules]") {
  // "33000 Bordeaux - Tél. 05 56 79 56 79": the address (coarse pass), then "Tél." left out of the phone's mask
  std::vector<Finding> findings{uprightText("address", true, {359, 561, 338, 68}),
                                uprightText("phone", true, {790, 553, 306, 54})};
  std::vector<Finding> labels{uprightText("benign", false, {709, 559, 92, 49}),
                              uprightText("benign", false, {392, 836, 210, 52}),    // "Prélevé le", alone on its row
                              uprightText("benign", false, {219, 1445, 105, 47})};  // "Né(e) le" after a name
  labels[0].text = "- Tél.";
  labels[1].text = "Prélevé le";
  labels[2].text = "Né(e) le";
  findings.push_back(uprightText("date", true, {620, 832, 200, 51}));
  // "Brunet, Inès   Né(e) le 19/04/1962" on an ECG (session 37): the name's loose coarse outline reaches the label
  findings.push_back(uprightText("name", true, {0, 1438, 220, 60}));
  findings.push_back(uprightText("date", true, {326, 1445, 155, 47}));
  maskLabelsBetweenValues(findings, labels);
  REQUIRE(labels.size() == 2);
  CHECK(labels[0].box->y == 836);  // the leading label stays a dismissed outline
  CHECK(labels[1].box->y == 1445);  // and a birth-date label between a name and its date
  CHECK(findings[4].box->x == 326);
  const Box phone = *findings[1].box;
  CHECK(phone.x <= 359 + 338);  // from the address's end
  CHECK(phone.x + phone.w == 790 + 306);
  CHECK(findings[2].box->x == 620);  // the date after its leading label is unchanged
}

TEST_CASE("two PHI findings of one row a few pixels apart are bridged, findings farther apart or on other rows are not",
          "[rules]") {
  // "07/01/2026 14:15" (43 px print turned 2.4 degrees) outlined as "07/01/20" by the coarse pass (a fat rotated
  // outline) and "14:19" by the small-text pass: the "26" between them was in neither mask
  Finding left = uprightText("date", true, {51, 368, 287, 94});
  left.polygon = {{51, 379}, {334, 367}, {338, 451}, {55, 463}};
  std::vector<Finding> findings{left, uprightText("date", true, {355, 377, 165, 40}),
                                uprightText("name", true, {600, 380, 100, 40}),    // 80 px after the time: another value
                                uprightText("benign", false, {530, 380, 60, 40}),  // benign words are never bridged
                                uprightText("id", true, {200, 470, 100, 40})};     // on the next row
  bridgeSplitValues(findings);
  const Box time = *findings[1].box;
  CHECK(time.x <= 338);                    // grown over the gap to the left value's end
  CHECK(time.x + time.w == 355 + 165);     // not past its own end
  CHECK(findings[1].polygon.size() >= 4);  // the hull of the two outlines' facing parts
  CHECK(findings[2].box->x == 600);        // 80 px > 3/4 of a line height: apart
  CHECK(findings[3].box->x == 530);
  CHECK(findings[4].box->x == 200);
  CHECK(findings[0].box->x == 51);  // the left value is unchanged
}

TEST_CASE("a sliver between two stacked PHI rows is bridged, a row in between or a label beside them is not",
          "[rules]") {
  // a bordered block turned by a degree: the first row's outline ends 4 px above the next one's; the 9 px date read
  // with neither lay across the gap
  Finding upper = uprightText("other-text", true, {924, 262, 196, 34});
  upper.polygon = {{924, 271}, {1117, 262}, {1118, 286}, {926, 295}};
  Finding lower = uprightText("other-text", true, {926, 292, 100, 32});
  lower.polygon = {{926, 299}, {1023, 292}, {1025, 316}, {928, 323}};
  std::vector<Finding> findings{upper, lower, uprightText("benign", false, {317, 282, 637, 68})};  // a title beside
  bridgeStackedValues(findings);
  CHECK(findings[1].box->y <= 291);  // grown up to the upper outline's bottom edge
  CHECK(findings[1].box->x == 926);  // over its own columns only
  CHECK(findings[1].box->w <= 101);
  CHECK(findings[0].box->y == 262);  // the wider one is unchanged
  CHECK(findings[2].box->y == 282);

  // name / "Né(e) le" + date / IPP: the name and the IPP are 8 px apart across the date's row, which lies between them
  std::vector<Finding> rows{uprightText("name", true, {81, 92, 120, 25}), uprightText("id", true, {81, 125, 120, 26}),
                            uprightText("benign", false, {93, 108, 53, 26}),
                            uprightText("date", true, {139, 108, 82, 26})};
  bridgeStackedValues(rows);
  CHECK(rows[1].box->y == 125);
  CHECK(rows[0].box->y + rows[0].box->h == 117);

  // two values farther apart than half a line height stay as they are
  std::vector<Finding> apart{uprightText("name", true, {100, 100, 200, 30}),
                             uprightText("date", true, {100, 150, 120, 30})};
  bridgeStackedValues(apart);
  CHECK(apart[1].box->y == 150);

  // two upright values 4 px apart: the bridged one stays an upright box (no outline), which the upright-line rules
  // (extendOverLineEnds) still apply to
  std::vector<Finding> upright{uprightText("hospital", true, {100, 100, 200, 30}),
                               uprightText("id", true, {100, 134, 120, 30})};
  bridgeStackedValues(upright);
  CHECK(upright[1].box->y <= 130);  // grown up to the upper box
  CHECK(upright[1].polygon.empty());
}

TEST_CASE("the print of a line goes on past its outline up to a word space, the next outline or a rule", "[rules]") {
  cv::Mat gray(60, 500, CV_8U, cv::Scalar(235));
  cv::putText(gray, "7070519706   Service", {40, 35}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(20), 1, cv::LINE_AA);
  int baseline = 0;
  const int digitsEnd = 40 + cv::getTextSize("7070519706", cv::FONT_HERSHEY_SIMPLEX, 0.6, 1, &baseline).width;
  const cv::Rect firstHalf(36, 14, 70, 28);  // the network outlined the first five digits
  const cv::Range span = printedSpan(gray, firstHalf, {});
  CHECK(span.start == 36);           // nothing before the line
  CHECK(span.end >= digitsEnd - 2);  // over the last five digits
  CHECK(span.end < digitsEnd + 10);  // not over the word after the gap
  // an outline of the rest of the row stops it where that outline starts
  const cv::Range stopped = printedSpan(gray, firstHalf, {cv::Rect(120, 16, 60, 26)});
  CHECK(stopped.end <= 120);
  // a rule under the line's middle runs on without a gap: that end stays
  cv::line(gray, {106, 28}, {480, 28}, cv::Scalar(20), 2);
  CHECK(printedSpan(gray, firstHalf, {}).end == firstHalf.br().x);
}

TEST_CASE("label rule with the image: a PHI line's box grows over the glyphs it cuts, not over its neighbours",
          "[rules][codes]") {
  cv::Mat gray(200, 400, CV_8U, cv::Scalar(235));
  cv::putText(gray, "GIRARD Noel", {40, 80}, cv::FONT_HERSHEY_SIMPLEX, 0.5, cv::Scalar(20), 1, cv::LINE_AA);
  cv::putText(gray, "Laboratoire", {40, 50}, cv::FONT_HERSHEY_SIMPLEX, 0.5, cv::Scalar(20), 1, cv::LINE_AA);
  cv::rectangle(gray, cv::Rect(30, 20, 180, 90), cv::Scalar(20), 1);  // the sticker's frame
  const std::vector<Finding> codes{code("bar-localiser", {160, 66, 40, 30})};
  // the name's box stops 4 px under the tops of its capitals (about 10 px high: 70-80)
  std::vector<Finding> findings{uprightText("name", true, {40, 74, 100, 10}),
                                uprightText("benign", false, {40, 38, 100, 14})};
  maskCodeLabels(findings, codes, gray);
  REQUIRE(findings[0].box);
  CHECK(findings[0].box->y <= 71);                        // over the capitals' tops
  CHECK(findings[0].box->y >= 55);                        // not over the line above
  CHECK(findings[0].box->x + findings[0].box->w == 160);  // and to the code, as before
  CHECK(findings[1].box->y == 38);                        // benign lines are not grown
  std::vector<Finding> withoutImage{uprightText("name", true, {40, 74, 100, 10})};
  maskCodeLabels(withoutImage, codes);
  CHECK(withoutImage[0].box->y == 74);
}

TEST_CASE("a PHI outline that runs through print masks its box, an outline in the blank around its line stays",
          "[rules]") {
  cv::Mat gray(200, 600, CV_8U, cv::Scalar(235));
  cv::putText(gray, "Urgences adultes, CHRU de Strasbourg", {40, 70}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(20), 2,
              cv::LINE_AA);
  cv::putText(gray, "FC 61 bpm  PR 160 ms  QRS 90 ms", {40, 110}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(20), 2,
              cv::LINE_AA);
  // a region merged across the two rows, outlined turned: its top edge crosses the upper row's glyphs
  Finding merged = uprightText("other-text", true, {40, 40, 500, 90});
  merged.polygon = {{40, 45}, {540, 80}, {540, 130}, {40, 95}};
  // the upper row outlined in the blank around it (turned half a degree)
  Finding ward = uprightText("address", true, {36, 44, 520, 36});
  ward.polygon = {{36, 46}, {556, 44}, {556, 78}, {36, 80}};
  // a benign line's outline through print is left alone (it masks nothing)
  Finding benign = uprightText("benign", false, {40, 40, 500, 90});
  benign.polygon = merged.polygon;
  // the page's other rows are upright (long lines without an outline): the merged outline is turned off the rows
  std::vector<Finding> findings{merged, ward, benign, uprightText("benign", false, {40, 140, 400, 30}),
                                uprightText("benign", false, {40, 170, 400, 30})};
  boxOutlinesThroughPrint(findings, gray);
  CHECK(findings[0].polygon.empty());
  CHECK(findings[0].box->x == 40);
  CHECK(findings[0].box->y == 40);
  CHECK(findings[0].box->y + findings[0].box->h >= 130);
  CHECK(findings[1].polygon.size() == 4);
  CHECK(findings[2].polygon.size() == 4);
  // on a page whose rows run as the outline does (two other long lines turned 4 degrees), the print on its edges is
  // the neighbouring rows': the outline stays
  Finding row1 = uprightText("benign", false, {40, 140, 500, 60}),
          row2 = uprightText("benign", false, {40, 170, 500, 60});
  row1.polygon = {{40, 145}, {540, 180}, {540, 195}, {40, 160}};
  row2.polygon = {{40, 175}, {540, 210}, {540, 225}, {40, 190}};
  std::vector<Finding> alongRows{merged, row1, row2};
  boxOutlinesThroughPrint(alongRows, gray);
  CHECK(alongRows[0].polygon.size() == 4);
  // the large lines of a turned wristband are three times as long as high: they give the rows' direction too
  Finding big1 = uprightText("benign", false, {40, 140, 300, 130}),
          big2 = uprightText("benign", false, {40, 250, 300, 130});
  big1.polygon = {{40, 145}, {340, 166}, {340, 266}, {40, 245}};
  big2.polygon = {{40, 255}, {340, 276}, {340, 376}, {40, 355}};
  std::vector<Finding> alongLargeRows{merged, big1, big2};
  boxOutlinesThroughPrint(alongLargeRows, gray);
  CHECK(alongLargeRows[0].polygon.size() == 4);
  // two lines not much longer than high give no direction: the outline is boxed as on an upright page
  big1.polygon = {{40, 145}, {240, 159}, {240, 299}, {40, 285}};
  big2.polygon = {{40, 255}, {240, 269}, {240, 409}, {40, 395}};
  std::vector<Finding> squareRows{merged, big1, big2};
  boxOutlinesThroughPrint(squareRows, gray);
  CHECK(squareRows[0].polygon.empty());
}

TEST_CASE("a PHI line's box goes on over the rest of its line, up to a word space, the next finding or a rule",
          "[rules]") {
  cv::Mat gray(210, 700, CV_8U, cv::Scalar(235));
  // 16 px digits (FONT_HERSHEY_SIMPLEX 0.6): the finding of each row covers its first characters only
  cv::putText(gray, "IPP 8390031677", {40, 40}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(20), 1, cv::LINE_AA);
  cv::putText(gray, "12/03/1961      Service", {40, 90}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(20), 1, cv::LINE_AA);
  cv::putText(gray, "DURAND Jean", {40, 140}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(20), 1, cv::LINE_AA);
  cv::line(gray, {131, 135}, {600, 135}, cv::Scalar(20), 2);  // a rule running on from the name's middle
  // a right-aligned ward outlined from its fourth letter on, 14 px (a wide word space) after a benign "CHU"
  int baseline = 0;
  const int chuEnd = 300 + cv::getTextSize("CHU", cv::FONT_HERSHEY_SIMPLEX, 0.6, 1, &baseline).width;
  cv::putText(gray, "CHU", {300, 190}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(20), 1, cv::LINE_AA);
  cv::putText(gray, "Service de radiologie", {chuEnd + 14, 190}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(20), 1,
              cv::LINE_AA);
  const int wardStart = [&] {
    for (int x = chuEnd + 4; x < gray.cols; ++x)
      if (cv::countNonZero(gray(cv::Rect(x, 175, 1, 20)) < 128) > 0) return x;
    return gray.cols;
  }();
  std::vector<Finding> findings{uprightText("id", true, {37, 22, 80, 26}), uprightText("date", true, {37, 72, 60, 26}),
                                uprightText("name", true, {37, 122, 90, 26}),
                                uprightText("benign", false, {37, 22, 60, 26}),  // benign lines are never grown
                                uprightText("address", true, {wardStart + 30, 172, 200, 26})};
  // the date's row: "Service" read as benign, after a gap of six spaces
  findings.push_back(uprightText("benign", false, {200, 72, 70, 26}));
  const int imageEnd = [&] {  // the last inked column of the IPP line
    int last = 0;
    for (int x = 0; x < gray.cols; ++x)
      if (cv::countNonZero(gray(cv::Rect(x, 25, 1, 20)) < 128) > 0) last = x;
    return last;
  }();
  extendOverLineEnds(findings, gray);
  CHECK(findings[4].box->x <= wardStart);  // over "Ser"
  CHECK(findings[4].box->x > chuEnd);      // not over the word before the space
  // a line outlined from before the box into it (a title into a sticker's date beside it) stops it at its end
  std::vector<Finding> intoTheBox{uprightText("address", true, {wardStart + 30, 172, 200, 26}),
                                  uprightText("benign", false, {chuEnd - 40, 172, 100, 26})};
  extendOverLineEnds(intoTheBox, gray);
  CHECK(intoTheBox[0].box->x == wardStart + 30);
  CHECK(findings[0].box->x == 37);                            // nothing before the line
  CHECK(findings[0].box->x + findings[0].box->w > imageEnd);  // over "1677"
  CHECK(findings[0].box->x + findings[0].box->w < imageEnd + 10);
  const int dateEnd = findings[1].box->x + findings[1].box->w;
  CHECK(dateEnd > 97);              // over the rest of the date
  CHECK(dateEnd < 200);             // not over the word after the gap
  CHECK(findings[2].box->w == 90);  // the rule is no glyph
  CHECK(findings[3].box->w == 60);
  // a vertical sliver across large print (an unread strip of a title, seed 1637) ends above and below: not grown
  cv::Mat title(200, 700, CV_8U, cv::Scalar(235));
  cv::putText(title, "Laboratoire de biologie", {20, 120}, cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(20), 4,
              cv::LINE_AA);
  std::vector<Finding> sliver{uprightText("other-text", true, {200, 50, 14, 90})};
  extendOverLineEnds(sliver, title);
  CHECK(sliver[0].box->x == 200);
  CHECK(sliver[0].box->w == 14);
}

TEST_CASE("numbers read as benign right after a PHI value of their row go on with it, words and far numbers do not",
          "[rules]") {
  Finding date = uprightText("date", true, {127, 298, 348, 80});
  date.text = "08/03/2025";
  Finding time = uprightText("benign", false, {466, 319, 155, 62});  // "17:44" misread
  time.text = "1/:44";
  Finding settings = uprightText("benign", false, {500, 410, 200, 62});  // the next row
  settings.text = "120/80";
  Finding sex = uprightText("benign", false, {480, 300, 40, 62});  // a letter left out of the value
  sex.text = "M";
  Finding far = uprightText("benign", false, {700, 310, 100, 62});  // 225 px after the date: another field
  far.text = "12,5";
  std::vector<Finding> findings{date, time, settings, sex, far};
  maskValueContinuations(findings);
  CHECK(findings[1].phi);
  CHECK(findings[1].category == "date");
  CHECK_FALSE(findings[2].phi);
  CHECK_FALSE(findings[3].phi);
  CHECK_FALSE(findings[4].phi);
}

TEST_CASE("a benign line right after a PHI value ending with a comma goes on with it", "[rules]") {
  Finding ward = uprightText("other-text", true, {1301, 198, 386, 82});
  ward.text = "Cardiologie,";
  Finding rest = uprightText("benign", false, {1677, 224, 225, 49});
  rest.text = "unite 3R";
  Finding name = uprightText("name", true, {100, 198, 300, 82});
  name.text = "PETIT Théo";
  Finding after = uprightText("benign", false, {420, 210, 150, 60});  // no comma before it: a label stays visible
  after.text = "Né(e) le";
  std::vector<Finding> findings{ward, rest, name, after};
  maskValueContinuations(findings);
  CHECK(findings[1].phi);
  CHECK(findings[1].category == "other-text");
  CHECK_FALSE(findings[3].phi);
}
