// Entry point of MedPics Desk: parses options, opens the window, runs the loop.
#include "app.hpp"

#include "medpics/detect/ocr.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {
void usage(std::FILE* out = stderr) {
  std::fprintf(
      out,
      "usage: medpics-desk [--server URL] [--user NAME] [--lang fr|en] [--settings FILE] [--ca-bundle PEM]\n"
      "                    [--screenshot PNG]\n"
      "       medpics-desk --help | --version\n"
      "  the password for an automatic sign-in (demo) is read from $MEDPICS_PASSWORD, never from argv\n"
      "  --screenshot: draws the first screen, writes it to PNG and exits (installation checks)\n"
      "  data (shaders, icons, models) is read from $MEDPICS_SHARE_DIR, else ../share/medpics beside the program\n");
}
}  // namespace

int main(int argc, char** argv) {
  medpics::detect::ensureSingleThreadedOcr(argv);  // re-executes once with OMP_THREAD_LIMIT=1 (Tesseract)
  medpics::desk::AppOptions options;
  std::string screenshot;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        usage();
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--server")
      options.desk.serverUrl = next();
    else if (a == "--user")
      options.desk.username = next();
    else if (a == "--lang")
      options.desk.language = next();
    else if (a == "--settings")
      options.desk.settingsPath = next();
    else if (a == "--ca-bundle")
      options.desk.caBundle = next();
    else if (a == "--screenshot")
      screenshot = next();
    else if (a == "--help" || a == "-h")
      return usage(stdout), 0;
    else if (a == "--version")
      return std::printf("medpics-desk %s\n", MEDPICS_VERSION), 0;
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
  if (!screenshot.empty()) {
    for (int i = 0; i < 3; ++i) app.frame();  // the first screen, laid out (ImGui settles windows in two frames)
    return app.screenshot(screenshot) ? 0 : 1;
  }
  return app.run();
}
