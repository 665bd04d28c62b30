// The open item's state machine and its one decision rule (desk controller), without a window or a server.
#include "controller/item_state.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace medpics::desk;

namespace {
std::string why(const ItemState& s, DecisionKind kind, bool offline = false) { return s.blockedReason(kind, offline); }
}  // namespace

TEST_CASE("item state: an item opened after its claim goes claimed, analysing, reviewing, publishing, sent",
          "[item-state]") {
  ItemState s(true);
  CHECK(s.phase() == ItemPhase::Claimed);
  s.setContent({.loading = true});
  CHECK(s.phase() == ItemPhase::Claimed);
  CHECK(why(s, DecisionKind::Publish) == "blocked.loading");
  CHECK(why(s, DecisionKind::Other) == "blocked.loading");  // a rejection needs the images shown
  s.setContent({.analysing = true});
  CHECK(s.phase() == ItemPhase::Analysing);
  CHECK(why(s, DecisionKind::Publish) == "blocked.analysing");
  CHECK(s.canDecide(DecisionKind::Other, false));  // nothing is published: no need to wait for the detectors
  s.setContent({});
  CHECK(s.phase() == ItemPhase::Reviewing);
  CHECK(s.canDecide(DecisionKind::Publish, false));
  s.publishing();
  CHECK(s.phase() == ItemPhase::Publishing);
  CHECK(s.sending());
  CHECK(why(s, DecisionKind::Publish) == "blocked.sending");
  CHECK(why(s, DecisionKind::Other) == "blocked.sending");
  s.publishingEnded();  // the residual check objected: back to the review
  CHECK(s.phase() == ItemPhase::Reviewing);
  s.publishing();
  s.decided();
  CHECK(s.phase() == ItemPhase::Sent);
  CHECK(s.final());
  s.setContent({.analysing = true});  // a late event changes nothing on a finished item
  s.publishingEnded();
  s.loseLease();
  CHECK(s.phase() == ItemPhase::Sent);
  CHECK_FALSE(s.canDecide(DecisionKind::Other, true));
}

TEST_CASE("item state: shown from the prefetch cache, decided only once claimed unless offline", "[item-state]") {
  ItemState s(false);
  s.setContent({.captionPending = true});
  CHECK(s.phase() == ItemPhase::Loading);
  CHECK(why(s, DecisionKind::Other) == "blocked.claiming");
  CHECK(why(s, DecisionKind::Publish, true) == "blocked.caption");  // offline: the caption still has to be checked
  CHECK(why(s, DecisionKind::Other, true).empty());
  s.setContent({});
  CHECK(s.phase() == ItemPhase::Loading);  // the content is ready, the lease is not
  CHECK(s.canDecide(DecisionKind::Publish, true));
  CHECK_FALSE(s.canDecide(DecisionKind::Publish, false));
  s.leaseClaimed();
  CHECK(s.phase() == ItemPhase::Reviewing);
  CHECK(s.leaseHeld());
  CHECK(s.canDecide(DecisionKind::Publish, false));
}

TEST_CASE("item state: a refused claim or a lost lease ends the item, an unusable image blocks only publishing",
          "[item-state]") {
  ItemState refused(false);
  refused.claimFailed();
  CHECK(refused.phase() == ItemPhase::Failed);
  refused.leaseClaimed();  // a late answer does not revive it
  CHECK(refused.phase() == ItemPhase::Failed);
  CHECK(why(refused, DecisionKind::Other, true) == "blocked.lease_lost");

  ItemState lost(true);
  lost.setContent({});
  lost.loseLease();
  CHECK(lost.phase() == ItemPhase::LeaseLost);
  lost.publishing();
  CHECK(lost.phase() == ItemPhase::LeaseLost);
  CHECK(why(lost, DecisionKind::Publish) == "blocked.lease_lost");
  lost.decided();
  CHECK(lost.phase() == ItemPhase::LeaseLost);

  ItemState broken(true);
  broken.setContent({.unusable = true});
  CHECK(broken.phase() == ItemPhase::Reviewing);
  CHECK(why(broken, DecisionKind::Publish) == "blocked.analysing");
  CHECK(broken.canDecide(DecisionKind::Other, false));
  CHECK(std::string(phaseName(ItemPhase::LeaseLost)) == "lease lost");
}
