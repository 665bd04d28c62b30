// "Remember me": the session token kept in the OS keyring (Secret Service via libsecret), never in a file.
#pragma once
#include <optional>
#include <string>

namespace medpics::secrets {

// One remembered token per (platform URL, user name). Every call talks to the Secret Service over D-Bus;
// when none is running the calls fail cleanly (false / nullopt) and `lastError` says why.
class TokenKeyring {
 public:
  bool store(const std::string& serverUrl, const std::string& username, const std::string& token);
  std::optional<std::string> load(const std::string& serverUrl, const std::string& username);
  bool forget(const std::string& serverUrl, const std::string& username);
  const std::string& lastError() const { return lastError_; }

 private:
  std::string lastError_;
};

}  // namespace medpics::secrets
