// A region to mask on an image: geometry in integer image pixels, masking style, and review provenance.
#pragma once
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace medpics::mask {

enum class Shape { Rect, Ellipse, Polygon, Brush };
enum class Style { Solid, Mosaic, Blur };
enum class Origin { Auto, Manual };
enum class State { Accepted, Dismissed };

struct Region {
  Shape shape = Shape::Rect;
  cv::Rect box;                   // Rect / Ellipse: the shape's box; Brush: bounds of `brush`
  std::vector<cv::Point> points;  // Polygon vertices
  cv::Mat1b brush;                // Brush: 255 = masked, size == box.size()
  Style style = Style::Solid;
  Origin origin = Origin::Manual;
  State state = State::Accepted;
  std::string kind, category, text;  // for automatic findings
  double confidence = 1.0;

  cv::Rect bounds() const;  // integer bounding box of the masked pixels
  bool masks() const { return state == State::Accepted; }
};

const char* toString(Shape s);
const char* toString(Style s);
Style styleFromString(const std::string& s);  // throws std::invalid_argument

// JSON in the decision / CLI format of docs/platform-api.md ("shape", "box", "points", "rle", "style", ...).
nlohmann::json toJson(const Region& r);
// Accepts {"box"}, {"ellipse"}, {"polygon"} (CLI shorthand) or the full decision form; throws std::invalid_argument.
Region regionFromJson(const nlohmann::json& j);

// Rasterises the region into a mask of the image size (255 inside), exact to the pixel.
void rasterize(const Region& r, cv::Mat1b& mask);
// Same over the region's own area only: returns area = bounds() & image and makes `local` an area-sized mask holding
// exactly the pixels rasterize() would set there on an image of `imageSize` (cheaper on large images).
cv::Rect rasterizeLocal(const Region& r, cv::Size imageSize, cv::Mat1b& local);

}  // namespace medpics::mask
