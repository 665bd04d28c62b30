// Drives a Desk (state and actions, no window) against a real sandbox server: pumps its UI queue until idle.
#pragma once
#include "desk.hpp"
#include "main_queue.hpp"

#include "support/temp_dir.hpp"

#include <memory>
#include <string>

namespace medpics::test {

struct DeskHarness {
  // settings: written to a temp settings file first (e.g. remember_me) when not empty.
  explicit DeskHarness(desk::DeskOptions options, const std::string& settingsJson = {});
  ~DeskHarness();
  // Runs posted results on this thread until nothing is in flight (or the timeout passes).
  void settle(double timeoutSeconds = 30);
  // The detail texts of the error notifications shown so far.
  std::string errors() const;

  TempDir dir;
  desk::MainQueue ui;
  std::unique_ptr<desk::Desk> desk;
};

}  // namespace medpics::test
