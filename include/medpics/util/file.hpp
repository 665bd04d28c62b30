// Reading a whole file into memory (images, JSON, extracts): one helper for the CLI, the platform, benchmarks and tests.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace medpics::util {

// The bytes of the file at `path` (binary); nullopt when it cannot be opened or read, with `error`
// (when given) set to "cannot open file" or "read error".
std::optional<std::string> readFile(const std::filesystem::path& path, std::string* error = nullptr);

}  // namespace medpics::util
