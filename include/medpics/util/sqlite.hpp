// The one RAII wrapper over the SQLite C API (directory index, outbox journal, sandbox platform): connection,
// prepared statements with typed binds, transactions; every error becomes a std::runtime_error with SQLite's message.
#pragma once
#include <concepts>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace medpics::util::sql {

class Db {
 public:
  // flags: SQLITE_OPEN_* of sqlite3.h; busyTimeoutMs: how long a statement waits for another connection's lock.
  Db(const std::filesystem::path& path, int flags, int busyTimeoutMs = 2000);  // throws std::runtime_error
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(const std::string& sql);  // one or more statements; throws with SQLite's message
  std::int64_t lastInsertId() const;
  int changes() const;  // rows changed by the last statement
  sqlite3* handle() const { return db_; }
  void close();
  [[noreturn]] void fail(const std::string& what) const;  // throws "sqlite: <what>: <SQLite's last message>"

 private:
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt(const Db& db, const std::string& sql);  // throws when the statement does not compile
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Binds are 1-based; text is copied by SQLite, except by bindStatic (`text` must live until the next step()).
  Stmt& bind(int index, std::string_view text);
  Stmt& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Stmt& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Stmt& bind(int index, const std::optional<std::string>& text);  // NULL when empty
  template <std::integral T>
  Stmt& bind(int index, T value) {
    return bindInteger(index, static_cast<std::int64_t>(value));
  }
  Stmt& bindInteger(int index, std::int64_t value);
  Stmt& bindNull(int index);
  Stmt& bindStatic(int index, std::string_view text);
  template <class... Args>
  Stmt& bindAll(const Args&... args) {
    int i = 0;
    (bind(++i, args), ...);
    return *this;
  }

  bool step();  // true while a row is available; throws on error
  void run() { step(); }
  void reset();   // ready to bind and step again (bindings cleared)
  void rewind();  // ready to step again with the same bindings (each can be re-bound)

  std::string text(int column) const;  // "" for NULL
  std::optional<std::string> optText(int column) const;
  std::int64_t integer(int column) const;
  bool isNull(int column) const;

 private:
  const Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back when not committed.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace medpics::util::sql
