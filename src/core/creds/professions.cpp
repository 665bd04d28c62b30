// TRE_G15 health professions: codes, labels and recognition of a claimed profession.
#include "medpics/creds/registration.hpp"
#include "medpics/creds/text.hpp"

#include <array>

namespace medpics::creds {
namespace {

struct ProfessionName {
  std::string_view code, label;
  std::array<std::string_view, 3> stems;  // folded word starts that name it in free text
};

constexpr ProfessionName kProfessions[] = {
    {"10", "Médecin", {"medecin", "medecine", "docteur en medecine"}},
    {"21", "Pharmacien", {"pharmac", "", ""}},
    {"26", "Audioprothésiste", {"audioprothes", "", ""}},
    {"28", "Opticien-lunetier", {"opticien", "", ""}},
    {"40", "Chirurgien-dentiste", {"chirurgien dentiste", "dentiste", "odontolog"}},
    {"50", "Sage-femme", {"sage femme", "maieuti", "sages femmes"}},
    {"69", "Infirmier psychiatrique", {"infirmier psychiatrique", "infirmiere psychiatrique", ""}},
    {"60", "Infirmier", {"infirmier", "infirmiere", "soins infirmiers"}},
    {"70", "Masseur-kinésithérapeute", {"masseur", "kinesither", "kine"}},
    {"80", "Pédicure-podologue", {"pedicure", "podolog", ""}},
    {"91", "Orthophoniste", {"orthophon", "", ""}},
    {"92", "Orthoptiste", {"orthopt", "", ""}},
};

}  // namespace

std::string_view healthProfessionLabel(std::string_view code) {
  for (const auto& p : kProfessions) {
    if (p.code == code) return p.label;
  }
  return {};
}

std::string healthProfessionCode(std::string_view code, std::string_view label) {
  if (!healthProfessionLabel(code).empty()) return std::string(code);
  const std::string folded = " " + foldName(label);
  for (const auto& p : kProfessions) {
    for (const auto stem : p.stems) {
      if (!stem.empty() && folded.find(" " + std::string(stem)) != std::string::npos) return std::string(p.code);
    }
  }
  return {};
}

}  // namespace medpics::creds
