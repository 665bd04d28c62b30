// The desk's look in one place: the UI font and its sizes, the spacing scale, the named sizes of the views and the
// colours (the per-kind legend, states), in logical pixels times the UI scale. Views use these names, not numbers.
#pragma once
#include <imgui.h>

#include <string>

namespace medpics::desk::style {

// ---- type: one UI font (DejaVu Sans, fonts.cpp) at one size, the icon font merged into it ----
inline constexpr float kFontSize = 17;     // every text of the desk
inline constexpr float kIconSize = 15;     // tool and action icons, inline with the text
inline constexpr float kIconAdvance = 17;  // icons of one width: rows of tool buttons line up
inline constexpr float kIconRaise = 1;     // icons sit on the text's baseline

// ---- spacing scale: every padding and gap of the desk is one of these ----
inline constexpr float kSpaceXs = 2;   // a frame's outline to its content (thumbnails)
inline constexpr float kSpaceS = 4;    // inside a control: its text to its frame, a check box to its label
inline constexpr float kSpaceM = 6;    // between lines: list rows, a control and the next line; the splitters
inline constexpr float kSpaceL = 8;    // between controls on a line, around a panel's content, window margins
inline constexpr float kSpaceXl = 12;  // between groups on a line (filmstrip thumbnails)
inline constexpr float kRoundControl = 4, kRoundPanel = 6;  // corner radii of controls / of panels and pop-ups

// ---- named sizes (logical pixels) ----
inline constexpr float kDecisionButtonHeight = 36;   // approve / reject / request information
inline constexpr float kDecisionButtonWide = 260;    // the primary decision (approve), in the post view
inline constexpr float kDecisionButtonMedium = 240;  // registrations: validate, request information
inline constexpr float kDecisionButtonNarrow = 160;  // reject
inline constexpr float kDecisionRow = 50;            // the decision buttons' row under an item
inline constexpr float kDecisionForm = 230;          // the decision row with the reason form open
inline constexpr float kProgressWidth = 320;         // an item's progress bar on the decision row
inline constexpr float kOverrideFieldWidth = 420;    // the residual override reason (at most 45 % of the row)
inline constexpr float kFilmstripHeight = 110;       // the final review's filmstrip under the canvas
inline constexpr float kLoupeSide = 320;             // the final review's 1:1 loupe, at most
inline constexpr float kStatusLine = 24;             // the canvas's status line (zoom, size) under the image
inline constexpr float kHandle = 5;                  // half side of a region's resize handle on the canvas
inline constexpr float kLegendSwatch = 10;           // a kind's colour in the regions panel's legend
inline constexpr float kRegionListReserve = 190;     // under the regions list: metadata, selection, undo / redo
inline constexpr float kSmallButton = 100;           // refresh, start / cancel an import
inline constexpr float kFieldWidth = 260;            // a settings field (combo, slider)
inline constexpr float kQueueRow = 40;               // a queue entry (two lines)
inline constexpr float kOutboxState = 90;            // the outbox list's state column
inline constexpr float kMessageHeight = 60;          // the message to the author / applicant in the decision form
inline constexpr float kKeyColumn = 190;             // the help overlay's keys
inline constexpr float kClaimColumn = 110;           // a registration's claim names (Profession, N° RPPS…)
inline constexpr float kStatColumn = 300;            // the statistics' names
inline constexpr float kHistogramHeight = 140;       // decisions per hour
inline constexpr float kDetailButtons = 40;          // under a notification's detail: its buttons' row
inline constexpr float kHistoryList = 560;           // the history window's list of decisions
inline constexpr float kHistoryThumb = 60;           // a decision's published thumbnail in that list
inline constexpr float kNotificationWidth = 340;     // a notification toast when no side panel gives its width
inline constexpr float kPipelinePanel = 330;         // prefetch and outbox states under the queue
// Side windows, when they first open (centred, never larger than the window).
struct Size {
  float w, h;
};
inline constexpr Size kHistoryWindow{1100, 700}, kStatisticsWindow{640, 720}, kSettingsWindow{620, 680};
inline constexpr Size kDetailWindow{640, 320};  // a notification's technical detail
inline constexpr Size kLoginPanel{520, 330};    // the sign-in form
inline constexpr float kHelpWidth = 760;        // the shortcut overlay (85 % of the window's height)

void setScale(float scale);  // the UI scale (setting × the monitor's content scale), set with the theme
float scale();
inline float px(float logical) { return logical * scale(); }  // logical pixels on screen
inline ImVec2 px(float x, float y) { return ImVec2(px(x), px(y)); }

// ---- colours: the per-kind legend and the states, the same in the default and high-contrast themes ----
namespace colour {
// The legend of regions, on the canvas, in the regions list and its legend, and for PHI found in a caption.
inline constexpr ImU32 kText = IM_COL32(255, 150, 40, 255);        // orange: text (names, dates, numbers…)
inline constexpr ImU32 kFace = IM_COL32(255, 80, 200, 255);        // pink: faces
inline constexpr ImU32 kCode = IM_COL32(80, 210, 255, 255);        // blue: bar codes and QR codes
inline constexpr ImU32 kMark = IM_COL32(255, 230, 60, 255);        // yellow: tattoos and marks
inline constexpr ImU32 kOwn = IM_COL32(80, 220, 120, 255);         // green: the moderator's own regions
inline constexpr ImU32 kDismissed = IM_COL32(170, 170, 170, 255);  // grey: dismissed findings
ImU32 legend(const std::string& kind);  // "face", "text", "barcode", "tattoo", "manual"; text for any other kind
ImU32 region(const std::string& kind, bool manual, bool dismissed);  // a region's: grey dismissed, green own

// States of the workflow, as text.
inline const ImVec4 kError{1.0f, 0.47f, 0.4f, 1};      // failures, lease lost, the residual check's objection
inline const ImVec4 kWarning{1.0f, 0.78f, 0.35f, 1};   // blocked actions, waiting, offline, weak masks
inline const ImVec4 kSuccess{0.47f, 0.87f, 0.55f, 1};  // sent, checks passed, every mask seen
inline const ImVec4 kAccent{0.55f, 0.82f, 1.0f, 1};    // the final review: its keys, the loupe, the current image
inline ImVec4 vec(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// Surfaces drawn by hand.
inline constexpr ImU32 kCanvas = IM_COL32(24, 26, 28, 255);         // behind an image
inline constexpr ImU32 kThumbnail = IM_COL32(20, 20, 20, 255);      // behind a thumbnail
inline constexpr ImU32 kShade = IM_COL32(0, 0, 0, 180);             // under text drawn over an image
inline constexpr ImU32 kOnShade = IM_COL32(235, 235, 235, 255);     // that text
inline constexpr ImU32 kOutline = IM_COL32(0, 0, 0, 200);           // dark edge that keeps a line visible on any image
inline constexpr ImU32 kHandleFill = IM_COL32(255, 255, 255, 255);  // resize handles
inline constexpr ImU32 kFrame = IM_COL32(90, 90, 90, 255);          // an unselected thumbnail's frame
inline constexpr ImU32 kPixelGrid = IM_COL32(0, 0, 0, 70);          // the pixel grid from 8× zoom
inline constexpr ImU32 kSolidMask = IM_COL32(0, 0, 0, 255);         // a solid mask, as it is burnt in
inline constexpr ImU32 kAccentLine = IM_COL32(140, 210, 255, 255);  // kAccent, for lines
inline constexpr ImU32 kHighlight = IM_COL32(255, 210, 60, 255);    // what a clicked line points at (proof text)
}  // namespace colour

}  // namespace medpics::desk::style
