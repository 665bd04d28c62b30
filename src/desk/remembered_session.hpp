// "Remember me" for the desk: the session token in the OS keyring (never in the settings file), restored at start.
#pragma once
#include "medpics/api/platform_client.hpp"

#include <string>

namespace medpics::desk {

// What a sign-in does with the keyring. The keyring (D-Bus) is not touched at all when neither is set.
struct KeyringUse {
  bool remember = false;   // store the new token
  bool forgetOld = false;  // delete a token remembered earlier ("remember me" was switched off)
};
// Worker thread: logs in, then stores or forgets the token in the keyring as `use` says.
api::Result<api::Session> loginAndRemember(api::PlatformClient& client, const std::string& username,
                                           const std::string& password, KeyringUse use);
// Worker thread: the remembered token of (server, user), checked with GET /me; a refused token is forgotten.
api::Result<api::Session> resumeRememberedSession(api::PlatformClient& client, const std::string& username);
// Worker thread: revokes the token on the server and, when `forget`, deletes it from the keyring.
api::Result<api::Unit> logoutAndForget(api::PlatformClient& client, const std::string& username, bool forget);

}  // namespace medpics::desk
