// Queue of closures posted by worker threads and run on the UI thread once per frame.
#pragma once
#include <functional>
#include <mutex>
#include <vector>

namespace medpics::desk {

class MainQueue {
 public:
  // wake is called after each post (e.g. glfwPostEmptyEvent) so an idle UI wakes up.
  void setWake(std::function<void()> wake) { wake_ = std::move(wake); }
  void post(std::function<void()> fn);
  void drain();  // UI thread only
  bool empty() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::function<void()>> pending_;
  std::function<void()> wake_;
};

}  // namespace medpics::desk
