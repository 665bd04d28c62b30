// Validators of RPPS, idNat_PS, ADELI, INE, Ordre and NIR numbers: normalisation, type detection, keys.
#include "medpics/creds/identifiers.hpp"

#include "identifier_chars.hpp"
#include "medpics/creds/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

namespace medpics::creds {
namespace {

using namespace detail;  // character helpers

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
Fact fact(std::string code) { return Fact{std::move(code), {}}; }
void say(IdCheck& check, Fact f) { check.facts.push_back(std::move(f)); }

struct Label {
  std::string_view text;  // lower case UTF-8
  IdType type;
};
// Words that may precede an identifier; Unknown ones carry no type.
// clang-format off
constexpr std::array kLabels = {
    Label{"num\xc3\xa9ro", IdType::Unknown}, Label{"num\xc3\x89ro", IdType::Unknown},
    Label{"numero", IdType::Unknown},        Label{"num", IdType::Unknown},
    Label{"n\xc2\xb0", IdType::Unknown},     Label{"n\xc2\xba", IdType::Unknown},
    Label{"no", IdType::Unknown},            Label{"n", IdType::Unknown},
    Label{"idnat_ps", IdType::IdNatPs},      Label{"idnatps", IdType::IdNatPs},
    Label{"idnat", IdType::IdNatPs},         Label{"rpps", IdType::Rpps},
    Label{"adeli", IdType::Adeli},           Label{"ine", IdType::IneBea},
    Label{"nir", IdType::Nir},               Label{"ordinal", IdType::Ordre},
    Label{"ordre", IdType::Ordre},           Label{"inscription", IdType::Unknown},
    Label{"de", IdType::Unknown},            Label{"du", IdType::Unknown},
    Label{"d'", IdType::Unknown},            Label{"l'", IdType::Unknown},
    Label{"a l'", IdType::Unknown},          Label{"\xc3\xa0 l'", IdType::Unknown},
};
// clang-format on

bool isLabelPunct(char c) { return c == ' ' || c == '\t' || c == ':' || c == '=' || c == '#' || c == '.' || c == '-'; }

// Strips leading labels; returns the rest and the type the labels named (Unknown if none).
std::pair<std::string_view, IdType> stripLabels(std::string_view input) {
  IdType named = IdType::Unknown;
  std::size_t pos = 0;
  for (bool progress = true; progress;) {
    progress = false;
    while (pos < input.size() && isLabelPunct(input[pos])) ++pos;
    for (const auto& label : kLabels) {
      if (input.size() - pos < label.text.size()) continue;
      bool same = true;
      for (std::size_t k = 0; k < label.text.size() && same; ++k) {
        same = std::tolower(static_cast<unsigned char>(input[pos + k])) == static_cast<unsigned char>(label.text[k]);
      }
      const std::size_t end = pos + label.text.size();
      const bool boundary = end == input.size() || !isAlnum(input[end]) || label.text.back() == '\'' ||
                            static_cast<unsigned char>(label.text.back()) >= 0x80;
      if (!same || !boundary) continue;
      // A bare "n"/"no" followed directly by digits ("N12") is still a label, but never eat the value itself.
      if (end == input.size()) break;
      pos = end;
      if (label.type != IdType::Unknown) named = label.type;
      progress = true;
      break;
    }
  }
  return {input.substr(pos), named};
}

// Normalised value plus the first unexpected character, if any.
std::pair<std::string, std::string> normalizeWithError(std::string_view input) {
  const auto [rest, named] = stripLabels(input);
  std::string out, bad;
  for (std::size_t i = 0; i < rest.size();) {
    std::size_t width = 1;
    if (isAlnum(rest[i])) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(rest[i])));
    } else if (!isSeparator(rest, i, width) && bad.empty()) {
      bad = std::string(1, rest[i]);
    }
    i += width;
  }
  return {out, bad};
}

IdCheck start(std::string_view input, IdType type) {
  IdCheck check;
  check.input = std::string(input);
  check.type = type;
  auto [normalized, bad] = normalizeWithError(input);
  check.normalized = std::move(normalized);
  if (!bad.empty())
    say(check, fact("id.unexpected_char").with("char", bad));
  else if (check.normalized.empty())
    say(check, fact("id.empty"));
  return check;
}

// Shared rule of RPPS and ADELI: `length` digits whose last one is the Luhn key of the others.
IdCheck checkLuhnNumber(IdCheck check, std::string_view what, std::size_t length) {
  if (!check.facts.empty()) return check;
  const std::string& n = check.normalized;
  const std::string name(what);
  if (!allDigits(n)) {
    const auto it = std::find_if(n.begin(), n.end(), [](char c) { return !isDigit(c); });
    say(check, fact("id.not_digits").with("type", name).with("char", std::string(1, *it)));
  } else if (n.size() != length) {
    say(check, fact("id.wrong_length")
                   .with("type", name)
                   .with("expected", std::to_string(length))
                   .with("got", std::to_string(n.size())));
  } else if (!luhnValid(n)) {
    say(check, fact("id.luhn_wrong")
                   .with("type", name)
                   .with("given", std::string(1, n.back()))
                   .with("expected", std::string(1, luhnKey(std::string_view(n).substr(0, length - 1)))));
  } else {
    check.valid = true;
    say(check, fact("id.luhn_ok").with("type", name).with("digits", std::to_string(length)));
  }
  return check;
}

// The inner check of a wrapped number, preceded by the fact that says how it was wrapped.
IdCheck retype(IdCheck inner, std::string_view input, IdType type, std::string normalized, Fact wrapping) {
  inner.input = std::string(input);
  inner.type = type;
  inner.normalized = std::move(normalized);
  inner.facts.insert(inner.facts.begin(), std::move(wrapping));
  return inner;
}

// Compares the last character of an INE with its expected key and says so ("id.<form>_key_ok|wrong").
void setKeyResult(IdCheck& check, const std::string& form, char expected) {
  const char given = check.normalized.back();
  check.valid = given == expected;
  if (check.valid)
    say(check, fact("id." + form + "_key_ok"));
  else
    say(check, fact("id." + form + "_key_wrong")
                   .with("given", std::string(1, given))
                   .with("expected", std::string(1, expected)));
}

IdType detectType(const std::string& n) {
  if (allDigits(n)) {
    switch (n.size()) {
      case 9: return IdType::Adeli;
      case 10: return n[0] == '0' ? IdType::IdNatPs : IdType::Unknown;
      case 11: return IdType::Rpps;
      case 12: return n[0] == '8' ? IdType::IdNatPs : IdType::Unknown;
      case 13:
      case 15: return IdType::Nir;
      default: return IdType::Unknown;
    }
  }
  if (n.size() == 15 && (n.substr(5, 2) == "2A" || n.substr(5, 2) == "2B")) return IdType::Nir;
  if (n.size() == 11) return IdType::IneBea;  // any INE form; checkIne tells which
  return IdType::Unknown;
}

int base36(char c) {
  if (isDigit(c)) return c - '0';
  if (isUpper(c)) return c - 'A' + 10;
  return -1;
}

}  // namespace

namespace detail {
// Sex digit, year, month, département (2A/2B allowed), commune, order, optional key.
bool nirShape(const std::string& n) {
  static const std::regex shape("^[1-478][0-9]{4}([0-9]{2}|2A|2B)[0-9]{6}([0-9]{2})?$");
  return std::regex_match(n, shape);
}
}  // namespace detail

std::string_view idTypeName(IdType type) {
  switch (type) {
    case IdType::Rpps: return "rpps";
    case IdType::IdNatPs: return "idnat_ps";
    case IdType::Adeli: return "adeli";
    case IdType::IneBea: return "ine_bea";
    case IdType::IneNne: return "ine_nne";
    case IdType::IneRnie: return "ine_rnie";
    case IdType::IneApprentice: return "ine_apprentice";
    case IdType::Ordre: return "ordre";
    case IdType::Nir: return "nir";
    case IdType::Unknown: break;
  }
  return "unknown";
}

std::optional<IdType> idTypeFromName(std::string_view name) {
  const std::string key = foldKey(name);
  if (key == "ine") return IdType::IneBea;
  for (IdType t : {IdType::Rpps, IdType::IdNatPs, IdType::Adeli, IdType::IneBea, IdType::IneNne, IdType::IneRnie,
                   IdType::IneApprentice, IdType::Ordre, IdType::Nir, IdType::Unknown}) {
    if (foldKey(idTypeName(t)) == key) return t;
  }
  return std::nullopt;
}

bool isIneType(IdType type) {
  return type == IdType::IneBea || type == IdType::IneNne || type == IdType::IneRnie || type == IdType::IneApprentice;
}

std::string normalizeIdentifier(std::string_view input) { return normalizeWithError(input).first; }

std::optional<IdType> labelledType(std::string_view input) {
  const IdType named = stripLabels(input).second;
  if (named == IdType::Unknown) return std::nullopt;
  return named;
}

char ineNneKey(std::string_view tenBase36) {
  if (tenBase36.size() != 10) return '?';
  long sum = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    const int v = base36(tenBase36[i]);
    if (v < 0) return '?';
    sum += v;
  }
  const int last = base36(tenBase36[9]);
  if (last < 0) return '?';
  return static_cast<char>('0' + (6 * sum + last) % 10);
}

IdCheck checkRpps(std::string_view input) {
  IdCheck check = checkLuhnNumber(start(input, IdType::Rpps), "RPPS", 11);
  if (check.valid && check.normalized.rfind("10", 0) != 0) say(check, fact("id.rpps_unusual_prefix"));
  return check;
}

IdCheck checkAdeli(std::string_view input) { return checkLuhnNumber(start(input, IdType::Adeli), "ADELI", 9); }

IdCheck checkIdNatPs(std::string_view input) {
  IdCheck check = start(input, IdType::IdNatPs);
  if (!check.facts.empty()) return check;
  const std::string n = check.normalized;
  if (!allDigits(n)) {
    say(check, fact("id.idnat_not_digits"));
    return check;
  }
  const char typeDigit = n[0];
  const std::string rest = n.substr(1);
  if (typeDigit == '8') {
    if (n.size() != 12) {
      say(check, fact("id.idnat_length")
                     .with("digit", "8")
                     .with("type", "RPPS")
                     .with("expected", "12")
                     .with("got", std::to_string(n.size())));
      return check;
    }
    return retype(checkRpps(rest), input, IdType::IdNatPs, n,
                  fact("id.idnat_of").with("digit", "8").with("type", "RPPS"));
  }
  if (typeDigit == '0') {
    if (n.size() != 10) {
      say(check, fact("id.idnat_length")
                     .with("digit", "0")
                     .with("type", "ADELI")
                     .with("expected", "10")
                     .with("got", std::to_string(n.size())));
      return check;
    }
    return retype(checkAdeli(rest), input, IdType::IdNatPs, n,
                  fact("id.idnat_of").with("digit", "0").with("type", "ADELI"));
  }
  if (std::string_view("13456").find(typeDigit) != std::string_view::npos) {
    say(check, fact("id.idnat_structure").with("digit", std::string(1, typeDigit)));
  } else {
    say(check, fact("id.idnat_unknown_digit").with("digit", std::string(1, typeDigit)));
  }
  return check;
}

IdCheck checkIne(std::string_view input) {
  IdCheck check = start(input, IdType::IneBea);
  if (!check.facts.empty()) return check;
  const std::string& n = check.normalized;
  static const std::regex apprentice("^[0-9]{4}A[0-9]{5}[A-Z]$");
  static const std::regex rnie("^[0-9]{9}[A-Z]{2}$");
  static const std::regex bea("^[0-9]{10}[A-Z]$");
  static const std::regex nne("^[0-9A-Z]{10}[0-9]$");
  if (n.size() != 11) {
    say(check, fact("id.ine_length").with("got", std::to_string(n.size())));
  } else if (std::regex_match(n, apprentice)) {
    check.type = IdType::IneApprentice;
    check.valid = check.manualCheck = true;
    say(check, fact("id.ine_apprentice_ok"));
  } else if (std::regex_match(n, bea)) {
    setKeyResult(check, "ine_bea", ineBeaKey(n.substr(0, 10)));
  } else if (std::regex_match(n, rnie)) {
    check.type = IdType::IneRnie;
    check.valid = check.manualCheck = true;
    say(check, fact("id.ine_rnie_ok"));
  } else if (std::regex_match(n, nne)) {
    check.type = IdType::IneNne;
    setKeyResult(check, "ine_nne", ineNneKey(n.substr(0, 10)));
  } else {
    say(check, fact("id.ine_not_a_form"));
  }
  return check;
}

IdCheck checkOrdre(std::string_view input) {
  IdCheck check = start(input, IdType::Ordre);
  if (!check.facts.empty()) return check;
  const std::string& n = check.normalized;
  if (n.size() == 11 && allDigits(n) && n.rfind("10", 0) == 0) {
    return retype(checkRpps(n), input, IdType::Rpps, n, fact("id.ordre_as_rpps"));
  }
  if (!allDigits(n)) {
    say(check, fact("id.ordre_not_digits"));
  } else if (n.size() < 3 || n.size() > 12) {
    say(check, fact("id.ordre_length").with("got", std::to_string(n.size())));
  } else {
    check.valid = check.manualCheck = true;
    say(check, fact("id.ordre_manual"));
  }
  return check;
}

IdCheck checkNir(std::string_view input) {
  IdCheck check = start(input, IdType::Nir);
  if (!check.facts.empty()) return check;
  const std::string& n = check.normalized;
  if (n.size() != 13 && n.size() != 15) {
    say(check, fact("id.nir_length").with("got", std::to_string(n.size())));
  } else if (!detail::nirShape(n)) {
    say(check, fact("id.nir_shape"));
  } else if (n.size() == 13) {
    say(check, fact("id.nir_no_key"));
  } else {
    const int key = nirKey(n.substr(0, 13));
    check.valid = std::stoi(n.substr(13)) == key;
    char expected[3];
    std::snprintf(expected, sizeof expected, "%02d", key);
    if (check.valid)
      say(check, fact("id.nir_key_ok"));
    else
      say(check, fact("id.nir_key_wrong").with("given", n.substr(13)).with("expected", expected));
  }
  return check;
}

IdCheck checkIdentifier(std::string_view input, IdType type) {
  if (type == IdType::Unknown) {
    const auto named = labelledType(input);
    type = named ? *named : detectType(normalizeIdentifier(input));
  }
  switch (type) {
    case IdType::Rpps: return checkRpps(input);
    case IdType::IdNatPs: return checkIdNatPs(input);
    case IdType::Adeli: return checkAdeli(input);
    case IdType::IneBea:
    case IdType::IneNne:
    case IdType::IneRnie:
    case IdType::IneApprentice: return checkIne(input);
    case IdType::Ordre: return checkOrdre(input);
    case IdType::Nir: return checkNir(input);
    case IdType::Unknown: break;
  }
  IdCheck check = start(input, IdType::Unknown);
  if (check.facts.empty()) say(check, fact("id.unrecognised"));
  return check;
}

}  // namespace medpics::creds
