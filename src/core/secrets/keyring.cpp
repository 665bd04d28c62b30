// TokenKeyring over libsecret: schema "fr.medpics.Desk.Token" with the attributes server and user.
#include "medpics/secrets/keyring.hpp"

#include <libsecret/secret.h>

namespace medpics::secrets {
namespace {

const SecretSchema* tokenSchema() {
  static const SecretSchema schema = {"fr.medpics.Desk.Token",
                                      SECRET_SCHEMA_NONE,
                                      {{"server", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                       {"user", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                       {nullptr, SecretSchemaAttributeType(0)}},
                                      0,
                                      nullptr,
                                      nullptr,
                                      nullptr,
                                      nullptr,
                                      nullptr,
                                      nullptr,
                                      nullptr};
  return &schema;
}

// Takes ownership of a GError: its message (or `fallback`), and frees it.
std::string takeError(GError* error, const char* fallback) {
  if (!error) return fallback;
  std::string text = error->message ? error->message : fallback;
  g_error_free(error);
  return text;
}

}  // namespace

bool TokenKeyring::store(const std::string& serverUrl, const std::string& username, const std::string& token) {
  GError* error = nullptr;
  const std::string label = "MedPics Desk session (" + username + " @ " + serverUrl + ")";
  const gboolean ok =
      secret_password_store_sync(tokenSchema(), SECRET_COLLECTION_DEFAULT, label.c_str(), token.c_str(), nullptr,
                                 &error, "server", serverUrl.c_str(), "user", username.c_str(), nullptr);
  if (!ok || error) {
    lastError_ = takeError(error, "the keyring refused the token");
    return false;
  }
  return true;
}

std::optional<std::string> TokenKeyring::load(const std::string& serverUrl, const std::string& username) {
  GError* error = nullptr;
  gchar* secret = secret_password_lookup_sync(tokenSchema(), nullptr, &error, "server", serverUrl.c_str(), "user",
                                              username.c_str(), nullptr);
  if (error) {
    lastError_ = takeError(error, "keyring lookup failed");
    return std::nullopt;
  }
  if (!secret) {
    lastError_ = "no remembered session";
    return std::nullopt;
  }
  std::string token = secret;
  secret_password_free(secret);  // wipes the memory
  return token;
}

bool TokenKeyring::forget(const std::string& serverUrl, const std::string& username) {
  GError* error = nullptr;
  secret_password_clear_sync(tokenSchema(), nullptr, &error, "server", serverUrl.c_str(), "user", username.c_str(),
                             nullptr);
  if (error) {
    lastError_ = takeError(error, "keyring clear failed");
    return false;
  }
  return true;
}

}  // namespace medpics::secrets
