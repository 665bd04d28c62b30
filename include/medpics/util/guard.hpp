// A last-resort thread boundary: run a piece of work, log what it throws, let nothing escape.
#pragma once
#include "medpics/util/log.hpp"

#include <exception>
#include <string>
#include <string_view>

namespace medpics::log {

// Runs fn; an exception is logged as "<where>: <what>" and goes no further (worker loops, the UI queue).
template <class F>
void runLoggingExceptions(std::string_view where, F&& fn) noexcept {
  try {
    fn();
  } catch (const std::exception& e) {
    error(std::string(where) + ": " + e.what());
  } catch (...) {
    error(std::string(where) + ": unknown exception");
  }
}

}  // namespace medpics::log
