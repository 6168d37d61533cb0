#include "core/registry.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/canonical_json.hpp"
#include "core/json_in.hpp"
#include "core/library.hpp"
#include "core/paths.hpp"
#include "core/registry_detail.hpp"
#include "core/share.hpp"
#include "core/text.hpp"

namespace hoso {

using json_in::in_quotes;
using nlohmann::json;

// ---- shared helpers ----------------------------------------------------------------------------

namespace registry_detail {

DataError refusal(std::string path, std::string vi, std::string en) {
  return DataError{{}, std::move(path), {std::move(vi), std::move(en)}};
}

Bilingual form_name(const Campaign& c, std::string_view award_form) {
  if (const AwardForm* f = c.award_form(award_form)) return f->name;
  return {std::string(award_form), std::string(award_form)};
}

std::vector<bool> in_force(const Registry& r) {
  // The highest revision number not set aside, per package id.
  std::unordered_map<std::string_view, int> top;
  for (const PackageRevision& p : r.revisions)
    if (!p.set_aside) {
      int& t = top[p.header.id];
      t = std::max(t, p.header.revision);
    }
  std::vector<bool> out(r.revisions.size());
  for (std::size_t i = 0; i < r.revisions.size(); ++i) {
    const PackageRevision& p = r.revisions[i];
    out[i] = !p.set_aside && top[p.header.id] == p.header.revision;
  }
  return out;
}

Decision& decision_for(Registry& r, std::string_view dossier_id, const EditContext& ctx, bool& created) {
  created = false;
  for (Decision& d : r.decisions)
    if (d.dossier_id == dossier_id) return d;
  created = true;
  Decision d;
  d.dossier_id = std::string(dossier_id);
  d.audit.push_back({whole_seconds(ctx.now), ctx.author, std::string(kStatusPath), "exported", "received"});
  // Kept in id order: the order the store loads them in.
  auto at = std::lower_bound(r.decisions.begin(), r.decisions.end(), dossier_id,
                             [](const Decision& x, std::string_view id) { return x.dossier_id < id; });
  return *r.decisions.insert(at, std::move(d));
}

Outcome<bool> move_status(Decision& d, Status to, std::string_view reason, const EditContext& ctx) {
  Dossier probe;
  probe.id = d.dossier_id;
  probe.status = d.status;
  probe.return_reason = std::move(d.return_reason);
  probe.audit = std::move(d.audit);
  auto done = change_status(probe, StatusChange{to, Role::secretariat, std::string(reason)}, {}, ctx);
  d.status = probe.status;
  d.return_reason = std::move(probe.return_reason);
  d.audit = std::move(probe.audit);
  return done;
}

Bilingual percent(int part, int total) {
  if (total <= 0) return share_percent(0, 1);
  return share_percent(part, total);
}

bool same_content(const Dossier& a, const Dossier& b) {
  auto strip = [](Dossier d) {
    d.status = Status::exported;
    d.last_export.reset();
    d.audit.clear();
    d.updated = 0;
    return d;
  };
  return strip(a) == strip(b);
}

}  // namespace registry_detail

using namespace registry_detail;

// ---- the register ------------------------------------------------------------------------------

std::string PackageRevision::key() const {
  return header.id + "_r" + std::to_string(header.revision) + "_" + header.content_hash.substr(0, 12);
}

const CouncilVote* CouncilMeeting::vote_for(std::string_view dossier_id) const {
  for (const CouncilVote& v : votes)
    if (v.dossier_id == dossier_id) return &v;
  return nullptr;
}

const PackageRevision* Registry::revision(std::string_view key) const {
  for (const PackageRevision& p : revisions)
    if (p.key() == key) return &p;
  return nullptr;
}

const Decision* Registry::decision(std::string_view dossier_id) const {
  for (const Decision& d : decisions)
    if (d.dossier_id == dossier_id) return &d;
  return nullptr;
}

const CouncilMeeting* Registry::meeting(std::string_view id) const {
  for (const CouncilMeeting& m : meetings)
    if (m.id == id) return &m;
  return nullptr;
}

CouncilMeeting* Registry::meeting(std::string_view id) {
  return const_cast<CouncilMeeting*>(std::as_const(*this).meeting(id));
}

const AwardDecision* Registry::award(std::string_view id) const {
  for (const AwardDecision& a : awards)
    if (a.id == id) return &a;
  return nullptr;
}

const CampaignDraft* Registry::draft(std::string_view key) const {
  for (const CampaignDraft& d : drafts)
    if (d.key == key) return &d;
  return nullptr;
}
CampaignDraft* Registry::draft(std::string_view key) {
  return const_cast<CampaignDraft*>(static_cast<const Registry&>(*this).draft(key));
}

const AwardDecision* Registry::award_of(std::string_view dossier_id) const {
  const Decision* d = decision(dossier_id);
  return d && !d->award_id.empty() ? award(d->award_id) : nullptr;
}

Registry::Found Registry::find_dossier(std::string_view dossier_id) const {
  const std::vector<bool> live = in_force(*this);
  for (std::size_t i = revisions.size(); i-- > 0;) {
    if (!live[i]) continue;
    for (const Dossier& d : revisions[i].dossiers)
      if (d.id == dossier_id) return {&revisions[i], &d};
  }
  return {};
}

void sort_registry(Registry& r) {
  std::stable_sort(r.revisions.begin(), r.revisions.end(), [](const PackageRevision& a, const PackageRevision& b) {
    return a.received != b.received ? a.received < b.received : a.key() < b.key();
  });
  std::stable_sort(r.decisions.begin(), r.decisions.end(),
                   [](const Decision& a, const Decision& b) { return a.dossier_id < b.dossier_id; });
}

bool made_elsewhere(const Registry& r, const PackageRevision& p) {
  if (p.header.workspace_id.empty()) return false;  // format 1: made before workspaces had ids
  for (const PackageRevision& q : r.revisions)
    if (q.header.id == p.header.id && !q.header.workspace_id.empty() && q.header.workspace_id != p.header.workspace_id)
      return true;
  return false;
}

Standing standing(const Registry& r, const PackageRevision& p) {
  if (p.set_aside) return Standing::set_aside;
  for (const PackageRevision& q : r.revisions)
    if (!q.set_aside && q.header.id == p.header.id && q.header.revision > p.header.revision) return Standing::superseded;
  return Standing::in_force;
}

Bilingual standing_label(Standing s) {
  switch (s) {
    case Standing::in_force: return {"Đang dùng", "In force"};
    case Standing::superseded: return {"Đã được thay", "Superseded"};
    case Standing::set_aside: return {"Để riêng (xung đột)", "Set aside (conflict)"};
  }
  return {};
}

Status status_of(const Registry& r, std::string_view dossier_id) {
  const Decision* d = r.decision(dossier_id);
  return d ? d->status : Status::received;
}

bool RegistryChanges::empty() const {
  return !state && !history && drafts.empty() && revisions.empty() && removed_revisions.empty() && decisions.empty() && meetings.empty() &&
         awards.empty() && removed_awards.empty();
}

void RegistryChanges::merge(const RegistryChanges& o) {
  state = state || o.state;
  history = history || o.history;
  auto add = [](std::vector<std::string>& to, const std::vector<std::string>& from) {
    for (const std::string& s : from)
      if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
  };
  add(revisions, o.revisions);
  add(removed_revisions, o.removed_revisions);
  add(decisions, o.decisions);
  add(meetings, o.meetings);
  add(awards, o.awards);
  add(removed_awards, o.removed_awards);
  add(drafts, o.drafts);
}

// ---- records -----------------------------------------------------------------------------------

namespace {

json change_json(const RegistryChange& c) {
  return {{"time", to_iso_instant(c.time)}, {"author", c.author}, {"subject", c.subject},
          {"old", c.old_value},             {"new", c.new_value}, {"reason", c.reason}};
}

DataError nested(DataError e, const std::string& prefix) {
  e.path = e.path.empty() ? prefix : prefix + "." + e.path;
  return e;
}

const json* array_of(json_in::Reader& r, const json& j, std::string_view key) {
  const json* a = r.member(j, "", key, true);
  return a && r.expect_array(*a, key) ? a : nullptr;
}

}  // namespace

namespace registry_detail {

std::vector<RegistryChange> read_changes(json_in::Reader& r, const json& j, std::string_view key) {
  std::vector<RegistryChange> out;
  const json* list = r.member(j, "", key, false);
  if (!list || !r.expect_array(*list, key)) return out;
  for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
    const std::string p = json_in::index_path(key, i);
    const json& e = (*list)[i];
    if (!r.expect_object(e, p)) break;
    RegistryChange c;
    r.instant(e, p, "time", c.time);
    r.str(e, p, "author", c.author, false);
    r.str(e, p, "subject", c.subject);
    r.str(e, p, "reason", c.reason, false);
    if (auto it = e.find("old"); it != e.end()) c.old_value = *it;
    if (auto it = e.find("new"); it != e.end()) c.new_value = *it;
    out.push_back(std::move(c));
  }
  return out;
}

json changes_json(const std::vector<RegistryChange>& list) {
  json a = json::array();
  for (const RegistryChange& c : list) a.push_back(change_json(c));
  return a;
}

}  // namespace registry_detail

json to_json(const PackageRevision& p) {
  const PackageHeader& h = p.header;
  json notes = json::array(), minutes = json::array(), dossiers = json::array();
  for (const Bilingual& b : p.notes) notes.push_back({{"vi", b.vi}, {"en", b.en}});
  for (const Minutes& m : p.minutes) minutes.push_back(to_json(m));
  for (const Dossier& d : p.dossiers) dossiers.push_back(to_json(d));
  return {{"format", kRegistryFormat},
          {"format_version", kRegistryFormatVersion},
          {"package",
           {{"id", h.id},
            {"revision", h.revision},
            {"previous_hash", h.previous_hash.empty() ? json(nullptr) : json(h.previous_hash)},
            {"workspace_id", h.workspace_id.empty() ? json(nullptr) : json(h.workspace_id)},
            {"created", to_iso_instant(h.created)},
            {"app_version", h.app_version},
            {"campaign", {{"id", h.campaign.id}, {"version", h.campaign.version}, {"hash", h.campaign.hash}}},
            {"sender", {{"unit_id", h.sender.unit_id}, {"unit_name", h.sender.unit_name}}},
            {"contact", {{"name", h.contact.name}, {"phone", h.contact.phone}, {"email", h.contact.email}}},
            {"content_hash", h.content_hash}}},
          {"file_name", p.file_name},
          {"received", to_iso_instant(p.received)},
          {"set_aside", p.set_aside},
          {"cover_list_checked", p.cover_list_checked
                                     ? json{{"time", to_iso_instant(p.cover_list_checked)}, {"by", p.cover_list_checked_by}}
                                     : json(nullptr)},
          {"notes", std::move(notes)},
          {"minutes", std::move(minutes)},
          {"dossiers", std::move(dossiers)}};
}

Outcome<PackageRevision> revision_from_json(const json& j, std::string_view file_name) {
  json_in::Reader r(file_name);
  PackageRevision p;
  if (!r.format(j, kRegistryFormat, kRegistryFormatVersion)) return r.take_error();
  PackageHeader& h = p.header;
  if (const json* pk = r.member(j, "", "package", true); pk && r.expect_object(*pk, "package")) {
    r.str(*pk, "package", "id", h.id);
    r.integer(*pk, "package", "revision", h.revision);
    r.str(*pk, "package", "previous_hash", h.previous_hash, false);
    r.str(*pk, "package", "workspace_id", h.workspace_id, false);  // records before 2026-12 have none
    r.instant(*pk, "package", "created", h.created);
    r.str(*pk, "package", "app_version", h.app_version, false);
    if (const json* c = r.member(*pk, "package", "campaign", true); c && r.expect_object(*c, "package.campaign")) {
      r.str(*c, "package.campaign", "id", h.campaign.id);
      r.integer(*c, "package.campaign", "version", h.campaign.version);
      r.str(*c, "package.campaign", "hash", h.campaign.hash);
    }
    if (const json* s = r.member(*pk, "package", "sender", true); s && r.expect_object(*s, "package.sender")) {
      r.str(*s, "package.sender", "unit_id", h.sender.unit_id);
      r.str(*s, "package.sender", "unit_name", h.sender.unit_name);
    }
    if (const json* c = r.member(*pk, "package", "contact", false); c && r.expect_object(*c, "package.contact")) {
      r.str(*c, "package.contact", "name", h.contact.name, false);
      r.str(*c, "package.contact", "phone", h.contact.phone, false);
      r.str(*c, "package.contact", "email", h.contact.email, false);
    }
    r.str(*pk, "package", "content_hash", h.content_hash);
  }
  r.str(j, "", "file_name", p.file_name, false);
  r.instant(j, "", "received", p.received);
  r.boolean(j, "", "set_aside", p.set_aside, false);
  // Records written before the check existed have none: not yet checked.
  if (const json* c = r.member(j, "", "cover_list_checked", false); c && !c->is_null() && r.expect_object(*c, "cover_list_checked")) {
    r.instant(*c, "cover_list_checked", "time", p.cover_list_checked);
    r.str(*c, "cover_list_checked", "by", p.cover_list_checked_by, false);
  }
  if (const json* notes = r.member(j, "", "notes", false); notes && r.expect_array(*notes, "notes"))
    for (std::size_t i = 0; i < notes->size() && r.ok(); ++i) {
      const std::string path = json_in::index_path("notes", i);
      Bilingual b;
      if (!r.expect_object((*notes)[i], path)) break;
      r.str((*notes)[i], path, "vi", b.vi);
      r.str((*notes)[i], path, "en", b.en);
      p.notes.push_back(std::move(b));
    }
  const json* minutes = array_of(r, j, "minutes");
  const json* dossiers = array_of(r, j, "dossiers");
  if (!r.ok()) return r.take_error();
  for (std::size_t i = 0; i < minutes->size(); ++i) {
    auto m = minutes_from_json((*minutes)[i], file_name);
    if (!m) return nested(m.error(), json_in::index_path("minutes", i));
    p.minutes.push_back(std::move(m.value()));
  }
  for (std::size_t i = 0; i < dossiers->size(); ++i) {
    auto d = dossier_from_json((*dossiers)[i], file_name);
    if (!d) return nested(d.error(), json_in::index_path("dossiers", i));
    p.dossiers.push_back(std::move(d.value()));
  }
  return p;
}

json to_json(const Decision& d) {
  json audit = json::array();
  for (const AuditEntry& e : d.audit) audit.push_back(to_json(e));
  return {{"format", kRegistryFormat},       {"format_version", kRegistryFormatVersion},
          {"dossier_id", d.dossier_id},     {"status", to_string(d.status)},
          {"return_reason", d.return_reason}, {"audit", std::move(audit)}, {"award_id", d.award_id}};
}

Outcome<Decision> decision_from_json(const json& j, std::string_view file_name) {
  json_in::Reader r(file_name);
  Decision d;
  if (!r.format(j, kRegistryFormat, kRegistryFormatVersion)) return r.take_error();
  r.str(j, "", "dossier_id", d.dossier_id);
  std::string status;
  if (r.str(j, "", "status", status)) {
    auto s = status_from_string(status);
    if (!s || is_unit_status(*s))
      r.fail("status", json_in::msg_invalid_value(status, "received, eligible, returned, proposed, awarded, not_awarded"));
    else d.status = *s;
  }
  r.str(j, "", "return_reason", d.return_reason, false);
  r.str(j, "", "award_id", d.award_id, false);  // absent before award decisions were recorded
  d.audit = json_in::read_audit(r, j);
  if (!r.ok()) return r.take_error();
  return d;
}

json registry_state_json(const Registry& r) {
  return {{"format", kRegistryFormat},
          {"format_version", kRegistryFormatVersion},
          {"campaign_id", r.campaign_id},
          {"log", changes_json(r.log)},
          {"closed_at", r.closed() ? json(to_iso_instant(r.closed_at)) : json(nullptr)},
          {"closed_by", r.closed_by},
          {"certificate_layout", doc::to_json(r.certificate_layout)}};
}

Outcome<Registry> registry_state_from_json(const json& j, std::string_view file_name) {
  json_in::Reader r(file_name);
  Registry reg;
  if (!r.format(j, kRegistryFormat, kRegistryFormatVersion)) return r.take_error();
  r.str(j, "", "campaign_id", reg.campaign_id);
  reg.log = read_changes(r, j, "log");
  // Absent in registers from before the campaign's close was recorded: open.
  if (const json* at = r.member(j, "", "closed_at", false); at && !at->is_null()) r.instant(j, "", "closed_at", reg.closed_at);
  r.str(j, "", "closed_by", reg.closed_by, false);
  // Absent before certificates were printed: the default positions.
  if (const json* layout = r.member(j, "", "certificate_layout", false))
    reg.certificate_layout = doc::certificate_layout_from_json(r, *layout, "certificate_layout");
  if (!r.ok()) return r.take_error();
  return reg;
}

json registry_snapshot(const Registry& r) {
  json revisions = json::array(), decisions = json::array(), meetings = json::array();
  std::map<std::string, int> by_status;
  for (const PackageRevision& p : r.revisions)
    revisions.push_back({{"key", p.key()},
                         {"package_id", p.header.id},
                         {"revision", p.header.revision},
                         {"unit_id", p.header.sender.unit_id},
                         {"unit_name", p.header.sender.unit_name},
                         {"file_name", p.file_name},
                         {"created", to_iso_instant(p.header.created)},
                         {"received", to_iso_instant(p.received)},
                         {"standing", standing_label(standing(r, p)).en},
                         {"check_code", check_code(p.header.content_hash)},
                         {"cover_list_checked", p.cover_list_checked != 0},
                         {"made_elsewhere", made_elsewhere(r, p)},
                         {"dossiers", p.dossiers.size()}});
  for (const Decision& d : r.decisions) {
    ++by_status[std::string(to_string(d.status))];
    decisions.push_back({{"dossier_id", d.dossier_id}, {"status", to_string(d.status)}, {"return_reason", d.return_reason},
                         {"award_id", d.award_id}});
  }
  json awards = json::array();
  for (const AwardDecision& a : r.awards)
    awards.push_back({{"id", a.id},
                      {"decider", to_string(a.decider)},
                      {"number", a.number},
                      {"date", a.date.year ? to_iso(a.date) : std::string()},
                      {"signer", a.signer},
                      {"meeting_id", a.meeting_id},
                      {"awarded", a.awarded},
                      {"not_awarded", a.not_awarded}});
  for (const CouncilMeeting& m : r.meetings) {
    json absent = json::array();
    for (const AbsentMember& a : m.absent) absent.push_back(a.name);
    meetings.push_back({{"id", m.id},
                        {"date", m.date.year ? to_iso(m.date) : std::string()},
                        {"closed", m.closed},
                        {"members_total", m.members_total},
                        {"members_present", m.members_present},
                        {"absent", std::move(absent)},
                        {"votes", m.votes.size()},
                        {"corrections", m.corrections.size()}});
  }
  return {{"campaign_id", r.campaign_id}, {"closed", r.closed()},
          {"revisions", std::move(revisions)}, {"decisions", std::move(decisions)},
          {"by_status", by_status},       {"meetings", std::move(meetings)},   {"awards", std::move(awards)},
          {"log", r.log.size()}};
}

}  // namespace hoso
