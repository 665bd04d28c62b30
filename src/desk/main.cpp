// Entry point of MedPics Desk (placeholder until the desk lands).
#include <cstdio>
int main() {
  std::fprintf(stderr, "medpics-desk: not built yet\n");
  return 2;
}
