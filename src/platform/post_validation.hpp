// Validation of post decisions: reject (JSON body) and approve (multipart with one masked image per post image).
#pragma once
#include "decisions.hpp"

namespace medpics::platform {

// Throws ApiFailure 400 invalid_json / bad_request or 413; stores the masked images as blobs (content-addressed,
// harmless if the decision is then refused) and returns the decision to record.
PreparedDecision preparePostDecision(Context& ctx, const httplib::Request& req, const std::string& postId);

}  // namespace medpics::platform
