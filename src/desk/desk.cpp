// Desk actions: every network call and decode runs on the Backend; results land here on the UI thread.
#include "desk.hpp"

#include "controller/finding_regions.hpp"

#include "remembered_session.hpp"

#include "i18n.hpp"
#include "image_loading.hpp"

#include "medpics/mask/caption.hpp"
#include "medpics/mask/publish.hpp"
#include "medpics/mask/residual.hpp"
#include "medpics/util/log.hpp"
#include "medpics/work/bounded.hpp"
#include "medpics/work/decision_codec.hpp"
#include "medpics/util/thread_priority.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <ctime>

namespace medpics::desk {
using api::Result;

namespace {
constexpr double kNoticeSeconds = 4.0;  // a success notice stays this long

// The open item's analysis runs at worker priority; the prefetch's own pipeline at background priority (SCHED_IDLE),
// so that analysing posts ahead never takes CPU time from a frame or from the open item.
detect::PipelineOptions pipelineOptions(int niceness) {
  detect::PipelineOptions o;
  o.niceness = niceness;
  // OpenCV's own workers (resize, DNN, colour conversion) would run at the UI thread's priority: its parallel loops
  // run in the calling, lower-priority thread instead.
  o.openCvThreads = 1;
  return o;
}
}  // namespace

Desk::Desk(MainQueue& ui, DeskOptions options)
    : ui_(ui),
      options_(std::move(options)),
      pipeline_(std::make_shared<detect::Pipeline>(pipelineOptions(util::kWorkerNiceness))),
      backend_(ui) {
  for (const auto& warning : pipeline_->warnings()) notify(true, tr("editor.detector_warning"), warning);
  backend_.setReachability([this](bool reachable, const std::string& detail) { onReachability(reachable, detail); });
  settings = Settings::load(options_.settingsPath);
  if (!options_.serverUrl.empty()) settings.platformUrl = options_.serverUrl;
  if (!options_.username.empty()) settings.username = options_.username;
  if (!options_.language.empty()) settings.language = options_.language;
  if (!options_.caBundle.empty()) settings.caBundle = options_.caBundle;
  if (!settings.caBundle.empty()) api::setDefaultCaBundle(settings.caBundle);
  desk::setLanguage(settings.language == "en" ? Language::English : Language::French);
  loginUrl = settings.platformUrl;
  loginUser = settings.username;
  keyringMayHoldToken_ = settings.rememberMe;
  if (!options_.password.empty()) {
    loginPassword = options_.password;
    login();
  } else if (settings.rememberMe && !loginUser.empty()) {
    resumeSession();
  }
}

Desk::~Desk() {
  // Exit: the prefetch stops, a lease held is released and the outbox sender stops, each within a bounded time
  // (the window is already hidden). Undelivered decisions stay in the journal and are sent at the next login.
  prefetcher_.reset();
  if (session && (post || registration)) {
    const std::string url = backend_.server(), token = session->token;
    const std::string type = post ? "posts" : "registrations", id = post ? post->detail.id : registration->detail.id;
    work::runBounded(
        [url, token, type, id] {
          api::PlatformClient client(url, token);
          client.setTimeoutMs(1500);
          client.release(type, id);
        },
        std::chrono::milliseconds(1500));
  }
  closeOutbox(std::chrono::milliseconds(1000));
}

std::uint64_t nextOpening() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

std::vector<detect::TextSpan> OpenPost::maskedCaptionSpans() const {
  std::vector<detect::TextSpan> masked;
  for (std::size_t i = 0; i < captionSpans.size(); ++i)
    if (captionSpanMasked[i]) masked.push_back(captionSpans[i]);
  return masked;
}

bool Desk::busy() const { return loggingIn || loadingQueue || backend_.busy() > 0; }

const char* Desk::blockedReason(DecisionKind kind) const {
  const ItemState* state = post ? &post->state : registration ? &registration->state : nullptr;
  return state ? state->blockedReason(kind, offline) : "blocked.loading";
}

namespace {
ItemContent contentOf(const std::vector<LoadedImage>& images) {
  ItemContent c;
  for (const auto& img : images) {
    c.loading |= img.status == LoadedImage::Status::Loading;
    c.analysing |= img.status == LoadedImage::Status::Ready && img.analysis == LoadedImage::Analysis::Pending;
    c.unusable |= img.status == LoadedImage::Status::Failed;
  }
  return c;
}
}  // namespace

void Desk::syncItemState() {
  if (post) {
    ItemContent c = contentOf(post->images);
    c.captionPending = backend_.tasks().active("caption");
    post->state.setContent(c);
  }
  if (registration) {
    ItemContent c = contentOf(registration->documents);
    c.analysing = c.unusable = false;  // proofs are read, not analysed or published
    registration->state.setContent(c);
  }
}

void Desk::applyPrefetchSettings() {
  if (!prefetcher_) return;  // applied when the first session starts it
  work::PrefetchOptions o;
  o.depth = std::clamp(settings.prefetchDepth, 0, 64);
  o.memoryCapBytes = static_cast<std::size_t>(std::max(64, settings.prefetchMemoryMiB)) << 20;
  o.displayBytesPerPixel = 4;  // RGBA texture tiles
  prefetcher_->setOptions(o);
  updatePrefetch();
}

void Desk::startPrefetcher() {
  // Prefetch: decoded pixels plus their texture tiles are prepared on the prefetcher's threads (no GL there).
  // Started with the first session, not with the window: its pipeline warms its models up at background priority,
  // and the desk's exit waits for that warm-up (a desk closed at the sign-in screen waited for a pipeline it never
  // used: up to a minute on a busy machine).
  prefetcher_ = std::make_unique<work::Prefetcher>(
      std::make_shared<detect::Pipeline>(pipelineOptions(util::kBackgroundNiceness)), work::PrefetchOptions{},
      [](const cv::Mat& bgr) {
        auto tiles = std::make_shared<std::vector<RgbaTile>>(makeTiles(bgr, maxTextureSize()));
        std::size_t bytes = 0;
        for (const auto& t : *tiles) bytes += t.rgba.total() * t.rgba.elemSize();
        return work::DisplayData{tiles, bytes};
      });
  // The prefetcher's reports reach the UI thread through the task system's queue (one pending at a time).
  prefetcher_->setOnProgress([this] {
    if (!prefetchReportPending_.exchange(true)) backend_.tasks().report([this] { refreshPrefetchProgress(); });
  });
  applyPrefetchSettings();
}

void Desk::notify(bool error, std::string text, std::string detail) {
  if (error) log::warn(text + (detail.empty() ? "" : ": " + detail));
  notifications.push_back({error, std::move(text), std::move(detail), now_, std::int64_t(std::time(nullptr)), {}});
  while (notifications.size() > 6) notifications.pop_front();
}

void Desk::notifyItem(bool error, std::string text, std::string detail) {
  notify(error, std::move(text), std::move(detail));
  notifications.back().item = post ? post->detail.id : registration ? registration->detail.id : "";
}

void Desk::saveSettings() {
  if (!settings.save(options_.settingsPath)) log::warn("settings: cannot write " + options_.settingsPath.string());
}

void Desk::setLanguage(const std::string& code) {
  settings.language = code;
  desk::setLanguage(code == "en" ? Language::English : Language::French);
  saveSettings();
}

// ---------------------------------------------------------------- session
void Desk::login() {
  if (loggingIn) return;
  loggingIn = true;
  backend_.setServer(loginUrl);
  backend_.setToken({});
  const std::string user = loginUser, password = loginPassword;
  const KeyringUse keyring{settings.rememberMe, !settings.rememberMe && keyringMayHoldToken_};
  keyringMayHoldToken_ = settings.rememberMe;
  backend_.call<api::Session>(
      {"sign in"},
      [user, password, keyring](api::PlatformClient& c) { return loginAndRemember(c, user, password, keyring); },
      [this](const Result<api::Session>& r) {
        loggingIn = false;
        loginPassword.clear();
        if (!r) {
          notify(true, tr("login.failed"), r.error().describe());
          return;
        }
        settings.platformUrl = loginUrl;
        settings.username = loginUser;
        saveSettings();
        startSession(r.value());
      });
}

void Desk::resumeSession() {
  if (loggingIn) return;
  loggingIn = true;
  backend_.setServer(loginUrl);
  backend_.setToken({});
  const std::string user = loginUser;
  backend_.call<api::Session>(
      {"resume session"}, [user](api::PlatformClient& c) { return resumeRememberedSession(c, user); },
      [this](const Result<api::Session>& r) {
        loggingIn = false;
        if (r) startSession(r.value());  // else the login form stays, nothing to say
      });
}

void Desk::startSession(const api::Session& started) {
  session = started;
  backend_.setToken(session->token);
  openOutbox();
  if (!prefetcher_) startPrefetcher();
  prefetcher_->setCredentials(loginUrl, session->token);
  tab = session->user.hasRole("moderator") ? Tab::Posts : Tab::Registrations;
  refreshQueue();
}

void Desk::logout() {
  closeCurrent();
  if (prefetcher_) {
    prefetcher_->clear();
    prefetcher_->setCredentials({}, {});
  }
  closeOutbox(std::chrono::milliseconds(250));  // what is not sent yet is sent at the next login
  const std::string user = settings.username;
  const bool forget = keyringMayHoldToken_;
  backend_.call<api::Unit>(
      {"sign out"}, [user, forget](api::PlatformClient& c) { return logoutAndForget(c, user, forget); },
      [](const Result<api::Unit>&) {});
  backend_.setToken({});
  session.reset();
  posts.clear();
  registrations.clear();
}

// ---------------------------------------------------------------- queues
void Desk::refreshQueue() {
  if (!session) return;
  loadingQueue = true;
  if (tab == Tab::Posts) {
    backend_.call<api::Page<api::PostSummary>>(
        {"post queue"}, [](api::PlatformClient& c) { return c.listPosts("pending", 100); },
        [this](const Result<api::Page<api::PostSummary>>& r) {
          loadingQueue = false;
          if (!r) return notify(true, failureText("failure.queue", r.error()), r.error().describe());
          posts = r->items;
          postsTotal = r->total;
          // Decisions journalled but not yet acknowledged are still pending on the server: not shown again.
          if (outbox_)
            for (const auto& e : outbox_->pending())
              std::erase_if(posts, [&](const auto& p) { return p.id == e.subjectId; });
          updatePrefetch();
        });
  } else {
    backend_.call<api::Page<api::RegistrationSummary>>(
        {"registration queue"}, [](api::PlatformClient& c) { return c.listRegistrations("pending", 100); },
        [this](const Result<api::Page<api::RegistrationSummary>>& r) {
          loadingQueue = false;
          if (!r) return notify(true, failureText("failure.queue", r.error()), r.error().describe());
          registrations = r->items;
          registrationsTotal = r->total;
        });
  }
}

void Desk::openNext(const std::vector<std::string>& preferred) {
  const std::string self = session ? session->user.username : "";
  for (const auto& id : preferred) {
    if (tab == Tab::Posts) {
      for (const auto& p : posts)
        if (p.id == id && (!p.lease || p.lease->holder == self)) return openPost(p.id);
    } else {
      for (const auto& r : registrations)
        if (r.id == id && (!r.lease || r.lease->holder == self)) return openRegistration(r.id);
    }
  }
  openNext();
}

void Desk::openNext() {
  const std::string current = post ? post->detail.id : registration ? registration->detail.id : "";
  const std::string self = session ? session->user.username : "";
  auto available = [&](const std::string& id, const std::optional<api::Lease>& lease) {
    return id != current && (!lease || lease->holder == self);
  };
  if (tab == Tab::Posts) {
    for (const auto& p : posts)
      if (available(p.id, p.lease)) return openPost(p.id);
  } else {
    for (const auto& r : registrations)
      if (available(r.id, r.lease)) return openRegistration(r.id);
  }
  closeCurrent();
  refreshQueue();
}

void Desk::closeCurrent() {
  backend_.tasks().invalidate(TaskScope::Item);
  if (post && session) {
    const std::string id = post->detail.id;
    backend_.call<api::Unit>(
        {"release"}, [id](api::PlatformClient& c) { return c.release("posts", id); }, [](const Result<api::Unit>&) {});
  }
  if (registration && session) {
    const std::string id = registration->detail.id;
    backend_.call<api::Unit>(
        {"release"}, [id](api::PlatformClient& c) { return c.release("registrations", id); },
        [](const Result<api::Unit>&) {});
  }
  post.reset();
  registration.reset();
}

// ---------------------------------------------------------------- opening items
struct ClaimedPost {
  api::Lease lease;
  api::PostDetail detail;
  std::vector<detect::TextSpan> captionSpans;  // classified on the worker, not on the UI thread
};
struct ClaimedRegistration {
  api::Lease lease;
  api::RegistrationDetail detail;
};

void Desk::openPost(const std::string& id) {
  closeCurrent();
  openedFromPrefetch = false;
  if (openPrefetched(id)) return;
  backend_.call<ClaimedPost>(
      {"claim", TaskScope::Item},
      [id](api::PlatformClient& c) -> Result<ClaimedPost> {
        auto lease = c.claim("posts", id);
        if (!lease) return lease.error();
        auto detail = c.post(id);
        if (!detail) return detail.error();
        auto spans = detect::findPhiSpans(detail.value().caption);
        return ClaimedPost{lease.value(), detail.value(), std::move(spans)};
      },
      [this](const Result<ClaimedPost>& r) {
        if (!r) {
          notify(true, failureText("failure.open", r.error()), r.error().describe());
          return refreshQueue();
        }
        post.emplace();
        post->detail = r->detail;
        post->lease = r->lease;
        post->captionSpans = r->captionSpans;
        post->captionSpanMasked.assign(post->captionSpans.size(), 1);
        lastRenew_ = now_;
        for (const auto& ref : r->detail.images) post->images.push_back(LoadedImage{ref});
        loadImages(post->images, r->detail.id, false);
        syncItemState();
        updatePrefetch();
      });
}

void Desk::openRegistration(const std::string& id) {
  closeCurrent();
  backend_.call<ClaimedRegistration>(
      {"claim", TaskScope::Item},
      [id](api::PlatformClient& c) -> Result<ClaimedRegistration> {
        auto lease = c.claim("registrations", id);
        if (!lease) return lease.error();
        auto detail = c.registration(id);
        if (!detail) return detail.error();
        return ClaimedRegistration{lease.value(), detail.value()};
      },
      [this](const Result<ClaimedRegistration>& r) {
        if (!r) {
          notify(true, failureText("failure.open", r.error()), r.error().describe());
          return refreshQueue();
        }
        registration.emplace();
        registration->detail = r->detail;
        registration->lease = r->lease;
        lastRenew_ = now_;
        for (const auto& ref : r->detail.documents) registration->documents.push_back(LoadedImage{ref});
        loadImages(registration->documents, r->detail.id, true);
        syncItemState();
      });
}

void Desk::loadImages(std::vector<LoadedImage>& target, const std::string& ownerId, bool documents) {
  for (std::size_t i = 0; i < target.size(); ++i) {
    const std::string url = target[i].ref.url;
    backend_.call<DecodedImage>(
        {"download", TaskScope::Item}, [url](api::PlatformClient& c) { return downloadAndDecode(c, url); },
        [this, ownerId, documents, i](const Result<DecodedImage>& r) {
          if (r)
            onImageLoaded(ownerId, documents, i, &r.value(), {});
          else
            onImageLoaded(ownerId, documents, i, nullptr, r.error().describe());
        });
  }
}

void Desk::onImageLoaded(const std::string& ownerId, bool documents, std::size_t index, const DecodedImage* decoded,
                         std::string error) {
  std::vector<LoadedImage>* images = nullptr;
  if (!documents && post && post->detail.id == ownerId) images = &post->images;
  if (documents && registration && registration->detail.id == ownerId) images = &registration->documents;
  if (!images || index >= images->size()) return;
  LoadedImage& img = (*images)[index];
  if (!decoded) {
    img.status = LoadedImage::Status::Failed;
    img.error = error;
    notifyItem(true, tr("post.decode_error"), error);
    syncItemState();
    if (documents) runChecks();
    return;
  }
  img.bytes = decoded->bytes;
  img.show(decoded->bgr, decoded->tiles);
  syncItemState();
  if (documents)
    runChecks();
  else
    analyse(ownerId, index);
}

void Desk::analyse(const std::string& postId, std::size_t index) {
  if (!post || post->detail.id != postId || index >= post->images.size()) return;
  auto bytes = post->images[index].bytes;
  auto pipeline = pipeline_;
  backend_.compute<detect::AnalysisResult>(
      {"analysis", TaskScope::Item},
      [pipeline, bytes](Task& task) { return pipeline->analyze(*bytes, task.cancelToken()); },
      [this, postId, index](Result<detect::AnalysisResult>& result) {
        if (!post || post->detail.id != postId || index >= post->images.size()) return;
        if (!result) {  // the pipeline threw: the image is marked failed, approval stays blocked
          detect::AnalysisResult failed;
          failed.error = result.error().message;
          return applyAnalysis(post->images[index], failed);
        }
        applyAnalysis(post->images[index], result.value());
      });
}

void Desk::applyAnalysis(LoadedImage& img, const detect::AnalysisResult& result) {
  img.analysisMs = result.elapsedMs;
  if (!result.ok()) {
    img.analysis = LoadedImage::Analysis::Failed;
    img.analysisError = result.error;
    notifyItem(true, tr("editor.analysis_failed"), result.error);
    return syncItemState();
  }
  for (const auto& f : result.findings)
    if (!f.box) img.metadataFindings.push_back(categoryName("metadata", f.category) + colon() + f.text);
  // Findings join the regions the moderator may already have drawn, as one undoable step.
  img.regions.addMany(regionsFromFindings(result.findings, settings));
  img.analysis = LoadedImage::Analysis::Done;
  syncItemState();
}

void Desk::runChecks() {
  if (!registration) return;
  std::vector<std::shared_ptr<const cv::Mat>> pixels;
  for (const auto& doc : registration->documents) {
    if (doc.status == LoadedImage::Status::Loading) return;  // wait for every proof
    pixels.push_back(doc.pixels);
  }
  const api::Applicant applicant = registration->detail.applicant;
  const std::vector<std::string> kinds = registration->detail.documentKinds;
  const std::string id = registration->detail.id;
  backend_.call<RegistrationChecks>(
      {"registration checks", TaskScope::Item},
      [applicant, pixels, kinds, id](api::PlatformClient& client) -> Result<RegistrationChecks> {
        return runRegistrationChecks(applicant, pixels, kinds, findOtherAccounts(client, id, applicant));
      },
      [this](const Result<RegistrationChecks>& checks) {
        if (!registration) return;
        if (!checks) return notifyItem(true, tr("failure.checks"), checks.error().describe());
        registration->checks = checks.value();
      });
}

void LoadedImage::show(std::shared_ptr<const cv::Mat> bgr, const std::vector<RgbaTile>& tiles) {
  pixels = std::move(bgr);
  regions = review::RegionDocument(pixels->size());
  maskSeed = static_cast<std::uint32_t>(std::random_device{}());
  display = std::make_shared<ImageDisplay>(ImageDisplay{tiles, pixels.get()});
  status = Status::Ready;
}

// ---------------------------------------------------------------- decisions
// The residual check as the decision records it: counts, override reason, where (never what) PHI was found again.
static work::ResidualRecord residualRecord(const mask::ResidualCheck& check) {
  work::ResidualRecord r;
  r.ran = check.ran;
  r.phiFindingsOutside = static_cast<int>(check.outside.size());
  r.maskedFindings = check.maskedFindings;
  r.dismissedFindings = check.dismissedFindings;
  r.overrideReason = check.overrideReason;
  r.error = check.error;
  for (const auto& f : check.outside) {
    work::ResidualRecord::Finding item;
    item.imageId = f.imageId;
    item.kind = detect::kindName(f.finding.kind);
    item.category = f.finding.category;
    if (f.finding.box) item.box = cv::Rect(f.finding.box->x, f.finding.box->y, f.finding.box->w, f.finding.box->h);
    item.confidence = f.finding.confidence;
    item.covered = f.covered;
    r.findings.push_back(std::move(item));
  }
  return r;
}

void Desk::approvePost() {
  // Offline, a prefetched post without its lease yet is decided all the same: the sender claims it when the
  // platform is back, then sends the decision (work::kLeaseToClaim).
  // Nothing is published unseen or unanalysed (ItemState::blockedReason).
  syncItemState();
  if (!post || !canDecide(DecisionKind::Publish) || !outbox_) return;  // nothing unjournalled is sent
  post->state.publishing();
  // The residual check of these very regions usually ran in the background already: then this publishes at once.
  post->check.approveWhenReady = true;
  updatePublicationCheck();
  if (post->check.readyKey == post->check.key) return finishApproval();
  if (post->check.runningKey.empty()) startPublicationCheck();
}

void Desk::finishApproval() {
  PublicationCheck& check = post->check;
  check.approveWhenReady = false;
  post->state.publishingEnded();
  if (!check.error.empty()) return notifyItem(true, tr("failure.publication"), check.error);
  mask::ResidualCheck residual = check.residual;
  residual.overrideReason = post->overrideReason;
  if (!residual.passes()) return onResidualObjection(residual);
  work::DecisionDraft draft;
  draft.subject = work::SubjectKind::Post;
  draft.subjectId = post->detail.id;
  draft.action = work::DecisionAction::Approve;
  draft.leaseId = post->state.leaseHeld() ? post->lease.leaseId : work::kLeaseToClaim;  // offline: claimed when sent
  for (const auto& img : post->images) {
    work::DraftImage drafted{img.ref.id, img.maskSeed, {}};
    for (const auto& i : img.regions.items()) drafted.regions.push_back(i.region);
    draft.images.push_back(std::move(drafted));
  }
  const std::vector<detect::TextSpan> masked = post->maskedCaptionSpans();
  if (!masked.empty()) {
    const mask::MaskedCaption caption = mask::maskCaption(post->detail.caption, masked);
    draft.caption = caption.text;  // memory only; the journal keeps the spans
    draft.captionSpans = caption.spans;
  }
  draft.residual = residualRecord(residual);
  const std::string id = post->detail.id;
  if (journal(std::move(draft), check.masked)) afterDecisionQueued("post", id);
}

// The residual check found new PHI outside the masks: nothing was sent. The findings become masked regions, so
// approving again publishes them masked; Tab walks them and D dismisses one (the next check does not raise it
// again). What cannot be masked (metadata) still needs a written override reason.
void Desk::onResidualObjection(const mask::ResidualCheck& residual) {
  if (!post) return;
  if (!residual.ran) return notifyItem(true, tr("residual.failed"), residual.error);
  post->residualFindings = static_cast<int>(residual.outside.size());
  bool shown = false;  // the first image with something found is brought on screen
  for (std::size_t i = 0; i < post->images.size(); ++i) {
    auto& img = post->images[i];
    std::vector<detect::Finding> found;
    for (const auto& f : residual.outside)
      if (f.imageId == img.ref.id) found.push_back(f.finding);
    img.newFindings.clear();
    if (found.empty()) continue;
    const std::size_t before = img.regions.items().size();
    img.regions.addMany(regionsFromFindings(found, settings));
    for (std::size_t k = before; k < img.regions.items().size(); ++k)
      img.newFindings.push_back(img.regions.items()[k].id);
    if (!shown) post->currentImage = static_cast<int>(i);
    shown = true;
  }
  ++post->objections;  // the view leaves its final review: the new findings are shown
  notifyItem(true, std::string(tr("residual.blocked")) + " (" + std::to_string(residual.outside.size()) + ")");
}

void Desk::rejectPost(const std::string& reasonCode, const std::string& message) {
  // Needs no analysis: nothing is published.
  if (!post || !canDecide(DecisionKind::Other) || !outbox_) return;
  work::DecisionDraft draft;
  draft.subject = work::SubjectKind::Post;
  draft.subjectId = post->detail.id;
  draft.action = work::DecisionAction::Reject;
  draft.leaseId = post->state.leaseHeld() ? post->lease.leaseId : work::kLeaseToClaim;  // offline: claimed when sent
  draft.reasonCode = reasonCode;
  draft.message = message;
  const std::string id = post->detail.id;
  if (journal(std::move(draft), {})) afterDecisionQueued("post", id);
}

void Desk::decideRegistration(const std::string& action, const std::string& reasonCode, const std::string& message,
                              const std::string& note) {
  if (!registration || !canDecide(DecisionKind::Other) || !outbox_) return;
  work::DecisionDraft draft;
  draft.subject = work::SubjectKind::Registration;
  draft.subjectId = registration->detail.id;
  draft.action = work::actionFromName(action).value_or(work::DecisionAction::Reject);
  draft.leaseId = registration->lease.leaseId;
  draft.reasonCode = reasonCode;
  draft.message = message;
  draft.note = note;
  if (registration->checks)
    for (const auto& item : registration->checks->checklist.items) {
      // Codes and public parameters only: names, identifiers and text read stay in memory (creds::FactParam).
      std::vector<work::ChecklistFact> facts;
      for (const auto& f : item.facts) {
        work::ChecklistFact fact{f.code, {}};
        for (const auto& p : f.params)
          if (!p.personal) fact.params.emplace_back(p.name, p.value);
        facts.push_back(std::move(fact));
      }
      draft.checklist.push_back({item.id, std::string(creds::checkStatusName(item.status)), std::move(facts),
                                 item.score ? std::optional(std::round(*item.score * 100) / 100) : std::nullopt,
                                 item.manualCheck});
    }
  const std::string id = registration->detail.id;
  if (journal(std::move(draft), {})) afterDecisionQueued("registration", id);
}

// The decision is journalled: the item is done. The switch to the next item runs at the start of the next frame
// (the view that called us may still be drawing the current one); meanwhile the item accepts no other decision.
void Desk::afterDecisionQueued(const std::string& subjectType, const std::string& subjectId) {
  ++decisionsQueued;
  if (post) post->state.decided();
  if (registration) registration->state.decided();
  ui_.post([this, subjectType, subjectId] { showNextAfterDecision(subjectType, subjectId); });
}

void Desk::showNextAfterDecision(const std::string& subjectType, const std::string& subjectId) {
  const bool stillOpen =
      (post && post->detail.id == subjectId) || (registration && registration->detail.id == subjectId);
  // The item that followed the decided one in the queue opens next (not the top of the queue).
  std::vector<std::string> following;
  auto collect = [&](const auto& list) {
    bool after = false;
    for (const auto& item : list) {
      if (after) following.push_back(item.id);
      after = after || item.id == subjectId;
    }
  };
  if (subjectType == "post")
    collect(posts);
  else
    collect(registrations);
  std::erase_if(posts, [&](const auto& p) { return p.id == subjectId; });
  std::erase_if(registrations, [&](const auto& r) { return r.id == subjectId; });
  postsTotal = std::max(0, postsTotal - (subjectType == "post" ? 1 : 0));
  registrationsTotal = std::max(0, registrationsTotal - (subjectType == "registration" ? 1 : 0));
  if (!stillOpen) return;  // the moderator opened something else meanwhile
  backend_.tasks().invalidate(TaskScope::Item);
  post.reset();  // the lease ends with the decision: nothing to release
  registration.reset();
  openNext(following);
}

// ---------------------------------------------------------------- per frame
void Desk::tick(double now) {
  now_ = now;
  // Success notices hide after a few seconds; an item's notices go when another item is open.
  const std::string openItem = post ? post->detail.id : registration ? registration->detail.id : "";
  std::erase_if(notifications, [&](const Notification& n) {
    return (!n.error && now - n.shownAt > kNoticeSeconds) || (!n.item.empty() && n.item != openItem);
  });
  bool openPostAnalysing = false;  // the open post's own analysis has the cores first
  if (post)
    for (const auto& img : post->images) openPostAnalysing |= img.analysis == LoadedImage::Analysis::Pending;
  if (prefetcher_) prefetcher_->setAnalysisPaused(openPostAnalysing);
  updatePublicationCheck();  // the residual check of what A, A would publish, once the regions are still
  syncItemState();
  if (post && !post->state.leaseHeld() && !post->state.final() && !backend_.tasks().active("claim") &&
      now >= claimRetryAt_)
    claimOpenPost();
  if (offline) probeConnection();
  const api::Lease* lease = post ? &post->lease : registration ? &registration->lease : nullptr;
  if (!lease || lease->ttlSeconds <= 0 || now - lastRenew_ < lease->ttlSeconds / 3.0) return;
  lastRenew_ = now;
  const bool isPost = post.has_value();
  const std::string type = isPost ? "posts" : "registrations";
  const std::string id = isPost ? post->detail.id : registration->detail.id, leaseId = lease->leaseId;
  backend_.call<api::Lease>(
      {"lease renewal", TaskScope::Item},
      [type, id, leaseId](api::PlatformClient& c) { return c.renew(type, id, leaseId); },
      [this](const Result<api::Lease>& r) {
        if (r || r.error().transport()) return;
        if (post) post->state.loseLease();
        if (registration) registration->state.loseLease();
        notifyItem(true, tr("post.lease_lost"), r.error().describe());
      });
}

// ---------------------------------------------------------------- reasons
const std::vector<std::string>& Desk::postReasonCodes() {
  static const std::vector<std::string> codes{"patient_identifiable", "not_medical", "poor_quality", "duplicate",
                                              "other"};
  return codes;
}

const std::vector<std::string>& Desk::registrationReasonCodes() {
  static const std::vector<std::string> codes{
      "invalid_identifier",  "not_in_directory",        "name_mismatch", "expired_card",
      "unreadable_document", "not_health_professional", "other"};
  return codes;
}

const std::vector<std::string>& Desk::requestInfoReasonCodes() {
  static const std::vector<std::string> codes{"unreadable_document", "expired_card", "other"};
  return codes;
}

std::string Desk::defaultRequestMessage(const std::string& code) {
  if (code == "unreadable_document")
    return "Votre justificatif est difficile à lire : merci de nous en envoyer une copie nette et complète.";
  if (code == "expired_card")
    return "Nous n'arrivons pas à lire la validité de votre carte d'étudiant : merci de nous envoyer une carte en "
           "cours de validité.";
  return "Merci de nous envoyer un justificatif complémentaire.";
}

std::string Desk::defaultRejectMessage(const std::string& code) {
  if (code == "patient_identifiable")
    return "Votre publication permet d'identifier le patient. Merci de masquer les éléments identifiants et de la "
           "soumettre à nouveau.";
  if (code == "not_medical") return "Votre publication ne présente pas de contenu médical.";
  if (code == "poor_quality") return "La qualité de l'image ne permet pas sa publication.";
  if (code == "duplicate") return "Cette publication est un doublon d'une publication existante.";
  if (code == "invalid_identifier") return "Le numéro d'identification indiqué est invalide.";
  if (code == "not_in_directory") return "Nous ne trouvons pas votre numéro dans l'annuaire santé (RPPS).";
  if (code == "name_mismatch") return "Le nom indiqué ne correspond pas à celui de votre justificatif.";
  if (code == "expired_card")
    return "Votre carte d'étudiant est expirée : merci d'envoyer une carte en cours de validité.";
  if (code == "unreadable_document") return "Votre justificatif est illisible : merci d'en envoyer une copie nette.";
  if (code == "not_health_professional") return "MedPics est réservé aux professionnels et étudiants de santé.";
  return "";
}

}  // namespace medpics::desk
