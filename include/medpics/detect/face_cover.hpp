// Findings beside a masked face: unread text on its hair, skin or clothes; skin-ink marks on its head and shoulders.
#pragma once
#include "medpics/detect/finding.hpp"

#include <vector>

namespace medpics::detect {

// Removes the text findings that could not be read (category "other-text": garbage, empty or a fragment; a line read as
// a name, date, identifier... is kept) whose box lies for at least `minInside` inside the box of a face finding (the
// masked head). The head mask hides those pixels anyway; the extra box was one more region for the moderator to judge.
void dropUnreadTextUnderFaces(std::vector<Finding>& findings, double minInside = 0.8);

// On a photo of a person: a tattoo finding of the skin-ink heuristic lying for at least `minInside` within the head and
// shoulders of a sure face (confidence >= kSureFace; a face width to each side, a face height above, one and a half
// below) becomes "à vérifier" (kToCheckCategory, phi false): there the heuristic finds an ear, hair, a collar, a button
// or a jacket's seams far more often than a tattoo (every false tattoo on the corpora's person photos), and the
// moderator still sees it outlined. Faces under kSureFace (one detector at 0.5: a fold of skin on a tattooed arm) do
// not count: the tattoo beside them stays masked.
inline constexpr float kSureFace = 0.8f;
void reviewTattoosBesideFaces(std::vector<Finding>& findings, double minInside = 0.5);

}  // namespace medpics::detect
