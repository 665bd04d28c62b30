// Polls a condition every 50 ms until it holds or the time runs out (tests only).
#pragma once
#include <chrono>
#include <thread>

namespace medpics::test {

template <class Predicate>
bool waitFor(Predicate done, double seconds) {
  for (int i = 0; i < seconds * 20; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

}  // namespace medpics::test
