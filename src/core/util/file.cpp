// Whole-file reading (binary) with a short reason on failure.
#include "medpics/util/file.hpp"

#include <fstream>
#include <sstream>

namespace medpics::util {

std::optional<std::string> readFile(const std::filesystem::path& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = "cannot open file";
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    if (error) *error = "read error";
    return std::nullopt;
  }
  return buffer.str();
}

}  // namespace medpics::util
