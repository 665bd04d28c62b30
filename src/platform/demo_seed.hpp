// First-start seeding: the three demo users always; with --demo, posts and registrations made by medpics::synth.
#pragma once
#include "server_options.hpp"
#include "store.hpp"

namespace medpics::platform {

struct DemoUser {
  const char* id;
  const char* username;
  const char* displayName;
  const char* roles;
};
// modo (moderator), verif (verifier), admin (admin, moderator, verifier); password = username + "-demo".
const std::vector<DemoUser>& demoUsers();

// Seeds a data directory once (a "seeded" marker in the meta table); no-op afterwards.
void seedIfNew(Store& store, const ServerOptions& options);

}  // namespace medpics::platform
