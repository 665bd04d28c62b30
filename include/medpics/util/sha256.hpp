// SHA-256 digests (hex) of byte buffers, used for image identity, ETags and caches.
#pragma once
#include <string>
#include <string_view>

namespace medpics {
std::string sha256Hex(std::string_view bytes);
}
