#include "app/secretariat_session.hpp"

#include <algorithm>

#include "app/session.hpp"
#include "core/assets.hpp"
#include "core/proposal_export.hpp"
#include "app/strings.hpp"
#include "core/intake.hpp"
#include "core/registry_view.hpp"
#include "core/return_note.hpp"

namespace hoso::app {

namespace {

// A batch whose last file never arrived (the browser could not read it) is classified this long
// after the last file that did.
constexpr Millis kReadingTimeoutMs = 2500;

nlohmann::json bilingual_vi(const Bilingual& b) { return b.vi; }

}  // namespace

Secretariat::Secretariat(Session& s) : s_(s), store_(s.store().records()) {}

void Secretariat::load() {
  // The register of the campaign the workspace works on: each campaign has its own.
  const std::string campaign_id = s_.campaign().id;
  if (store_.root() != store::registry_root(campaign_id)) {
    store_.flush(reg_, s_.now());
    store_.set_root(store::registry_root(campaign_id));
    // A batch read for the other campaign's register is not this one's.
    intake_.reset();
    pending_.clear();
  }
  auto loaded = store_.load(s_.now());
  broken_.clear();
  if (!loaded) {
    reg_ = Registry{};
    s_.toast(Toast::Kind::error, Message::error(loaded.error()), 30);
  } else {
    reg_ = std::move(loaded->reg);
    // A campaign's first register has no head yet: it is this campaign's.
    if (store_.root() != store::kDefaultRegistryRoot) reg_.campaign_id = campaign_id;
    // Quarantined and previous-only records are among the workspace's notices already.
    for (store::BrokenRecord& b : loaded->broken) {
      const auto& shown = s_.broken_records();
      if (std::none_of(shown.begin(), shown.end(), [&](const store::BrokenRecord& x) { return x.name == b.name; }))
        broken_.push_back(std::move(b));
    }
  }
  ++revision_;
}

const Campaign& Secretariat::campaign() const {
  const Campaign* c = s_.library().campaign(reg_.campaign_id);
  return c ? *c : s_.campaign();
}

// Closed by its register's close, or by hand on the Campaigns screen (the workspace's mark).
bool Secretariat::read_only() const {
  return s_.read_only() || reg_.closed() || mark_of(s_.workspace(), reg_.campaign_id).has_value();
}

const RegistryView& Secretariat::view() {
  const Date today = s_.today();
  if (view_revision_ != revision_ || view_day_ != today) {
    view_ = make_view(s_.library(), campaign(), reg_, today);
    view_revision_ = revision_;
    view_day_ = today;
  }
  return view_;
}

void Secretariat::changed(const RegistryChanges& c) {
  store_.mark(c);
  ++revision_;
  s_.platform().save_soon();
  s_.platform().request_frame();
}

bool Secretariat::apply(const Outcome<RegistryChanges>& r) {
  if (!r) {
    // What to do, in words: the register's refusals name no file, and their path is internal.
    s_.toast(Toast::Kind::error, Message::text(r.error().what), 12);
    return false;
  }
  if (!r->empty()) changed(*r);
  return true;
}

void Secretariat::flush() {
  if (!store_.dirty()) return;
  auto r = store_.flush(reg_, s_.now());
  if (!r.errors.empty()) s_.toast(Toast::Kind::error, Message::error(r.errors.front()), 20);
}

// ---- intake ------------------------------------------------------------------------------------

void Secretariat::receive(std::string_view name, std::string_view bytes, int index, int count) {
  // Files picked while a report waits join it: the report is made again over all of them.
  if (!intake_ || intake_->state == Intake::State::applied || intake_->state == Intake::State::discarded) {
    pending_.clear();
    intake_ = Intake{};
    intake_->batch = ++batches_;
  }
  if (index == 0) intake_->expected = static_cast<int>(pending_.size()) + count;
  intake_->state = Intake::State::reading;
  pending_.push_back({std::string(name), std::string(bytes), s_.now()});
  last_arrival_ = s_.now();
  if (index + 1 >= count) classify_pending();
  else s_.platform().wake_after(static_cast<int>(kReadingTimeoutMs) + 50);
  s_.platform().request_frame();
}

void Secretariat::settle_reading() {
  if (intake_ && intake_->state == Intake::State::reading && !pending_.empty() &&
      s_.now() - last_arrival_ >= kReadingTimeoutMs)
    classify_pending();
}

void Secretariat::classify_pending() {
  std::vector<IncomingFile> files;
  files.reserve(pending_.size());
  for (const Pending& p : pending_) files.push_back({p.name, p.bytes, p.received});
  intake_->report = classify(s_.library(), reg_, files);
  intake_->state = Intake::State::waiting;
  s_.platform().request_frame();
}

bool Secretariat::apply_intake() {
  if (!intake_ || intake_->state != Intake::State::waiting || read_only()) return false;
  IntakeApplied a = hoso::apply_intake(reg_, intake_->report, s_.edit_context());
  // The bytes first: a revision never names a blob the store does not hold.
  for (const PackageAttachment& att : a.attachments)
    if (auto st = store_.put_attachment(att.sha256, att.bytes); !st)
      s_.toast(Toast::Kind::error, Message::failed("file.named_error", st.error(), {att.name}), 20);
  changed(a.changes);
  intake_->added = a.added;
  intake_->applied_at = s_.now();
  intake_->state = Intake::State::applied;
  pending_.clear();
  s_.save_now();
  return true;
}

void Secretariat::discard_intake() {
  if (!intake_) return;
  intake_->state = Intake::State::discarded;
  pending_.clear();
}

bool Secretariat::remove_revision(std::string_view key, std::string_view reason) {
  if (read_only()) return false;
  return apply(hoso::remove_revision(reg_, key, reason, s_.edit_context()));
}

bool Secretariat::confirm_cover_list(std::string_view key) {
  if (read_only()) return false;
  return apply(hoso::confirm_cover_list(reg_, key, s_.edit_context()));
}

bool Secretariat::choose_revision(std::string_view key, std::string_view reason) {
  if (read_only()) return false;
  return apply(hoso::choose_revision(reg_, key, reason, s_.edit_context()));
}

// ---- decisions ---------------------------------------------------------------------------------

bool Secretariat::set_status(std::string_view dossier_id, Status to, std::string_view reason) {
  if (read_only()) return false;
  return apply(hoso::set_status(reg_, view(), dossier_id, to, reason, s_.edit_context()));
}

void Secretariat::download_return_note(std::string_view dossier_id) {
  auto note = make_return_note(reg_, campaign(), dossier_id);
  if (!note) {
    s_.toast(Toast::Kind::error, Message::error(note.error()), 12);
    return;
  }
  s_.platform().download(return_note_file_name(*note), "application/json", return_note_text(*note));
}

// ---- the council -------------------------------------------------------------------------------

std::string Secretariat::new_meeting(Date date) {
  if (read_only()) return {};
  CouncilMeeting m = hoso::new_meeting(campaign(), reg_, view(), s_.new_id(), date, s_.now());
  std::string id = m.id;
  return save_meeting(m) ? id : std::string();
}

bool Secretariat::save_meeting(const CouncilMeeting& edited, std::string_view reason) {
  if (read_only()) return false;
  return apply(hoso::save_meeting(reg_, campaign(), edited, reason, s_.edit_context()));
}

bool Secretariat::close_meeting(std::string_view id) {
  if (read_only()) return false;
  return apply(hoso::close_meeting(reg_, campaign(), id, s_.edit_context()));
}

int Secretariat::add_eligible(CouncilMeeting& edited) {
  const RegistryView& v = view();
  RegistryFilter eligible;
  eligible.dossier.status = Status::eligible;
  int added = 0;
  for (std::size_t i : filter_and_sort(reg_, v, eligible, RegistrySort::name)) {
    if (edited.vote_for(v.dossiers[i].id)) continue;
    edited.votes.push_back({v.dossiers[i].id, 0, 0});
    ++added;
  }
  return added;
}

const MeetingResult& Secretariat::result(const CouncilMeeting& m) {
  if (result_revision_ != revision_ || !(result_of_ == m)) {
    result_ = meeting_result(campaign(), reg_, m);
    result_of_ = m;
    result_revision_ = revision_;
  }
  return result_;
}

void Secretariat::export_proposals(const CouncilMeeting& m, bool csv) {
  const Campaign& c = campaign();
  const MeetingResult& res = result(m);
  if (csv) s_.platform().download(proposal_file_name(c, m, "csv"), "text/csv", proposal_list_csv(c, m, res));
  else s_.platform().download(proposal_file_name(c, m, "json"), "application/json", proposal_list_text(c, m, res, s_.now()));
}

// ---- the authority's decisions -----------------------------------------------------------------

std::optional<Bilingual> Secretariat::award_problem(const AwardDecision& d) const {
  Registry trial = reg_;  // a click's worth of copying: the person is told before the dialog
  auto r = hoso::record_award(trial, campaign(), d, s_.today(), s_.edit_context());
  if (r) return std::nullopt;
  return r.error().what;
}

bool Secretariat::record_award(const AwardDecision& d) {
  if (read_only()) return false;
  return apply(hoso::record_award(reg_, campaign(), d, s_.today(), s_.edit_context()));
}

bool Secretariat::withdraw_award(std::string_view award_id, std::string_view reason) {
  if (read_only()) return false;
  return apply(hoso::withdraw_award(reg_, award_id, reason, s_.edit_context()));
}

void Secretariat::export_payments(std::string_view award_id) {
  const AwardDecision* d = reg_.award(award_id);
  if (!d) return;
  s_.platform().download(payment_file_name(*d, "csv"), "text/csv", payment_list_csv(campaign(), payment_list(campaign(), reg_, *d)));
}

bool Secretariat::set_certificate_layout(const doc::CertificateLayout& l) {
  if (s_.read_only()) return false;
  return apply(hoso::set_certificate_layout(reg_, l));
}

// ---- the campaign's close -----------------------------------------------------------------------

// The register's close is the campaign's: the workspace marks it closed too (its work read-only,
// no longer announced; core mark_campaign), and reopening the register takes the mark away.
bool Secretariat::close_campaign() {
  if (read_only() || !apply(hoso::close_campaign(reg_, s_.edit_context()))) return false;
  s_.mark_campaign(campaign().id, CampaignMark::closed);
  return true;
}

bool Secretariat::reopen_campaign(std::string_view reason) {
  if (s_.read_only()) return false;  // closed is what this undoes
  if (!apply(hoso::reopen_campaign(reg_, reason, s_.edit_context()))) return false;
  if (mark_of(s_.workspace(), campaign().id) == CampaignMark::closed) s_.mark_campaign(campaign().id, std::nullopt);
  return true;
}

// ---- hoso.state() ------------------------------------------------------------------------------

nlohmann::json Secretariat::snapshot() {
  using nlohmann::json;
  json j = registry_snapshot(reg_);
  if (intake_) {
    static constexpr const char* kState[] = {"reading", "waiting", "applied", "discarded"};
    json entries = json::array();
    for (const IntakeEntry& e : intake_->report.entries) {
      json notes = json::array();
      for (const IntakeNote& n : e.notes) notes.push_back({{"code", n.code}, {"text", n.text.vi}});
      json entry = {{"file", e.file_name},
                    {"verdict", to_string(e.verdict())},
                    {"kind", to_string(e.kind)},
                    {"summary", e.summary().vi},
                    {"received", to_iso_instant(e.received)},
                    {"late", e.lateness.late},
                    {"other_revision", e.other_revision},
                    {"notes", std::move(notes)}};
      if (e.package) {
        entry["package_id"] = e.package->header.id;
        entry["revision"] = e.package->header.revision;
        entry["unit_id"] = e.package->header.sender.unit_id;
        entry["created"] = to_iso_instant(e.package->header.created);
      }
      if (e.refusal) entry["refusal_path"] = e.refusal->path;
      entries.push_back(std::move(entry));
    }
    j["intake"] = {{"batch", intake_->batch},
                   {"state", kState[static_cast<int>(intake_->state)]},
                   {"added", intake_->added},
                   {"entries", std::move(entries)}};
  }
  const RegistryView& v = view();
  json rows = json::array();
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const RegistryRow& row = v.rows[i];
    const Dossier& d = v.dossiers[i];
    const Sender& sender = v.revision_of(reg_, i).header.sender;
    json rules = json::array();
    for (const Finding& f : row.findings) rules.push_back(f.rule);
    rows.push_back({{"dossier_id", d.id},
                    {"unit_id", sender.unit_id},
                    {"unit_name", sender.unit_name},
                    {"nominee", display_name(d.nominee)},
                    {"kind", to_string(d.nominee.kind)},
                    {"award_form", d.award_form},
                    {"status", to_string(row.status)},
                    {"complete", row.completeness.complete()},
                    {"errors", row.errors},
                    {"warnings", row.warnings},
                    {"late", row.late},
                    {"rules", std::move(rules)}});
  }
  j["rows"] = std::move(rows);
  json quota = json::array();
  for (const QuotaUse& q : v.quota)
    quota.push_back({{"award_form", q.award_form},
                     {"kind", to_string(q.kind)},
                     {"count", q.count},
                     {"quota", q.quota ? json(*q.quota) : json(nullptr)}});
  j["quota"] = std::move(quota);
  json results = json::object();
  for (const CouncilMeeting& m : reg_.meetings) {
    const MeetingResult res = meeting_result(campaign(), reg_, m);
    json ballots = json::array();
    for (const BallotResult& b : res.ballots)
      ballots.push_back({{"dossier_id", b.dossier_id},
                         {"award_form", b.award_form},
                         {"kind", to_string(b.kind)},
                         {"nominee", b.nominee},
                         {"position", b.position},
                         {"unit", b.unit},
                         {"sender_unit_name", b.sender_unit_name},
                         {"for", b.votes_for},
                         {"against", b.votes_against},
                         {"rank", b.rank},
                         {"priority", b.priority},
                         {"outcome", to_string(b.outcome)},
                         {"outcome_label", outcome_label(b.outcome).vi},
                         {"tie_break", to_string(b.tie_break)},
                         {"tie_break_label", bilingual_vi(tie_break_label(b.tie_break))},
                         {"why", b.why.vi},
                         {"status", to_string(b.status)},
                         {"decision_number", b.decision_number}});
    json corrections = json::array();
    for (const RegistryChange& c : m.corrections)
      corrections.push_back({{"subject", c.subject}, {"old", c.old_value}, {"new", c.new_value}, {"reason", c.reason},
                             {"author", c.author}});
    results[m.id] = {{"decided", res.decided}, {"why", res.why.vi}, {"ballots", std::move(ballots)},
                     {"corrections", std::move(corrections)}};
  }
  j["results"] = std::move(results);
  json drafts = json::array();
  for (const CampaignDraft& d : reg_.drafts) {
    json findings = json::array();
    for (const Finding& f : check_campaign_draft(d, s_.library(), s_.today()))
      findings.push_back({{"path", f.path}, {"severity", to_string(f.severity)}, {"text", f.message.vi}});
    drafts.push_back({{"key", d.key},
                      {"id", d.id()},
                      {"plan_number", d.plan_number()},
                      {"based_on", d.based_on},
                      {"published_version", d.published_version},
                      {"published_as_is", d.published_as_is()},
                      {"findings", std::move(findings)},
                      {"content", d.content}});
  }
  j["campaign_drafts"] = std::move(drafts);
  return j;
}

}  // namespace hoso::app

// ---- campaigns the secretariat writes ------------------------------------------------------------

namespace hoso::app {

nlohmann::json Secretariat::campaign_source(std::string_view id) const {
  const HeldCampaign* best = nullptr;
  for (const HeldCampaign& h : s_.workspace().campaigns)
    if (h.id == id && (!best || h.version > best->version)) best = &h;
  if (best) return best->content;
  for (const assets::Asset& a : assets::all()) {
    if (a.name.rfind("campaigns/", 0) != 0) continue;
    auto j = nlohmann::json::parse(a.bytes, nullptr, false);
    if (j.is_object() && j.value("id", "") == id) return j;
  }
  return nullptr;
}

std::string Secretariat::add_draft(CampaignDraft d) {
  reg_.drafts.push_back(std::move(d));
  RegistryChanges c;
  c.drafts.push_back(reg_.drafts.back().key);
  changed(c);
  return reg_.drafts.back().key;
}

std::string Secretariat::duplicate_campaign(std::string_view id, bool blank) {
  nlohmann::json source = campaign_source(id);
  if (source.is_null() || s_.read_only()) return {};
  std::vector<std::string> taken;
  for (const Campaign& c : s_.library().campaigns()) taken.push_back(c.id);
  for (const CampaignDraft& d : reg_.drafts) taken.push_back(d.id());
  return add_draft(blank ? blank_campaign(source, taken, s_.now()) : hoso::duplicate_campaign(source, taken, s_.now()));
}

std::string Secretariat::correct_campaign(std::string_view id) {
  nlohmann::json source = campaign_source(id);
  if (source.is_null() || s_.read_only()) return {};
  // One correction at a time: an open draft of the same campaign is where it goes on.
  for (const CampaignDraft& d : reg_.drafts)
    if (d.id() == id) return d.key;
  return add_draft(hoso::correct_campaign(source, s_.now()));
}

bool Secretariat::change_draft(std::string_view key, const std::function<Outcome<Done>(CampaignDraft&)>& change) {
  CampaignDraft* d = reg_.draft(key);
  if (!d || s_.read_only()) return false;
  if (auto r = change(*d); !r) {
    s_.toast(Toast::Kind::error, Message::text(r.error().what), 12);
    return false;
  }
  d->changed = s_.now();
  RegistryChanges c;
  c.drafts.push_back(d->key);
  changed(c);
  return true;
}

bool Secretariat::edit_draft(std::string_view key, std::string_view path, const nlohmann::json& value) {
  return change_draft(key, [&](CampaignDraft& d) { return set_draft_value(d, path, value); });
}

bool Secretariat::edit_draft_deadline(std::string_view key, const nlohmann::json& date, bool stated_before) {
  return change_draft(key, [&](CampaignDraft& d) { return set_draft_deadline(d, date, stated_before); });
}

std::string Secretariat::add_draft_item(std::string_view key, std::string_view list_path, std::string_view kind) {
  std::string added;
  change_draft(key, [&](CampaignDraft& d) -> Outcome<Done> {
    auto path = hoso::add_draft_item(d, list_path, kind);
    if (!path) return path.error();
    added = *path;
    return Done{};
  });
  return added;
}

bool Secretariat::remove_draft_item(std::string_view key, std::string_view path) {
  return change_draft(key, [&](CampaignDraft& d) { return hoso::remove_draft_item(d, path); });
}

bool Secretariat::move_draft_item(std::string_view key, std::string_view path, int by) {
  return change_draft(key, [&](CampaignDraft& d) { return hoso::move_draft_item(d, path, by); });
}

bool Secretariat::set_draft_units(std::string_view key, std::string_view lines) {
  return change_draft(key, [&](CampaignDraft& d) -> Outcome<Done> {
    set_units_from_lines(d, lines);
    return Done{};
  });
}

bool Secretariat::delete_draft(std::string_view key) {
  auto it = std::find_if(reg_.drafts.begin(), reg_.drafts.end(), [&](const CampaignDraft& d) { return d.key == key; });
  if (it == reg_.drafts.end() || s_.read_only()) return false;
  reg_.drafts.erase(it);
  // The record goes to the trash (recoverable there), as a removed package revision does.
  if (auto st = s_.store().records().remove(store::draft_record(key), s_.now()); !st && st.error().kind != store::ErrorKind::not_found)
    s_.toast(Toast::Kind::error, Message::error(st.error()), 12);
  ++revision_;
  s_.platform().save_soon();
  s_.platform().request_frame();
  return true;
}

const std::vector<Finding>& Secretariat::draft_findings(std::string_view key) {
  const Date today = s_.today();
  if (draft_findings_key_ != key || draft_findings_revision_ != revision_ || !(draft_findings_day_ == today)) {
    const CampaignDraft* d = reg_.draft(key);
    draft_findings_ = d ? check_campaign_draft(*d, s_.library(), today) : std::vector<Finding>{};
    draft_findings_key_ = std::string(key);
    draft_findings_revision_ = revision_;
    draft_findings_day_ = today;
  }
  return draft_findings_;
}

bool Secretariat::publish_draft(std::string_view key, bool share) {
  CampaignDraft* d = reg_.draft(key);
  if (!d || s_.read_only()) return false;
  auto p = hoso::publish_draft(*d, s_.library(), s_.today(), s_.now());
  if (!p) {
    s_.toast(Toast::Kind::error, Message::text(p.error().what), 12);
    return false;
  }
  RegistryChanges c;
  c.drafts.push_back(d->key);
  changed(c);
  // The secretariat holds what it published: the list shows it, and a correction is its next version.
  if (auto held = s_.hold_campaign(p->file); !held)
    s_.toast(Toast::Kind::error, Message::error(held.error()), 12);
  if (share) s_.platform().share(p->file_name, "application/json", p->bytes);
  else s_.platform().download(p->file_name, "application/json", p->bytes);
  last_published_ = std::move(p).value();
  s_.save_now();
  return true;
}

}  // namespace hoso::app
