// DeskHarness: a Desk with its settings in a temp dir, settled by draining its MainQueue.
#include "desk_harness.hpp"

#include <chrono>
#include <fstream>
#include <thread>

namespace medpics::test {

DeskHarness::DeskHarness(desk::DeskOptions options, const std::string& settingsJson) {
  options.settingsPath = dir.path() / "desk.json";
  if (!settingsJson.empty()) std::ofstream(options.settingsPath) << settingsJson;
  desk = std::make_unique<desk::Desk>(ui, std::move(options));
}

DeskHarness::~DeskHarness() {
  settle(10);
  desk.reset();
}

void DeskHarness::settle(double timeoutSeconds) {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  const auto deadline = start + std::chrono::duration<double>(timeoutSeconds);
  while (clock::now() < deadline) {
    ui.drain();
    desk->tick(std::chrono::duration<double>(clock::now() - start).count());
    if (!desk->busy() && ui.empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ui.drain();
}

std::string DeskHarness::errors() const {
  std::string text;
  for (const auto& n : desk->notifications)
    if (n.error) text += n.text + ": " + n.detail + "\n";
  return text;
}

}  // namespace medpics::test
