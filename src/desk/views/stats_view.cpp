// Statistics window: queue size and age, decisions of the day (per hour, per action), regions per kind, a plot.
#include "desk.hpp"
#include "format.hpp"
#include "i18n.hpp"
#include "stats.hpp"
#include "style.hpp"
#include "ui_probe.hpp"
#include "views/desk_view.hpp"
#include "views/views.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <ctime>
#include <string>

namespace medpics::desk {
namespace {

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram), "%s", text);
  ImGui::Separator();
}

void row(const char* labelKey, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextUnformatted(tr(labelKey));
  ImGui::TableSetColumnIndex(1);
  ImGui::TextUnformatted(value.c_str());
}

void drawQueueFigures(Desk& desk, std::int64_t now) {
  std::vector<std::string> times;
  const bool posts = desk.tab == Tab::Posts;
  if (posts)
    for (const auto& p : desk.posts) times.push_back(p.createdAt);
  else
    for (const auto& r : desk.registrations) times.push_back(r.submittedAt);
  const QueueAge age = queueAge(times, now);
  const Language l = language();
  if (!ImGui::BeginTable("##queue-stats", 2, ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, style::px(style::kStatColumn));
  ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
  row(posts ? "stats.queue_posts" : "stats.queue_registrations",
      formatNumber(posts ? desk.postsTotal : desk.registrationsTotal, 0, l));
  row("stats.oldest", age.count ? formatMinutes(age.oldestMinutes) : "—");
  row("stats.median_age", age.count ? formatMinutes(age.medianMinutes) : "—");
  ImGui::EndTable();
}

void drawDayFigures(Desk& desk, std::int64_t now) {
  const StatsState& s = desk.stats;
  if (!s.data.is_object()) return;  // not loaded yet (the first answer is on its way): value() would throw on null
  const Language l = language();
  const double rate = decisionsPerHour(s.perHour, localHour(now));
  if (ImGui::BeginTable("##day-stats", 2, ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, style::px(style::kStatColumn));
    ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
    row("stats.decided_today", formatNumber(s.data.value("total", 0), 0, l));
    row("stats.per_hour", formatNumber(rate, 1, l));
    const nlohmann::json perAction = s.data.value("per_action", nlohmann::json::object());  // a named copy: items()
    for (const auto& [action, count] : perAction.items())                                   // must not outlive it
      row(("stats.action." + action).c_str(), formatNumber(count.get<int>(), 0, l));
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("stats.plot"));
  char overlay[64];
  std::snprintf(overlay, sizeof overlay, "%s %.0f", tr("stats.max"),
                *std::max_element(s.perHour.begin(), s.perHour.end()));
  ImGui::PlotHistogram("##per-hour", s.perHour.data(), 24, 0, overlay, 0.0f, FLT_MAX,
                       ImVec2(ImGui::GetContentRegionAvail().x,
                              style::px(style::kHistogramHeight)));  // 1.86 takes no negative width here
  probe("stats.plot");
  // Hour marks under the bars.
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  for (int h = 0; h < 24; h += 3) {
    const float x = min.x + (max.x - min.x) * (h + 0.5f) / 24.0f;
    ImGui::GetWindowDrawList()->AddText(ImVec2(x - 8, max.y + 2), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                        (std::to_string(h) + " h").c_str());
  }
  ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() + 4));

  ImGui::TextUnformatted(tr("stats.regions_per_kind"));
  if (ImGui::BeginTable("##kinds", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
    ImGui::TableSetupColumn(tr("stats.kind"));
    ImGui::TableSetupColumn(tr("stats.masked"));
    ImGui::TableSetupColumn(tr("stats.dismissed"));
    ImGui::TableHeadersRow();
    const nlohmann::json perKind = s.data.value("regions_per_kind", nlohmann::json::object());
    for (const auto& [kind, states] : perKind.items()) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(tr("kind." + kind));
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(formatNumber(states.value("accepted", 0), 0, l).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(formatNumber(states.value("dismissed", 0), 0, l).c_str());
    }
    ImGui::EndTable();
  }
  if (const auto users = s.data.find("per_user"); users != s.data.end()) {
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("stats.per_user"));
    for (const auto& [user, count] : users->items())
      ImGui::BulletText("%s%s%s", user.c_str(), colon(), formatNumber(count.get<int>(), 0, l).c_str());
  }
}

}  // namespace

void drawStatistics(Desk& desk) {
  if (!deskView().panels.statistics || !desk.session) return;
  placeWindow(style::kStatisticsWindow.w, style::kStatisticsWindow.h, ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr("stats.title"), &deskView().panels.statistics)) return ImGui::End();
  probe("stats.window");
  const std::int64_t now = std::time(nullptr);
  if (ImGui::Button(tr("queue.refresh"))) {
    desk.refreshQueue();
    loadStatistics(desk);
  }
  if (desk.session->user.hasRole("admin")) {
    ImGui::SameLine();
    if (ImGui::Checkbox(tr("history.all_users"), &desk.stats.allUsers)) loadStatistics(desk);
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", formatDateTime(now, language()).c_str());
  if (desk.stats.loading) busyBar(tr("history.loading"));
  heading(tr("stats.queue"));
  drawQueueFigures(desk, now);
  heading(tr("stats.today"));
  drawDayFigures(desk, now);
  ImGui::End();
}

}  // namespace medpics::desk
