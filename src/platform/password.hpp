// Password hashing with OpenSSL PBKDF2-HMAC-SHA256 (random 16-byte salt), stored as "pbkdf2-sha256$iter$salt$hash".
#pragma once
#include <string>

namespace medpics::platform {

constexpr int kDefaultKdfIterations = 210000;

std::string hashPassword(const std::string& password, int iterations = kDefaultKdfIterations);
// Constant-time comparison of the derived key; false on a malformed record.
bool verifyPassword(const std::string& password, const std::string& record);
// Random bytes as lower-case hex (tokens, lease ids).
std::string randomHex(size_t bytes);

}  // namespace medpics::platform
