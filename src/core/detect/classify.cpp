// PHI classification rules: regular expressions for identifiers, dates, contacts and addresses,
// token rules (triggers, name lexicon, capitalisation) for person names, benign vocabulary for the rest.
#include "medpics/detect/classify.hpp"

#include "medpics/detect/lexicon.hpp"
#include "medpics/detect/validators.hpp"

#include <algorithm>
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
bool isWordByte(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80; }

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!isWordByte(s[i])) { ++i; continue; }
    Token t;
    t.begin = i;
    while (i < s.size()) {
      unsigned char c = s[i];
      const bool joiner = (c == '-' || c == '\'') && i + 1 < s.size() && isWordByte(s[i + 1]) && i > t.begin;
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

bool nameLike(const Token& t) {
  return t.alpha && (t.capitalised || t.allCaps) && !isBenignWord(t.folded) && !isNameTrigger(t.folded);
}
bool isTrigger(const Token& t) {
  if (t.folded == "m") return t.raw == "M" && t.dotAfter;   // "M. Dupont", not "m" (metre)
  return isNameTrigger(t.folded);
}

// ---- span collection ----

class Collector {
 public:
  explicit Collector(std::string_view text) : text_(text) {}
  void add(std::size_t b, std::size_t e, const char* category, float conf, const char* rule) {
    if (e > b) spans_.push_back({b, e, category, conf, rule});
  }
  // Adds every match of `re` (sub-match `group`) that passes `accept`.
  // libstdc++'s std::regex recurses once per character of a match: a long text is scanned in overlapping windows
  // (found by the hostile-text test: 100000 digits overflowed the stack). Matches shorter than kOverlap are never
  // split; a window may start inside a long token, which can only add spans (more masking), never lose one.
  void addAll(const std::regex& re, int group, const char* category, float conf, const char* rule,
              const std::function<bool(const std::smatch&)>& accept = {}) {
    constexpr std::size_t kWindow = 1024, kOverlap = 192;
    const std::string s(text_);
    auto boundary = [&](std::size_t i) {  // first UTF-8 character start at or before i
      while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
      return i;
    };
    for (std::size_t start = 0;;) {
      std::size_t end = s.size() - start > kWindow ? boundary(start + kWindow) : s.size();
      if (end <= start) end = std::min(s.size(), start + kWindow);
      for (auto it = std::sregex_iterator(s.begin() + std::ptrdiff_t(start), s.begin() + std::ptrdiff_t(end), re);
           it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        if (accept && !accept(m)) continue;
        const std::size_t b = start + std::size_t(m.position(group));
        add(b, b + std::size_t(m.length(group)), category, conf, rule);
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
        }
        last.end = std::max(last.end, s.end);
      } else {
        out.push_back(s);
      }
    }
    return out;
  }

 private:
  std::string_view text_;
  std::vector<TextSpan> spans_;
};

constexpr auto kIcase = std::regex::ECMAScript | std::regex::icase | std::regex::optimize;
constexpr auto kCase = std::regex::ECMAScript | std::regex::optimize;

// Letters, including UTF-8 Latin-1 accented ones (two-byte sequences starting with 0xC3).
#define LETTER "(?:[A-Za-z]|\xC3[\x80-\xBF])"
#define MONTHS_FR "janvier|f(?:\xC3\xA9|e)vrier|mars|avril|mai|juin|juillet|ao(?:\xC3\xBB|u)t|septembre|octobre|novembre|d(?:\xC3\xA9|e)cembre|janv|f(?:\xC3\xA9|e)vr?|avr|juil|sept?|oct|nov|d(?:\xC3\xA9|e)c"
#define MONTHS_EN "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"

void identifierRules(Collector& c) {
  static const std::regex email(R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})", kCase);
  static const std::regex phoneFr(R"((^|[^\d])((?:\+33\s?(?:\(0\)\s?)?|0033\s?|0)[1-9](?:[\s.\-]?\d{2}){4})(?!\d))", kCase);
  static const std::regex phoneIntl(R"((^|[^\d])(\+\d{1,3}[\s.\-]?\(?\d{1,4}\)?(?:[\s.\-]?\d{2,4}){2,4})(?!\d))", kCase);
  static const std::regex phoneUs(R"((^|[^\d])(\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4})(?!\d))", kCase);
  static const std::regex nir(R"((^|[^\dA-Za-z])([1-478]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-4]\d|[5-9]\d)\s?(?:\d{2}|2A|2B)\s?\d{3}\s?\d{3}(?:\s?\d{2})?)(?![\d]))", kIcase);
  static const std::regex longNumber(R"((^|[^\d.,])(\d{6,}|\d{3,}(?:[ \-]\d{3,}){1,4})(?![\d]|[.,]\d))", kCase);
  static const std::regex mixedId(R"((^|[^A-Za-z0-9])((?:[A-Z]{1,4}[\-/]?\d{5,}|\d{4,}[A-Z]{1,3}\d*)[A-Z0-9]*)(?![A-Za-z0-9]))", kCase);
  static const std::regex triggeredId(
      "(?:^|[^A-Za-z])((?:IPP|NDA|NIP|MRN|PID|ID|INS|NIR|Accession|Acc|Dossier|S(?:\xC3\xA9|e)jour|Venue|Examen|Exam|"
      "Demande|Requ(?:\xC3\xAA|e)te|Ordonnance|Patient\\s*ID|ID\\s*patient|R(?:\xC3\xA9|e)f|N(?:\xC2\xB0|o|\xC2\xBA|um(?:\xC3\xA9|e)ro)"
      "(?:\\s*(?:de|d'|du))?\\s*(?:dossier|s(?:\xC3\xA9|e)jour|examen|demande|patient|venue|sécu|secu|ss|adeli|rpps)?)"
      "\\.?\\s*(?:n(?:\xC2\xB0|o|\xC2\xBA)\\.?)?\\s*[:#=]?\\s*([A-Z0-9][A-Z0-9\\-/.]{2,}))",
      kIcase);

  c.addAll(email, 0, "email", 0.97f, "email");
  c.addAll(triggeredId, 1, "id", 0.95f, "trigger-id", [](const std::smatch& m) {
    const std::string value = m[2].str();
    return std::any_of(value.begin(), value.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  });
  c.addAll(nir, 2, "nir", 0.99f, "nir-key", [](const std::smatch& m) { return nirValid(m[2].str()); });
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
  c.addAll(longNumber, 2, "id", 0.6f, "long-number", [](const std::smatch& m) {
    const auto value = m[2].str();
    return digitsOnly(value).size() >= (value.size() == digitsOnly(value).size() ? 6u : 8u);
  });
  c.addAll(mixedId, 2, "id", 0.6f, "mixed-id");
}

void dateRules(Collector& c) {
  static const std::regex numeric(R"((^|[^\d])((\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{4}|\d{2}))(?![\d]))", kCase);
  static const std::regex iso(R"((^|[^\d])((\d{4})[\-/.](\d{1,2})[\-/.](\d{1,2}))(?![\d]))", kCase);
  static const std::regex compact(R"((^|[^\d])((?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?![\d]))", kCase);
  static const std::regex textFr("(?:^|[^A-Za-z0-9])((?:\\d{1,2}|1er)\\s+(?:" MONTHS_FR ")\\.?\\s+(?:\\d{4}|\\d{2}))(?![\\d])", kIcase);
  static const std::regex monthYear("(?:^|[^A-Za-z0-9])((?:" MONTHS_FR "|" MONTHS_EN ")\\.?\\s+(?:19|20)\\d{2})(?![\\d])", kIcase);
  static const std::regex textEn1("(?:^|[^A-Za-z0-9])((?:" MONTHS_EN ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})(?![\\d])", kIcase);
  static const std::regex textEn2("(?:^|[^A-Za-z0-9])(\\d{1,2}(?:st|nd|rd|th)?[\\s\\-](?:" MONTHS_EN ")\\.?[\\s\\-,]+\\d{2,4})(?![\\d])", kIcase);
  static const std::regex shortNumeric(R"((^|[^\d/.])((?:0?[1-9]|1[0-2])[/.](?:19|20)\d{2})(?![\d]))", kCase);
  static const std::regex time(R"((^|[^\d:])((?:[01]?\d|2[0-3])(?::|h)[0-5]\d(?::[0-5]\d)?)(?![\d]))", kCase);
  static const std::regex birthTrigger(
      "(?:^|[^A-Za-z])((?:N(?:\xC3\xA9|e)(?:\\(e\\)|e)?\\s+le|DDN|DOB|Date\\s+de\\s+naissance|Birth\\s*date|Date\\s+of\\s+birth)"
      "\\s*[:.]?\\s*\\S+(?:\\s+\\S+){0,2})",
      kIcase);

  auto fullYear = [](int y) { return y < 100 ? (y > 30 ? 1900 + y : 2000 + y) : y; };
  auto numericOk = [&](const std::smatch& m) {
    const int a = std::stoi(m[3].str()), b = std::stoi(m[4].str()), y = fullYear(std::stoi(m[5].str()));
    return dateValid(a, b, y) || dateValid(b, a, y);
  };
  c.addAll(numeric, 2, "date", 0.92f, "date-numeric", numericOk);
  c.addAll(iso, 2, "date", 0.92f, "date-iso", [](const std::smatch& m) {
    return dateValid(std::stoi(m[5].str()), std::stoi(m[4].str()), std::stoi(m[3].str()));
  });
  c.addAll(compact, 2, "date", 0.7f, "date-compact");
  c.addAll(textFr, 1, "date", 0.95f, "date-text-fr");
  c.addAll(textEn1, 1, "date", 0.95f, "date-text-en");
  c.addAll(textEn2, 1, "date", 0.95f, "date-text-en");
  c.addAll(monthYear, 1, "date", 0.8f, "date-month-year");
  c.addAll(shortNumeric, 2, "date", 0.6f, "date-month-year");
  c.addAll(time, 2, "date", 0.6f, "time");
  c.addAll(birthTrigger, 1, "date", 0.95f, "birth-trigger");
}

void addressRules(Collector& c) {
  static const std::regex street(
      "(?:^|[^A-Za-z0-9])(\\d{1,4}(?:\\s?(?:bis|ter|[AB]))?,?\\s+(?:rue|avenue|av\\.?|bd|boulevard|place|pl\\.|chemin|"
      "all(?:\xC3\xA9|e)e|impasse|route|quai|cours|square|r(?:\xC3\xA9|e)sidence|lotissement|street|st\\.?|road|rd\\.?|"
      "lane|drive|way)\\b.*)",
      kIcase);
  static const std::regex postcodeCity(
      "(?:^|[^\\d])((?:0[1-9]|[1-8]\\d|9[0-5]|97)\\d{3}\\s+(?:" LETTER "|[\\-' ])*" LETTER "{2,}(?:\\s+cedex(?:\\s*\\d+)?)?)",
      kIcase);
  static const std::regex addressTrigger("(?:^|[^A-Za-z])((?:Adresse|Address|Domicile|Ville|City|CP|Code\\s+postal)\\s*:\\s*.+)", kIcase);
  c.addAll(street, 1, "address", 0.9f, "street");
  c.addAll(postcodeCity, 1, "address", 0.8f, "postcode-city");
  c.addAll(addressTrigger, 1, "address", 0.85f, "address-trigger");
}

void institutionRules(Collector& c) {
  static const std::regex hospital(
      "(?:^|[^A-Za-z])((?:CHU|CHRU|CHR|CHI|AP-HP|APHP|H(?:\xC3\xB4|o)pital|Hospital|Clinique|Clinic|Polyclinique|"
      "Centre\\s+hospitalier|Centre\\s+m(?:\xC3\xA9|e)dical|Institut|Service\\s+d[eu']|Unit(?:\xC3\xA9|e)\\s+d|Ward|"
      "Cabinet|Laboratoire|Maternit(?:\xC3\xA9|e)|EHPAD|Infirmary)\\b.*)",
      kCase);
  c.addAll(hospital, 1, "hospital", 0.8f, "institution");
}

void nameRules(std::string_view text, Collector& c) {
  const auto tokens = tokenize(text);
  const std::size_t n = tokens.size();
  auto extend = [&](std::size_t i, std::size_t j, const char* rule, float conf) {
    while (i > 0 && nameLike(tokens[i - 1]) && !isTrigger(tokens[i - 1])) --i;
    while (j + 1 < n && nameLike(tokens[j + 1])) ++j;
    c.add(tokens[i].begin, tokens[j].end, "name", conf, rule);
  };
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (isTrigger(t)) {
      // skip fillers ("Nom de naissance :", "Prénom(s)") then take up to four name tokens
      std::size_t k = i + 1;
      while (k < n && (tokens[k].folded == "de" || tokens[k].folded == "naissance" || tokens[k].folded == "usage" ||
                       tokens[k].folded == "s" || tokens[k].folded == "e" || isTrigger(tokens[k])))
        ++k;
      std::size_t last = k;
      bool found = false;
      for (std::size_t m = k; m < n && m < k + 4; ++m) {
        const Token& w = tokens[m];
        const bool afterColon = text.substr(tokens[i].end, w.begin - tokens[i].end).find(':') != std::string_view::npos;
        const bool ok = w.alpha && !isTrigger(w) && (nameLike(w) || (afterColon && !isBenignWord(w.folded)));
        if (!ok) break;
        last = m;
        found = true;
      }
      if (found) c.add(tokens[k].begin, tokens[last].end, "name", 0.9f, "trigger-name");
      continue;
    }
    if (!nameLike(t)) continue;
    if (isCommonFirstName(t.folded) || isCommonSurname(t.folded)) {
      extend(i, i, "name-lexicon", 0.75f);
    } else if (i + 1 < n && nameLike(tokens[i + 1]) && t.raw.size() >= 2 && tokens[i + 1].raw.size() >= 2 &&
               text.substr(t.end, tokens[i + 1].begin - t.end).find_first_not_of(" ^,") == std::string_view::npos) {
      extend(i, i + 1, "capitalised-pair", 0.5f);
    } else if (t.allCaps && t.raw.size() >= 4) {
      c.add(t.begin, t.end, "name", 0.4f, "all-caps-word");
    }
  }
}

bool benignToken(const Token& t) {
  if (isBenignWord(t.folded)) return true;
  if (t.raw.size() <= 1) return true;
  static const std::regex measure(R"(^\d{1,4}(?:[.,]\d+)?(?:[a-zA-Z%/]{0,6}\d?)?$)", kCase);
  return std::regex_match(t.raw, measure);
}

}  // namespace

std::vector<TextSpan> findPhiSpans(std::string_view text) {
  Collector c(text);
  identifierRules(c);
  dateRules(c);
  addressRules(c);
  institutionRules(c);
  nameRules(text, c);
  return c.merged();
}

LineVerdict classifyLine(std::string_view text, float ocrConfidence) {
  LineVerdict v;
  v.spans = findPhiSpans(text);
  if (!v.spans.empty()) {
    const auto best = std::max_element(v.spans.begin(), v.spans.end(),
                                       [](const auto& a, const auto& b) { return a.confidence < b.confidence; });
    v.category = best->category;
    v.phi = true;
    v.confidence = best->confidence * (0.5f + 0.5f * std::clamp(ocrConfidence, 0.f, 1.f));
    return v;
  }
  const auto tokens = tokenize(text);
  std::size_t alnum = 0;
  for (const auto& t : tokens) alnum += t.raw.size();
  const bool allBenign = !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [](const Token& t) {
    return isBenignWord(t.folded) || benignToken(t);
  });
  if (allBenign && ocrConfidence >= 0.6f && (alnum >= 2 || isBenignWord(tokens.front().folded))) {
    v.category = "benign";
    v.phi = false;
    v.confidence = 0.5f + 0.4f * ocrConfidence;
    return v;
  }
  if (alnum < 2 || ocrConfidence < 0.5f) {
    v.category = "other-text";
    v.phi = true;
    v.confidence = 0.3f;
    return v;
  }
  if (std::all_of(tokens.begin(), tokens.end(), benignToken)) {
    v.category = "benign";
    v.phi = false;
    v.confidence = 0.5f + 0.4f * ocrConfidence;
    return v;
  }
  v.category = "other-text";
  v.phi = true;  // unknown text is masked by default
  v.confidence = 0.35f;
  return v;
}

}  // namespace medpics::detect
