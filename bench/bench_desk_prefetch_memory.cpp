// Benchmark: memory held by the prefetcher with N prefetched 12 MP posts (original file + decoded BGR + the RGBA
// texture tiles the desk prepares), and what the default 2 GiB cap keeps. Needs a server with 12 MP demo posts:
//   medpics-platform --data DIR --port 8472 --demo-posts 17 --demo-size 4000x3000
//   bench_desk_prefetch_memory http://127.0.0.1:8472 [depth=16]
#include "gl/tiled_image.hpp"

#include "medpics/api/platform_client.hpp"
#include "medpics/work/prefetcher.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

using namespace medpics;

namespace {
double residentMiB() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

work::DisplayData deskTiles(const cv::Mat& bgr) {  // what the desk's display hook makes (llvmpipe: 16384 px tiles)
  auto tiles = std::make_shared<std::vector<desk::RgbaTile>>(desk::makeTiles(bgr, 16384));
  std::size_t bytes = 0;
  for (const auto& t : *tiles) bytes += t.rgba.total() * t.rgba.elemSize();
  return {tiles, bytes};
}

void run(const std::string& url, const std::string& token, const std::vector<std::string>& ids, int depth,
         std::size_t capMiB) {
  const double before = residentMiB();
  const auto start = std::chrono::steady_clock::now();
  work::PrefetchOptions o;
  o.depth = depth;
  o.memoryCapBytes = capMiB << 20;
  o.analyse = false;  // analysis results are small; its working memory is one image at a time
  o.displayBytesPerPixel = 4;
  work::Prefetcher prefetcher(nullptr, o, deskTiles);
  prefetcher.setCredentials(url, token);
  prefetcher.setUpcoming(ids);
  // Done when nothing is downloading any more for 1 s: every post is ready, failed, or queued for lack of memory.
  int idleFor = 0;
  while (idleFor < 10) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto progress = prefetcher.progress();
    const bool busy = std::any_of(progress.begin(), progress.end(),
                                  [](const auto& p) { return p.stage == work::PrefetchStage::Downloading; });
    idleFor = busy ? 0 : idleFor + 1;
  }
  const int ready = prefetcher.readyCount();
  for (const auto& p : prefetcher.progress())
    if (p.stage != work::PrefetchStage::Ready)
      std::printf("  %s: %s\n", p.id.c_str(), work::stageName(p.stage).c_str());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() - 1.0;
  std::printf(
      "depth %2d, cap %5zu MiB: %2d posts ready in %5.1f s, prefetcher holds %7.1f MiB, process RSS +%7.1f MiB\n",
      depth, capMiB, ready, seconds, prefetcher.memoryUsed() / 1048576.0, residentMiB() - before);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_desk_prefetch_memory URL [depth]\n");
    return 2;
  }
  const std::string url = argv[1];
  const int depth = argc > 2 ? std::atoi(argv[2]) : 16;
  api::PlatformClient client(url);
  auto session = client.login("modo", "modo-demo");
  auto page = client.listPosts("pending", 100);
  if (!session || !page) {
    std::fprintf(stderr, "cannot log in or list posts at %s\n", url.c_str());
    return 1;
  }
  std::vector<std::string> ids;
  for (const auto& p : page->items) ids.push_back(p.id);
  const auto first = client.post(ids.at(0));
  std::printf("posts: %zu pending, first image %dx%d, %lld bytes\n", ids.size(), first->images.at(0).width,
              first->images.at(0).height, first->images.at(0).bytes);
  run(url, session->token, ids, depth, 8192);  // no cap in the way: what `depth` 12 MP posts cost
  run(url, session->token, ids, depth, 2048);  // the default cap: the farthest posts stay queued
  return 0;
}
