// The frame around every screen: the top bar with the save state, the navigation (a side bar on
// a laptop, a bottom bar within thumb's reach on a phone), notices that must not be missed
// (read-only tab, no storage, damaged files, export reminder), and toasts.
#include <cfloat>
#include <cstdio>
#include <ctime>
#include <map>
#include <span>
#include <utility>

#include "app/backup_actions.hpp"
#include "app/session.hpp"
#include "core/date.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "store/registry_store.hpp"
#include "ui/campaign_actions.hpp"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

using app::Screen;
using app::SaveState;

struct NavItem {
  Screen screen;
  const char* key;  // catalogue key of the label
  const char* id;
};

constexpr NavItem kUnitNav[] = {
    {Screen::dashboard, "nav.dashboard", "nav.dashboard"},
    {Screen::dossiers, "nav.dossiers", "nav.dossiers"},
    {Screen::minutes, "nav.minutes", "nav.minutes"},
    {Screen::package_export, "nav.export", "nav.export"},
    {Screen::settings, "nav.settings", "nav.settings"},
};
constexpr NavItem kSecretariatNav[] = {
    {Screen::campaigns, "nav.campaigns", "nav.campaigns"},
    {Screen::intake, "nav.intake", "nav.intake"},
    {Screen::registry, "nav.registry", "nav.registry"},
    {Screen::council, "nav.council", "nav.council"},
    {Screen::awards, "nav.awards", "nav.awards"},
    {Screen::settings, "nav.settings", "nav.settings"},
};

std::span<const NavItem> nav_items(const app::Session& s) {
  if (s.workspace().settings.role == Role::secretariat) return kSecretariatNav;
  return kUnitNav;
}

// Where the person is, for the navigation highlight: the editor belongs to the list, and a unit's
// import of packages to "Gửi hồ sơ", its way there.
Screen nav_group(const app::Session& s) {
  const Screen at = s.nav.screen;
  if (at == Screen::dossier) return Screen::dossiers;
  if (at == Screen::package_import && s.workspace().settings.role == Role::unit) return Screen::package_export;
  return at;
}

// The page's title names the screen, as the navigation does ("Hồ sơ · hoso"), and its language
// is the interface's: a screen reader announces the first and reads with the voice of the second.
void describe_page(app::Session& s) {
  const Screen at = nav_group(s);
  const char* where = nullptr;
  for (const NavItem& item : nav_items(s))
    if (item.screen == at) where = tr(item.key);
  std::string title = where ? std::string(where) + " · hoso" : std::string("hoso");
  s.platform().describe_page(title, language() == Language::en ? "en" : "vi");
}

std::string clock_text(Millis t) {
  // "14:32" in Vietnam time.
  std::string full = to_display_vietnam(t);
  auto space = full.rfind(' ');
  return space == std::string::npos ? full : full.substr(space + 1);
}

struct SaveLabel {
  std::string text;
  ImU32 color;
  bool retry = false;
};

SaveLabel save_label(app::Session& s, bool compact) {
  const app::StorageStatus& st = s.platform().storage();
  const Palette& p = palette();
  switch (st.state) {
    case SaveState::saved:
      if (st.last_saved > 0) return {trf("save.saved_at", {clock_text(st.last_saved)}), p.success};
      return {tr("save.saved"), p.muted};
    case SaveState::saving: return {tr("save.saving"), p.muted};
    case SaveState::error: return {tr(compact ? "save.error_short" : "save.error"), p.error, true};
    case SaveState::unavailable: return {tr("save.unavailable_short"), p.error};
    case SaveState::read_only: return {tr("save.read_only_short"), p.warning};
  }
  return {"", p.muted};
}

void top_bar(app::Session& s, bool phone) {
  const Palette& p = palette();
  ImGuiStyle& style = ImGui::GetStyle();
  const float h = em() * (phone ? 2.9f : 3.2f);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 size(ImGui::GetContentRegionAvail().x, h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + h), p.primary);
  ImGui::PushStyleColor(ImGuiCol_Text, p.primary_text);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + style.WindowPadding.x, pos.y + (h - fonts.heading->FontSize * ImGui::GetIO().FontGlobalScale) * 0.5f));
  ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted("hoso");
  ImGui::PopFont();
  if (!phone) {
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em() * 0.2f);
    std::string line = std::string(tr("app.subtitle")) + " · " + tr("campaign.plan_short") + " " + s.campaign().plan.number;
    ImGui::TextUnformatted(line.c_str());
  }
  // The guide, one tap away from every screen: an outlined button on the bar.
  ImGui::SameLine(0, em() * 0.8f);
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, pos.y + (h - ImGui::GetFrameHeight()) * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(255, 255, 255, 40));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(255, 255, 255, 70));
  ImGui::PushStyleColor(ImGuiCol_Border, p.primary_text);
  if (ImGui::Button((std::string(tr("help.open")) + "##help.open").c_str())) ImGui::OpenPopup("##help");
  annotate(tr("help.open"), "help.open");
  ImGui::PopStyleColor(4);
  ImGui::PopStyleColor();
  // Save state on the right, on a light chip so its colours read on the bar.
  SaveLabel label = save_label(s, phone);
  ImGui::PushFont(fonts.small);
  ImVec2 ts = ImGui::CalcTextSize(label.text.c_str());
  float retry_w = label.retry ? ImGui::CalcTextSize(tr("save.retry")).x + style.FramePadding.x * 2 + em() * 0.4f : 0;
  float chip_w = ts.x + em() + retry_w;
  float chip_h = std::min(h * 0.7f, ts.y + em() * 0.7f);
  ImVec2 chip_min(pos.x + size.x - chip_w - style.WindowPadding.x, pos.y + (h - chip_h) * 0.5f);
  ImVec2 chip_max(chip_min.x + chip_w, chip_min.y + chip_h);
  dl->AddRectFilled(chip_min, chip_max, p.surface, chip_h * 0.5f);
  dl->AddText(ImVec2(chip_min.x + em() * 0.5f, chip_min.y + (chip_h - ts.y) * 0.5f), label.color, label.text.c_str());
  // An item with an id (a Dummy has none), so hoso.items() and assistive tools read the state.
  const ImVec2 chip_text(chip_min.x + em() * 0.5f, chip_min.y);
  ImGui::SetCursorScreenPos(chip_text);
  ImGui::ItemSize(ImVec2(ts.x, chip_h));
  ImGui::ItemAdd(ImRect(chip_text, ImVec2(chip_text.x + ts.x, chip_text.y + chip_h)), ImGui::GetID("save.state"));
  annotate(label.text.c_str(), "save.state");
  semantics::describe_text(semantics::Role::status, label.text);
  if (label.retry) {
    ImGui::SetCursorScreenPos(ImVec2(chip_max.x - retry_w + em() * 0.2f, chip_min.y + (chip_h - ImGui::GetFrameHeight()) * 0.5f));
    if (button(tr("save.retry"), "save.retry", ButtonKind::danger)) s.save_now();
  }
  ImGui::PopFont();
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
  ImGui::Dummy(ImVec2(1, 0));
}

// A notice across the content. `id` names it in hoso.items() ("notice.read_only"), so tests and
// assistive tools can find it.
void banner(ImU32 fg, ImU32 bg, const char* text, std::string_view id) {
  ImVec2 pos = ImGui::GetCursorScreenPos();
  float w = ImGui::GetContentRegionAvail().x;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - em());
  ImVec2 ts = ImGui::CalcTextSize(text, nullptr, false, w - em() * 1.5f);
  ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + ts.y + em() * 0.8f), bg, em() * 0.4f);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + em() * 0.6f, pos.y + em() * 0.4f));
  ImGui::PushStyleColor(ImGuiCol_Text, fg);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::ItemAdd(ImRect(pos, ImVec2(pos.x + w, pos.y + ts.y + em() * 0.8f)), ImGui::GetID(id.data(), id.data() + id.size()),
                 nullptr, ImGuiItemFlags_NoNav);
  annotate(text, id);
  semantics::describe_last_item(semantics::Role::status);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + ts.y + em() * 0.8f));
  spacer(0.3f);
}

// The notice for a record that did not load: damaged (set aside), only its previous version left,
// or left in place (written by a newer hoso, unreadable).
std::string broken_text(const store::BrokenRecord& b) {
  std::string_view problem = language() == Language::en ? b.problem_en : b.problem_vi;
  // The notice names the file already: "dossiers/x.json, nominee: …" reads "nominee: …".
  if (problem.starts_with(b.name) && problem.size() > b.name.size() + 2) problem.remove_prefix(b.name.size() + 2);
  switch (b.kind) {
    case store::BrokenRecord::Kind::previous_only: return trf("notice.previous_only", {b.name});
    case store::BrokenRecord::Kind::left_in_place: return trf("notice.left_in_place", {b.name, problem});
    case store::BrokenRecord::Kind::damaged: break;
  }
  return trf("notice.broken_record", {b.name, problem});
}

// A new version of the app is ready. The notice waits while the person types (a banner coming in
// would move the field under their fingers) and then stays; its button saves, then reloads.
bool update_notice_shown = false;
void update_notice(app::Session& s) {
  if (!s.platform().update_available()) return;
  if (!update_notice_shown && ImGui::GetIO().WantTextInput) return;
  update_notice_shown = true;
  const Palette& p = palette();
  banner(p.primary, p.accent_bg, tr("notice.update"), "notice.update");
  if (button(tr("notice.update_reload"), "notice.update_reload", ButtonKind::primary)) s.platform().apply_update();
  spacer(0.3f);
}

// A reload (an update, the secretariat's edition) was asked for while the last save failed:
// the page stays until the person chooses, with a backup at hand.
void leave_held_notice(app::Session& s) {
  const Palette& p = palette();
  const std::string& why = s.platform().storage().error;
  std::string reason = why == "quota"     ? tr("save.reason.quota")
                       : why == "timeout" ? tr("save.reason.timeout")
                       : why == "closed"  ? tr("save.reason.closed")
                                          : why;
  banner(p.error, p.error_bg, trf("notice.leave_held", {reason}).c_str(), "notice.leave_held");
  if (button(tr("notice.quota_backup"), "notice.leave_backup", ButtonKind::primary)) export_backup(s);
  ImGui::SameLine();
  if (button(tr("notice.leave_retry"), "notice.leave_retry")) s.platform().choose_leave(app::LeaveChoice::retry_save);
  ImGui::SameLine();
  if (button(tr("notice.leave_stay"), "notice.leave_stay")) s.platform().choose_leave(app::LeaveChoice::stay);
  if (button(tr("notice.leave_anyway"), "notice.leave_anyway", ButtonKind::danger))
    s.platform().choose_leave(app::LeaveChoice::leave_unsaved);
  spacer(0.3f);
}

void notices(app::Session& s) {
  const Palette& p = palette();
  const app::StorageStatus& st = s.platform().storage();
  update_notice(s);
  if (st.state == SaveState::read_only) {
    banner(p.warning, p.warning_bg, tr(st.can_take_over ? "notice.read_only_released" : "notice.read_only"), "notice.read_only");
    if (st.can_take_over && button(tr("notice.take_over"), "notice.take_over", ButtonKind::primary)) s.platform().take_over();
  } else if (st.state == SaveState::unavailable && st.error.starts_with("load-")) {
    // The stored data exists but could not be read: nothing is written over it.
    banner(p.error, p.error_bg, trf("notice.load_failed", {st.error}).c_str(), "notice.load_failed");
    if (button(tr("notice.load_retry"), "notice.load_retry", ButtonKind::primary)) s.platform().reload();
    spacer(0.3f);
  } else if (st.state == SaveState::unavailable) {
    banner(p.error, p.error_bg, tr("notice.no_storage"), "notice.no_storage");
  } else if (st.state == SaveState::error && st.error == "closed") {
    banner(p.error, p.error_bg, tr("notice.storage_lost"), "notice.storage_lost");
    if (button(tr("notice.quota_backup"), "notice.storage_lost_backup", ButtonKind::primary)) export_backup(s);
    ImGui::SameLine();
    if (button(tr("save.retry"), "notice.storage_lost_retry")) s.save_now();
    spacer(0.3f);
  } else if (st.state == SaveState::error && st.error == "quota") {
    banner(p.error, p.error_bg, tr("notice.quota"), "notice.quota");
    // The backup is a download: it needs no space in the browser.
    if (button(tr("notice.quota_backup"), "notice.quota_backup", ButtonKind::primary)) app::export_backup(s);
    ImGui::SameLine();
    if (button(tr("save.retry"), "notice.quota_retry")) s.save_now();
    spacer(0.3f);
  }
  if (st.leave_held) leave_held_notice(s);
  for (const auto& b : s.broken_records()) {
    banner(p.error, p.error_bg, broken_text(b).c_str(), "notice.broken." + b.name);
    if (b.previous_valid) {
      std::string id = "notice.restore_previous." + b.name;
      if (button(tr("notice.restore_previous"), id, ButtonKind::primary)) {
        auto r = s.restore_previous(b.name);
        if (r) {
          s.toast(app::Toast::Kind::success, app::Message("notice.restored"));
        } else {
          s.toast(app::Toast::Kind::error, app::Message::error(r.error()));
        }
        break;  // the list changed
      }
    }
    // The settings and the register's head are held (never written over) while unreadable:
    // starting over is the person's choice, and the broken file stays in quarantine.
    if (app::Session::held_while_unreadable(b.name)) {
      if (b.previous_valid) ImGui::SameLine();
      if (button(tr("notice.start_over"), "notice.start_over." + b.name)) {
        auto r = s.start_over(b.name);
        if (r) {
          s.toast(app::Toast::Kind::success, app::Message("notice.started_over"));
        } else {
          s.toast(app::Toast::Kind::error, app::Message::error(r.error()));
        }
        break;
      }
    }
  }
  // Safari deletes a site's data after 7 days without a visit: the package file is the backup.
  const Workspace& w = s.workspace();
  if (s.nav.screen == Screen::dashboard && !w.dossiers.empty()) {
    Millis last = w.exports.last_time.value_or(0);
    Millis oldest_change = 0;
    for (const Dossier& d : w.dossiers)
      if (!d.last_export || d.last_export->time < d.updated) oldest_change = oldest_change == 0 ? d.updated : std::min(oldest_change, d.updated);
    const Millis three_days = 3LL * 24 * 3600 * 1000;
    if (oldest_change > 0 && s.now() - std::max(last, oldest_change) > three_days)
      banner(p.warning, p.warning_bg, tr("notice.export_reminder"), "notice.export_reminder");
  }
}

float toast_height = 0;  // the toast's height in the last frame: the page's room below its end

void toasts(app::Session& s, float bottom_margin) {
  toast_height = 0;
  if (s.toasts.empty()) return;
  app::Toast& t = s.toasts.back();
  if (s.now() > t.until) {
    s.toasts.clear();
    return;
  }
  const Palette& p = palette();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  float w = std::min(vp->Size.x - em() * 2, em() * 30);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + (vp->Size.x - w) * 0.5f, vp->Pos.y + vp->Size.y - bottom_margin - em()),
                          ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImU32 bg = t.kind == app::Toast::Kind::error ? p.error_bg : t.kind == app::Toast::Kind::warning ? p.warning_bg
             : t.kind == app::Toast::Kind::success ? p.success_bg : p.accent_bg;
  ImU32 fg = t.kind == app::Toast::Kind::error ? p.error : t.kind == app::Toast::Kind::warning ? p.warning
             : t.kind == app::Toast::Kind::success ? p.success : p.primary;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, em() * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
  ImGui::Begin("##toast", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  noted(fg, app::say(t.message).c_str(), "toast.text");  // named, so tests read what the person is told
  semantics::describe_last_item(semantics::Role::status);  // a live region: read when it appears
  // The message is a hole for the pointer: a finger that swipes on it scrolls the page under the
  // toast (a toast is a window of its own, and a drag on it moved nothing); its buttons still take taps.
  ImGuiWindow* toast = ImGui::GetCurrentWindow();
  const ImVec2 text_min = ImGui::GetItemRectMin(), text_max = ImGui::GetItemRectMax();
  ImGui::SetWindowHitTestHole(toast, ImVec2(toast->Pos.x, text_min.y), ImVec2(toast->Size.x, text_max.y - text_min.y));
  if (s.can_undo_delete()) {
    if (button(tr("action.undo"), "toast.undo", ButtonKind::primary)) {
      s.toasts.clear();
      app::report(s, s.undo_delete());
    }
    ImGui::SameLine();
  }
  if (button(tr("action.close"), "toast.close", ButtonKind::subtle)) s.toasts.clear();
  toast_height = ImGui::GetWindowHeight() + em();
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

// What draws each screen: adding a screen is adding a row (and its navigation entry above).
struct ScreenRow {
  Screen screen;
  void (*draw)(app::Session&);
};
constexpr ScreenRow kScreenRows[] = {
    {Screen::dashboard, dashboard_screen},   {Screen::dossiers, dossier_list_screen},
    {Screen::dossier, dossier_editor_screen}, {Screen::minutes, minutes_screen},
    {Screen::package_export, export_screen},  {Screen::package_import, import_screen},
    {Screen::settings, settings_screen},      {Screen::intake, intake_screen},
    {Screen::registry, registry_screen},      {Screen::council, council_screen},
    {Screen::awards, awards_screen},          {Screen::campaigns, campaigns_screen},
};

void screen(app::Session& s) {
  // The secretariat's home is its register (the unit's dashboard is not in its navigation).
  if (s.nav.screen == Screen::dashboard && s.workspace().settings.role == Role::secretariat) s.nav.screen = Screen::registry;
  // The unit's import (restore its own package) would turn the secretariat's workspace into that
  // unit's: the secretariat's packages go to intake, always.
  if (s.nav.screen == Screen::package_import && s.workspace().settings.role == Role::secretariat) s.nav.screen = Screen::intake;
  for (const ScreenRow& row : kScreenRows)
    if (row.screen == s.nav.screen) return row.draw(s);
}

// The navigation chose the screen already shown (go); the screen drawn next sees it.
bool chosen_again_pending = false, chosen_again = false;

void go(app::Session& s, Screen to) {
  if (s.nav.screen == to) {
    chosen_again_pending = true;
    return;
  }
  s.nav.screen = to;
  s.nav.focus_path.clear();
  // A confirmation belongs to the screen it was given on: it does not follow the person to the
  // next one and cover what is there. Errors, warnings and an offered undo stay their time.
  std::erase_if(s.toasts, [&](const app::Toast& t) {
    return (t.kind == app::Toast::Kind::success || t.kind == app::Toast::Kind::info) && !s.can_undo_delete();
  });
}

// Each screen opens at its top, not at the place the previous one was scrolled to (they share
// the content window); the lists open where they were left, as a browser's back does.
bool keeps_its_place(Screen screen) { return screen == Screen::dossiers || screen == Screen::registry; }
void scroll_for_screen(const app::Session& s) {
  static Screen shown = Screen::dashboard;
  static std::map<Screen, float> left_at;
  if (chosen_again) ImGui::SetScrollY(0);
  if (s.nav.screen == shown) return;
  left_at[shown] = ImGui::GetScrollY();
  shown = s.nav.screen;
  ImGui::SetScrollY(keeps_its_place(shown) ? left_at[shown] : 0);
}

void side_nav(app::Session& s, float width) {
  const Palette& p = palette();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em() * 0.5f, em() * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
  ImGui::BeginChild("##sidenav", ImVec2(width, 0), ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  semantics::mark_landmark(semantics::Landmark::navigation);
  spacer(0.4f);
  for (const NavItem& item : nav_items(s)) {
    bool current = nav_group(s) == item.screen;
    if (current) {
      ImGui::PushStyleColor(ImGuiCol_Header, p.accent_bg);
      ImGui::PushStyleColor(ImGuiCol_Text, p.primary);
      ImGui::PushFont(fonts.bold);
    }
    std::string label = std::string(tr(item.key)) + "##" + item.id;
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.08f, 0.5f));
    if (ImGui::Selectable(label.c_str(), current, ImGuiSelectableFlags_None, ImVec2(0, em() * 2.4f))) go(s, item.screen);
    semantics::describe_last_item(semantics::Role::link, current ? semantics::current : 0u);
    ImGui::PopStyleVar();
    if (current) {
      ImGui::PopFont();
      ImGui::PopStyleColor(2);
    }
  }
  ImGui::EndChild();
}

void bottom_nav(app::Session& s, float height) {
  const Palette& p = palette();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  const float w = window->Size.x;
  pos.x = window->Pos.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + height), p.surface);
  dl->AddLine(pos, ImVec2(pos.x + w, pos.y), p.border);
  // Five a row at most: the secretariat's campaigns are reached from Settings on a phone.
  std::vector<NavItem> items;
  for (const NavItem& item : nav_items(s))
    if (item.screen != Screen::campaigns) items.push_back(item);
  float cell = w / static_cast<float>(items.size());
  ImGui::PushFont(fonts.small);
  for (size_t i = 0; i < items.size(); ++i) {
    const NavItem& item = items[i];
    bool current = nav_group(s) == item.screen || (item.screen == Screen::settings && s.nav.screen == Screen::campaigns);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + cell * static_cast<float>(i), pos.y));
    std::string id = std::string("##") + item.id;
    if (ImGui::InvisibleButton(id.c_str(), ImVec2(cell, height))) go(s, item.screen);
    annotate(tr(item.key), item.id);
    semantics::describe_last_item(semantics::Role::link, current ? semantics::current : 0u);
    const char* label = tr(item.key);
    // A label a little too wide for its fifth of a 360 px screen ("Tổng quan") is set a little
    // smaller on one line rather than broken over two; only a much longer one wraps.
    ImFont* font = ImGui::GetFont();
    const float room = cell - 4;
    float size = ImGui::GetFontSize();
    const float one_line = font->CalcTextSizeA(size, FLT_MAX, 0, label).x;
    if (one_line > room) size = std::max(size * 0.85f, size * room / one_line);
    const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, room, label);
    ImVec2 c(pos.x + cell * (static_cast<float>(i) + 0.5f), pos.y + height * 0.5f);
    if (current) dl->AddRectFilled(ImVec2(c.x - cell * 0.42f, pos.y + 4), ImVec2(c.x + cell * 0.42f, pos.y + height - 4), p.accent_bg, em() * 0.6f);
    dl->AddText(font, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), current ? p.primary : p.muted, label, nullptr, room);
  }
  ImGui::PopFont();
}

// The short guide: the steps of the person's role, in order, and where each happens.
void help_popup(app::Session& s) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = std::min(vp->Size.x - em() * 1.5f, em() * 30);
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("##help", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) return;
  const bool secretariat = s.workspace().settings.role == Role::secretariat;
  heading(tr("help.title"));
  const char* const unit_steps[] = {"help.unit.1", "help.unit.2", "help.unit.3", "help.unit.4"};
  const char* const office_steps[] = {"help.office.1", "help.office.2", "help.office.3", "help.office.4"};
  const auto steps = secretariat ? std::span<const char* const>(office_steps) : std::span<const char* const>(unit_steps);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    spacer(0.2f);
    noted(ImGui::GetColorU32(ImGuiCol_Text), tr(steps[i]), steps[i]);
  }
  spacer(0.3f);
  small_muted(tr("help.more"));
  spacer(0.3f);
  if (button(tr("action.close"), "help.close", ButtonKind::primary) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace

bool screen_chosen_again() { return chosen_again; }

void shell(app::Session& s) {
  if (tab_leaving_multiline()) s.platform().request_frame();
  escape_keeps_typed_text();
  describe_page(s);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const bool phone = is_phone();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##shell", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  ImGui::PushFont(fonts.body);
  top_bar(s, phone);
  help_popup(s);

  const float bottom_h = phone ? em() * 3.6f : 0;
  const float side_w = phone ? 0 : std::clamp(vp->Size.x * 0.17f, em() * 10, em() * 14);
  if (!phone) {
    side_nav(s, side_w);
    ImGui::SameLine(0, 0);
  }
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em() * (phone ? 0.75f : 1.25f), em() * 0.75f));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));  // the page colour; cards are white
  ImGui::BeginChild("##content", ImVec2(0, -bottom_h), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NavFlattened);
  semantics::mark_landmark(semantics::Landmark::main);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  chosen_again = std::exchange(chosen_again_pending, false);
  scroll_for_screen(s);
  notices(s);
  screen(s);
  campaign_accept_dialog(s);  // a campaign file picked or dropped on any screen
  // Ctrl+S (⌘S on a Mac) saves now, from anywhere; the save state above shows it happening.
  if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_S) || ImGui::IsKeyChordPressed(ImGuiMod_Super | ImGuiKey_S)) s.save_now();
  // While a toast shows, the page ends that much lower: what the toast covers can be scrolled
  // out from under it.
  if (toast_height > 0) ImGui::Dummy(ImVec2(1, toast_height));
  ImGui::EndChild();
  if (phone) bottom_nav(s, bottom_h);
  ImGui::PopFont();
  ImGui::End();
  toasts(s, bottom_h);
}

}  // namespace hoso::ui
