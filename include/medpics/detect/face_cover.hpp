// Findings beside a masked face: unread text on its hair, skin or clothes; marks and weak faces on its shoulders.
#pragma once
#include "medpics/detect/finding.hpp"

#include <vector>

namespace medpics::detect {

// Removes the text findings that could not be read (category "other-text": garbage, empty or a fragment; a line read as
// a name, date, identifier... is kept) whose box lies for at least `minInside` inside the box of a face finding (the
// masked head). The head mask hides those pixels anyway; the extra box was one more region for the moderator to judge.
void dropUnreadTextUnderFaces(std::vector<Finding>& findings, double minInside = 0.8);

// On a photo of a person, beside a sure face (confidence >= kSureFace; its head and shoulders: a face width to each
// side, a face height above, one and a half below), these become "à vérifier" (kToCheckCategory, phi false), still
// outlined for the moderator:
//  - a tattoo finding of the skin-ink heuristic lying there for at least `minInside`: an ear, hair, a collar, a button
//    or a jacket's seams far more often than a tattoo (every false tattoo on the corpora's person photos);
//  - a face found by one detector under kWeakFace, less than half as wide as the sure face and lying there for at
//    least `minInside`: a button, a fold of the neck or an ear (every false face box on the corpora's person photos,
//    0.45-0.58); the other faces of a group photo are as large and found at 0.9.
// Faces under kSureFace do not count (one detector at 0.5 on a tattooed arm): the tattoo beside them stays masked.
inline constexpr float kSureFace = 0.8f;
inline constexpr float kWeakFace = 0.6f;
void reviewBesideSureFaces(std::vector<Finding>& findings, double minInside = 0.5);

}  // namespace medpics::detect
