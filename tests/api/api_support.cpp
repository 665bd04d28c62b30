// API test helpers implementation (httplib client for raw requests, OpenCV for test images).
#include "api_support.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace medpics::test {

bool copySmallDemo(const std::filesystem::path& dir) { return copySeededDemo(dir, {"--demo-small"}, "api-demo-small"); }

bool copySeededDemo(const std::filesystem::path& dir, const std::vector<std::string>& seedArgs,
                    const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(MEDPICS_ARTIFACT_DIR) / name;
  const fs::path binary = fs::path(MEDPICS_BIN_DIR) / "medpics-platform";
  const std::string stamp = std::to_string(fs::last_write_time(binary).time_since_epoch().count());
  fs::create_directories(root);
  const int fd = ::open((root / "lock").c_str(), O_CREAT | O_RDWR, 0644);
  REQUIRE(fd >= 0);
  ::flock(fd, LOCK_EX);
  const fs::path data = root / "data";
  std::string ready;
  if (std::ifstream in(root / "ready"); in) std::getline(in, ready);
  if (ready != stamp) {
    fs::remove(root / "ready");
    fs::remove_all(data);
    { ServerProcess seeding(data, seedArgs); }  // seeds, then stops cleanly (WAL checkpointed)
    fs::remove(data / "port.txt");
    std::ofstream(root / "ready") << stamp << "\n";
  }
  fs::copy(data, dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  ::flock(fd, LOCK_UN);
  ::close(fd);
  return true;
}

api::PlatformClient loginAs(const std::string& url, const std::string& user) {
  std::string token;
  {
    api::PlatformClient client(url);
    auto session = client.login(user, user + "-demo");
    INFO(session.error().describe());
    REQUIRE(session.ok());
    token = session->token;
  }
  return api::PlatformClient(url, token);  // prvalue: PlatformClient is not movable
}

RawAnswer raw(const std::string& url, const std::string& method, const std::string& path, const std::string& token,
              const std::string& body, const std::string& contentType, const httplib::Headers& extra) {
  httplib::Client cli(url);
  cli.set_read_timeout(30, 0);
  httplib::Headers headers = extra;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  httplib::Result r = method == "GET"      ? cli.Get(path.c_str(), headers)
                      : method == "DELETE" ? cli.Delete(path.c_str(), headers, body, contentType.c_str())
                                           : cli.Post(path.c_str(), headers, body, contentType.c_str());
  RawAnswer a;
  if (!r) return a;
  a.status = r->status;
  a.text = r->body;
  a.headers = r->headers;
  a.body = nlohmann::json::parse(r->body, nullptr, false);
  if (a.body.is_discarded()) a.body = nullptr;
  return a;
}

void advanceServerClock(const std::string& url, int seconds) {
  const RawAnswer a = raw(url, "POST", "/api/v1/test/clock", {}, nlohmann::json{{"advance_seconds", seconds}}.dump());
  INFO(a.text);
  REQUIRE(a.status == 200);
}

std::string maskedJpeg(int width, int height) {
  cv::Mat img(height, width, CV_8UC3, cv::Scalar(128, 128, 128));
  cv::rectangle(img, {0, 0, width / 2, height / 4}, cv::Scalar(0, 0, 0), cv::FILLED);
  std::vector<uchar> buf;
  cv::imencode(".jpg", img, buf);
  return std::string(buf.begin(), buf.end());
}

int decisionsAbout(api::PlatformClient& client, const std::string& subjectId) {
  auto page = client.decisions("limit=100");
  REQUIRE(page.ok());
  int n = 0;
  for (const auto& d : page->items) n += d.subjectId == subjectId;
  return n;
}

api::PostDecisionRequest rejectPost(const std::string& leaseId, const std::string& reasonCode,
                                    const std::string& message) {
  api::PostDecisionRequest reject;
  reject.action = "reject";
  reject.leaseId = leaseId;
  reject.reasonCode = reasonCode;
  reject.message = message;
  return reject;
}

}  // namespace medpics::test
