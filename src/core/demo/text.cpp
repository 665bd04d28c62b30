// TextRenderer: renders each string on a private canvas, measures its ink, then alpha-blends it into the image.
#include "medpics/demo/text.hpp"

#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <filesystem>
#include <vector>

namespace medpics::synth {

namespace {
const std::array<std::vector<const char*>, size_t(Font::Count)> kFontFiles{{
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"},
    {"/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
     "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"},
    {"/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
     "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"},
    {"/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans-ExtraLight.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"},
    {"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
    {"/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"},
    {"/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"},
    {"/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"},
    {"/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf"},
    {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
    {"/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"},
    {"/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"},
}};
}  // namespace

struct TextRenderer::Impl {
  std::array<cv::Ptr<cv::freetype::FreeType2>, size_t(Font::Count)> faces;
  bool anyTrueType = false;

  cv::freetype::FreeType2* face(Font f) {
    auto& slot = faces[static_cast<size_t>(f)];
    if (!slot) {
      for (const char* path : kFontFiles[static_cast<size_t>(f)]) {
        if (!std::filesystem::exists(path)) continue;
        try {
          auto ft = cv::freetype::createFreeType2();
          ft->loadFontData(path, 0);
          slot = ft;
          break;
        } catch (const cv::Exception&) {}
      }
    }
    return slot.get();
  }

  // Renders white-on-black on a canvas where the baseline origin is at `origin`.
  cv::Mat render(const std::string& text, int h, Font f, cv::Point& origin, int& advance) {
    cv::freetype::FreeType2* ft = face(f);
    int baseline = 0;
    cv::Size size;
    const double hersheyScale = h / 22.0;
    if (ft) {
      size = ft->getTextSize(text, h, -1, &baseline);
    } else {
      size = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, hersheyScale, std::max(1, h / 12), &baseline);
    }
    advance = size.width;
    const int margin = h;
    cv::Mat canvas = cv::Mat::zeros(3 * h + 2 * margin, size.width + 2 * margin + h, CV_8UC3);
    origin = {margin, margin + 2 * h};
    if (ft)
      ft->putText(canvas, text, origin, h, cv::Scalar::all(255), -1, cv::LINE_AA, true);
    else
      cv::putText(canvas, text, origin, cv::FONT_HERSHEY_SIMPLEX, hersheyScale, cv::Scalar::all(255),
                  std::max(1, h / 12), cv::LINE_AA);
    cv::Mat gray;
    cv::cvtColor(canvas, gray, cv::COLOR_BGR2GRAY);
    return gray;
  }
};

TextRenderer::TextRenderer() : impl_(std::make_unique<Impl>()) {
  impl_->anyTrueType = impl_->face(Font::Sans) != nullptr;
}
TextRenderer::~TextRenderer() = default;

bool TextRenderer::trueType() const { return impl_->anyTrueType; }

int TextRenderer::width(const std::string& text, int heightPx, Font font) {
  cv::Point origin;
  int advance = 0;
  impl_->render(text, heightPx, font, origin, advance);
  return advance;
}

cv::Rect TextRenderer::draw(cv::Mat& image, const std::string& text, cv::Point baseline, int heightPx,
                            const cv::Scalar& color, Font font) {
  CV_Assert(image.type() == CV_8UC3);
  cv::Point origin;
  int advance = 0;
  cv::Mat alpha = impl_->render(text, heightPx, font, origin, advance);
  const cv::Point offset = baseline - origin;
  cv::Rect local(0, 0, alpha.cols, alpha.rows);
  cv::Rect dst = (local + offset) & cv::Rect(0, 0, image.cols, image.rows);
  if (dst.empty()) return {};
  cv::Mat a = alpha(dst - offset);
  cv::Mat roi = image(dst);
  int minX = INT32_MAX, minY = INT32_MAX, maxX = -1, maxY = -1;
  for (int y = 0; y < a.rows; ++y) {
    const uchar* ar = a.ptr<uchar>(y);
    cv::Vec3b* pr = roi.ptr<cv::Vec3b>(y);
    for (int x = 0; x < a.cols; ++x) {
      const int w = ar[x];
      if (w == 0) continue;
      minX = std::min(minX, x), maxX = std::max(maxX, x), minY = std::min(minY, y), maxY = std::max(maxY, y);
      for (int c = 0; c < 3; ++c) pr[x][c] = cv::saturate_cast<uchar>((pr[x][c] * (255 - w) + color[c] * w) / 255.0);
    }
  }
  if (maxX < 0) return {};
  return {dst.x + minX, dst.y + minY, maxX - minX + 1, maxY - minY + 1};
}

const std::vector<Font>& bodyFonts() {
  static const std::vector<Font> fonts{Font::Sans,
                                       Font::Serif,
                                       Font::Mono,
                                       Font::Narrow,
                                       Font::SansOblique,
                                       Font::SansExtraLight,
                                       Font::SansCondensed,
                                       Font::SerifItalic,
                                       Font::SerifCondensed,
                                       Font::LiberationSans,
                                       Font::LiberationSansItalic,
                                       Font::LiberationSerif,
                                       Font::LiberationMono,
                                       Font::NotoSans,
                                       Font::NotoSerif,
                                       Font::NotoSansItalic};
  return fonts;
}

const std::vector<Font>& boldFonts() {
  static const std::vector<Font> fonts{Font::SansBold, Font::SerifBold, Font::SansCondensedBold, Font::MonoBold,
                                       Font::NarrowBold};
  return fonts;
}

TextRenderer& threadTextRenderer() {
  thread_local TextRenderer renderer;
  return renderer;
}

}  // namespace medpics::synth
