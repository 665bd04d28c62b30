// Move-only RAII OpenGL texture, created, updated and deleted on the UI thread only.
#pragma once
#include <glad/gl.h>

#include <cstdint>

namespace medpics::desk::gl {

class Texture {
 public:
  Texture() = default;
  // Uploads tightly packed RGBA8 pixels.
  Texture(int width, int height, const std::uint8_t* rgba);
  // Any format (integer textures use nearest filtering): e.g. GL_R16UI / GL_RED_INTEGER / GL_UNSIGNED_SHORT.
  Texture(int width, int height, GLint internalFormat, GLenum format, GLenum type, const void* data);
  // Builds the mipmaps from level 0 and samples them when zoomed out (as the RGBA constructor does).
  void generateMipmaps();
  // Replaces a sub-rectangle (same format as at creation).
  void update(int x, int y, int width, int height, GLenum format, GLenum type, const void* data);
  ~Texture();
  Texture(Texture&& other) noexcept;
  Texture& operator=(Texture&& other) noexcept;
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;

  GLuint id() const { return id_; }
  int width() const { return width_; }
  int height() const { return height_; }
  explicit operator bool() const { return id_ != 0; }
  void setNearest(bool nearest);

 private:
  void reset();
  GLuint id_ = 0;
  int width_ = 0, height_ = 0;
  bool nearest_ = false;
};

}  // namespace medpics::desk::gl
