// The French / English catalogue of MedPics Desk.
#include "i18n.hpp"

#include <atomic>
#include <string>
#include <unordered_map>

namespace medpics::desk {
namespace {
std::atomic<Language> gLanguage{Language::French};

const std::vector<CatalogueEntry> kCatalogue = {
    // Login
    {"login.title", "Connexion à la plateforme MedPics", "Sign in to the MedPics platform"},
    {"login.url", "Adresse de la plateforme", "Platform address"},
    {"login.user", "Identifiant", "User name"},
    {"login.password", "Mot de passe", "Password"},
    {"login.submit", "Se connecter", "Sign in"},
    {"login.busy", "Connexion en cours…", "Signing in…"},
    {"login.failed", "Échec de la connexion", "Sign-in failed"},
    {"login.remember", "Rester connecté (trousseau du système)", "Remember me (system keyring)"},
    // Menus and tabs
    {"menu.file", "Fichier", "File"},
    {"menu.logout", "Se déconnecter", "Sign out"},
    {"menu.quit", "Quitter", "Quit"},
    {"menu.view", "Affichage", "View"},
    {"menu.language", "Langue", "Language"},
    {"lang.fr", "Français", "Français"},  // each language by its own name, in both
    {"lang.en", "English", "English"},
    {"tab.posts", "Publications", "Posts"},
    {"tab.registrations", "Inscriptions", "Registrations"},
    // Queue
    {"queue.title", "File d'attente", "Queue"},
    {"queue.refresh", "Actualiser", "Refresh"},
    {"queue.empty", "Aucun élément en attente.", "Nothing pending."},
    {"queue.loading", "Chargement…", "Loading…"},
    {"queue.pending", "en attente", "pending"},
    {"queue.leased_by", "réservé par", "held by"},
    // Post view
    {"post.none", "Sélectionnez une publication dans la file.", "Select a post in the queue."},
    {"post.caption", "Légende", "Caption"},
    {"post.author", "Auteur", "Author"},
    {"post.kind", "Type", "Kind"},
    {"post.downloading", "Téléchargement de l'image…", "Downloading the image…"},
    {"post.decode_error", "Image illisible", "Unreadable image"},
    {"post.approve", "Approuver et publier", "Approve and publish"},
    {"post.reject", "Rejeter", "Reject"},
    {"post.publish", "Publier ces pixels", "Publish these pixels"},
    {"post.final_review", "Vérification finale : voici exactement ce qui sera publié.",
     "Final review: these are exactly the pixels to be published."},
    {"final.caption", "Légende publiée", "Published caption"},
    {"final.visited", "zones vérifiées", "masks checked"},
    {"final.masks_short", "zones", "masks"},
    {"final.visit_all", "passez la loupe sur chaque zone (Tab) avant de publier",
     "show every mask in the loupe (Tab) before publishing"},
    {"final.film_tooltip", "Cette image telle qu'elle sera publiée (clic : l'afficher)",
     "This image as it will be published (click: show it)"},
    {"post.reason", "Motif du rejet", "Reason for rejection"},
    {"post.message", "Message à l'auteur", "Message to the author"},
    {"post.confirm_reject", "Confirmer le rejet", "Confirm rejection"},
    {"post.cancel", "Annuler", "Cancel"},
    {"post.sending", "Envoi de la décision…", "Sending the decision…"},
    {"post.lease_lost", "Réservation perdue : aucune décision envoyée.", "Lease lost: no decision sent."},
    {"post.zoom_fit", "Ajuster", "Fit"},
    {"post.zoom_1to1", "1:1", "1:1"},
    // Reject reasons (posts)
    {"reason.patient_identifiable", "Patient identifiable", "Patient identifiable"},
    {"reason.not_medical", "Contenu non médical", "Not medical"},
    {"reason.poor_quality", "Qualité insuffisante", "Poor quality"},
    {"reason.duplicate", "Doublon", "Duplicate"},
    {"reason.other", "Autre", "Other"},
    // Registrations
    {"reg.none", "Sélectionnez une inscription dans la file.", "Select a registration in the queue."},
    {"reg.claims", "Déclaration du candidat", "Applicant's claims"},
    {"reg.name", "Nom", "Name"},
    {"reg.birth_name", "Nom de naissance", "Birth name"},
    {"reg.email", "Courriel", "E-mail"},
    {"reg.profession", "Profession", "Profession"},
    {"reg.category", "Catégorie", "Category"},
    {"reg.rpps", "N° RPPS", "RPPS number"},
    {"reg.adeli", "N° ADELI", "ADELI number"},
    {"reg.ordre", "N° ordinal", "Ordre number"},
    {"reg.ine", "INE", "INE"},
    {"reg.university", "Université", "University"},
    {"reg.academic_year", "Année universitaire", "Academic year"},
    {"reg.documents", "Justificatifs", "Proof documents"},
    {"reg.approve", "Valider l'inscription", "Approve registration"},
    {"reg.reject", "Refuser", "Reject"},
    {"reg.request_info", "Demander un complément", "Request more information"},
    {"reg.student", "Étudiant", "Student"},
    {"reg.professional", "Professionnel", "Professional"},
    {"regreason.invalid_identifier", "Identifiant invalide", "Invalid identifier"},
    {"regreason.not_in_directory", "Absent de l'annuaire", "Not in the directory"},
    {"regreason.name_mismatch", "Nom différent", "Name mismatch"},
    {"regreason.expired_card", "Carte expirée", "Expired card"},
    {"regreason.unreadable_document", "Justificatif illisible", "Unreadable document"},
    {"regreason.not_health_professional", "Pas un professionnel de santé", "Not a health professional"},
    {"regreason.other", "Autre", "Other"},
    {"inforeason.unreadable_document", "Justificatif difficile à lire", "Document hard to read"},
    {"inforeason.expired_card", "Validité de la carte à vérifier", "Card validity to check"},
    {"inforeason.other", "Autre justificatif", "Another document"},
    {"reg.request_title", "Ce qui manque au dossier", "What is missing"},
    {"reg.message", "Message au demandeur", "Message to the applicant"},
    {"reg.override_title", "Valider contre la suggestion des contrôles : pourquoi ?",
     "Approve against the checks' suggestion: why?"},
    {"reg.override_note", "Motif (consigné dans la décision)", "Reason (recorded in the decision)"},
    {"check.directory_indexed", "Annuaire RPPS importé sur ce poste", "RPPS directory imported on this computer"},
    {"check.directory_missing", "Aucun annuaire RPPS importé (Paramètres → Importer l'annuaire)",
     "No RPPS directory imported (Settings → Import the directory)"},
    {"check.directory_unavailable", "Annuaire RPPS illisible", "RPPS directory cannot be read"},
    // Region editor
    {"editor.tool.select", "Sélection", "Select"},
    {"editor.tool.rect", "Rectangle", "Rectangle"},
    {"editor.tool.ellipse", "Ellipse", "Ellipse"},
    {"editor.tool.polygon", "Polygone", "Polygon"},
    {"editor.tool.brush", "Pinceau", "Brush"},
    {"editor.tool.eraser", "Gomme", "Eraser"},
    {"editor.brush_radius", "Rayon", "Radius"},
    {"editor.preview", "Aperçu du masquage", "Masking preview"},
    {"editor.space_original", "original", "original"},
    {"editor.regions", "Régions", "Regions"},
    {"editor.dismissed", "écartées", "dismissed"},
    {"editor.style", "Masquage", "Masking"},
    {"editor.style.solid", "Aplat opaque", "Solid fill"},
    {"editor.style.mosaic", "Mosaïque bruitée", "Mosaic with noise"},
    {"editor.style.blur", "Flou (faible)", "Blur (weak)"},
    {"editor.blur_weak", "Le flou est réversible : à éviter pour le texte et les visages.",
     "Blur is reversible: avoid it for text and faces."},
    {"editor.accept", "Accepter", "Accept"},
    {"editor.dismiss", "Écarter", "Dismiss"},
    {"editor.duplicate", "Dupliquer", "Duplicate"},
    {"editor.delete", "Supprimer", "Delete"},
    {"editor.undo", "Annuler", "Undo"},
    {"editor.redo", "Rétablir", "Redo"},
    {"posttype.radiograph", "Radiographie", "Radiograph"},
    {"posttype.lab_report", "Bilan biologique", "Lab report"},
    {"posttype.ecg", "ECG", "ECG"},
    {"posttype.photo", "Photographie", "Photograph"},
    {"posttype.wristband", "Bracelet patient", "Patient wristband"},
    {"posttype.document", "Document", "Document"},
    {"checkstatus.pass", "conforme", "passed"},
    {"checkstatus.fail", "non conforme", "failed"},
    {"checkstatus.unknown", "indéterminé", "unknown"},
    {"checkstatus.warn", "à vérifier", "to check"},
    {"checkstatus.skipped", "non fait", "skipped"},
    {"kind.face", "Visage", "Face"},
    {"kind.text", "Texte", "Text"},
    {"kind.barcode", "Code", "Code"},
    {"kind.tattoo", "Tatouage", "Tattoo"},
    {"kind.metadata", "Métadonnées", "Metadata"},
    {"kind.manual", "Manuel", "Manual"},
    {"editor.analysis_failed", "Analyse automatique impossible : vérifiez l'image à la main",
     "Automatic analysis failed: check the image by hand"},
    {"editor.detector_warning", "Détection en mode dégradé", "Detection in degraded mode"},
    {"editor.analysing", "Analyse en cours…", "Analysing…"},
    {"editor.metadata", "Métadonnées (supprimées à la publication)", "Metadata (removed on publication)"},
    {"editor.shader_error", "Aperçu indisponible (erreur de shader)", "Preview unavailable (shader error)"},
    {"doc.rpps_card", "Carte CPS / RPPS", "RPPS card"},
    {"doc.ordre_certificate", "Attestation de l'Ordre", "Ordre certificate"},
    {"doc.student_card", "Carte d'étudiant", "Student card"},
    {"doc.other", "Autre document", "Other document"},
    // Registration checks
    {"check.title", "Vérifications automatiques", "Automatic checks"},
    {"check.running", "Lecture des justificatifs et vérifications…", "Reading the proofs and checking…"},
    {"check.suggestion", "Suggestion", "Suggestion"},
    {"check.apply", "Appliquer la suggestion", "Apply the suggestion"},
    {"check.manual", "à vérifier à la main", "check by hand"},
    {"check.ocr", "Texte lu sur le justificatif", "Text read on the proof"},
    {"check.identifier_format", "Format et clé de l'identifiant", "Identifier format and key"},
    {"check.health_profession", "Profession de santé", "Health profession"},
    {"check.directory_presence", "Présent dans l'annuaire RPPS", "Present in the RPPS directory"},
    {"check.name_match", "Nom conforme à l'annuaire", "Name matches the directory"},
    {"check.profession_match", "Profession conforme", "Profession matches"},
    {"check.category_match", "Catégorie conforme (étudiant ⇔ E)", "Category matches (student ⇔ E)"},
    {"check.document_readable", "Justificatif lisible", "Proof readable"},
    {"check.document_identifier", "Identifiant sur le justificatif", "Identifier on the proof"},
    {"check.document_name", "Nom sur le justificatif", "Name on the proof"},
    {"check.document_university", "Université sur la carte", "University on the card"},
    {"check.document_academic_year", "Année universitaire sur la carte", "Academic year on the card"},
    {"check.card_not_expired", "Carte en cours de validité", "Card not expired"},
    {"check.unique_identifier", "Aucun autre compte avec cet identifiant", "No other account with this identifier"},
    {"action.approve", "valider", "approve"},
    {"action.reject", "refuser", "reject"},
    {"action.request_info", "demander un complément", "request more information"},
    // Residual check
    {"residual.blocked", "Contrôle résiduel : données identifiantes hors masques, publication bloquée",
     "Residual check: identifying data outside the masks, publication blocked"},
    {"residual.failed", "Le contrôle résiduel n'a pas pu s'exécuter", "The residual check could not run"},
    {"residual.override", "Motif pour publier malgré tout (obligatoire)", "Reason to publish anyway (required)"},
    {"residual.blocked_short", "Publication bloquée, nouvelles détections", "Publication blocked, new findings"},
    {"residual.checking", "Contrôle résiduel en cours…", "Residual check running…"},
    {"residual.clear", "Contrôle résiduel : rien de nouveau, prêt à publier",
     "Residual check: nothing new, ready to publish"},
    {"residual.new_findings", "Nouvelles détections", "New findings"},
    {"residual.keys", "suivante", "next"},
    {"residual.decide", "masquer / écarter", "mask / dismiss"},
    {"residual.reason", "motif", "reason"},
    {"editor.all_regions", "Toutes les régions", "All regions"},
    // Categories of findings (captions, regions)
    {"category.name", "nom", "name"},
    {"category.date", "date", "date"},
    {"category.nir", "n° de sécurité sociale", "social security number"},
    {"category.id", "identifiant", "identifier"},
    {"category.phone", "téléphone", "phone"},
    {"category.email", "courriel", "e-mail"},
    {"category.address", "adresse", "address"},
    {"category.hospital", "établissement", "hospital"},
    {"category.other-text", "autre texte", "other text"},
    {"category.benign", "sans risque", "harmless"},
    {"category.qr", "QR code", "QR code"},
    {"category.datamatrix", "DataMatrix", "DataMatrix"},
    {"category.2d-code", "code 2D", "2D code"},
    {"category.unreadable-code", "code illisible", "unreadable code"},
    {"category.to-check", "à vérifier", "to check"},
    {"category.gps", "position GPS", "GPS position"},
    {"category.device", "appareil", "device"},
    // Status bar and notifications
    {"status.connected", "Connecté à", "Connected to"},
    {"status.as", "en tant que", "as"},
    {"status.decided", "Décision enregistrée", "Decision recorded"},
    // Background pipeline: decision outbox and prefetch
    {"outbox.title", "Envoi des décisions", "Decision outbox"},
    {"outbox.pending", "en attente", "pending"},
    {"outbox.sent", "envoyée", "sent"},
    {"outbox.state_failed", "échec", "failed"},
    {"outbox.failed", "Décision non appliquée :", "Decision not applied:"},
    {"outbox.unavailable", "Journal des décisions indisponible : décisions désactivées",
     "Decision journal unavailable: decisions disabled"},
    {"outbox.journal_error", "Erreur du journal des décisions : nouvel essai sous peu",
     "Decision journal error: trying again shortly"},
    {"outbox.resuming", "Envoi des décisions restées en attente", "Sending the decisions left pending"},
    {"outbox.empty", "Aucune décision pour l'instant", "No decision yet"},
    {"outbox.attempts", "essais", "attempts"},
    {"prefetch.title", "Préparation des suivantes", "Preparing the next posts"},
    {"prefetch.queued", "en file", "queued"},
    {"prefetch.downloading", "téléchargement", "downloading"},
    {"prefetch.analysing", "analyse", "analysing"},
    {"prefetch.ready", "prête", "ready"},
    {"prefetch.failed", "échec", "failed"},
    {"prefetch.memory", "Mémoire", "Memory"},
    {"unit.mebibytes", "Mio", "MiB"},
    {"prefetch.off", "Préchargement désactivé", "Prefetch off"},
    {"post.claim_failed", "Réservation impossible, publication suivante",
     "Cannot claim the post, opening the next one"},
    {"post.claiming", "Réservation en cours…", "Claiming…"},
    // Connection state (desk_connection.cpp, menu_bar.cpp)
    {"status.offline", "Hors ligne", "Offline"},
    {"status.pending_one", "décision en attente", "decision pending"},
    {"status.pending_many", "décisions en attente", "decisions pending"},
    {"status.offline_help",
     "La plateforme ne répond pas. Les publications déjà préparées restent consultables ; vos décisions sont gardées "
     "et envoyées dès son retour.",
     "The platform does not answer. Posts already prepared stay reviewable; your decisions are kept and sent as soon "
     "as it is back."},
    {"post.offline_decide", "Hors ligne : vos décisions partiront au retour de la plateforme",
     "Offline: your decisions will be sent when the platform is back"},
    {"failure.queue", "Impossible d'actualiser la file", "Could not refresh the queue"},
    {"failure.open", "Impossible d'ouvrir cet élément", "Could not open this item"},
    {"failure.internal", "erreur interne du poste", "internal error of the desk"},
    {"failure.unreachable", "la plateforme ne répond pas (hors ligne)", "the platform does not answer (offline)"},
    {"failure.session", "session expirée, reconnectez-vous", "session expired, sign in again"},
    {"failure.forbidden", "accès refusé pour ce compte", "access denied for this account"},
    {"failure.not_found", "introuvable sur la plateforme", "not found on the platform"},
    {"failure.conflict", "déjà pris ou décidé par quelqu'un d'autre", "already taken or decided by someone else"},
    {"failure.busy", "plateforme surchargée, nouvel essai plus tard", "platform busy, try again later"},
    {"failure.server", "erreur de la plateforme", "platform error"},
    {"failure.refused", "demande refusée par la plateforme", "request refused by the platform"},
    // Why a decision key does nothing now (post_view.cpp)
    {"blocked.sending", "Décision en cours d'envoi", "Decision being sent"},
    {"blocked.lease_lost", "Réservation perdue : passez à l'élément suivant", "Lease lost: go to the next item"},
    {"blocked.claiming", "En attente de la réservation de cette publication par la plateforme",
     "Waiting for the platform to reserve this post for you"},
    {"blocked.loading", "Images en cours de téléchargement", "Images still downloading"},
    {"blocked.analysing", "Analyse des images en cours : l'approbation l'attend",
     "Images still being analysed: approval waits"},
    {"check.show_where", "Montrer sur le justificatif ce que ce contrôle a lu",
     "Show on the proof what this check read"},
    {"blocked.documents_loading", "Justificatifs en cours de téléchargement", "Proof documents still downloading"},
    {"blocked.message_needed", "Écrivez d'abord le motif", "Write the reason first"},
    {"blocked.message_other", "Motif « Autre » : écrivez d'abord le message",
     "Reason \"Other\": write the message first"},
    {"blocked.signing_in", "Connexion en cours", "Signing in"},
    {"blocked.nothing_to_undo", "Rien à annuler", "Nothing to undo"},
    {"blocked.nothing_to_redo", "Rien à rétablir", "Nothing to redo"},
    {"blocked.import_running", "Un import est déjà en cours : attendez sa fin ou annulez-le",
     "An import is already running: wait for it or cancel it"},
    {"failure.checks", "Les vérifications automatiques n'ont pas pu s'exécuter (lecture des justificatifs, annuaire)",
     "The automatic checks could not run (reading the proofs, directory)"},
    {"failure.publication", "Impossible de préparer l'image publiée (masquage ou encodage) : rien n'a été envoyé",
     "Could not prepare the published image (masking or encoding): nothing was sent"},
    {"blocked.caption", "Vérification de la légende en cours", "Caption still being checked"},
    {"status.dismiss", "Fermer", "Dismiss"},
    {"status.zoom", "Zoom", "Zoom"},
};

// The base catalogue followed by the workflow one (i18n_workflow.cpp).
const std::vector<CatalogueEntry>& all() {
  static const std::vector<CatalogueEntry> entries = [] {
    std::vector<CatalogueEntry> v = kCatalogue;
    v.insert(v.end(), workflowCatalogue().begin(), workflowCatalogue().end());
    v.insert(v.end(), factCatalogue().begin(), factCatalogue().end());
    return v;
  }();
  return entries;
}

const std::unordered_map<std::string_view, const CatalogueEntry*>& index() {
  static const auto map = [] {
    std::unordered_map<std::string_view, const CatalogueEntry*> m;
    for (const auto& e : all()) m.emplace(e.key, &e);
    return m;
  }();
  return map;
}
}  // namespace

void setLanguage(Language l) { gLanguage = l; }
Language language() { return gLanguage; }

const char* tr(std::string_view key) {
  auto it = index().find(key);
  if (it == index().end()) {
    static thread_local std::string missing;
    missing = std::string(key);
    return missing.c_str();
  }
  return gLanguage == Language::French ? it->second->fr : it->second->en;
}

std::string postKindName(const std::string& kind) {
  const std::string key = "posttype." + kind;
  return index().count(key) ? tr(key) : kind;
}

bool hasEntry(std::string_view key) { return index().count(key) > 0; }

const char* percentSpace() { return gLanguage == Language::French ? " " : ""; }

const char* colon() { return gLanguage == Language::French ? " : " : ": "; }

const std::vector<CatalogueEntry>& catalogue() { return all(); }

std::string categoryName(const std::string& kind, const std::string& category) {
  // Nothing to add when it only repeats the kind ("Texte autre texte", "Visage face").
  if (category.empty() || category == kind || (kind == "text" && category == "other-text")) return "";
  const std::string key = "category." + category;
  return index().count(key) ? tr(key) : category;
}

}  // namespace medpics::desk
