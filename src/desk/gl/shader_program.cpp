// ShaderProgram implementation.
#include "gl/shader_program.hpp"

#include <fstream>
#include <sstream>
#include <utility>

namespace medpics::desk::gl {
namespace {
bool readText(const std::string& path, std::string& out) {
  std::ifstream in(path);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

GLuint compileStage(GLenum stage, const std::string& source, std::string& error) {
  GLuint shader = glCreateShader(stage);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[2048];
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    error = std::string(stage == GL_VERTEX_SHADER ? "vertex" : "fragment") + " shader: " + log;
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}
}  // namespace

ShaderProgram::~ShaderProgram() {
  if (id_) glDeleteProgram(id_);
}

ShaderProgram::ShaderProgram(ShaderProgram&& other) noexcept
    : id_(std::exchange(other.id_, 0)), error_(std::move(other.error_)) {}

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& other) noexcept {
  if (this != &other) {
    if (id_) glDeleteProgram(id_);
    id_ = std::exchange(other.id_, 0);
    error_ = std::move(other.error_);
  }
  return *this;
}

bool ShaderProgram::load(const std::string& vertexPath, const std::string& fragmentPath) {
  std::string vs, fs;
  if (!readText(vertexPath, vs)) return error_ = "cannot read " + vertexPath, false;
  if (!readText(fragmentPath, fs)) return error_ = "cannot read " + fragmentPath, false;
  return compile(vs, fs);
}

bool ShaderProgram::compile(const std::string& vertexSource, const std::string& fragmentSource) {
  error_.clear();
  GLuint vs = compileStage(GL_VERTEX_SHADER, vertexSource, error_);
  if (!vs) return false;
  GLuint fs = compileStage(GL_FRAGMENT_SHADER, fragmentSource, error_);
  if (!fs) {
    glDeleteShader(vs);
    return false;
  }
  GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048];
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    error_ = std::string("link: ") + log;
    glDeleteProgram(program);
    return false;
  }
  if (id_) glDeleteProgram(id_);
  id_ = program;
  return true;
}

}  // namespace medpics::desk::gl
