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
void printUsage(std::FILE* out) {
  std::fprintf(out,
               "usage: medpics <command> [args...]   (medpics <command> --help: that command's usage)\n"
               "       medpics --version\n\ncommands:\n");
  auto sorted = medpics::cli::commands();
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& c : sorted) std::fprintf(out, "  %s\n", c.usage.c_str());
}

bool asksForHelp(const medpics::cli::Args& args) {
  for (const auto& a : args) {
    if (a == "--") return false;  // what follows is operands (a file may be called --help)
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}
}  // namespace

int main(int argc, char** argv) {
  medpics::detect::ensureSingleThreadedOcr(argv);  // before any OCR: re-executes once with OMP_THREAD_LIMIT=1
  if (argc < 2) {
    printUsage(stderr);
    return 2;
  }
  const std::string name = argv[1];
  if (name == "help" || name == "--help" || name == "-h") {
    printUsage(stdout);
    return 0;
  }
  if (name == "--version") {
    std::printf("medpics %s (platform API v1)\n", MEDPICS_VERSION);
    return 0;
  }
  for (const auto& command : medpics::cli::commands()) {
    if (command.name != name) continue;
    const medpics::cli::Args args(argv + 2, argv + argc);
    if (asksForHelp(args)) {  // before the command sees its arguments: `analyze --help` is not a file name
      std::printf("usage: medpics %s\n", command.usage.c_str());
      return 0;
    }
    try {
      return command.run(args);
    } catch (const std::exception& e) {  // bad arguments (std::invalid_argument from OptionList, std::stoi...)
      std::fprintf(stderr, "medpics %s: %s\nusage: medpics %s\n", name.c_str(), e.what(), command.usage.c_str());
      return 2;
    }
  }
  std::fprintf(stderr, "medpics: unknown command '%s'\n", name.c_str());
  printUsage(stderr);
  return 2;
}
