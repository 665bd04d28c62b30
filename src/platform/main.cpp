// Entry point of the sandbox platform server (placeholder until the server lands).
#include <cstdio>
int main() {
  std::fprintf(stderr, "medpics-platform: not built yet\n");
  return 2;
}
