// Check-digit algorithms of French identifiers (Luhn, INE BEA letter, NIR key), shared by creds, detect and synth.
#pragma once
#include <string_view>

namespace medpics::util {

// Luhn check over a string of digits (false for empty or non-digit input).
bool luhnValid(std::string_view digits);
// The Luhn check digit to append to `digits` ('?' when none makes it valid, i.e. non-digit input).
char luhnKey(std::string_view digits);
// INE (BEA) key letter for 10 digits: the 23-letter alphabet (A-Z without I, O, Q) at number mod 23; '?' when
// malformed.
char ineBeaKey(std::string_view tenDigits);
// NIR key for 13 characters (2A/2B allowed at positions 6-7): 97 - (number mod 97); -1 when malformed.
int nirKey(std::string_view thirteen);

}  // namespace medpics::util
