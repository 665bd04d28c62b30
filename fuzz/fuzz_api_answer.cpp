// libFuzzer target: any bytes as the body of a 200 and of a 409 answer, read as every API answer shape.
#include "medpics/api/answer.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  medpics::api::parseAsEveryAnswer(200, body);
  medpics::api::parseAsEveryAnswer(409, body);
  return 0;
}
