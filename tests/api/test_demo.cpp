// API tests of demo seeding (full --demo set) and of paging through the queue.
#include "api_support.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace medpics;
using namespace medpics::test;

TEST_CASE("demo seeding: --demo seeds at least 40 posts of every kind and 20 registrations, once") {
  Sandbox sb({"--demo"});
  auto admin = loginAs(sb.url(), "admin");
  std::set<std::string> kinds;
  int twoImages = 0, withName = 0;
  long long maxPixels = 0;
  std::string cursor;
  int seen = 0;
  do {
    auto page = admin.listPosts("pending", 50, cursor);
    REQUIRE(page.ok());
    CHECK(page->total >= 40);
    for (const auto& p : page->items) {
      ++seen;
      kinds.insert(p.kind);
      twoImages += p.imageCount == 2;
    }
    cursor = page->nextCursor;
  } while (!cursor.empty());
  CHECK(seen >= 40);
  for (const char* k : {"radiograph", "lab_report", "ecg", "photo", "wristband"}) CHECK(kinds.count(k) == 1);
  CHECK(twoImages >= 4);
  for (int i = 1; i <= seen; ++i) {
    auto post = admin.post("p" + std::to_string(i));
    REQUIRE(post.ok());
    withName += post->caption.find("M. ") != std::string::npos || post->caption.find("Mme ") != std::string::npos;
    for (const auto& img : post->images) maxPixels = std::max<long long>(maxPixels, 1LL * img.width * img.height);
  }
  CHECK(withName >= 4);
  CHECK(maxPixels >= 12000000);

  auto regs = admin.listRegistrations("pending", 100);
  REQUIRE(regs.ok());
  CHECK(regs->total == 20);
  std::set<std::string> categories;
  for (const auto& r : regs->items) categories.insert(r.category);
  CHECK(categories == std::set<std::string>{"professional", "student"});

  sb.server.restart();  // an existing data directory is reused as is
  auto again = loginAs(sb.url(), "admin").listPosts("all", 1);
  REQUIRE(again.ok());
  CHECK(again->total == seen);
}

TEST_CASE("paging walks the queue oldest first without duplicates") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  std::vector<std::string> ids;
  std::string cursor;
  do {
    auto page = modo.listPosts("pending", 3, cursor);
    REQUIRE(page.ok());
    CHECK(page->items.size() <= 3);
    CHECK(page->total == 8);
    for (const auto& p : page->items) ids.push_back(p.id);
    cursor = page->nextCursor;
  } while (!cursor.empty());
  CHECK(ids == std::vector<std::string>{"p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"});
  auto ecg = modo.listPosts("pending", 20, {}, "ecg");
  REQUIRE(ecg.ok());
  REQUIRE(ecg->total == 1);
  CHECK(ecg->items[0].kind == "ecg");
}
