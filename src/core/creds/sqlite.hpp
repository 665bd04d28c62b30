// Minimal RAII wrappers over the SQLite C API for the directory index (private to the creds module).
#pragma once
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace medpics::creds::sql {

class Db {
 public:
  Db(const std::filesystem::path& path, int flags);  // throws std::runtime_error
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  void exec(const char* sql);  // throws with SQLite's message
  sqlite3* handle() const { return db_; }
  void close();

 private:
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt(const Db& db, const char* sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  void bind(int index, std::string_view text);  // 1-based, copied by SQLite
  void bindStatic(int index, std::string_view text);  // not copied: `text` must live until the next step()
  void bind(int index, long long value);
  bool step();   // true while a row is available; throws on error
  void reset();  // ready to bind and step again (bindings cleared)
  void rewind();  // ready to step again with the same bindings (each can be re-bound)
  std::string text(int column) const;
  long long integer(int column) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

}  // namespace medpics::creds::sql
