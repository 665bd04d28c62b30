// Post decision bodies: strict field checks, masked images decoded to prove they are images of the right size.
#include "post_validation.hpp"

#include "medpics/image/decode.hpp"
#include "medpics/work/decision_codec.hpp"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>

namespace medpics::platform {
using nlohmann::json;

namespace {

struct StoredImage {
  std::string imageId, sha, contentType;
  size_t bytes = 0;
};

}  // namespace

PreparedDecision preparePostDecision(Context& ctx, const httplib::Request& req, const std::string& postId) {
  struct ImageInfo {
    std::string id;
    int width, height;
  };
  std::vector<ImageInfo> images;
  {
    Db& db = ctx.store.db();
    std::lock_guard lock(db.mutex());
    Stmt q(db, "SELECT id, width, height FROM images WHERE post_id = ? ORDER BY position");
    q.bindAll(postId);
    while (q.step()) images.push_back({q.text(0), int(q.integer(1)), int(q.integer(2))});
  }
  std::vector<std::string> imageIds;
  for (const auto& im : images) imageIds.push_back(im.id);

  const bool multipart = req.is_multipart_form_data();
  size_t total = req.body.size();  // multipart parts are not in req.body: count them
  for (const auto& [name, part] : req.files) total += part.content.size() + part.name.size() + part.filename.size();
  if (total > kMaxDecisionBody)
    throw ApiFailure(413, "payload_too_large", "decision body over " + std::to_string(kMaxDecisionBody) + " bytes");
  json body;
  if (multipart) {
    if (!req.has_file("decision")) badRequest("multipart part 'decision' is required");
    body = parseJsonObject(req.get_file_value("decision").content);
  } else {
    body = parseJsonObject(req.body);
  }

  // The body is read by the one decision codec (work/decision_codec.hpp); the stored evidence is its canonical form.
  work::DecisionDraft draft;
  try {
    draft = work::draftFromJson(body, work::SubjectKind::Post, postId, &imageIds);
  } catch (const work::DecisionFormatError& e) {
    badRequest(e.what());
  }
  const json wire = work::toJson(draft, work::Disclosure::Wire);
  PreparedDecision d;
  d.action = work::actionName(draft.action);
  d.evidence = {{"lease_id", draft.leaseId}, {"regions", wire["regions"]}};
  if (!draft.note.empty()) d.evidence["note"] = draft.note;

  if (draft.action == work::DecisionAction::Reject) {
    if (multipart) badRequest("a reject decision is a JSON body, not multipart");
    if (draft.reasonCode.empty()) badRequest("field 'reason_code' is required");
    requireOneOf("reason_code", draft.reasonCode,
                 {"patient_identifiable", "not_medical", "poor_quality", "duplicate", "other"});
    if (draft.reasonCode == "other" && draft.message.empty())
      badRequest("field 'message' is required for reason 'other'");
    d.newStatus = "rejected";
    d.reasonCode = draft.reasonCode;
    d.message = draft.message.empty() ? json(nullptr) : json(draft.message);
    d.extraAnswer = {{"published_images", json::array()}};
    return d;
  }

  if (!multipart) badRequest("an approve decision must be multipart/form-data with the masked images");
  for (const char* field : {"residual_check", "caption", "caption_spans_masked"})
    if (wire.contains(field)) d.evidence[field] = wire[field];
  for (const auto& [name, part] : req.files)
    if (name != "decision" &&
        (name.rfind("image:", 0) != 0 || std::find(imageIds.begin(), imageIds.end(), name.substr(6)) == imageIds.end()))
      badRequest("multipart part '" + name + "' is not an image of this post");

  std::vector<StoredImage> stored;
  for (const auto& im : images) {
    const std::string partName = "image:" + im.id;
    if (!req.has_file(partName)) badRequest("multipart part '" + partName + "' (masked image) is required");
    const auto part = req.get_file_value(partName);
    const bool jpeg = part.content.size() > 3 && part.content.compare(0, 3, "\xFF\xD8\xFF") == 0;
    const bool png = part.content.size() > 8 && part.content.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0;
    if (!jpeg && !png) badRequest("part '" + partName + "' must be a JPEG or PNG image");
    // The header's size is checked before decoding: a small part announcing 60000x60000 is never decoded.
    image::HeaderInfo header;
    if (!image::readHeader(part.content, header) || header.format.ends_with("-truncated"))
      badRequest("part '" + partName + "' has a corrupt or truncated image header");
    if (header.width != im.width || header.height != im.height)
      badRequest("part '" + partName + "' must keep the original size " + std::to_string(im.width) + "x" +
                 std::to_string(im.height) + " (its header says " + std::to_string(header.width) + "x" +
                 std::to_string(header.height) + ")");
    const cv::Mat decoded =
        cv::imdecode(std::vector<uchar>(part.content.begin(), part.content.end()), cv::IMREAD_UNCHANGED);
    if (decoded.empty()) badRequest("part '" + partName + "' cannot be decoded");
    if (decoded.cols != im.width || decoded.rows != im.height)
      badRequest("part '" + partName + "' must keep the original size " + std::to_string(im.width) + "x" +
                 std::to_string(im.height));
    stored.push_back({im.id, ctx.store.putBlob(part.content), jpeg ? "image/jpeg" : "image/png", part.content.size()});
  }
  d.newStatus = "approved";
  json published = json::array();
  for (const auto& s : stored)
    published.push_back({{"image_id", s.imageId}, {"url", "/api/v1/published/" + s.imageId}, {"sha256", s.sha}});
  d.extraAnswer = {{"published_images", published}};
  d.apply = [stored](Db& db) {
    for (const auto& s : stored) {
      Stmt q(db, "INSERT OR REPLACE INTO published(image_id, bytes, content_type, sha256) VALUES(?,?,?,?)");
      q.bindAll(s.imageId, static_cast<int64_t>(s.bytes), s.contentType, s.sha).run();
    }
  };
  return d;
}

}  // namespace medpics::platform
