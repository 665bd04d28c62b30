// `medpics registry import|lookup|generate|info`: the local RPPS directory index from the command line.
#include "command.hpp"
#include "medpics/demo/demo_directory.hpp"
#include "medpics/creds/directory.hpp"
#include "medpics/demo/extract_generator.hpp"
#include "option_list.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

namespace {

using namespace medpics::creds;
using medpics::cli::OptionList;

constexpr const char* kUsage =
    "usage: medpics registry import FILE [--db PATH] [--json]\n"
    "       medpics registry lookup RPPS-or-NAME [--json] [--limit N] [--db PATH]\n"
    "       medpics registry generate --out FILE --rows N [--seed S] [--version 2021|2023]\n"
    "                                 [--encoding utf8|latin1] [--malformed-every N] [--demo-applicants]\n"
    "       medpics registry info [--db PATH]\n"
    "default index: $MEDPICS_DATA/registry.sqlite, else ~/.local/share/medpics/registry.sqlite\n";

std::filesystem::path dbPath(OptionList& options) {
  const auto db = options.option("--db");
  return db ? std::filesystem::path(*db) : defaultDirectoryPath();
}

// A progress bar on stderr: redrawn in place on a terminal, a line every 10 % otherwise.
ImportProgress progressBar() {
  const bool tty = isatty(STDERR_FILENO) != 0;
  return [tty, lastDecile = -1](std::uint64_t done, std::uint64_t total, std::uint64_t rows) mutable {
    const double fraction = total ? std::min(1.0, static_cast<double>(done) / static_cast<double>(total)) : 1.0;
    const int percent = static_cast<int>(fraction * 100.0);
    if (tty) {
      const int filled = static_cast<int>(fraction * 30.0);
      std::fprintf(stderr, "\r[%-30s] %3d%%  %llu rows", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                   percent, static_cast<unsigned long long>(rows));
    } else if (percent / 10 != lastDecile) {
      std::fprintf(stderr, "import: %3d%%  %llu rows\n", percent, static_cast<unsigned long long>(rows));
    }
    if (percent == 100 && lastDecile != 10) std::fprintf(stderr, "%sbuilding the indexes...\n", tty ? "\n" : "");
    lastDecile = percent / 10;
    return true;
  };
}

int import(OptionList& options) {
  const bool json = options.flag("--json");
  const auto db = dbPath(options);
  const auto& rest = options.positional();
  if (rest.size() != 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const ImportReport r = importExtract(rest[1], db, progressBar());
  for (const auto& sample : r.malformedSamples) std::fprintf(stderr, "malformed %s\n", sample.c_str());
  if (json) {
    const nlohmann::json j = {{"db", db.string()},
                              {"rows", r.rows},
                              {"persons", r.persons},
                              {"malformed", r.malformed},
                              {"invalid_keys", r.invalidKeys},
                              {"repaired_lines", r.repairedLines},
                              {"encoding", r.encoding},
                              {"columns", r.columns},
                              {"seconds", r.seconds}};
    std::printf("%s\n", j.dump().c_str());
  } else {
    std::printf(
        "imported %llu rows (%llu persons) into %s in %.1f s; encoding %s, %zu columns; %llu malformed lines skipped; "
        "%llu RPPS with a bad key kept\n",
        static_cast<unsigned long long>(r.rows), static_cast<unsigned long long>(r.persons), db.c_str(), r.seconds,
        r.encoding.c_str(), r.columns, static_cast<unsigned long long>(r.malformed),
        static_cast<unsigned long long>(r.invalidKeys));
  }
  return 0;
}

int lookup(OptionList& options) {
  const bool json = options.flag("--json");
  const auto limit = options.option("--limit");
  const auto db = dbPath(options);
  const auto& rest = options.positional();
  if (rest.size() < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string query;
  for (std::size_t i = 1; i < rest.size(); ++i) query += (i > 1 ? " " : "") + rest[i];
  const Directory directory(db);
  const auto persons = directory.lookup(query, limit ? std::stoul(*limit) : 20);
  if (json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : persons) list.push_back(toJson(p));
    std::printf("%s\n", nlohmann::json{{"query", query}, {"count", persons.size()}, {"persons", list}}.dump().c_str());
  } else {
    if (persons.empty()) std::printf("no match for '%s'\n", query.c_str());
    for (const auto& p : persons) {
      std::printf("%s  %s %s\n", p.identifier.c_str(), p.lastName.c_str(), p.firstName.c_str());
      for (const auto& a : p.activities) {
        std::printf("    %s (%s), category %s%s%s, %s %s\n", a.professionLabel.c_str(), a.professionCode.c_str(),
                    a.categoryCode.c_str(), a.skillCode.empty() ? "" : ", ", a.skillLabel.c_str(), a.postcode.c_str(),
                    a.city.c_str());
      }
    }
  }
  return persons.empty() ? 1 : 0;
}

int generate(OptionList& options) {
  ExtractOptions o;
  const bool demoApplicants = options.flag("--demo-applicants");
  const auto out = options.option("--out");
  const auto rows = options.option("--rows");
  if (const auto seed = options.option("--seed")) o.seed = std::stoull(*seed);
  if (const auto every = options.option("--malformed-every")) o.malformedEvery = std::stoull(*every);
  if (const auto version = options.option("--version")) {
    if (*version != "2021" && *version != "2023") throw std::invalid_argument("--version must be 2021 or 2023");
    o.version = *version == "2021" ? ExtractVersion::V2021 : ExtractVersion::V2023;
  }
  if (const auto encoding = options.option("--encoding")) {
    if (*encoding != "utf8" && *encoding != "latin1") throw std::invalid_argument("--encoding must be utf8 or latin1");
    o.encoding = *encoding == "utf8" ? ExtractEncoding::Utf8 : ExtractEncoding::Latin1;
  }
  if (!out || !rows || options.positional().size() != 1) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  o.rows = std::stoull(*rows);
  std::ofstream file(*out, std::ios::binary);
  if (!file) throw std::runtime_error("cannot write " + *out);
  // --demo-applicants: the registered demo applicants are in the extract, so the sandbox's checks find them.
  const auto mustInclude = demoApplicants ? demoDirectoryPersons() : std::vector<DirectoryPerson>{};
  const ExtractStats stats = generateExtract(o, mustInclude, file);
  file.close();
  if (!file) throw std::runtime_error("write error on " + *out);
  std::printf("wrote %llu rows (%llu persons, %llu malformed lines) to %s\n",
              static_cast<unsigned long long>(stats.rows), static_cast<unsigned long long>(stats.persons),
              static_cast<unsigned long long>(stats.malformed), out->c_str());
  return 0;
}

int info(OptionList& options) {
  const auto db = dbPath(options);
  const DirectoryInfo i = Directory(db).info();
  std::printf("%s\n", nlohmann::json{{"db", db.string()},
                                     {"source", i.source},
                                     {"imported_at", i.importedAt},
                                     {"encoding", i.encoding},
                                     {"rows", i.rows},
                                     {"persons", i.persons}}
                          .dump()
                          .c_str());
  return 0;
}

int run(const medpics::cli::Args& args) {
  OptionList options(args);
  const std::string verb = args.empty() ? "" : args[0];
  try {
    if (verb == "import") return import(options);
    if (verb == "lookup") return lookup(options);
    if (verb == "generate") return generate(options);
    if (verb == "info") return info(options);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "medpics registry: %s\n%s", e.what(), kUsage);
    return 2;
  }
  std::fputs(kUsage, stderr);
  return 2;
}

const medpics::cli::CommandRegistrar kRegistry(
    {"registry", "registry import|lookup|generate|info  local RPPS directory (Annuaire Santé extract)", run});

}  // namespace
