// Findings a face's masked head box already hides: uncertain text read on hair, skin or clothes.
#pragma once
#include "medpics/detect/finding.hpp"

#include <vector>

namespace medpics::detect {

// Removes the text findings that could not be read (category "other-text": garbage, empty or a fragment; a line read as
// a name, date, identifier... is kept) whose box lies for at least `minInside` inside the box of a face finding (the
// masked head). The head mask hides those pixels anyway; the extra box was one more region for the moderator to judge.
void dropUnreadTextUnderFaces(std::vector<Finding>& findings, double minInside = 0.8);

}  // namespace medpics::detect
