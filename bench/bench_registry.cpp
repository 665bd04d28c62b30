// Benchmark: generate a synthetic RPPS extract (2,000,000 rows by default), import it, time lookups by number and name.
#include "medpics/creds/directory.hpp"
#include "medpics/creds/extract_format.hpp"
#include "medpics/demo/extract_generator.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace medpics::creds;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Peak resident set size of this process (kB), from /proc/self/status.
long peakRssKb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

// Resets VmHWM to the current RSS (Linux ≥ 4.0) so that each phase reports its own peak.
void resetPeakRss() { std::ofstream("/proc/self/clear_refs") << "5"; }

struct Sample {
  std::string rpps, last, first;
};

// Every `step`-th data row of the extract: identifier and names.
std::vector<Sample> sampleRows(const std::filesystem::path& extract, std::size_t step) {
  std::ifstream in(extract);
  std::string line;
  std::getline(in, line);
  const ColumnMap map = mapColumns([&] {
    std::vector<std::string> header;
    for (auto f : splitExtractLine(line)) header.emplace_back(f);
    return header;
  }());
  std::vector<Sample> samples;
  for (std::size_t n = 0; std::getline(in, line); ++n) {
    if (n % step) continue;
    const auto fields = splitExtractLine(line);
    if (fields.size() <= map[static_cast<std::size_t>(Field::FirstName)] ||
        fields[1].find_first_not_of("0123456789") != std::string_view::npos) {
      continue;  // an injected malformed line
    }
    const auto at = [&](Field f) { return std::string(fields[map[static_cast<std::size_t>(f)]]); };
    samples.push_back({at(Field::Identifier), at(Field::LastName), at(Field::FirstName)});
  }
  return samples;
}

template <class Query>
void timeQueries(const char* what, std::size_t count, Query&& query) {
  std::vector<double> ms;
  std::size_t hits = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const auto start = Clock::now();
    hits += query(i) ? 1 : 0;
    ms.push_back(secondsSince(start) * 1000.0);
  }
  std::sort(ms.begin(), ms.end());
  const auto pct = [&](double p) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
  };
  std::printf("%-34s n=%zu hits=%zu  p50 %.3f ms  p99 %.3f ms  max %.3f ms\n", what, count, hits, pct(0.50), pct(0.99),
              ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t rows = argc > 1 ? std::stoull(argv[1]) : 2000000;
  const std::filesystem::path dir =
      argc > 2 ? argv[2] : std::filesystem::temp_directory_path() / ("medpics-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto extract = dir / "PS_LibreAcces_Personne_activite_bench.txt";
  const auto db = dir / "registry.sqlite";

  auto start = Clock::now();
  {
    ExtractOptions options;
    options.rows = rows;
    options.seed = 2026;
    options.version = ExtractVersion::V2023;
    options.malformedEvery = 100000;
    std::ofstream out(extract, std::ios::binary);
    const ExtractStats s = generateExtract(options, {}, out);
    std::printf("generate: %llu rows, %llu persons, %llu malformed, %.1f MB in %.1f s\n",
                static_cast<unsigned long long>(s.rows), static_cast<unsigned long long>(s.persons),
                static_cast<unsigned long long>(s.malformed),
                static_cast<double>(std::filesystem::file_size(extract)) / 1e6, secondsSince(start));
  }

  resetPeakRss();
  start = Clock::now();
  const ImportReport r = importExtract(extract, db);
  const double importSeconds = secondsSince(start);
  std::printf(
      "import:   %llu rows, %llu persons, %llu malformed, %.1f s (load %.1f s, indexes %.1f s; %.0f rows/s), "
      "peak RSS %ld MB, index file %.1f MB\n",
      static_cast<unsigned long long>(r.rows), static_cast<unsigned long long>(r.persons),
      static_cast<unsigned long long>(r.malformed), importSeconds, r.loadSeconds, r.indexSeconds,
      static_cast<double>(r.rows) / importSeconds, peakRssKb() / 1024,
      static_cast<double>(std::filesystem::file_size(db)) / 1e6);

  const auto samples = sampleRows(extract, std::max<std::uint64_t>(1, rows / 20000));
  const Directory directory(db);
  const std::size_t n = std::min<std::size_t>(samples.size(), 10000);
  timeQueries("lookup by RPPS (hits)", n,
              [&](std::size_t i) { return directory.findByIdentifier(samples[i].rpps).has_value(); });
  timeQueries("lookup by RPPS (misses)", n,
              [&](std::size_t i) { return directory.findByIdentifier(syntheticRpps(99000000 + i)).has_value(); });
  timeQueries("lookup by name \"NOM Prénom\"", std::min<std::size_t>(n, 5000),
              [&](std::size_t i) { return !directory.searchByName(samples[i].last + " " + samples[i].first).empty(); });
  timeQueries("lookup by name \"prénom nom\"", std::min<std::size_t>(n, 5000),
              [&](std::size_t i) { return !directory.searchByName(samples[i].first + " " + samples[i].last).empty(); });
  std::printf("peak RSS (whole run) %ld MB\n", peakRssKb() / 1024);
  if (argc <= 2) std::filesystem::remove_all(dir);
  return 0;
}
