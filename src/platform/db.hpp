// The platform's database: the one SQLite wrapper (medpics/util/sqlite.hpp) opened in WAL mode, plus the mutex that
// serialises the server's requests on its connection.
#pragma once
#include "medpics/util/sqlite.hpp"

#include <filesystem>
#include <mutex>

namespace medpics::platform {

using util::sql::Stmt;
using util::sql::Transaction;

class Db : public util::sql::Db {
 public:
  explicit Db(const std::filesystem::path& file);  // WAL, synchronous=FULL, foreign keys on, 5 s busy timeout
  std::recursive_mutex& mutex() { return mutex_; }

 private:
  std::recursive_mutex mutex_;
};

}  // namespace medpics::platform
