// The shortcut table and its helpers; keys are GLFW codes read through Dear ImGui's key state.
#include "shortcuts.hpp"

#include "i18n.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <stdexcept>
#include <string_view>

namespace medpics::desk {

const std::vector<Shortcut>& shortcuts() {
  using A = Action;
  using C = KeyContext;
  // clang-format off
  static const std::vector<Shortcut> table{
    {A::Help,            C::Everywhere,   GLFW_KEY_F1,        0,                  false, false, "F1 / ?",     "keys.help"},
    {A::NextItem,        C::Queue,        GLFW_KEY_PAGE_DOWN, GLFW_KEY_J,         false, false, "keyname.next_item",   "keys.next_item"},
    {A::PreviousItem,    C::Queue,        GLFW_KEY_PAGE_UP,   GLFW_KEY_K,         false, false, "keyname.previous_item",   "keys.previous_item"},
    {A::Refresh,         C::Queue,        GLFW_KEY_F5,        0,                  false, false, "F5",         "keys.refresh"},
    {A::TabPosts,        C::Queue,        GLFW_KEY_F2,        0,                  false, false, "F2",         "keys.tab_posts"},
    {A::TabRegistrations, C::Queue,       GLFW_KEY_F3,        0,                  false, false, "F3",         "keys.tab_registrations"},
    {A::Approve,         C::Post,         GLFW_KEY_A,         0,                  false, false, "A",          "keys.approve"},
    {A::Reject,          C::Post,         GLFW_KEY_R,         0,                  false, false, "R",          "keys.reject"},
    {A::OverrideReason,  C::Post,         GLFW_KEY_O,         0,                  false, false, "O",          "keys.override_reason"},
    {A::RejectReason,    C::RejectForm,   0,                  0,                  false, false, "keyname.digits",        "keys.reject_reason"},
    {A::ConfirmReject,   C::RejectForm,   GLFW_KEY_ENTER,     GLFW_KEY_KP_ENTER,  false, false, "keyname.enter", "keys.confirm_reject"},
    {A::Cancel,          C::Everywhere,   GLFW_KEY_ESCAPE,    0,                  false, false, "keyname.esc",  "keys.cancel"},
    {A::ApplySuggestion, C::Registration, GLFW_KEY_S,         0,                  false, false, "S",          "keys.apply_suggestion"},
    {A::RequestInfo,     C::Registration, GLFW_KEY_I,         0,                  false, false, "I",          "keys.request_info"},
    {A::NextFinding,     C::Editor,       GLFW_KEY_TAB,       0,                  false, false, "Tab",        "keys.next_finding"},
    {A::PreviousFinding, C::Editor,       GLFW_KEY_TAB,       0,                  false, true,  "keyname.shift_tab", "keys.previous_finding"},
    {A::ToggleFinding,   C::Editor,       GLFW_KEY_D,         0,                  false, false, "D",          "keys.toggle_finding"},
    {A::NewRegion,       C::Editor,       GLFW_KEY_N,         GLFW_KEY_INSERT,    false, false, "keyname.new_region",  "keys.new_region"},
    {A::DeleteRegion,    C::Editor,       GLFW_KEY_DELETE,    GLFW_KEY_BACKSPACE, false, false, "keyname.delete",  "keys.delete_region"},
    {A::CycleStyle,      C::Editor,       GLFW_KEY_S,         0,                  false, false, "S",          "keys.cycle_style"},
    {A::DuplicateRegion, C::Editor,       GLFW_KEY_D,         0,                  true,  false, "Ctrl+D",     "keys.duplicate"},
    {A::Nudge,           C::Editor,       0,                  0,                  false, false, "keyname.arrows",    "keys.nudge"},
    {A::NudgeFar,        C::Editor,       0,                  0,                  false, true,  "keyname.shift_arrows", "keys.nudge_far"},
    {A::Resize,          C::Editor,       0,                  0,                  true,  false, "keyname.ctrl_arrows", "keys.resize"},
    {A::Undo,            C::Editor,       GLFW_KEY_Z,         0,                  true,  false, "Ctrl+Z",     "keys.undo"},
    {A::Redo,            C::Editor,       GLFW_KEY_Y,         0,                  true,  false, "Ctrl+Y",     "keys.redo"},
    {A::ToolSelect,      C::Editor,       GLFW_KEY_V,         0,                  false, false, "V",          "keys.tool_select"},
    {A::ToolRect,        C::Editor,       GLFW_KEY_M,         0,                  false, false, "M",          "keys.tool_rect"},
    {A::ToolEllipse,     C::Editor,       GLFW_KEY_E,         0,                  false, false, "E",          "keys.tool_ellipse"},
    {A::ToolPolygon,     C::Editor,       GLFW_KEY_P,         0,                  false, false, "P",          "keys.tool_polygon"},
    {A::ToolBrush,       C::Editor,       GLFW_KEY_B,         0,                  false, false, "B",          "keys.tool_brush"},
    {A::ToolEraser,      C::Editor,       GLFW_KEY_X,         0,                  false, false, "X",          "keys.tool_eraser"},
    {A::ClosePolygon,    C::Editor,       GLFW_KEY_ENTER,     GLFW_KEY_KP_ENTER,  false, false, "keyname.enter", "keys.close_polygon"},
    {A::ShowOriginal,    C::Post,         GLFW_KEY_SPACE,     0,                  false, false, "keyname.space", "keys.show_original"},
    {A::ZoomIn,          C::Post,         GLFW_KEY_EQUAL,     GLFW_KEY_KP_ADD,    false, false, "+",          "keys.zoom_in"},
    {A::ZoomOut,         C::Post,         GLFW_KEY_MINUS,     GLFW_KEY_KP_SUBTRACT, false, false, "-",        "keys.zoom_out"},
    {A::ZoomFit,         C::Post,         GLFW_KEY_F,         0,                  false, false, "F",          "keys.zoom_fit"},
    {A::ZoomOneToOne,    C::Post,         GLFW_KEY_1,         GLFW_KEY_KP_1,      false, false, "1",          "keys.zoom_1to1"},
    {A::NextImage,       C::Post,         GLFW_KEY_PAGE_DOWN, 0,                  true,  false, "keyname.next_image",     "keys.next_image"},
    {A::PreviousImage,   C::Post,         GLFW_KEY_PAGE_UP,   0,                  true,  false, "keyname.previous_image", "keys.previous_image"},
    {A::History,         C::Everywhere,   GLFW_KEY_H,         0,                  true,  false, "Ctrl+H",     "keys.history"},
    {A::Statistics,      C::Everywhere,   GLFW_KEY_T,         0,                  true,  false, "Ctrl+T",     "keys.statistics"},
    {A::Settings,        C::Everywhere,   GLFW_KEY_COMMA,     0,                  true,  false, "Ctrl+,",     "keys.settings"},
    {A::HighContrast,    C::Everywhere,   GLFW_KEY_F6,        0,                  false, false, "F6",         "keys.high_contrast"},
    {A::ToggleQueuePanel, C::Everywhere,  GLFW_KEY_F7,        0,                  false, false, "F7",         "keys.toggle_queue_panel"},
    {A::ToggleSidePanel, C::Everywhere,   GLFW_KEY_F8,        0,                  false, false, "F8",         "keys.toggle_side_panel"},
    {A::Quit,            C::Everywhere,   GLFW_KEY_Q,         0,                  true,  false, "Ctrl+Q",     "keys.quit"},
  };
  // clang-format on
  return table;
}

const Shortcut& shortcut(Action action) {
  for (const auto& s : shortcuts())
    if (s.action == action) return s;
  throw std::logic_error("shortcut table: missing action");
}

const char* keyLabel(Action action) {
  const char* label = shortcut(action).label;
  return std::string_view(label).starts_with("keyname.") ? tr(label) : label;
}

std::string withKey(const char* text, Action action) { return std::string(text) + " (" + keyLabel(action) + ")"; }

bool pressed(Action action, bool repeat) {
  const Shortcut& s = shortcut(action);
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || s.key == 0 || io.KeyCtrl != s.ctrl || io.KeyShift != s.shift) return false;
  return ImGui::IsKeyPressed(s.key, repeat) || (s.altKey != 0 && ImGui::IsKeyPressed(s.altKey, repeat));
}

void shortcutTooltip(Action action) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s (%s)", tr(shortcut(action).description), keyLabel(action));
}

namespace {
bool gSpaceHeld = false;  // the ShowOriginal key, taken from ImGui's input before the frame
}

void takeReservedKeys(bool keysDown[], int count) {
  const int key = shortcut(Action::ShowOriginal).key;
  if (key < 0 || key >= count) return;
  gSpaceHeld = keysDown[key];
  keysDown[key] = false;  // typing a space in a text field goes through the character queue, not this array
}

bool held(Action action) {
  if (action != Action::ShowOriginal || ImGui::GetIO().WantTextInput) return false;
  return gSpaceHeld;
}

const char* contextKey(KeyContext context) {
  switch (context) {
    case KeyContext::Everywhere: return "keys.context.everywhere";
    case KeyContext::Queue: return "keys.context.queue";
    case KeyContext::Post: return "keys.context.post";
    case KeyContext::Editor: return "keys.context.editor";
    case KeyContext::Registration: return "keys.context.registration";
    case KeyContext::RejectForm: return "keys.context.reject_form";
  }
  return "";
}

}  // namespace medpics::desk
