// Enumerated string fields: the one check and message ("field 'x' must be one of: a, b") for codecs and the server.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>

namespace medpics::util {

// nullopt when `value` is one of `allowed`, else the message naming `field` and the allowed values.
std::optional<std::string> notOneOf(const std::string& field, const std::string& value,
                                    std::initializer_list<const char*> allowed);

}  // namespace medpics::util
