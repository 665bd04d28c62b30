// A throwaway certificate authority and a server certificate for 127.0.0.1 / localhost, generated at test time
// with the openssl command (never committed).
#pragma once
#include "support/temp_dir.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace medpics::test {

struct TestPki {
  // Generates everything; throws std::runtime_error when openssl fails. subjectAltName of the server certificate.
  explicit TestPki(const std::string& serverNames = "IP:127.0.0.1,DNS:localhost");
  TempDir dir;
  std::filesystem::path caCert, serverCert, serverKey;
  // Arguments that make medpics-platform serve HTTPS with this certificate.
  std::vector<std::string> serverArgs() const;
};

}  // namespace medpics::test
