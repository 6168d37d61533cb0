// The workspace backup: write one file, and restore one after asking. See backup_actions.hpp.
#include "app/backup_actions.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "app/session.hpp"
#include "app/strings.hpp"
#include "core/date.hpp"
#include "core/text.hpp"

namespace hoso::app {
namespace {

constexpr std::string_view kDossierDir = "dossiers/";
constexpr std::string_view kMinutesDir = "minutes/";

std::optional<PendingBackup> pending;
int verified = 0;

// What kind of thing a backup item is, for the counts the dialog shows.
PendingBackup::Count kind_of(std::string_view name) {
  if (name.starts_with(kDossierDir)) return PendingBackup::dossiers;
  if (name.starts_with(kMinutesDir)) return PendingBackup::minutes;
  if (name == store::kWorkspaceRecord) return PendingBackup::settings;
  return PendingBackup::other;
}

std::string string_at(const nlohmann::json& j, const char* a, const char* b) {
  if (!j.is_object() || !j.contains(a) || !j[a].is_object()) return {};
  const nlohmann::json& inner = j[a];
  auto it = inner.find(b);
  return it != inner.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "Nguyễn Văn An (hồ sơ)": the name as the workspace shows it now, else as the backup has it.
std::string describe(Session& s, const store::PlannedRecord& r) {
  switch (kind_of(r.name)) {
    case PendingBackup::dossiers: {
      std::string_view id = std::string_view(r.name).substr(kDossierDir.size());
      id.remove_suffix(std::min<std::size_t>(id.size(), 5));  // ".json"
      std::string name;
      if (const Dossier* d = s.workspace().dossier(id)) name = display_name(d->nominee);
      if (name.empty()) name = string_at(r.data, "nominee", "full_name");
      if (name.empty()) name = string_at(r.data, "nominee", "name");
      if (name.empty()) name = tr("dossier.unnamed");
      return trf("backup.item_dossier", {name});
    }
    case PendingBackup::minutes: {
      auto it = r.data.find("date");
      std::string date = it != r.data.end() && it->is_string() ? it->get<std::string>() : std::string();
      if (auto d = parse_iso_date(date)) date = to_display(*d);
      return trf("backup.item_minutes", {date});
    }
    case PendingBackup::settings: return tr("backup.item_settings");
    default: return r.name;
  }
}

std::string describe_blob(Session& s, const store::PlannedBlob& b) {
  for (const Dossier& d : s.workspace().dossiers)
    for (const Attachment& a : d.attachments)
      if (a.sha256 == b.name) return trf("backup.item_attachment", {a.name});
  return trf("backup.item_attachment", {b.name.substr(0, 12)});
}

}  // namespace

std::string backup_file_name(Session& s) {
  std::string unit = text::slug(s.workspace().settings.unit_name);
  return "hoso-sao-luu_" + (unit.empty() ? std::string() : unit + "_") + to_iso(s.today()) + ".json";
}

void export_backup(Session& s) {
  s.flush();  // the file holds what is on screen
  auto text = store::make_backup(s.store().records(), s.now());
  if (!text) {
    s.toast(Toast::Kind::error, Message::failed("backup.export_failed", text.error()), 20);
    return;
  }
  const std::string name = backup_file_name(s);
  s.platform().download(name, "application/json", *text);
  s.toast(Toast::Kind::success, Message("backup.exported", {name}), 10);
}

void choose_backup_file(Session& s) {
  s.platform().pick_files(FilePurpose::backup, ".json,application/json", false);
}

void on_backup_file(Session& s, std::string_view name, std::string_view bytes) {
  s.nav.screen = Screen::settings;
  pending.reset();
  if (s.read_only()) {
    s.toast(Toast::Kind::warning, Message("backup.read_only"), 12);
    return;
  }
  s.flush();  // the plan compares the backup with what is really stored
  auto plan = store::verify_backup(bytes, s.store().records(), name);
  if (!plan) {
    s.toast(Toast::Kind::error, Message::failed("backup.refused", plan.error()), 30);
    return;
  }
  PendingBackup p{++verified, std::string(name), std::move(*plan), {}, {}, {}};
  for (const store::PlannedRecord& r : p.plan.records) {
    if (r.action == store::PlanAction::add) ++p.added[kind_of(r.name)];
    if (r.action == store::PlanAction::replace) p.replaced.push_back(describe(s, r));
  }
  for (const store::PlannedBlob& b : p.plan.blobs) {
    if (b.action == store::PlanAction::add) ++p.added[PendingBackup::attachments];
    if (b.action == store::PlanAction::replace) p.replaced.push_back(describe_blob(s, b));
  }
  for (const std::string& dropped : p.plan.dropped) {
    store::PlannedRecord r;
    r.name = dropped;
    p.dropped.push_back(describe(s, r));
  }
  if (p.plan.count(store::PlanAction::add) == 0 && p.replaced.empty() && p.dropped.empty()) {
    s.toast(Toast::Kind::info, Message("backup.nothing_new", {name}), 10);
    return;
  }
  pending = std::move(p);
  s.platform().request_frame();
}

std::string added_text(const PendingBackup& p) {
  const auto& n = p.added;
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (n[PendingBackup::dossiers]) add(trf("backup.count_dossiers", n[PendingBackup::dossiers]));
  if (n[PendingBackup::minutes]) add(trf("backup.count_minutes", n[PendingBackup::minutes]));
  if (n[PendingBackup::attachments]) add(trf("backup.count_attachments", n[PendingBackup::attachments]));
  if (n[PendingBackup::settings]) add(tr("backup.item_settings"));
  if (n[PendingBackup::other]) add(trf("backup.count_other", n[PendingBackup::other]));
  return out;
}

const std::optional<PendingBackup>& pending_backup() { return pending; }
void forget_pending_backup() { pending.reset(); }

void restore_pending_backup(Session& s) {
  if (!pending) return;
  const PendingBackup p = std::move(*pending);
  pending.reset();
  if (s.read_only()) {  // the tab lost the workspace while the dialog was open
    s.toast(Toast::Kind::warning, Message("backup.read_only"), 12);
    return;
  }
  s.flush();  // anything typed meanwhile is on disk first (the restore then sees it: plan_stale)
  // A verified swap: the old workspace stays until the restored one has been read back.
  auto r = store::restore_backup(s.store().records(), p.plan, s.now());
  // Whatever was written is what the app shows from now on, and goes to IndexedDB at once.
  s.reload_from_store();
  s.save_now();
  if (!r) {
    const bool stale = r.error().kind == store::ErrorKind::plan_stale;
    s.toast(Toast::Kind::error, stale ? Message("backup.stale") : Message::failed("backup.apply_failed", r.error()), 20);
    return;
  }
  const std::size_t added = r->records_added + r->blobs_added, replaced = r->records_replaced + r->blobs_replaced;
  s.toast(Toast::Kind::success, Message("backup.restored", {std::to_string(added), std::to_string(replaced)}), 10);
}

}  // namespace hoso::app
