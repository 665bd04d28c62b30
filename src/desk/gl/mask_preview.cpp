// MaskPreview implementation: the CPU rasterises which region covers each pixel; the GPU computes the styles.
#include "gl/mask_preview.hpp"

#include "desk.hpp"
#include "gl/region_index.hpp"
#include "views/desk_view.hpp"

#include "medpics/mask/burn_in.hpp"
#include "medpics/review/region_document.hpp"

#include <opencv2/imgproc.hpp>

#include <imgui.h>

#include <vector>

namespace medpics::desk::gl {
namespace {
constexpr int kAtlasSize = 2048;
constexpr int kCoarse = 4;  // cell size of the coarse region index

void ortho(float l, float r, float b, float t, float m[16]) {
  const float out[16] = {2.0f / (r - l),    0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r),
                         (t + b) / (b - t), 0, 1};
  std::copy(out, out + 16, m);
}

int styleCode(mask::Style s) { return s == mask::Style::Solid ? 0 : s == mask::Style::Mosaic ? 1 : 2; }
}  // namespace

PreviewTextures::~PreviewTextures() {
  if (atlasFbo) glDeleteFramebuffers(1, &atlasFbo);
}

MaskPreview::~MaskPreview() {
  if (vbo_) glDeleteBuffers(1, &vbo_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
}

bool MaskPreview::init(const std::string& shaderDir) {
  if (!preview_.load(shaderDir + "/quad.vert", shaderDir + "/mask_preview.frag"))
    return error_ = preview_.error(), false;
  if (!blockMean_.load(shaderDir + "/quad.vert", shaderDir + "/block_mean.frag"))
    return error_ = blockMean_.error(), false;
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, col)));
  glBindVertexArray(0);
  return true;
}

bool MaskPreview::available(const LoadedImage& image) const {
  return preview_ && image.status == LoadedImage::Status::Ready && gpu(image).texture.single() != nullptr;
}

void MaskPreview::drawQuad(float x0, float y0, float x1, float y1, float u0, float v0, float u1, float v1) {
  const ImU32 white = IM_COL32_WHITE;
  const ImDrawVert quad[6] = {{{x0, y0}, {u0, v0}, white}, {{x1, y0}, {u1, v0}, white}, {{x1, y1}, {u1, v1}, white},
                              {{x0, y0}, {u0, v0}, white}, {{x1, y1}, {u1, v1}, white}, {{x0, y1}, {u0, v1}, white}};
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STREAM_DRAW);
  glDrawArrays(GL_TRIANGLES, 0, 6);
  glBindVertexArray(0);
}

bool MaskPreview::ensureSlot(PreviewTextures& t, const LoadedImage& image, int block) {
  if (t.slots.count(block)) return true;
  const int cols = (image.pixels->cols + block - 1) / block, rows = (image.pixels->rows + block - 1) / block;
  if (cols > kAtlasSize || rows > kAtlasSize) return false;
  if (t.shelfX + cols > kAtlasSize) {
    t.shelfX = 0;
    t.shelfY += t.shelfHeight;
    t.shelfHeight = 0;
  }
  if (t.shelfY + rows > kAtlasSize) {  // full: start again (slots are cheap to recompute)
    t.slots.clear();
    t.shelfX = t.shelfY = t.shelfHeight = 0;
  }
  const cv::Point origin(t.shelfX, t.shelfY);
  t.shelfX += cols;
  t.shelfHeight = std::max(t.shelfHeight, rows);

  GLint previousFbo = 0, viewport[4];
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFbo);
  glGetIntegerv(GL_VIEWPORT, viewport);
  glBindFramebuffer(GL_FRAMEBUFFER, t.atlasFbo);
  glViewport(0, 0, kAtlasSize, kAtlasSize);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glUseProgram(blockMean_.id());
  float projection[16];
  ortho(0, kAtlasSize, 0, kAtlasSize, projection);
  glUniformMatrix4fv(blockMean_.uniform("ProjMtx"), 1, GL_FALSE, projection);
  glUniform1i(blockMean_.uniform("Image"), 0);
  glUniform2i(blockMean_.uniform("ImageSize"), image.pixels->cols, image.pixels->rows);
  glUniform1i(blockMean_.uniform("BlockSize"), block);
  glUniform2i(blockMean_.uniform("SlotOrigin"), origin.x, origin.y);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, gpu(image).texture.single()->id());
  drawQuad(float(origin.x), float(origin.y), float(origin.x + cols), float(origin.y + rows), 0, 0, 1, 1);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
  glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
  t.slots[block] = origin;
  return true;
}

void MaskPreview::prepare(LoadedImage& image) {
  if (!available(image)) return;
  if (!gpu(image).preview) gpu(image).preview = std::make_unique<PreviewTextures>();
  PreviewTextures& t = *gpu(image).preview;
  const auto& doc = image.regions;
  if (t.revision == doc.revision() && t.index) return;
  const cv::Size size = image.pixels->size();
  const cv::Rect whole({0, 0}, size);
  cv::Rect changed;
  if (!t.index) {
    t.index = Texture(size.width, size.height, GL_R16UI, GL_RED_INTEGER, GL_UNSIGNED_SHORT, nullptr);
    t.coarseIndex = Texture((size.width + kCoarse - 1) / kCoarse, (size.height + kCoarse - 1) / kCoarse, GL_R16UI,
                            GL_RED_INTEGER, GL_UNSIGNED_SHORT, nullptr);
    t.atlas = Texture(kAtlasSize, kAtlasSize, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &t.atlasFbo);
    GLint previousFbo = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFbo);
    glBindFramebuffer(GL_FRAMEBUFFER, t.atlasFbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.atlas.id(), 0);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
    changed = whole;
  } else {
    changed = changedCoverage(t.indexed, doc.items(), size);  // e.g. old ∪ new bounds of a dragged region
  }
  if (!changed.empty()) {
    // Whole coarse cells, so that each cell's topmost value is recomputed from all of its pixels.
    const auto down = [](int v) { return v / kCoarse * kCoarse; };
    const auto up = [](int v) { return (v + kCoarse - 1) / kCoarse * kCoarse; };
    changed = cv::Rect(cv::Point(down(changed.x), down(changed.y)), cv::Point(up(changed.br().x), up(changed.br().y))) &
              whole;
    // Which region is on top at each pixel there (the same rasterisation as the burn-in).
    const cv::Mat_<std::uint16_t> index = regionIndex(doc.items(), changed, size);
    t.index.update(changed.x, changed.y, changed.width, changed.height, GL_RED_INTEGER, GL_UNSIGNED_SHORT, index.data);
    const cv::Mat_<std::uint16_t> coarse = coarseRegionIndex(index, kCoarse);
    t.coarseIndex.update(changed.x / kCoarse, changed.y / kCoarse, coarse.cols, coarse.rows, GL_RED_INTEGER,
                         GL_UNSIGNED_SHORT, coarse.data);
  }
  t.indexed = coverageSnapshot(doc.items());
  // Style of each region (a style change alone rewrites only this small table).
  std::vector<GLint> table(4 * (doc.items().size() + 1), 0);
  for (std::size_t k = 0; k < doc.items().size() && k < kMaxIndexedRegions; ++k) {
    const mask::Region& r = doc.items()[k].region;
    if (!r.masks()) continue;
    GLint* entry = &table[4 * (k + 1)];
    entry[0] = styleCode(r.style);
    if (r.style == mask::Style::Mosaic) {
      entry[1] = mask::mosaicBlockSize(r);
      if (!ensureSlot(t, image, entry[1]))
        entry[0] = 0;  // cannot preview: show it solid, never unmasked
      else {
        entry[2] = t.slots[entry[1]].x;
        entry[3] = t.slots[entry[1]].y;
      }
    } else if (r.style == mask::Style::Blur) {
      entry[1] = std::max(8, r.bounds().height / 6);
    }
  }
  t.table = Texture(static_cast<int>(table.size() / 4), 1, GL_RGBA32I, GL_RGBA_INTEGER, GL_INT, table.data());
  t.revision = doc.revision();
}

void MaskPreview::bindPreview(LoadedImage& image, bool showOriginal, const float projection[16]) {
  PreviewTextures& t = *gpu(image).preview;
  glUseProgram(preview_.id());
  glUniformMatrix4fv(preview_.uniform("ProjMtx"), 1, GL_FALSE, projection);
  glUniform1i(preview_.uniform("Texture"), 0);
  glUniform1i(preview_.uniform("RegionIndex"), 1);
  glUniform1i(preview_.uniform("RegionTable"), 2);
  glUniform1i(preview_.uniform("BlockMeans"), 3);
  glUniform1i(preview_.uniform("CoarseIndex"), 4);
  glUniform1i(preview_.uniform("CoarseFactor"), kCoarse);
  glUniform2i(preview_.uniform("ImageSize"), image.pixels->cols, image.pixels->rows);
  glUniform1ui(preview_.uniform("Seed"), image.maskSeed);
  glUniform1i(preview_.uniform("ShowOriginal"), showOriginal ? 1 : 0);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, t.index.id());
  glActiveTexture(GL_TEXTURE2);
  glBindTexture(GL_TEXTURE_2D, t.table.id());
  glActiveTexture(GL_TEXTURE3);
  glBindTexture(GL_TEXTURE_2D, t.atlas.id());
  glActiveTexture(GL_TEXTURE4);
  glBindTexture(GL_TEXTURE_2D, t.coarseIndex.id());
  glActiveTexture(GL_TEXTURE0);
}

void MaskPreview::onDraw(const ImDrawList*, const ImDrawCmd* cmd) {
  auto* p = static_cast<PreviewDraw*>(cmd->UserCallbackData);
  // The projection the ImGui renderer has set up for this draw list: the screen's, whether the list is drawn to
  // the screen or into a cached layer (gl/layer_cache.hpp) in the middle of the frame, when there is no draw data.
  GLint program = 0;
  glGetIntegerv(GL_CURRENT_PROGRAM, &program);
  float projection[16];
  glGetUniformfv(static_cast<GLuint>(program), glGetUniformLocation(static_cast<GLuint>(program), "ProjMtx"),
                 projection);
  p->self->bindPreview(*p->image, p->showOriginal, projection);
}

void MaskPreview::begin(ImDrawList* draw, LoadedImage& image, bool showOriginal) {
  if (!available(image) || !gpu(image).preview) return;
  gpu(image).preview->draw = {this, &image, showOriginal};
  draw->AddCallback(&MaskPreview::onDraw, &gpu(image).preview->draw);
}

void MaskPreview::end(ImDrawList* draw) { draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr); }

cv::Mat MaskPreview::renderOffscreen(LoadedImage& image) {
  prepare(image);
  if (!available(image) || !gpu(image).preview) return {};
  const int w = image.pixels->cols, h = image.pixels->rows;
  Texture target(w, h, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  GLuint fbo = 0;
  GLint previousFbo = 0, viewport[4];
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFbo);
  glGetIntegerv(GL_VIEWPORT, viewport);
  glGenFramebuffers(1, &fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target.id(), 0);
  glViewport(0, 0, w, h);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  float projection[16];
  ortho(0, float(w), 0, float(h), projection);  // FBO row r holds image row r
  bindPreview(image, false, projection);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, gpu(image).texture.single()->id());
  drawQuad(0, 0, float(w), float(h), 0, 0, 1, 1);
  cv::Mat rgba(h, w, CV_8UC4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
  glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
  glDeleteFramebuffers(1, &fbo);
  glUseProgram(0);
  cv::Mat bgr;
  cv::cvtColor(rgba, bgr, cv::COLOR_RGBA2BGR);
  return bgr;
}

}  // namespace medpics::desk::gl
