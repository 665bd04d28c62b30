// The sandbox's persistent state: SQLite database (metadata, decisions, leases, tokens, idempotency)
// plus content-addressed blob files (image and document bytes) under DATA/blobs/<sha256>.
#pragma once
#include "db.hpp"
#include "medpics/util/time.hpp"

#include <filesystem>
#include <string>

namespace medpics::platform {

class Store {
 public:
  explicit Store(const std::filesystem::path& dataDir);
  Db& db() { return db_; }
  bool freshlyCreated() const { return fresh_; }

  // Writes bytes to blobs/<sha256> (atomic rename, fsync); returns the sha256 hex.
  std::string putBlob(const std::string& bytes);
  // Reads a blob; throws when missing.
  std::string getBlob(const std::string& sha256) const;

 private:
  std::filesystem::path dir_;
  bool fresh_ = false;
  Db db_;
};

// Seconds since the epoch, and RFC 3339 UTC text of such a time (medpics/util/time.hpp).
int64_t nowSeconds();  // Unix seconds, plus the offset of the test clock (test_clock.hpp, --test-clock)
using util::rfc3339;
// Parses "YYYY-MM-DDTHH:MM:SSZ" (fractional seconds / offsets +hh:mm accepted); nullopt when invalid.
std::optional<int64_t> parseRfc3339(const std::string& text);

}  // namespace medpics::platform
