// A moderator's decision as one typed value: built by the desk and decide-batch, journalled, sent, parsed by the
// server.
#pragma once
#include "medpics/mask/caption.hpp"
#include "medpics/mask/region.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace medpics::work {

enum class SubjectKind { Post, Registration };
enum class DecisionAction { Approve, Reject, RequestInfo };

const char* subjectName(SubjectKind kind);      // "post" | "registration" (journal, answers)
const char* subjectRoute(SubjectKind kind);     // "posts" | "registrations" (URL paths)
const char* actionName(DecisionAction action);  // "approve" | "reject" | "request_info"
std::optional<SubjectKind> subjectFromName(const std::string& name);
std::optional<DecisionAction> actionFromName(const std::string& name);

// One image of a post decision: its regions (geometry, style, origin, accepted or dismissed, kind and category of
// automatic findings) and the seed of its mosaic noise, so that the burn-in can be reproduced from the original.
// Region::text (what OCR read) is never encoded: the server does not need it.
struct DraftImage {
  std::string imageId;
  std::uint32_t maskSeed = 0;
  std::vector<mask::Region> regions;
};

// The residual check's record: counts, the override reason, where PHI was found again (never its text).
struct ResidualRecord {
  struct Finding {
    std::string imageId, kind, category;
    std::optional<cv::Rect> box;
    double confidence = 0, covered = 0;
  };
  bool ran = false;
  int phiFindingsOutside = 0;
  int maskedFindings = 0;
  int dismissedFindings = 0;   // found again where the moderator had dismissed the same finding
  std::string overrideReason;  // written by the moderator when approving despite findings
  std::string error;
  std::vector<Finding> findings;
};

// A fact of a checklist line as it may leave memory: its code and its public parameters only (never a name, an
// identifier or a text read from a document: creds::FactParam::personal ones are dropped before).
struct ChecklistFact {
  std::string code;
  std::vector<std::pair<std::string, std::string>> params;
};

// One line of a registration checklist: check id, status and facts as codes; journalled and sent alike.
struct ChecklistLine {
  std::string check, status;
  std::vector<ChecklistFact> facts;
  std::optional<double> score;  // e.g. the name match, 0..1
  bool manualCheck = false;     // the verifier must look at the document
};

// The lease id of a decision taken offline on a prefetched item whose lease could not be claimed: the sender claims
// the item first, then sends the decision with that lease (outbox_sender.cpp).
inline constexpr const char* kLeaseToClaim = "to-claim";

struct DecisionDraft {
  SubjectKind subject = SubjectKind::Post;
  std::string subjectId;
  DecisionAction action = DecisionAction::Reject;
  std::string leaseId;
  std::string reasonCode, message;  // message: to the poster / applicant, written for them (French)
  std::string note;                 // internal note, optional
  // Posts.
  std::vector<DraftImage> images;
  std::optional<ResidualRecord> residual;    // approvals
  std::vector<mask::ByteSpan> captionSpans;  // caption byte ranges the moderator masked
  std::optional<std::string> caption;        // the published (masked) caption: patient text, memory only
  // Registrations.
  std::vector<ChecklistLine> checklist;

  bool isPost() const { return subject == SubjectKind::Post; }
};

}  // namespace medpics::work
