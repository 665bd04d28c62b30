// The 20 demo registration applicants (claims, proof contents, expected outcome) and their proof documents.
#pragma once
#include "medpics/demo/types.hpp"

#include <string>
#include <vector>

namespace medpics::synth {

struct DemoApplicant {
  std::string key;  // stable key "a01".."a20"
  // What the applicant typed in the registration form.
  std::string firstName, lastName, birthName, email, birthDate;
  std::string profession, professionCode;  // "Médecin", "10" (TRE_G15)
  std::string category;                    // "professional" | "student"
  std::string rpps, adeli, ordreNumber, ine, university, academicYear;
  // What the proof document shows.
  std::string documentKind;                         // "rpps_card" | "ordre_certificate" | "student_card"
  std::string documentFirstName, documentLastName;  // differ from the form on a name mismatch
  std::string documentIdentifier;                   // RPPS, Ordre number or INE printed on the proof
  std::string documentExpiry;                       // "31/08/2027" (cards), empty when none
  bool blurred = false;                             // proof photographed out of focus (unreadable)
  // Directory extract: whether the RPPS is present (with the document's name), and its category.
  bool inDirectory = false;
  std::string directoryCategory;  // "C" civil, "E" student
  std::string specialty;          // savoir-faire label, e.g. "Médecine générale" (may be empty)
  std::string specialtyCode;      // e.g. "SM54"
  // The scenario and the decision a careful verifier takes.
  std::string scenario;  // valid | wrong_check_digit | name_mismatch | not_in_directory | expired_card | unreadable |
                         // ordre_only
  std::string expectedAction;  // approve | reject | request_info
  std::string expectedReason;  // reason_code of the contract, empty for approve
};

// Deterministic list of 20 applicants. academicYearStart: first year of the current academic year
// ("2026" for 2026-2027); 0 derives it from today's date (September starts a new year).
std::vector<DemoApplicant> demoApplicants(int academicYearStart = 0);

// The proof document image of an applicant, with ground truth (names, identifiers, dates).
SynthImage proofDocument(const DemoApplicant& applicant, uint64_t seed);

// A valid INE of the BEA form (10 digits + key letter) derived from the seed.
std::string beaIne(uint64_t seed);

}  // namespace medpics::synth
