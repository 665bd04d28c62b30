// Lists of French given names and surnames used by the synthetic extract generator (private).
#pragma once
#include <string_view>
#include <vector>

namespace medpics::creds::names {
const std::vector<std::string_view>& surnames();  // UTF-8, as printed ("Le Goff", "Lefèvre")
const std::vector<std::string_view>& femaleGivenNames();
const std::vector<std::string_view>& maleGivenNames();
}  // namespace medpics::creds::names
