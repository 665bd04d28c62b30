// The view layer's per-item and per-image state (decision form, pan / zoom, masks visited) starts fresh exactly when
// the controller's item or image is new, as when that state lived in the controller; checked without a window.
#include "desk.hpp"
#include "views/desk_view.hpp"

#include <catch2/catch.hpp>

#include <memory>

using namespace medpics;

namespace {
desk::LoadedImage shownImage() {
  desk::LoadedImage image(api::ImageRef{});
  auto bgr = std::make_shared<cv::Mat>(40, 60, CV_8UC3, cv::Scalar(1, 2, 3));
  image.show(bgr, desk::makeTiles(*bgr, 64));
  return image;
}
}  // namespace

TEST_CASE("view state: the decision form belongs to one opening of the open item", "[view-state]") {
  desk::DeskView view;
  const desk::OpenPost post;
  desk::RejectForm& form = view.rejectForm(post.opening);
  form.open = true;
  form.reason = 2;
  form.message = "Doublon";
  CHECK(view.rejectForm(post.opening).open);  // the same opening: kept from frame to frame
  CHECK(view.rejectForm(post.opening).message == "Doublon");
  const desk::OpenRegistration next;  // another item opened: the form is closed and empty
  CHECK_FALSE(view.rejectForm(next.opening).open);
  CHECK(view.rejectForm(next.opening).reason == 0);
  CHECK(view.rejectForm(next.opening).message.empty());
  view.rejectForm(next.opening).open = true;
  CHECK_FALSE(view.rejectForm(0).open);  // no item open: closed
}

TEST_CASE("view state: an image's pan / zoom and masks visited live as long as the image", "[view-state]") {
  desk::DeskView view;
  desk::setDeskView(&view);
  auto image = std::make_unique<desk::LoadedImage>(shownImage());
  desk::ImageViewState& state = desk::viewOf(*image);
  CHECK_FALSE(state.initialised);
  state.initialised = true;
  state.transform.setImageSize(60, 40);
  state.visitedMasks.insert(3);
  CHECK(&desk::viewOf(*image) == &state);  // the same image: the same state, frame after frame
  CHECK(desk::viewOf(*image).visitedMasks.count(3) == 1);

  const desk::LoadedImage again = shownImage();  // the same picture opened again: a new image, a fresh state
  CHECK_FALSE(desk::viewOf(again).initialised);
  CHECK(desk::viewOf(again).visitedMasks.empty());

  desk::LoadedImage loading(api::ImageRef{});  // not shown yet: a fresh state each time, kept nowhere
  desk::viewOf(loading).visitedMasks.insert(1);
  CHECK(desk::viewOf(loading).visitedMasks.empty());

  CHECK(view.imageViews.size() == 2);
  image.reset();  // the item closed: its images' view state goes at the next collect
  view.collect();
  CHECK(view.imageViews.size() == 1);
  desk::setDeskView(nullptr);
}
