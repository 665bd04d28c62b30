// Catch2 v2 main for every test executable (under ThreadSanitizer, OpenCV's parallel loops run in the calling thread).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <opencv2/core/utility.hpp>

#if defined(__SANITIZE_THREAD__)
#define MEDPICS_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MEDPICS_TSAN 1
#endif
#endif

int main(int argc, char* argv[]) {
#ifdef MEDPICS_TSAN
  // OpenCV hands its parallel loops to TBB, which is not instrumented: TSan cannot see TBB's synchronisation and
  // reports every hand-off (a loop body on the caller's stack read by a TBB worker) as a race. The desk itself runs
  // OpenCV with one thread (desk.cpp, PipelineOptions::openCvThreads = 1); the TSan builds of the tests do the same
  // from the start, so that the threads under test are ours (docs/threat-model.md, scripts/tsan.supp).
  cv::setNumThreads(1);
#endif
  return Catch::Session().run(argc, argv);
}
