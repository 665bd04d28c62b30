// Settings window: platform address, language, prefetch depth, default masking styles, UI scale, high contrast.
// Every change is saved at once in the user's config directory.
#include "desk.hpp"
#include "format.hpp"
#include "i18n.hpp"
#include "style.hpp"
#include "ui_probe.hpp"
#include "views/desk_view.hpp"
#include "views/views.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace medpics::desk {
namespace {

bool styleCombo(const char* kindKey, std::string& style) {
  const char* codes[] = {"solid", "mosaic", "blur"};
  int current = 0;
  for (int i = 0; i < 3; ++i)
    if (style == codes[i]) current = i;
  const char* labels[] = {tr("editor.style.solid"), tr("editor.style.mosaic"), tr("editor.style.blur")};
  ImGui::SetNextItemWidth(style::px(style::kFieldWidth));
  if (!ImGui::Combo(tr(kindKey), &current, labels, 3)) return false;
  style = codes[current];
  return true;
}

// The RPPS directory extract (Annuaire Santé, PS_LibreAcces_Personne_activite_*.txt) imported into the local index.
void drawDirectoryImport(Desk& desk) {
  DirectoryImportState& job = desk.directoryImport;
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("import.title"));
  ImGui::Separator();
  ImGui::BeginDisabled(job.running);
  ImGui::SetNextItemWidth(-style::px(style::kSmallButton + style::kSpaceL));
  ImGui::InputTextWithHint("##extract", tr("import.path_hint"), &job.extractPath);
  probe("import.path");
  ImGui::SameLine();
  if (ImGui::Button(tr("import.start"), style::px(style::kSmallButton, 0))) startDirectoryImport(desk);
  probe("import.start");
  whyDisabled(job.running ? "blocked.import_running" : "");
  ImGui::EndDisabled();
  if (job.running && job.progress) {
    auto& p = *job.progress;
    const double total = static_cast<double>(p.bytesTotal.load());
    const std::string label = formatNumber(static_cast<double>(p.rows.load()), 0, language()) + " " + tr("import.rows");
    progressBar(total > 0 ? static_cast<float>(p.bytesDone.load() / total) : 0.0f, label.c_str(),
                -style::px(style::kSmallButton + style::kSpaceL));
    probe("import.progress");
    ImGui::SameLine();
    if (ImGui::Button(tr("post.cancel"), style::px(style::kSmallButton, 0))) cancelDirectoryImport(desk);
  } else if (!job.result.empty()) {
    ImGui::TextColored(job.failed ? style::colour::kError : style::colour::kSuccess, "%s", job.result.c_str());
  }
}

}  // namespace

void drawSettings(Desk& desk) {
  if (!deskView().panels.settings) return;
  placeWindow(style::kSettingsWindow.w, style::kSettingsWindow.h, ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr("settings.title"), &deskView().panels.settings)) return ImGui::End();
  probe("settings.window");
  Settings& s = desk.settings;
  bool changed = false;
  ImGui::TextUnformatted(tr("login.url"));
  ImGui::SetNextItemWidth(-1);
  changed |= ImGui::InputText("##platform-url", &s.platformUrl);
  ImGui::TextDisabled("%s", tr("settings.url_next_login"));

  int lang = s.language == "en" ? 1 : 0;
  const char* languages[] = {tr("lang.fr"), tr("lang.en")};
  ImGui::SetNextItemWidth(style::px(style::kFieldWidth));
  if (ImGui::Combo(tr("menu.language"), &lang, languages, 2)) desk.setLanguage(lang ? "en" : "fr");
  probe("settings.language");

  ImGui::SetNextItemWidth(style::px(style::kFieldWidth));
  bool prefetchChanged = ImGui::SliderInt(tr("settings.prefetch"), &s.prefetchDepth, 0, 16);
  ImGui::SetNextItemWidth(style::px(style::kFieldWidth));
  prefetchChanged |= ImGui::SliderInt(tr("settings.prefetch_memory"), &s.prefetchMemoryMiB, 256, 8192);
  if (prefetchChanged) desk.applyPrefetchSettings();
  changed |= prefetchChanged;
  ImGui::SetNextItemWidth(style::px(style::kFieldWidth));
  changed |= ImGui::SliderFloat(tr("settings.ui_scale"), &s.uiScale, 0.75f, 2.5f, "%.2f");
  probe("settings.ui_scale");
  changed |= ImGui::Checkbox(tr("settings.high_contrast"), &s.highContrast);
  probe("settings.high_contrast");
  changed |= ImGui::Checkbox(tr("settings.require_masks_visited"), &s.requireMasksVisited);
  probe("settings.require_masks_visited");

  ImGui::Spacing();
  ImGui::TextUnformatted(tr("settings.mask_styles"));
  ImGui::Separator();
  for (const char* kind : {"face", "text", "barcode", "tattoo", "manual"})
    changed |= styleCombo((std::string("kind.") + kind).c_str(), s.maskStyles[kind]);
  ImGui::TextColored(style::colour::kWarning, "%s", tr("editor.blur_weak"));
  if (changed) desk.saveSettings();
  drawDirectoryImport(desk);
  ImGui::End();
}

}  // namespace medpics::desk
