// The one table of keyboard shortcuts: it drives the key handling, the help overlay, the menus and the tooltips.
#pragma once
#include <string>
#include <vector>

namespace medpics::desk {

// clang-format off
enum class Action {
  Help, NextItem, PreviousItem, Refresh, TabPosts, TabRegistrations,
  Approve, Reject, OverrideReason, RejectReason, ConfirmReject, Cancel, ApplySuggestion, RequestInfo,
  NextFinding, PreviousFinding, ToggleFinding, NewRegion, DeleteRegion, CycleStyle, DuplicateRegion,
  Nudge, NudgeFar, Resize, Undo, Redo,
  ToolSelect, ToolRect, ToolEllipse, ToolPolygon, ToolBrush, ToolEraser, ClosePolygon,
  ShowOriginal, ZoomIn, ZoomOut, ZoomFit, ZoomOneToOne, NextImage, PreviousImage,
  History, Statistics, Settings, HighContrast, ToggleQueuePanel, ToggleSidePanel, Quit,
};
// clang-format on

// Where a shortcut works (catalogue key "keys.context.<context>").
enum class KeyContext { Everywhere, Queue, Post, Editor, Registration, RejectForm };

struct Shortcut {
  Action action;
  KeyContext context;
  int key;     // GLFW key code (0: not a single key, e.g. "1–7" or arrows, handled by the view)
  int altKey;  // a second key with the same meaning (keypad), 0 if none
  bool ctrl;
  bool shift;
  const char* label;        // how the key is written, e.g. "Ctrl+Z", or a catalogue key "keyname.…"
  const char* description;  // catalogue key of what it does
};

const std::vector<Shortcut>& shortcuts();
const Shortcut& shortcut(Action action);
// The key label of an action, e.g. "A", "Ctrl+Z" (for menus and tooltips).
const char* keyLabel(Action action);
// "Text (key)" for a button or menu label: the key always comes from the table.
std::string withKey(const char* text, Action action);
// Pressed this frame (no text field has the keyboard, modifiers match). repeat: auto-repeat counts.
bool pressed(Action action, bool repeat = false);
// Tooltip "description (key)" of the last item when hovered (also when disabled).
void shortcutTooltip(Action action);
const char* contextKey(KeyContext context);

// Before each ImGui frame: the keys the desk keeps for itself are taken out of ImGui's input, so that its keyboard
// navigation never reads them (Space held to show the original would also "activate" the focused list entry).
void takeReservedKeys(bool keysDown[], int count);
// A reserved key held down this frame (ShowOriginal), unless a text field has the keyboard.
bool held(Action action);

}  // namespace medpics::desk
