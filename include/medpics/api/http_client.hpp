// Blocking HTTP client over libcurl (one per thread); used by PlatformClient off the UI thread.
#pragma once
#include <cstddef>
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
  std::size_t maxResponseBytes = 128u << 20;  // larger answers fail with a transport error (hostile servers)
};

struct HttpResponse {
  long status = 0;  // 0: transport failure (see transportError)
  std::string transportError;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// CA bundle (PEM file) that new clients trust for HTTPS; empty: the system store. Starts as $MEDPICS_CA_BUNDLE.
// Certificate and host name verification are always on.
void setDefaultCaBundle(std::string path);
std::string defaultCaBundle();

class HttpClient {
 public:
  explicit HttpClient(std::string baseUrl);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse send(const HttpRequest& request);
  const std::string& baseUrl() const { return baseUrl_; }
  void setCaBundle(std::string path) { caBundle_ = std::move(path); }
  const std::string& caBundle() const { return caBundle_; }

 private:
  std::string baseUrl_, caBundle_;
  void* curl_ = nullptr;  // CURL*, reused for connection keep-alive
};

}  // namespace medpics::api
