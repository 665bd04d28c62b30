// Lookups in the directory index: by RPPS/ADELI number and by accent-insensitive name.
#include "directory_schema.hpp"
#include "medpics/creds/directory.hpp"
#include "medpics/creds/identifiers.hpp"
#include "medpics/creds/text.hpp"
#include "medpics/util/sqlite.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

namespace medpics::creds {
namespace sql = util::sql;

std::string DirectoryPerson::displayName() const { return firstName + " " + lastName; }

struct Directory::Impl {
  sql::Db db;
  sql::Stmt byIdentifier;
  sql::Stmt byName;  // last_norm = ?1 and first_norm starts with the words ?2
  sql::Stmt byLastName;
  std::mutex mutex;

  explicit Impl(const std::filesystem::path& path)
      : db(checked(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX),
        byIdentifier(
            db, ("SELECT " + schema::columnList() + " FROM activity WHERE identifier = ?1 ORDER BY rowid").c_str()),
        byName(db,
               "SELECT DISTINCT identifier FROM activity WHERE last_norm = ?1 AND first_norm >= ?2 AND first_norm < ?3 "
               "LIMIT ?4"),
        byLastName(db, "SELECT DISTINCT identifier FROM activity WHERE last_norm = ?1 LIMIT ?2") {}

  static const std::filesystem::path& checked(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path)) {
      throw std::runtime_error("no RPPS directory at " + path.string() + " (run: medpics registry import FILE)");
    }
    return path;
  }

  std::optional<DirectoryPerson> person(const std::string& identifier) {
    std::optional<DirectoryPerson> found;
    byIdentifier.bind(1, identifier);
    while (byIdentifier.step()) {
      std::map<Field, std::string> row;
      for (std::size_t i = 0; i < schema::kColumns.size(); ++i)
        row[schema::kColumns[i].field] = byIdentifier.text(static_cast<int>(i));
      if (!found) {
        found = DirectoryPerson{row[Field::IdType],          row[Field::Identifier],
                                row[Field::IdNat],           row[Field::CivilityExCode],
                                row[Field::CivilityExLabel], row[Field::CivilityCode],
                                row[Field::CivilityLabel],   row[Field::LastName],
                                row[Field::FirstName],       {}};
      }
      found->activities.push_back(
          {row[Field::ProfessionCode], row[Field::ProfessionLabel], row[Field::CategoryCode], row[Field::CategoryLabel],
           row[Field::SkillTypeCode], row[Field::SkillCode], row[Field::SkillLabel], row[Field::ModeCode],
           row[Field::ModeLabel], row[Field::SiteName], row[Field::Postcode], row[Field::City], row[Field::Authority]});
    }
    byIdentifier.reset();
    return found;
  }

  // Identifiers of persons whose folded last name is `last` and first name starts with the words `first`.
  void collect(const std::string& last, const std::string& first, std::size_t limit, std::vector<std::string>& out) {
    sql::Stmt& stmt = first.empty() ? byLastName : byName;
    stmt.bind(1, last);
    if (first.empty()) {
      stmt.bind(2, static_cast<long long>(limit));
    } else {
      stmt.bind(2, first);
      stmt.bind(3, first + "!");  // '!' follows ' ': the range holds "first" and "first ..." only
      stmt.bind(4, static_cast<long long>(limit));
    }
    while (stmt.step() && out.size() < limit) {
      std::string id = stmt.text(0);
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
    }
    stmt.reset();
  }
};

Directory::Directory(const std::filesystem::path& dbPath) : impl_(std::make_unique<Impl>(dbPath)) {}
Directory::~Directory() = default;

std::optional<DirectoryPerson> Directory::findByIdentifier(std::string_view identifier) const {
  std::string n = normalizeIdentifier(identifier);
  if (n.size() == 12 && n[0] == '8') n.erase(0, 1);  // idNat_PS 8 + RPPS
  if (n.size() == 10 && n[0] == '0') n.erase(0, 1);  // idNat_PS 0 + ADELI
  if (n.empty()) return std::nullopt;
  std::lock_guard lock(impl_->mutex);
  return impl_->person(n);
}

std::vector<DirectoryPerson> Directory::searchByName(std::string_view query, std::size_t limit) const {
  std::vector<std::string> words = nameTokens(query);
  const std::set<std::string> titles = {"dr", "docteur", "pr",   "professeur", "m",
                                        "mr", "mme",     "mlle", "monsieur",   "madame"};
  while (words.size() > 1 && titles.count(words.front())) words.erase(words.begin());
  if (words.empty() || limit == 0) return {};
  const auto join = [&](std::size_t from, std::size_t to) {
    std::string s;
    for (std::size_t i = from; i < to; ++i) s += (s.empty() ? "" : " ") + words[i];
    return s;
  };
  std::vector<std::string> ids;
  std::vector<DirectoryPerson> persons;
  std::lock_guard lock(impl_->mutex);
  if (words.size() == 1) {
    impl_->collect(words[0], "", limit, ids);
  } else {
    // Every split of the words into (last, first) and (first, last): "LE GOFF Yann", "Yann Le Goff".
    for (std::size_t k = 1; k < words.size() && ids.size() < limit; ++k) {
      impl_->collect(join(0, k), join(k, words.size()), limit, ids);
      impl_->collect(join(k, words.size()), join(0, k), limit, ids);
    }
    if (ids.size() < limit) impl_->collect(join(0, words.size()), "", limit, ids);  // a compound last name alone
  }
  for (const auto& id : ids) {
    if (auto p = impl_->person(id)) persons.push_back(std::move(*p));
  }
  std::sort(persons.begin(), persons.end(), [](const DirectoryPerson& a, const DirectoryPerson& b) {
    return std::tie(a.lastName, a.firstName, a.identifier) < std::tie(b.lastName, b.firstName, b.identifier);
  });
  return persons;
}

std::vector<DirectoryPerson> Directory::lookup(std::string_view query, std::size_t limit) const {
  const std::string n = normalizeIdentifier(query);
  const bool number = !n.empty() && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!number) return searchByName(query, limit);
  if (auto p = findByIdentifier(query)) return {std::move(*p)};
  return {};
}

DirectoryInfo Directory::info() const {
  DirectoryInfo info;
  std::lock_guard lock(impl_->mutex);
  sql::Stmt meta(impl_->db, "SELECT key, value FROM meta");
  while (meta.step()) {
    const std::string key = meta.text(0), value = meta.text(1);
    if (key == "source")
      info.source = value;
    else if (key == "imported_at")
      info.importedAt = value;
    else if (key == "encoding")
      info.encoding = value;
    else if (key == "rows")
      info.rows = std::stoull(value);
    else if (key == "persons")
      info.persons = std::stoull(value);
  }
  return info;
}

}  // namespace medpics::creds
