// MediaPipe BlazeFace (back, 256x256) through OpenCV DNN: NHWC input built by hand, 896 anchors, sigmoid scores,
// run on the whole image and on overlapping square tiles at halving scales so that small faces are seen.
#include "medpics/detect/faces.hpp"

#include "medpics/detect/models.hpp"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace medpics::detect {
namespace {

constexpr int kInput = 256;

// Anchor centre (normalised) of prediction i: 16x16 grid x 2 anchors, then 8x8 grid x 6 anchors.
cv::Point2f anchor(int i) {
  if (i < 512) {
    const int cell = i / 2;
    return {(cell % 16 + 0.5f) / 16.f, (cell / 16 + 0.5f) / 16.f};
  }
  const int cell = (i - 512) / 6;
  return {(cell % 8 + 0.5f) / 8.f, (cell / 8 + 0.5f) / 8.f};
}

}  // namespace

std::vector<FaceCandidate> blazeFaceSquare(const cv::Mat& squareBgr, const std::string& modelPath, float threshold) {
  std::vector<FaceCandidate> out;
  if (modelPath.empty() || squareBgr.empty()) return out;
  cv::Mat resized, rgb, input;
  cv::resize(squareBgr, resized, {kInput, kInput}, 0, 0, squareBgr.cols > kInput ? cv::INTER_AREA : cv::INTER_LINEAR);
  cv::cvtColor(resized, rgb, cv::COLOR_BGR2RGB);
  rgb.convertTo(input, CV_32FC3, 1.0 / 127.5, -1.0);
  const int shape[] = {1, kInput, kInput, 3};
  cv::Mat blob(4, shape, CV_32F, input.data);  // a continuous HxWx3 float image is exactly NHWC

  cv::dnn::Net& net = threadNetwork(modelPath);
  net.setInput(blob);
  std::vector<cv::Mat> outputs;
  net.forward(outputs, net.getUnconnectedOutLayersNames());

  const float* scores[2] = {nullptr, nullptr};  // [0]: 512 predictions, [1]: 384
  const float* boxes[2] = {nullptr, nullptr};
  for (const cv::Mat& o : outputs) {
    const int n = o.dims >= 3 ? o.size[1] : o.size[0];
    const int c = int(o.total() / std::max(1, n));
    const int slot = n == 512 ? 0 : n == 384 ? 1 : -1;
    if (slot < 0) continue;
    (c == 1 ? scores : boxes)[slot] = o.ptr<float>();
  }
  if (!scores[0] || !scores[1] || !boxes[0] || !boxes[1]) return out;

  const float side = float(squareBgr.cols);
  for (int i = 0; i < 896; ++i) {
    const int slot = i < 512 ? 0 : 1;
    const int k = i < 512 ? i : i - 512;
    const float raw = std::clamp(scores[slot][k], -80.f, 80.f);
    const float score = 1.f / (1.f + std::exp(-raw));
    if (score < threshold) continue;
    const float* r = boxes[slot] + 16 * k;
    const cv::Point2f a = anchor(i);
    const float cx = a.x + r[0] / kInput, cy = a.y + r[1] / kInput, w = r[2] / kInput, h = r[3] / kInput;
    if (w <= 0 || h <= 0) continue;
    out.push_back({cv::Rect2f((cx - w / 2) * side, (cy - h / 2) * side, w * side, h * side), score, "blazeface"});
  }
  return out;
}

std::vector<FaceCandidate> blazeFaceTiles(const cv::Mat& bgr, const FaceOptions& options,
                                          const util::CancelToken& cancel) {
  std::vector<FaceCandidate> all;
  if (options.modelPath.empty() || bgr.empty()) return all;
  const int longSide = std::max(bgr.cols, bgr.rows);
  int tiles = 0;
  for (int side = longSide; tiles < options.maxTiles; side /= 2) {
    const int stride = side == longSide ? side : side * 4 / 5;
    const int nx = side >= bgr.cols ? 1 : 1 + (bgr.cols - side + stride - 1) / stride;
    const int ny = side >= bgr.rows ? 1 : 1 + (bgr.rows - side + stride - 1) / stride;
    if (side != longSide && (side < options.minTileSide || tiles + nx * ny > options.maxTiles)) break;
    // One resize per scale: the level image is the whole image scaled so that a tile becomes 256 px.
    const double scale = std::min(1.0, double(kInput) / side);
    cv::Mat level;
    if (scale < 1.0)
      cv::resize(bgr, level, {}, scale, scale, cv::INTER_AREA);
    else
      level = bgr;
    const int tile = std::min(kInput, int(std::lround(side * scale)));
    // Fine scales (quarter of the long side and below) only where some skin colour is present.
    cv::Mat skin;
    if (options.skinGateFineTiles && side * 4 <= longSide * 1 + 3) skin = skinMask(level);
    for (int ty = 0; ty < ny; ++ty)
      for (int tx = 0; tx < nx; ++tx) {
        if (cancel.cancelled()) return all;
        const int x0 = std::min(int(std::lround(tx * stride * scale)), std::max(0, level.cols - tile));
        const int y0 = std::min(int(std::lround(ty * stride * scale)), std::max(0, level.rows - tile));
        const cv::Rect roi = cv::Rect(x0, y0, tile, tile) & cv::Rect(0, 0, level.cols, level.rows);
        if (!skin.empty() && cv::countNonZero(skin(roi)) < 0.02 * roi.area()) continue;
        cv::Mat square;
        cv::copyMakeBorder(level(roi), square, 0, tile - roi.height, 0, tile - roi.width, cv::BORDER_CONSTANT,
                           cv::Scalar(0, 0, 0));
        for (auto c : blazeFaceSquare(square, options.modelPath, options.blazeThreshold)) {
          all.push_back({cv::Rect2f(float((c.box.x + x0) / scale), float((c.box.y + y0) / scale),
                                    float(c.box.width / scale), float(c.box.height / scale)),
                         c.score, c.source});
        }
        ++tiles;
      }
    if (side <= options.minTileSide) break;
  }
  return all;
}

}  // namespace medpics::detect
