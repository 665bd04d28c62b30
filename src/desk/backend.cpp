// Backend: thread-safe server URL and token shared with the workers.
#include "backend.hpp"

namespace medpics::desk {

void Backend::setServer(std::string url) {
  std::lock_guard lock(mutex_);
  url_ = std::move(url);
}

void Backend::setToken(std::string token) {
  std::lock_guard lock(mutex_);
  token_ = std::move(token);
}

std::string Backend::server() const {
  std::lock_guard lock(mutex_);
  return url_;
}

std::pair<std::string, std::string> Backend::credentials() const {
  std::lock_guard lock(mutex_);
  return {url_, token_};
}

}  // namespace medpics::desk
