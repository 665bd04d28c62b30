// LayerCache implementation: the layer's draw list is rendered by the ImGui OpenGL backend into an offscreen texture.
#include "gl/layer_cache.hpp"

#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstring>

namespace medpics::desk::gl {
namespace {
bool sameCommand(const ImDrawCmd& a, const ImDrawCmd& b) {
  return a.ClipRect.x == b.ClipRect.x && a.ClipRect.y == b.ClipRect.y && a.ClipRect.z == b.ClipRect.z &&
         a.ClipRect.w == b.ClipRect.w && a.TextureId == b.TextureId && a.VtxOffset == b.VtxOffset &&
         a.IdxOffset == b.IdxOffset && a.ElemCount == b.ElemCount && a.UserCallback == b.UserCallback &&
         a.UserCallbackData == b.UserCallbackData;
}

template <typename T>
bool sameBuffer(const ImVector<T>& now, const std::vector<T>& before) {
  return static_cast<std::size_t>(now.Size) == before.size() &&
         (before.empty() || std::memcmp(now.Data, before.data(), before.size() * sizeof(T)) == 0);
}
}  // namespace

bool LayerCache::enabled = true;

LayerCache::~LayerCache() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
}

ImDrawList* LayerCache::begin(const ImDrawList& window) {
  if (!list_) list_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
  list_->_ResetForNewFrame();
  list_->Flags = window.Flags;
  list_->PushTextureID(ImGui::GetIO().Fonts->TexID);
  list_->PushClipRect(window.GetClipRectMin(), window.GetClipRectMax());
  return list_.get();
}

bool LayerCache::sameAsRemembered(std::uint64_t stamp, ImVec2 display) const {
  if (stamp != stamp_ || display.x != display_.x || display.y != display_.y) return false;
  const ImDrawList& l = *list_;
  if (!sameBuffer(l.VtxBuffer, vertices_) || !sameBuffer(l.IdxBuffer, indices_)) return false;
  if (static_cast<std::size_t>(l.CmdBuffer.Size) != commands_.size()) return false;
  for (int i = 0; i < l.CmdBuffer.Size; ++i)
    if (!sameCommand(l.CmdBuffer[i], commands_[static_cast<std::size_t>(i)])) return false;
  return true;
}

void LayerCache::render(ImVec2 displayPos, ImVec2 displaySize, ImVec2 scale) {
  const int w = static_cast<int>(displaySize.x * scale.x), h = static_cast<int>(displaySize.y * scale.y);
  GLint previousFbo = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFbo);
  if (!texture_ || texture_.width() != w || texture_.height() != h) {
    texture_ = Texture(w, h, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    if (!fbo_) glGenFramebuffers(1, &fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_.id(), 0);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  ImDrawList* lists[1] = {list_.get()};
  ImDrawData data;
  data.Valid = true;
  data.CmdLists = lists;
  data.CmdListsCount = 1;
  data.TotalVtxCount = list_->VtxBuffer.Size;
  data.TotalIdxCount = list_->IdxBuffer.Size;
  data.DisplayPos = displayPos;  // the screen's own projection: identical rasterisation, then a 1:1 copy
  data.DisplaySize = displaySize;
  data.FramebufferScale = scale;
  ImGui_ImplOpenGL3_RenderDrawData(&data);  // saves and restores the GL state it changes (not the framebuffer)
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
  ++renders_;
}

void LayerCache::remember(std::uint64_t stamp, ImVec2 display) {
  const ImDrawList& l = *list_;
  vertices_.assign(l.VtxBuffer.begin(), l.VtxBuffer.end());
  indices_.assign(l.IdxBuffer.begin(), l.IdxBuffer.end());
  commands_.assign(l.CmdBuffer.begin(), l.CmdBuffer.end());
  stamp_ = stamp;
  display_ = display;
}

void LayerCache::replayInto(ImDrawList* window) const {
  const ImDrawList& l = *list_;
  for (const ImDrawCmd& cmd : l.CmdBuffer) {
    if (cmd.UserCallback) {
      window->AddCallback(cmd.UserCallback, cmd.UserCallbackData);
      continue;
    }
    if (cmd.ElemCount == 0) continue;
    const ImDrawIdx* idx = l.IdxBuffer.Data + cmd.IdxOffset;
    unsigned lo = ~0u, hi = 0;
    for (unsigned e = 0; e < cmd.ElemCount; ++e)
      lo = std::min<unsigned>(lo, idx[e]), hi = std::max<unsigned>(hi, idx[e]);
    const int vertexCount = static_cast<int>(hi - lo + 1);
    window->PushClipRect(ImVec2(cmd.ClipRect.x, cmd.ClipRect.y), ImVec2(cmd.ClipRect.z, cmd.ClipRect.w));
    window->PushTextureID(cmd.TextureId);
    window->PrimReserve(static_cast<int>(cmd.ElemCount), vertexCount);
    const unsigned base = window->_VtxCurrentIdx;  // after PrimReserve, which may start a new vertex offset
    const ImDrawVert* v = l.VtxBuffer.Data + cmd.VtxOffset + lo;
    for (int i = 0; i < vertexCount; ++i) window->PrimWriteVtx(v[i].pos, v[i].uv, v[i].col);
    for (unsigned e = 0; e < cmd.ElemCount; ++e) window->PrimWriteIdx(static_cast<ImDrawIdx>(base + (idx[e] - lo)));
    window->PopTextureID();
    window->PopClipRect();
  }
}

void LayerCache::end(ImDrawList* window, ImVec2 min, ImVec2 max, std::uint64_t stamp) {
  ImDrawList& l = *list_;
  if (!l.CmdBuffer.empty() && l.CmdBuffer.back().ElemCount == 0 && !l.CmdBuffer.back().UserCallback)
    l.CmdBuffer.pop_back();  // as ImGui does before rendering a window's list
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 pos = ImGui::GetMainViewport()->Pos, size = io.DisplaySize;
  if (size.x <= 0 || size.y <= 0) return;
  if (!sameAsRemembered(stamp, size)) {
    // Changing (pan, zoom, drag, edit): drawn directly; rasterising it into the texture as well would only add
    // the copy to a frame that is already the most expensive.
    remember(stamp, size);
    valid_ = false;
    replayInto(window);
    return;
  }
  if (!valid_) {
    render(pos, size, io.DisplayFramebufferScale);
    valid_ = true;
  }
  // Texture row 0 is the bottom of the screen.
  const ImVec2 uv0((min.x - pos.x) / size.x, 1 - (min.y - pos.y) / size.y);
  const ImVec2 uv1((max.x - pos.x) / size.x, 1 - (max.y - pos.y) / size.y);
  window->PushClipRect(min, max, true);
  window->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture_.id())), min, max, uv0, uv1);
  window->PopClipRect();
}

}  // namespace medpics::desk::gl
