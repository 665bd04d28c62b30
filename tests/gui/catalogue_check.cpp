// Word-level comparison of the visible text with the catalogue of the active language and the data on screen.
#include "catalogue_check.hpp"

#include "fact_text.hpp"
#include "views/desk_view.hpp"
#include "visible_text.hpp"

#include <regex>

namespace medpics::test {
namespace {

// Decodes one UTF-8 code point at s[i]; advances i.
unsigned int next(const std::string& s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  unsigned int c = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
  for (int k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<std::size_t>(n);
  return c;
}

bool isLetter(unsigned int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

unsigned int lower(unsigned int c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
  if (c >= 0x100 && c <= 0x17F && c % 2 == 0) return c + 1;  // Latin Extended-A pairs (Œ → œ)
  return c;
}

void put(std::string& out, unsigned int c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::vector<std::string> CatalogueCheck::words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  bool digit = false;
  const auto flush = [&] {
    // A word glued to digits ("p1", "2025a") is an identifier: data, not language.
    if (word.size() > 1 && !digit) out.push_back(word);
    word.clear();
    digit = false;
  };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned int c = next(text, i);
    if (isLetter(c))
      put(word, lower(c));
    else if (c >= '0' && c <= '9' && !word.empty())
      digit = true;
    else
      flush();
  }
  flush();
  return out;
}

CatalogueCheck::CatalogueCheck(desk::Language language) : language_(language) {
  static const std::regex placeholder("\\{[^}]*\\}");
  for (const auto& e : desk::catalogue()) {
    const std::string raw = language == desk::Language::French ? e.fr : e.en;
    const std::string text = std::regex_replace(raw, placeholder, " ");
    for (auto& w : words(text)) catalogue_.insert(std::move(w));
    if (raw.find('{') == std::string::npos && raw.size() <= 40) labels_.push_back(raw);
  }
}

void CatalogueCheck::allowData(const std::string& text) {
  for (auto& w : words(text)) data_.insert(std::move(w));
}

void CatalogueCheck::allowDeskData(const desk::Desk& d) {
  allowData(d.loginUser);
  // The message to the poster or applicant is theirs (French, whatever the desk's language), editable in the form.
  allowData(desk::rejectFormOf(d).message);
  if (d.session) {
    allowData(d.session->user.username);
    allowData(d.session->user.displayName);
  }
  allowData(d.settings.platformUrl + " " + d.loginUrl + " " + d.settings.caBundle);
  for (const auto& p : d.posts) allowData(p.id + " " + p.author.displayName + " " + p.captionExcerpt);
  for (const auto& r : d.registrations) allowData(r.id + " " + r.applicantName + " " + r.profession);
  if (d.post) {
    allowData(d.post->detail.caption + " " + d.post->detail.author.displayName);
    for (const auto& image : d.post->images) {
      for (const auto& item : image.regions.items()) allowData(item.region.text);
      for (const auto& m : image.metadataFindings) allowData(m);
    }
  }
  if (d.registration) {
    const auto& a = d.registration->detail.applicant;
    for (const std::string* s :
         {&a.firstName, &a.lastName, &a.birthName, &a.email, &a.profession, &a.university, &a.academicYear})
      allowData(*s);
    if (d.registration->checks) {
      for (const auto& text : d.registration->checks->ocrTexts) allowData(text);
      for (const auto& item : d.registration->checks->checklist.items)
        for (const auto& f : item.facts)
          for (const auto& p : f.params) allowData(p.value);  // names, directory labels, sources: data
    }
  }
  for (const auto& e : d.history.entries) {
    allowData(e.decision.subjectId + " " + e.decision.decidedBy + " " + e.decision.message);
    // What the row says about its subject (the platform's subject_summary): author, published caption, applicant.
    if (const auto summary = e.decision.raw.find("subject_summary");
        summary != e.decision.raw.end() && summary->is_object())
      for (const auto& [key, value] : summary->items())
        if (value.is_string()) allowData(value.get<std::string>());
  }
  if (d.history.evidence && d.history.evidence->contains("note") && (*d.history.evidence)["note"].is_string())
    allowData((*d.history.evidence)["note"].get<std::string>());
  // The public parameters of a decided checklist (directory labels, dates, counts) are data too.
  if (d.history.evidence && d.history.evidence->contains("checklist") && (*d.history.evidence)["checklist"].is_array())
    for (const auto& line : (*d.history.evidence)["checklist"])
      if (line.is_object() && line.contains("facts") && line["facts"].is_array())
        for (const auto& f : line["facts"])
          if (f.is_object() && f.contains("params") && f["params"].is_object())
            for (const auto& [name, value] : f["params"].items())
              if (value.is_string()) allowData(value.get<std::string>());
  for (const auto& e : d.outboxEntries) allowData(e.subjectId);
}

namespace {
// Some word of the set is longer than w and ends with it (what a left clip left of it) or, when `anywhere`, holds it
// (a piece clipped on both sides).
bool holdsOne(const std::set<std::string>& words, const std::string& w, bool anywhere) {
  for (const auto& word : words) {
    if (word.size() <= w.size()) continue;
    const std::size_t at = anywhere ? word.find(w) : word.size() - w.size();
    if (at != std::string::npos && word.compare(at, w.size(), w) == 0) return true;
  }
  return false;
}
}  // namespace

std::vector<std::string> CatalogueCheck::offenders(const std::string& screen) const {
  std::vector<std::string> out;
  for (const auto& line : visibleText()) {
    std::string bad;
    const auto lineWords = words(line.text);
    for (const auto& w : lineWords) {
      if (catalogue_.count(w) || data_.count(w)) continue;
      // A data word cut by an excerpt ("opacité ba…" of "basale") is still data.
      const auto cut = data_.lower_bound(w);
      if (cut != data_.end() && cut->compare(0, w.size(), w) == 0) continue;
      // The last word of a line cut at the edge of a list or a window ("…; annu").
      const auto cutWord = catalogue_.lower_bound(w);
      if (&w == &lineWords.back() && cutWord != catalogue_.end() && cutWord->compare(0, w.size(), w) == 0) continue;
      // The first word of a line cut at the left edge of a clipped row ("urélie" of "Aurélie"). A line of that word
      // alone may be cut at both ends: a fitted text's "…" after it, and before it a glyph the fine clip of that text
      // cut and the reader does not know ("ixel…" of "pixels", its "p" cut).
      const bool alone = lineWords.size() == 1;
      if (&w == &lineWords.front() && (holdsOne(catalogue_, w, alone) || holdsOne(data_, w, alone))) continue;
      bad += (bad.empty() ? "" : ", ") + w;
    }
    // French spacing after a label of the catalogue ("Caption :") in English; a caption's own " :" is data.
    if (language_ == desk::Language::English)
      for (const auto& label : labels_) {
        const std::size_t at = line.text.find(label + " :");
        if (at != std::string::npos && (at == 0 || line.text[at - 1] == ' '))
          bad += (bad.empty() ? "" : ", ") + label + " :";
      }
    if (!bad.empty()) out.push_back(screen + ": \"" + line.text + "\" [" + bad + "]");
  }
  return out;
}

}  // namespace medpics::test
