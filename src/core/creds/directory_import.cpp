// Importer of the PS_LibreAcces extract into the SQLite directory index: streamed, one transaction, atomic rename.
#include "directory_schema.hpp"
#include "medpics/creds/directory.hpp"
#include "medpics/creds/identifiers.hpp"
#include "medpics/creds/text.hpp"
#include "medpics/util/file.hpp"
#include "medpics/util/time.hpp"
#include "medpics/util/sqlite.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <stdexcept>

namespace medpics::creds {
namespace sql = util::sql;
namespace {

constexpr std::size_t kMaxSamples = 20;
constexpr std::uint64_t kProgressEveryLines = 16384;

bool hasHighBytes(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

constexpr std::uint64_t kMaxExtractBytes = 16ull << 30;  // 16 GiB: streamed line by line, never held whole

struct LineReader {
  std::FILE* file = nullptr;
  char* buffer = nullptr;
  std::size_t capacity = 0;
  explicit LineReader(const std::filesystem::path& path) {
    int fd = -1;
    try {
      fd = util::openRegularFile(path, kMaxExtractBytes);  // a FIFO, device or directory is refused at once
    } catch (const util::FileError& e) {
      throw util::FileError(e.problem, path.string() + ": " + e.what());
    }
    file = ::fdopen(fd, "rb");
    if (!file) {
      ::close(fd);
      throw std::runtime_error("cannot read " + path.string());
    }
    std::setvbuf(file, nullptr, _IOFBF, 1 << 20);
  }
  ~LineReader() {
    std::free(buffer);
    if (file) std::fclose(file);
  }
  // The next line with its '\n' (if any); nullopt at the end of the file.
  std::optional<std::string_view> next() {
    const ssize_t n = ::getline(&buffer, &capacity, file);
    if (n < 0) return std::nullopt;
    return std::string_view(buffer, static_cast<std::size_t>(n));
  }
};

// Decides the file's encoding on the first line with non-ASCII bytes, then converts lines to UTF-8.
class Decoder {
 public:
  std::string_view toUtf8(std::string_view line, ImportReport& report) {
    if (!hasHighBytes(line)) return line;
    const bool utf8 = isValidUtf8(line);
    if (encoding_.empty()) encoding_ = utf8 ? "utf-8" : "latin-1";
    if (encoding_ == "utf-8" && utf8) return line;
    if (encoding_ == "utf-8") ++report.repairedLines;
    converted_ = latin1ToUtf8(line);
    return converted_;
  }
  std::string encoding() const { return encoding_.empty() ? "utf-8" : encoding_; }

 private:
  std::string encoding_;
  std::string converted_;
};

void addSample(ImportReport& report, std::uint64_t lineNumber, const std::string& reason) {
  if (report.malformedSamples.size() < kMaxSamples) {
    report.malformedSamples.push_back("line " + std::to_string(lineNumber) + ": " + reason);
  }
}

std::string insertSql() {
  std::string sql = "INSERT INTO activity (" + schema::columnList() + ", last_norm, first_norm) VALUES (";
  for (std::size_t i = 0; i < schema::kColumns.size() + 2; ++i) sql += i ? ", ?" : "?";
  return sql + ")";
}

std::string createSql() {
  std::string sql = "CREATE TABLE activity (";
  for (const auto& c : schema::kColumns) sql += std::string(c.name) + " TEXT, ";
  return sql + "last_norm TEXT, first_norm TEXT)";
}

// Loads every line after the header into the open database; returns false when cancelled.
bool loadRows(LineReader& reader, Decoder& decoder, const ColumnMap& map, std::size_t columns, sql::Db& db,
              std::uint64_t totalBytes, const ImportProgress& progress, ImportReport& report) {
  sql::Stmt insert(db, insertSql().c_str());
  std::vector<std::string_view> fields;
  std::string lastNorm, firstNorm;
  const auto at = [&](Field f) {
    const std::size_t pos = map[static_cast<std::size_t>(f)];
    return pos == std::string::npos ? std::string_view() : trim(fields[pos]);
  };
  std::uint64_t lineNumber = 1;
  if (progress && !progress(report.bytes, totalBytes, 0)) return false;
  while (const auto raw = reader.next()) {
    ++lineNumber;
    report.bytes += raw->size();
    if (progress && lineNumber % kProgressEveryLines == 0 && !progress(report.bytes, totalBytes, report.rows))
      return false;
    const std::string_view line = decoder.toUtf8(*raw, report);
    if (trim(line).find_first_not_of("\r\n") == std::string_view::npos) continue;  // blank line
    splitExtractLine(line, fields);
    if (fields.size() != columns) {
      ++report.malformed;
      addSample(report, lineNumber, std::to_string(fields.size()) + " fields, expected " + std::to_string(columns));
      continue;
    }
    const std::string_view id = at(Field::Identifier);
    if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      ++report.malformed;
      addSample(report, lineNumber, "identifier '" + std::string(id) + "' is not a number");
      continue;
    }
    const std::string_view type = at(Field::IdType);
    if ((type == "8" || (type.empty() && id.size() == 11)) && !luhnValid(id)) ++report.invalidKeys;
    // Bound without copies: the fields and folded names live until step() returns.
    int index = 1;
    for (const auto& c : schema::kColumns) insert.bindStatic(index++, at(c.field));
    lastNorm = foldName(at(Field::LastName));
    firstNorm = foldName(at(Field::FirstName));
    insert.bindStatic(index++, lastNorm);
    insert.bindStatic(index, firstNorm);
    insert.step();
    insert.rewind();
    ++report.rows;
  }
  return true;
}

}  // namespace

std::filesystem::path defaultDirectoryPath() {
  if (const char* data = std::getenv("MEDPICS_DATA"); data && *data)
    return std::filesystem::path(data) / "registry.sqlite";
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "medpics" / "registry.sqlite";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "medpics" / "registry.sqlite";
}

ImportReport importExtract(const std::filesystem::path& extract, const std::filesystem::path& dbPath,
                           const ImportProgress& progress) {
  const auto started = std::chrono::steady_clock::now();
  ImportReport report;
  LineReader reader(extract);
  std::error_code sizeError;
  const std::uint64_t totalBytes = std::filesystem::file_size(extract, sizeError);

  Decoder decoder;
  auto headerLine = reader.next();
  if (!headerLine) throw std::runtime_error(extract.string() + " is empty");
  report.bytes += headerLine->size();
  if (headerLine->substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    throw std::runtime_error(extract.string() +
                             " is a zip archive: unzip it and import the PS_LibreAcces_Personne_activite_*.txt file");
  }
  std::string_view headerText = *headerLine;
  if (headerText.substr(0, 3) == "\xEF\xBB\xBF") headerText.remove_prefix(3);  // UTF-8 byte-order mark
  const std::string_view headerUtf8 = decoder.toUtf8(headerText, report);
  std::vector<std::string> header;
  for (const auto field : splitExtractLine(headerUtf8)) header.emplace_back(trim(field));
  const ColumnMap map = mapColumns(header);
  report.columns = header.size();

  const std::filesystem::path parent = dbPath.has_parent_path() ? dbPath.parent_path() : std::filesystem::path(".");
  std::filesystem::create_directories(parent);
  const std::filesystem::path temp = parent / (dbPath.filename().string() + ".importing-" + std::to_string(::getpid()));
  std::filesystem::remove(temp);
  try {
    sql::Db db(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
    db.exec(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; "
        "PRAGMA cache_size=-65536; PRAGMA temp_store=FILE; PRAGMA threads=2");
    db.exec(createSql().c_str());
    db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)");
    db.exec("BEGIN");
    if (!loadRows(reader, decoder, map, header.size(), db, totalBytes, progress, report)) {
      report.cancelled = true;
      db.close();
      std::filesystem::remove(temp);
      return report;
    }
    db.exec("COMMIT");
    if (progress) progress(totalBytes, totalBytes, report.rows);  // rows loaded; the indexes follow
    const auto loaded = std::chrono::steady_clock::now();
    report.loadSeconds = std::chrono::duration<double>(loaded - started).count();
    db.exec("CREATE INDEX activity_identifier ON activity (identifier)");
    db.exec("CREATE INDEX activity_name ON activity (last_norm, first_norm, identifier)");
    report.indexSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loaded).count();
    {
      sql::Stmt count(db, "SELECT COUNT(DISTINCT identifier) FROM activity");
      if (count.step()) report.persons = static_cast<std::uint64_t>(count.integer(0));
    }
    report.encoding = decoder.encoding();
    {
      sql::Stmt meta(db, "INSERT INTO meta (key, value) VALUES (?, ?)");
      for (const auto& [key, value] : {std::pair<std::string, std::string>{"source", extract.filename().string()},
                                       {"imported_at", util::rfc3339(std::time(nullptr))},
                                       {"encoding", report.encoding},
                                       {"rows", std::to_string(report.rows)},
                                       {"persons", std::to_string(report.persons)},
                                       {"columns", std::to_string(report.columns)},
                                       {"schema", "1"}}) {
        meta.bind(1, key);
        meta.bind(2, value);
        meta.step();
        meta.reset();
      }
    }
    db.exec("PRAGMA journal_mode=DELETE");
    db.close();
    std::filesystem::rename(temp, dbPath);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw;
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace medpics::creds
