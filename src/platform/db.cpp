// The platform's connection settings: WAL journal, FULL synchronous (decisions survive a crash), foreign keys.
#include "db.hpp"

#include <sqlite3.h>

namespace medpics::platform {

Db::Db(const std::filesystem::path& file)
    : util::sql::Db(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, 5000) {
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=FULL");
  exec("PRAGMA foreign_keys=ON");
}

}  // namespace medpics::platform
