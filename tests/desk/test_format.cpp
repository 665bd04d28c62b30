// Tests of the French / English formats and of the statistics arithmetic.
#include "format.hpp"
#include "stats.hpp"

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

using namespace medpics::desk;

namespace {
// Formats depend on the local time zone: these tests pin it to UTC and restore it.
struct UtcZone {
  std::string saved;
  bool had = false;
  UtcZone() {
    if (const char* tz = std::getenv("TZ")) had = true, saved = tz;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  ~UtcZone() {
    if (had)
      setenv("TZ", saved.c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }
};
const std::string kNarrowNbsp = "\u202F";
}  // namespace

TEST_CASE("RFC 3339 UTC times are parsed strictly") {
  CHECK(parseUtc("1970-01-01T00:00:00Z") == 0);
  CHECK(parseUtc("2026-11-23T14:05:00Z") == 1795442700);
  CHECK_FALSE(parseUtc("2026-11-23 14:05:00Z"));
  CHECK_FALSE(parseUtc("2026-11-23T14:05:00"));
  CHECK_FALSE(parseUtc("2026-13-23T14:05:00Z"));
  CHECK_FALSE(parseUtc("yesterday"));
}

TEST_CASE("dates and times: French day/month/year, English ISO order") {
  UtcZone utc;
  CHECK(formatDateTime("2026-11-23T14:05:00Z", Language::French) == "23/11/2026 14:05");
  CHECK(formatDateTime("2026-11-23T14:05:00Z", Language::English) == "2026-11-23 14:05");
  CHECK(formatDateTime("not a time", Language::French) == "not a time");
  CHECK(formatTime(1795442700) == "14:05");
  CHECK(localHour(1795442700) == 14);
  CHECK(localMidnight(1795442700) == 1795392000);
  setenv("TZ", "Europe/Paris", 1);  // CET in November: one hour ahead
  tzset();
  CHECK(formatDateTime("2026-11-23T14:05:00Z", Language::French) == "23/11/2026 15:05");
  CHECK(localHour(1795442700) == 15);
}

TEST_CASE("numbers: French narrow no-break space and decimal comma, English comma and point") {
  CHECK(formatNumber(1234.5, 1, Language::French) == "1" + kNarrowNbsp + "234,5");
  CHECK(formatNumber(1234.5, 1, Language::English) == "1,234.5");
  CHECK(formatNumber(1234567, 0, Language::French) == "1" + kNarrowNbsp + "234" + kNarrowNbsp + "567");
  CHECK(formatNumber(999, 0, Language::French) == "999");
  CHECK(formatNumber(-1234.25, 2, Language::French) == "-1" + kNarrowNbsp + "234,25");
  CHECK(formatNumber(-0.001, 1, Language::English) == "0.0");
  CHECK(formatNumber(0.5, 0, Language::English) == "0");  // printf rounding: half to even
}

TEST_CASE("durations in minutes and hours") {
  CHECK(formatMinutes(0) == "0 min");
  CHECK(formatMinutes(44.6) == "45 min");
  CHECK(formatMinutes(125) == "2 h 05");
  CHECK(formatMinutes(-3) == "0 min");
}

TEST_CASE("queue age: oldest and median over readable times") {
  const std::int64_t now = 1795442700;  // 2026-11-23T14:05:00Z
  const QueueAge age =
      queueAge({"2026-11-23T13:05:00Z", "2026-11-23T14:00:00Z", "garbage", "2026-11-23T12:05:00Z"}, now);
  CHECK(age.count == 3);
  CHECK(age.oldestMinutes == Approx(120));
  CHECK(age.medianMinutes == Approx(60));
  CHECK(queueAge({}, now).count == 0);
  CHECK(queueAge({"2026-11-23T13:05:00Z", "2026-11-23T14:05:00Z"}, now).medianMinutes == Approx(30));
}

TEST_CASE("decisions per hour count from the first working hour to the current one") {
  std::array<float, 24> perHour{};
  CHECK(decisionsPerHour(perHour, 10) == 0);
  perHour[8] = 20;
  perHour[9] = 30;
  perHour[10] = 10;
  CHECK(decisionsPerHour(perHour, 10) == Approx(20));  // 60 over 8 h, 9 h, 10 h
  CHECK(decisionsPerHour(perHour, 11) == Approx(15));  // an idle hour so far lowers the rate
}

TEST_CASE("a refused local file is explained in the user's language") {
  using medpics::util::FileProblem;
  setLanguage(Language::French);
  CHECK(fileProblemText("/tmp/extrait", FileProblem::NotRegular) ==
        "/tmp/extrait : n'est pas un fichier ordinaire (tube, périphérique ou socket)");
  CHECK(fileProblemText("/tmp", FileProblem::IsDirectory) == "/tmp : n'est pas un fichier : c'est un dossier");
  setLanguage(Language::English);
  CHECK(fileProblemText("/tmp", FileProblem::IsDirectory) == "/tmp: is a directory, not a file");
  CHECK(fileProblemText("/x", FileProblem::NotRegular) == "/x: not a regular file (FIFO, device or socket)");
  setLanguage(Language::French);
}
