// `hostile_probe FILE...`: runs the guarded image loader and the metadata reader on each file in a process of its
// own (address space capped at 3 GiB unless built with AddressSanitizer), prints one JSON line per file and the
// peak resident memory. Used by the hostile-input tests so that a crash or a blow-up never takes the test down.
#include "medpics/detect/metadata.hpp"
#include "medpics/image/decode.hpp"
#include "medpics/util/file.hpp"

#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>

#if defined(__SANITIZE_ADDRESS__)
#define MEDPICS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEDPICS_ASAN 1
#endif
#endif

int main(int argc, char** argv) {
#ifndef MEDPICS_ASAN
  const rlimit cap{3ull << 30, 3ull << 30};
  setrlimit(RLIMIT_AS, &cap);
#endif
  for (int i = 1; i < argc; ++i) {
    const auto start = std::chrono::steady_clock::now();
    nlohmann::json line{{"file", argv[i]}};
    std::string error;
    const auto bytes = medpics::util::readFile(argv[i], &error);
    if (!bytes) {
      line["error"] = error;
    } else {
      const auto image = medpics::image::decode(*bytes);
      line["ok"] = image.ok();
      line["error"] = image.error;
      line["width"] = image.bgr.cols;
      line["height"] = image.bgr.rows;
      line["metadata_findings"] = medpics::detect::detectMetadata(*bytes).size();
    }
    line["ms"] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s\n", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    std::fflush(stdout);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("{\"max_rss_kb\": %ld}\n", usage.ru_maxrss);
  return 0;
}
