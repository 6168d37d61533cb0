#include "app/session.hpp"

#include <algorithm>

#include "app/edition.hpp"
#include "core/sha256.hpp"

namespace hoso::app {

namespace {
constexpr Millis kFindingsThrottleMs = 250;
constexpr Millis kAuditCoalesceMs = 5 * 60 * 1000;
}  // namespace

Session::Session(Platform& platform) : platform_(platform), store_(platform.data_dir()) {}
Session::~Session() = default;


bool Session::start() {
  auto lib = load_builtin_library();
  if (!lib) return false;
  library_ = std::move(lib.value());
  reload_from_store();
  return campaign_ != nullptr;
}

void Session::reload_from_store() {
  auto loaded = store_.load(now());
  if (loaded) {
    ws_ = std::move(loaded->workspace);
    broken_ = std::move(loaded->broken);
    deleted_.reset();  // its undo would bring back a dossier from before the reload
  } else {
    ws_ = Workspace{};
    broken_.clear();
    toast(Toast::Kind::error, loaded.error().describe(settings().language), 30);
  }
  if (secretariat_) reload_secretariat(*secretariat_);
  campaign_ = library_.campaign(ws_.campaign_id);
  if (!campaign_) {
    ws_.campaign_id = std::string(kDefaultCampaignId);
    campaign_ = library_.campaign(ws_.campaign_id);
  }
  if (!campaign_ && !library_.campaigns().empty()) campaign_ = &library_.campaigns().front();
  ++revision_;
}

bool Session::read_only() const {
  return platform_.storage().state == SaveState::read_only;
}

Date Session::today() { return vietnam_date(now()); }

EditContext Session::edit_context() {
  EditContext ctx;
  ctx.author = ws_.settings.author.empty() ? std::string("?") : ws_.settings.author;
  ctx.now = now();
  return ctx;
}

const std::vector<Finding>& Session::findings(bool fresh) {
  if (findings_revision_ != revision_) {
    Millis t = now();
    if (fresh || findings_revision_ == 0 || t - findings_time_ >= kFindingsThrottleMs) {
      findings_ = validate(library_, *campaign_, ws_, today());
      findings_revision_ = revision_;
      findings_time_ = t;
    } else {
      platform_.wake_after(static_cast<int>(kFindingsThrottleMs - (t - findings_time_)) + 5);
    }
  }
  return findings_;
}

void Session::changed() {
  ++revision_;
  platform_.save_soon();
  platform_.request_frame();
}

// Typing produces one edit per keystroke; the audit keeps one entry per field and sitting: when
// the newest two entries are the same field by the same author within a few minutes, they merge
// (old value of the first, new value of the second).
void Session::coalesce_audit(std::vector<AuditEntry>& audit) {
  if (audit.size() < 2) return;
  AuditEntry& last = audit[audit.size() - 1];
  AuditEntry& prev = audit[audit.size() - 2];
  if (last.path == prev.path && last.author == prev.author && last.time - prev.time <= kAuditCoalesceMs &&
      last.path != "status") {
    prev.new_value = std::move(last.new_value);
    prev.time = last.time;
    audit.pop_back();
    if (prev.old_value == prev.new_value) audit.pop_back();  // typed and undone: nothing happened
  }
}

Outcome<bool> Session::set(Dossier& d, std::string_view path, const nlohmann::json& value) {
  if (read_only()) return DataError{{}, std::string(path), {"Chỉ xem: hồ sơ đang mở ở thẻ khác.", "Read-only: open in another tab."}};
  auto r = set_field(library_, d, path, value, edit_context());
  if (r && *r) {
    coalesce_audit(d.audit);
    touched(d);
  }
  return r;
}

Outcome<bool> Session::set_kind(Dossier& d, NomineeKind kind) {
  auto r = hoso::set_kind(library_, *campaign_, d, kind, edit_context());
  if (r && *r) touched(d);
  return r;
}

Outcome<bool> Session::set(Minutes& m, std::string_view path, const nlohmann::json& value) {
  if (read_only()) return DataError{{}, std::string(path), {"Chỉ xem: hồ sơ đang mở ở thẻ khác.", "Read-only: open in another tab."}};
  auto r = set_field(m, path, value, edit_context());
  if (r && *r) {
    coalesce_audit(m.audit);
    touched(m);
  }
  return r;
}

void Session::touched(const Dossier& d) {
  store_.mark_dossier_dirty(d.id);
  changed();
}
void Session::touched(const Minutes& m) {
  store_.mark_minutes_dirty(m.id);
  changed();
}
void Session::settings_changed() {
  store_.mark_settings_dirty();
  changed();
}

std::string Session::new_id() { return format_uuid_v4(platform_.random16()); }

Dossier& Session::create_dossier(NomineeKind kind, std::string_view award_form) {
  auto ctx = edit_context();
  ws_.dossiers.push_back(new_dossier(library_, *campaign_, new_id(), kind, award_form, ctx.author, ctx.now));
  Dossier& d = ws_.dossiers.back();
  if (kind == NomineeKind::individual && !ws_.settings.unit_name.empty()) d.nominee.unit = ws_.settings.unit_name;
  if (kind == NomineeKind::collective && !ws_.settings.unit_name.empty()) d.nominee.name = ws_.settings.unit_name;
  touched(d);
  return d;
}

Dossier& Session::duplicate(const Dossier& source) {
  Dossier copy = duplicate_dossier(source, new_id(), edit_context());
  ws_.dossiers.push_back(std::move(copy));
  touched(ws_.dossiers.back());
  return ws_.dossiers.back();
}

void Session::delete_dossier(std::string_view id) {
  auto it = std::find_if(ws_.dossiers.begin(), ws_.dossiers.end(), [&](const Dossier& d) { return d.id == id; });
  if (it == ws_.dossiers.end()) return;
  deleted_.emplace(std::move(*it), static_cast<size_t>(it - ws_.dossiers.begin()));
  ws_.dossiers.erase(it);
  store_.mark_dossier_removed(id);
  if (nav.dossier_id == id) {
    nav.dossier_id.clear();
    if (nav.screen == Screen::dossier) nav.screen = Screen::dossiers;
  }
  changed();
}

void Session::undo_delete() {
  if (!deleted_) return;
  auto& [d, index] = *deleted_;
  index = std::min(index, ws_.dossiers.size());
  ws_.dossiers.insert(ws_.dossiers.begin() + static_cast<std::ptrdiff_t>(index), std::move(d));
  Dossier& restored = ws_.dossiers[index];
  deleted_.reset();
  // The record went to the store's trash; writing it again makes it current (a new sequence).
  store_.mark_dossier_dirty(restored.id);
  changed();
}

Minutes& Session::unit_minutes() {
  for (Minutes& m : ws_.minutes)
    if (m.unit_id == ws_.settings.unit_id) return m;
  if (!ws_.minutes.empty()) return ws_.minutes.front();
  ws_.minutes.push_back(new_minutes(new_id(), ws_.settings.unit_id, ws_.settings.unit_name, now()));
  touched(ws_.minutes.back());
  return ws_.minutes.back();
}

void Session::flush() {
  if (read_only()) return;
  const bool register_saved = !secretariat_ || flush_secretariat(*secretariat_);
  if (store_.dirty()) {
    auto r = store_.flush(ws_, now());
    if (!r.errors.empty()) toast(Toast::Kind::error, r.errors.front().describe(settings().language), 20);
  }
  if (register_saved && !store_.dirty()) collect_garbage();
}

void Session::collect_garbage() {
  // Once a session, and on every save while storage is full (the person is removing attachments
  // to make room). Only when everything is saved, so the disk names all that memory does; the
  // open workspace's attachments are passed too, in case a record is written but not yet read.
  const StorageStatus& st = platform_.storage();
  const bool full = st.state == SaveState::error && st.error == "quota";
  if (garbage_collected_ && !full) return;
  garbage_collected_ = true;
  std::set<std::string, std::less<>> open;
  for (const Dossier& d : ws_.dossiers)
    for (const Attachment& a : d.attachments) open.insert(a.sha256);
  auto r = store_.collect_garbage(open);
  if (r && r->removed > 0) platform_.save_soon();
}

void Session::save_now() {
  flush();
  platform_.save_now();
}

void Session::replace_workspace(Workspace w) {
  // Records that are not in the new workspace go to the store's trash.
  for (const Dossier& d : ws_.dossiers)
    if (!w.dossier(d.id)) store_.mark_dossier_removed(d.id);
  for (const Minutes& m : ws_.minutes)
    if (!w.find_minutes(m.id)) store_.mark_minutes_removed(m.id);
  ws_ = std::move(w);
  // In the order the store loads them (store/workspace_store.cpp), so a reload changes nothing.
  std::stable_sort(ws_.dossiers.begin(), ws_.dossiers.end(), [](const Dossier& a, const Dossier& b) { return a.created < b.created; });
  std::stable_sort(ws_.minutes.begin(), ws_.minutes.end(), [](const Minutes& a, const Minutes& b) { return a.created < b.created; });
  store_.mark_all_dirty(ws_);
  campaign_ = library_.campaign(ws_.campaign_id);
  if (!campaign_) campaign_ = &library_.campaigns().front();
  nav = Navigation{};
  changed();
}

void Session::update_workspace(Workspace w) {
  for (const Dossier& d : ws_.dossiers)
    if (!w.dossier(d.id)) store_.mark_dossier_removed(d.id);
  for (const Minutes& m : ws_.minutes)
    if (!w.find_minutes(m.id)) store_.mark_minutes_removed(m.id);
  for (const Dossier& d : w.dossiers)
    if (const Dossier* old = ws_.dossier(d.id); !old || *old != d) store_.mark_dossier_dirty(d.id);
  for (const Minutes& m : w.minutes)
    if (const Minutes* old = ws_.find_minutes(m.id); !old || *old != m) store_.mark_minutes_dirty(m.id);
  if (w.settings != ws_.settings || w.exports != ws_.exports || w.campaign_id != ws_.campaign_id)
    store_.mark_settings_dirty();
  ws_ = std::move(w);
  if (const Campaign* c = library_.campaign(ws_.campaign_id)) campaign_ = c;
  if (!nav.dossier_id.empty() && !ws_.dossier(nav.dossier_id)) nav.dossier_id.clear();
  changed();
}

void Session::toast(Toast::Kind kind, std::string text, int seconds) {
  toasts.clear();
  toasts.push_back(Toast{kind, std::move(text), now() + seconds * 1000LL});
  platform_.wake_after(seconds * 1000 + 50);
  platform_.request_frame();
}

}  // namespace hoso::app
