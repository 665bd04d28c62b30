// Helpers shared by the desk benchmarks: frame pacing, whether the open post can be looked at or decided, medians.
#pragma once
#include "app.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace medpics::bench {

using Clock = std::chrono::steady_clock;
inline double msSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// One frame, GPU work included, then the wait for the next vsync at periodMs (not counted; 0: no wait). The time the
// desk slept waiting for events before the frame is not counted either. Returns the frame's time.
inline double pacedFrame(desk::App& app, double periodMs) {
  const auto start = Clock::now();
  app.frame();
  glFinish();
  const double ms = msSince(start) - app.lastWaitMs();
  if (ms < periodMs) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(periodMs - ms));
  return ms;
}

// Every image of the open post shown with its findings (the lease of a prefetched post may still be in flight).
inline bool itemShown(const desk::Desk& desk) {
  if (!desk.post || desk.post->images.empty()) return false;
  return std::all_of(desk.post->images.begin(), desk.post->images.end(), [](const desk::LoadedImage& img) {
    return img.status == desk::LoadedImage::Status::Ready && img.analysis != desk::LoadedImage::Analysis::Pending;
  });
}

// Shown and claimed: a decision can be made.
inline bool itemReady(const desk::Desk& desk) { return itemShown(desk) && desk.post->state.leaseHeld(); }

// A full-HD desk signed in as the demo moderator on the server at `url`, with its settings in a fresh temporary
// folder named `folder`, drawing frames back to back (no waiting for events).
inline desk::AppOptions deskOptions(const std::string& url, const std::string& folder) {
  const auto dir = std::filesystem::temp_directory_path() / folder;
  std::filesystem::remove_all(dir);
  desk::AppOptions options;
  options.width = 1920;
  options.height = 1080;
  options.waitForEvents = false;
  options.desk.serverUrl = url;
  options.desk.username = "modo";
  options.desk.password = "modo-demo";
  options.desk.settingsPath = dir / "settings.json";
  return options;
}

inline double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace medpics::bench
