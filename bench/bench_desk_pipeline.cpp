// Benchmark: the desk with its background pipeline (prefetch, analysis, outbox) against a running server, under
// Xvfb: frame times while the next posts are prefetched and analysed, decision-to-next-item latency, and the items
// per minute the tool sustains with a moderator who decides the moment an item is ready (1 approval in 4).
//   medpics-platform --data DIR --port 8471 --demo-posts 60
//   xvfb-run -a -s "-screen 0 1920x1080x24" bench_desk_pipeline http://127.0.0.1:8471 [decisions=40] [fps=60]
// fps paces the frames as vsync would (the desk swaps with interval 1; Xvfb does not pace); 0 renders back to back,
// the worst case for the background threads, which then only get the CPU time llvmpipe leaves.
#include "app.hpp"
#include "desk_bench.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <thread>
#include <vector>

using namespace medpics;

namespace {
using namespace medpics::bench;

struct Frames {
  std::vector<double> ms;
  double at(double q) {
    std::sort(ms.begin(), ms.end());
    return ms.empty() ? 0 : ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))];
  }
  int over(double limit) const {
    return static_cast<int>(std::count_if(ms.begin(), ms.end(), [&](double m) { return m > limit; }));
  }
};

double gFramePeriodMs = 0;  // > 0: frames start at this period at most (vsync)

// One frame, GPU work included; then, when paced, the wait for the next vsync (not counted). When the desk waits for
// events (session phase), the time it slept before the frame is not counted either.
double frame(desk::App& app) { return pacedFrame(app, gFramePeriodMs); }

bool runUntil(desk::App& app, Frames* frames, const std::function<bool()>& done, double seconds) {
  const auto start = Clock::now();
  while (!done()) {
    if (msSince(start) > seconds * 1000) return false;
    const double ms = frame(app);
    if (frames) frames->ms.push_back(ms);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_desk_pipeline URL [decisions] [fps, 0 = unpaced]\n");
    return 2;
  }
  const int decisions = argc > 2 ? std::atoi(argv[2]) : 40;
  const double fps = argc > 3 ? std::atof(argv[3]) : 60;
  gFramePeriodMs = fps > 0 ? 1000.0 / fps : 0;
  desk::AppOptions options = bench::deskOptions(argv[1], "medpics-bench-pipeline");
  desk::App app;
  if (!app.init(options)) return 1;
  glfwSwapInterval(0);
  desk::Desk& desk = app.desk();
  if (!runUntil(
          app, nullptr, [&] { return desk.session && !desk.posts.empty(); }, 30))
    return 1;
  desk.openPost(desk.posts.front().id);
  if (!runUntil(
          app, nullptr, [&] { return itemReady(desk); }, 120))
    return 1;

  // 1. Frame times with the same post open, without and then with the background pipeline at work.
  desk.settings.prefetchDepth = 0;
  desk.applyPrefetchSettings();
  Frames idle;
  const auto idleStart = Clock::now();
  runUntil(
      app, &idle, [&] { return msSince(idleStart) > 8000; }, 60);
  desk.settings.prefetchDepth = 8;
  desk.applyPrefetchSettings();
  Frames background;
  const auto phase = Clock::now();
  runUntil(
      app, &background,
      [&] {
        return msSince(phase) > 15000 ||
               (!desk.prefetchProgress.empty() &&
                std::all_of(desk.prefetchProgress.begin(), desk.prefetchProgress.end(),
                            [](const auto& p) { return p.stage == work::PrefetchStage::Ready; }));
      },
      120);
  int readyAfter = 0;
  for (const auto& p : desk.prefetchProgress) readyAfter += p.stage == work::PrefetchStage::Ready;
  std::printf("GL: %s; frames paced at %s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)),
              fps > 0 ? (std::to_string(static_cast<int>(fps)) + " Hz").c_str() : "no limit (back to back)");
  std::printf(
      "frames, post open, no background work: %zu frames, median %.2f ms, p95 %.2f ms, max %.2f ms, %d over 33 ms\n",
      idle.ms.size(), idle.at(0.5), idle.at(0.95), idle.at(1.0), idle.over(33.0));
  std::printf(
      "frames while prefetching+analysing: %zu frames in %.1f s, median %.2f ms, p95 %.2f ms, p99 %.2f ms, "
      "max %.2f ms, %d over 33 ms (%d/%zu posts ready at the end)\n",
      background.ms.size(), msSince(phase) / 1000, background.at(0.5), background.at(0.95), background.at(0.99),
      background.at(1.0), background.over(33.0), readyAfter, desk.prefetchProgress.size());

  // 2. Decision -> next item, when the next item is prefetched: wait until it is ready in the cache, then decide.
  std::vector<double> prefetchedMs, prefetchedFrames;
  for (int i = 0; i < 5 && desk.post; ++i) {
    runUntil(
        app, nullptr,
        [&] {
          return itemReady(desk) && !desk.prefetchProgress.empty() &&
                 desk.prefetchProgress[0].stage == work::PrefetchStage::Ready;
        },
        300);
    const auto start = Clock::now();
    desk.rejectPost("poor_quality", desk::Desk::defaultRejectMessage("poor_quality"));
    int frames = 1;
    frame(app);  // the next frame
    while (!itemShown(desk) && frames < 100000) {
      frame(app);
      ++frames;
    }
    prefetchedMs.push_back(msSince(start));
    prefetchedFrames.push_back(frames);
  }
  Frames pm{prefetchedMs}, pf{prefetchedFrames};
  std::printf(
      "decision -> next item shown with its findings, next item prefetched: median %.1f ms, max %.1f ms; "
      "frames: median %.0f, max %.0f (1 = the next frame)\n",
      pm.at(0.5), pm.at(1.0), pf.at(0.5), pf.at(1.0));

  // 3. Scripted session: decide as soon as the item is ready (no think time); measure decision -> next item shown.
  // The desk renders as it does in use: when input, a finished job or a progress step wakes it, not back to back
  // (the prefetch runs at idle priority: it gets the CPU time the frames leave).
  app.setWaitForEvents(true);
  Frames session, decideMs;
  std::vector<int> framesToNext;
  std::vector<double> latencyMs, waitMs;
  int prefetchedNext = 0, objectionsTotal = 0;
  const auto sessionStart = Clock::now();
  for (int i = 0; i < decisions && desk.post; ++i) {
    const auto waitStart = Clock::now();
    if (!runUntil(
            app, &session, [&] { return itemReady(desk); }, 120))
      break;
    waitMs.push_back(msSince(waitStart));
    const int queued = desk.decisionsQueued;
    const auto start = Clock::now();
    if (i % 4 == 0)
      desk.approvePost();  // publish + residual check in the background, then journalled
    else
      desk.rejectPost("poor_quality", desk::Desk::defaultRejectMessage("poor_quality"));
    // An approval the residual check objects to gets the found PHI as masked regions: approve again, up to three
    // times (as a moderator who looked at them would), then with a written reason.
    int objections = 0;
    auto settled = [&] {
      if (desk.decisionsQueued > queued) return true;
      if (!desk.post || desk.post->state.sending() || desk.post->residualFindings == 0) return false;
      ++objections;
      desk.post->residualFindings = 0;
      if (objections > 3) desk.post->overrideReason = "benchmark: masks found again by the detectors";
      desk.approvePost();
      return false;
    };
    if (!runUntil(app, &session, settled, 120)) break;
    objectionsTotal += objections;
    const auto journalled = Clock::now();
    decideMs.ms.push_back(msSince(start));
    int frames = 0;
    prefetchedNext += desk.openedFromPrefetch;
    while (!itemShown(desk) && desk.post && frames < 100000) {
      session.ms.push_back(frame(app));
      ++frames;
    }
    session.ms.push_back(frame(app));  // the frame that shows it
    framesToNext.push_back(frames + 1);
    latencyMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - journalled).count());
  }
  const double minutes = msSince(sessionStart) / 60000.0;
  app.frame();
  Frames latency{latencyMs}, waits{waitMs};
  std::vector<double> framesD(framesToNext.begin(), framesToNext.end());
  Frames nextFrames{framesD};
  std::printf(
      "scripted session: %zu decisions (1 approval in 4) in %.2f min = %.1f items/min; %d of them opened the next "
      "post from the prefetch cache (analysis may still have been running)\n",
      latencyMs.size(), minutes, latencyMs.size() / minutes, prefetchedNext);
  std::printf("residual-check objections answered by approving again: %d\n", objectionsTotal);
  std::printf(
      "decision -> next item shown (from journalled): median %.1f ms, max %.1f ms; frames: median %.0f, max %.0f\n",
      latency.at(0.5), latency.at(1.0), nextFrames.at(0.5), nextFrames.at(1.0));
  std::printf(
      "decide call -> journalled: median %.1f ms (reject: same frame; approve: publish + residual check), "
      "max %.1f ms\n",
      decideMs.at(0.5), decideMs.at(1.0));
  std::printf("moderator waiting for the next item to be ready: median %.1f ms, max %.1f ms\n", waits.at(0.5),
              waits.at(1.0));
  std::printf("frames during the session: median %.2f ms, p95 %.2f ms, max %.2f ms, %d of %zu over 33 ms\n",
              session.at(0.5), session.at(0.95), session.at(1.0), session.over(33.0), session.ms.size());
  runUntil(
      app, nullptr, [&] { return desk.outboxCounts.pending == 0; }, 60);
  std::printf("outbox: %d sent, %d pending, %d failed\n", desk.outboxCounts.sent, desk.outboxCounts.pending,
              desk.outboxCounts.failed);
  return 0;
}
