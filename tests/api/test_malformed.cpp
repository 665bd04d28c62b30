// API tests of bad input: malformed JSON, wrong types, bad values, oversized bodies, bad paging: 4xx, no state change.
#include "api_support.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::test;

TEST_CASE("malformed JSON and wrong types are 400 and change nothing") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto lease = modo.claim("posts", "p1");
  REQUIRE(lease.ok());
  const std::string key = api::newIdempotencyKey();
  auto post = [&](const std::string& body) {
    return raw(sb.url(), "POST", "/api/v1/posts/p1/decision", modo.token(), body, "application/json",
               {{"Idempotency-Key", key}});
  };
  struct Case {
    std::string body, error, field;
  };
  const std::string L = lease->leaseId;
  const std::vector<Case> cases{
      {"{bad json", "invalid_json", ""},
      {"[1,2,3]", "invalid_json", ""},
      {"\"reject\"", "invalid_json", ""},
      {"", "invalid_json", ""},
      {R"({"action":"reject","lease_id":5,"reason_code":"duplicate"})", "bad_request", "lease_id"},
      {R"({"action":42,"lease_id":")" + L + R"(","reason_code":"duplicate"})", "bad_request", "action"},
      {R"({"action":"destroy","lease_id":")" + L + R"(","reason_code":"duplicate"})", "bad_request", "action"},
      {R"({"action":"reject","lease_id":")" + L + R"(","reason_code":"because"})", "bad_request", "reason_code"},
      {R"({"action":"reject","lease_id":")" + L + R"(","reason_code":"other"})", "bad_request", "message"},
      {R"({"action":"reject","lease_id":")" + L + R"(","reason_code":"duplicate","regions":{}})", "bad_request",
       "regions"},
      {R"({"action":"reject","lease_id":")" + L +
           R"(","reason_code":"duplicate","regions":[{"image_id":"i1","shape":"rect","box":[1,2,"3",4],"style":"solid","origin":"auto","state":"accepted"}]})",
       "bad_request", "box"},
      {R"({"action":"approve","lease_id":")" + L + R"("})", "bad_request", "multipart"},
  };
  for (const auto& c : cases) {
    INFO(c.body);
    const RawAnswer a = post(c.body);
    CHECK(a.status == 400);
    CHECK(a.body["error"] == c.error);
    CHECK(a.body["message"].get<std::string>().find(c.field) != std::string::npos);
  }
  CHECK(raw(sb.url(), "POST", "/api/v1/auth/login", {}, "{\"username\": [}").body["error"] == "invalid_json");
  CHECK(raw(sb.url(), "POST", "/api/v1/auth/login", {}, R"({"username":"modo","password":123})").body["error"] ==
        "bad_request");
  CHECK(raw(sb.url(), "POST", "/api/v1/posts/p1/lease/renew", modo.token(), R"({"lease_id":null})").status == 400);

  // Nothing changed: still pending, still leased by modo, no decision; the key was not consumed.
  auto after = modo.post("p1");
  REQUIRE(after.ok());
  CHECK(after->status == "pending");
  REQUIRE(after->lease.has_value());
  CHECK(after->lease->holder == "modo");
  CHECK(decisionsAbout(modo, "p1") == 0);
  const RawAnswer good = post(R"({"action":"reject","lease_id":")" + L + R"(","reason_code":"duplicate"})");
  CHECK(good.status == 200);
}

TEST_CASE("bad query parameters are 400 bad_request") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  for (const char* path :
       {"/api/v1/posts?limit=0", "/api/v1/posts?limit=101", "/api/v1/posts?limit=abc", "/api/v1/posts?cursor=zzz",
        "/api/v1/posts?status=maybe", "/api/v1/decisions?since=yesterday", "/api/v1/decisions?subject_type=cat"}) {
    INFO(path);
    const RawAnswer a = raw(sb.url(), "GET", path, modo.token());
    CHECK(a.status == 400);
    CHECK(a.body["error"] == "bad_request");
  }
  CHECK(raw(sb.url(), "GET", "/api/v1/posts/nope", modo.token()).body["error"] == "not_found");
  CHECK(raw(sb.url(), "POST", "/api/v1/posts/nope/claim", modo.token()).status == 404);
  CHECK(raw(sb.url(), "GET", "/api/v1/images/nope", modo.token()).status == 404);
  CHECK(raw(sb.url(), "GET", "/api/v1/no/such/route", modo.token()).body["error"] == "not_found");
}

TEST_CASE("oversized bodies are 413 payload_too_large and change nothing") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto lease = modo.claim("posts", "p1");
  REQUIRE(lease.ok());
  const std::string big = nlohmann::json{{"action", "reject"},
                                         {"lease_id", lease->leaseId},
                                         {"reason_code", "other"},
                                         {"message", std::string(1536 * 1024, 'x')}}
                              .dump();
  const RawAnswer a = raw(sb.url(), "POST", "/api/v1/posts/p1/decision", modo.token(), big, "application/json",
                          {{"Idempotency-Key", "big-1"}});
  CHECK(a.status == 413);
  CHECK(a.body["error"] == "payload_too_large");
  const RawAnswer login = raw(sb.url(), "POST", "/api/v1/auth/login", {},
                              nlohmann::json{{"username", "modo"}, {"password", std::string(2 << 20, 'p')}}.dump());
  CHECK(login.status == 413);
  CHECK(login.body["error"] == "payload_too_large");
  // A decision body over 64 MiB (multipart) is refused by the HTTP layer with the same error body.
  const std::string huge =
      "--b\r\nContent-Disposition: form-data; name=\"decision\"\r\n\r\n{}\r\n--b\r\n"
      "Content-Disposition: form-data; name=\"image:i1\"\r\n\r\n" +
      std::string((64u << 20) + 1024, 'x') + "\r\n--b--\r\n";
  const RawAnswer multipart = raw(sb.url(), "POST", "/api/v1/posts/p1/decision", modo.token(), huge,
                                  "multipart/form-data; boundary=b", {{"Idempotency-Key", "big-2"}});
  CHECK(multipart.status == 413);
  CHECK(multipart.body["error"] == "payload_too_large");
  CHECK(modo.post("p1")->status == "pending");
  CHECK(decisionsAbout(modo, "p1") == 0);
}
