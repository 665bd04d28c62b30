// Icons of the desk: Fork Awesome code points (Debian fonts-fork-awesome, merged into the UI font by fonts.cpp).
#pragma once

namespace medpics::desk::icon {

inline constexpr const char* kSelect = "\xef\x89\x85";     // U+F245 mouse-pointer
inline constexpr const char* kRectangle = "\xef\x82\x96";  // U+F096 square-o
inline constexpr const char* kEllipse = "\xef\x84\x8c";    // U+F10C circle-o
inline constexpr const char* kPolygon = "\xef\x89\x87";    // U+F247 object-group
inline constexpr const char* kBrush = "\xef\x87\xbc";      // U+F1FC paint-brush
inline constexpr const char* kEraser = "\xef\x84\xad";     // U+F12D eraser
inline constexpr const char* kApprove = "\xef\x80\x8c";    // U+F00C check
inline constexpr const char* kReject = "\xef\x80\x8d";     // U+F00D times
inline constexpr const char* kUndo = "\xef\x83\xa2";       // U+F0E2 undo
inline constexpr const char* kRedo = "\xef\x80\x9e";       // U+F01E repeat
inline constexpr const char* kPreview = "\xef\x81\xae";    // U+F06E eye
inline constexpr const char* kLoupe = "\xef\x80\x8e";      // U+F00E search-plus
inline constexpr const char* kFoldLeft = "\xef\x84\x80";   // U+F100 angle-double-left
inline constexpr const char* kFoldRight = "\xef\x84\x81";  // U+F101 angle-double-right
inline constexpr const char* kRefresh = "\xef\x80\xa1";    // U+F021 refresh
inline constexpr const char* kWarning = "\xef\x81\xb1";    // U+F071 exclamation-triangle
inline constexpr const char* kOffline = "\xef\x84\xa7";    // U+F127 chain-broken
inline constexpr const char* kImage = "\xef\x80\xbe";      // U+F03E picture-o
inline constexpr const char* kDismiss = "\xef\x81\xb0";    // U+F070 eye-slash
inline constexpr const char* kDuplicate = "\xef\x83\x85";  // U+F0C5 files-o
inline constexpr const char* kDelete = "\xef\x87\xb8";     // U+F1F8 trash

// The range of code points the font atlas loads from the icon font.
inline constexpr unsigned short kFirst = 0xF000, kLast = 0xF372;

}  // namespace medpics::desk::icon
