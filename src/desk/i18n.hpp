// UI string catalogue: every user-visible string by key, in French (default) and English.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace medpics::desk {

enum class Language { French, English };

void setLanguage(Language language);
Language language();
// Text of a key in the current language; an unknown key returns the key itself (tests catch it).
const char* tr(std::string_view key);
// A post type ("radiograph", "lab_report", "ecg", ...) in the current language; the platform's word when unknown.
std::string postKindName(const std::string& kind);
// The colon of a label in the current language: " : " in French (espace before), ": " in English.
const char* colon();
// The space before "%": a space in French ("94 %"), none in English ("94%").
const char* percentSpace();
// A finding category ("name", "other-text", "qr", "gps"...) in the current language; the detector's own word when
// the catalogue has none, and empty when it only repeats the kind (a face finding of category "face").
std::string categoryName(const std::string& kind, const std::string& category);
// Every key of the catalogue and whether each language has a non-empty text (for tests).
struct CatalogueEntry {
  const char* key;
  const char* fr;
  const char* en;
};
const std::vector<CatalogueEntry>& catalogue();
// Strings of the keyboard flow, help, history, statistics, settings and notifications (i18n_workflow.cpp).
const std::vector<CatalogueEntry>& workflowCatalogue();
// Templates of the facts the core's checks report as codes, and the words they use (i18n_facts.cpp).
const std::vector<CatalogueEntry>& factCatalogue();
// Whether the catalogue has `key`.
bool hasEntry(std::string_view key);

}  // namespace medpics::desk
