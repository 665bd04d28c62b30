// The directory entries of the demo applicants who are registered (so the demo's checks have a directory to use).
#pragma once
#include "medpics/creds/directory.hpp"

#include <vector>

namespace medpics::creds {
// One DirectoryPerson per synth::demoApplicants() entry with inDirectory, under the name printed on the proof.
std::vector<DirectoryPerson> demoDirectoryPersons();
}  // namespace medpics::creds
