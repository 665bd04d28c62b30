// The CLI's English for the facts of the identifier checks (the CLI speaks English; the desk has its catalogue).
#include "fact_english.hpp"

#include <map>

namespace medpics::cli {

std::string englishFact(const creds::Fact& fact) {
  static const std::map<std::string, std::string, std::less<>> kTemplates = {
      {"id.unexpected_char", "unexpected character '{char}'"},
      {"id.empty", "empty value"},
      {"id.not_digits", "{type} must contain digits only (found '{char}')"},
      {"id.wrong_length", "{type} must have {expected} digits, got {got}"},
      {"id.luhn_wrong", "{type} key is wrong: last digit {given}, expected {expected} (Luhn)"},
      {"id.luhn_ok", "{type}: {digits} digits, Luhn key correct"},
      {"id.rpps_unusual_prefix", "unusual: RPPS numbers start with 10"},
      {"id.idnat_not_digits", "idNat_PS must contain digits only"},
      {"id.idnat_length", "idNat_PS of type {digit} ({type}) must have {expected} digits, got {got}"},
      {"id.idnat_of", "idNat_PS {digit} + {type}"},
      {"id.idnat_structure",
       "idNat_PS type digit {digit} designates a structure (ADELI/RPPS cabinet, FINESS, SIREN, SIRET), not a person"},
      {"id.idnat_unknown_digit", "unknown idNat_PS type digit {digit} (8 = RPPS, 0 = ADELI)"},
      {"id.ine_length", "INE must have 11 characters, got {got}"},
      {"id.ine_apprentice_ok", "INE (apprentice): format correct, no public key"},
      {"id.ine_bea_key_ok", "INE (BEA): key letter correct"},
      {"id.ine_bea_key_wrong", "INE (BEA) key letter is wrong: {given}, expected {expected}"},
      {"id.ine_nne_key_ok", "INE (university, NNE): key digit correct"},
      {"id.ine_nne_key_wrong", "INE (university, NNE) key digit is wrong: {given}, expected {expected}"},
      {"id.ine_rnie_ok", "INE-RNIE: format correct (9 digits + 2 letters), key not public"},
      {"id.ine_not_a_form",
       "not an INE form (BEA 10 digits + letter, NNE 10 characters + digit, RNIE 9 digits + 2 letters)"},
      {"id.key_read_as", "key read as '{read}', taken as {key} (OCR confusion)"},
      {"id.ordre_as_rpps", "Ordre number given as an RPPS"},
      {"id.ordre_not_digits", "Ordre number must contain digits only"},
      {"id.ordre_length", "Ordre number must have 3 to 12 digits, got {got}"},
      {"id.ordre_manual", "Ordre number: digits only, no public check digit; verify by hand in the Ordre's register"},
      {"id.nir_length", "NIR must have 13 characters + 2-digit key, got {got}"},
      {"id.nir_shape", "not a NIR shape (sex digit, year, month, département incl. 2A/2B, commune, order, key)"},
      {"id.nir_no_key", "NIR without its 2-digit key"},
      {"id.nir_key_ok", "NIR: key correct"},
      {"id.nir_key_wrong", "NIR key is wrong: {given}, expected {expected}"},
      {"id.unrecognised",
       "not a recognised identifier (RPPS 11 digits, ADELI 9, idNat_PS 10 or 12, INE 11 characters, NIR 15)"},
  };
  const auto it = kTemplates.find(fact.code);
  if (it == kTemplates.end()) return fact.code;
  return creds::formatFact(
      it->second,
      [&](std::string_view name) -> std::optional<std::string> {
        const auto* p = fact.param(name);
        return p ? std::optional(p->value) : std::nullopt;
      },
      [](std::string_view word) { return std::string(word); });
}

std::string englishFacts(const creds::Facts& facts) {
  std::string out;
  for (const auto& f : facts) out += (out.empty() ? "" : "; ") + englishFact(f);
  return out;
}

}  // namespace medpics::cli
