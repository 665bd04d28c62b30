// Post decision bodies: strict field checks, masked images decoded to prove they are images of the right size.
#include "post_validation.hpp"

#include "medpics/image/decode.hpp"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>

namespace medpics::platform {
using nlohmann::json;

namespace {

std::string at(const std::string& base, size_t i) { return base + "[" + std::to_string(i) + "]"; }

void requireNumberArray(const json& v, const std::string& name, size_t n) {
  if (!v.is_array() || v.size() != n) badRequest("field '" + name + "' must be an array of " + std::to_string(n) + " numbers");
  for (const auto& x : v)
    if (!x.is_number()) badRequest("field '" + name + "' must contain numbers only");
}

struct StoredImage {
  std::string imageId, sha, contentType;
  size_t bytes = 0;
};

}  // namespace

void validateRegion(const json& r, const std::vector<std::string>& imageIds, size_t i) {
  const std::string name = at("regions", i);
  if (!r.is_object()) badRequest("field '" + name + "' must be an object");
  const std::string imageId = requireString(r, "image_id");
  if (std::find(imageIds.begin(), imageIds.end(), imageId) == imageIds.end())
    badRequest("field '" + name + ".image_id' is not an image of this post");
  const std::string shape = requireString(r, "shape");
  requireOneOf(name + ".shape", shape, {"rect", "ellipse", "polygon", "mask"});
  if (shape == "polygon") {
    const json& pts = requireArray(r, "points");
    if (pts.size() < 3) badRequest("field '" + name + ".points' needs at least 3 points");
    for (const auto& p : pts) requireNumberArray(p, name + ".points", 2);
  } else {
    if (!r.contains("box")) badRequest("field '" + name + ".box' is required");
    requireNumberArray(r["box"], name + ".box", 4);
    if (r["box"][2].get<double>() <= 0 || r["box"][3].get<double>() <= 0)
      badRequest("field '" + name + ".box' must have a positive width and height");
    if (shape == "mask") {
      const json& rle = requireArray(r, "rle");
      for (const auto& n : rle)
        if (!n.is_number_integer() || n.get<long long>() < 0) badRequest("field '" + name + ".rle' must hold counts");
    }
  }
  requireOneOf(name + ".style", requireString(r, "style"), {"solid", "mosaic", "blur"});
  requireOneOf(name + ".origin", requireString(r, "origin"), {"auto", "manual"});
  requireOneOf(name + ".state", requireString(r, "state"), {"accepted", "dismissed"});
  optionalString(r, "kind");
  optionalString(r, "category");
}

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

  PreparedDecision d;
  d.action = requireString(body, "action");
  requireOneOf("action", d.action, {"approve", "reject"});
  const std::string leaseId = requireString(body, "lease_id");
  d.evidence = {{"lease_id", leaseId}};
  const json regions = body.contains("regions") ? body["regions"] : json::array();
  if (!regions.is_array()) badRequest("field 'regions' must be an array");
  for (size_t i = 0; i < regions.size(); ++i) validateRegion(regions[i], imageIds, i);
  d.evidence["regions"] = regions;
  if (auto note = optionalString(body, "note")) d.evidence["note"] = *note;

  if (d.action == "reject") {
    if (multipart) badRequest("a reject decision is a JSON body, not multipart");
    const std::string reason = requireString(body, "reason_code");
    requireOneOf("reason_code", reason, {"patient_identifiable", "not_medical", "poor_quality", "duplicate", "other"});
    const auto message = optionalString(body, "message");
    if (reason == "other" && (!message || message->empty())) badRequest("field 'message' is required for reason 'other'");
    d.newStatus = "rejected";
    d.reasonCode = reason;
    d.message = message ? json(*message) : json(nullptr);
    d.extraAnswer = {{"published_images", json::array()}};
    return d;
  }

  if (!multipart) badRequest("an approve decision must be multipart/form-data with the masked images");
  if (body.contains("residual_check")) {
    const json& rc = body["residual_check"];
    if (!rc.is_object()) badRequest("field 'residual_check' must be an object");
    if (rc.contains("ran") && !rc["ran"].is_boolean()) badRequest("field 'residual_check.ran' must be a boolean");
    if (rc.contains("phi_findings_outside") && !rc["phi_findings_outside"].is_number_integer())
      badRequest("field 'residual_check.phi_findings_outside' must be an integer");
    d.evidence["residual_check"] = rc;
  }
  if (auto caption = optionalString(body, "caption")) d.evidence["caption"] = *caption;
  if (body.contains("caption_spans_masked")) {
    const json& spans = body["caption_spans_masked"];
    if (!spans.is_array()) badRequest("field 'caption_spans_masked' must be an array");
    for (const auto& sp : spans)
      if (!sp.is_array() || sp.size() != 2 || !sp[0].is_number_integer() || !sp[1].is_number_integer())
        badRequest("field 'caption_spans_masked' must hold [start, end] integer pairs");
    d.evidence["caption_spans_masked"] = spans;
  }
  for (const auto& [name, part] : req.files)
    if (name != "decision" && (name.rfind("image:", 0) != 0 ||
                               std::find(imageIds.begin(), imageIds.end(), name.substr(6)) == imageIds.end()))
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
    const cv::Mat decoded = cv::imdecode(std::vector<uchar>(part.content.begin(), part.content.end()), cv::IMREAD_UNCHANGED);
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
