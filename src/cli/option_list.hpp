// Tiny argument reader for CLI subcommands: flags, "--name value" options and positional arguments.
#pragma once
#include "command.hpp"

#include <optional>
#include <stdexcept>
#include <string>

namespace medpics::cli {

class OptionList {
 public:
  explicit OptionList(Args args) : args_(std::move(args)) {}

  // True (and removed) when `flag` is present.
  bool flag(const std::string& flag) {
    for (auto it = args_.begin(); it != args_.end(); ++it) {
      if (*it == flag) {
        args_.erase(it);
        return true;
      }
    }
    return false;
  }

  // The value after `name` (both removed); throws std::invalid_argument when the value is missing.
  std::optional<std::string> option(const std::string& name) {
    for (auto it = args_.begin(); it != args_.end(); ++it) {
      if (*it != name) continue;
      if (it + 1 == args_.end()) throw std::invalid_argument(name + " needs a value");
      std::string value = *(it + 1);
      args_.erase(it, it + 2);
      return value;
    }
    return std::nullopt;
  }

  // What is left once flags and options were taken; throws on a leftover "--something".
  const Args& positional() const {
    for (const auto& a : args_) {
      if (a.size() > 2 && a.rfind("--", 0) == 0) throw std::invalid_argument("unknown option " + a);
    }
    return args_;
  }

 private:
  Args args_;
};

}  // namespace medpics::cli
