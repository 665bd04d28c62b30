// Benchmark: a whole keyboard shift on the real desk: N posts decided from the keyboard only (key events through
// ImGui IO, as a moderator types), against the sandbox platform's demo set; time and keystrokes per post.
//   medpics-platform --data DIR --port 8475 --demo          (44 demo posts)
//   xvfb-run -a -s "-screen 0 1920x1080x24" bench_desk_shift http://127.0.0.1:8475 [posts=40] [look_s=1.0]
// The moderator signs in, presses J, then for each post: looks for look_s once it is on screen and decidable, then
// rejects a photo showing a face (R, 1, Enter: patient identifiable), else approves (A, A). When the residual check
// objects, what it found is masked by the desk: A, A again; a second objection gets a written reason (O, text, Enter,
// A, A). Time per post: from one post on screen to the next one on screen (the looking included).
#include "app.hpp"
#include "desk_bench.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <numeric>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace medpics;

namespace {
using namespace medpics::bench;

// The moderator's keyboard: key events reach the desk through ImGui IO in App::inputHook; every key is counted.
struct Keyboard {
  desk::App& app;
  std::set<int> down;
  std::u32string chars;
  int count = 0;
  explicit Keyboard(desk::App& a) : app(a) {
    app.inputHook = [this](ImGuiIO& io) {
      for (int k = 0; k < 512; ++k) io.KeysDown[k] = down.count(k) > 0;
      for (char32_t c : chars) io.AddInputCharacter(static_cast<unsigned>(c));
      chars.clear();
    };
  }
  void frame() { pacedFrame(app, 16.7); }  // 60 Hz

  void key(int glfwKey) {
    down.insert(glfwKey);
    frame();
    down.erase(glfwKey);
    frame();
    ++count;
  }
  void text(const std::string& ascii) {
    for (char c : ascii) {
      chars.push_back(static_cast<char32_t>(c));
      frame();
      ++count;
    }
  }
  bool waitUntil(const std::function<bool()>& done, double seconds) {
    const auto start = Clock::now();
    while (!done()) {
      if (msSince(start) > seconds * 1000) return false;
      frame();
    }
    return true;
  }
};

// On screen with its findings and claimed: A and R act.
bool decidable(const desk::Desk& desk) { return itemShown(desk) && desk.canDecide(desk::DecisionKind::Publish); }
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_desk_shift URL [posts=40] [look_s=1.0]\n");
    return 2;
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const int posts = argc > 2 ? std::atoi(argv[2]) : 40;
  const double lookSeconds = argc > 3 ? std::atof(argv[3]) : 1.0;
  desk::AppOptions options = bench::deskOptions(argv[1], "medpics-bench-shift");
  options.desk.language = "fr";
  desk::App app;
  if (!app.init(options)) return 1;
  glfwSwapInterval(0);
  desk::Desk& desk = app.desk();
  Keyboard kb(app);
  if (!kb.waitUntil([&] { return desk.session && !desk.posts.empty(); }, 30)) return 1;
  const auto shiftStart = Clock::now();
  kb.key(GLFW_KEY_J);  // the first post of the queue

  std::vector<double> perPost, waits;
  std::vector<int> keys;
  int approved = 0, rejected = 0, objections = 0, overrides = 0, twoKeys = 0;
  for (int n = 0; n < posts; ++n) {
    const auto shown = Clock::now();  // the previous decision's key: from here to this post decidable is waiting
    if (!kb.waitUntil([&] { return decidable(desk); }, 600)) {
      std::printf("post %d: not decidable within 10 minutes\n", n + 1);
      break;
    }
    const double waitMs = msSince(shown);
    const std::string id = desk.post->detail.id, kind = desk.post->detail.kind;
    const int keysBefore = kb.count, queued = desk.decisionsQueued;
    const auto look = Clock::now();
    kb.waitUntil([&] { return msSince(look) > lookSeconds * 1000; }, lookSeconds + 1);
    bool face = false;
    for (const auto& img : desk.post->images)
      for (const auto& item : img.regions.items()) face = face || item.region.kind == "face";
    const bool reject = kind == "photo" && face;
    int objected = 0;
    if (reject) {
      kb.key(GLFW_KEY_R);
      kb.key(GLFW_KEY_1);
      kb.key(GLFW_KEY_ENTER);
    } else {
      while (desk.decisionsQueued == queued) {
        if (objected >= 2) {
          kb.key(GLFW_KEY_O);
          kb.text("controle: aucune donnee identifiante");
          kb.key(GLFW_KEY_ENTER);
          ++overrides;
        }
        kb.key(GLFW_KEY_A);  // final review
        kb.key(GLFW_KEY_A);  // publish
        const bool settled = kb.waitUntil(
            [&] {
              return desk.decisionsQueued > queued || (desk.post && desk.post->detail.id == id &&
                                                       !desk.post->state.sending() && desk.post->residualFindings > 0);
            },
            600);
        if (!settled) return 1;
        if (desk.decisionsQueued > queued) break;
        ++objected;
        desk.post->residualFindings = 0;  // read: the moderator has seen the masked findings
        if (objected > 3) return 1;
      }
    }
    // Until the next post is the open one (the decision is journalled; it is sent in the background).
    kb.waitUntil([&] { return desk.decisionsQueued > queued && (!desk.post || desk.post->detail.id != id); }, 60);
    const double postMs = msSince(shown);
    const int k = kb.count - keysBefore;
    perPost.push_back(postMs);
    waits.push_back(waitMs);
    keys.push_back(k);
    objections += objected;
    (reject ? rejected : approved)++;
    twoKeys += !reject && k == 2;
    std::printf("post %s (%s): %s, %d key(s), %d objection(s), %.1f s (waited %.1f s for it to be decidable)\n",
                id.c_str(), kind.c_str(), reject ? "rejected" : "approved", k, objected, postMs / 1000, waitMs / 1000);
  }
  const double total = msSince(shiftStart) / 1000;
  const int decided = static_cast<int>(perPost.size());
  const double keysMean = decided ? double(std::accumulate(keys.begin(), keys.end(), 0)) / decided : 0;
  std::printf("GL: %s; looking %.1f s per post\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)),
              lookSeconds);
  std::printf(
      "shift: %d posts in %.0f s (%.1f s per post on average, median %.1f s); %d approved (%d in two keys), "
      "%d rejected\n",
      decided, total, decided ? total / decided : 0, median(perPost) / 1000, approved, twoKeys, rejected);
  std::printf(
      "keystrokes: %d in all, %.2f per post (J once, then A A / R 1 Enter / objections); residual objections "
      "%d, written overrides %d\n",
      kb.count, keysMean, objections, overrides);
  std::printf("waiting for the next post to be decidable: median %.2f s, max %.1f s\n", median(waits) / 1000,
              waits.empty() ? 0 : *std::max_element(waits.begin(), waits.end()) / 1000);
  return decided == posts ? 0 : 1;
}
