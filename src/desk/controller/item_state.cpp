// ItemState: transitions of the open item and the decision rule (desk controller, no GL).
#include "controller/item_state.hpp"

namespace medpics::desk {

const char* phaseName(ItemPhase phase) {
  switch (phase) {
    case ItemPhase::Loading: return "loading";
    case ItemPhase::Claimed: return "claimed";
    case ItemPhase::Analysing: return "analysing";
    case ItemPhase::Reviewing: return "reviewing";
    case ItemPhase::Publishing: return "publishing";
    case ItemPhase::Sent: return "sent";
    case ItemPhase::LeaseLost: return "lease lost";
    case ItemPhase::Failed: return "failed";
  }
  return "?";
}

bool ItemState::final() const {
  return phase_ == ItemPhase::Sent || phase_ == ItemPhase::LeaseLost || phase_ == ItemPhase::Failed;
}

ItemPhase ItemState::contentPhase() const {
  if (!leaseHeld_) return ItemPhase::Loading;
  if (content_.loading) return ItemPhase::Claimed;
  if (content_.analysing || content_.captionPending) return ItemPhase::Analysing;
  return ItemPhase::Reviewing;
}

void ItemState::setContent(const ItemContent& content) {
  content_ = content;
  if (phase_ == ItemPhase::Loading || phase_ == ItemPhase::Claimed || phase_ == ItemPhase::Analysing ||
      phase_ == ItemPhase::Reviewing)
    phase_ = contentPhase();
}

void ItemState::leaseClaimed() {
  leaseHeld_ = true;  // also while publishing offline: the decision then goes with the lease it has
  if (phase_ == ItemPhase::Loading) phase_ = contentPhase();
}

void ItemState::claimFailed() {
  if (phase_ == ItemPhase::Loading) phase_ = ItemPhase::Failed;
}

void ItemState::publishing() {
  if (!final()) phase_ = ItemPhase::Publishing;
}

void ItemState::publishingEnded() {
  if (phase_ == ItemPhase::Publishing) phase_ = contentPhase();
}

void ItemState::decided() {
  if (phase_ != ItemPhase::LeaseLost && phase_ != ItemPhase::Failed) phase_ = ItemPhase::Sent;
}

bool ItemState::sending() const { return phase_ == ItemPhase::Publishing || phase_ == ItemPhase::Sent; }

void ItemState::loseLease() {
  if (phase_ != ItemPhase::Sent) phase_ = ItemPhase::LeaseLost;
}

const char* ItemState::blockedReason(DecisionKind kind, bool offline) const {
  switch (phase_) {
    case ItemPhase::Publishing:
    case ItemPhase::Sent: return "blocked.sending";
    case ItemPhase::LeaseLost:
    case ItemPhase::Failed: return "blocked.lease_lost";
    case ItemPhase::Loading:
      if (!offline) return "blocked.claiming";
      break;
    default: break;
  }
  if (content_.loading) return "blocked.loading";
  if (kind == DecisionKind::Publish && content_.unusable) return "blocked.analysing";
  if (kind == DecisionKind::Publish && content_.analysing) return "blocked.analysing";
  if (kind == DecisionKind::Publish && content_.captionPending) return "blocked.caption";
  return "";
}

}  // namespace medpics::desk
