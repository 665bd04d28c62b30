// Facts read from the OCR text of a proof document: identifiers, names, university, academic year, dates.
#pragma once
#include "medpics/creds/identifiers.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medpics::creds {

// Document kinds of the platform API: "rpps_card", "ordre_certificate", "student_card", "other".
enum class DocumentKind { RppsCard, OrdreCertificate, StudentCard, Other };
std::string_view documentKindName(DocumentKind kind);
DocumentKind documentKindFromName(std::string_view name);  // unknown names → Other

struct FoundDate {
  std::chrono::year_month_day date;
  std::string text;  // as written ("31/08/2026", "1er septembre 2026")
};

struct ProofFacts {
  std::vector<FoundIdentifier> identifiers;  // RPPS, idNat_PS, ADELI, INE (see findCredentialIdentifiers)
  std::vector<FoundDate> dates;              // every date of the text, in order
  std::optional<FoundDate> expiry;           // a date after "expire", "valable jusqu'au", "fin de validité", ...
  std::string academicYear;                  // "2025-2026"
  std::string university;                    // the line naming a université / faculté / UFR
  std::string lastName, firstName;           // values after "Nom :" / "Prénom :" labels, when present
  std::size_t letters = 0;                   // alphanumeric characters read (0: unreadable)
};

ProofFacts extractProofFacts(std::string_view ocrText);

// Dates in French and numeric forms: 31/08/2026, 31.08.26, 2026-08-31, 31 août 2026, 1er mars 2026.
std::vector<FoundDate> findDates(std::string_view text);

}  // namespace medpics::creds
