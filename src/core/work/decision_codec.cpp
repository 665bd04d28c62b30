// DecisionDraft ⇄ JSON: strict parsing with field names in the errors; the journal form leaves patient text out.
#include "medpics/work/decision_codec.hpp"

#include "medpics/util/one_of.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace medpics::work {
using nlohmann::json;

namespace {

[[noreturn]] void fail(const std::string& message) { throw DecisionFormatError(message); }

std::string at(const std::string& base, std::size_t i) { return base + "[" + std::to_string(i) + "]"; }

std::string requireString(const json& obj, const std::string& field, const std::string& name) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) fail("field '" + name + "' is required");
  if (!it->is_string()) fail("field '" + name + "' must be a string");
  if (it->get_ref<const std::string&>().empty()) fail("field '" + name + "' must not be empty");
  return it->get<std::string>();
}

std::optional<std::string> optionalString(const json& obj, const std::string& field, const std::string& name) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) fail("field '" + name + "' must be a string");
  return it->get<std::string>();
}

void requireOneOf(const std::string& name, const std::string& value, std::initializer_list<const char*> allowed) {
  if (auto message = util::notOneOf(name, value, allowed)) fail(*message);
}

const json& requireArray(const json& obj, const std::string& field, const std::string& name) {
  auto it = obj.find(field);
  if (it == obj.end()) fail("field '" + name + "' is required");
  if (!it->is_array()) fail("field '" + name + "' must be an array");
  return *it;
}

void requireNumberArray(const json& v, const std::string& name, std::size_t n) {
  if (!v.is_array() || v.size() != n)
    fail("field '" + name + "' must be an array of " + std::to_string(n) + " numbers");
  for (const auto& x : v)
    if (!x.is_number()) fail("field '" + name + "' must contain numbers only");
}

// A region of the decision form, checked field by field before mask::regionFromJson builds it.
mask::Region parseRegion(const json& r, const std::string& name) {
  const std::string shape = requireString(r, "shape", name + ".shape");
  requireOneOf(name + ".shape", shape, {"rect", "ellipse", "polygon", "mask"});
  if (shape == "polygon") {
    const json& pts = requireArray(r, "points", name + ".points");
    if (pts.size() < 3) fail("field '" + name + ".points' needs at least 3 points");
    for (const auto& p : pts) requireNumberArray(p, name + ".points", 2);
  } else {
    if (!r.contains("box")) fail("field '" + name + ".box' is required");
    requireNumberArray(r["box"], name + ".box", 4);
    if (r["box"][2].get<double>() <= 0 || r["box"][3].get<double>() <= 0)
      fail("field '" + name + ".box' must have a positive width and height");
    if (shape == "mask")
      for (const auto& n : requireArray(r, "rle", name + ".rle"))
        if (!n.is_number_integer() || n.get<long long>() < 0) fail("field '" + name + ".rle' must hold counts");
  }
  requireOneOf(name + ".style", requireString(r, "style", name + ".style"), {"solid", "mosaic", "blur"});
  requireOneOf(name + ".origin", requireString(r, "origin", name + ".origin"), {"auto", "manual"});
  requireOneOf(name + ".state", requireString(r, "state", name + ".state"), {"accepted", "dismissed"});
  optionalString(r, "kind", name + ".kind");
  optionalString(r, "category", name + ".category");
  try {
    mask::Region region = mask::regionFromJson(r);
    if (auto c = r.find("confidence"); c != r.end() && c->is_number()) region.confidence = c->get<double>();
    return region;
  } catch (const std::exception& e) {
    fail("field '" + name + "': " + e.what());
  }
}

json regionJson(const mask::Region& region, const std::string& imageId) {
  json j = mask::toJson(region);
  j.erase("text");  // what OCR read stays on the desk
  j["image_id"] = imageId;
  return j;
}

json residualJson(const ResidualRecord& r) {
  json j{{"ran", r.ran},
         {"phi_findings_outside", r.phiFindingsOutside},
         {"override_reason", r.overrideReason.empty() ? json(nullptr) : json(r.overrideReason)},
         {"masked_findings", r.maskedFindings},
         {"dismissed_findings", r.dismissedFindings},
         {"findings", json::array()}};
  for (const auto& f : r.findings) {
    json item{{"kind", f.kind}, {"category", f.category}, {"confidence", f.confidence}, {"covered", f.covered}};
    if (!f.imageId.empty()) item["image_id"] = f.imageId;
    if (f.box) item["box"] = {f.box->x, f.box->y, f.box->width, f.box->height};
    j["findings"].push_back(std::move(item));
  }
  if (!r.error.empty()) j["error"] = r.error;
  return j;
}

ResidualRecord parseResidual(const json& rc) {
  if (!rc.is_object()) fail("field 'residual_check' must be an object");
  if (rc.contains("ran") && !rc["ran"].is_boolean()) fail("field 'residual_check.ran' must be a boolean");
  if (rc.contains("phi_findings_outside") && !rc["phi_findings_outside"].is_number_integer())
    fail("field 'residual_check.phi_findings_outside' must be an integer");
  ResidualRecord r;
  r.ran = rc.value("ran", false);
  r.phiFindingsOutside = rc.value("phi_findings_outside", 0);
  if (auto m = rc.find("masked_findings"); m != rc.end() && m->is_number_integer()) r.maskedFindings = m->get<int>();
  if (auto m = rc.find("dismissed_findings"); m != rc.end() && m->is_number_integer())
    r.dismissedFindings = m->get<int>();
  r.overrideReason = optionalString(rc, "override_reason", "residual_check.override_reason").value_or("");
  r.error = optionalString(rc, "error", "residual_check.error").value_or("");
  if (auto f = rc.find("findings"); f != rc.end() && f->is_array())
    for (const auto& item : *f) {
      if (!item.is_object()) continue;
      ResidualRecord::Finding finding;
      finding.imageId = item.value("image_id", "");
      finding.kind = item.value("kind", "");
      finding.category = item.value("category", "");
      finding.confidence = item.value("confidence", 0.0);
      finding.covered = item.value("covered", 0.0);
      if (auto b = item.find("box"); b != item.end() && b->is_array() && b->size() == 4 && (*b)[0].is_number())
        finding.box = cv::Rect((*b)[0].get<int>(), (*b)[1].get<int>(), (*b)[2].get<int>(), (*b)[3].get<int>());
      r.findings.push_back(std::move(finding));
    }
  return r;
}

}  // namespace

const char* subjectName(SubjectKind kind) { return kind == SubjectKind::Post ? "post" : "registration"; }
const char* subjectRoute(SubjectKind kind) { return kind == SubjectKind::Post ? "posts" : "registrations"; }

const char* actionName(DecisionAction action) {
  switch (action) {
    case DecisionAction::Approve: return "approve";
    case DecisionAction::Reject: return "reject";
    default: return "request_info";
  }
}

std::optional<SubjectKind> subjectFromName(const std::string& name) {
  if (name == "post") return SubjectKind::Post;
  if (name == "registration") return SubjectKind::Registration;
  return std::nullopt;
}

std::optional<DecisionAction> actionFromName(const std::string& name) {
  if (name == "approve") return DecisionAction::Approve;
  if (name == "reject") return DecisionAction::Reject;
  if (name == "request_info") return DecisionAction::RequestInfo;
  return std::nullopt;
}

json toJson(const DecisionDraft& d, Disclosure disclosure) {
  const bool wire = disclosure == Disclosure::Wire;
  json j{{"action", actionName(d.action)}, {"lease_id", d.leaseId}};
  if (!d.reasonCode.empty()) j["reason_code"] = d.reasonCode;
  if (!d.message.empty()) j["message"] = d.message;
  if (!d.note.empty()) j["note"] = d.note;
  if (d.isPost()) {
    json regions = json::array();
    for (const auto& image : d.images)
      for (const auto& r : image.regions) regions.push_back(regionJson(r, image.imageId));
    j["regions"] = std::move(regions);
    if (d.residual) j["residual_check"] = residualJson(*d.residual);
    if (!d.captionSpans.empty()) j["caption_spans_masked"] = mask::spansToJson(d.captionSpans);
    if (wire && d.caption) j["caption"] = *d.caption;
    if (!wire) {  // what re-renders the burn-in after a restart; the server has no use for it
      json seeds = json::object();
      for (const auto& image : d.images) seeds[image.imageId] = image.maskSeed;
      j["mask_seeds"] = std::move(seeds);
    }
  } else {
    json checklist = json::array();
    for (const auto& c : d.checklist) {
      json line{{"check", c.check}, {"status", c.status}};
      if (!c.facts.empty()) {
        json facts = json::array();
        for (const auto& f : c.facts) {
          json params = json::object();
          for (const auto& [name, value] : f.params) params[name] = value;
          facts.push_back({{"code", f.code}, {"params", std::move(params)}});
        }
        line["facts"] = std::move(facts);
      }
      if (c.score) line["score"] = *c.score;
      if (c.manualCheck) line["manual_check"] = true;
      checklist.push_back(std::move(line));
    }
    j["checklist"] = std::move(checklist);
  }
  return j;
}

DecisionDraft draftFromJson(const json& body, SubjectKind subject, const std::string& subjectId,
                            const std::vector<std::string>* imageIds) {
  if (!body.is_object()) fail("the decision must be a JSON object");
  DecisionDraft d;
  d.subject = subject;
  d.subjectId = subjectId;
  const std::string action = requireString(body, "action", "action");
  if (subject == SubjectKind::Post)
    requireOneOf("action", action, {"approve", "reject"});
  else
    requireOneOf("action", action, {"approve", "reject", "request_info"});
  d.action = *actionFromName(action);
  d.leaseId = requireString(body, "lease_id", "lease_id");
  d.reasonCode = optionalString(body, "reason_code", "reason_code").value_or("");
  d.message = optionalString(body, "message", "message").value_or("");
  d.note = optionalString(body, "note", "note").value_or("");
  if (subject == SubjectKind::Post) {
    const json regions = body.contains("regions") ? body["regions"] : json::array();
    if (!regions.is_array()) fail("field 'regions' must be an array");
    const json seeds =
        body.contains("mask_seeds") && body["mask_seeds"].is_object() ? body["mask_seeds"] : json::object();
    std::map<std::string, std::size_t> index;  // image id → position in d.images (order of first appearance)
    auto image = [&](const std::string& id) -> DraftImage& {
      auto [it, added] = index.emplace(id, d.images.size());
      if (added) d.images.push_back({id, seeds.value(id, 0u), {}});
      return d.images[it->second];
    };
    for (std::size_t i = 0; i < regions.size(); ++i) {
      const std::string name = at("regions", i);
      if (!regions[i].is_object()) fail("field '" + name + "' must be an object");
      const std::string imageId = requireString(regions[i], "image_id", name + ".image_id");
      if (imageIds && std::find(imageIds->begin(), imageIds->end(), imageId) == imageIds->end())
        fail("field '" + name + ".image_id' is not an image of this post");
      image(imageId).regions.push_back(parseRegion(regions[i], name));
    }
    for (const auto& [id, seed] : seeds.items()) image(id);  // images without regions keep their seed
    if (body.contains("residual_check") && !body["residual_check"].is_null())
      d.residual = parseResidual(body["residual_check"]);
    d.caption = optionalString(body, "caption", "caption");
    if (body.contains("caption_spans_masked")) {
      const json& spans = body["caption_spans_masked"];
      if (!spans.is_array()) fail("field 'caption_spans_masked' must be an array");
      for (const auto& sp : spans) {
        if (!sp.is_array() || sp.size() != 2 || !sp[0].is_number_unsigned() || !sp[1].is_number_unsigned())
          fail("field 'caption_spans_masked' must hold [start, end] integer pairs");
        d.captionSpans.emplace_back(sp[0].get<std::size_t>(), sp[1].get<std::size_t>());
      }
    }
  } else {
    const json checklist = body.contains("checklist") ? body["checklist"] : json::array();
    if (!checklist.is_array()) fail("field 'checklist' must be an array");
    for (std::size_t i = 0; i < checklist.size(); ++i) {
      const json& c = checklist[i];
      const std::string name = at("checklist", i);
      if (!c.is_object()) fail("field '" + name + "' must be an object");
      ChecklistLine line;
      line.check = requireString(c, "check", name + ".check");
      line.status = requireString(c, "status", name + ".status");
      requireOneOf(name + ".status", line.status, {"pass", "fail", "warn", "unknown", "skipped"});
      if (auto facts = c.find("facts"); facts != c.end()) {
        if (!facts->is_array()) fail("field '" + name + ".facts' must be an array");
        for (std::size_t k = 0; k < facts->size(); ++k) {
          const json& f = (*facts)[k];
          const std::string fname = name + ".facts[" + std::to_string(k) + "]";
          if (!f.is_object()) fail("field '" + fname + "' must be an object");
          ChecklistFact fact{requireString(f, "code", fname + ".code"), {}};
          if (auto params = f.find("params"); params != f.end()) {
            if (!params->is_object()) fail("field '" + fname + ".params' must be an object");
            for (const auto& [key, value] : params->items()) {
              if (!value.is_string()) fail("field '" + fname + ".params." + key + "' must be a string");
              fact.params.emplace_back(key, value.get<std::string>());
            }
          }
          line.facts.push_back(std::move(fact));
        }
      }
      if (auto score = c.find("score"); score != c.end() && score->is_number()) line.score = score->get<double>();
      if (auto manual = c.find("manual_check"); manual != c.end() && manual->is_boolean()) line.manualCheck = *manual;
      d.checklist.push_back(std::move(line));
    }
  }
  return d;
}

}  // namespace medpics::work
