// Uncertain text spanning several rows whose rows were each read by finer findings.
#pragma once
#include "medpics/detect/finding.hpp"

#include <opencv2/core.hpp>

#include <cstddef>
#include <vector>

namespace medpics::detect {

// True when findings[i] (uncertain text, box-only or rotated) spans at least two rows that other, finer text findings
// read one by one: findings whose own line is at most 3/4 of findings[i]'s height, that are masked (phi) or were read
// confidently (≥ 0.6), whose centres lie on two rows or more, and whose outlines (polygon when given, else box) cover
// at least `minCoverage` of findings[i]'s box. A coarse region that merged two header rows and read them as garbage
// then adds nothing: each row keeps its own verdict (a name or a date read there stays masked).
// The height of a finding's line with its margins: the short side of its polygon's rotated rectangle, else its box
// height (the box of a long turned line is much taller than the line).
double lineHeight(const Finding& f);
// The corners of a finding's outline: its polygon, else its box's (inclusive pixel coordinates).
std::vector<cv::Point> outlineCorners(const Finding& f);

bool readRowByRow(const std::vector<Finding>& findings, std::size_t i, double minCoverage = 0.75);

}  // namespace medpics::detect
