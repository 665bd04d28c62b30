// `medpics version`: prints the tool and API versions.
#include "command.hpp"

#include <cstdio>

namespace {
const medpics::cli::CommandRegistrar kVersion({"version", "version                      print the version",
                                               [](const auto&) {
                                                 std::printf("medpics %s (platform API v1)\n", MEDPICS_VERSION);
                                                 return 0;
                                               }});
}
