// The one JSON codec of DecisionDraft: the request body of docs/platform-api.md, and the journal's form of it.
#pragma once
#include "medpics/work/decision_draft.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace medpics::work {

// What a JSON form may carry. Wire: the request the server needs (the masked caption). Both forms carry the
// checklist's facts as codes with their public parameters (no name, identifier or text read from a document).
// Journal: what the desk keeps on disk — ids, geometry, codes, reasons, mask seeds, caption span offsets — never a
// text read from an image, a caption, a name or an identifier. Neither form carries Region::text or the text of a
// residual finding.
enum class Disclosure { Wire, Journal };

// A malformed decision body; what() names the field ("field 'regions[2].style' must be one of: solid, mosaic, blur").
struct DecisionFormatError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

nlohmann::json toJson(const DecisionDraft& draft, Disclosure disclosure);

// Parses and validates a body (either form) for `subject`. Subject id comes from the URL or the journal row.
// Checks every field of docs/platform-api.md (types, enumerations, geometry) and, when `imageIds` is given, that
// every region names one of those images; throws DecisionFormatError.
DecisionDraft draftFromJson(const nlohmann::json& body, SubjectKind subject, const std::string& subjectId = {},
                            const std::vector<std::string>* imageIds = nullptr);

}  // namespace medpics::work
