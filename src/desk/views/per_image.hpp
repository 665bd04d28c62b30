// View state kept per displayed image, keyed by its ImageDisplay and dropped once the image is gone.
#pragma once
#include "image_tiles.hpp"

#include <cstddef>
#include <map>
#include <memory>

namespace medpics::desk {

// One T per image (UI thread only). An image is known by its ImageDisplay, made once when it is shown
// (LoadedImage::show): a new image, or the same picture in another opening of its item, starts with a fresh T.
template <class T>
class PerImage {
 public:
  // The image's T (display not null); `made` (when given) tells whether this call made it.
  T& of(const std::shared_ptr<ImageDisplay>& display, bool* made = nullptr) {
    auto it = entries_.find(display.get());
    if (it != entries_.end() && it->second.owner.expired()) {  // a freed image's address, reused
      entries_.erase(it);
      it = entries_.end();
    }
    if (made) *made = it == entries_.end();
    if (it == entries_.end()) it = entries_.emplace(display.get(), Entry{display, {}}).first;
    return it->second.value;
  }
  void collect() {  // frees what belongs to no image
    std::erase_if(entries_, [](const auto& e) { return e.second.owner.expired(); });
  }
  void clear() { entries_.clear(); }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::weak_ptr<ImageDisplay> owner;
    T value;
  };
  std::map<const ImageDisplay*, Entry> entries_;
};

}  // namespace medpics::desk
