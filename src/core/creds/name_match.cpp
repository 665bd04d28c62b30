// Name matching scores: folded exact, compound, reordered and fuzzy comparisons.
#include "medpics/creds/name_match.hpp"

#include "medpics/creds/text.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace medpics::creds {
namespace {

std::string joined(const std::vector<std::string>& words, const char* separator) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : separator) + w;
  return s;
}

bool contains(const std::vector<std::string>& words, const std::string& w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Average over the words of `shorter` of their best spelling similarity to a word of `longer`.
double bestWordSimilarity(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  double sum = 0;
  for (const auto& w : shorter) {
    double best = 0;
    for (const auto& v : longer) best = std::max(best, similarity(w, v));
    sum += best;
  }
  return shorter.empty() ? 0 : sum / static_cast<double>(shorter.size());
}

std::string label(double score) {
  if (score >= 0.999) return "exact";
  if (score >= 0.975) return "same letters";
  if (score >= 0.945) return "same words, other order";
  if (score >= 0.895) return "compound/partial";
  char text[32];
  std::snprintf(text, sizeof text, "similar spelling %.2f", score);
  return score >= 0.5 ? text : "different";
}

}  // namespace

double combineNameScores(double last, double first) { return 0.5 * std::min(last, first) + 0.25 * (last + first); }

double namePartScore(std::string_view a, std::string_view b) {
  const auto wa = nameTokens(a), wb = nameTokens(b);
  if (wa.empty() || wb.empty()) return 0;
  if (wa == wb) return 1.0;
  if (joined(wa, "") == joined(wb, "")) return 0.98;
  auto sa = wa, sb = wb;
  std::sort(sa.begin(), sa.end());
  std::sort(sb.begin(), sb.end());
  if (sa == sb) return 0.95;
  const auto& shorter = wa.size() <= wb.size() ? wa : wb;
  const auto& longer = wa.size() <= wb.size() ? wb : wa;
  if (std::all_of(shorter.begin(), shorter.end(), [&](const std::string& w) { return contains(longer, w); })) return 0.9;
  const double spelling = similarity(joined(wa, ""), joined(wb, ""));
  return std::max(spelling, 0.9 * bestWordSimilarity(shorter, longer));
}

NameMatch matchNames(std::string_view claimFirst, std::string_view claimLast, std::string_view claimBirth,
                     std::string_view refFirst, std::string_view refLast) {
  const double usage = namePartScore(claimLast, refLast);
  const double birth = claimBirth.empty() ? 0 : namePartScore(claimBirth, refLast);
  const double last = std::max(usage, birth);
  const double first = namePartScore(claimFirst, refFirst);
  NameMatch direct{combineNameScores(last, first),
                   std::string("last name") + (birth > usage ? " via birth name" : "") + ": " + label(last) +
                       "; first name: " + label(first)};
  const double swappedLast = namePartScore(claimFirst, refLast);
  const double swappedFirst = std::max(namePartScore(claimLast, refFirst), claimBirth.empty() ? 0 : namePartScore(claimBirth, refFirst));
  const double swapped = 0.95 * combineNameScores(swappedLast, swappedFirst);
  if (swapped > direct.score) {
    return {swapped, "first and last names swapped; last name: " + label(swappedLast) + "; first name: " + label(swappedFirst)};
  }
  // The whole claimed identity against the whole reference one (given names split differently).
  const std::string claimAll = std::string(claimFirst) + " " + std::string(claimLast);
  const double whole = 0.95 * namePartScore(claimAll, std::string(refFirst) + " " + std::string(refLast));
  if (whole > direct.score + 1e-9 && whole >= kNameMatchPass) return {whole, "same words, split differently between first and last name"};
  return direct;
}

double nameInText(std::string_view name, std::string_view text) {
  const auto words = nameTokens(name);
  const auto textWords = nameTokens(text);
  if (words.empty() || textWords.empty()) return 0;
  // Also try adjacent text words glued together (OCR may split "LEGOFF" as "LE GOFF" or the reverse).
  std::vector<std::string> candidates = textWords;
  for (std::size_t i = 0; i + 1 < textWords.size(); ++i) candidates.push_back(textWords[i] + textWords[i + 1]);
  const std::string glued = joined(words, "");
  double best = bestWordSimilarity(words, candidates);
  for (const auto& c : candidates) best = std::max(best, similarity(glued, c));
  return best;
}

}  // namespace medpics::creds
