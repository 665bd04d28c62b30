// The UI scale the named sizes are multiplied by, and the per-kind legend colour.
#include "style.hpp"

namespace medpics::desk::style {

namespace {
float current = 1.0f;
}

void setScale(float scale) { current = scale; }
float scale() { return current; }

ImU32 colour::legend(const std::string& kind) {
  if (kind == "manual") return kOwn;
  if (kind == "face") return kFace;
  if (kind == "barcode") return kCode;
  if (kind == "tattoo") return kMark;
  return kText;
}

ImU32 colour::region(const std::string& kind, bool manual, bool dismissed) {
  return dismissed ? kDismissed : legend(manual ? "manual" : kind);
}

}  // namespace medpics::desk::style
