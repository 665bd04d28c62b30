// A row of print cut by the image's top or bottom edge, beside a header or footer that holds identity text.
#pragma once
#include "medpics/detect/finding.hpp"

#include <opencv2/core.hpp>

#include <vector>

namespace medpics::detect {

// Findings masking the rows of print that the image's top or bottom edge cut, above a header (below a footer) whose
// rows hold PHI. A page or an ECG turned by a degree or two before it was photographed or scanned keeps 1-5 px of
// its first row ("Nom : PRÉVOST^BRIGITTE" of 11 px print, 3 px visible): no reader outlines it, yet it may identify.
// For each edge, each block of text findings within three line heights of it (grouped where their extents, one line
// height beyond each end, overlap) that holds a PHI finding (masked, not "to-check"): in a band one line height deep
// along the edge, every text outline painted over with the paper, ink is told from paper by Otsu over the block's
// part of the band (which needs an ink contrast of 30 grey levels or more in `gray`, the image's grey copy with an
// ECG's grid faded); the ink components touching the edge's row are glyphs the edge cut. With three or more of them
// (narrower than two line heights each) within the block, the finding ("other-text", phi true, detector "frame-edge")
// spans them, those that go on along the edge across gaps of at most two line heights (the cut row is longer than those
// under it), and the block's PHI lines that reach within half a line height of the edge, as deep as the deepest piece,
// with a quarter line height of margin. Not glyphs: a piece as deep as the band (a grid line, a trace), and pieces
// holding under 0.3 of the columns of their extent (a faded grid's lines, one column in ten).
std::vector<Finding> rowsCutByFrame(const std::vector<Finding>& findings, const cv::Mat& gray);

// PHI text findings whose outline comes within half a line height of the image's top or bottom edge are extended to
// that edge over their own columns: the sliver between them and the edge can only hold the feet (or tops) of a row the
// edge cut, and a turned outline leaves a wedge of it uncovered (the feet of a 12 px "21/02/1957" cut by an ECG's top
// edge, 4 px deep, above the turned outline of the ward line under it: 0 % covered, too few pieces for the cut-row
// rule). An upright box moves its edge; a turned outline becomes the hull of its corners and of the points of the edge
// in their columns.
void extendToFrameEdge(std::vector<Finding>& findings, cv::Size image);

}  // namespace medpics::detect
