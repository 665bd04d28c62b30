// The "one of" check of enumerated fields.
#include "medpics/util/one_of.hpp"

namespace medpics::util {

std::optional<std::string> notOneOf(const std::string& field, const std::string& value,
                                    std::initializer_list<const char*> allowed) {
  std::string list;
  for (const char* a : allowed) {
    if (value == a) return std::nullopt;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  return "field '" + field + "' must be one of: " + list;
}

}  // namespace medpics::util
