// Entry point of the `medpics` command-line tool: dispatches to the registered subcommands.
#include "command.hpp"

#include "medpics/detect/ocr.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>

namespace medpics::cli {
std::vector<Command>& commands() {
  static std::vector<Command> all;
  return all;
}
}  // namespace medpics::cli

namespace {
void printUsage() {
  std::fprintf(stderr, "usage: medpics <command> [args...]\n\ncommands:\n");
  auto sorted = medpics::cli::commands();
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& c : sorted) std::fprintf(stderr, "  %s\n", c.usage.c_str());
}
}  // namespace

int main(int argc, char** argv) {
  medpics::detect::ensureSingleThreadedOcr(argv);  // before any OCR: re-executes once with OMP_THREAD_LIMIT=1
  if (argc < 2 || std::string(argv[1]) == "help" || std::string(argv[1]) == "--help") {
    printUsage();
    return argc < 2 ? 2 : 0;
  }
  const std::string name = argv[1];
  for (const auto& command : medpics::cli::commands()) {
    if (command.name != name) continue;
    try {
      return command.run(medpics::cli::Args(argv + 2, argv + argc));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "medpics %s: %s\n", name.c_str(), e.what());
      return 2;
    }
  }
  std::fprintf(stderr, "medpics: unknown command '%s'\n", name.c_str());
  printUsage();
  return 2;
}
