// Fictitious French patients and identifiers (names, dates, IPP, NIR, hospitals) for synthetic images.
#pragma once
#include "medpics/demo/types.hpp"

#include <string>

namespace medpics::synth {

struct PatientIdentity {
  std::string firstName, lastName;  // "Sophie", "MARTIN" (last name upper case as on hospital labels)
  char sex = 'F';                   // 'F' or 'M'
  std::string birthDate;            // "04/07/1962"
  std::string examDate;             // "12/03/2024"
  std::string ipp;                  // 10 digits
  std::string nir;                  // 15 characters, valid key
  std::string hospital;             // "CHU de Bordeaux"
  std::string ward;                 // "Service de radiologie"
  std::string phone;                // "05 56 79 56 79"
  std::string city;                 // "33000 Bordeaux"
  std::string display;              // how labels print the name when set ("LE GALL^YANN", "Ben Ahmed, Cédric")
  std::string fullName() const { return display.empty() ? lastName + " " + firstName : display; }
};

PatientIdentity randomPatient(Rng& rng);
// A patient of the hard corpus: half of them with compound, hyphenated, particle or accented names, printed
// in one of the forms labels use ("NOM Prénom", DICOM "NOM^PRÉNOM", "Nom, Prénom", "Prénom NOM").
PatientIdentity randomHardPatient(Rng& rng);
// Upper / title case of UTF-8 French names (Latin-1 letters included: "Laëtitia" -> "LAËTITIA").
std::string upperName(const std::string& s);
std::string titleName(const std::string& s);

// A random French first or last name (ASCII or accented), deterministic for the generator.
std::string randomFirstName(Rng& rng, char sex);
std::string randomLastName(Rng& rng);

// A Luhn-valid 11-digit RPPS number starting with "10" (keys: medpics/util/check_digits.hpp).
std::string randomRpps(Rng& rng);

}  // namespace medpics::synth
