// Drawing functions of the desk's screens; each reads and acts on the Desk.
#pragma once
struct GLFWwindow;

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
// Prefetch progress and decision outbox states, under the queue.
void drawPipelinePanel(Desk& desk);
float pipelinePanelHeight();
// Image with zoom about the cursor (wheel, +/-), pan (drag), fit (F) and 1:1 (1); rotation in quarter turns.
void drawImageCanvas(LoadedImage& image, const char* id, float height, int rotation = 0);
}  // namespace medpics::desk
