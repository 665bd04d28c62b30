// Decision form shared by posts and registrations: reject, request more information, or approve against the
// suggestion (a written note); reasons chosen with the number keys, confirmed with Enter.
#pragma once
#include "views/reject_form_state.hpp"

#include <functional>
#include <string>
#include <vector>

namespace medpics::desk {

// What the form says: catalogue keys and the reasons offered (none: only the text, which is then required).
struct FormSpec {
  const char* titleKey;
  const char* reasonKeyPrefix;  // catalogue prefix of the reason labels ("reason.", "regreason.", "inforeason.")
  const char* messageKey;       // label of the text field
  const char* confirmKey;       // the confirm button
  const std::vector<std::string>* codes = nullptr;
  std::string (*messageFor)(const std::string& code) = nullptr;  // default message of a reason
};

// The spec of each kind of form (posts: reject only).
FormSpec postFormSpec();
FormSpec registrationFormSpec(RejectForm::Kind kind);

// Calls confirm(reasonCode, text) when the moderator confirms (reasonCode empty when the spec has no reasons).
void drawRejectForm(RejectForm& form, const FormSpec& spec,
                    const std::function<void(const std::string&, const std::string&)>& confirm);
}  // namespace medpics::desk
