// Region geometry, JSON mapping and rasterisation (the single definition of "which pixels a region covers").
#include "medpics/mask/region.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
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
      for (long long i = pos; i < pos + n; ++i)
        m(static_cast<int>(i / size.width), static_cast<int>(i % size.width)) = 255;
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
      if (shape == "ellipse")
        r.shape = Shape::Ellipse;
      else if (shape == "mask") {
        r.shape = Shape::Brush;
        r.brush = decodeRle(j.value("rle", json()), r.box.size());
      } else if (shape != "rect")
        throw std::invalid_argument("unknown shape '" + shape + "'");
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

namespace {
// Rasterisation into `mask`, which covers the image pixels [origin, origin + mask.size()). Exact for rect, ellipse and
// brush in any window inside the image; for polygons only when the window is bounds() & image (see rasterizeLocal).
void rasterizeWindow(const Region& r, cv::Mat1b& mask, cv::Point origin) {
  const cv::Rect window(origin.x, origin.y, mask.cols, mask.rows);  // in image pixels
  switch (r.shape) {
    case Shape::Rect: {
      const cv::Rect clipped = r.box & window;
      if (clipped.area() > 0) mask(clipped - origin).setTo(255);
      break;
    }
    case Shape::Ellipse: {
      // Pixel centres inside the ellipse inscribed in the box: exact and symmetric, unlike cv::ellipse.
      // inside(x) = ((x + 0.5 - cx) / rx)^2 + dy^2 <= 1 only grows with |x + 0.5 - cx| (every step is exact or
      // correctly rounded, hence monotone), so each row is one run around the centre: its ends are found by
      // bisection on the very same expression, which gives the same pixels as testing every pixel.
      const cv::Rect clipped = r.box & window;
      if (clipped.area() == 0) break;
      const double cx = r.box.x + r.box.width / 2.0, cy = r.box.y + r.box.height / 2.0;
      const double rx = r.box.width / 2.0, ry = r.box.height / 2.0;
      const int centre = std::clamp(static_cast<int>(std::floor(cx)), r.box.x, r.box.x + r.box.width - 1);
      for (int y = clipped.y; y < clipped.y + clipped.height; ++y) {
        const double dy = (y + 0.5 - cy) / ry;
        const double dy2 = dy * dy;
        auto inside = [&](int x) {
          const double dx = (x + 0.5 - cx) / rx;
          return dx * dx + dy2 <= 1.0;
        };
        // The pixel whose centre is nearest cx (or one of the two equidistant ones) is inside if any is.
        int seed = centre;
        if (!inside(seed)) {
          if (seed - 1 >= r.box.x && inside(seed - 1))
            --seed;
          else if (seed + 1 < r.box.x + r.box.width && inside(seed + 1))
            ++seed;
          else
            continue;
        }
        int lo = r.box.x, hi = seed;  // leftmost inside in [lo, hi]
        while (lo < hi) {
          const int mid = lo + (hi - lo) / 2;
          if (inside(mid))
            hi = mid;
          else
            lo = mid + 1;
        }
        const int left = lo;
        lo = seed;
        hi = r.box.x + r.box.width - 1;  // rightmost inside in [lo, hi]
        while (lo < hi) {
          const int mid = lo + (hi - lo + 1) / 2;
          if (inside(mid))
            lo = mid;
          else
            hi = mid - 1;
        }
        const int x0 = std::max(left, clipped.x), x1 = std::min(lo, clipped.x + clipped.width - 1);
        if (x0 <= x1) mask.row(y - origin.y).colRange(x0 - origin.x, x1 - origin.x + 1).setTo(255);
      }
      break;
    }
    case Shape::Polygon: {
      // fillPoly also draws the outline with clipped lines, and a clipped line's pixels depend on where it is clipped:
      // the window must clip where the image does. With window = bounds & image, each side of the window is either
      // the image's side or beyond every vertex (no clipping there), so the translated drawing is the same.
      std::vector<std::vector<cv::Point>> polys{r.points};
      cv::fillPoly(mask, polys, cv::Scalar(255), cv::LINE_8, 0, -origin);
      break;
    }
    case Shape::Brush: {
      const cv::Rect clipped = r.box & window;
      if (clipped.area() == 0 || r.brush.empty()) break;
      const cv::Rect inBrush(clipped.x - r.box.x, clipped.y - r.box.y, clipped.width, clipped.height);
      cv::Mat1b target = mask(clipped - origin);
      cv::bitwise_or(target, r.brush(inBrush), target);
      break;
    }
  }
}

}  // namespace

void rasterize(const Region& r, cv::Mat1b& mask) { rasterizeWindow(r, mask, cv::Point(0, 0)); }

cv::Rect rasterizeLocal(const Region& r, cv::Size imageSize, cv::Mat1b& local) {
  const cv::Rect area = r.bounds() & cv::Rect(cv::Point(0, 0), imageSize);
  if (area.area() == 0) {
    local.release();
    return area;
  }
  local.create(area.size());
  local.setTo(0);
  rasterizeWindow(r, local, area.tl());
  return area;
}

}  // namespace medpics::mask
