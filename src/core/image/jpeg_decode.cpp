// libjpeg decode to BGR whose progress monitor (called through every scan and row) enforces a deadline and a
// cancel flag; the error manager longjmps back here instead of exiting, and warnings are not printed.
#include "jpeg_decode.hpp"

#include <chrono>
#include <csetjmp>
#include <cstdio>

#include <jpeglib.h>

namespace medpics::image {
namespace {
using Clock = std::chrono::steady_clock;

struct Guard {
  jpeg_error_mgr err;
  jpeg_progress_mgr progress;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX] = {0};
  Clock::time_point deadline;
  const std::atomic<bool>* cancel = nullptr;
  bool timedOut = false, cancelled = false;
  cv::Mat image;
};

Guard& guardOf(j_common_ptr cinfo) { return *static_cast<Guard*>(cinfo->client_data); }

void onError(j_common_ptr cinfo) {
  Guard& g = guardOf(cinfo);
  (*cinfo->err->format_message)(cinfo, g.message);
  std::longjmp(g.jump, 1);
}
void onMessage(j_common_ptr, int) {}

std::string formatSeconds(double s) {
  char text[32];
  std::snprintf(text, sizeof(text), "%g", s);
  return text;
}  // warnings (e.g. bogus progression) are not printed

void onProgress(j_common_ptr cinfo) {
  Guard& g = guardOf(cinfo);
  if (g.cancel && g.cancel->load(std::memory_order_relaxed))
    g.cancelled = true;
  else if (Clock::now() > g.deadline)
    g.timedOut = true;
  else
    return;
  std::longjmp(g.jump, 1);
}
}  // namespace

JpegDecodeOutcome decodeJpegBounded(std::string_view bytes, double maxSeconds, const std::atomic<bool>* cancel) {
  JpegDecodeOutcome out;
  Guard g;
  g.deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(maxSeconds));
  g.cancel = cancel;
  jpeg_decompress_struct cinfo{};
  cinfo.client_data = &g;
  cinfo.err = jpeg_std_error(&g.err);
  g.err.error_exit = onError;
  g.err.emit_message = onMessage;
  g.progress.progress_monitor = onProgress;
  if (setjmp(g.jump)) {
    jpeg_destroy_decompress(&cinfo);
    if (g.cancelled)
      out.error = "decode cancelled";
    else if (g.timedOut)
      out.error = "decode took longer than the limit of " + formatSeconds(maxSeconds) + " s";
    else
      out.error = std::string("corrupt jpeg image (") + g.message + ")";
    return out;
  }
  jpeg_create_decompress(&cinfo);
  cinfo.progress = &g.progress;
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
    jpeg_destroy_decompress(&cinfo);
    out.unsupported = true;
    return out;
  }
  cinfo.out_color_space = JCS_EXT_BGR;
  jpeg_start_decompress(&cinfo);  // a multi-scan file is read whole here, the monitor called along the way
  g.image.create(int(cinfo.output_height), int(cinfo.output_width), CV_8UC3);
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = g.image.ptr(int(cinfo.output_scanline));
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  out.bgr = g.image;
  return out;
}

}  // namespace medpics::image
