// English sentences for the facts of the identifier checks, for the CLI's output.
#pragma once
#include "medpics/creds/fact.hpp"

#include <string>

namespace medpics::cli {

std::string englishFact(const creds::Fact& fact);     // the code itself when it has no English text here
std::string englishFacts(const creds::Facts& facts);  // joined with "; "

}  // namespace medpics::cli
