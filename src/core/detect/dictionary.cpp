// The French word list of Debian's wfrench package (/usr/share/dict/french), folded, loaded once per process.
#include "medpics/detect/lexicon.hpp"

#include <fstream>
#include <string>
#include <unordered_set>

namespace medpics::detect {

namespace {

const std::unordered_set<std::string>& frenchWords() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> out;
    out.reserve(400000);
    std::ifstream in(kFrenchWordList);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty()) out.insert(foldAccents(line));
    return out;
  }();
  return words;
}

}  // namespace

bool isDictionaryWord(std::string_view folded) { return frenchWords().count(std::string(folded)) != 0; }

std::size_t dictionarySize() { return frenchWords().size(); }

}  // namespace medpics::detect
