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

// How two name parts compare, as a term of the catalogue ("term.exact", ...).
std::string label(double score) {
  if (score >= 0.999) return "exact";
  if (score >= 0.975) return "same_letters";
  if (score >= 0.945) return "reordered";
  if (score >= 0.895) return "compound";
  return score >= 0.5 ? "similar" : "different";
}

std::string percent(double score) { return std::to_string(static_cast<int>(score * 100 + 0.5)); }

Fact part(const char* code, double score) {
  return Fact{code, {}}.with("how", label(score)).with("score", percent(score));
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
  if (std::all_of(shorter.begin(), shorter.end(), [&](const std::string& w) { return contains(longer, w); }))
    return 0.9;
  const double spelling = similarity(joined(wa, ""), joined(wb, ""));
  return std::max(spelling, 0.9 * bestWordSimilarity(shorter, longer));
}

namespace {

bool subset(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  return !part.empty() &&
         std::all_of(part.begin(), part.end(), [&](const std::string& w) { return contains(whole, w); });
}

struct LastName {
  double score;
  Fact how;
};

// The claimed usage and birth names against one reference last name. Compound names count as a
// match only when every word of the reference is explained by the claim: "DUPONT-MARTIN" for
// usage name Martin and birth name Dupont is fine; for usage name Moreau and birth name Dupont the
// "MARTIN" part is unexplained (a mismatch), and for usage name Dupont alone it is a doubt.
LastName lastNameScore(std::string_view usage, std::string_view birth, std::string_view ref) {
  const double u = namePartScore(usage, ref);
  const double b = birth.empty() ? 0 : namePartScore(birth, ref);
  const char* code = b > u ? "name.last_via_birth" : "name.last";
  if (std::max(u, b) >= 0.945) return {std::max(u, b), part(code, std::max(u, b))};
  const auto wu = nameTokens(usage), wb = nameTokens(birth), wr = nameTokens(ref);
  std::vector<std::string> claimed = wu;
  claimed.insert(claimed.end(), wb.begin(), wb.end());
  if (subset(wr, claimed)) {
    const bool both = !wb.empty() && subset(wu, wr) && subset(wb, wr);
    return {both ? 0.95 : 0.9, both ? Fact{"name.last_compound_usage_birth", {}} : part(code, 0.9)};
  }
  if (subset(wu, wr)) return {0.75, Fact{"name.last_ref_longer", {}}};
  if (subset(wb, wr)) return {0.5, Fact{"name.last_birth_only", {}}};
  return {std::max(u, b), part(code, std::max(u, b))};
}

}  // namespace

NameMatch matchNames(std::string_view claimFirst, std::string_view claimLast, std::string_view claimBirth,
                     std::string_view refFirst, std::string_view refLast) {
  const LastName last = lastNameScore(claimLast, claimBirth, refLast);
  const double first = namePartScore(claimFirst, refFirst);
  NameMatch direct{combineNameScores(last.score, first), {last.how, part("name.first", first)}};
  const double swappedLast = namePartScore(claimFirst, refLast);
  const double swappedFirst =
      std::max(namePartScore(claimLast, refFirst), claimBirth.empty() ? 0 : namePartScore(claimBirth, refFirst));
  const double swapped = 0.95 * combineNameScores(swappedLast, swappedFirst);
  if (swapped > direct.score) {
    return {swapped, {Fact{"name.swapped", {}}, part("name.last", swappedLast), part("name.first", swappedFirst)}};
  }
  // The whole claimed identity against the whole reference one (given names split differently).
  const std::string claimAll = std::string(claimFirst) + " " + std::string(claimLast);
  const double whole = namePartScore(claimAll, std::string(refFirst) + " " + std::string(refLast));
  if (whole >= 0.945 && 0.95 * whole > direct.score + 1e-9) {
    return {0.95 * whole, {Fact{"name.split_differently", {}}}};
  }
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
