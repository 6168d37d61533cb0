#include "app/session.hpp"

#include <algorithm>
#include <utility>

#include "app/edition.hpp"
#include "app/strings.hpp"
#include "core/attachments.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "store/registry_store.hpp"

namespace hoso::app {

namespace {
constexpr Millis kFindingsThrottleMs = 250;
constexpr Millis kAuditCoalesceMs = 5 * 60 * 1000;
}  // namespace

// Each screen's name for tests and logs, a row each.
constexpr std::pair<Screen, const char*> kScreenNames[] = {
    {Screen::dashboard, "dashboard"},   {Screen::dossiers, "dossiers"},
    {Screen::dossier, "dossier"},       {Screen::minutes, "minutes"},
    {Screen::package_export, "package_export"}, {Screen::package_import, "package_import"},
    {Screen::settings, "settings"},     {Screen::intake, "intake"},
    {Screen::registry, "registry"},     {Screen::council, "council"},
    {Screen::awards, "awards"},         {Screen::campaigns, "campaigns"},
};

const char* screen_name(Screen screen) {
  for (const auto& [row, name] : kScreenNames)
    if (row == screen) return name;
  return "unknown";
}

Session::Session(Platform& platform) : platform_(platform), store_(platform.data_dir()) {}
Session::~Session() = default;
void Session::SecretariatDeleter::operator()(Secretariat* sec) const { destroy_secretariat(sec); }


bool Session::start() {
  auto lib = load_builtin_library();
  if (!lib) return false;
  builtin_ = std::move(lib.value());
  library_ = builtin_;
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
    toast(Toast::Kind::error, Message::error(loaded.error()), 30);
  }
  if (secretariat_) reload_secretariat(*secretariat_);
  use_active_campaign();
  ++revision_;
}

// The library is the built-in one plus the workspace's campaigns; a held campaign that no longer
// reads is said, never silently dropped. campaign_ points into library_, so it is set again here.
void Session::use_active_campaign() {
  WorkspaceLibrary built = library_for(builtin_, ws_);
  library_ = std::move(built.library);
  if (!built.left_out.empty()) toast(Toast::Kind::error, Message::error(built.left_out.front()), 30);
  campaign_ = library_.campaign(ws_.campaign_id);
  if (!campaign_) {
    ws_.campaign_id = std::string(kDefaultCampaignId);
    campaign_ = library_.campaign(ws_.campaign_id);
  }
  if (!campaign_ && !library_.campaigns().empty()) campaign_ = &library_.campaigns().front();
}

Outcome<CampaignFile> Session::read_campaign_file(std::string_view file_name, std::string_view bytes) const {
  auto file = hoso::read_campaign_file(file_name, bytes);
  if (!file) return file.error();
  auto preview = preview_campaign(library_, ws_, *file);
  if (!preview) {
    DataError e = preview.error();
    e.file = std::string(file_name);
    return e;
  }
  return file;
}

Outcome<Done> Session::accept_campaign(const CampaignFile& file) {
  if (auto no = refusal()) return *no;
  const std::size_t held = ws_.campaigns.size();
  auto r = hoso::accept_campaign(library_, ws_, file, now());
  if (!r) return r;
  if (ws_.campaigns.size() > held) store_.mark_campaign_dirty(ws_.campaigns.back());
  store_.mark_settings_dirty();
  campaign_ = library_.campaign(ws_.campaign_id);
  nav = Navigation{};
  if (secretariat_) reload_secretariat(*secretariat_);
  changed();
  save_now();
  return r;
}

Outcome<Done> Session::hold_campaign(const CampaignFile& file) {
  if (auto no = refusal()) return *no;
  const std::string active = ws_.campaign_id;
  const std::size_t held = ws_.campaigns.size();
  auto r = hoso::accept_campaign(library_, ws_, file, now());
  if (!r) return r;
  activate(ws_, active);
  if (ws_.campaigns.size() > held) store_.mark_campaign_dirty(ws_.campaigns.back());
  store_.mark_settings_dirty();
  campaign_ = library_.campaign(ws_.campaign_id);  // the library may have moved
  changed();
  return r;
}

bool Session::switch_campaign(std::string_view id) {
  if (id == ws_.campaign_id || !hoso::switch_campaign(library_, ws_, id)) return false;
  campaign_ = library_.campaign(ws_.campaign_id);
  store_.mark_settings_dirty();
  nav = Navigation{};
  // The secretariat works on this campaign's register now (each campaign has its own).
  if (secretariat_) reload_secretariat(*secretariat_);
  changed();
  return true;
}

std::vector<CampaignSummary> Session::campaign_summaries() { return hoso::campaign_summaries(library_, ws_, today()); }

CampaignState Session::campaign_state(const Campaign& c) { return state_of(library_, ws_, c, today()); }

bool Session::campaign_closed(std::string_view campaign_id) {
  const Campaign* c = library_.campaign(campaign_id);
  return c && is_closed(campaign_state(*c));
}

bool Session::mark_campaign(std::string_view id, std::optional<CampaignMark> mark) {
  if (refusal()) return false;
  if (auto done = hoso::mark_campaign(library_, ws_, id, mark); !done) {
    toast(Toast::Kind::warning, Message::text(done.error().what), 8);
    return false;
  }
  store_.mark_settings_dirty();
  changed();
  return true;
}

bool Session::read_only() const {
  return platform_.storage().state == SaveState::read_only;
}

Date Session::today() { return vietnam_date(now()); }

EditContext Session::edit_context() {
  EditContext ctx;
  // The history names who changed what: the person, else (no name given yet) the unit, never "?".
  const std::string author = text::trim(ws_.settings.author), unit = text::trim(ws_.settings.unit_name);
  ctx.author = !author.empty() ? author : !unit.empty() ? unit : std::string(tr("audit.unnamed"));
  ctx.now = now();
  return ctx;
}

const std::vector<Finding>& Session::findings(bool fresh) {
  if (findings_revision_ != revision_) {
    Millis t = now();
    if (fresh || findings_revision_ == 0 || t - findings_time_ >= kFindingsThrottleMs) {
      // Each campaign's dossiers answer to their own campaign: the findings are the active one's.
      // A workspace that never took a campaign file holds only built-in campaigns' work.
      findings_ = !ws_.campaigns.empty() || spans_campaigns(ws_) ? validate(library_, *campaign_, campaign_part(ws_, campaign_->id), today())
                                       : validate(library_, *campaign_, ws_, today());
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

std::optional<DataError> Session::refusal() {
  if (!read_only()) return std::nullopt;
  DataError e{{}, {}, both("save.read_only_refused")};
  toast(Toast::Kind::warning, Message::text(e.what), 12);
  return e;
}

// A closed campaign's dossiers and minutes are kept as they were sent: printable, not editable.
std::optional<DataError> Session::refusal(std::string_view campaign_id) {
  if (auto no = refusal()) return no;
  if (campaign_id.empty() || !campaign_closed(campaign_id)) return std::nullopt;
  DataError e{{}, {}, both("campaign.closed_refused")};
  toast(Toast::Kind::warning, Message::text(e.what), 12);
  return e;
}

std::optional<DataError> Session::refusal(const Dossier& shown) {
  if (auto no = refusal(shown.campaign.id)) return no;
  if (shown.status != Status::exported) return std::nullopt;
  DataError e{{}, {}, both("dossier.sent_refused")};
  toast(Toast::Kind::warning, Message::text(e.what), 12);
  return e;
}

namespace {
DataError no_such_dossier(std::string_view id) {
  return DataError{{}, std::string(id), both("session.no_dossier")};
}
}  // namespace

// The workspace's own copy of the dossier the screen shows (screens hold const references).
Dossier* Session::writable(const Dossier& d) { return ws_.dossier(d.id); }

// One set of minutes per campaign: the active campaign's (this unit's, else the first).
const Minutes* Session::unit_minutes() const {
  const std::string& cid = campaign_->id;
  for (const Minutes& m : ws_.minutes)
    if (m.campaign_id == cid && m.unit_id == ws_.settings.unit_id) return &m;
  for (const Minutes& m : ws_.minutes)
    if (m.campaign_id == cid) return &m;
  return nullptr;
}

Minutes& Session::writable_minutes() {
  if (const Minutes* m = unit_minutes()) return *ws_.find_minutes(m->id);
  ws_.minutes.push_back(new_minutes(new_id(), ws_.settings.unit_id, ws_.settings.unit_name, now()));
  ws_.minutes.back().campaign_id = campaign_->id;
  touched(ws_.minutes.back());
  return ws_.minutes.back();
}

Outcome<std::string> Session::attachment_bytes(std::string_view sha256) {
  auto r = store_.attachment(sha256);
  if (!r) return r.error().detail;
  return std::move(r.value());
}

Outcome<bool> Session::set(const Dossier& shown, std::string_view path, const nlohmann::json& value) {
  if (auto no = refusal(shown)) return *no;
  Dossier* d = writable(shown);
  if (!d) return no_such_dossier(shown.id);
  auto r = set_field(library_, *d, path, value, edit_context());
  if (r && *r) {
    coalesce_audit(d->audit);
    touched(*d);
  }
  return r;
}

Outcome<bool> Session::set_kind(const Dossier& shown, NomineeKind kind) {
  if (auto no = refusal(shown)) return *no;
  Dossier* d = writable(shown);
  if (!d) return no_such_dossier(shown.id);
  auto r = hoso::set_kind(library_, *campaign_, *d, kind, edit_context());
  if (r && *r) touched(*d);
  return r;
}

Outcome<std::size_t> Session::add_row(const Dossier& shown, std::string_view rows_path) {
  if (auto no = refusal(shown)) return *no;
  Dossier* d = writable(shown);
  if (!d) return no_such_dossier(shown.id);
  auto r = hoso::add_row(library_, *d, rows_path, edit_context());
  if (r) touched(*d);
  return r;
}

Outcome<bool> Session::move_row(const Dossier& shown, std::string_view rows_path, std::size_t from, std::size_t to) {
  if (auto no = refusal(shown)) return *no;
  Dossier* d = writable(shown);
  if (!d) return no_such_dossier(shown.id);
  auto r = hoso::move_row(*d, rows_path, from, to, edit_context());
  if (r && *r) touched(*d);
  return r;
}

Outcome<bool> Session::remove_row(const Dossier& shown, std::string_view rows_path, std::size_t index) {
  if (auto no = refusal(shown)) return *no;
  Dossier* d = writable(shown);
  if (!d) return no_such_dossier(shown.id);
  auto r = hoso::remove_row(*d, rows_path, index, edit_context());
  if (r && *r) touched(*d);
  return r;
}

Outcome<bool> Session::change_status(const Dossier& shown, Status to) {
  if (auto no = refusal(shown.campaign.id)) return *no;
  Dossier* d = writable(shown);
  if (!d) return no_such_dossier(shown.id);
  auto r = hoso::change_status(*d, StatusChange{to, Role::unit, {}}, findings(true), edit_context());
  if (r && *r) touched(*d);
  return r;
}

Outcome<std::string> Session::add_attachment(const Dossier& shown, std::string_view name, std::string_view mime,
                                             std::string_view bytes) {
  if (auto no = refusal(shown)) return *no;
  Dossier* d = writable(shown);
  if (!d) return no_such_dossier(shown.id);
  auto a = prepare_attachment(*d, new_id(), name, mime, bytes, now());
  if (!a) return a.error();
  // The bytes first: a dossier never names a blob the store does not hold.
  if (auto stored = store_.put_attachment(a->sha256, bytes); !stored) {
    DataError e = stored.error().detail;
    e.file = std::string(name);
    return e;
  }
  std::string kept = a->name;
  auto r = hoso::add_attachment(*d, std::move(*a), edit_context());
  if (!r) return r.error();
  touched(*d);
  return kept;
}

Outcome<bool> Session::remove_attachment(const Dossier& shown, std::string_view attachment_id) {
  if (auto no = refusal(shown)) return *no;
  Dossier* d = writable(shown);
  if (!d) return no_such_dossier(shown.id);
  auto r = hoso::remove_attachment(*d, attachment_id, edit_context());
  if (r && *r) touched(*d);
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

std::string Session::new_id() { return format_uuid_v4(platform_.random16()); }

Outcome<std::string> Session::create_dossier(NomineeKind kind, std::string_view award_form) {
  if (auto no = refusal(campaign_->id)) return *no;  // a closed campaign takes no new dossier
  auto ctx = edit_context();
  ws_.dossiers.push_back(new_dossier(library_, *campaign_, new_id(), kind, award_form, ctx.author, ctx.now));
  Dossier& d = ws_.dossiers.back();
  if (kind == NomineeKind::individual && !ws_.settings.unit_name.empty()) d.nominee.unit = ws_.settings.unit_name;
  if (kind == NomineeKind::collective && !ws_.settings.unit_name.empty()) d.nominee.name = ws_.settings.unit_name;
  touched(d);
  return d.id;
}

Outcome<std::string> Session::duplicate(const Dossier& source) {
  if (auto no = refusal(source.campaign.id)) return *no;
  Dossier copy = duplicate_dossier(source, new_id(), edit_context());
  ws_.dossiers.push_back(std::move(copy));
  touched(ws_.dossiers.back());
  return ws_.dossiers.back().id;
}

Outcome<Done> Session::delete_dossier(std::string_view id) {
  if (auto no = refusal()) return *no;
  auto it = std::find_if(ws_.dossiers.begin(), ws_.dossiers.end(), [&](const Dossier& d) { return d.id == id; });
  if (it == ws_.dossiers.end()) return no_such_dossier(id);
  if (auto no = refusal(it->campaign.id)) return *no;  // a closed campaign's work is kept as it is
  deleted_.emplace(std::move(*it), static_cast<size_t>(it - ws_.dossiers.begin()));
  ws_.dossiers.erase(it);
  store_.mark_dossier_removed(id);
  if (nav.dossier_id == id) {
    nav.dossier_id.clear();
    if (nav.screen == Screen::dossier) nav.screen = Screen::dossiers;
  }
  changed();
  return Done{};
}

Outcome<Done> Session::undo_delete() {
  if (auto no = refusal()) return *no;
  if (!deleted_) return Done{};
  auto& [d, index] = *deleted_;
  index = std::min(index, ws_.dossiers.size());
  ws_.dossiers.insert(ws_.dossiers.begin() + static_cast<std::ptrdiff_t>(index), std::move(d));
  Dossier& restored = ws_.dossiers[index];
  deleted_.reset();
  // The record went to the store's trash; writing it again makes it current (a new sequence).
  store_.mark_dossier_dirty(restored.id);
  changed();
  return Done{};
}

Outcome<bool> Session::set_minutes(std::string_view path, const nlohmann::json& value) {
  if (auto no = refusal(campaign_->id)) return *no;
  Minutes& m = writable_minutes();
  auto r = set_field(m, path, value, edit_context());
  if (r && *r) {
    coalesce_audit(m.audit);
    touched(m);
  }
  return r;
}

Outcome<std::size_t> Session::add_minutes_row(std::string_view rows_path) {
  if (auto no = refusal(campaign_->id)) return *no;
  Minutes& m = writable_minutes();
  auto r = hoso::add_row(m, rows_path, edit_context());
  if (r) touched(m);
  return r;
}

Outcome<bool> Session::remove_minutes_row(std::string_view rows_path, std::size_t index) {
  if (auto no = refusal(campaign_->id)) return *no;
  Minutes& m = writable_minutes();
  auto r = hoso::remove_row(m, rows_path, index, edit_context());
  if (r && *r) touched(m);
  return r;
}

Outcome<bool> Session::remove_vote(std::string_view dossier_id) {
  if (auto no = refusal(campaign_->id)) return *no;
  Minutes& m = writable_minutes();
  auto r = hoso::remove_vote(m, dossier_id, edit_context());
  if (r && *r) touched(m);
  return r;
}

Outcome<bool> Session::change_settings(const Settings& edited) {
  if (auto no = refusal()) return *no;
  if (edited == ws_.settings) return false;
  ws_.settings = edited;
  store_.mark_settings_dirty();
  changed();
  return true;
}

// The settings or the register's head could not be read and are held: the person starts over
// (the unreadable file and its previous version go to quarantine/), and memory's copy is written.
Outcome<Done> Session::start_over(std::string_view record_name) {
  if (auto no = refusal()) return *no;
  auto r = store_.start_over(record_name, now());
  if (!r) return r.error().detail;
  flush();
  reload_from_store();
  platform_.save_now();
  return Done{};
}

bool Session::held_while_unreadable(std::string_view record_name) {
  return record_name == store::kWorkspaceRecord || store::is_registry_head(record_name);
}

std::optional<store::Usage> Session::storage_usage() {
  auto u = store_.records().usage();
  if (!u) return std::nullopt;
  return *u;
}

Outcome<Done> Session::empty_trash() {
  if (auto no = refusal()) return *no;
  if (auto r = store_.records().empty_trash(); !r) return r.error().detail;
  return Done{};
}

Outcome<Done> Session::restore_previous(std::string_view record_name) {
  if (auto no = refusal()) return *no;
  // The workspace is read back from the store after the restore: what was typed and not yet
  // written goes to the store first, or the restore waits (it never discards an edit).
  flush();
  if (store_.dirty()) return DataError{{}, std::string(record_name), both("notice.restore_unsaved")};
  auto r = store_.restore_previous(record_name, now());
  if (!r) return r.error().detail;
  reload_from_store();
  platform_.save_now();
  return Done{};
}

Outcome<Done> Session::replace_dossier(Dossier d) {
  if (auto no = refusal()) return *no;
  Dossier* current = ws_.dossier(d.id);
  if (!current) return no_such_dossier(d.id);
  *current = std::move(d);
  touched(*current);
  return Done{};
}

void Session::flush() {
  if (read_only()) return;
  const bool registry_saved = !secretariat_ || flush_secretariat(*secretariat_);
  if (store_.dirty()) {
    auto r = store_.flush(ws_, now());
    if (!r.errors.empty()) toast(Toast::Kind::error, Message::error(r.errors.front()), 20);
  }
  if (registry_saved && !store_.dirty()) collect_garbage();
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

Outcome<Done> Session::replace_workspace(Workspace w) {
  if (auto no = refusal()) return *no;
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
  use_active_campaign();
  nav = Navigation{};
  changed();
  return Done{};
}

Outcome<BuiltPackage> Session::export_package(std::vector<std::string> dossier_ids, const Contact& contact) {
  if (auto no = refusal()) return *no;
  PackageInput in{ws_, std::move(dossier_ids), contact, new_id(), new_id(), now(),
                  [this](std::string_view sha) -> std::optional<std::string> {
                    auto bytes = attachment_bytes(sha);
                    if (!bytes) return std::nullopt;
                    return std::move(bytes).value();
                  }};
  auto built = build_package(library_, in);
  if (!built) return built.error();
  platform_.download(built->file_name, "application/json", built->text);
  // The file is on its way: the dossiers are now exported in this package, and the next export
  // continues its chain.
  if (auto updated = update_workspace(std::move(built->workspace)); !updated) return updated.error();
  built->workspace = {};
  save_now();
  return built;
}

Outcome<Done> Session::update_workspace(Workspace w) {
  if (auto no = refusal()) return *no;
  for (const Dossier& d : ws_.dossiers)
    if (!w.dossier(d.id)) store_.mark_dossier_removed(d.id);
  for (const Minutes& m : ws_.minutes)
    if (!w.find_minutes(m.id)) store_.mark_minutes_removed(m.id);
  for (const Dossier& d : w.dossiers)
    if (const Dossier* old = ws_.dossier(d.id); !old || *old != d) store_.mark_dossier_dirty(d.id);
  for (const Minutes& m : w.minutes)
    if (const Minutes* old = ws_.find_minutes(m.id); !old || *old != m) store_.mark_minutes_dirty(m.id);
  if (w.settings != ws_.settings || w.exports != ws_.exports || w.campaign_id != ws_.campaign_id ||
      w.workspace_id != ws_.workspace_id ||
      w.campaign_exports != ws_.campaign_exports || w.campaign_marks != ws_.campaign_marks)
    store_.mark_settings_dirty();
  for (const HeldCampaign& h : w.campaigns)
    if (std::find(ws_.campaigns.begin(), ws_.campaigns.end(), h) == ws_.campaigns.end()) store_.mark_campaign_dirty(h);
  ws_ = std::move(w);
  if (const Campaign* c = library_.campaign(ws_.campaign_id)) campaign_ = c;
  if (!nav.dossier_id.empty() && !ws_.dossier(nav.dossier_id)) nav.dossier_id.clear();
  changed();
  return Done{};
}

void Session::toast(Toast::Kind kind, Message message, int seconds) {
  toasts.clear();
  toasts.push_back(Toast{kind, std::move(message), now() + seconds * 1000LL});
  platform_.wake_after(seconds * 1000 + 50);
  platform_.request_frame();
}

}  // namespace hoso::app
