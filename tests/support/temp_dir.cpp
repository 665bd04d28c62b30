// TempDir implementation over mkdtemp.
#include "support/temp_dir.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace medpics::test {
TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "medpics-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}
TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}
}  // namespace medpics::test
