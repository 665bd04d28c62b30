// Remembered sessions: libsecret keyring entries keyed by the platform URL and the user name.
#include "remembered_session.hpp"

#include "medpics/secrets/keyring.hpp"
#include "medpics/util/log.hpp"

namespace medpics::desk {

api::Result<api::Session> loginAndRemember(api::PlatformClient& client, const std::string& username,
                                           const std::string& password, KeyringUse use) {
  auto session = client.login(username, password);
  if (!session || (!use.remember && !use.forgetOld)) return session;
  secrets::TokenKeyring keyring;
  const bool done = use.remember ? keyring.store(client.baseUrl(), username, session->token)
                                 : keyring.forget(client.baseUrl(), username);
  if (!done)
    log::warn("keyring: " + keyring.lastError() + (use.remember ? " (the session will not be remembered)" : ""));
  return session;
}

api::Result<api::Session> resumeRememberedSession(api::PlatformClient& client, const std::string& username) {
  secrets::TokenKeyring keyring;
  auto token = keyring.load(client.baseUrl(), username);
  if (!token) return api::ApiError{0, "no_remembered_session", keyring.lastError()};
  client.setToken(*token);
  auto user = client.me();
  if (!user) {
    if (user.error().httpStatus == 401) keyring.forget(client.baseUrl(), username);  // revoked or expired
    return user.error();
  }
  return api::Session{*token, {}, user.value()};
}

api::Result<api::Unit> logoutAndForget(api::PlatformClient& client, const std::string& username, bool forget) {
  secrets::TokenKeyring keyring;
  if (forget && !keyring.forget(client.baseUrl(), username)) log::warn("keyring: " + keyring.lastError());
  return client.logout();
}

}  // namespace medpics::desk
