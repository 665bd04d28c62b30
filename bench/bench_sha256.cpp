// Benchmark: sha256 throughput of image-sized buffers (used for caching by content).
#include "medpics/util/sha256.hpp"

#include <chrono>
#include <cstdio>
#include <string>

int main() {
  const std::string buffer(12 * 1024 * 1024, '\x5a');
  const auto start = std::chrono::steady_clock::now();
  std::string digest;
  for (int i = 0; i < 10; ++i) digest = medpics::sha256Hex(buffer);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 10;
  std::printf("sha256 12 MiB: %.2f ms (%.0f MiB/s)\n", ms, 12.0 / (ms / 1000.0));
  return digest.empty();
}
