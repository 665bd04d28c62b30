// Word lists of the PHI classifier: common French first names and surnames, name triggers, benign clinical vocabulary.
#pragma once
#include <string>
#include <string_view>

namespace medpics::detect {

// Lower-cases ASCII and folds Latin-1 accented letters of UTF-8 text to ASCII ("Élodie" -> "elodie").
std::string foldAccents(std::string_view utf8);

// Membership tests take a folded token (see foldAccents), without surrounding punctuation.
bool isCommonFirstName(std::string_view folded);
bool isCommonSurname(std::string_view folded);
// Words after which a person's name follows ("patient", "nom", "mme", "dr", ...).
bool isNameTrigger(std::string_view folded);
// Benign vocabulary: laterality/projection markers, units, analyte names, ECG/radiology/scale words, function words.
bool isBenignWord(std::string_view folded);

}  // namespace medpics::detect
