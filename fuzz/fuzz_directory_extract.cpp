// libFuzzer target: the Annuaire Santé extract importer (encoding detection, header mapping, line splitting,
// identifier checks) on any file contents; a bad file must be a report or a std::runtime_error.
#include "medpics/creds/directory.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace {
std::filesystem::path workDir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("medpics-fuzz-dir-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto extract = workDir() / "extract.txt";
  std::ofstream(extract, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), std::streamsize(size));
  try {
    medpics::creds::importExtract(extract, workDir() / "registry.sqlite");
  } catch (const std::runtime_error&) {
    // refused with a message: fine
  }
  return 0;
}
