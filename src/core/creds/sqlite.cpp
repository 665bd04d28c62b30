// RAII wrappers over the SQLite C API: connection, prepared statement, errors as exceptions.
#include "sqlite.hpp"

#include <stdexcept>

namespace medpics::creds::sql {
namespace {
[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw std::runtime_error("sqlite: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}
}  // namespace

Db::Db(const std::filesystem::path& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error("sqlite: cannot open " + path.string() + ": " + message);
  }
  sqlite3_busy_timeout(db_, 2000);
}

Db::~Db() { close(); }

void Db::close() {
  if (db_) sqlite3_close_v2(db_);
  db_ = nullptr;
}

void Db::exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error(std::string("sqlite: ") + message + " in: " + sql);
  }
}

Stmt::Stmt(const Db& db, const char* sql) : db_(db.handle()) {
  if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
    fail(db_, std::string("prepare ") + sql);
  }
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

void Stmt::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK) {
    fail(db_, "bind");
  }
}

void Stmt::bindStatic(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC) != SQLITE_OK) {
    fail(db_, "bind");
  }
}

void Stmt::bind(int index, long long value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "bind");
}

bool Stmt::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, "step");
}

void Stmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Stmt::rewind() { sqlite3_reset(stmt_); }

std::string Stmt::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

long long Stmt::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

}  // namespace medpics::creds::sql
