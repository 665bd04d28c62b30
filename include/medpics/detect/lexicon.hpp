// Word lists of the PHI classifier: common French first names and surnames, name triggers, benign clinical vocabulary.
#pragma once
#include <string>
#include <string_view>
#include <vector>

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
// A word of the French language (Debian's wfrench list, every inflected form, folded): "admis", "diabete",
// "cicatrisation". It holds common nouns that are surnames too ("martin", "mercier", "boulanger"), so it only says
// that a word written in lower case is ordinary prose, never that a capitalised word is no name.
inline constexpr const char* kFrenchWordList = "/usr/share/dict/french";
bool isDictionaryWord(std::string_view folded);
// Words in the list (0 when the file is missing: then no word is ordinary prose and such lines stay masked).
std::size_t dictionarySize();
// Benign vocabulary words of 7 letters or more (for matching OCR misreadings of them).
const std::vector<std::string>& longBenignWords();
// Common medical abbreviations written in capitals (STEMI, HTA, IRM, BPCO...): never a name.
bool isClinicalAbbreviation(std::string_view folded);
// Function words ("de", "la", "par", "the"...): articles, prepositions and conjunctions of French and English.
bool isFunctionWord(std::string_view folded);
// Words of field labels printed before a value ("nom", "ne"/"nee" of "Né(e) le", "dossier", "examen", "date",
// "tel"...). Not the courtesy titles (the value starts there) nor the identifier labels "IPP", "ID", "NIR" (a sticker
// prints "IPP 8231145067" as one value), nor the weak words (le, de, du), which are also name particles ("Le Gall").
bool isFieldLabel(std::string_view folded);
// Titles before a name ("m", "mme", "dr", "docteur", "pr"...): name triggers that belong to the name they open.
bool isTitle(std::string_view folded);
// Units of two letters written after a value ("ms", "mm", "kV", "mg", "µg"...).
bool isShortUnit(std::string_view folded);
// A unit a dose is given in (folded): mg, g, µg, ml, UI, cp, gouttes...
bool isDoseUnit(std::string_view folded);
// A drug's form written after its name (folded): crème, pommade, collyre, comprimé, gélule...
bool isDrugForm(std::string_view folded);
// The words of UTF-8 text, folded (see foldAccents): runs of ASCII letters and digits; everything else separates.
std::vector<std::string> foldedWords(std::string_view utf8);
// Name particles ("le", "la", "de", "du", "ben", "van", "saint"...): part of a name when a name follows.
bool isNameParticle(std::string_view folded);
// ECG lead labels and their usual OCR misreadings, on the RAW token: I, II, III, aVR, aVL, aVF, V1-V6, "VI" (V1),
// "M5"/"W5"/"N5" (V5), "Vl", "V|". Two or three characters only, so no name is hidden.
bool isEcgLeadVariant(std::string_view raw);

}  // namespace medpics::detect
