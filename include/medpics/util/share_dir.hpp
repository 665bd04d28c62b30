// Where a program finds the data it ships (models, shaders, assets): beside its own executable, never a source path.
#pragma once
#include <filesystem>

namespace medpics::util {

// The folder of the running executable (/proc/self/exe); empty if it cannot be read.
std::filesystem::path executableDirectory();

// $MEDPICS_SHARE_DIR when set, else <executable folder>/../share/medpics: <prefix>/share/medpics once installed
// (cmake --install, the .deb), and build/share/medpics in a build tree (staged by CMake with the same layout).
std::filesystem::path shareDirectory();

}  // namespace medpics::util
