// Runs a shell command from a test and captures its standard output and exit code.
#pragma once
#include <string>

namespace medpics::test {
struct CommandResult {
  int code = -1;    // exit code, -1 if it did not exit normally
  std::string out;  // standard output
};
// Throws std::runtime_error when the command cannot be started.
CommandResult runCommand(const std::string& shellCommand);
}  // namespace medpics::test
