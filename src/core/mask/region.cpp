// Region geometry, JSON mapping and rasterisation (the single definition of "which pixels a region covers").
#include "medpics/mask/region.hpp"

#include <opencv2/imgproc.hpp>

#include <stdexcept>

namespace medpics::mask {
using nlohmann::json;

namespace {
cv::Rect rectFrom(const json& j, const char* what) {
  if (!j.is_array() || j.size() != 4) throw std::invalid_argument(std::string(what) + " must be [x, y, w, h]");
  for (const auto& v : j)
    if (!v.is_number()) throw std::invalid_argument(std::string(what) + " must hold numbers");
  cv::Rect r(j[0].get<int>(), j[1].get<int>(), j[2].get<int>(), j[3].get<int>());
  if (r.width <= 0 || r.height <= 0) throw std::invalid_argument(std::string(what) + " must have a positive size");
  return r;
}

std::vector<cv::Point> pointsFrom(const json& j) {
  if (!j.is_array() || j.size() < 3) throw std::invalid_argument("polygon needs at least 3 points");
  std::vector<cv::Point> pts;
  for (const auto& p : j) {
    if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
      throw std::invalid_argument("polygon points must be [x, y]");
    pts.emplace_back(p[0].get<int>(), p[1].get<int>());
  }
  return pts;
}

// Run lengths of a binary mask, row-major, starting with a run of zeros.
json encodeRle(const cv::Mat1b& m) {
  json runs = json::array();
  bool value = false;
  int run = 0;
  for (int y = 0; y < m.rows; ++y)
    for (int x = 0; x < m.cols; ++x) {
      const bool v = m(y, x) != 0;
      if (v != value) {
        runs.push_back(run);
        run = 0;
        value = v;
      }
      ++run;
    }
  runs.push_back(run);
  return runs;
}

cv::Mat1b decodeRle(const json& runs, cv::Size size) {
  if (!runs.is_array()) throw std::invalid_argument("rle must be an array");
  cv::Mat1b m(size, 0);
  long long pos = 0, total = static_cast<long long>(size.area());
  bool value = false;
  for (const auto& r : runs) {
    if (!r.is_number_integer() || r.get<long long>() < 0) throw std::invalid_argument("rle runs must be integers >= 0");
    const long long n = r.get<long long>();
    if (pos + n > total) throw std::invalid_argument("rle runs exceed the box");
    if (value)
      for (long long i = pos; i < pos + n; ++i) m(static_cast<int>(i / size.width), static_cast<int>(i % size.width)) = 255;
    pos += n;
    value = !value;
  }
  if (pos != total) throw std::invalid_argument("rle runs do not cover the box");
  return m;
}
}  // namespace

cv::Rect Region::bounds() const {
  if (shape == Shape::Polygon) return cv::boundingRect(points);
  return box;
}

const char* toString(Shape s) {
  switch (s) {
    case Shape::Rect: return "rect";
    case Shape::Ellipse: return "ellipse";
    case Shape::Polygon: return "polygon";
    case Shape::Brush: return "mask";
  }
  return "rect";
}

const char* toString(Style s) {
  switch (s) {
    case Style::Solid: return "solid";
    case Style::Mosaic: return "mosaic";
    case Style::Blur: return "blur";
  }
  return "solid";
}

Style styleFromString(const std::string& s) {
  if (s == "solid") return Style::Solid;
  if (s == "mosaic") return Style::Mosaic;
  if (s == "blur") return Style::Blur;
  throw std::invalid_argument("unknown style '" + s + "' (solid, mosaic or blur)");
}

json toJson(const Region& r) {
  json j{{"shape", toString(r.shape)},
         {"style", toString(r.style)},
         {"origin", r.origin == Origin::Auto ? "auto" : "manual"},
         {"state", r.state == State::Accepted ? "accepted" : "dismissed"}};
  if (r.shape == Shape::Polygon) {
    json pts = json::array();
    for (const auto& p : r.points) pts.push_back({p.x, p.y});
    j["points"] = pts;
  } else {
    j["box"] = {r.box.x, r.box.y, r.box.width, r.box.height};
  }
  if (r.shape == Shape::Brush) j["rle"] = encodeRle(r.brush);
  if (!r.kind.empty()) j["kind"] = r.kind;
  if (!r.category.empty()) j["category"] = r.category;
  if (!r.text.empty()) j["text"] = r.text;
  if (r.origin == Origin::Auto) j["confidence"] = r.confidence;
  return j;
}

Region regionFromJson(const json& j) {
  if (!j.is_object()) throw std::invalid_argument("a region must be a JSON object");
  Region r;
  if (j.contains("polygon")) {
    r.shape = Shape::Polygon;
    r.points = pointsFrom(j["polygon"]);
  } else if (j.contains("ellipse")) {
    r.shape = Shape::Ellipse;
    r.box = rectFrom(j["ellipse"], "ellipse");
  } else {
    const std::string shape = j.contains("shape") && j["shape"].is_string() ? j["shape"].get<std::string>() : "rect";
    if (shape == "polygon") {
      r.shape = Shape::Polygon;
      r.points = pointsFrom(j.value("points", json()));
    } else {
      if (!j.contains("box")) throw std::invalid_argument("a region needs \"box\", \"ellipse\" or \"polygon\"");
      r.box = rectFrom(j["box"], "box");
      if (shape == "ellipse") r.shape = Shape::Ellipse;
      else if (shape == "mask") {
        r.shape = Shape::Brush;
        r.brush = decodeRle(j.value("rle", json()), r.box.size());
      } else if (shape != "rect") throw std::invalid_argument("unknown shape '" + shape + "'");
    }
  }
  if (j.contains("style")) {
    if (!j["style"].is_string()) throw std::invalid_argument("style must be a string");
    r.style = styleFromString(j["style"].get<std::string>());
  }
  if (j.value("origin", std::string("manual")) == "auto") r.origin = Origin::Auto;
  if (j.value("state", std::string("accepted")) == "dismissed") r.state = State::Dismissed;
  if (j.contains("kind") && j["kind"].is_string()) r.kind = j["kind"];
  if (j.contains("category") && j["category"].is_string()) r.category = j["category"];
  return r;
}

void rasterize(const Region& r, cv::Mat1b& mask) {
  const cv::Rect image(0, 0, mask.cols, mask.rows);
  switch (r.shape) {
    case Shape::Rect: {
      const cv::Rect clipped = r.box & image;
      if (clipped.area() > 0) mask(clipped).setTo(255);
      break;
    }
    case Shape::Ellipse: {
      // Pixel centres inside the ellipse inscribed in the box: exact and symmetric, unlike cv::ellipse.
      const cv::Rect clipped = r.box & image;
      const double cx = r.box.x + r.box.width / 2.0, cy = r.box.y + r.box.height / 2.0;
      const double rx = r.box.width / 2.0, ry = r.box.height / 2.0;
      for (int y = clipped.y; y < clipped.y + clipped.height; ++y)
        for (int x = clipped.x; x < clipped.x + clipped.width; ++x) {
          const double dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
          if (dx * dx + dy * dy <= 1.0) mask(y, x) = 255;
        }
      break;
    }
    case Shape::Polygon: {
      std::vector<std::vector<cv::Point>> polys{r.points};
      cv::fillPoly(mask, polys, cv::Scalar(255), cv::LINE_8);
      break;
    }
    case Shape::Brush: {
      const cv::Rect clipped = r.box & image;
      if (clipped.area() == 0 || r.brush.empty()) break;
      const cv::Rect inBrush(clipped.x - r.box.x, clipped.y - r.box.y, clipped.width, clipped.height);
      cv::Mat1b target = mask(clipped);
      cv::bitwise_or(target, r.brush(inBrush), target);
      break;
    }
  }
}

}  // namespace medpics::mask
