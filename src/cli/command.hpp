// Subcommand registry of the `medpics` CLI: each command file registers itself with a static CommandRegistrar.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace medpics::cli {

using Args = std::vector<std::string>;  // arguments after the subcommand name

struct Command {
  std::string name;                     // e.g. "id" (a command may take its own sub-verbs, e.g. "id check")
  std::string usage;                    // one line, shown by `medpics help`
  std::function<int(const Args&)> run;  // exit code: 0 ok, 1 findings/failed checks, 2 bad input
};

std::vector<Command>& commands();

struct CommandRegistrar {
  explicit CommandRegistrar(Command command) { commands().push_back(std::move(command)); }
};

}  // namespace medpics::cli
