// `medpics version`: prints the tool and API versions.
#include "command.hpp"

#include <cstdio>

namespace {
const medpics::cli::CommandRegistrar kVersion({"version", "version                      print the version", [](const auto&) {
                                                 std::printf("medpics 0.1.0 (platform API v1)\n");
                                                 return 0;
                                               }});
}
