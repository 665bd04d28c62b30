// Validators of French health identifiers (RPPS, idNat_PS, ADELI, INE, Ordre) and of the NIR (PHI detection only).
#pragma once
#include "medpics/creds/fact.hpp"
#include "medpics/util/check_digits.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medpics::creds {

enum class IdType {
  Unknown,
  Rpps,           // 11 digits, Luhn
  IdNatPs,        // 8 + RPPS or 0 + ADELI
  Adeli,          // 9 digits, Luhn
  IneBea,         // 10 digits + letter key (23-letter alphabet)
  IneNne,         // 10 base-36 characters + digit key
  IneRnie,        // 9 digits + 2 letters (format only)
  IneApprentice,  // 4 digits, 'A', 5 digits, letter (format only)
  Ordre,          // digits only, verified by hand
  Nir,            // social-security number: PHI, never a credential
};

// Stable lower-case names used in JSON and by the desk: "rpps", "idnat_ps", "adeli", "ine_bea",
// "ine_nne", "ine_rnie", "ine_apprentice", "ordre", "nir", "unknown".
std::string_view idTypeName(IdType type);
std::optional<IdType> idTypeFromName(std::string_view name);
bool isIneType(IdType type);

struct IdCheck {
  std::string input;  // as given
  IdType type = IdType::Unknown;
  bool valid = false;        // format (and key, when the type has one) correct
  bool manualCheck = false;  // valid format but no check digit: staff verify by hand (Ordre, INE-RNIE, apprentice)
  std::string normalized;    // separators and labels removed, upper case; empty when nothing usable
  Facts facts;               // what is wrong or what was verified, as codes ("id.luhn_wrong" given 8, expected 7)
};

// Removes a leading label ("RPPS :", "N° ADELI", "numéro INE", "idNat_PS=", ...), then spaces, dots,
// dashes, slashes and underscores, and upper-cases. "RPPS : 100 010 453 67" → "10001045367".
std::string normalizeIdentifier(std::string_view input);
// The type a leading label names ("RPPS", "ADELI", "INE", "NIR", "Ordre", "idNat"), if any.
std::optional<IdType> labelledType(std::string_view input);

// Validates `input` as `type`; when `type` is Unknown the type is detected from the label and shape.
IdCheck checkIdentifier(std::string_view input, IdType type = IdType::Unknown);
IdCheck checkRpps(std::string_view input);
IdCheck checkIdNatPs(std::string_view input);
IdCheck checkAdeli(std::string_view input);
IdCheck checkIne(std::string_view input);    // any INE form
IdCheck checkOrdre(std::string_view input);  // an RPPS is accepted as such; otherwise digits only, manual check
IdCheck checkNir(std::string_view input);

// Luhn check over a string of digits (false for empty or non-digit input), the Luhn check digit to append,
// the INE BEA key letter for 10 digits and the NIR key (97 - number mod 97, 2A/2B allowed; -1 when malformed):
// one implementation in medpics/util/check_digits.hpp, shared with detect and synth.
using util::ineBeaKey;
using util::luhnKey;
using util::luhnValid;
using util::nirKey;
// INE (NNE) key digit for 10 base-36 characters.
char ineNneKey(std::string_view tenBase36);

// An identifier found in free text (OCR, captions): byte span in the text, normalized value and check.
struct FoundIdentifier {
  std::size_t offset = 0, length = 0;
  IdCheck check;
};
// Finds RPPS, idNat_PS, ADELI and INE candidates in text (digits may be grouped by spaces or dots),
// and Ordre numbers after an "ordre"/"ordinal" label. Only candidates whose key or format is valid
// are returned, unless a label names them.
std::vector<FoundIdentifier> findCredentialIdentifiers(std::string_view text);
// Finds NIR candidates in text (grouped "1 84 12 75 123 456 78" or compact, 2A/2B, optional key);
// for the PHI detector. `valid` tells whether the key matched (a NIR without key is still PHI).
std::vector<FoundIdentifier> findNirs(std::string_view text);

}  // namespace medpics::creds
