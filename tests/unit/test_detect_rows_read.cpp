// Unit tests of readRowByRow: uncertain text merging rows that finer findings read one by one is not masked again.
#include "medpics/detect/text_context.hpp"
#include "medpics/detect/text_rows_read.hpp"

#include "test_detect_support.hpp"

#include <catch2/catch.hpp>

using namespace medpics::detect;

TEST_CASE("uncertain text over two header rows that finer lines read one by one is to-check", "[detect][rules]") {
  const cv::Size image(3000, 2000);
  // an ECG header: the coarse pass merged the date row and the measurement row and read garbage
  std::vector<Finding> f = {
      medpics::test::textFinding(100, 100, 1300, 200, "FC Peso RS aT AD me", "other-text", true,
                                 0.3f),  // 0: coarse, two rows
      medpics::test::textFinding(110, 105, 1250, 95, "Date : 14/08/2024 13:18", "date", true, 0.9f),  // 1: row 1, PHI
      medpics::test::textFinding(110, 200, 1280, 95, "FC 62 bpm PR 160 ms QRS 90 ms", "benign", false,
                                 0.85f),  // 2: row 2, benign
  };
  resolveUncertainText(f, {0}, image, ImageKind::Ecg);
  CHECK_FALSE(f[0].phi);
  CHECK(f[0].category == kToCheckCategory);
  CHECK(f[1].phi);  // the date row keeps its own verdict

  // one row only read: the other may hold a name nobody read, the coarse region stays masked
  std::vector<Finding> one = {f[0], f[1]};
  one[0].phi = true;
  one[0].category = "other-text";
  resolveUncertainText(one, {0}, image, ImageKind::Ecg);
  CHECK(one[0].phi);

  // a row shown only (read badly, "to-check") does not count as read
  std::vector<Finding> weak = {one[0], f[1],
                               medpics::test::textFinding(110, 200, 1280, 95, "Wvw MMNM", "to-check", false, 0.3f)};
  resolveUncertainText(weak, {0}, image, ImageKind::Ecg);
  CHECK(weak[0].phi);

  // on a photo (labels, wristbands) uncertain text stays masked
  std::vector<Finding> photo = {one[0], f[1], f[2]};
  resolveUncertainText(photo, {0}, image, ImageKind::SkinPhoto);
  CHECK(photo[0].phi);
}

TEST_CASE("readRowByRow: rows of a rotated header measured by their polygons", "[detect][rules]") {
  // two rows rotated 2 degrees: their boxes are tall, their polygons thin
  Finding coarse = medpics::test::textFinding(100, 100, 1300, 200, "ze = ters", "other-text", true, 0.3f);
  Finding row1 = medpics::test::textFinding(100, 100, 1300, 140, "Nom : DUPONT Jean", "name", true, 0.9f);
  row1.polygon = {{{100, 195}}, {{100, 100}}, {{1400, 145}}, {{1400, 240}}};
  Finding row2 = medpics::test::textFinding(100, 195, 1300, 140, "Filtre 0,05-150 Hz", "benign", false, 0.85f);
  row2.polygon = {{{100, 290}}, {{100, 195}}, {{1400, 240}}, {{1400, 335}}};
  std::vector<Finding> f = {coarse, row1, row2};
  CHECK(readRowByRow(f, 0));
  // a single row, however well read, is not "row by row"
  std::vector<Finding> single = {coarse, row1};
  CHECK_FALSE(readRowByRow(single, 0));
  // a region as tall as its lines is not a merge of rows
  std::vector<Finding> flat = {medpics::test::textFinding(100, 100, 1300, 100, "ze", "other-text", true, 0.3f), row1,
                               row2};
  CHECK_FALSE(readRowByRow(flat, 0));
}
