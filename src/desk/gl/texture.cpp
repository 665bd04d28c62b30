// Texture implementation.
#include "gl/texture.hpp"

#include <utility>

namespace medpics::desk::gl {

Texture::Texture(int width, int height, const std::uint8_t* rgba)
    : Texture(width, height, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, rgba) {
  generateMipmaps();
}

void Texture::generateMipmaps() {
  nearest_ = false;
  glBindTexture(GL_TEXTURE_2D, id_);
  // Mipmaps: zoomed-out views read small levels (fast and without aliasing); texelFetch still reads level 0.
  glGenerateMipmap(GL_TEXTURE_2D);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glBindTexture(GL_TEXTURE_2D, 0);
}

Texture::Texture(int width, int height, GLint internalFormat, GLenum format, GLenum type, const void* data)
    : width_(width), height_(height), nearest_(true) {
  glGenTextures(1, &id_);
  glBindTexture(GL_TEXTURE_2D, id_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, width, height, 0, format, type, data);
  glBindTexture(GL_TEXTURE_2D, 0);
}

void Texture::update(int x, int y, int width, int height, GLenum format, GLenum type, const void* data) {
  glBindTexture(GL_TEXTURE_2D, id_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, width, height, format, type, data);
  glBindTexture(GL_TEXTURE_2D, 0);
}

Texture::~Texture() { reset(); }

Texture::Texture(Texture&& other) noexcept
    : id_(std::exchange(other.id_, 0)), width_(other.width_), height_(other.height_), nearest_(other.nearest_) {}

Texture& Texture::operator=(Texture&& other) noexcept {
  if (this != &other) {
    reset();
    id_ = std::exchange(other.id_, 0);
    width_ = other.width_;
    height_ = other.height_;
    nearest_ = other.nearest_;
  }
  return *this;
}

void Texture::setNearest(bool nearest) {
  if (!id_ || nearest == nearest_) return;
  nearest_ = nearest;
  glBindTexture(GL_TEXTURE_2D, id_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, nearest ? GL_NEAREST : GL_LINEAR);
  glBindTexture(GL_TEXTURE_2D, 0);
}

void Texture::reset() {
  if (id_) glDeleteTextures(1, &id_);
  id_ = 0;
}

}  // namespace medpics::desk::gl
