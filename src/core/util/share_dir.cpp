// Data folder lookup relative to the executable (/proc/self/exe → ../share/medpics), overridable by environment.
#include "medpics/util/share_dir.hpp"

#include <cstdlib>
#include <system_error>

namespace medpics::util {

std::filesystem::path executableDirectory() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

std::filesystem::path shareDirectory() {
  if (const char* env = std::getenv("MEDPICS_SHARE_DIR"); env && *env) return env;
  return (executableDirectory() / ".." / "share" / "medpics").lexically_normal();
}

}  // namespace medpics::util
