// Validators for identifiers found in text (RPPS, ADELI, NIR, calendar dates); keys from medpics/util/check_digits.hpp.
#pragma once
#include <string>
#include <string_view>

namespace medpics::detect {

// Keeps only the ASCII digits of a string.
std::string digitsOnly(std::string_view text);
// RPPS: 11 digits whose Luhn key is valid.
bool rppsValid(std::string_view text);
// ADELI: 9 digits whose Luhn key is valid.
bool adeliValid(std::string_view text);
// NIR: 13 characters (digits, or 2A/2B for Corsica at positions 6-7) + 2-digit key = 97 - (number mod 97).
// Spaces are ignored. Also checks the sex digit (1, 2, 3, 4, 7, 8) and the month (01-12, 20-42, 50-99 allowed).
bool nirValid(std::string_view text);
// Single OCR digit error repair with the key: among the substitutions of one digit by a digit OCR confuses it with
// (0/8/6/9, 1/7/4, 3/8, 5/6 ...), the only one that makes the identifier valid; "" when none or several do.
// NIR: 15 characters (spaces ignored); RPPS: 11 digits beginning "10"; ADELI: 9 digits.
std::string repairNir(std::string_view text);
std::string repairRpps(std::string_view text);
std::string repairAdeli(std::string_view text);

// Day/month/year plausibility (year 1870..2099, with leap years).
bool dateValid(int day, int month, int year);

}  // namespace medpics::detect
