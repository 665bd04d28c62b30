// TestPki: an EC P-256 CA (self-signed) signs a server certificate with subjectAltName IP:127.0.0.1, DNS:localhost.
#include "support/test_pki.hpp"

#include "support/run_command.hpp"

#include <fstream>
#include <stdexcept>

namespace medpics::test {

TestPki::TestPki(const std::string& serverNames)
    : caCert(dir.path() / "ca.pem"), serverCert(dir.path() / "server.pem"), serverKey(dir.path() / "server.key") {
  const std::string d = "'" + dir.path().string() + "'";
  std::ofstream(dir.path() / "server.ext") << "subjectAltName=" << serverNames << "\n"
                                           << "extendedKeyUsage=serverAuth\n";
  const std::string script =
      "cd " + d + " && " +
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem -days 2 "
      "-subj '/CN=MedPics Test CA' -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign "
      "2>/dev/null && "
      "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr "
      "-subj '/CN=127.0.0.1' 2>/dev/null && "
      "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 "
      "-extfile server.ext 2>/dev/null && echo ok";
  const CommandResult r = runCommand(script);
  if (r.code != 0 || r.out.find("ok") == std::string::npos)
    throw std::runtime_error("openssl could not make the test PKI");
}

std::vector<std::string> TestPki::serverArgs() const {
  return {"--tls-cert", serverCert.string(), "--tls-key", serverKey.string()};
}

}  // namespace medpics::test
