// API tests of image and document bytes: sha256 ETag, If-None-Match → 304.
#include "api_support.hpp"

#include "medpics/util/sha256.hpp"

#include <catch2/catch.hpp>

using namespace medpics;
using namespace medpics::test;

TEST_CASE("image bytes carry their sha256 as ETag and If-None-Match answers 304") {
  Sandbox sb;
  auto modo = loginAs(sb.url(), "modo");
  auto post = modo.post("p2");
  REQUIRE(post.ok());
  const auto& ref = post->images.at(0);
  auto bytes = modo.download(ref.url);
  REQUIRE(bytes.ok());
  CHECK(bytes->contentType == ref.contentType);
  CHECK(bytes->data.size() == static_cast<size_t>(ref.bytes));
  CHECK(sha256Hex(bytes->data) == ref.sha256);
  CHECK(bytes->etag == "\"" + ref.sha256 + "\"");
  auto cached = modo.download(ref.url, bytes->etag);
  REQUIRE(cached.ok());
  CHECK(cached->notModified);
  const RawAnswer other =
      raw(sb.url(), "GET", ref.url, modo.token(), {}, {}, {{"If-None-Match", "\"something-else\""}});
  CHECK(other.status == 200);
  CHECK(other.text.size() == static_cast<size_t>(ref.bytes));

  auto verif = loginAs(sb.url(), "verif");
  auto reg = verif.registration("r1");
  REQUIRE(reg.ok());
  auto doc = verif.download(reg->documents.at(0).url);
  REQUIRE(doc.ok());
  CHECK(sha256Hex(doc->data) == reg->documents[0].sha256);
  CHECK(verif.download(reg->documents[0].url, doc->etag)->notModified);
}
