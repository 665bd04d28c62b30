// Benchmark: second A (publish) -> next post on screen, on prefetched posts, with the residual check running in the
// background while the moderator looks at the final review; and the residual check's objections per approval.
//   medpics-platform --data DIR --port 8474 --demo
//   xvfb-run -a -s "-screen 0 1920x1080x24" bench_desk_approve http://127.0.0.1:8474 [approvals=10] [look_s=1.5]
// look_s: how long the moderator looks at the final review between the first and the second A.
#include "app.hpp"
#include "desk_bench.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

using namespace medpics;

namespace {
using namespace medpics::bench;

// One frame paced at 60 Hz, as vsync would.
void frame(desk::App& app) { pacedFrame(app, 16.7); }

bool runUntil(desk::App& app, const std::function<bool()>& done, double seconds) {
  const auto start = Clock::now();
  while (!done()) {
    if (msSince(start) > seconds * 1000) return false;
    frame(app);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_desk_approve URL [approvals=10] [look_s=1.5]\n");
    return 2;
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // one line per post as it goes
  const int approvals = argc > 2 ? std::atoi(argv[2]) : 10;
  const double lookSeconds = argc > 3 ? std::atof(argv[3]) : 1.5;
  desk::AppOptions options = bench::deskOptions(argv[1], "medpics-bench-approve");
  desk::App app;
  if (!app.init(options)) return 1;
  glfwSwapInterval(0);
  desk::Desk& desk = app.desk();
  if (!runUntil(
          app, [&] { return desk.session && !desk.posts.empty(); }, 30))
    return 1;
  desk.openPost(desk.posts.front().id);
  if (!runUntil(
          app, [&] { return desk.post.has_value(); }, 60))
    return 1;

  std::vector<double> toNext, toNextAll, decidable;
  int objections = 0, approved = 0, prefetched = 0, atOnce = 0;
  for (int i = 0; i < approvals && desk.post; ++i) {
    // The moderator reviews the post once it is ready and, when it comes within 3 minutes, the next one is ready in
    // the prefetch cache (a 12 MP photo may take longer on a loaded machine: then it is measured as it is).
    if (!runUntil(
            app, [&] { return itemReady(desk); }, 600))
      break;
    runUntil(
        app,
        [&] { return !desk.prefetchProgress.empty() && desk.prefetchProgress[0].stage == work::PrefetchStage::Ready; },
        180);
    const std::string id = desk.post->detail.id, kind = desk.post->detail.kind;
    int objected = 0;
    bool first = true;
    while (desk.post && desk.post->detail.id == id) {
      desk::editorOf(desk).finalReview = true;  // first A: the final review
      const auto look = Clock::now();
      runUntil(
          app, [&] { return msSince(look) > lookSeconds * 1000; }, lookSeconds + 1);
      const int queued = desk.decisionsQueued;
      const auto start = Clock::now();
      desk.approvePost();  // second A
      if (!runUntil(
              app,
              [&] {
                return desk.decisionsQueued > queued ||
                       (desk.post && desk.post->detail.id == id && !desk.post->state.sending() &&
                        desk.post->residualFindings > 0);
              },
              300))
        return 1;
      if (desk.decisionsQueued > queued) {
        const double journalledMs = msSince(start);
        // The next post is on screen at the end of the first frame that draws it with its images and findings
        // (its lease may still be in flight: it is claimed in the background, A waits for it); decidable once claimed.
        double shownMs = -1, claimedMs = -1, firstFrameMs = 0;
        while (claimedMs < 0 && msSince(start) < 300000) {
          const auto f = Clock::now();
          frame(app);
          const bool next = desk.post && desk.post->detail.id != id;
          if (shownMs < 0 && next && itemShown(desk)) shownMs = msSince(start), firstFrameMs = msSince(f);
          if (shownMs >= 0 && itemReady(desk)) claimedMs = msSince(start);
        }
        const double ms = shownMs;
        decidable.push_back(claimedMs);
        if (std::getenv("BENCH_PHASES"))
          std::printf("  phases: journalled %.0f ms, shown %.0f ms (that frame %.0f ms), claimed %.0f ms\n",
                      journalledMs, shownMs, firstFrameMs, claimedMs);
        toNextAll.push_back(ms);
        if (first) toNext.push_back(ms), ++atOnce;
        prefetched += desk.openedFromPrefetch;
        ++approved;
        break;
      }
      // Objection: what it found is now masked; the moderator publishes again (after three, with a reason).
      ++objected;
      first = false;
      desk.post->residualFindings = 0;
      if (objected >= 3) desk.post->overrideReason = "benchmark: published over the objection";
    }
    objections += objected;
    std::printf("post %s (%s): %d objection(s), second A -> next post %.0f ms%s\n", id.c_str(), kind.c_str(), objected,
                toNextAll.empty() ? 0.0 : toNextAll.back(),
                desk.openedFromPrefetch ? " (from the prefetch cache)" : "");
  }
  std::printf("GL: %s; look at the final review %.1f s before the second A\n",
              reinterpret_cast<const char*>(glGetString(GL_RENDERER)), lookSeconds);
  std::printf("approvals: %d (%d published at the first A, A), objections: %d = %.2f per approval\n", approved, atOnce,
              objections, approved ? double(objections) / approved : 0.0);
  auto range = [](const std::vector<double>& v) {
    char text[64];
    if (v.empty()) return std::string("-");
    std::snprintf(text, sizeof text, "%.0f-%.0f ms", *std::min_element(v.begin(), v.end()),
                  *std::max_element(v.begin(), v.end()));
    return std::string(text);
  };
  std::printf("second A -> next post on screen, published at once: median %.1f ms, range %s (%zu)\n", median(toNext),
              range(toNext).c_str(), toNext.size());
  std::printf(
      "second A -> next post on screen, every approval (last A): median %.1f ms; next post from the prefetch "
      "cache: %d of %d; textures uploaded ahead: %d images\n",
      median(toNextAll), prefetched, approved, app.view().images.ahead().completed());
  std::printf("second A -> next post claimed (A acts on it): median %.1f ms, range %s\n", median(decidable),
              range(decidable).c_str());
  return 0;
}
