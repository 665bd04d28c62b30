// Levenshtein distance between two byte strings: the one implementation (name matching, residual-check memory).
#pragma once
#include <cstddef>
#include <string_view>

namespace medpics::util {

std::size_t editDistance(std::string_view a, std::string_view b);

}  // namespace medpics::util
