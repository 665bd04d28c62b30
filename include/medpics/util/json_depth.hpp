// Nesting depth of a JSON text, measured before parsing: deeply nested input is refused up front, since copying
// or serialising a parsed nlohmann::json recurses once per level (a 100000-deep answer would overflow the stack).
#pragma once
#include <cstddef>
#include <string_view>

namespace medpics::util {

// Deepest [ / { nesting of `text` (brackets inside strings ignored); counting stops past `stopAt`.
std::size_t jsonNestingDepth(std::string_view text, std::size_t stopAt = 1024);

// Maximum nesting accepted from the platform, in requests and in answers (real payloads use 5 levels or fewer).
constexpr std::size_t kMaxJsonDepth = 64;

}  // namespace medpics::util
