// Data of the desk's side windows (history and audit, statistics, directory import) and the actions that load it;
// whether a window is open is the view's (views/panels.hpp).
#pragma once
#include "image_tiles.hpp"

#include "medpics/api/types.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <atomic>
#include <memory>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace medpics::desk {

class Desk;

// One decision of the history, with the thumbnail of its PUBLISHED (masked) image: never the original.
struct HistoryEntry {
  api::Decision decision;
  std::string publishedUrl;                 // first published image of an approved post; empty otherwise
  std::shared_ptr<ImageDisplay> thumbnail;  // uploaded and drawn by the view
  bool thumbnailRequested = false;
  std::string thumbnailError;
};

struct HistoryState {
  bool allUsers = false;  // admins: every user's decisions (audit)
  bool loading = false;
  std::string error;
  std::vector<HistoryEntry> entries;  // newest first
  int selected = -1;
  std::optional<nlohmann::json> evidence;  // GET /decisions/{id} of the selected entry
  bool evidenceLoading = false;
  std::shared_ptr<ImageDisplay> published;  // the selected decision's published image, larger
};

struct StatsState {
  bool allUsers = false;
  bool loading = false;
  std::string error;
  nlohmann::json data;              // GET /stats/decisions answer
  std::array<float, 24> perHour{};  // decisions per local hour of today
};

// Import of the RPPS directory extract (Annuaire Santé) into the local index, with progress and cancel.
struct DirectoryImportState {
  struct Progress {
    std::atomic<std::uint64_t> bytesDone{0}, bytesTotal{0}, rows{0};
  };
  std::string extractPath;
  bool running = false;
  std::uint64_t task = 0;  // its id in the task manager while it runs (cancelled through it)
  std::shared_ptr<Progress> progress;
  std::string result;  // summary of the last import (or its error)
  bool failed = false;
};
void startDirectoryImport(Desk& desk);
void cancelDirectoryImport(Desk& desk);

// History: today's decisions (own, or everyone's for an admin), thumbnails and evidence loaded on workers.
void loadHistory(Desk& desk);
void requestThumbnail(Desk& desk, int index);
void openEvidence(Desk& desk, int index);
// Statistics of today from the platform (GET /api/v1/stats/decisions).
void loadStatistics(Desk& desk);

}  // namespace medpics::desk
