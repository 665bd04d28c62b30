// API tests of the background pipeline against the real server: deterministic mask re-rendering from the journal,
// the outbox sender's lease re-claim and final failures, and the prefetcher (order, take, memory cap, analysis).
#include "support/wait_for.hpp"
#include "api_support.hpp"

#include "medpics/image/decode.hpp"
#include "medpics/mask/publish.hpp"
#include "medpics/work/outbox_sender.hpp"
#include "medpics/work/prefetcher.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <thread>

using namespace medpics;
using namespace medpics::test;

namespace {

std::vector<std::string> ids(const std::vector<work::PrefetchProgress>& progress) {
  std::vector<std::string> out;
  for (const auto& p : progress) out.push_back(p.id);
  return out;
}

work::OutboxEntry rejectEntry(const std::string& postId, const std::string& leaseId) {
  work::DecisionDraft d;
  d.subjectId = postId;
  d.action = work::DecisionAction::Reject;
  d.leaseId = leaseId;
  d.reasonCode = "duplicate";
  return work::journalEntry(d);
}

// A prefetcher signed in on the sandbox as `user`, told which posts come next; no pipeline: no analysis.
std::unique_ptr<work::Prefetcher> prefetching(Sandbox& sb, api::PlatformClient& user, const work::PrefetchOptions& o,
                                              std::vector<std::string> upcoming,
                                              std::shared_ptr<detect::Pipeline> pipeline = nullptr) {
  auto prefetcher = std::make_unique<work::Prefetcher>(std::move(pipeline), o);
  prefetcher->setCredentials(sb.url(), user.token());
  prefetcher->setUpcoming(std::move(upcoming));
  return prefetcher;
}

// The detection pipeline of the prefetcher tests: text (network, classical, OCR) and codes, without the face
// detectors. The prefetcher is under test here, not the detectors (their own tests cover them): dlib's HOG face
// detector is header templates compiled into our objects, so ThreadSanitizer instruments it, and the face detectors
// took about 20 s of the 29 s analysis of one 800x600 post in the TSan stage (scripts/test.sh).
std::shared_ptr<detect::Pipeline> textPipeline() {
  detect::PipelineOptions o;
  o.faces = false;
  return std::make_shared<detect::Pipeline>(o);
}
}  // namespace

TEST_CASE("outbox: an approval re-rendered from the journal is byte-identical to the in-memory upload") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  for (const std::string postId : {"p1", "p5"}) {
    auto detail = modo.post(postId);
    REQUIRE(detail.ok());
    work::DecisionDraft draft;
    draft.subjectId = postId;
    draft.action = work::DecisionAction::Approve;
    draft.leaseId = "L";
    std::vector<mask::PostImage> images;
    for (const auto& ref : detail->images) {
      auto original = modo.download(ref.url);
      REQUIRE(original.ok());
      // As the desk does: decoded pixels in memory, a mosaic, a blur and a solid region, a random seed.
      mask::PostImage image{ref.id, {}, image::decode(original->data).bgr, ref.contentType, {}, 0x9E3779B9u};
      for (auto style : {mask::Style::Mosaic, mask::Style::Blur, mask::Style::Solid}) {
        mask::Region r;
        r.box = {40 + 150 * static_cast<int>(style), 30, 120, 90};
        r.style = style;
        image.regions.push_back(r);
      }
      draft.images.push_back({ref.id, image.seed, image.regions});
      images.push_back(image);
    }
    const auto published = mask::publishPost(images);
    REQUIRE(mask::allOk(published));
    // What the journal gives back after a restart: the draft read from its Journal form.
    TempDir dir;
    work::Outbox outbox(dir.path() / "outbox.db");
    const auto row = outbox.add(work::journalEntry(draft));
    auto rendered = work::renderMaskedImages(modo, outbox.byRow(row).value().draft);
    REQUIRE(rendered.ok());
    REQUIRE(rendered->size() == published.size());
    for (const auto& p : published) {
      CHECK(rendered->at(p.id).first == p.encoded.contentType);
      CHECK(rendered->at(p.id).second == p.encoded.bytes);
    }
  }
}

TEST_CASE("outbox sender: a decision whose lease expired meanwhile is claimed again and applied once") {
  Sandbox sb({"--demo-small", "--lease-ttl", "60", "--test-clock"});
  auto modo = loginAs(sb.url(), "modo");
  auto lease = modo.claim("posts", "p2");
  REQUIRE(lease.ok());
  TempDir dir;
  auto outbox = std::make_shared<work::Outbox>(dir.path() / "outbox.db");
  const auto entry = rejectEntry("p2", lease->leaseId);
  outbox->add(entry);
  advanceServerClock(sb.url(), 61);  // the lease expires (e.g. the desk was down)
  work::OutboxSender sender(outbox);
  std::vector<work::OutboxState> seen;
  std::mutex mutex;
  sender.setOnChange([&](const work::OutboxEntry& e) {
    std::lock_guard lock(mutex);
    seen.push_back(e.state);
  });
  sender.setCredentials(sb.url(), modo.token());
  sender.start();
  REQUIRE(waitFor([&] { return outbox->counts().sent == 1; }, 20));
  const auto sent = outbox->recent(1).at(0);
  CHECK(sent.key != entry.key);  // re-keyed after the final 409 lease_lost of the first key
  CHECK(sent.draft.leaseId != lease->leaseId);
  CHECK_FALSE(sent.decisionId.empty());
  CHECK(decisionsAbout(modo, "p2") == 1);
  // The journal row turns "sent" before the sender reports it: wait for the report itself.
  REQUIRE(waitFor(
      [&] {
        std::lock_guard lock(mutex);
        return !seen.empty() && seen.back() == work::OutboxState::Sent;
      },
      20));
  std::lock_guard lock(mutex);
  CHECK(seen.front() == work::OutboxState::Pending);  // the re-claim
}

TEST_CASE("outbox sender: an item decided by someone else meanwhile fails visibly, nothing is applied twice") {
  Sandbox sb({"--demo-small", "--lease-ttl", "60", "--test-clock"});
  auto modo = loginAs(sb.url(), "modo");
  auto admin = loginAs(sb.url(), "admin");
  auto lease = modo.claim("posts", "p3");
  REQUIRE(lease.ok());
  TempDir dir;
  auto outbox = std::make_shared<work::Outbox>(dir.path() / "outbox.db");
  const auto entry = rejectEntry("p3", lease->leaseId);
  outbox->add(entry);
  advanceServerClock(sb.url(), 61);
  auto adminLease = admin.claim("posts", "p3");
  REQUIRE(adminLease.ok());
  REQUIRE(admin.decidePost("p3", rejectPost(adminLease->leaseId, "not_medical"), api::newIdempotencyKey()).ok());
  work::OutboxSender sender(outbox);
  sender.setCredentials(sb.url(), modo.token());
  sender.start();
  REQUIRE(waitFor([&] { return outbox->counts().failed == 1; }, 20));
  const auto failed = outbox->recent(1).at(0);
  CHECK(failed.lastError.find("already_decided") != std::string::npos);
  CHECK(decisionsAbout(admin, "p3") == 1);
}

TEST_CASE("outbox sender: a SQLite error in the sender is reported and the sender keeps running") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto lease = modo.claim("posts", "p2");
  REQUIRE(lease.ok());
  TempDir dir;
  const auto file = dir.path() / "outbox.db";
  auto outbox = std::make_shared<work::Outbox>(file);
  outbox->add(rejectEntry("p2", lease->leaseId));
  // Another process holds the journal's write lock: the sender can read its due entries and send, but recording
  // the answer fails with SQLite's "database is locked" (after the 2 s busy timeout).
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
  work::OutboxSender sender(outbox);
  std::vector<std::string> errors;
  std::mutex mutex;
  sender.setOnError([&](const std::string& e) {
    std::lock_guard lock(mutex);
    errors.push_back(e);
  });
  sender.setCredentials(sb.url(), modo.token());
  sender.start();
  REQUIRE(waitFor(
      [&] {
        std::lock_guard lock(mutex);
        return !errors.empty();
      },
      20));
  {
    std::lock_guard lock(mutex);
    CHECK(errors.front().find("locked") != std::string::npos);
  }
  CHECK(decisionsAbout(modo, "p2") == 1);  // the server applied it; the journal could not record the answer yet
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  // Still running: the next attempt gets the recorded answer of the same key and the entry is marked sent.
  REQUIRE(waitFor([&] { return outbox->counts().sent == 1; }, 20));
  CHECK(decisionsAbout(modo, "p2") == 1);  // applied exactly once
}

TEST_CASE("prefetcher: the next N posts are downloaded and decoded in queue order, and handed over by take()") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  work::PrefetchOptions o;
  o.depth = 3;
  o.analyse = false;
  auto prefetcher = prefetching(sb, modo, o, {"p1", "p2", "p3", "p4", "p5"});
  CHECK(ids(prefetcher->progress()) == std::vector<std::string>{"p1", "p2", "p3"});
  REQUIRE(waitFor([&] { return prefetcher->readyCount() == 3; }, 30));
  for (const auto& p : prefetcher->progress()) {
    CHECK(p.stage == work::PrefetchStage::Ready);
    CHECK(p.bytesDone == p.bytesTotal);
    CHECK(p.bytesTotal > 0);
  }
  CHECK(prefetcher->memoryUsed() > 3 * 800 * 600 * 3);
  // display() shows the decoded images of a post left in the cache (the desk uploads its textures ahead).
  const auto shown = prefetcher->display("p1");
  REQUIRE_FALSE(shown.empty());
  CHECK(prefetcher->display("p9").empty());
  auto taken = prefetcher->take("p1");
  REQUIRE(taken);
  CHECK(taken->detail.id == "p1");
  REQUIRE_FALSE(taken->images.empty());
  CHECK(taken->images[0].bgr->cols == 800);
  CHECK(taken->images[0].bgr == shown[0].bgr);  // the same pixels: textures uploaded from them are taken at the open
  CHECK(shown[0].imageId == taken->images[0].ref.id);
  CHECK(prefetcher->take("p1") == nullptr);
  CHECK(prefetcher->display("p1").empty());
  prefetcher->setUpcoming({"p2", "p3", "p4", "p5"});  // the moderator moved on: p4 is fetched next
  REQUIRE(waitFor([&] { return prefetcher->readyCount() == 3; }, 30));
  CHECK(ids(prefetcher->progress()) == std::vector<std::string>{"p2", "p3", "p4"});
}

TEST_CASE("prefetcher: the memory cap keeps the nearest posts, lowering it evicts the farthest first") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  const auto one = modo.post("p1");
  REQUIRE(one.ok());
  const std::size_t perPost = 800 * 600 * 3 + static_cast<std::size_t>(one->images[0].bytes);  // single-image posts
  work::PrefetchOptions o;
  o.depth = 4;
  o.analyse = false;
  o.memoryCapBytes = perPost * 5 / 2;  // room for two posts
  auto prefetcher = prefetching(sb, modo, o, {"p1", "p2", "p3", "p4"});
  REQUIRE(waitFor([&] { return prefetcher->readyCount() == 2; }, 30));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto progress = prefetcher->progress();
  REQUIRE(progress.size() == 4);
  CHECK(progress[0].stage == work::PrefetchStage::Ready);
  CHECK(progress[1].stage == work::PrefetchStage::Ready);
  CHECK(progress[2].stage == work::PrefetchStage::Queued);
  CHECK(progress[3].stage == work::PrefetchStage::Queued);
  CHECK(prefetcher->memoryUsed() <= o.memoryCapBytes);
  o.memoryCapBytes = perPost * 3 / 2;
  prefetcher->setOptions(o);
  progress = prefetcher->progress();
  CHECK(progress[0].stage == work::PrefetchStage::Ready);   // the nearest stays
  CHECK(progress[1].stage == work::PrefetchStage::Queued);  // the farthest went first
  CHECK(prefetcher->memoryUsed() <= o.memoryCapBytes);
  REQUIRE(prefetcher->take("p1"));
  prefetcher->setUpcoming({"p2", "p3", "p4"});
  REQUIRE(waitFor(
      [&] { return prefetcher->readyCount() == 1 && prefetcher->progress()[0].stage == work::PrefetchStage::Ready; },
      30));
}

TEST_CASE("prefetcher: prefetched posts come with their PHI findings") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  work::PrefetchOptions o;
  o.depth = 1;
  // p1: a radiograph with a burned-in name, birth date and IPP
  auto prefetcher = prefetching(sb, modo, o, {"p1"}, textPipeline());
  REQUIRE(waitFor([&] { return prefetcher->readyCount() == 1; }, 90));
  auto taken = prefetcher->take("p1");
  REQUIRE(taken);
  REQUIRE(taken->images[0].analysis);
  CHECK(taken->images[0].analysis->ok());
  int phi = 0;
  for (const auto& f : taken->images[0].analysis->findings) phi += f.phi;
  CHECK(phi >= 2);
}

TEST_CASE("prefetcher: a post taken while it is analysed comes back without a half-done analysis") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  work::PrefetchOptions o;
  o.depth = 2;
  auto prefetcher = prefetching(sb, modo, o, {"p1", "p2"}, textPipeline());
  // Taken as soon as it is decoded: its analysis is queued or in flight, and is now the taker's to run.
  REQUIRE(waitFor(
      [&] {
        const auto progress = prefetcher->progress();
        return !progress.empty() && progress[0].stage == work::PrefetchStage::Analysing;
      },
      60));
  auto taken = prefetcher->take("p1");
  REQUIRE(taken);
  for (const auto& image : taken->images) {
    CHECK(image.analysisState != work::PrefetchedImage::Analysis::Running);
    CHECK(image.analysis.has_value() == (image.analysisState == work::PrefetchedImage::Analysis::Done));
  }
  // The prefetcher goes on with the next post: its analysis is not blocked by the cancelled one.
  REQUIRE(waitFor([&] { return prefetcher->readyCount() == 1; }, 90));
  CHECK(prefetcher->progress().at(0).id == "p2");
}
