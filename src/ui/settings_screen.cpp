// Settings: the interface (language, text size, theme), who is working (role, unit, author), and
// where the work is kept: the save state, whether the browser protects the data, how much space
// it uses, and the one-file backup of the whole workspace with its restore.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "app/backup_actions.hpp"
#include "app/session.hpp"
#include "core/date.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

using app::SaveState;

// Text sizes offered: small screens may want less, older eyes much more.
constexpr double kTextScales[] = {0.85, 1.0, 1.15, 1.3, 1.45, 1.6};

// A row of buttons, one per choice, the current one filled. Returns the index chosen this frame.
int segmented(int current, std::initializer_list<std::pair<const char*, const char*>> choices) {
  int chosen = -1, i = 0;
  for (const auto& [key, id] : choices) {
    if (i) ImGui::SameLine(0, em() * 0.3f);
    if (button(tr(key), id, i == current ? ButtonKind::primary : ButtonKind::normal) && i != current) chosen = i;
    ++i;
  }
  return chosen;
}

void label(const char* key) {
  FieldSpec spec;
  spec.label = tr(key);
  field_label(spec);
}

int nearest_scale(double scale) {
  int best = 0;
  for (int i = 1; i < static_cast<int>(std::size(kTextScales)); ++i)
    if (std::fabs(kTextScales[i] - scale) < std::fabs(kTextScales[best] - scale)) best = i;
  return best;
}

void display_card(app::Session& s) {
  Settings st = s.settings();  // edited here, then handed to the session
  begin_card("##settings.display");
  subheading(tr("settings.display"));
  spacer(0.2f);
  label("settings.language");
  if (int c = segmented(st.language == Language::en ? 1 : 0,
                        {{"settings.language_vi", "settings.language.vi"}, {"settings.language_en", "settings.language.en"}});
      c >= 0) {
    st.language = c == 1 ? Language::en : Language::vi;
    app::report(s, s.change_settings(st));
  }
  spacer(0.3f);
  label("settings.text_size");
  const int at = nearest_scale(st.text_scale);
  const int last = static_cast<int>(std::size(kTextScales)) - 1;
  ImGui::BeginDisabled(at == 0);
  const bool smaller = button("A–", "settings.text_size.smaller");
  ImGui::EndDisabled();
  ImGui::SameLine(0, em() * 0.5f);
  char percent[16];
  std::snprintf(percent, sizeof percent, "%d %%", static_cast<int>(std::lround(kTextScales[at] * 100)));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(percent);
  ImGui::SameLine(0, em() * 0.5f);
  ImGui::BeginDisabled(at == last);
  const bool larger = button("A+", "settings.text_size.larger");
  ImGui::EndDisabled();
  if (smaller || larger) {
    st.text_scale = kTextScales[std::clamp(at + (larger ? 1 : -1), 0, last)];
    app::report(s, s.change_settings(st));
  }
  small_muted(tr("settings.text_size_help"));
  spacer(0.3f);
  label("settings.theme");
  if (int c = segmented(st.theme == Theme::dark ? 1 : 0,
                        {{"settings.theme_light", "settings.theme.light"}, {"settings.theme_dark", "settings.theme.dark"}});
      c >= 0) {
    st.theme = c == 1 ? Theme::dark : Theme::light;
    app::report(s, s.change_settings(st));
  }
  end_card();
}

}  // namespace

// Who is working: the unit (one of the campaign's, or any name typed) and the person's name,
// which the audit records. Settings and the first-run step on the dashboard share it.
void unit_and_author_fields(app::Session& s) {
  Settings st = s.settings();  // edited here, then handed to the session
  const Campaign& c = s.campaign();
  // The unit: one of the campaign's (example) units, or any name typed.
  std::vector<Option> units;
  for (const Unit& u : c.units) units.push_back(Option{u.id, tr(u.name)});
  FieldSpec unit{"settings.unit", tr("settings.unit"), c.units_are_examples ? tr("settings.unit_help_examples") : nullptr};
  if (auto id = choice_field(unit, st.unit_id, units, {})) {
    if (const Unit* u = c.unit(*id)) {
      st.unit_id = u->id;
      st.unit_name = u->name.vi;  // the name the documents print
      app::report(s, s.change_settings(st));
    }
  }
  FieldSpec name{"settings.unit_name", tr("settings.unit_name"), tr("settings.unit_name_help")};
  if (auto v = input_field(name, st.unit_name, {}); v && v->is_string()) {
    st.unit_name = v->get<std::string>();
    // A typed name is its own unit; a name from the list keeps that unit's id.
    st.unit_id = text::slug(st.unit_name);
    for (const Unit& u : c.units)
      if (text::fold(u.name.vi) == text::fold(st.unit_name)) st.unit_id = u.id;
    app::report(s, s.change_settings(st));
  }
  spacer(0.2f);
  author_field(s);
}

void author_field(app::Session& s) {
  Settings st = s.settings();
  FieldSpec author{"settings.author", tr("settings.author"), tr("settings.author_help")};
  if (auto v = input_field(author, st.author, {}); v && v->is_string()) {
    st.author = v->get<std::string>();
    app::report(s, s.change_settings(st));
  }
}

namespace {

void people_card(app::Session& s) {
  Settings st = s.settings();  // edited here, then handed to the session
  begin_card("##settings.people");
  subheading(tr("settings.work"));
  spacer(0.2f);
  label("settings.role");
  if (int r = segmented(st.role == Role::secretariat ? 1 : 0,
                        {{"settings.role_unit", "settings.role.unit"}, {"settings.role_secretariat", "settings.role.secretariat"}});
      r >= 0) {
    st.role = r == 1 ? Role::secretariat : Role::unit;
    app::report(s, s.change_settings(st));
  }
  small_muted(tr(st.role == Role::secretariat ? "settings.role_secretariat_help" : "settings.role_unit_help"));
  // The phone's bottom bar has no room for the campaigns (written a few times a year): here.
  if (st.role == Role::secretariat && is_phone() && button(tr("settings.campaigns"), "settings.campaigns"))
    s.nav.screen = app::Screen::campaigns;
  spacer(0.3f);

  unit_and_author_fields(s);
  end_card();
}

// "1,2 MB" / "1.2 MB".
std::string size_text(double bytes) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  int u = 0;
  while (bytes >= 1024 && u < 4) {
    bytes /= 1024;
    ++u;
  }
  char buf[32];
  if (u == 0 || bytes >= 100) std::snprintf(buf, sizeof buf, "%.0f %s", bytes, units[u]);
  else std::snprintf(buf, sizeof buf, "%.1f %s", bytes, units[u]);
  std::string out = buf;
  if (language() == Language::vi) std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

void storage_card(app::Session& s) {
  const Palette& p = palette();
  const app::StorageStatus& st = s.platform().storage();
  begin_card("##settings.storage");
  subheading(tr("settings.storage"));
  spacer(0.2f);
  // The save state, in words, with what to do when it is not "saved".
  switch (st.state) {
    case SaveState::saved:
      if (st.last_saved > 0) colored_wrapped(p.success, trf("settings.saved_at", {to_display_vietnam(st.last_saved)}).c_str());
      else wrapped(tr("settings.nothing_to_save"));
      break;
    case SaveState::saving: wrapped(tr("save.saving")); break;
    case SaveState::error:
      colored_wrapped(p.error, st.error == "quota" ? tr("notice.quota") : trf("settings.save_failed", {st.error}).c_str());
      break;
    case SaveState::unavailable: colored_wrapped(p.error, tr("notice.no_storage")); break;
    case SaveState::read_only: colored_wrapped(p.warning, tr("notice.read_only")); break;
  }
  if (st.state == SaveState::saved || st.state == SaveState::error) {
    if (button(tr(st.state == SaveState::error ? "save.retry" : "settings.save_now"), "settings.save_now",
               st.state == SaveState::error ? ButtonKind::danger : ButtonKind::normal))
      s.save_now();
  }
  spacer(0.3f);
  // Whether the browser may delete the data by itself (asked on the first save).
  // Named in hoso.items() ("settings.protection"), so tests read what the person is told.
  if (st.state != SaveState::unavailable) {
    if (!st.persist_known) noted(p.muted, tr("settings.protection_unknown"), "settings.protection");
    else if (st.persisted) noted(p.success, tr("settings.protected"), "settings.protection");
    else noted(p.warning, tr("settings.not_protected"), "settings.protection");
    if (st.usage_bytes >= 0 && st.quota_bytes > 0) {
      small_muted(trf("settings.usage", {size_text(st.usage_bytes), size_text(st.quota_bytes)}).c_str());
    }
  }
  const Workspace& w = s.workspace();
  ImGui::PushFont(fonts.small);
  muted(trf("settings.contents", {std::to_string(w.dossiers.size()), std::to_string(w.minutes.size())}).c_str());
  // What takes the space (a walk over the files: every few seconds, not every frame).
  static Millis usage_read = 0;
  static store::Usage usage;
  if (usage_read == 0 || s.now() - usage_read > 5000) {
    if (auto u = s.storage_usage()) usage = *u;
    usage_read = s.now();
  }
  muted(trf("settings.usage_parts", {size_text(static_cast<double>(usage.record_bytes + usage.previous_bytes)),
                                      size_text(static_cast<double>(usage.blob_bytes)), std::to_string(usage.blob_count),
                                      size_text(static_cast<double>(usage.trash_bytes + usage.quarantine_bytes))})
            .c_str());
  ImGui::PopFont();
  // Removed dossiers and the workspace a restore replaced wait in the trash; when space is short
  // the person may let them go (quarantined files are kept: they may be all that is left).
  if (usage.trash_bytes > 0 && !s.read_only() &&
      button(trf("settings.empty_trash", {size_text(static_cast<double>(usage.trash_bytes))}).c_str(), "settings.empty_trash")) {
    app::report(s, s.empty_trash());
    usage_read = 0;
  }
  end_card();
}

void backup_card(app::Session& s) {
  begin_card("##settings.backup");
  subheading(tr("settings.backup"));
  muted(tr("settings.backup_help"));
  spacer(0.3f);
  if (button(tr("settings.backup_export"), "settings.backup.export", ButtonKind::primary)) app::export_backup(s);
  if (!is_phone()) ImGui::SameLine();
  ImGui::BeginDisabled(s.read_only());
  if (button(tr("settings.backup_import"), "settings.backup.import")) app::choose_backup_file(s);
  ImGui::EndDisabled();
  small_muted(tr("settings.backup_import_help"));
  end_card();
}


// Which hoso this is: the version and the build (what to tell whoever helps).
void about_card(app::Session& s) {
  begin_card("##settings.about");
  subheading(tr("settings.about"));
  std::string build = s.platform().build_id();
  if (build.empty()) build = tr("settings.build_unknown");
  noted(ImGui::GetColorU32(ImGuiCol_Text), trf("settings.version", {HOSO_VERSION, build}).c_str(), "settings.version");
  small_muted(tr("settings.help_hint"));
  end_card();
}

}  // namespace

void settings_screen(app::Session& s) {
  heading(tr("nav.settings"));
  spacer(0.3f);
  // A read-only tab shows the settings but cannot change them: nothing it changed would be kept.
  const bool locked = s.read_only();
  if (ImGui::GetContentRegionAvail().x > em() * 44 && ImGui::BeginTable("##settings", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    ImGui::BeginDisabled(locked);
    display_card(s);
    people_card(s);
    ImGui::EndDisabled();
    ImGui::TableNextColumn();
    // The backup first: what the storage card says arrives later and changes its height, and
    // the backup buttons must not move under a finger.
    backup_card(s);
    storage_card(s);
    about_card(s);
    ImGui::EndTable();
  } else {
    ImGui::BeginDisabled(locked);
    display_card(s);
    people_card(s);
    ImGui::EndDisabled();
    backup_card(s);
    storage_card(s);
    about_card(s);
  }
  backup_restore_dialog(s);
}

}  // namespace hoso::ui
