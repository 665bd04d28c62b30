// Whole-file reading (binary) of regular files only, size checked from fstat first, with a short reason on failure.
#include "medpics/util/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace medpics::util {

int openRegularFile(const std::filesystem::path& path, std::uint64_t maxBytes, std::uint64_t* size) {
  // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    if (errno == EISDIR) throw FileError(FileProblem::IsDirectory, "is a directory");
    throw FileError(FileProblem::CannotOpen, "cannot open file");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    throw FileError(FileProblem::CannotOpen, "cannot open file");
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw FileError(FileProblem::IsDirectory, "is a directory");
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw FileError(FileProblem::NotRegular, "not a regular file (FIFO, device or socket)");
  }
  const auto bytes = static_cast<std::uint64_t>(st.st_size);
  if (bytes > maxBytes) {
    ::close(fd);
    throw FileError(FileProblem::TooLarge,
                    "file too large: " + std::to_string(bytes) + " bytes (limit " + std::to_string(maxBytes) + ")");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  if (size) *size = bytes;
  return fd;
}

std::optional<std::string> readFile(const std::filesystem::path& path, std::string* error, std::uint64_t maxBytes) {
  std::uint64_t size = 0;
  int fd = -1;
  try {
    fd = openRegularFile(path, maxBytes, &size);
  } catch (const FileError& e) {
    if (error) *error = e.what();
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {  // never more than the size fstat gave, even if the file grows meanwhile
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      if (error) *error = "read error";
      return std::nullopt;
    }
    if (n == 0) break;  // shrank meanwhile
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  bytes.resize(done);
  return bytes;
}

}  // namespace medpics::util
