// The open item's life cycle as one state machine (loading → claimed → analysing → reviewing → publishing → sent /
// lease lost / failed) and the one rule for when a decision is allowed. No ImGui, no GL: unit-tested without a window.
#pragma once

namespace medpics::desk {

enum class ItemPhase {
  Loading,     // shown (e.g. from the prefetch cache) while its lease is being claimed
  Claimed,     // the lease is held; images still downloading or decoding
  Analysing,   // every image shown; detectors or the caption classifier still running
  Reviewing,   // everything ready: the moderator edits and decides
  Publishing,  // the first decision key was accepted: masks burnt in, residual check, journal
  Sent,        // the decision is journalled (the outbox sends it): no other decision on this item (final)
  LeaseLost,   // the lease could not be renewed: nothing is sent for it (final)
  Failed,      // the item could not be claimed (taken or decided by someone else meanwhile) (final)
};
const char* phaseName(ItemPhase phase);

// What the item's content is doing, derived by the controller from its images and caption.
struct ItemContent {
  bool loading = false;         // an image (proof) is still downloading or decoding
  bool analysing = false;       // an image's analysis is running
  bool captionPending = false;  // the caption classifier is running (posts opened from the prefetch cache)
  bool unusable = false;        // an image could not be decoded: nothing can be published (a rejection still can)
};

// Approve publishes masked images (everything must be ready and analysed); every other decision (reject, request
// information, a registration's approval) publishes nothing and only needs the item shown.
enum class DecisionKind { Publish, Other };

class ItemState {
 public:
  // leaseHeld false: shown before its lease is claimed (Loading); true: opened after its claim (Claimed).
  explicit ItemState(bool leaseHeld = true)
      : leaseHeld_(leaseHeld), phase_(leaseHeld ? ItemPhase::Claimed : ItemPhase::Loading) {}

  ItemPhase phase() const { return phase_; }
  bool leaseHeld() const { return leaseHeld_; }
  const ItemContent& content() const { return content_; }
  bool final() const;    // Sent, LeaseLost or Failed
  bool sending() const;  // Publishing or Sent: the decision is on its way

  // Transitions. Each is ignored from a state it does not apply to (a late event for a finished item).
  void setContent(const ItemContent& content);  // Claimed ⇄ Analysing ⇄ Reviewing as the content progresses
  void leaseClaimed();                          // Loading → the content's phase
  void claimFailed();                           // Loading → Failed
  void publishing();                            // → Publishing (the check and the journal run)
  void publishingEnded();                       // the check objected or failed: back to the content's phase
  void decided();                               // → Sent
  void loseLease();                             // → LeaseLost

  // Why a decision of this kind cannot be taken now, as a catalogue key ("blocked.*"); "" when it can. Offline, an
  // item whose lease is still to be claimed is decided all the same (the outbox claims it before sending).
  const char* blockedReason(DecisionKind kind, bool offline) const;
  bool canDecide(DecisionKind kind, bool offline) const { return !*blockedReason(kind, offline); }

 private:
  ItemPhase contentPhase() const;  // Claimed, Analysing or Reviewing (or Loading while the lease is not held)
  bool leaseHeld_;
  ItemPhase phase_;
  ItemContent content_;
};

}  // namespace medpics::desk
