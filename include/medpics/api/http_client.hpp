// Blocking HTTP client over libcurl (one per thread); used by PlatformClient off the UI thread.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace medpics::api {

struct MultipartPart {
  std::string name, contentType, data, filename;
};

struct HttpRequest {
  std::string method = "GET";  // GET, POST, DELETE
  std::string path;            // appended to the base URL
  std::string body;
  std::string contentType;
  std::map<std::string, std::string> headers;
  std::vector<MultipartPart> parts;  // non-empty: multipart/form-data body
  long timeoutMs = 15000;
};

struct HttpResponse {
  long status = 0;           // 0: transport failure (see transportError)
  std::string transportError;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

class HttpClient {
 public:
  explicit HttpClient(std::string baseUrl);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse send(const HttpRequest& request);
  const std::string& baseUrl() const { return baseUrl_; }
  void setCaBundle(std::string path) { caBundle_ = std::move(path); }

 private:
  std::string baseUrl_, caBundle_;
  void* curl_ = nullptr;  // CURL*, reused for connection keep-alive
};

}  // namespace medpics::api
