// A unique temporary directory removed with its contents at scope exit.
#pragma once
#include <filesystem>

namespace medpics::test {
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};
}  // namespace medpics::test
