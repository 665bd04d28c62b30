// Identifiers in free text (OCR output, captions): credential numbers and NIRs, digits possibly grouped.
#include "identifier_chars.hpp"
#include "medpics/creds/identifiers.hpp"
#include "medpics/creds/text.hpp"

#include <algorithm>
#include <cctype>

namespace medpics::creds {
namespace {

using namespace detail;  // character helpers

struct Token {
  std::size_t offset, length;
};

// Alphanumeric runs of the text, each with whether a single separator links it to the next one.
std::vector<std::pair<Token, bool>> tokenize(std::string_view text) {
  std::vector<std::pair<Token, bool>> tokens;
  for (std::size_t i = 0; i < text.size();) {
    if (!isAlnum(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && isAlnum(text[i])) ++i;
    std::size_t width = 0;
    const bool linked = i < text.size() && isSeparator(text, i, width) && text[i] != '/' && text[i] != '_' &&
                        i + width < text.size() && isAlnum(text[i + width]);
    tokens.push_back({{begin, i - begin}, linked});
  }
  return tokens;
}

// The credential type named by a label in the few characters before `offset`, if any.
std::optional<IdType> labelBefore(std::string_view text, std::size_t offset) {
  const std::size_t from = offset > 40 ? offset - 40 : 0;
  const std::vector<std::string> words = nameTokens(text.substr(from, offset - from));
  for (auto it = words.rbegin(); it != words.rend() && it - words.rbegin() < 4; ++it) {
    if (*it == "rpps") return IdType::Rpps;
    if (*it == "adeli") return IdType::Adeli;
    if (*it == "ine") return IdType::IneBea;
    if (*it == "idnat" || *it == "ps") return IdType::IdNatPs;
    if (*it == "ordre" || *it == "ordinal") return IdType::Ordre;
  }
  return std::nullopt;
}

using Accept = std::optional<IdCheck> (*)(std::string_view text, std::size_t offset, const std::string& value);

// Greedy scan: at each token, the longest run of linked tokens (≤ 15 characters) that `accept` takes.
std::vector<FoundIdentifier> scan(std::string_view text, Accept accept) {
  const auto tokens = tokenize(text);
  std::vector<FoundIdentifier> found;
  for (std::size_t i = 0; i < tokens.size();) {
    std::optional<FoundIdentifier> best;
    std::size_t bestEnd = i;
    std::string value;
    for (std::size_t j = i; j < tokens.size(); ++j) {
      const Token& t = tokens[j].first;
      value += text.substr(t.offset, t.length);
      if (value.size() > 15) break;
      std::string upper = value;
      std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
      if (auto check = accept(text, tokens[i].first.offset, upper)) {
        const std::size_t begin = tokens[i].first.offset;
        best = FoundIdentifier{begin, t.offset + t.length - begin, std::move(*check)};
        bestEnd = j;
      }
      if (!tokens[j].second) break;
    }
    if (best) {
      found.push_back(std::move(*best));
      i = bestEnd + 1;
    } else {
      ++i;
    }
  }
  return found;
}

std::optional<IdCheck> acceptCredential(std::string_view text, std::size_t offset, const std::string& value) {
  const auto label = labelBefore(text, offset);
  const bool digits = allDigits(value);
  const auto keep = [&](IdCheck c) -> std::optional<IdCheck> {
    if (c.valid || (label && (*label == c.type || (isIneType(*label) && isIneType(c.type))))) return c;
    return std::nullopt;
  };
  if (digits && label == IdType::Ordre && value.size() >= 3 && value.size() <= 12) return checkOrdre(value);
  if (digits && value.size() == 11) return keep(checkRpps(value));
  if (digits && value.size() == 12 && value[0] == '8') return keep(checkIdNatPs(value));
  if (digits && value.size() == 9 && label == IdType::Adeli) return checkAdeli(value);
  if (digits && value.size() == 10 && value[0] == '0' && label == IdType::IdNatPs) return checkIdNatPs(value);
  // A labelled INE whose key letter OCR read as a bracket or bar (the "J" of a monospaced font: "9440493735)"):
  // taken as the key the 10 digits call for when that key is a letter the glyph resembles, and said so.
  if (digits && value.size() == 10 && label && isIneType(*label) && offset + 10 < text.size() &&
      std::string_view(")]|}").find(text[offset + 10]) != std::string_view::npos) {
    const char key = ineBeaKey(value);
    if (key == 'J' || key == 'I' || key == 'L') {
      IdCheck c = checkIne(value + key);
      c.facts.push_back(
          Fact{"id.key_read_as", {}}.with("read", std::string(1, text[offset + 10])).with("key", std::string(1, key)));
      return c;
    }
  }
  if (!digits && value.size() == 11 && std::any_of(value.begin(), value.end(), isDigit)) {
    IdCheck c = checkIne(value);
    if (c.valid && (c.type == IdType::IneBea || c.type == IdType::IneNne || label)) return c;
    if (label && isIneType(*label)) return c;
  }
  return std::nullopt;
}

std::optional<IdCheck> acceptNir(std::string_view, std::size_t, const std::string& value) {
  if (!detail::nirShape(value)) return std::nullopt;
  const int month = std::stoi(value.substr(3, 2));
  if (!((month >= 1 && month <= 12) || month >= 20)) return std::nullopt;
  return checkNir(value);
}

}  // namespace

std::vector<FoundIdentifier> findCredentialIdentifiers(std::string_view text) { return scan(text, acceptCredential); }
std::vector<FoundIdentifier> findNirs(std::string_view text) { return scan(text, acceptNir); }

}  // namespace medpics::creds
