// PBKDF2-HMAC-SHA256 password records and random identifiers via OpenSSL.
#include "password.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace medpics::platform {

namespace {
std::string toHex(const unsigned char* p, size_t n) {
  static constexpr char k[] = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; ++i) s += {k[p[i] >> 4], k[p[i] & 15]};
  return s;
}
std::vector<unsigned char> fromHex(const std::string& s) {
  std::vector<unsigned char> out;
  if (s.size() % 2) return out;
  for (size_t i = 0; i < s.size(); i += 2)
    out.push_back(static_cast<unsigned char>(std::stoi(s.substr(i, 2), nullptr, 16)));
  return out;
}
std::vector<unsigned char> derive(const std::string& password, const std::vector<unsigned char>& salt, int iterations) {
  std::vector<unsigned char> key(32);
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(), static_cast<int>(salt.size()),
                        iterations, EVP_sha256(), static_cast<int>(key.size()), key.data()) != 1)
    throw std::runtime_error("PBKDF2 failed");
  return key;
}
}  // namespace

std::string randomHex(size_t bytes) {
  std::vector<unsigned char> b(bytes);
  if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1) throw std::runtime_error("RAND_bytes failed");
  return toHex(b.data(), b.size());
}

std::string hashPassword(const std::string& password, int iterations) {
  std::vector<unsigned char> salt(16);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) throw std::runtime_error("RAND_bytes failed");
  const auto key = derive(password, salt, iterations);
  return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + toHex(salt.data(), salt.size()) + "$" +
         toHex(key.data(), key.size());
}

bool verifyPassword(const std::string& password, const std::string& record) {
  try {
    const auto a = record.find('$'), b = record.find('$', a + 1), c = record.find('$', b + 1);
    if (a == std::string::npos || b == std::string::npos || c == std::string::npos) return false;
    if (record.substr(0, a) != "pbkdf2-sha256") return false;
    const int iterations = std::stoi(record.substr(a + 1, b - a - 1));
    const auto salt = fromHex(record.substr(b + 1, c - b - 1));
    const auto expected = fromHex(record.substr(c + 1));
    if (iterations < 1 || salt.empty() || expected.size() != 32) return false;
    const auto key = derive(password, salt, iterations);
    return CRYPTO_memcmp(key.data(), expected.data(), key.size()) == 0;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace medpics::platform
