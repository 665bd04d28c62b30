// Hostile-input tests across the wire: the server answers hostile bodies and images with 4xx and stays up; the
// client survives hostile answers of a rogue server (wrong types, deep nesting, invalid UTF-8, 100 MB bodies).
#include "api_support.hpp"
#include "input_corpus.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <thread>

using namespace medpics;
using namespace medpics::test;
using medpics::corpus::Expect;

namespace {

bool clientError(int status) { return status >= 400 && status < 500; }

// An HTTP server on loopback that answers every route with the body it is given (200, application/json).
class RogueServer {
 public:
  RogueServer() {
    auto answer = [this](const httplib::Request&, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      res.status = status_;
      res.set_content(body_, "application/json");
    };
    http_.Get(".*", answer);
    http_.Post(".*", answer);
    http_.Delete(".*", answer);
    port_ = http_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { http_.listen_after_bind(); });
    while (!http_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~RogueServer() {
    http_.stop();
    thread_.join();
  }
  void serve(int status, std::string body) {
    std::lock_guard lock(mutex_);
    status_ = status;
    body_ = std::move(body);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server http_;
  std::mutex mutex_;
  int status_ = 200;
  std::string body_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace

TEST_CASE("hostile JSON bodies get 4xx on every JSON route and the server stays up") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto verif = loginAs(sb.url(), "verif");
  struct Target {
    std::string path, token;
  };
  const std::vector<Target> targets = {{"/api/v1/auth/login", ""},
                                       {"/api/v1/posts/p1/decision", modo.token()},
                                       {"/api/v1/posts/p1/lease/renew", modo.token()},
                                       {"/api/v1/registrations/r1/decision", verif.token()}};
  int key = 0;
  for (const auto& sample : corpus::hostileJson()) {
    for (const auto& t : targets) {
      INFO(sample.name << " → " << t.path);
      const RawAnswer a = raw(sb.url(), "POST", t.path, t.token, sample.bytes, "application/json",
                              {{"Idempotency-Key", "hostile-" + std::to_string(key++)}});
      INFO(a.status << " " << a.text.substr(0, 200));
      CHECK(clientError(a.status));
      CHECK(a.body["error"].is_string());
    }
  }
  CHECK(raw(sb.url(), "GET", "/api/v1/health").status == 200);
  CHECK(modo.post("p1")->status == "pending");
  CHECK(decisionsAbout(modo, "p1") == 0);
}

TEST_CASE("a 100 MB body is refused with 413 before authentication and the server stays up") {
  Sandbox sb;
  const std::string huge(100u << 20, '{');
  for (const char* path : {"/api/v1/auth/login", "/api/v1/posts/p1/decision"}) {
    INFO(path);
    const RawAnswer a = raw(sb.url(), "POST", path, {}, huge);
    CHECK(a.status == 413);
    CHECK(a.body["error"] == "payload_too_large");
  }
  CHECK(raw(sb.url(), "GET", "/api/v1/health").status == 200);
  CHECK(loginAs(sb.url(), "modo").me().ok());
}

TEST_CASE("hostile masked images in an approval are refused with 400 and nothing is published") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto post = modo.post("p1");
  REQUIRE(post.ok());
  const auto& image = post->images.at(0);
  auto lease = modo.claim("posts", "p1");
  REQUIRE(lease.ok());
  for (const auto& sample : corpus::hostileImages()) {
    if (sample.expect == Expect::Accept) continue;  // a well-formed image of another size is refused for its size
    INFO(sample.name);
    api::PostDecisionRequest approve;
    approve.action = "approve";
    approve.leaseId = lease->leaseId;
    approve.residualCheck = {{"ran", true}, {"phi_findings_outside", 0}, {"override_reason", nullptr}};
    approve.maskedImages[image.id] = {"image/jpeg", sample.bytes};
    auto decision = modo.decidePost("p1", approve, api::newIdempotencyKey());
    REQUIRE_FALSE(decision.ok());
    INFO(decision.error().describe());
    CHECK(decision.error().httpStatus == 400);
    CHECK(decision.error().message.find("part 'image:" + image.id + "'") != std::string::npos);
  }
  CHECK(modo.post("p1")->status == "pending");
  CHECK(raw(sb.url(), "GET", "/api/v1/published/" + image.id, modo.token()).status == 404);
}

TEST_CASE("the client survives hostile answers of a rogue server") {
  RogueServer rogue;
  api::PlatformClient client(rogue.url(), "token");
  for (const auto& sample : corpus::hostileJson()) {
    INFO(sample.name);
    rogue.serve(200, sample.bytes);
    // Each call returns (never throws) either a value or the error invalid_response: nothing in between.
    const auto answered = [](const auto& result) { return result.ok() || result.error().code == "invalid_response"; };
    CHECK(answered(client.me()));
    CHECK(answered(client.listPosts()));
    CHECK(answered(client.post("p1")));
    CHECK(answered(client.registration("r1")));
    CHECK(answered(client.listRegistrations()));
    CHECK(answered(client.decisions()));
    CHECK(answered(client.claim("posts", "p1")));
    CHECK(answered(client.decision("d1")));
    rogue.serve(409, sample.bytes);
    auto refused = client.post("p1");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().httpStatus == 409);
  }
}

TEST_CASE("the client refuses a 100 MB answer without parsing it") {
  RogueServer rogue;
  api::PlatformClient client(rogue.url(), "token");
  rogue.serve(200, "[" + std::string(100u << 20, ' ') + "]");
  auto me = client.me();
  REQUIRE_FALSE(me.ok());
  CHECK(me.error().transport());
  CHECK(me.error().message.find("larger than") != std::string::npos);
}

TEST_CASE("the client answers a 1,000,000-deep JSON answer with an error, not a stack overflow") {
  RogueServer rogue;
  api::PlatformClient client(rogue.url(), "token");
  rogue.serve(200, corpus::deeplyNested(1'000'000));
  auto post = client.post("p1");
  REQUIRE_FALSE(post.ok());
  CHECK(post.error().message.find("nested deeper") != std::string::npos);
  CHECK_FALSE(client.decisions().ok());
}
