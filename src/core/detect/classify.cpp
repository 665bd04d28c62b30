// PHI classification rules: regular expressions for identifiers, dates, contacts and addresses,
// token rules (triggers, name lexicon, capitalisation) for person names, benign vocabulary for the rest.
#include "medpics/detect/classify.hpp"

#include "medpics/detect/lexicon.hpp"
#include "medpics/detect/text_normalise.hpp"
#include "medpics/detect/validators.hpp"

#include <algorithm>
#include <cstring>
#include <cctype>
#include <set>
#include <functional>
#include <regex>

namespace medpics::detect {
namespace {

// ---- tokens ----

struct Token {
  std::size_t begin = 0, end = 0;
  std::string raw, folded;
  bool capitalised = false, allCaps = false, alpha = false, hasDigit = false, dotAfter = false;
};

bool isUpperAt(std::string_view s, std::size_t i) {
  unsigned char c = s[i];
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && i + 1 < s.size() && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9E;
}
bool isLowerAt(std::string_view s, std::size_t i) {
  unsigned char c = s[i];
  if (c >= 'a' && c <= 'z') return true;
  return c == 0xC3 && i + 1 < s.size() && (unsigned char)s[i + 1] >= 0xA0;
}
bool isWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!isWordByte(s[i])) {
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    while (i < s.size()) {
      unsigned char c = s[i];
      // a hyphen joins compound words and ranges; an apostrophe joins letters only ("N'DIAYE"; "QRS'90" is a speck
      // OCR read between a word and a number)
      const bool digitBeside = c == '\'' && i + 1 < s.size() && (std::isdigit(static_cast<unsigned char>(s[i - 1])) ||
                                                                 std::isdigit(static_cast<unsigned char>(s[i + 1])));
      const bool joiner =
          (c == '-' || c == '\'') && i + 1 < s.size() && isWordByte(s[i + 1]) && i > t.begin && !digitBeside;
      if (!isWordByte(c) && !joiner) break;
      ++i;
    }
    t.end = i;
    t.raw = std::string(s.substr(t.begin, t.end - t.begin));
    t.folded = foldAccents(t.raw);
    bool lower = false, letter = false;
    for (std::size_t k = t.begin; k < t.end; ++k) {
      if (s[k] >= '0' && s[k] <= '9') t.hasDigit = true;
      if (isLowerAt(s, k)) lower = letter = true;
      if (isUpperAt(s, k)) letter = true;
    }
    t.alpha = letter && !t.hasDigit;
    t.capitalised = isUpperAt(s, t.begin);
    t.allCaps = letter && !lower;
    t.dotAfter = i < s.size() && s[i] == '.';
    tokens.push_back(std::move(t));
  }
  return tokens;
}

// Labels of identifiers and dates that follow a name on the same line ("DUPONT Jean, NIR ...", "IPP", "Né le").
bool identifierLabel(const std::string& folded) {
  static const char* labels[] = {"ipp", "nir",  "nda", "ins", "rpps", "adeli", "ddn", "dob", "tel",
                                 "id",  "sexe", "age", "ne",  "nee",  "secu",  "ss",  "mrn", "pid"};
  return std::find_if(std::begin(labels), std::end(labels), [&](const char* l) { return folded == l; }) !=
         std::end(labels);
}

bool nameLike(const Token& t) {
  return t.alpha && (t.capitalised || t.allCaps) && !isBenignWord(t.folded) && !isNameTrigger(t.folded) &&
         !isClinicalAbbreviation(t.folded) && !identifierLabel(t.folded);
}

// A word a person could be called: a vowel, no run of three identical letters, and not mostly consonant clusters
// of OCR garbage ("Wvw", "MMNM", "Iil"). Used for names found without a trigger or the lexicon.
bool pronounceable(const Token& t) {
  const std::string& w = t.folded;
  int vowels = 0, run = 1, longestConsonants = 0, consonants = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (c == '-' || c == '\'') {
      consonants = 0;
      continue;
    }
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    vowels += vowel;
    consonants = vowel ? 0 : consonants + 1;
    longestConsonants = std::max(longestConsonants, consonants);
    run = i > 0 && w[i - 1] == c ? run + 1 : 1;
    if (run >= 3) return false;
  }
  return vowels > 0 && longestConsonants <= 4 && vowels * 5 >= int(w.size());
}

// "Le", "De", "Ben", "Van", "Saint"...: part of a name when a name-like word follows.
// Lower-case particles count inside a name only ("Van der Berg", "Charles de Gaulle"): see nameRules.
bool particle(const Token& t) { return t.alpha && isNameParticle(t.folded); }
// True when a line holds ECG measurement words ("FC 90 bpm PR 160 ms QRS 90 ms"): its "PR" is the PR interval.
bool ecgMeasureLine(const std::vector<Token>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
    return t.folded == "qrs" || t.folded == "qt" || t.folded == "qtc" || t.folded == "bpm";
  });
}
// A title or field label before a name. On an ECG measurement line, "PR" and "MS" in capitals are the PR interval and
// milliseconds, whatever OCR made of the value between them ("PR TSO. MS: QRS 90 ms" for "PR 160 ms QRS 90 ms"); the
// titles are written "Pr" and "Ms".
bool isTrigger(const Token& t, bool ecgLine = false) {
  if (ecgLine && (t.raw == "PR" || t.raw == "MS")) return false;
  if (t.folded == "m") return t.raw == "M" && t.dotAfter;  // "M. Dupont", not "m" (metre)
  if (t.folded == "ms") return t.raw != "ms";              // "Ms Smith", not "90 ms" (milliseconds)
  return isNameTrigger(t.folded);
}

// ---- span collection ----

class Collector {
 public:
  explicit Collector(std::string_view text) : text_(text), copy_(text) {}
  // What a window must contain for the next rules to be tried at all (a cheap linear pre-filter: most of a long
  // caption has no digit, no '@' and no ':' and std::regex costs about a microsecond per position and rule).
  enum class Need { Any, Digit, At, Colon, BirthWord, Institution };
  void require(Need need) { need_ = need; }
  void add(std::size_t b, std::size_t e, const char* category, float conf, const char* rule, bool repaired = false) {
    if (e > b) spans_.push_back({b, e, category, conf, rule, repaired});
  }
  // Adds every match of `re` (sub-match `group`) that passes `accept`.
  // libstdc++'s std::regex recurses once per character of a match: a long text is scanned in overlapping windows
  // (found by the hostile-text test: 100000 digits overflowed the stack). Matches shorter than kOverlap are never
  // split; a window may start inside a long token, which can only add spans (more masking), never lose one.
  void addAll(const std::regex& re, int group, const char* category, float conf, const char* rule,
              const std::function<bool(const std::smatch&)>& accept = {}, bool repaired = false) {
    constexpr std::size_t kWindow = 1024, kOverlap = 192;
    const std::string& s = copy_;
    auto boundary = [&](std::size_t i) {  // first UTF-8 character start at or before i
      while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
      return i;
    };
    for (std::size_t start = 0;;) {
      std::size_t end = s.size() - start > kWindow ? boundary(start + kWindow) : s.size();
      if (end <= start) end = std::min(s.size(), start + kWindow);
      if (!windowMayMatch(std::string_view(s).substr(start, end - start))) {
        if (end >= s.size()) break;
        const std::size_t next = boundary(end - kOverlap);
        start = next > start ? next : end;
        continue;
      }
      for (auto it = std::sregex_iterator(s.begin() + std::ptrdiff_t(start), s.begin() + std::ptrdiff_t(end), re);
           it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        if (accept && !accept(m)) continue;
        const std::size_t b = start + std::size_t(m.position(group));
        add(b, b + std::size_t(m.length(group)), category, conf, rule, repaired);
      }
      if (end >= s.size()) break;
      const std::size_t next = boundary(end - kOverlap);
      start = next > start ? next : end;
    }
  }
  bool covered(std::size_t b, std::size_t e) const {
    return std::any_of(spans_.begin(), spans_.end(), [&](const TextSpan& s) { return s.begin <= b && s.end >= e; });
  }
  std::vector<TextSpan> merged() {
    std::sort(spans_.begin(), spans_.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
    std::vector<TextSpan> out;
    for (auto& s : spans_) {
      if (!out.empty() && s.begin < out.back().end) {
        auto& last = out.back();
        if (s.confidence > last.confidence) {
          last.category = s.category;
          last.confidence = s.confidence;
          last.rule = s.rule;
          last.repaired = s.repaired;
        }
        last.end = std::max(last.end, s.end);
      } else {
        out.push_back(s);
      }
    }
    return out;
  }

 private:
  bool windowMayMatch(std::string_view w) const {
    switch (need_) {
      case Need::Any: return true;
      case Need::Digit: return std::any_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      case Need::At: return w.find('@') != std::string_view::npos;
      case Need::Colon: return w.find(':') != std::string_view::npos;
      case Need::Institution: {
        for (const char* word :
             {"CH", "AP", "pital", "Hospital", "Clinic", "Centre", "Institut", "Service", "Unit", "unit", "Ward",
              "Cabinet", "Laboratoire", "Maternit", "EHPAD", "Infirmary", "Polyclinique"})
          if (w.find(word) != std::string_view::npos) return true;
        return false;
      }
      case Need::BirthWord: {
        const std::string lower = foldAccents(w);
        for (const char* word : {"ne", "ddn", "dob", "naissance", "birth"})
          if (lower.find(word) != std::string::npos) return true;
        return false;
      }
    }
    return true;
  }
  std::string_view text_;
  std::string copy_;  // std::sregex_iterator needs std::string iterators
  std::vector<TextSpan> spans_;
  Need need_ = Need::Any;
};

constexpr auto kIcase = std::regex::ECMAScript | std::regex::icase | std::regex::optimize;
constexpr auto kCase = std::regex::ECMAScript | std::regex::optimize;

// Letters, including UTF-8 Latin-1 accented ones (two-byte sequences starting with 0xC3).
#define LETTER "(?:[A-Za-z]|\xC3[\x80-\xBF])"
#define MONTHS_FR                                                                                              \
  "janvier|f(?:\xC3\xA9|e)vrier|mars|avril|mai|juin|juillet|ao(?:\xC3\xBB|u)t|septembre|octobre|novembre|d(?:" \
  "\xC3\xA9|e)cembre|janv|f(?:\xC3\xA9|e)vr?|avr|juil|sept?|oct|nov|d(?:\xC3\xA9|e)c"
#define MONTHS_EN                                                                                                      \
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|" \
  "sep|sept|oct|nov|dec"

void identifierRules(Collector& c) {
  static const std::regex email(R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})", kCase);
  static const std::regex phoneFr(R"((^|[^\d])((?:\+33\s?(?:\(0\)\s?)?|0033\s?|0)[1-9](?:[\s.\-]?\d{2}){4})(?!\d))",
                                  kCase);
  static const std::regex phoneIntl(R"((^|[^\d])(\+\d{1,3}[\s.\-]?\(?\d{1,4}\)?(?:[\s.\-]?\d{2,4}){2,4})(?!\d))",
                                    kCase);
  static const std::regex phoneUs(R"((^|[^\d])(\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4})(?!\d))", kCase);
  static const std::regex nir(
      R"((^|[^\dA-Za-z])([1-478]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-4]\d|[5-9]\d)\s?(?:\d{2}|2A|2B)\s?\d{3}\s?\d{3}(?:\s?\d{2})?)(?![\d]))",
      kIcase);
  static const std::regex longNumber(R"((^|[^\d.,])(\d{6,}|\d{3,}(?:[ \-]\d{3,}){1,4})(?![\d]|[.,]\d))", kCase);
  static const std::regex mixedId(
      R"((^|[^A-Za-z0-9])((?:[A-Z]{1,4}[\-/]?\d{5,}|\d{4,}[A-Z]{1,3}\d*)[A-Z0-9]*)(?![A-Za-z0-9]))", kCase);
  static const std::regex triggeredId(
      "(?:^|[^A-Za-z])((?:IPP|NDA|NIP|MRN|PID|ID|INS|NIR|Accession|Acc|Dossier|S(?:\xC3\xA9|e)jour|Venue|Examen|Exam|"
      "Demande|Requ(?:\xC3\xAA|e)te|Ordonnance|Patient\\s*ID|ID\\s*patient|R(?:\xC3\xA9|e)f|N(?:\xC2\xB0|o|\xC2\xBA|um("
      "?:\xC3\xA9|e)ro)"
      "(?:\\s*(?:de|d'|du))?\\s*(?:dossier|s(?:\xC3\xA9|e)jour|examen|demande|patient|venue|sécu|secu|ss|adeli|rpps)?)"
      "\\.?\\s*(?:n(?:\xC2\xB0|o|\xC2\xBA)\\.?)?\\s*[:#=]?\\s*([A-Z0-9][A-Z0-9\\-/.]{2,}))",
      kIcase);

  c.require(Collector::Need::At);
  c.addAll(email, 0, "email", 0.97f, "email");
  c.require(Collector::Need::Digit);
  c.addAll(triggeredId, 1, "id", 0.95f, "trigger-id", [](const std::smatch& m) {
    const std::string value = m[2].str();
    return std::any_of(value.begin(), value.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  });
  c.addAll(nir, 2, "nir", 0.99f, "nir-key", [](const std::smatch& m) { return nirValid(m[2].str()); });
  // one OCR-confusable digit wrong: the key finds which (flagged as repaired)
  auto repairedSpans = [&](const std::regex& re, int group, const char* category, const char* rule,
                           std::string (*repair)(std::string_view)) {
    c.addAll(
        re, group, category, 0.97f, rule, [&](const std::smatch& m) { return !repair(m[group].str()).empty(); }, true);
  };
  repairedSpans(nir, 2, "nir", "nir-key-repaired", repairNir);
  c.addAll(nir, 2, "nir", 0.8f, "nir-shape", [](const std::smatch& m) {
    const auto d = m[2].str();
    const auto n = digitsOnly(d).size();
    return !nirValid(d) && (n == 13 || n == 15);
  });
  c.addAll(phoneFr, 2, "phone", 0.95f, "phone-fr");
  c.addAll(phoneIntl, 2, "phone", 0.85f, "phone-intl");
  c.addAll(phoneUs, 2, "phone", 0.75f, "phone-us");
  c.addAll(longNumber, 2, "id", 0.9f, "rpps-luhn", [](const std::smatch& m) { return rppsValid(m[2].str()); });
  c.addAll(longNumber, 2, "id", 0.85f, "adeli-luhn", [](const std::smatch& m) { return adeliValid(m[2].str()); });
  repairedSpans(longNumber, 2, "id", "rpps-luhn-repaired", repairRpps);
  // A count with a unit ("250 000 /mm3", "4 500 000 /µL") or a thousands-grouped number of 7 digits or fewer is a
  // measurement, not an identifier.
  static const std::regex unitAfter(R"(^\s*(?:/|[a-zA-Z\xC2\xB5%]{1,6}(?:/|\b)))", kCase);
  static const std::regex thousands(R"(^\d{1,3}(?: \d{3})+$)", kCase);
  c.addAll(longNumber, 2, "id", 0.6f, "long-number", [&](const std::smatch& m) {
    const auto value = m[2].str();
    const auto digits = digitsOnly(value).size();
    if (digits < (value.size() == digits ? 6u : 8u)) return false;
    const auto rest = m.suffix();
    const std::string tail(rest.first, rest.first + std::min<std::ptrdiff_t>(12, rest.second - rest.first));
    if (digits <= 7 && (std::regex_match(value, thousands) || std::regex_search(tail, unitAfter))) return false;
    return true;
  });
  c.addAll(mixedId, 2, "id", 0.6f, "mixed-id");
  c.require(Collector::Need::Any);
}

void dateRules(Collector& c) {
  // with a two-digit year, one separator twice ("13.5-17.5", a reference range, is no date 13/5/17)
  static const std::regex numeric(R"((^|[^\d])((\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?([/.\-])\s?(\d{4}|\d{2}))(?![\d]))",
                                  kCase);
  static const std::regex iso(R"((^|[^\d])((\d{4})[\-/.](\d{1,2})[\-/.](\d{1,2}))(?![\d]))", kCase);
  static const std::regex compact(R"((^|[^\d])((?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?![\d]))",
                                  kCase);
  static const std::regex lostSeparator(R"((^|[^\d])((\d{2})([/.\-]?)(\d{2})([/.\-]?)((?:19|20)\d{2}))(?![\d]))",
                                        kCase);
  static const std::regex textFr(
      "(?:^|[^A-Za-z0-9])((?:\\d{1,2}|1er)\\s+(?:" MONTHS_FR ")\\.?\\s+(?:\\d{4}|\\d{2}))(?![\\d])", kIcase);
  static const std::regex monthYear(
      "(?:^|[^A-Za-z0-9])((?:" MONTHS_FR "|" MONTHS_EN ")\\.?\\s+(?:19|20)\\d{2})(?![\\d])", kIcase);
  static const std::regex textEn1(
      "(?:^|[^A-Za-z0-9])((?:" MONTHS_EN ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})(?![\\d])", kIcase);
  static const std::regex textEn2(
      "(?:^|[^A-Za-z0-9])(\\d{1,2}(?:st|nd|rd|th)?[\\s\\-](?:" MONTHS_EN ")\\.?[\\s\\-,]+\\d{2,4})(?![\\d])", kIcase);
  // month/year, or what a line cut by a tile's edge leaves of a date ("38/2023" for "27/08/2023"): one or two digits
  // and a year of 19xx / 20xx after a slash or dot
  static const std::regex shortNumeric(R"((^|[^\d/.])(\d{1,2}[/.](?:19|20)\d{2})(?![\d]))", kCase);
  static const std::regex time(R"((^|[^\d:])((?:[01]?\d|2[0-3])(?::|h)[0-5]\d(?::[0-5]\d)?)(?![\d]))", kCase);
  static const std::regex birthTrigger(
      "(?:^|[^A-Za-z])((?:N(?:\xC3\xA9|e)(?:\\(e\\)|e)?\\s+le|DDN|DOB|Date\\s+de\\s+naissance|Birth\\s*date|Date\\s+"
      "of\\s+birth)"
      "\\s*[:.]?\\s*\\S+(?:\\s+\\S+){0,2})",
      kIcase);

  auto fullYear = [](int y) { return y < 100 ? (y > 30 ? 1900 + y : 2000 + y) : y; };
  auto numericOk = [&](const std::smatch& m) {
    if (m[7].length() == 2 && m[4].str() != m[6].str()) return false;
    const int a = std::stoi(m[3].str()), b = std::stoi(m[5].str()), y = fullYear(std::stoi(m[7].str()));
    return dateValid(a, b, y) || dateValid(b, a, y);
  };
  c.require(Collector::Need::Digit);
  c.addAll(numeric, 2, "date", 0.92f, "date-numeric", numericOk);
  c.addAll(iso, 2, "date", 0.92f, "date-iso", [](const std::smatch& m) {
    return dateValid(std::stoi(m[5].str()), std::stoi(m[4].str()), std::stoi(m[3].str()));
  });
  c.addAll(compact, 2, "date", 0.7f, "date-compact");
  // a numeric date that OCR read with one separator lost ("1003/1969", "10/031969" for 10/03/1969): a ratio or a
  // number would not make a calendar date with a year of 19xx / 20xx
  c.addAll(lostSeparator, 2, "date", 0.7f, "date-lost-separator", [](const std::smatch& m) {
    if (m[4].length() + m[6].length() != 1) return false;
    const int a = std::stoi(m[3].str()), b = std::stoi(m[5].str()), y = std::stoi(m[7].str());
    return dateValid(a, b, y) || dateValid(b, a, y);
  });
  // a numeric date whose separators OCR read as spaces ("Date de sortie : 02 10 1991" at 0.92 for 02/10/1991, 20 px
  // italic on a letter): a calendar day and month, then a year of 19xx / 20xx (a phone number groups digits by two)
  static const std::regex spaced(R"((^|[^\d\s])\s*((\d{1,2}) (\d{1,2}) ((?:19|20)\d{2}))(?![\d]))", kCase);
  c.addAll(spaced, 2, "date", 0.6f, "date-spaced", [](const std::smatch& m) {
    const int a = std::stoi(m[3].str()), b = std::stoi(m[4].str()), y = std::stoi(m[5].str());
    return dateValid(a, b, y) || dateValid(b, a, y);
  });
  // and with a two-digit year right after the date's own word ("Le 20 07 15" for "Le 20/07/15", a 14 px date of a
  // prescription read at 0.92): three groups of two digits after "le" or "du" make a date when they are one
  static const std::regex spacedAfterWord(R"((?:^|[^A-Za-z])(?:[Ll]e|[Dd]u)\s+((\d{2}) (\d{2}) (\d{2}))(?![\d]))",
                                          kCase);
  c.addAll(spacedAfterWord, 1, "date", 0.6f, "date-spaced", [&](const std::smatch& m) {
    const int a = std::stoi(m[2].str()), b = std::stoi(m[3].str()), y = fullYear(std::stoi(m[4].str()));
    return dateValid(a, b, y) || dateValid(b, a, y);
  });
  // the same with a day or month misread as well ("2740/1935" for 27/02/1955, a 9 px birth date at 0.55): a slash kept
  // before a year of 19xx / 20xx (a range prints a dash, a ratio of clinical measures no such year), a day or month of
  // 1-31 and no group 00 ("1200/2010" is no date)
  c.addAll(lostSeparator, 2, "date", 0.6f, "date-misread", [](const std::smatch& m) {
    const int a = std::stoi(m[3].str()), b = std::stoi(m[5].str());
    return m[4].length() + m[6].length() == 1 && (m[4].str() == "/" || m[6].str() == "/") && a > 0 && b > 0 &&
           (a <= 31 || b <= 31);
  });
  // a slashed date of which OCR misread the year or the day out of the calendar ("14/11/1062" for 14/11/1962 at 0.50,
  // "60/02/1908" for 08/02/1939 at 0.65, "15/06/022" for 15/06/2024 with a digit lost): two groups of one or two
  // digits, one of them a month, then three or four digits.
  // Ratios and ranges have two groups, not three; nothing else clinical prints d/d/dddd. With a year of 19xx / 20xx
  // neither group need be a month ("28/15/2026" for 28/10/2026, an 8 px exam date read at 0.89), nor when one digit of
  // the century is misread as well ("19/22/2979" for a 9 px birth date 19/12/1979 at 0.68)
  static const std::regex slashed(R"((^|[^\d/])((\d{1,2})\s?/\s?(\d{1,2})\s?/\s?(\d{3,4}))(?![\d/]))", kCase);
  c.addAll(slashed, 2, "date", 0.6f, "date-misread", [](const std::smatch& m) {
    const int a = std::stoi(m[3].str()), b = std::stoi(m[4].str());
    const std::string year = m[5].str();
    const auto centuryOff = [&](const char* century) { return (year[0] != century[0]) + (year[1] != century[1]); };
    const bool yearLike = year.size() == 4 && (centuryOff("19") <= 1 || centuryOff("20") <= 1);
    const int y = std::stoi(year);
    return (a >= 1 && a <= 12) || (b >= 1 && b <= 12) || (y >= 1900 && y <= 2099) || (yearLike && a >= 1 && a <= 31);
  });
  c.addAll(textFr, 1, "date", 0.95f, "date-text-fr");
  c.addAll(textEn1, 1, "date", 0.95f, "date-text-en");
  c.addAll(textEn2, 1, "date", 0.95f, "date-text-en");
  c.addAll(monthYear, 1, "date", 0.8f, "date-month-year");
  c.addAll(shortNumeric, 2, "date", 0.6f, "date-month-year-or-fragment");
  // a day and month after a date's label, the year lost by OCR ("Examen du 15/06)" for "Examen du 15/06/2024"): two
  // digits each, a calendar day and month ("fracture du 1/3 moyen", a third, is no date)
  static const std::regex labelledDayMonth(R"((?:^|[^A-Za-z])(?:du|le|date|examen)\s*:?\s*((\d{2})/(\d{2}))(?![\d/]))",
                                           kIcase);
  c.addAll(labelledDayMonth, 1, "date", 0.6f, "date-day-month", [](const std::smatch& m) {
    const int day = std::stoi(m[2].str()), month = std::stoi(m[3].str());
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
  });
  c.addAll(time, 2, "date", 0.6f, "time");
  // the time after a date, its hour's digit read as a letter or its colon lost ("12/02/2026 B 13" at 0.82 for a 10 px
  // "12/02/2026 8:13" on an ultrasound): part of the date
  static const std::regex dateThenTime(
      R"((^|[^\d])(\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\s+[\dBOSIlZ]{1,2}\s?[:h.;]?\s?[0-5]\d)(?![\d]))", kCase);
  c.addAll(dateThenTime, 2, "date", 0.85f, "date-time");
  c.require(Collector::Need::BirthWord);
  c.addAll(birthTrigger, 1, "date", 0.95f, "birth-trigger");
  c.require(Collector::Need::Any);
}

void addressRules(Collector& c) {
  static const std::regex street(
      "(?:^|[^A-Za-z0-9])(\\d{1,4}(?:\\s?(?:bis|ter|[AB]))?,?\\s+(?:rue|avenue|av\\.?|bd|boulevard|place|pl\\.|chemin|"
      "all(?:\xC3\xA9|e)e|impasse|route|quai|cours|square|r(?:\xC3\xA9|e)sidence|lotissement|street|st\\.?|road|rd\\.?|"
      "lane|drive|way)\\b.*)",
      kIcase);
  static const std::regex postcodeCity("(?:^|[^\\d])((?:0[1-9]|[1-8]\\d|9[0-5]|97)\\d{3}\\s+(?:" LETTER
                                       "|[\\-' ])*" LETTER "{2,}(?:\\s+cedex(?:\\s*\\d+)?)?)",
                                       kIcase);
  static const std::regex addressTrigger(
      "(?:^|[^A-Za-z])((?:Adresse|Address|Domicile|Ville|City|CP|Code\\s+postal)\\s*:\\s*.+)", kIcase);
  c.require(Collector::Need::Digit);
  c.addAll(street, 1, "address", 0.9f, "street");
  c.addAll(postcodeCity, 1, "address", 0.8f, "postcode-city");
  c.require(Collector::Need::Colon);
  c.addAll(addressTrigger, 1, "address", 0.85f, "address-trigger");
  c.require(Collector::Need::Any);
}

void institutionRules(Collector& c) {
  static const std::regex hospital(
      "(?:^|[^A-Za-z])((?:CHU|CHRU|CHR|CHI|AP-HP|APHP|H(?:\xC3\xB4|o)pital|Hospital|Clinique|Clinic|Polyclinique|"
      "Centre\\s+hospitalier|Centre\\s+m(?:\xC3\xA9|e)dical|Institut|Service\\s+d[eu']|Unit(?:\xC3\xA9|e)\\s+d|Ward|"
      "Cabinet|Laboratoire|Maternit(?:\xC3\xA9|e)|EHPAD|Infirmary)\\b.*)",
      kCase);
  c.require(Collector::Need::Institution);
  // a generic laboratory heading ("Laboratoire de biologie médicale") names no one: a laboratory needs a proper
  // noun after its keyword (ward names, "Service de radiologie", stay masked: they narrow down where the patient is)
  // (a lone capital is no proper noun: "Laboratoire de E" at 0.92, the generic heading cut by its region's edge)
  c.addAll(hospital, 1, "hospital", 0.8f, "institution", [](const std::smatch& m) {
    const std::string line = m[1].str();
    if (line.rfind("Laboratoire", 0) != 0) return true;
    const auto words = tokenize(line);
    return std::any_of(words.begin() + 1 - (words.empty() ? 1 : 0), words.end(), [](const Token& t) {
      return (t.capitalised || t.allCaps) && t.raw.size() >= 2 && !isBenignWord(t.folded) &&
             !isClinicalAbbreviation(t.folded);
    });
  });
  // a ward given by its unit's code ("Cardiologie, unité 3B", "Unité A2") is where the patient lies: the whole line,
  // whatever OCR made of the ward's name before it ("Me rdiologie, unité 3B" at 0.65 read like prose)
  static const std::regex wardUnit("^\\s*(.*?[Uu]nit(?:\xC3\xA9|e)\\s+(?:\\d{1,2}[A-Z]?|[A-Z]\\d{0,2})\\b.*)", kCase);
  c.addAll(wardUnit, 1, "hospital", 0.75f, "ward-unit");
  c.require(Collector::Need::Any);
}

// Linear in the number of tokens: runs of name-like words are precomputed once (a text of thousands of capitalised
// words or triggers used to be quadratic).
void nameRules(std::string_view text, Collector& c) {
  const auto tokens = tokenize(text);
  const std::size_t n = tokens.size();
  if (n == 0) return;
  // a name word: name-like, or a particle ("Le", "Ben", "Saint") directly followed by a name-like word
  std::vector<char> word(n, 0);
  for (std::size_t i = n; i-- > 0;)
    word[i] = nameLike(tokens[i]) ||
              (particle(tokens[i]) && i + 1 < n && word[i + 1] &&
               (tokens[i].capitalised || tokens[i].allCaps ||  // "Le Gall"; "de", "der" only between name words
                (i > 0 && (nameLike(tokens[i - 1]) || (particle(tokens[i - 1]) && tokens[i - 1].capitalised)))));
  std::vector<std::size_t> runStart(n), runEnd(n);
  for (std::size_t i = 0; i < n; ++i) runStart[i] = i > 0 && word[i] && word[i - 1] ? runStart[i - 1] : i;
  for (std::size_t i = n; i-- > 0;) runEnd[i] = i + 1 < n && word[i] && word[i + 1] ? runEnd[i + 1] : i;
  const bool ecgLine = ecgMeasureLine(tokens);
  std::size_t lastBegin = std::string_view::npos, lastEnd = 0;
  // a title before a name ("M. FRANÇOIS Gaël", "Dr ROBERT") is masked with it: the box of a name covers all its words
  auto extend = [&](std::size_t i, std::size_t j, const char* rule, float conf) {
    if (word[i]) i = runStart[i];
    if (word[j]) j = runEnd[j];
    if (i > 0 && isTitle(tokens[i - 1].folded)) --i;
    if (tokens[i].begin == lastBegin && tokens[j].end == lastEnd) return;  // this run is already masked
    lastBegin = tokens[i].begin;
    lastEnd = tokens[j].end;
    c.add(tokens[i].begin, tokens[j].end, "name", conf, rule);
  };
  auto lexiconName = [&](std::size_t i) {
    if (isCommonFirstName(tokens[i].folded) || isCommonSurname(tokens[i].folded)) return true;
    // two-word surnames of the lexicon ("Le Gall", "Da Silva")
    return i + 1 < n && isCommonSurname(tokens[i].folded + " " + tokens[i + 1].folded);
  };
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (isTrigger(t, ecgLine)) {
      // skip fillers ("Nom de naissance :", "Prénom(s)"); a following trigger takes over ("Patient : Nom : X")
      std::size_t k = i + 1;
      while (k < n && (tokens[k].folded == "de" || tokens[k].folded == "naissance" || tokens[k].folded == "usage" ||
                       tokens[k].folded == "s" || tokens[k].folded == "e"))
        ++k;
      if (k < n && isTrigger(tokens[k], ecgLine)) continue;
      std::size_t last = k;
      bool found = false;
      for (std::size_t m = k; m < n && m < k + 5; ++m) {
        const Token& w = tokens[m];
        const bool afterColon = text.substr(tokens[i].end, w.begin - tokens[i].end).find(':') != std::string_view::npos;
        const bool ok = w.alpha && !isTrigger(w, ecgLine) &&
                        (word[m] || (afterColon && !isBenignWord(w.folded) && !isClinicalAbbreviation(w.folded)));
        if (!ok) break;
        last = m;
        found = true;
      }
      if (found) c.add(tokens[isTitle(t.folded) ? i : k].begin, tokens[last].end, "name", 0.9f, "trigger-name");
      continue;
    }
    if (!word[i]) continue;
    if (lexiconName(i)) {
      extend(i, i, "name-lexicon", 0.75f);
    } else if (!nameLike(t)) {
      continue;  // a particle alone is not a name
    } else if (i + 1 < n && nameLike(tokens[i + 1]) && t.raw.size() >= 2 && tokens[i + 1].raw.size() >= 2 &&
               pronounceable(t) && pronounceable(tokens[i + 1]) &&
               text.substr(t.end, tokens[i + 1].begin - t.end).find_first_not_of(" ^,") == std::string_view::npos) {
      extend(i, i + 1, "capitalised-pair", 0.5f);
    } else if (t.allCaps && t.raw.size() >= 4 && pronounceable(t)) {
      c.add(t.begin, t.end, "name", 0.4f, "all-caps-word");
    }
  }
}

// Numbers with units, prices, ranges: "13.2", "78µmol", "1,73m²", "12€", "3.5-5.0", "10^9".
// (a unit of five letters or more without a sign must be a vocabulary word: "3ordesux" is "Bordeaux" with its B read
// as a digit, on an 8 px address line of a radiograph's corner, not a measure)
bool measureToken(const std::string& raw) {
  static const std::regex measure(
      "^\\d{1,6}(?:[.,]\\d+)?(?:-\\d{1,6}(?:[.,]\\d+)?)?(?:(?:[a-zA-Z%/"
      "^]|\xC2\xB5|\xC2\xB2|\xC2\xB3|\xC2\xB0|\xE2\x82\xAC){0,8}\\d?)?$",
      kCase);
  // a size, "230x230" (an MR field of view), "512×512", "24x30cm"
  static const std::regex size("^\\d{1,4}(?:[.,]\\d+)?(?:x|\xC3\x97)\\d{1,4}(?:[.,]\\d+)?(?:mm|cm)?$", kCase);
  if (std::regex_match(raw, size)) return true;
  if (!std::regex_match(raw, measure)) return false;
  const std::size_t unitStart = raw.find_first_not_of("0123456789.,-");
  if (unitStart == std::string::npos) return true;
  const std::string unit = raw.substr(unitStart);
  const bool lettersOnly = std::all_of(unit.begin(), unit.end(),
                                       [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); });
  return !lettersOnly || unit.size() < 5 || isBenignWord(foldAccents(unit));
}

// A benign word followed by its value without a space: "PR160", "QRS90", "FC78".
bool labelledValue(const Token& t) {
  std::size_t i = 0;
  while (i < t.folded.size() && t.folded[i] >= 'a' && t.folded[i] <= 'z') ++i;
  if (i == 0 || i == t.folded.size() || i > 4) return false;
  const std::string label = t.folded.substr(0, i);
  return (isBenignWord(label) || isClinicalAbbreviation(label)) && measureToken(t.raw.substr(i));
}

// An ultrasound probe model ("C5-1", "L12-5", "PA4-1"): letters, a frequency range in MHz.
bool probeModel(const std::string& raw) {
  static const std::regex probe(R"(^[A-Za-z]{1,3}\d{1,2}-\d{1,2}[A-Za-z]?$)", kCase);
  return std::regex_match(raw, probe);
}

// A word without its elided article or pronoun ("d'analyses" -> "analyses", "l'examen" -> "examen").
std::string_view withoutElision(std::string_view folded) {
  if (folded.size() > 3 && folded.substr(0, 3) == "qu'") return folded.substr(3);
  if (folded.size() > 2 && folded[1] == '\'' && std::string_view("dlnsjcmt").find(folded[0]) != std::string_view::npos)
    return folded.substr(2);
  return folded;
}

bool benignToken(const Token& t) {
  if (isBenignWord(t.folded) || isClinicalAbbreviation(t.folded) || isEcgLeadVariant(t.raw)) return true;
  if (const auto word = withoutElision(t.folded); word.size() != t.folded.size() && isBenignWord(word)) return true;
  if (t.raw.size() <= 1) return true;
  return measureToken(t.raw) || labelledValue(t) || probeModel(t.raw);
}

// Levenshtein distance, stopping early above `limit`.
int editDistance(const std::string& a, const std::string& b, int limit) {
  if (std::abs(int(a.size()) - int(b.size())) > limit) return limit + 1;
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = int(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = int(i);
    int best = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      best = std::min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// An OCR misreading of a long vocabulary word ("Hemoglonits" for "Hémoglobine"): 7 letters or more, same first
// letter, at most two edits, and not a name of the lexicon. Used on OCR lines only (not on captions).
bool misreadVocabulary(const Token& t) {
  if (!t.alpha || isCommonFirstName(t.folded) || isCommonSurname(t.folded)) return false;
  // a lower-case word cut short by the region's edge or its last letter misread ("biol", "respc"): its first four
  // letters or more (all but the last one) begin a long vocabulary word
  if (!t.capitalised && !t.allCaps && t.folded.size() >= 4 && t.folded.size() < 7) {
    const std::string stem = t.folded.size() >= 5 ? t.folded.substr(0, t.folded.size() - 1) : t.folded;
    for (const auto& word : longBenignWords())
      if (word.compare(0, stem.size(), stem) == 0) return true;
  }
  if (t.folded.size() < 7) return false;
  // a capitalised word must keep its first letter (a name close to a word stays a name); a lower-case one may have
  // lost it ("esponsable" for "responsable": a fragment cut at the region's edge)
  const bool lower = !t.capitalised && !t.allCaps;
  for (const auto& word : longBenignWords())
    if ((lower || word[0] == t.folded[0]) && editDistance(t.folded, word, 2) <= 2) return true;
  return false;
}

bool lowerCaseWord(const Token& t) { return t.alpha && !t.capitalised && !t.allCaps; }

// OCR garbage: tokens that are neither vocabulary, numbers nor pronounceable words, or more symbols than letters.
bool garbage(std::string_view text, const std::vector<Token>& tokens) {
  std::size_t alnum = 0, symbols = 0, wordLike = 0;
  for (const auto& t : tokens) {
    alnum += t.raw.size();
    if (benignToken(t) || isNameTrigger(t.folded) || (t.alpha && t.raw.size() >= 2 && pronounceable(t)) ||
        (t.hasDigit && !t.alpha))
      ++wordLike;
  }
  for (unsigned char ch : text)
    if (ch != ' ' && ch < 0x80 && !std::isalnum(ch)) ++symbols;
  if (symbols > alnum) return true;
  return wordLike * 10 < tokens.size() * 6;
}

// A short word of two capitals or more then lower case, the shape of an abbreviation with a lower-case tail ("QTc"
// misread "OQTc" on an ECG's measurement line): no name is written so.
bool abbreviationShape(const Token& t) {
  const std::string& r = t.raw;
  if (r.size() < 3 || r.size() > 5 || !std::isupper((unsigned char)r[0]) || !std::isupper((unsigned char)r[1]))
    return false;
  const auto firstLower = std::find_if(r.begin(), r.end(), [](char c) { return std::islower((unsigned char)c); });
  return firstLower != r.end() &&
         std::all_of(firstLower, r.end(), [](char c) { return std::islower((unsigned char)c) != 0; });
}

// A name span takes in the initials written beside it ("Le Bihan M.", "J.-P. Martin"): each is a word of the name.
void withInitials(std::string_view text, std::vector<TextSpan>& spans) {
  // (OCR may read the initial's period as a dash or drop it: "Mercier A-" for a 20 px "Mercier A.")
  static const std::regex after(R"(^ +[A-Z](?:[.,-]|(?![\w']))(?:[ -]?[A-Z][.-])*)"),
      before(R"([A-Z]\.(?:[ -]?[A-Z]\.)* +$)");
  // only the few characters beside the span are searched (a run of initials is short): linear in the text
  constexpr std::size_t kReach = 24;
  for (auto& span : spans) {
    if (span.category != "name") continue;
    std::cmatch m;
    const std::string_view tail = text.substr(span.end, kReach);
    const std::size_t from = span.begin > kReach ? span.begin - kReach : 0;
    const std::string_view head = text.substr(from, span.begin - from);
    if (std::regex_search(tail.data(), tail.data() + tail.size(), m, after, std::regex_constants::match_continuous))
      span.end += std::size_t(m.length(0));
    if (std::regex_search(head.data(), head.data() + head.size(), m, before)) span.begin -= std::size_t(m.length(0));
  }
}

}  // namespace

std::vector<TextSpan> findPhiSpans(std::string_view original) {
  const NormalisedText folded = normaliseForMatching(original);
  const std::string_view text = folded.text;
  Collector c(text);
  identifierRules(c);
  dateRules(c);
  addressRules(c);
  institutionRules(c);
  nameRules(text, c);
  std::vector<TextSpan> spans = c.merged();
  withInitials(text, spans);
  for (auto& span : spans) {
    const std::size_t b = folded.originalBegin(span.begin), e = folded.originalEnd(span.end);
    span.begin = b;
    span.end = e;
  }
  return spans;
}

LineVerdict classifyLine(std::string_view original, float ocrConfidence) {
  LineVerdict v;
  v.spans = findPhiSpans(original);
  const NormalisedText folded = normaliseForMatching(original);
  const std::string_view text = folded.text;
  auto tokens = tokenize(text);
  // a confident line cut short by its region's edges ends on a fragment, an unknown lower-case word of two letters
  // ("Laboratoire de biologie mé" at 0.95, for "... médicale" cut by a refinement tile), or begins with the end of a
  // long vocabulary word in lower case ("toire de biologie médica"): the other words decide
  // (after a word: after a number, two letters are its misread unit, "0 FR 31 ne" for "0 FR 31 Hz")
  if (tokens.size() >= 3 && ocrConfidence >= 0.8f && lowerCaseWord(tokens.back()) && tokens.back().folded.size() == 2 &&
      !isFunctionWord(tokens.back().folded) && !benignToken(tokens.back()) && tokens[tokens.size() - 2].alpha)
    tokens.pop_back();
  const auto endOfLongWord = [](const Token& t) {
    return std::any_of(longBenignWords().begin(), longBenignWords().end(), [&](const std::string& word) {
      return word.size() > t.folded.size() &&
             word.compare(word.size() - t.folded.size(), t.folded.size(), t.folded) == 0;
    });
  };
  if (tokens.size() >= 3 && ocrConfidence >= 0.8f && lowerCaseWord(tokens.front()) &&
      tokens.front().folded.size() >= 3 && !benignToken(tokens.front()) && endOfLongWord(tokens.front()))
    tokens.erase(tokens.begin());
  // a line mostly of clinical vocabulary and measurements ("FC 92 bpm PR 160 ms QRS 90 ms", read with a few
  // errors): a lone all-caps word there ("SUBTE" for "QT/QTc") is a misreading, not a name
  // Only substantive vocabulary counts (units, measures, abbreviations, leads, clinical words; not single letters or
  // stop words such as "le", which a misread identity line "uit it fe) + M. LE bai" is full of), and a line with
  // a trigger word ("M.", "Nom", "Né") is never a measurement line.
  // (every function word, isFunctionWord: "Où de hontes", a misread "CHU de Nantes", is no vocabulary line)
  const auto benignCount = std::size_t(std::count_if(tokens.begin(), tokens.end(), [](const Token& t) {
    return t.raw.size() >= 2 && !isFunctionWord(t.folded) && (benignToken(t) || misreadVocabulary(t));
  }));
  // a trigger word followed by a number is a setting, not a person ("DR 60": dynamic range, "M 1"); "Né" is a birth
  // label before "le" / "(e)" only ("ne" alone is often a misread unit: "31 ne" for "31 Hz")
  bool trigger = false;
  std::vector<bool> settingLabel(tokens.size(), false);  // a title before a number: "Prof 16 cm" (depth), "DR 66"
  const bool ecgLine = ecgMeasureLine(tokens);
  for (std::size_t i = 0; i < tokens.size() && !trigger; ++i) {
    const Token& t = tokens[i];
    const bool numberNext = i + 1 < tokens.size() && tokens[i + 1].hasDigit && !tokens[i + 1].alpha &&
                            text.substr(t.end, tokens[i + 1].begin - t.end).find(':') == std::string_view::npos;
    // (nor is a title followed by a word of prose in lower case, "Patient admis pour douleur thoracique", unless that
    // word is a common name too: "docteur martin")
    const bool proseNext = i + 1 < tokens.size() && lowerCaseWord(tokens[i + 1]) && tokens[i + 1].folded.size() >= 3 &&
                           !isFunctionWord(tokens[i + 1].folded) && !isNameParticle(tokens[i + 1].folded) &&
                           isDictionaryWord(tokens[i + 1].folded) && !isCommonSurname(tokens[i + 1].folded) &&
                           !isCommonFirstName(tokens[i + 1].folded) &&
                           text.substr(t.end, tokens[i + 1].begin - t.end).find(':') == std::string_view::npos;
    settingLabel[i] = isTrigger(t, ecgLine) && numberNext;
    if (t.folded == "ne" || t.folded == "nee")
      trigger = (i + 1 < tokens.size() && (tokens[i + 1].folded == "le" || tokens[i + 1].folded == "e")) ||
                (i + 2 < tokens.size() && (tokens[i + 2].folded == "le"));
    else
      trigger =
          (isTrigger(t, ecgLine) || identifierLabel(t.folded)) && !(isTrigger(t, ecgLine) && (numberNext || proseNext));
  }
  // a word before a dose names a drug ("Doxycycline 100 mg : 1 cp le soir", "Aspirine 75 mg par jour"): no one is
  // called before a dose, and the drug list a lexicon would need is endless
  std::vector<bool> drugName(tokens.size(), false);
  for (std::size_t i = 0; i + 2 < tokens.size(); ++i)
    drugName[i] = tokens[i].alpha && tokens[i].folded.size() >= 4 && !tokens[i + 1].alpha && tokens[i + 1].hasDigit &&
                  isDoseUnit(tokens[i + 2].folded);
  // or before its form ("Bétaméthasone crème : 1 application le soir")
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    drugName[i] = drugName[i] || (tokens[i].alpha && tokens[i].folded.size() >= 4 && isDrugForm(tokens[i + 1].folded));
  const auto benignAt = [&](std::size_t i) { return benignToken(tokens[i]) || drugName[i]; };
  const bool mostlyBenign = !trigger && benignCount >= 3 && benignCount * 2 >= tokens.size();
  if (mostlyBenign && !v.spans.empty() &&
      std::all_of(v.spans.begin(), v.spans.end(), [](const TextSpan& s) { return s.rule == "all-caps-word"; })) {
    v.spans.clear();
    // read confidently with four vocabulary tokens or more: a measurement line (ECG header, lab table)
    if (benignCount >= 4 && ocrConfidence >= 0.6f) {
      v.category = "benign";
      v.phi = false;
      v.confidence = 0.4f + 0.4f * ocrConfidence;
      return v;
    }
  }
  // a capitalised pair read under 60 % whose words are of two letters or the same word twice ("AY Ay", an ECG trace) is
  // no evidence of a name: the line is uncertain, and the context rule decides (it made the trace an identity anchor)
  auto weakPair = [&](const TextSpan& s) {
    if (s.rule != "capitalised-pair") return false;
    std::vector<std::string> words;
    std::string w;
    for (char ch : std::string(original.substr(s.begin, s.end - s.begin)) + " ") {
      if (ch == ' ' || ch == '^' || ch == ',') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += char(std::tolower(static_cast<unsigned char>(ch)));
      }
    }
    const bool shortWords = std::all_of(words.begin(), words.end(), [](const std::string& x) { return x.size() <= 2; });
    return shortWords || (words.size() == 2 && words[0] == words[1]);
  };
  if (!trigger && ocrConfidence < 0.6f && !v.spans.empty() && std::all_of(v.spans.begin(), v.spans.end(), weakPair))
    v.spans.clear();
  // likewise a lone all-caps word (the weakest name rule) in a line read under 40 % ("PA EMPS tee": an ECG trace) is no
  // evidence of a name: the line is uncertain, and the context rule decides (masked on photos, in the header and footer
  // bands and next to an identity line; "to-check" elsewhere)
  if (!trigger && ocrConfidence < 0.4f && !v.spans.empty() &&
      std::all_of(v.spans.begin(), v.spans.end(), [](const TextSpan& s) { return s.rule == "all-caps-word"; }))
    v.spans.clear();
  if (!v.spans.empty()) {
    const auto best = std::max_element(v.spans.begin(), v.spans.end(),
                                       [](const auto& a, const auto& b) { return a.confidence < b.confidence; });
    v.category = best->category;
    v.phi = true;
    v.confidence = best->confidence * (0.5f + 0.5f * std::clamp(ocrConfidence, 0.f, 1.f));
    v.repaired = std::any_of(v.spans.begin(), v.spans.end(), [](const TextSpan& s) { return s.repaired; });
    return v;
  }
  // A line of clinical vocabulary misread in places ("FC 68 bpm PR 09 me RS 50m qn/ore 998/410 ws", "MI Le Ts 0,4"):
  // no PHI span, no trigger, half of its tokens or more are vocabulary or measures (two at least), and every other
  // token is lower-case, at most three letters long ("LSÙ") or mixes digits with its letters ("U5-15Ù", "AxeORS5": a
  // misread range or measure; no name holds digits): no capitalised unknown word a person could be called.
  // (numbers split by a decimal comma, "0,4", count as vocabulary here, stop words too, but one substantive word is
  // needed)
  const auto vocabularyTokens = std::size_t(std::count_if(tokens.begin(), tokens.end(), [](const Token& t) {
    return benignToken(t) || misreadVocabulary(t) || isFunctionWord(t.folded);
  }));
  // At least one vocabulary WORD (numbers alone are not vocabulary: "12/02/1569" is a birth date misread), and no
  // digits that could be a misread date or identifier (d/d/dd, six digits in a row).
  // (a decimal range from zero, "0.05-150" of an ECG's filter setting, is no date: no day or month is 0)
  // (nor three groups of two digits, what is left of a phone number: "Te (3 BA 31 67 68" for "Tél. 03 88 11 67 68"; nor
  // a year alone, 19xx or 20xx, what is left of a date: "DOR Te 1997" at 0.30 for an 8 px "DOB: 25/02/1997" in a CT
  // overlay's corner was shown to check instead of masked)
  static const std::regex dateOrId(
      R"((?!0[.,]\d{1,2}-)\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?\d{2,4}|\d{6}|(?:^|\D)\d{2} \d{2} \d{2}(?!\d)|(?:^|\D)(?:19|20)\d{2}(?!\d))",
      kCase);
  // (a two-letter word all in lower case counts as a unit after its value only, "90 ms": "te" opening a misread date
  // line "“te: 24/2) 15.24" of an ECG header is no vocabulary, nor after a digit, "#4 te dd" for a 9 px italic date
  // between a name and an IPP; "kV 78" is)
  bool vocabularyWord = false;
  for (std::size_t i = 0; i < tokens.size() && !vocabularyWord; ++i) {
    const Token& t = tokens[i];
    const bool unitAfterValue = i > 0 && tokens[i - 1].hasDigit && isShortUnit(t.folded);
    const bool capital = std::any_of(t.raw.begin(), t.raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    vocabularyWord = t.alpha && t.raw.size() >= 2 && !isFunctionWord(t.folded) &&
                     (t.raw.size() > 2 || capital || unitAfterValue) && (benignToken(t) || misreadVocabulary(t));
  }
  // (and a measure or a vocabulary word of four letters or more: short capitals alone are what OCR makes of blurred
  // 8 px print, "marges & AAA TA Z" for "Prescripteur : Dr MARTINEZ", and happen to be abbreviations)
  // (a field label is no substance: it announces a value, "Examen a AUS" at 0.48 for an 8 px "Examen du 20/04/2025"
  // in a radiograph's footer)
  const bool substance = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
    return t.hasDigit || (t.alpha && t.raw.size() >= 4 && !isFunctionWord(t.folded) && !isFieldLabel(t.folded) &&
                          (benignToken(t) || misreadVocabulary(t)));
  });
  const bool vocabularyLine =
      !trigger && vocabularyWord && substance && vocabularyTokens >= 2 && vocabularyTokens * 2 >= tokens.size() &&
      !std::regex_search(std::string(text), dateOrId) && std::all_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return benignToken(t) || misreadVocabulary(t) || t.folded.size() <= 3 || (!t.capitalised && !t.allCaps) ||
               (t.hasDigit && !t.alpha) || abbreviationShape(t);
      });
  std::size_t alnum = 0;
  for (const auto& t : tokens) alnum += t.raw.size();
  auto verdict = [&](const char* category, bool phi, float confidence, bool uncertain = false) {
    v.category = category;
    v.phi = phi;
    v.confidence = confidence;
    v.uncertain = uncertain;
    return v;
  };
  const bool nameWord = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
    return nameLike(t) && t.raw.size() >= 3 && pronounceable(t) && !benignToken(t) && !misreadVocabulary(t);
  });
  // (a title before a number labels a setting: "Prof 16 cm" is an ultrasound's depth, "DR 66" its dynamic range)
  // (six digits in a row are no measure but what is left of a date or an identifier: "67.112004 M" at 0.85 for an
  // 11 px "07.11.2004 M" in a scan's corner was declared benign; a range, "0.27 - 4.20", is a measure)
  static const std::regex sixDigits(R"(\d{6})");
  bool allBenign = !tokens.empty() && !std::regex_search(std::string(text), sixDigits);
  for (std::size_t i = 0; i < tokens.size() && allBenign; ++i)
    allBenign = benignAt(i) || misreadVocabulary(tokens[i]) || settingLabel[i];
  // numbers alone, six digits or more with a group of four or more, may be what is left of an identifier ("47 7019":
  // all the small-text pass saw of a 9 px "IPP 5818477019"), after at most a short first word (its misread label: "TPP
  // 00) 27 26904" at 0.69 for a 64 px white "IPP 9923736294" across a radiograph's edge): not read confidently, the
  // context rule decides (masked in the identity band and next to identity lines, to-check elsewhere)
  // (the label may hold a misread digit: "1D: 1553863/32" at 0.70 for a 41 px "ID: 1553863732" on an ultrasound)
  std::size_t digits = 0, longestGroup = 0;
  const bool shortFirstWord = tokens.size() >= 2 && tokens.front().raw.size() <= 3 &&
                              std::any_of(tokens.front().raw.begin(), tokens.front().raw.end(),
                                          [](unsigned char ch) { return std::isalpha(ch); });
  const bool numbersOnly =
      !tokens.empty() && std::all_of(tokens.begin() + (shortFirstWord ? 1 : 0), tokens.end(), [&](const Token& t) {
        const bool number = !t.raw.empty() && t.raw.find_first_not_of("0123456789") == std::string::npos;
        digits += number ? t.raw.size() : 0;
        longestGroup = std::max(longestGroup, number ? t.raw.size() : 0);
        return number;
      });
  if (numbersOnly && digits >= 6 && longestGroup >= 4) return verdict("other-text", true, 0.3f, true);
  if (allBenign && ocrConfidence >= 0.6f &&
      (alnum >= 2 || isBenignWord(tokens.front().folded) || isEcgLeadVariant(tokens.front().raw)))
    return verdict("benign", false, 0.5f + 0.4f * ocrConfidence);
  // a long vocabulary word alone, read exactly but under 60 % ("DEBOUT" at 0.09, the 40 px white position marker of a
  // light radiograph): not confident enough to be declared benign, but no evidence of a name either (a capitalised
  // misreading of a name keeps its letters: "GOUCHÉ" stays a name); shown to check wherever it lies, as a vocabulary
  // line (resolveUncertainText), instead of masked in the identity band. Not a common surname or first name.
  if (!trigger && tokens.size() == 1 && tokens.front().alpha && tokens.front().folded.size() >= 5 &&
      isBenignWord(tokens.front().folded) && !isCommonSurname(tokens.front().folded) &&
      !isCommonFirstName(tokens.front().folded)) {
    v.vocabulary = true;
    return verdict("other-text", true, 0.3f, true);
  }
  // a line mostly of vocabulary, read confidently, without a word a person could be called ("RS 12° Rythme
  // sinusas"): a measurement line with a few misread tokens
  if (mostlyBenign && ocrConfidence >= 0.6f && !nameWord) return verdict("benign", false, 0.4f + 0.4f * ocrConfidence);
  // not read confidently: too short, low OCR confidence, or garbage ("Co", "wW/ ~I", ECG traces read as letters)
  const bool shortWord =
      (tokens.size() == 1 && tokens.front().alpha && tokens.front().raw.size() <= 3) ||
      (alnum <= 4 && std::all_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.raw.size() <= 2; })) ||
      // two short words read under 70 % ("Pid Bit": an ECG trace read at the small-text pass)
      (tokens.size() == 2 && ocrConfidence < 0.7f &&
       std::all_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.alpha && t.raw.size() <= 3; }));
  // confidently read prose: lower-case words, vocabulary and numbers, at most a capitalised first word followed by
  // two lower-case words ("Validé par le biologiste responsable")
  // (no trigger word, and at least half of its longer lower-case words are vocabulary: a misread identity line
  // "uit it fe) + M. LE bai" is lower-case too)
  const auto readsAsProse = [&]() -> bool {
    if (ocrConfidence < 0.6f || trigger) return false;
    std::size_t lower = 0, longer = 0, known = 0, words = 0;
    bool prose = true, ordinaryFirstWord = true;
    for (std::size_t i = 0; i < tokens.size() && prose; ++i) {
      const Token& t = tokens[i];
      if (lowerCaseWord(t)) {
        ++lower;
        if (t.raw.size() >= 3 && !isFunctionWord(t.folded)) {
          ++longer;
          const bool vocabulary = benignToken(t) || misreadVocabulary(t);
          known += vocabulary ? 1 : 0;
          words += vocabulary || isDictionaryWord(withoutElision(t.folded)) ? 1 : 0;
        }
      } else if (!benignAt(i) && !(i == 0 && t.capitalised && !t.allCaps)) {
        prose = false;
      } else if (i == 0 && !benignAt(i)) {
        ordinaryFirstWord =
            isDictionaryWord(withoutElision(t.folded)) && !isCommonFirstName(t.folded) && !isCommonSurname(t.folded);
      }
    }
    if (prose && lower >= 2 && known * 2 >= longer) return true;
    // a drug and its dose, then its posology in words of the language ("Aspirine 75 mg par jour")
    const bool drugLine = std::find(drugName.begin(), drugName.end(), true) != drugName.end();
    if (prose && drugLine && words == longer) return true;
    // ordinary French prose ("Antécédents : HTA, diabète de type 2, dyslipidémie."): three longer lower-case words or
    // more, two in three of them words of the language (drugs and rarer clinical terms are not: "atorvastatine",
    // "dyslipidémie"; a lower-case word is no name either way), and a capitalised first word that is one too and no
    // common name (the list holds "martin" and "rose": a name opening a sentence, "Martin a été admis", stays masked)
    // (two such words are enough beside a number, a posology: "Pansement gras : 1 par jour")
    const bool number = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.hasDigit; });
    return prose && (longer >= 3 || (longer == 2 && number)) && words * 3 >= longer * 2 && ordinaryFirstWord;
  };
  // a vocabulary line read with errors is shown for checking (to-check on every image kind but photos), not masked
  // and not declared benign: see resolveUncertainText
  // (a capitalised unknown word of three letters is allowed there: "OQT" for "QT", "RS" for "QRS")
  const bool longNameWord = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
    return nameLike(t) && t.raw.size() >= 4 && pronounceable(t) && !benignToken(t) && !misreadVocabulary(t) &&
           !abbreviationShape(t);
  });
  // (a sentence, four words or more, read as prose at 0.8 or more is no line read with errors: "Conclusion : absence
  // de syndrome coronarien aigu." at 0.93, two vocabulary words and three of the language, was masked in a report's
  // header band; a misread ward, "N@ardiologie, unité", is one)
  // (and read cleanly: every lower-case word of three letters or more one of the vocabulary or the language, no
  // stray symbol; "Laboratoire de biologie mél =" at 0.90 was a coarse region over a title and the name on a sticker
  // beside it, which the reading lost)
  const bool prose = readsAsProse();
  const bool cleanWords = std::all_of(tokens.begin(), tokens.end(), [](const Token& t) {
    return !lowerCaseWord(t) || t.raw.size() < 3 || isFunctionWord(t.folded) || benignToken(t) ||
           isDictionaryWord(withoutElision(t.folded));
  });
  const bool cleanSymbols = std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return c >= 0x80 || std::isalnum(c) || std::isspace(c) || std::strchr(".,:;'()-/%", c) != nullptr;
  });
  const bool cleanSentence = prose && ocrConfidence >= 0.8f && tokens.size() >= 4 && cleanWords && cleanSymbols;
  if (vocabularyLine && !longNameWord && !cleanSentence) {
    v.vocabulary = true;
    return verdict("other-text", true, 0.3f, true);
  }
  if (alnum < 2 || ocrConfidence < 0.5f || shortWord || garbage(text, tokens))
    return verdict("other-text", true, 0.3f, true);
  if (allBenign) return verdict("benign", false, 0.5f + 0.4f * ocrConfidence);
  if (prose) return verdict("benign", false, 0.45f + 0.4f * ocrConfidence);
  // mostly vocabulary with a few unknown words (misread units, "sinusas"): not read confidently, the context rule
  // decides (masked in identity zones and next to identity lines, to-check elsewhere)
  if (mostlyBenign) return verdict("other-text", true, 0.3f, true);
  return verdict("other-text", true, 0.35f);  // unknown text is masked by default
}

}  // namespace medpics::detect
