// Thin RAII wrapper over one SQLite connection (WAL mode): statements, typed binds, transactions.
#pragma once
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace medpics::platform {

class Db;

class Stmt {
 public:
  Stmt(Db& db, const std::string& sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int index, const std::string& value);
  Stmt& bind(int index, const char* value) { return bind(index, std::string(value)); }
  Stmt& bind(int index, int64_t value);
  Stmt& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Stmt& bind(int index, const std::optional<std::string>& value);
  Stmt& bindNull(int index);
  template <class... Args>
  Stmt& bindAll(const Args&... args) {
    int i = 0;
    (bind(++i, args), ...);
    return *this;
  }
  bool step();  // true while a row is available; throws on error
  void run() { step(); }
  std::string text(int column) const;
  std::optional<std::string> optText(int column) const;
  int64_t integer(int column) const;
  bool isNull(int column) const;

 private:
  Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Db {
 public:
  explicit Db(const std::filesystem::path& file);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(const std::string& sql);
  int64_t lastInsertId() const;
  int changes() const;
  std::recursive_mutex& mutex() { return mutex_; }
  sqlite3* handle() { return db_; }
  [[noreturn]] void fail(const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::recursive_mutex mutex_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back when not committed.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace medpics::platform
