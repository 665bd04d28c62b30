// State of the decision form under the open item (open or not, reason chosen, text typed), held by DeskView per
// opening of the item (views/desk_view.hpp); what it confirms goes to the Desk's actions as their parameters.
#pragma once
#include <string>

namespace medpics::desk {

// The decision form under the item: a reason (number keys) and a message, or a written note.
struct RejectForm {
  enum class Kind {
    Reject,           // reason + message to the author / applicant
    RequestInfo,      // registrations: what is missing + message to the applicant
    ApproveOverride,  // registrations: approving against the suggestion, the verifier writes why
  };
  bool open = false;
  int reason = 0;
  std::string message;  // ApproveOverride: the note
  Kind kind = Kind::Reject;
  bool focusText = false;  // the text field takes the keyboard when the form opens (ApproveOverride)
};

}  // namespace medpics::desk
