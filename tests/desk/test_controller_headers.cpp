// The desk controller (Desk, its task system and the open item's state machine) reaches no ImGui, GL or GLFW header
// and holds no view state (editor, side windows, pan / zoom, decision form): checked when this file compiles; its
// state is driven here without a window.
#include "controller/item_state.hpp"
#include "desk.hpp"
#include "window_data.hpp"
#include "task_manager.hpp"

#if defined(IMGUI_VERSION) || defined(GLAD_GL_H_) || defined(GLFW_VERSION_MAJOR) || defined(__gl_h_)
#error "a desk controller header includes ImGui, GLFW or OpenGL: GL objects belong to the view (views/desk_view.hpp)"
#endif

#include <catch2/catch.hpp>

#include <type_traits>

using namespace medpics;

namespace {
// The region editor's state, the side windows' flags, the decision form, an image's pan / zoom and the masks the
// final review has shown belong to the view (views/desk_view.hpp), not the controller.
// clang-format off
template <class T>
concept PostHoldsViewState = requires(T& t) { t.editor; } || requires(T& t) { t.focusOverride; };
template <class T>
concept DeskHoldsViewState = requires(T& t) { t.panels; } || requires(T& t) { t.reject; };
template <class T>
concept ImageHoldsViewState =
    requires(T& t) { t.view; } || requires(T& t) { t.viewInitialised; } || requires(T& t) { t.visitedMasks; };
// clang-format on
static_assert(!PostHoldsViewState<desk::OpenPost>, "the editor state is the view's: DeskView::editor(post)");
static_assert(!DeskHoldsViewState<desk::Desk>, "side windows and decision form: DeskView::panels, rejectForm");
static_assert(!ImageHoldsViewState<desk::LoadedImage>, "pan / zoom and masks visited: viewOf(image)");
}  // namespace

TEST_CASE("desk controller: an image holds pixels and CPU tiles, no texture, a post holds one state", "[item-state]") {
  api::ImageRef ref;
  ref.id = "i";
  desk::LoadedImage image(ref);
  auto bgr = std::make_shared<cv::Mat>(40, 60, CV_8UC3, cv::Scalar(1, 2, 3));
  image.show(bgr, desk::makeTiles(*bgr, 32));
  REQUIRE(image.display);
  CHECK(image.display->tiles.size() == 4);  // 60×40 in tiles of at most 32: 2 × 2, waiting for the view to upload
  CHECK(image.status == desk::LoadedImage::Status::Ready);
  CHECK(std::is_copy_constructible_v<desk::LoadedImage>);  // no GL handle inside: copies share the display
  desk::OpenPost post;
  CHECK(post.state.phase() == desk::ItemPhase::Claimed);
  const desk::OpenPost again;
  CHECK(again.opening != post.opening);  // each opening is new: the view's editor state starts fresh
  const desk::OpenRegistration registration;
  CHECK(registration.opening != again.opening);  // and its decision form starts closed
  post.images.push_back(image);
  CHECK(post.images.back().display == image.display);
}
