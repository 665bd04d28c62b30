// Checks the text drawn on screen against the desk's catalogue of one language (words of its entries) and data.
#pragma once
#include "desk.hpp"
#include "i18n.hpp"

#include <set>
#include <string>
#include <vector>

namespace medpics::test {

class CatalogueCheck {
 public:
  explicit CatalogueCheck(desk::Language language);
  // Data shown as is (titles, names, captions, ids, text read on images): its words are allowed.
  void allowData(const std::string& text);
  void allowDeskData(const desk::Desk& desk);
  // The lines of the last frame (visible_text.hpp) with a word that is neither in the active language's catalogue
  // nor data, and, in English, lines with French spacing before a colon ("Caption :"). "screen: line [word]".
  std::vector<std::string> offenders(const std::string& screen) const;
  // Words of a UTF-8 text as compared: lower case, letters only (digits, symbols and punctuation split words).
  static std::vector<std::string> words(const std::string& text);

 private:
  desk::Language language_;
  std::set<std::string> catalogue_, data_;
  std::vector<std::string> labels_;  // the short texts of the language (labels a colon may follow)
};

}  // namespace medpics::test
