// Name comparison tolerant of accents, case, hyphens, compound and maiden names and given-name order.
#pragma once
#include "medpics/creds/fact.hpp"

#include <string>
#include <string_view>

namespace medpics::creds {

constexpr double kNameMatchPass = 0.85;   // at or above: the names match
constexpr double kNameMatchDoubt = 0.65;  // between doubt and pass: a human looks; below: mismatch

struct NameMatch {
  double score = 0;  // 0..1
  Facts facts;       // how: e.g. name.last_via_birth (how "exact"), name.first (how "similar", score 87)
};

// Similarity of two name parts (each possibly compound): 1 equal after folding, 0.98 same letters
// without spaces ("Le Goff"/"LEGOFF"), 0.95 same words in another order, 0.9 one part's words all
// in the other ("Dupont"/"Dupont-Martin", "Marie"/"Marie Claire"), else a spelling similarity.
double namePartScore(std::string_view a, std::string_view b);

// Overall score from the last-name and first-name scores: half the weaker part, half the mean, so
// that one badly different part is not averaged away (same first name, other last name → mismatch).
double combineNameScores(double last, double first);

// Compares a claimed identity (first, last and optional birth name) with a reference one (directory
// or document). Swapped first/last names still match, with a small penalty.
NameMatch matchNames(std::string_view claimFirst, std::string_view claimLast, std::string_view claimBirth,
                     std::string_view refFirst, std::string_view refLast);

// How well a name (possibly compound) appears among the words of a text (OCR output), 0..1.
double nameInText(std::string_view name, std::string_view text);

}  // namespace medpics::creds
