// libcurl implementation of HttpClient: keep-alive handle, multipart bodies, header capture.
#include "medpics/api/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>

namespace medpics::api {
namespace {

void globalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct BodySink {
  std::string* body;
  std::size_t limit;
  bool overflow = false;
};

size_t onBody(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<BodySink*>(user);
  if (sink->body->size() + size * count > sink->limit) {
    sink->overflow = true;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
  }
  sink->body->append(data, size * count);
  return size * count;
}

std::mutex gCaMutex;
std::string& caBundleSetting() {
  static std::string path = [] {
    const char* env = std::getenv("MEDPICS_CA_BUNDLE");
    return std::string(env ? env : "");
  }();
  return path;
}

// A transport failure in words a user can act on.
std::string describeFailure(CURLcode rc, const char* detail, const std::string& caBundle) {
  std::string text = curl_easy_strerror(rc);
  if (detail && *detail) text += " (" + std::string(detail) + ")";
  if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_SSL_CERTPROBLEM)
    return "untrusted server certificate: " + text +
           (caBundle.empty()
                ? "; trust its CA explicitly with --ca-bundle FILE, MEDPICS_CA_BUNDLE or the ca_bundle setting"
                : "; CA bundle in use: " + caBundle);
  return text;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
  std::string line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string value = line.substr(colon + 1);
    auto first = value.find_first_not_of(" \t");
    auto last = value.find_last_not_of(" \t\r\n");
    value = first == std::string::npos ? "" : value.substr(first, last - first + 1);
    (*static_cast<std::map<std::string, std::string>*>(user))[name] = value;
  }
  return size * count;
}

}  // namespace

void setDefaultCaBundle(std::string path) {
  std::lock_guard lock(gCaMutex);
  caBundleSetting() = std::move(path);
}

std::string defaultCaBundle() {
  std::lock_guard lock(gCaMutex);
  return caBundleSetting();
}

HttpClient::HttpClient(std::string baseUrl) : baseUrl_(std::move(baseUrl)), caBundle_(defaultCaBundle()) {
  globalInit();
  while (!baseUrl_.empty() && baseUrl_.back() == '/') baseUrl_.pop_back();
  curl_ = curl_easy_init();
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

HttpResponse HttpClient::send(const HttpRequest& request) {
  HttpResponse response;
  CURL* curl = static_cast<CURL*>(curl_);
  if (!curl) {
    response.transportError = "curl initialisation failed";
    return response;
  }
  curl_easy_reset(curl);
  const std::string url = baseUrl_ + request.path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, request.timeoutMs);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, std::min(request.timeoutMs, 5000L));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
  BodySink sink{&response.body, request.maxResponseBytes};
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.maxResponseBytes));
  char errorDetail[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorDetail);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!caBundle_.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, caBundle_.c_str());

  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
  headers = curl_slist_append(headers, "Expect:");

  curl_mime* mime = nullptr;
  if (!request.parts.empty()) {
    mime = curl_mime_init(curl);
    for (const auto& part : request.parts) {
      curl_mimepart* p = curl_mime_addpart(mime);
      curl_mime_name(p, part.name.c_str());
      curl_mime_data(p, part.data.data(), part.data.size());
      if (!part.contentType.empty()) curl_mime_type(p, part.contentType.c_str());
      if (!part.filename.empty()) curl_mime_filename(p, part.filename.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);
  } else if (request.method == "POST" || request.method == "PUT") {
    if (!request.contentType.empty())
      headers = curl_slist_append(headers, ("Content-Type: " + request.contentType).c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  if (request.method != "GET" && request.method != "POST")
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

  const CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) {
    response.status = 0;
    response.body.clear();
    response.transportError = sink.overflow || rc == CURLE_FILESIZE_EXCEEDED
                                  ? "the answer is larger than " + std::to_string(request.maxResponseBytes) + " bytes"
                                  : describeFailure(rc, errorDetail, caBundle_);
  } else {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  }
  curl_slist_free_all(headers);
  if (mime) curl_mime_free(mime);
  return response;
}

}  // namespace medpics::api
