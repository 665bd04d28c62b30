// The facts of the core's checks in the current language, from the catalogue's "fact.<code>" templates.
#pragma once
#include "medpics/creds/fact.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace medpics::desk {

std::string factText(const creds::Fact& fact);
std::string factsText(const creds::Facts& facts);  // joined with " · "
// The public form a decision carries ([{"code", "params": {...}}], no personal parameter: shown as "…").
std::string factsText(const nlohmann::json& facts);

}  // namespace medpics::desk
