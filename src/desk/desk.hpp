// The desk's state and actions (login, queues, open item, decisions), independent of how it is drawn.
#pragma once
#include "backend.hpp"
#include "controller/item_state.hpp"
#include "image_tiles.hpp"
#include "main_queue.hpp"
#include "publication_check.hpp"
#include "registration_checks.hpp"
#include "settings.hpp"
#include "window_data.hpp"

#include "medpics/api/types.hpp"
#include "medpics/detect/classify.hpp"
#include "medpics/detect/pipeline.hpp"
#include "medpics/mask/residual.hpp"
#include "medpics/review/region_document.hpp"
#include "medpics/work/decision_payload.hpp"
#include "medpics/work/outbox.hpp"
#include "medpics/work/outbox_sender.hpp"
#include "medpics/work/prefetcher.hpp"

#include <opencv2/core.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace medpics::desk {

enum class Tab { Posts, Registrations };
struct DecodedImage;

// One image (post image or proof document): downloaded, decoded in memory, shown by the view (which keeps its
// textures, masking preview state, layer cache, pan / zoom and the masks its final review has shown:
// views/desk_view.hpp).
struct LoadedImage {
  enum class Status { Loading, Ready, Failed };
  explicit LoadedImage(api::ImageRef r) : ref(std::move(r)) {}
  // Shows decoded pixels (UI thread): keeps them, hands the texture tiles to the view, starts an empty region
  // document and a fresh random mosaic seed.
  void show(std::shared_ptr<const cv::Mat> bgr, const std::vector<RgbaTile>& tiles);
  api::ImageRef ref;
  Status status = Status::Loading;
  std::string error;
  std::shared_ptr<const cv::Mat> pixels;     // BGR, full resolution, memory only
  std::shared_ptr<ImageDisplay> display;     // what the view uploads and draws; keys the image's GPU and view state
  review::RegionDocument regions;            // what will be masked on this image (posts)
  std::uint32_t maskSeed = 0;                // mosaic noise seed, shared by the preview and the burn-in
  std::shared_ptr<const std::string> bytes;  // original file (memory only), for the detectors
  enum class Analysis { Pending, Done, Failed } analysis = Analysis::Pending;
  std::string analysisError;
  std::vector<std::string> metadataFindings;  // EXIF / XMP / IPTC found (stripped on publication)
  double analysisMs = 0;
  // Regions the residual check's last objection added to `regions` (a fact of the item, like the regions: the view
  // derives its Tab order and its list filter from it).
  std::vector<int> newFindings;
};

// A number no earlier OpenPost or OpenRegistration had: the view keys its editor state and decision form by it (an
// item opened again is a new opening, with a fresh editor and a closed form).
std::uint64_t nextOpening();

struct OpenPost {
  std::uint64_t opening = nextOpening();
  api::PostDetail detail;
  api::Lease lease;
  ItemState state;  // loading → claimed → analysing → reviewing → publishing → sent / lease lost / failed
  std::vector<LoadedImage> images;
  int currentImage = 0;
  std::vector<detect::TextSpan> captionSpans;  // PHI found in the caption (UTF-8 byte offsets)
  std::vector<char> captionSpanMasked;         // per span: replaced by "[…]" on publication (default yes)
  std::vector<detect::TextSpan> maskedCaptionSpans() const;  // the spans ticked for masking
  int residualFindings = 0;    // PHI the residual check found outside the masks at the last approval attempt
  int objections = 0;          // times the residual check objected (the view leaves its final review on each)
  std::string overrideReason;  // the moderator's written reason to publish despite them
  PublicationCheck check;      // background residual check of what A, A would publish (desk_residual.cpp)
};

struct OpenRegistration {
  std::uint64_t opening = nextOpening();  // as OpenPost::opening (the view keys its decision form by it)
  api::RegistrationDetail detail;
  api::Lease lease;
  std::vector<LoadedImage> documents;
  int currentDocument = 0;
  int rotation = 0;  // quarter turns of the displayed document
  ItemState state;   // claimed → reviewing → publishing → sent / lease lost (no analysis, no publication)
  std::optional<RegistrationChecks> checks;  // automatic checks, once the proofs are decoded and read
};

struct Notification {
  bool error = false;
  std::string text, detail;
  double shownAt = 0;
  std::int64_t wallTime = 0;  // when it happened (seconds since the epoch)
  std::string item;           // the post or registration it is about: cleared when another item opens ("": any)
};

struct DeskOptions {
  std::string serverUrl;  // overrides the saved setting when not empty
  std::string username;   // idem
  std::string password;   // auto-login when not empty (demo and tests only; never stored)
  std::filesystem::path settingsPath = Settings::defaultPath();
  std::string language;           // "fr" | "en", overrides the setting
  std::filesystem::path dataDir;  // decision journal (outbox-<user>.db); empty: the settings file's folder
  std::string caBundle;           // CA bundle for HTTPS, overrides the setting
};

class Desk {
 public:
  Desk(MainQueue& ui, DeskOptions options);
  ~Desk();

  // ---- state read by the views ----
  Settings settings;
  std::string loginUrl, loginUser, loginPassword;
  bool loggingIn = false;
  std::optional<api::Session> session;
  Tab tab = Tab::Posts;
  std::vector<api::PostSummary> posts;
  std::vector<api::RegistrationSummary> registrations;
  int postsTotal = 0, registrationsTotal = 0;
  bool loadingQueue = false;
  std::optional<OpenPost> post;
  std::optional<OpenRegistration> registration;
  std::deque<Notification> notifications;
  int decisionsSent = 0;
  std::vector<api::Decision> recentDecisions;  // this session, newest last
  HistoryState history;
  StatsState stats;
  DirectoryImportState directoryImport;
  Backend& backend() { return backend_; }
  double now() const { return now_; }
  // ---- background pipeline: the decision outbox and the prefetch of the next posts ----
  int decisionsQueued = 0;                       // journalled this session (decisionsSent: acknowledged)
  std::vector<work::OutboxEntry> outboxEntries;  // newest first, refreshed when the sender reports
  work::OutboxCounts outboxCounts;
  std::vector<work::PrefetchProgress> prefetchProgress;  // upcoming posts, nearest first (refreshed each frame)
  std::size_t prefetchMemory = 0;
  bool openedFromPrefetch = false;  // the open post came ready from the prefetch cache
  // ---- connection state (desk_connection.cpp) ----
  bool offline = false;       // the last platform call could not reach it (decisions wait in the outbox)
  std::string offlineDetail;  // that failure's technical detail
  void onReachability(bool reachable, const std::string& detail);
  void probeConnection(bool now = false);  // asks the platform whether it answers (offline: every 2 s)

  // ---- actions (UI thread) ----
  void login();
  void logout();
  void resumeSession();  // signs in with the token remembered in the keyring, if any
  void refreshQueue();
  void openPost(const std::string& id);
  void openRegistration(const std::string& id);
  void approvePost();
  void rejectPost(const std::string& reasonCode, const std::string& message);
  void decideRegistration(const std::string& action, const std::string& reasonCode, const std::string& message,
                          const std::string& note = {});
  void openNext();                                           // the next pending item of the current tab
  void openNext(const std::vector<std::string>& preferred);  // the first of `preferred` available, else openNext()
  void closeCurrent();                                       // releases the lease
  void notify(bool error, std::string text, std::string detail = {});
  void notifyItem(bool error, std::string text, std::string detail = {});  // about the open item only
  void setLanguage(const std::string& code);
  void tick(double now);  // once per frame: lease renewal, notification expiry
  bool busy() const;      // background work in flight
  // The images of the post that opens next (the nearest upcoming one, once decoded): the view uploads their
  // textures ahead, a few megabytes per frame, so that the second A shows it without uploading anything.
  std::vector<DisplaySource> nextPostDisplays() const;
  // The one decision rule for the open item: why a decision of this kind cannot be taken now (a "blocked.*"
  // catalogue key), "" when it can (views grey the buttons and say why; the actions check it again).
  const char* blockedReason(DecisionKind kind) const;
  bool canDecide(DecisionKind kind) const { return !*blockedReason(kind); }
  void saveSettings();
  void applyPrefetchSettings();  // after settings.prefetchDepth / prefetchMemoryMiB changed
  const work::Outbox* outbox() const { return outbox_.get(); }

  static const std::vector<std::string>& postReasonCodes();
  static const std::vector<std::string>& registrationReasonCodes();
  static std::string defaultRejectMessage(const std::string& reasonCode);
  static const std::vector<std::string>& requestInfoReasonCodes();
  static std::string defaultRequestMessage(const std::string& reasonCode);  // to the applicant (French)

 private:
  void loadImages(std::vector<LoadedImage>& target, const std::string& ownerId, bool documents);
  void onImageLoaded(const std::string& ownerId, bool documents, std::size_t index, const DecodedImage* image,
                     std::string error);
  void onResidualObjection(const mask::ResidualCheck& residual);
  // Background residual check (desk_residual.cpp): started from tick() once the regions are still, reused by A, A.
  void updatePublicationCheck();
  void startPublicationCheck();
  void finishApproval();  // the check of the current regions is ready: journal the decision or show the objection
  void runChecks();
  void analyse(const std::string& postId, std::size_t index);
  void applyAnalysis(LoadedImage& img, const detect::AnalysisResult& result);
  // Decisions: journalled first (durable), then sent by the outbox sender; the next item opens at once.
  bool journal(work::DecisionDraft draft, work::MaskedImages masked);
  void afterDecisionQueued(const std::string& subjectType, const std::string& subjectId);
  void showNextAfterDecision(const std::string& subjectType, const std::string& subjectId);
  void openOutbox();
  void closeOutbox(std::chrono::milliseconds wait);
  void refreshOutbox();
  void onOutboxChange(const work::OutboxEntry& entry);
  void updatePrefetch();
  void refreshPrefetchProgress();  // UI thread: the prefetcher's stages and memory, after it reported
  void startPrefetcher();          // with the first session: the prefetcher and its pipeline
  bool openPrefetched(const std::string& id);
  void claimOpenPost();
  void syncItemState();  // the open item's content (images, analyses, caption) into its state machine
  void startSession(const api::Session& started);  // signed in: token to the workers, first queue load

  MainQueue& ui_;
  DeskOptions options_;
  double now_ = 0, lastRenew_ = 0;
  double claimRetryAt_ = 0;                     // a prefetched post's claim failed on the network: next attempt
  double probeAt_ = 0;                          // offline: next connection probe
  bool keyringMayHoldToken_ = false;            // "remember me" was on at start or at the last sign-in
  std::shared_ptr<detect::Pipeline> pipeline_;  // PHI detectors (thread-safe, own worker pool)
  std::shared_ptr<work::Outbox> outbox_;        // per user, opened at login
  std::unique_ptr<work::OutboxSender> sender_;
  std::unique_ptr<work::Prefetcher> prefetcher_;
  std::atomic<bool> prefetchReportPending_{false};  // a prefetch report is queued for the UI thread
  Backend backend_;                                 // last: its workers are joined before the state above goes away
};

// "<context>: <why>" from the catalogue for a failed platform call (the technical detail goes behind "Details").
std::string failureText(const char* contextKey, const api::ApiError& error);

}  // namespace medpics::desk
