// Reject dialog shared by posts and registrations: reason (number keys), French message, confirm.
#pragma once
#include "desk.hpp"

#include <functional>
#include <string>
#include <vector>

namespace medpics::desk {
// reasonKeyPrefix: catalogue prefix of the reason labels ("reason." or "regreason.").
// Calls confirm(reasonCode, message) when the moderator confirms.
void drawRejectForm(RejectForm& form, const std::vector<std::string>& codes, const char* reasonKeyPrefix,
                    const std::function<void(const std::string&, const std::string&)>& confirm);
}  // namespace medpics::desk
