// Reading a whole file into memory (images, JSON, extracts): one helper for the CLI, the platform, benchmarks and
// tests. Only regular files are read, and their size (from fstat) is checked against a limit before any byte is read.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace medpics::util {

constexpr std::uint64_t kMaxReadFileBytes = 512ull << 20;   // 512 MiB: the default limit of readFile
constexpr std::uint64_t kMaxImageFileBytes = 200ull << 20;  // 200 MiB: an image given to the CLI

// Why a path was refused before reading; the desk translates these, the CLI prints `message`.
enum class FileProblem { None, CannotOpen, IsDirectory, NotRegular, TooLarge, ReadError };

struct FileError : std::runtime_error {
  FileError(FileProblem problem, const std::string& message) : std::runtime_error(message), problem(problem) {}
  FileProblem problem;
};

// Opens `path` for reading without blocking on a FIFO (O_NONBLOCK, then cleared) and checks with fstat that
// it is a regular file of at most `maxBytes`. Returns the descriptor (the caller closes it); throws FileError
// with "is a directory", "not a regular file (FIFO, device or socket)", "file too large: ..." or "cannot open file".
int openRegularFile(const std::filesystem::path& path, std::uint64_t maxBytes, std::uint64_t* size = nullptr);

// The bytes of the regular file at `path` (binary, at most `maxBytes`); nullopt when it is refused or cannot be
// read, with `error` (when given) set to the FileError message, or "read error".
std::optional<std::string> readFile(const std::filesystem::path& path, std::string* error = nullptr,
                                    std::uint64_t maxBytes = kMaxReadFileBytes);

}  // namespace medpics::util
