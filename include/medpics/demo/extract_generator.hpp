// Generator of synthetic PS_LibreAcces_Personne_activite extracts (tests, demo, benchmarks).
#pragma once
#include "medpics/creds/directory.hpp"
#include "medpics/creds/extract_format.hpp"

#include <cstdint>
#include <ostream>
#include <vector>

namespace medpics::creds {

struct ExtractOptions {
  std::uint64_t rows = 1000;  // activity rows written (the must-include persons' rows count in)
  std::uint64_t seed = 1;     // same seed, same options → same bytes
  ExtractVersion version = ExtractVersion::V2021;
  ExtractEncoding encoding = ExtractEncoding::Utf8;
  std::uint64_t malformedEvery = 0;  // when > 0, a malformed line is added after every N rows
  double studentShare = 0.05;        // share of persons in category E (étudiant)
};

struct ExtractStats {
  std::uint64_t rows = 0, persons = 0, malformed = 0;
};

// Writes the header and rows: valid Luhn RPPS numbers starting with 10 (never one of the
// must-include numbers), French names, TRE_G15 professions, specialties (savoir-faire),
// categories C/M/E, one row per person × activity. Every person of `mustInclude` is written first
// (a person without activities gets one médecin activity); invalid keys there are written as given.
ExtractStats generateExtract(const ExtractOptions& options, const std::vector<DirectoryPerson>& mustInclude,
                             std::ostream& out);

// A random valid RPPS number ("10" + 8 digits + Luhn key) from a 64-bit value.
std::string syntheticRpps(std::uint64_t value);

}  // namespace medpics::creds
