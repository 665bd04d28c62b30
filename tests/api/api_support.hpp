// Helpers of the API tests: a sandbox server on a temp dir, logged-in clients, raw HTTP, test images.
#pragma once
#include "medpics/api/platform_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace medpics::test {

// Fills `dir` with a copy of a data directory seeded once with --demo-small (shared by the tests of one
// build, created under a file lock; rebuilt when the server binary changes). Returns true.
bool copySmallDemo(const std::filesystem::path& dir);
// The same for any seeding arguments (e.g. {"--demo-posts", "200"}), cached under test-artifacts/`name`.
bool copySeededDemo(const std::filesystem::path& dir, const std::vector<std::string>& seedArgs,
                    const std::string& name);

// A sandbox server on its own temp data directory; with "--demo-small" (the default) the directory
// starts as a copy of the seeded template, so that each test does not pay for the seeding.
struct Sandbox {
  explicit Sandbox(std::vector<std::string> args = {"--demo-small"})
      : copied(!args.empty() && args[0] == "--demo-small" && copySmallDemo(dir.path())),
        server(dir.path(), std::move(args)) {}
  TempDir dir;
  bool copied;
  ServerProcess server;
  std::string url() const { return server.url(); }
};

// A PlatformClient logged in as a demo user (password = user + "-demo"); fails the test otherwise.
api::PlatformClient loginAs(const std::string& url, const std::string& user);

// Raw HTTP for malformed requests: method, path, optional bearer token, body and content type.
struct RawAnswer {
  int status = 0;
  nlohmann::json body;  // null when not JSON
  std::string text;
  httplib::Headers headers;
};
RawAnswer raw(const std::string& url, const std::string& method, const std::string& path, const std::string& token = {},
              const std::string& body = {}, const std::string& contentType = "application/json",
              const httplib::Headers& extra = {});

// Moves the clock of a server started with --test-clock forward by `seconds` (POST /api/v1/test/clock): leases and
// tokens expire without the test sleeping. Fails the test unless the server answers 200.
void advanceServerClock(const std::string& url, int seconds);

// A JPEG of the given size: uniform grey with a black bar (a "masked" image).
std::string maskedJpeg(int width, int height);

// A post decision "reject" under `leaseId` with a reason code and an optional message.
api::PostDecisionRequest rejectPost(const std::string& leaseId, const std::string& reasonCode,
                                    const std::string& message = {});

// Count of decisions about one subject visible to the client (admins see all).
int decisionsAbout(api::PlatformClient& client, const std::string& subjectId);

}  // namespace medpics::test
