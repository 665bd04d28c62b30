// GLSL program built from files in shaders/ at start; a compile or link error is kept as text for the UI.
#pragma once
#include <glad/gl.h>

#include <string>

namespace medpics::desk::gl {

class ShaderProgram {
 public:
  ShaderProgram() = default;
  ~ShaderProgram();
  ShaderProgram(ShaderProgram&& other) noexcept;
  ShaderProgram& operator=(ShaderProgram&& other) noexcept;
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;

  // Reads and compiles vertexPath + fragmentPath; false with error() filled on failure.
  bool load(const std::string& vertexPath, const std::string& fragmentPath);
  bool compile(const std::string& vertexSource, const std::string& fragmentSource);
  GLuint id() const { return id_; }
  GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }
  const std::string& error() const { return error_; }
  explicit operator bool() const { return id_ != 0; }

 private:
  GLuint id_ = 0;
  std::string error_;
};

}  // namespace medpics::desk::gl
