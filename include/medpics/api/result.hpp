// Result of a platform call: a value, or an ApiError (HTTP error body or transport failure).
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace medpics::api {

struct ApiError {
  long httpStatus = 0;  // 0 for transport failures
  std::string code;     // API error code, or "network" / "invalid_response"
  std::string message;  // human-readable detail
  bool transport() const { return httpStatus == 0; }
  // A job's own exception (code "exception", see desk::Backend) is a bug or a local failure, not worth a retry.
  bool retryable() const { return (httpStatus == 0 && code != "exception") || httpStatus == 429 || httpStatus >= 500; }
  std::string describe() const;
};

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT(implicit)
  Result(ApiError error) : error_(std::move(error)) {}  // NOLINT(implicit)
  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const T& value() const {
    if (!value_) throw std::logic_error("Result::value() on an error: " + error_.describe());
    return *value_;
  }
  T& value() {
    if (!value_) throw std::logic_error("Result::value() on an error: " + error_.describe());
    return *value_;
  }
  const T& operator*() const { return value(); }
  const T* operator->() const { return &value(); }
  const ApiError& error() const { return error_; }

 private:
  std::optional<T> value_;
  ApiError error_;
};

struct Unit {};

}  // namespace medpics::api
