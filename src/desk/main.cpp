// Entry point of MedPics Desk: parses options, opens the window, runs the loop.
#include "app.hpp"

#include "medpics/detect/ocr.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {
void usage() {
  std::fprintf(stderr,
               "usage: medpics-desk [--server URL] [--user NAME] [--lang fr|en] [--settings FILE] [--ca-bundle PEM]\n"
               "  the password for an automatic sign-in (demo) is read from $MEDPICS_PASSWORD, never from argv\n");
}
}  // namespace

int main(int argc, char** argv) {
  medpics::detect::ensureSingleThreadedOcr(argv);  // re-executes once with OMP_THREAD_LIMIT=1 (Tesseract)
  medpics::desk::AppOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        usage();
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--server") options.desk.serverUrl = next();
    else if (a == "--user") options.desk.username = next();
    else if (a == "--lang") options.desk.language = next();
    else if (a == "--settings") options.desk.settingsPath = next();
    else if (a == "--ca-bundle") options.desk.caBundle = next();
    else if (a == "--help" || a == "-h") return usage(), 0;
    else {
      usage();
      return 2;
    }
  }
  if (const char* password = std::getenv("MEDPICS_PASSWORD")) options.desk.password = password;
  const auto saved = medpics::desk::Settings::load(options.desk.settingsPath);  // the window size of the last run
  options.width = saved.windowWidth;
  options.height = saved.windowHeight;
  medpics::desk::App app;
  if (!app.init(options)) return 1;
  return app.run();
}
