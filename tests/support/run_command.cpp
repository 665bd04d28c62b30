// runCommand over popen.
#include "support/run_command.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <stdexcept>

namespace medpics::test {
CommandResult runCommand(const std::string& shellCommand) {
  FILE* pipe = popen(shellCommand.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + shellCommand);
  CommandResult result;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) result.out.append(buffer, n);
  const int status = pclose(pipe);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}
}  // namespace medpics::test
