// History and statistics loaders: platform calls and thumbnail decoding on workers, results applied on the UI thread.
#include "desk.hpp"
#include "format.hpp"
#include "i18n.hpp"
#include "window_data.hpp"

#include "medpics/image/decode.hpp"
#include "medpics/util/time.hpp"

#include <opencv2/imgproc.hpp>

#include <ctime>

namespace medpics::desk {
namespace {
using api::Result;

constexpr int kThumbnailSide = 96;
constexpr int kPreviewSide = 640;
constexpr int kMaxHistoryPages = 10;

std::string sinceMidnightQuery() { return "since=" + api::urlEncode(util::rfc3339(localMidnight(std::time(nullptr)))); }

// RGBA pixels of the published image, scaled to fit `side` (never enlarged).
struct Rgba {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;
};

Result<Rgba> downloadScaled(api::PlatformClient& client, const std::string& url, int side) {
  auto bytes = client.download(url);
  if (!bytes) return bytes.error();
  const auto decoded = image::decode(bytes->data);
  if (!decoded.ok()) return api::ApiError{0, "invalid_image", decoded.error};
  {
    const cv::Mat& bgr = decoded.bgr;
    const double scale = std::min(1.0, double(side) / std::max(bgr.cols, bgr.rows));
    cv::Mat small, rgba;
    cv::resize(bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::cvtColor(small, rgba, cv::COLOR_BGR2RGBA);
    Rgba out{rgba.cols, rgba.rows, std::vector<std::uint8_t>(rgba.data, rgba.data + rgba.total() * 4)};
    return out;
  }
}

std::shared_ptr<ImageDisplay> toDisplay(const Rgba& image) {
  const cv::Mat rgba(image.height, image.width, CV_8UC4, const_cast<std::uint8_t*>(image.pixels.data()));
  return std::make_shared<ImageDisplay>(
      ImageDisplay{{RgbaTile{cv::Rect(0, 0, image.width, image.height), rgba.clone()}}});
}

std::string firstPublishedUrl(const api::Decision& d) {
  if (d.subjectType != "post" || d.action != "approve") return {};
  const auto images = d.raw.find("published_images");
  if (images == d.raw.end() || !images->is_array() || images->empty()) return {};
  return (*images)[0].value("url", "");
}
}  // namespace

void loadHistory(Desk& desk) {
  if (!desk.session) return;
  HistoryState& h = desk.history;
  desk.backend().tasks().invalidate(TaskScope::History);  // answers for an earlier listing are dropped
  h.loading = true;
  h.error.clear();
  h.selected = -1;
  h.evidence.reset();
  std::string query = sinceMidnightQuery() + "&limit=100";
  if (!h.allUsers) query += "&decided_by=" + api::urlEncode(desk.session->user.username);
  desk.backend().call<std::vector<api::Decision>>(
      {"history", TaskScope::History},
      [query](api::PlatformClient& c) -> Result<std::vector<api::Decision>> {
        std::vector<api::Decision> all;
        std::string cursor;
        for (int page = 0; page < kMaxHistoryPages; ++page) {
          auto r = c.decisions(query + (cursor.empty() ? "" : "&cursor=" + api::urlEncode(cursor)));
          if (!r) return r.error();
          all.insert(all.end(), r->items.begin(), r->items.end());
          cursor = r->nextCursor;
          if (cursor.empty()) break;
        }
        return all;
      },
      [&desk](const Result<std::vector<api::Decision>>& r) {
        HistoryState& state = desk.history;
        state.loading = false;
        state.entries.clear();
        if (!r) {
          state.error = r.error().describe();
          return desk.notify(true, tr("history.load_failed"), state.error);
        }
        for (const auto& d : r.value()) {
          HistoryEntry entry;
          entry.decision = d;
          entry.publishedUrl = firstPublishedUrl(d);
          state.entries.push_back(std::move(entry));
        }
      });
}

void requestThumbnail(Desk& desk, int index) {
  HistoryState& h = desk.history;
  if (index < 0 || index >= static_cast<int>(h.entries.size())) return;
  HistoryEntry& e = h.entries[static_cast<size_t>(index)];
  if (e.thumbnailRequested || e.publishedUrl.empty()) return;
  e.thumbnailRequested = true;
  const std::string url = e.publishedUrl, id = e.decision.decisionId;
  desk.backend().call<Rgba>(
      {"history thumbnail", TaskScope::History},
      [url](api::PlatformClient& c) { return downloadScaled(c, url, kThumbnailSide); },
      [&desk, index, id](const Result<Rgba>& r) {
        HistoryState& state = desk.history;
        if (index >= static_cast<int>(state.entries.size())) return;
        HistoryEntry& entry = state.entries[static_cast<size_t>(index)];
        if (entry.decision.decisionId != id) return;
        if (r)
          entry.thumbnail = toDisplay(r.value());
        else
          entry.thumbnailError = r.error().describe();
      });
}

void openEvidence(Desk& desk, int index) {
  HistoryState& h = desk.history;
  if (index < 0 || index >= static_cast<int>(h.entries.size())) return;
  h.selected = index;
  h.evidence.reset();
  h.published = {};
  h.evidenceLoading = true;
  const HistoryEntry& e = h.entries[static_cast<size_t>(index)];
  const std::string id = e.decision.decisionId, url = e.publishedUrl;
  desk.backend().call<api::Decision>(
      {"decision evidence", TaskScope::History}, [id](api::PlatformClient& c) { return c.decision(id); },
      [&desk, index](const Result<api::Decision>& r) {
        HistoryState& state = desk.history;
        if (state.selected != index) return;
        state.evidenceLoading = false;
        if (!r) return desk.notify(true, tr("history.load_failed"), r.error().describe());
        state.evidence = r->raw;
      });
  if (url.empty()) return;
  desk.backend().call<Rgba>(
      {"history image", TaskScope::History},
      [url](api::PlatformClient& c) { return downloadScaled(c, url, kPreviewSide); },
      [&desk, index](const Result<Rgba>& r) {
        HistoryState& state = desk.history;
        if (state.selected != index || !r) return;
        state.published = toDisplay(r.value());
      });
}

void loadStatistics(Desk& desk) {
  if (!desk.session) return;
  StatsState& s = desk.stats;
  s.loading = true;
  s.error.clear();
  const std::string path = "/api/v1/stats/decisions?" + sinceMidnightQuery() + "&scope=" + (s.allUsers ? "all" : "own");
  desk.backend().call<nlohmann::json>(
      {"statistics"}, [path](api::PlatformClient& c) { return c.requestJson("GET", path); },
      [&desk](const Result<nlohmann::json>& r) {
        StatsState& state = desk.stats;
        state.loading = false;
        if (!r) {
          state.error = r.error().describe();
          return desk.notify(true, tr("stats.load_failed"), state.error);
        }
        state.data = r.value();
        state.perHour.fill(0);
        for (const auto& bucket : state.data.value("per_hour", nlohmann::json::array()))
          if (const auto t = parseUtc(bucket.value("hour", "")))
            state.perHour[static_cast<size_t>(localHour(*t))] += bucket.value("count", 0);
      });
}

}  // namespace medpics::desk
