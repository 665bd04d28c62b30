// Store: opens DATA/platform.db (WAL), creates the schema on first start, keeps blobs as files.
#include "store.hpp"

#include "audit_chain.hpp"
#include "test_clock.hpp"

#include "medpics/util/file.hpp"
#include "medpics/util/sha256.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace medpics::platform {

namespace {
const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users(
  id TEXT PRIMARY KEY, username TEXT UNIQUE NOT NULL, display_name TEXT NOT NULL,
  roles TEXT NOT NULL, password_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens(
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
  expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS posts(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, status TEXT NOT NULL, kind TEXT NOT NULL,
  created_at INTEGER NOT NULL, author_id TEXT NOT NULL, author_name TEXT NOT NULL, caption TEXT NOT NULL,
  decision_id TEXT);
CREATE TABLE IF NOT EXISTS images(
  id TEXT PRIMARY KEY, post_id TEXT NOT NULL REFERENCES posts(id), position INTEGER NOT NULL,
  width INTEGER NOT NULL, height INTEGER NOT NULL, bytes INTEGER NOT NULL, content_type TEXT NOT NULL,
  sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS published(
  image_id TEXT PRIMARY KEY REFERENCES images(id), bytes INTEGER NOT NULL, content_type TEXT NOT NULL,
  sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS registrations(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, status TEXT NOT NULL,
  submitted_at INTEGER NOT NULL, applicant TEXT NOT NULL, decision_id TEXT);
CREATE TABLE IF NOT EXISTS documents(
  id TEXT PRIMARY KEY, registration_id TEXT NOT NULL REFERENCES registrations(id), position INTEGER NOT NULL,
  kind TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, bytes INTEGER NOT NULL,
  content_type TEXT NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS leases(
  subject_type TEXT NOT NULL, subject_id TEXT NOT NULL, lease_id TEXT NOT NULL, holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL, PRIMARY KEY(subject_type, subject_id));
CREATE TABLE IF NOT EXISTS decisions(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL, decided_by TEXT NOT NULL, decided_at INTEGER NOT NULL,
  answer TEXT NOT NULL, evidence TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency(
  user_id TEXT NOT NULL, subject_type TEXT NOT NULL, subject_id TEXT NOT NULL, key TEXT NOT NULL,
  status INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY(user_id, subject_type, subject_id, key));
CREATE INDEX IF NOT EXISTS posts_status ON posts(status, seq);
CREATE INDEX IF NOT EXISTS registrations_status ON registrations(status, seq);
CREATE INDEX IF NOT EXISTS decisions_user ON decisions(decided_by, seq);
)SQL";
}  // namespace

Store::Store(const std::filesystem::path& dataDir)
    : dir_(dataDir),
      fresh_(!std::filesystem::exists(dataDir / "platform.db")),
      db_((std::filesystem::create_directories(dataDir / "blobs"), dataDir / "platform.db")) {
  db_.exec(kSchema);
  installAuditChain(db_);
}

std::string Store::putBlob(const std::string& bytes) {
  const std::string sha = sha256Hex(bytes);
  const auto path = dir_ / "blobs" / sha;
  if (std::filesystem::exists(path)) return sha;
  thread_local std::mt19937_64 rng{std::random_device{}()};
  const auto tmp = dir_ / "blobs" / (sha + ".tmp" + std::to_string(rng()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw std::runtime_error("cannot write blob " + tmp.string());
  size_t off = 0;
  while (off < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("cannot write blob " + tmp.string());
    }
    off += static_cast<size_t>(n);
  }
  ::fsync(fd);
  ::close(fd);
  std::filesystem::rename(tmp, path);
  return sha;
}

std::string Store::getBlob(const std::string& sha256) const {
  auto bytes = util::readFile(dir_ / "blobs" / sha256);
  if (!bytes) throw std::runtime_error("missing blob " + sha256);
  return std::move(*bytes);
}

int64_t nowSeconds() {
  const auto system = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::seconds>(system).count() + clockOffsetSeconds();  // test_clock.hpp
}

std::optional<int64_t> parseRfc3339(const std::string& text) {
  int y, mo, d, h, mi, s;
  char tail[16] = {0};
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%15s", &y, &mo, &d, &h, &mi, &s, tail) < 6) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d, tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = s;
  int64_t t = timegm(&tm);
  std::string rest = tail;
  if (!rest.empty() && rest[0] == '.') {
    size_t i = 1;
    while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
    rest = rest.substr(i);
  }
  if (rest == "Z" || rest == "z") return t;
  int oh = 0, om = 0;
  if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && std::sscanf(rest.c_str() + 1, "%2d:%2d", &oh, &om) == 2)
    return t - (rest[0] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
  return std::nullopt;
}

}  // namespace medpics::platform
