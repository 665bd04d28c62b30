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
std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

struct Label {
  std::string_view text;  // lower case UTF-8
  IdType type;
};
// Words that may precede an identifier; Unknown ones carry no type.
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
  if (!bad.empty()) check.message = "unexpected character " + quoted(bad);
  else if (check.normalized.empty()) check.message = "empty value";
  return check;
}

// Shared rule of RPPS and ADELI: `length` digits whose last one is the Luhn key of the others.
IdCheck checkLuhnNumber(IdCheck check, std::string_view what, std::size_t length) {
  if (!check.message.empty()) return check;
  const std::string& n = check.normalized;
  const std::string name(what);
  if (!allDigits(n)) {
    const auto it = std::find_if(n.begin(), n.end(), [](char c) { return !isDigit(c); });
    check.message = name + " must contain digits only (found " + quoted(std::string(1, *it)) + ")";
  } else if (n.size() != length) {
    check.message = name + " must have " + std::to_string(length) + " digits, got " + std::to_string(n.size());
  } else if (!luhnValid(n)) {
    check.message = name + " key is wrong: last digit " + std::string(1, n.back()) + ", expected " +
                    std::string(1, luhnKey(std::string_view(n).substr(0, length - 1))) + " (Luhn)";
  } else {
    check.valid = true;
    check.message = name + ": " + std::to_string(length) + " digits, Luhn key correct";
  }
  return check;
}

IdCheck retype(IdCheck inner, std::string_view input, IdType type, std::string normalized, std::string_view prefix) {
  inner.input = std::string(input);
  inner.type = type;
  inner.normalized = std::move(normalized);
  inner.message = std::string(prefix) + inner.message;
  return inner;
}

// Compares the last character of an INE with its expected key and says so.
void setKeyResult(IdCheck& check, const std::string& form, const std::string& what, char expected) {
  const char given = check.normalized.back();
  check.valid = given == expected;
  check.message = check.valid ? form + ": " + what + " correct"
                              : form + " " + what + " is wrong: " + given + ", expected " + expected;
}

IdType detectType(const std::string& n) {
  if (allDigits(n)) {
    switch (n.size()) {
      case 9: return IdType::Adeli;
      case 10: return n[0] == '0' ? IdType::IdNatPs : IdType::Unknown;
      case 11: return IdType::Rpps;
      case 12: return n[0] == '8' ? IdType::IdNatPs : IdType::Unknown;
      case 13: case 15: return IdType::Nir;
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
  if (check.valid && check.normalized.rfind("10", 0) != 0) check.message += " (unusual: RPPS numbers start with 10)";
  return check;
}

IdCheck checkAdeli(std::string_view input) { return checkLuhnNumber(start(input, IdType::Adeli), "ADELI", 9); }

IdCheck checkIdNatPs(std::string_view input) {
  IdCheck check = start(input, IdType::IdNatPs);
  if (!check.message.empty()) return check;
  const std::string n = check.normalized;
  if (!allDigits(n)) {
    check.message = "idNat_PS must contain digits only";
    return check;
  }
  const char typeDigit = n[0];
  const std::string rest = n.substr(1);
  if (typeDigit == '8') {
    if (n.size() != 12) {
      check.message = "idNat_PS of type 8 (RPPS) must have 12 digits, got " + std::to_string(n.size());
      return check;
    }
    return retype(checkRpps(rest), input, IdType::IdNatPs, n, "idNat_PS 8 + ");
  }
  if (typeDigit == '0') {
    if (n.size() != 10) {
      check.message = "idNat_PS of type 0 (ADELI) must have 10 digits, got " + std::to_string(n.size());
      return check;
    }
    return retype(checkAdeli(rest), input, IdType::IdNatPs, n, "idNat_PS 0 + ");
  }
  if (std::string_view("13456").find(typeDigit) != std::string_view::npos) {
    check.message = std::string("idNat_PS type digit ") + typeDigit +
                    " designates a structure (ADELI/RPPS cabinet, FINESS, SIREN, SIRET), not a person";
  } else {
    check.message = std::string("unknown idNat_PS type digit ") + typeDigit + " (8 = RPPS, 0 = ADELI)";
  }
  return check;
}

IdCheck checkIne(std::string_view input) {
  IdCheck check = start(input, IdType::IneBea);
  if (!check.message.empty()) return check;
  const std::string& n = check.normalized;
  static const std::regex apprentice("^[0-9]{4}A[0-9]{5}[A-Z]$");
  static const std::regex rnie("^[0-9]{9}[A-Z]{2}$");
  static const std::regex bea("^[0-9]{10}[A-Z]$");
  static const std::regex nne("^[0-9A-Z]{10}[0-9]$");
  if (n.size() != 11) {
    check.message = "INE must have 11 characters, got " + std::to_string(n.size());
  } else if (std::regex_match(n, apprentice)) {
    check.type = IdType::IneApprentice;
    check.valid = check.manualCheck = true;
    check.message = "INE (apprentice): format correct, no public key";
  } else if (std::regex_match(n, bea)) {
    setKeyResult(check, "INE (BEA)", "key letter", ineBeaKey(n.substr(0, 10)));
  } else if (std::regex_match(n, rnie)) {
    check.type = IdType::IneRnie;
    check.valid = check.manualCheck = true;
    check.message = "INE-RNIE: format correct (9 digits + 2 letters), key not public";
  } else if (std::regex_match(n, nne)) {
    check.type = IdType::IneNne;
    setKeyResult(check, "INE (university, NNE)", "key digit", ineNneKey(n.substr(0, 10)));
  } else {
    check.message = "not an INE form (BEA 10 digits + letter, NNE 10 characters + digit, RNIE 9 digits + 2 letters)";
  }
  return check;
}

IdCheck checkOrdre(std::string_view input) {
  IdCheck check = start(input, IdType::Ordre);
  if (!check.message.empty()) return check;
  const std::string& n = check.normalized;
  if (n.size() == 11 && allDigits(n) && n.rfind("10", 0) == 0) {
    return retype(checkRpps(n), input, IdType::Rpps, n, "Ordre number given as an RPPS: ");
  }
  if (!allDigits(n)) {
    check.message = "Ordre number must contain digits only";
  } else if (n.size() < 3 || n.size() > 12) {
    check.message = "Ordre number must have 3 to 12 digits, got " + std::to_string(n.size());
  } else {
    check.valid = check.manualCheck = true;
    check.message = "Ordre number: digits only, no public check digit; verify by hand in the Ordre's register";
  }
  return check;
}

IdCheck checkNir(std::string_view input) {
  IdCheck check = start(input, IdType::Nir);
  if (!check.message.empty()) return check;
  const std::string& n = check.normalized;
  if (n.size() != 13 && n.size() != 15) {
    check.message = "NIR must have 13 characters + 2-digit key, got " + std::to_string(n.size());
  } else if (!detail::nirShape(n)) {
    check.message = "not a NIR shape (sex digit, year, month, département incl. 2A/2B, commune, order, key)";
  } else if (n.size() == 13) {
    check.message = "NIR without its 2-digit key";
  } else {
    const int key = nirKey(n.substr(0, 13));
    check.valid = std::stoi(n.substr(13)) == key;
    char expected[3];
    std::snprintf(expected, sizeof expected, "%02d", key);
    check.message = check.valid ? "NIR: key correct" : "NIR key is wrong: " + n.substr(13) + ", expected " + expected;
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
    case IdType::IneBea: case IdType::IneNne: case IdType::IneRnie: case IdType::IneApprentice: return checkIne(input);
    case IdType::Ordre: return checkOrdre(input);
    case IdType::Nir: return checkNir(input);
    case IdType::Unknown: break;
  }
  IdCheck check = start(input, IdType::Unknown);
  if (check.message.empty()) {
    check.message = "not a recognised identifier (RPPS 11 digits, ADELI 9, idNat_PS 10 or 12, INE 11 characters, NIR 15)";
  }
  return check;
}

}  // namespace medpics::creds
