// The workspace backup: write one file, and restore one after asking. See backup_actions.hpp.
#include "ui/backup_actions.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "app/session.hpp"
#include "core/date.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "store/backup.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

constexpr const char* kDialog = "##backup.restore";
constexpr std::string_view kDossierDir = "dossiers/";
constexpr std::string_view kMinutesDir = "minutes/";
constexpr std::size_t kListedReplacements = 10;

// What kind of thing a backup item is, for the counts the dialog shows.
enum class ItemKind { dossier, minutes, attachment, settings, other };

// A verified backup waiting for the person's answer.
struct Pending {
  std::string file_name;
  store::BackupPlan plan;
  int added[5] = {};           // by ItemKind
  std::vector<std::string> replaced;  // what people call the things that would be replaced
  std::vector<std::string> dropped;   // in the workspace, not in the backup: to the trash
  bool opened = false;
};
std::optional<Pending> pending;

ItemKind kind_of(std::string_view name) {
  if (name.starts_with(kDossierDir)) return ItemKind::dossier;
  if (name.starts_with(kMinutesDir)) return ItemKind::minutes;
  if (name == store::kWorkspaceRecord) return ItemKind::settings;
  return ItemKind::other;
}

std::string string_at(const nlohmann::json& j, const char* a, const char* b) {
  if (!j.is_object() || !j.contains(a) || !j[a].is_object()) return {};
  const nlohmann::json& inner = j[a];
  auto it = inner.find(b);
  return it != inner.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "Nguyễn Văn An (hồ sơ)": the name as the workspace shows it now, else as the backup has it.
std::string describe(app::Session& s, const store::PlannedRecord& r) {
  switch (kind_of(r.name)) {
    case ItemKind::dossier: {
      std::string_view id = std::string_view(r.name).substr(kDossierDir.size());
      id.remove_suffix(std::min<std::size_t>(id.size(), 5));  // ".json"
      std::string name;
      if (const Dossier* d = s.workspace().dossier(id)) name = display_name(d->nominee);
      if (name.empty()) name = string_at(r.data, "nominee", "full_name");
      if (name.empty()) name = string_at(r.data, "nominee", "name");
      if (name.empty()) name = tr("dossier.unnamed");
      return trf("backup.item_dossier", {name});
    }
    case ItemKind::minutes: {
      auto it = r.data.find("date");
      std::string date = it != r.data.end() && it->is_string() ? display_date(it->get<std::string>()) : std::string();
      return trf("backup.item_minutes", {date});
    }
    case ItemKind::settings: return tr("backup.item_settings");
    default: return r.name;
  }
}

std::string describe_blob(app::Session& s, const store::PlannedBlob& b) {
  for (const Dossier& d : s.workspace().dossiers)
    for (const Attachment& a : d.attachments)
      if (a.sha256 == b.name) return trf("backup.item_attachment", {a.name});
  return trf("backup.item_attachment", {b.name.substr(0, 12)});
}

// "3 hồ sơ, 1 biên bản, 2 tệp đính kèm, cài đặt".
std::string counts_text(const int (&n)[5]) {
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (n[0]) add(trf("backup.count_dossiers", n[0]));
  if (n[1]) add(trf("backup.count_minutes", n[1]));
  if (n[2]) add(trf("backup.count_attachments", n[2]));
  if (n[3]) add(tr("backup.item_settings"));
  if (n[4]) add(trf("backup.count_other", n[4]));
  return out;
}

void apply_pending(app::Session& s) {
  s.flush();  // anything typed meanwhile is on disk first (apply_backup then sees it: plan_stale)
  // A verified swap: the old workspace stays until the restored one has been read back.
  auto r = store::restore_backup(s.store().records(), pending->plan, s.now());
  // Whatever was written is what the app shows from now on, and goes to IndexedDB at once.
  s.reload_from_store();
  s.save_now();
  if (!r) {
    const bool stale = r.error().kind == store::ErrorKind::plan_stale;
    s.toast(app::Toast::Kind::error,
            stale ? std::string(tr("backup.stale")) : trf("backup.apply_failed", {r.error().describe(language())}), 20);
    return;
  }
  const std::size_t added = r->records_added + r->blobs_added, replaced = r->records_replaced + r->blobs_replaced;
  s.toast(app::Toast::Kind::success, trf("backup.restored", {std::to_string(added), std::to_string(replaced)}), 10);
}

}  // namespace

std::string backup_file_name(app::Session& s) {
  std::string unit = text::slug(s.workspace().settings.unit_name);
  return "hoso-sao-luu_" + (unit.empty() ? std::string() : unit + "_") + to_iso(s.today()) + ".json";
}

void export_backup(app::Session& s) {
  s.flush();  // the file holds what is on screen
  auto text = store::make_backup(s.store().records(), s.now());
  if (!text) {
    s.toast(app::Toast::Kind::error, trf("backup.export_failed", {text.error().describe(language())}), 20);
    return;
  }
  const std::string name = backup_file_name(s);
  s.platform().download(name, "application/json", *text);
  s.toast(app::Toast::Kind::success, trf("backup.exported", {name}), 10);
}

void choose_backup_file(app::Session& s) {
  s.platform().pick_files(app::FilePurpose::backup, ".json,application/json", false);
}

// The strong definition of file_routing.cpp's hook. Runs between frames: no ImGui calls.
void on_backup_file(app::Session& s, std::string_view name, std::string_view bytes) {
  s.nav.screen = app::Screen::settings;
  pending.reset();
  if (s.read_only()) {
    s.toast(app::Toast::Kind::warning, tr("backup.read_only"), 12);
    return;
  }
  s.flush();  // the plan compares the backup with what is really stored
  auto plan = store::verify_backup(bytes, s.store().records(), name);
  if (!plan) {
    s.toast(app::Toast::Kind::error, trf("backup.refused", {plan.error().describe(language())}), 30);
    return;
  }
  Pending p{std::string(name), std::move(*plan), {}, {}, {}, false};
  for (const store::PlannedRecord& r : p.plan.records) {
    if (r.action == store::PlanAction::add) ++p.added[static_cast<int>(kind_of(r.name))];
    if (r.action == store::PlanAction::replace) p.replaced.push_back(describe(s, r));
  }
  for (const store::PlannedBlob& b : p.plan.blobs) {
    if (b.action == store::PlanAction::add) ++p.added[static_cast<int>(ItemKind::attachment)];
    if (b.action == store::PlanAction::replace) p.replaced.push_back(describe_blob(s, b));
  }
  for (const std::string& dropped : p.plan.dropped) {
    store::PlannedRecord r;
    r.name = dropped;
    p.dropped.push_back(describe(s, r));
  }
  if (p.plan.count(store::PlanAction::add) == 0 && p.replaced.empty() && p.dropped.empty()) {
    s.toast(app::Toast::Kind::info, trf("backup.nothing_new", {name}), 10);
    return;
  }
  pending = std::move(p);
  s.platform().request_frame();
}

void backup_restore_dialog(app::Session& s) {
  if (!pending) return;
  if (!pending->opened) {
    ImGui::OpenPopup(kDialog);
    pending->opened = true;
  }
  // A fixed width (the text wraps to it), the height of the content.
  ImGui::SetNextWindowSize(ImVec2(std::min(em() * 28, ImGui::GetMainViewport()->Size.x - em() * 2), 0), ImGuiCond_Always);
  if (!ImGui::BeginPopupModal(kDialog, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings)) {
    pending.reset();  // closed from outside
    return;
  }
  const Palette& p = palette();
  subheading(tr("backup.confirm_title"));
  std::string created = pending->plan.created_at;
  if (auto t = parse_iso_instant(created)) created = to_display_vietnam(*t);
  muted(trf("backup.confirm_file", {pending->file_name, created}).c_str());
  spacer(0.3f);
  const std::string added = counts_text(pending->added);
  if (!added.empty()) wrapped(trf("backup.will_add", {added}).c_str());
  const bool replaces = !pending->replaced.empty();
  if (replaces) {
    if (!added.empty()) spacer(0.2f);
    colored_wrapped(p.warning, trf("backup.will_replace", static_cast<long long>(pending->replaced.size())).c_str());
    const std::size_t shown = std::min(pending->replaced.size(), kListedReplacements);
    for (std::size_t i = 0; i < shown; ++i) wrapped(("• " + pending->replaced[i]).c_str());
    if (pending->replaced.size() > shown)
      muted(trf("findings.more", static_cast<long long>(pending->replaced.size() - shown)).c_str());
  }
  if (!pending->dropped.empty()) {
    spacer(0.2f);
    colored_wrapped(p.warning, trf("backup.will_set_aside", static_cast<long long>(pending->dropped.size())).c_str());
    const std::size_t shown = std::min(pending->dropped.size(), kListedReplacements);
    for (std::size_t i = 0; i < shown; ++i) wrapped(("• " + pending->dropped[i]).c_str());
    if (pending->dropped.size() > shown)
      muted(trf("findings.more", static_cast<long long>(pending->dropped.size() - shown)).c_str());
  }
  spacer(0.2f);
  ImGui::PushFont(fonts.small);
  muted(tr("backup.swap_note"));
  ImGui::PopFont();
  spacer(0.3f);
  const bool restore = button(tr("backup.restore"), "backup.confirm",
                              replaces || !pending->dropped.empty() ? ButtonKind::danger : ButtonKind::primary);
  ImGui::SameLine();
  const bool cancel = button(tr("action.cancel"), "backup.cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
  if (restore) apply_pending(s);
  if (restore || cancel) {
    pending.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace hoso::ui
