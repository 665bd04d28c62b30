// Drawing functions of the desk's screens; each reads and acts on the Desk.
#pragma once
#include <string>

struct GLFWwindow;
struct ImVec4;

namespace medpics::desk {
class Desk;
struct LoadedImage;

void drawDesk(Desk& desk, GLFWwindow* window);  // the whole screen
void drawLogin(Desk& desk);
void drawMenuBar(Desk& desk, GLFWwindow* window);
void drawQueue(Desk& desk);
void drawPost(Desk& desk);
void drawRegistration(Desk& desk);
void drawNotifications(Desk& desk);
void drawHelpOverlay(Desk& desk);  // F1 / ?: every shortcut of the table
void drawHistory(Desk& desk);      // today's decisions, published thumbnails, evidence
void drawStatistics(Desk& desk);   // queue, decisions per hour, regions per kind
void drawSettings(Desk& desk);
void handleGlobalKeys(Desk& desk, GLFWwindow* window);
void openAdjacent(Desk& desk, int step);  // next (+1) / previous (-1) item of the queue
// A progress bar of a measured fraction; an animated bar while the amount of work is unknown.
void progressBar(float fraction, const char* label, float width = -1.0f);
void busyBar(const char* label, float width = -1.0f);
// Text in the room left on the line; shortened with "…" and shown whole in a tooltip when it does not fit.
void fittedText(const ImVec4& colour, const std::string& text);
// A disabled action says why (catalogue key; nothing when empty): as the last item's tooltip, shown over it even
// while it is disabled, and as a status line in the colour of the post view's blocked reasons.
void whyDisabled(const char* reasonKey);
void disabledStatus(const char* reasonKey);
// Prefetch progress and decision outbox states, under the queue.
void drawPipelinePanel(Desk& desk);
float pipelinePanelHeight();
// Image with zoom about the cursor (wheel, +/-), pan (drag), fit (F) and 1:1 (1); rotation in quarter turns.
// keyboard: the zoom keys work without the pointer over the canvas (zooming about its centre).
// Side panels: fold / show (F7, F8, the strip's button), and the bar between two panels that resizes one
// (drag; double-click folds). width grows when dragged to the right if growsRight, else to the left.
void toggleQueuePanel(Desk& desk);
void toggleSidePanel(Desk& desk);
bool panelSplitter(const char* id, float height, float& width, bool growsRight);
// A folded panel: a strip with the button that shows it again; true when pressed.
bool foldedStrip(const char* id, const char* arrow, const char* tooltip, float height);
// The queue (queue = true) or the side panel folded: its strip, its key in the tooltip; a click shows it again.
void foldedPanel(Desk& desk, bool queue, const char* id, const char* arrow, float height);
// The bar beside the queue or the side panel: a drag resizes it (kept in the settings), a double-click folds it.
void panelBar(Desk& desk, bool queue, float height, bool growsRight);
// Size (style.hpp, logical pixels) and centre of the next side window, kept inside the desk's window.
void placeWindow(float width, float height, int condition);
void drawImageCanvas(LoadedImage& image, const char* id, float height, int rotation = 0, bool keyboard = false);
}  // namespace medpics::desk
