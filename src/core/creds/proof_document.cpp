// Extraction of identifiers, names, university, academic year and dates from the OCR text of a proof.
#include "medpics/creds/proof_document.hpp"

#include "medpics/creds/text.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace medpics::creds {
namespace {

using namespace std::chrono;

struct Dated {
  std::size_t offset;
  FoundDate found;
};

std::optional<year_month_day> makeDate(int y, unsigned m, unsigned d) {
  if (y < 100) y += 2000;
  const year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

// "é" or "É" or a plain "e", as the OCR or the writer may give it.
#define E_ACUTE "(?:e|E|\xc3\xa9|\xc3\x89)"
#define U_CIRC "(?:u|U|\xc3\xbb|\xc3\x9b)"

unsigned frenchMonth(const std::string& word) {
  static const char* const months[] = {"janvier", "fevrier", "mars",      "avril",   "mai",      "juin",
                                       "juillet", "aout",    "septembre", "octobre", "novembre", "decembre"};
  const std::string folded = foldName(word);
  for (unsigned i = 0; i < 12; ++i) {
    if (folded == months[i]) return i + 1;
  }
  return 0;
}

std::vector<Dated> datesWithOffsets(std::string_view text) {
  static const std::regex numeric(
      R"((^|[^0-9])([0-3]?[0-9]) ?[/.\-] ?([01]?[0-9]) ?[/.\-] ?((?:19|20)[0-9]{2}|[0-9]{2})(?![0-9]))");
  static const std::regex iso(R"((^|[^0-9])((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])(?![0-9]))");
  static const std::regex monthYear(R"((^|[^0-9/.\-])([01]?[0-9])/((?:20)[0-9]{2})(?![0-9/]))");
  static const std::regex french("(^|[^0-9A-Za-z])(1er|[0-3]?[0-9]) +(janvier|f" E_ACUTE
                                 "vrier|mars|avril|mai|juin|juillet|ao" U_CIRC "t|septembre|octobre|novembre|d" E_ACUTE
                                 "cembre) +((?:19|20)[0-9]{2})",
                                 std::regex::icase);
  std::vector<Dated> out;
  const std::string s(text);
  const auto scan = [&](const std::regex& re, auto&& toDate) {
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
      const auto& m = *it;
      if (const auto date = toDate(m)) {
        const auto offset = static_cast<std::size_t>(m.position(2));
        const std::size_t end = static_cast<std::size_t>(m.position(0) + m.length(0));
        out.push_back({offset, {*date, s.substr(offset, end - offset)}});
      }
    }
  };
  scan(numeric, [](const std::smatch& m) {
    return makeDate(std::stoi(m[4]), static_cast<unsigned>(std::stoi(m[3])), static_cast<unsigned>(std::stoi(m[2])));
  });
  scan(iso, [](const std::smatch& m) {
    return makeDate(std::stoi(m[2]), static_cast<unsigned>(std::stoi(m[3])), static_cast<unsigned>(std::stoi(m[4])));
  });
  scan(monthYear, [](const std::smatch& m) -> std::optional<year_month_day> {
    const unsigned mo = static_cast<unsigned>(std::stoi(m[2]));
    if (mo < 1 || mo > 12) return std::nullopt;
    return year_month_day{year_month_day_last{year{std::stoi(m[3])}, month_day_last{month{mo}}}};
  });
  scan(french, [](const std::smatch& m) {
    const unsigned d = m[2].str() == "1er" || m[2].str() == "1ER" ? 1u : static_cast<unsigned>(std::stoi(m[2]));
    return makeDate(std::stoi(m[4]), frenchMonth(m[3]), d);
  });
  std::sort(out.begin(), out.end(), [](const Dated& a, const Dated& b) { return a.offset < b.offset; });
  return out;
}

struct Line {
  std::size_t offset;
  std::string_view text;
};

std::vector<Line> lines(std::string_view text) {
  std::vector<Line> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back({start, text.substr(start, end - start)});
    start = end + 1;
  }
  return out;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

bool containsAny(const std::string& folded, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const char* w) { return (" " + folded + " ").find(w) != std::string::npos; });
}

// The expiry date: the first date after an expiry keyword on its line, or on the next line.
std::optional<FoundDate> expiryDate(const std::vector<Line>& all, const std::vector<Dated>& dates) {
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string folded = foldName(all[i].text);
    // Word starts, tolerant of OCR damage further in the phrase ("Valable iusau'au").
    if (!containsAny(folded, {" expir", " valable", " valid", " fin de validite", " date limite"})) {
      continue;
    }
    const std::size_t from = all[i].offset;
    const std::size_t to =
        i + 1 < all.size() ? all[i + 1].offset + all[i + 1].text.size() : all[i].offset + all[i].text.size();
    for (const auto& d : dates) {
      if (d.offset >= from && d.offset < to) return d.found;
    }
  }
  return std::nullopt;
}

std::string academicYear(std::string_view text) {
  static const std::regex re(
      "(^|[^0-9])((?:19|20)[0-9]{2}) *(?:-|/|\xe2\x80\x93|\xe2\x80\x94) *((?:19|20)?[0-9]{2})(?![0-9])");
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
    const int first = std::stoi((*it)[2]);
    const std::string second = (*it)[3];
    const int next = second.size() == 2 ? (first / 100) * 100 + std::stoi(second) : std::stoi(second);
    if (next == first + 1) return std::to_string(first) + "-" + std::to_string(next);
  }
  return {};
}

}  // namespace

std::string_view documentKindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::RppsCard: return "rpps_card";
    case DocumentKind::OrdreCertificate: return "ordre_certificate";
    case DocumentKind::StudentCard: return "student_card";
    case DocumentKind::Other: break;
  }
  return "other";
}

DocumentKind documentKindFromName(std::string_view name) {
  for (auto kind : {DocumentKind::RppsCard, DocumentKind::OrdreCertificate, DocumentKind::StudentCard}) {
    if (documentKindName(kind) == name) return kind;
  }
  return DocumentKind::Other;
}

std::vector<FoundDate> findDates(std::string_view text) {
  std::vector<FoundDate> out;
  for (auto& d : datesWithOffsets(text)) out.push_back(std::move(d.found));
  return out;
}

ProofFacts extractProofFacts(std::string_view ocrText) {
  ProofFacts facts;
  facts.letters = static_cast<std::size_t>(std::count_if(ocrText.begin(), ocrText.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0xC0;
  }));
  facts.identifiers = findCredentialIdentifiers(ocrText);
  const auto dated = datesWithOffsets(ocrText);
  for (const auto& d : dated) facts.dates.push_back(d.found);
  const auto all = lines(ocrText);
  facts.expiry = expiryDate(all, dated);
  facts.academicYear = academicYear(ocrText);
  static const std::regex labelled(
      "^\\s*(nom(?: d'usage| de naissance| d'exercice| patronymique)?|surname|last name|pr" E_ACUTE
      "noms?(?: \\(s\\))?|first names?|given names?)\\s*:\\s*(.+?)\\s*$",
      std::regex::icase);
  for (const auto& line : all) {
    const std::string folded = foldName(line.text);
    if (facts.university.empty() &&
        containsAny(folded, {" universite ", " university ", " faculte ", " ufr ", " sorbonne ", " ecole de sante "})) {
      facts.university = trimmed(line.text);
    }
    std::smatch m;
    const std::string text(line.text);
    if (std::regex_match(text, m, labelled)) {
      const std::string key = foldName(m[1].str());
      std::string& target =
          key.rfind("nom", 0) == 0 || key == "surname" || key == "last name" ? facts.lastName : facts.firstName;
      if (target.empty()) target = trimmed(m[2].str());
    }
  }
  return facts;
}

}  // namespace medpics::creds
