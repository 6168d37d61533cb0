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

std::vector<bool> in_force(const Register& r) {
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

Decision& decision_for(Register& r, std::string_view dossier_id, const EditContext& ctx, bool& created) {
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

const PackageRevision* Register::revision(std::string_view key) const {
  for (const PackageRevision& p : revisions)
    if (p.key() == key) return &p;
  return nullptr;
}

const Decision* Register::decision(std::string_view dossier_id) const {
  for (const Decision& d : decisions)
    if (d.dossier_id == dossier_id) return &d;
  return nullptr;
}

const CouncilMeeting* Register::meeting(std::string_view id) const {
  for (const CouncilMeeting& m : meetings)
    if (m.id == id) return &m;
  return nullptr;
}

CouncilMeeting* Register::meeting(std::string_view id) {
  return const_cast<CouncilMeeting*>(std::as_const(*this).meeting(id));
}

const AwardDecision* Register::award(std::string_view id) const {
  for (const AwardDecision& a : awards)
    if (a.id == id) return &a;
  return nullptr;
}

const CampaignDraft* Register::draft(std::string_view key) const {
  for (const CampaignDraft& d : drafts)
    if (d.key == key) return &d;
  return nullptr;
}
CampaignDraft* Register::draft(std::string_view key) {
  return const_cast<CampaignDraft*>(static_cast<const Register&>(*this).draft(key));
}

const AwardDecision* Register::award_of(std::string_view dossier_id) const {
  const Decision* d = decision(dossier_id);
  return d && !d->award_id.empty() ? award(d->award_id) : nullptr;
}

Register::Found Register::find_dossier(std::string_view dossier_id) const {
  const std::vector<bool> live = in_force(*this);
  for (std::size_t i = revisions.size(); i-- > 0;) {
    if (!live[i]) continue;
    for (const Dossier& d : revisions[i].dossiers)
      if (d.id == dossier_id) return {&revisions[i], &d};
  }
  return {};
}

void sort_register(Register& r) {
  std::stable_sort(r.revisions.begin(), r.revisions.end(), [](const PackageRevision& a, const PackageRevision& b) {
    return a.received != b.received ? a.received < b.received : a.key() < b.key();
  });
  std::stable_sort(r.decisions.begin(), r.decisions.end(),
                   [](const Decision& a, const Decision& b) { return a.dossier_id < b.dossier_id; });
}

Standing standing(const Register& r, const PackageRevision& p) {
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

Status status_of(const Register& r, std::string_view dossier_id) {
  const Decision* d = r.decision(dossier_id);
  return d ? d->status : Status::received;
}

bool RegisterChanges::empty() const {
  return !state && !history && drafts.empty() && revisions.empty() && removed_revisions.empty() && decisions.empty() && meetings.empty() &&
         awards.empty() && removed_awards.empty();
}

void RegisterChanges::merge(const RegisterChanges& o) {
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

// ---- lateness ----------------------------------------------------------------------------------

Lateness lateness(const Deadline& d, Millis created, Millis received) {
  Lateness l{vietnam_date(created), vietnam_date(received), false, false};
  l.late = d.is_late(l.received_day);
  l.created_late = d.is_late(l.created_day);
  return l;
}

Bilingual describe(const Lateness& l, const Deadline& d) {
  const std::string got = day(l.received_day), made = day(l.created_day), last = day(d.last_day);
  if (l.late && !l.created_late)
    return {"Nhận ngày " + got + ", sau hạn cuối " + last + ": nộp trễ (gói ghi ngày lập " + made +
                ", đúng hạn theo ngày của gói; ngày nhận của Văn phòng là căn cứ).",
            "Received on " + got + ", after the last day " + last + ": late (the package is dated " + made +
                ", on time by its own date; the secretariat's receipt date is what counts)."};
  if (l.late)
    return {"Nhận ngày " + got + ", sau hạn cuối " + last + ": nộp trễ (gói lập ngày " + made + ").",
            "Received on " + got + ", after the last day " + last + ": late (the package is dated " + made + ")."};
  if (l.created_late)
    return {"Gói ghi ngày lập " + made + ", sau hạn cuối " + last + ", nhưng Văn phòng nhận ngày " + got +
                ": đúng hạn (đồng hồ của máy gửi có thể sai).",
            "The package is dated " + made + ", after the last day " + last + ", but the secretariat received it on " +
                got + ": on time (the sender's clock may be wrong)."};
  return {};
}

// ---- the register's table ----------------------------------------------------------------------

namespace {

std::string name_key(const Nominee& n) {
  // Collectives first, as the lists print them; people by given name.
  std::string key(1, n.kind == NomineeKind::collective ? '0' : '1');
  key += n.kind == NomineeKind::collective ? text::collation_key_vi(n.name) : text::collation_key_person(n.full_name);
  return key;
}

Completeness completeness(const Campaign& c, const Workspace& w, const Dossier& d,
                          const std::vector<Finding>& fs) {
  Completeness k;
  k.minutes_vote = k.summary = k.report = k.criteria = true;
  for (const Finding& f : fs) {
    if (f.rule == rule::vote_missing) k.minutes_vote = false;
    if (f.severity != Severity::error) continue;
    const std::string_view section = path_section(f.path);
    if (section == "summary") k.summary = false;
    if (section == "report") k.report = false;
    if (f.rule == rule::criterion_met || f.rule == rule::criterion_evidence || section == "award")
      k.criteria = false;
  }
  if (const Minutes* m = w.minutes_voting_on(d.id)) {
    const Vote* v = m->vote_for(d.id);
    k.votes_for = v->votes_for;
    k.members_total = m->members_total;
    k.meets_threshold = meets_threshold(*v, *m, c.voting.threshold);
  }
  return k;
}

void add_finding(RegisterRow& row, const Dossier& d, std::string path, Severity s, std::string_view rule_id,
                 Bilingual msg) {
  row.findings.push_back({Finding::Owner::dossier, d.id, std::move(path), s, rule_id, std::move(msg)});
  (s == Severity::error ? row.errors : row.warnings) += 1;
}

std::string who(const Nominee& n) {
  std::string s = in_quotes(display_name(n));
  if (n.kind == NomineeKind::individual) {
    auto born = parse_iso_date(n.birth_date);
    s += " (" + (born ? to_display(*born) : n.birth_date) + ")";
  }
  return s;
}

// Across units: the same nominee in two live dossiers of different packages (within one package
// validate() says so already); one dossier id in two packages; late packages.
void cross_checks(const Campaign& c, const Register& r, RegisterView& v) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_key;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_id;
  for (std::size_t i = 0; i < v.dossiers.size(); ++i) {
    by_id[v.dossiers[i].id].push_back(i);
    if (!is_live(v.dossiers[i].status)) continue;
    std::string key = nominee_key(v.dossiers[i].nominee);
    if (!key.empty()) by_key[std::move(key)].push_back(i);
  }
  for (std::size_t i = 0; i < v.dossiers.size(); ++i) {
    const Dossier& d = v.dossiers[i];
    RegisterRow& row = v.rows[i];
    const PackageRevision& mine = r.revisions[row.revision];
    if (is_live(d.status))
      if (auto it = by_key.find(nominee_key(d.nominee)); it != by_key.end())
        for (std::size_t j : it->second) {
          if (v.rows[j].revision == row.revision) continue;
          const PackageRevision& other = r.revisions[v.rows[j].revision];
          const Bilingual form = form_name(c, v.dossiers[j].award_form);
          const std::string unit = in_quotes(other.header.sender.unit_name);
          add_finding(row, d, nominee_path(d.nominee.kind == NomineeKind::individual ? "full_name" : "name"),
                      Severity::error, registry_rule::same_nominee,
                      {who(d.nominee) + " cũng được " + unit + " đề nghị (" + in_quotes(form.vi) + ").",
                       who(d.nominee) + " is also proposed by " + unit + " (" + in_quotes(form.en) + ")."});
        }
    for (std::size_t j : by_id[d.id]) {
      if (j == i) continue;
      const std::string file = in_quotes(r.revisions[v.rows[j].revision].file_name);
      add_finding(row, d, std::string(kStatusPath), Severity::warning, registry_rule::same_dossier,
                  {"Hồ sơ này (cùng mã) cũng có trong gói " + file + ".",
                   "This dossier (the same id) is also in the package " + file + "."});
    }
    if (row.late) {
      const Bilingual why = describe(lateness(c.deadline, mine.header.created, mine.received), c.deadline);
      add_finding(row, d, std::string(kStatusPath), Severity::warning, registry_rule::late, why);
    }
  }
}

}  // namespace

std::size_t RegisterView::find(std::string_view dossier_id) const {
  for (std::size_t i = 0; i < dossiers.size(); ++i)
    if (dossiers[i].id == dossier_id) return i;
  return npos;
}

RegisterView make_view(const Library& lib, const Campaign& c, const Register& r, Date today) {
  RegisterView v;
  std::unordered_map<std::string_view, const Decision*> decisions;
  for (const Decision& d : r.decisions) decisions.emplace(d.dossier_id, &d);
  const std::vector<bool> live = in_force(r);
  for (std::size_t ri = 0; ri < r.revisions.size(); ++ri) {
    if (!live[ri]) continue;
    const PackageRevision& p = r.revisions[ri];
    // The package as the unit's workspace held it, with the register's statuses: validate() then
    // sees what the secretariat sees (a returned dossier is no longer a live duplicate).
    Workspace w;
    w.campaign_id = c.id;
    w.settings.unit_id = p.header.sender.unit_id;
    w.settings.unit_name = p.header.sender.unit_name;
    w.dossiers = p.dossiers;
    w.minutes = p.minutes;
    for (Dossier& d : w.dossiers) {
      auto it = decisions.find(d.id);
      d.status = it == decisions.end() ? Status::received : it->second->status;
      d.return_reason = d.status == Status::returned ? it->second->return_reason : std::string();
    }
    std::vector<Finding> found = validate(lib, c, w, today);
    std::unordered_map<std::string_view, std::vector<Finding>> mine;
    for (Finding& f : found) {
      // The quota is the council's, over all units: the view's quota says it, not each package.
      if (f.rule == rule::quota) continue;
      if (f.owner == Finding::Owner::minutes) v.minutes_findings.push_back(std::move(f));
      else mine[f.owner_id].push_back(std::move(f));
    }
    const bool late = lateness(c.deadline, p.header.created, p.received).late;
    const std::string unit_key = text::collation_key_vi(p.header.sender.unit_name);
    for (Dossier& d : w.dossiers) {
      RegisterRow row;
      row.revision = ri;
      row.status = d.status;
      row.findings = std::move(mine[d.id]);
      for (const Finding& f : row.findings) (f.severity == Severity::error ? row.errors : row.warnings) += 1;
      row.completeness = completeness(c, w, d, row.findings);
      row.late = late;
      row.name_key = name_key(d.nominee);
      row.unit_key = unit_key;
      v.rows.push_back(std::move(row));
      v.dossiers.push_back(std::move(d));
    }
  }
  cross_checks(c, r, v);
  v.quota = quota_use(c, v.dossiers);
  return v;
}

std::vector<std::size_t> filter_and_sort(const Register& r, const RegisterView& v, const RegisterFilter& f,
                                         RegisterSort order) {
  DossierFilter fields = f.dossier;
  fields.search.clear();
  const bool search = !text::trim(f.dossier.search).empty();
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const RegisterRow& row = v.rows[i];
    const Sender& sender = r.revisions[row.revision].header.sender;
    if (!f.unit_id.empty() && sender.unit_id != f.unit_id) continue;
    if (f.with_errors && row.errors == 0) continue;
    if (f.incomplete && row.completeness.complete()) continue;
    if (!matches(v.dossiers[i], fields)) continue;
    if (search && !text::matches_search(search_text(v.dossiers[i]) + " " + sender.unit_name, f.dossier.search)) continue;
    idx.push_back(i);
  }
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    const RegisterRow& x = v.rows[a];
    const RegisterRow& y = v.rows[b];
    if (order == RegisterSort::unit && x.unit_key != y.unit_key) return x.unit_key < y.unit_key;
    if (order == RegisterSort::status && x.status != y.status) return x.status < y.status;
    return x.name_key < y.name_key;
  });
  return idx;
}

Outcome<RegisterChanges> set_status(Register& r, const RegisterView& v, std::string_view dossier_id, Status to,
                                    std::string_view reason, const EditContext& ctx) {
  const std::size_t i = v.find(dossier_id);
  if (i == RegisterView::npos)
    return refusal("status", "Hồ sơ " + in_quotes(dossier_id) + " không có trong sổ (hoặc thuộc một gói không còn dùng).",
                   "The dossier " + in_quotes(dossier_id) + " is not in the register (or only in a package no longer in force).");
  if (to == Status::eligible && v.rows[i].errors > 0) {
    const std::string n = std::to_string(v.rows[i].errors);
    return refusal("status", "Hồ sơ còn " + n + " lỗi: chưa thể đánh dấu hợp lệ; hãy trả lại đơn vị hoặc chờ lần gửi mới.",
                   "The dossier has " + n + " error(s): it cannot be marked eligible; return it to the unit or wait for a new revision.");
  }
  bool created = false;
  Decision& d = decision_for(r, dossier_id, ctx, created);
  auto moved = move_status(d, to, reason, ctx);
  if (!moved) {
    if (created) r.decisions.erase(r.decisions.begin() + (&d - r.decisions.data()));
    return moved.error();
  }
  RegisterChanges out;
  out.decisions.push_back(d.dossier_id);
  return out;
}

// ---- return notes ------------------------------------------------------------------------------

Outcome<ReturnNote> make_return_note(const Register& r, const Campaign& c, std::string_view dossier_id) {
  const Decision* d = r.decision(dossier_id);
  const Register::Found found = r.find_dossier(dossier_id);
  if (!found.dossier || !d || d->status != Status::returned)
    return refusal("status", "Chỉ lập được phiếu trả lại cho hồ sơ đã trả lại.",
                   "A return note can only be made for a returned dossier.");
  ReturnNote n;
  n.campaign = ref_of(c);
  n.unit = found.revision->header.sender;
  n.package_id = found.revision->header.id;
  n.package_revision = found.revision->header.revision;
  n.dossier_id = d->dossier_id;
  n.nominee_name = display_name(found.dossier->nominee);
  n.reason = d->return_reason;
  for (const AuditEntry& e : d->audit)
    if (e.path == kStatusPath && e.new_value == "returned") {
      n.time = e.time;
      n.returned_by = e.author;
    }
  return n;
}

json to_json(const ReturnNote& n) {
  return {{"format", kReturnNoteFormat},
          {"format_version", kReturnNoteFormatVersion},
          {"campaign", {{"id", n.campaign.id}, {"version", n.campaign.version}, {"hash", n.campaign.hash}}},
          {"unit", {{"unit_id", n.unit.unit_id}, {"unit_name", n.unit.unit_name}}},
          {"package", {{"id", n.package_id}, {"revision", n.package_revision}}},
          {"dossier_id", n.dossier_id},
          {"nominee_name", n.nominee_name},
          {"reason", n.reason},
          {"time", to_iso_instant(n.time)},
          {"returned_by", n.returned_by}};
}

std::string return_note_text(const ReturnNote& n) { return canonical_dump(to_json(n)); }

std::string return_note_file_name(const ReturnNote& n) {
  return "hoso_tra-lai_" + text::slug(n.unit.unit_name) + "_" + text::slug(n.nominee_name) + ".json";
}

Outcome<ReturnNote> read_return_note(std::string_view file_name, std::string_view bytes) {
  ParseLimits limits;
  limits.max_bytes = kReturnNoteMaxBytes;
  limits.max_depth = 8;
  limits.max_string_bytes = std::size_t{64} << 10;
  ParseResult parsed = parse_untrusted_json(bytes, limits);
  if (!parsed.ok())
    return DataError{std::string(file_name), parsed.error->json_path_or_offset,
                     {"Không đọc được tệp: " + parsed.error->message_vi, "The file cannot be read: " + parsed.error->message_en}};
  const json& j = parsed.value;
  json_in::Reader r(file_name);
  ReturnNote n;
  if (r.format(j, kReturnNoteFormat, kReturnNoteFormatVersion)) {
    if (const json* c = r.member(j, "", "campaign", true); c && r.expect_object(*c, "campaign")) {
      r.str(*c, "campaign", "id", n.campaign.id);
      r.integer(*c, "campaign", "version", n.campaign.version);
      r.str(*c, "campaign", "hash", n.campaign.hash);
    }
    if (const json* u = r.member(j, "", "unit", true); u && r.expect_object(*u, "unit")) {
      r.str(*u, "unit", "unit_id", n.unit.unit_id);
      r.str(*u, "unit", "unit_name", n.unit.unit_name);
    }
    if (const json* p = r.member(j, "", "package", true); p && r.expect_object(*p, "package")) {
      r.str(*p, "package", "id", n.package_id);
      r.integer(*p, "package", "revision", n.package_revision);
    }
    r.str(j, "", "dossier_id", n.dossier_id);
    r.str(j, "", "nominee_name", n.nominee_name);
    if (r.str(j, "", "reason", n.reason) && text::trim(n.reason).empty())
      r.fail("reason", {"Phiếu trả lại không ghi lý do.", "The return note gives no reason."});
    r.instant(j, "", "time", n.time);
    r.str(j, "", "returned_by", n.returned_by, false);
  }
  if (!r.ok()) return r.take_error();
  return n;
}

Outcome<bool> apply_return_note(Workspace& w, const ReturnNote& n, const EditContext& ctx) {
  if (w.campaign_id != n.campaign.id)
    return refusal("campaign.id", "Phiếu trả lại thuộc kế hoạch " + in_quotes(n.campaign.id) + ", không phải kế hoạch của bộ hồ sơ này.",
                   "The return note belongs to the campaign " + in_quotes(n.campaign.id) + ", not this workspace's.");
  if (!w.settings.unit_id.empty() && w.settings.unit_id != n.unit.unit_id)
    return refusal("unit.unit_id", "Phiếu trả lại gửi cho " + in_quotes(n.unit.unit_name) + ", không phải đơn vị này.",
                   "The return note is for " + in_quotes(n.unit.unit_name) + ", not this unit.");
  Dossier* d = w.dossier(n.dossier_id);
  if (!d)
    return refusal("dossier_id", "Không có hồ sơ " + in_quotes(n.nominee_name) + " (mã " + n.dossier_id + ") trong bộ hồ sơ này.",
                   "This workspace has no dossier " + in_quotes(n.nominee_name) + " (id " + n.dossier_id + ").");
  // Sent again after it was returned: the note is about an older copy, the secretariat will see
  // the new one.
  if (w.exports.last_package_id == n.package_id && w.exports.last_revision > n.package_revision && d->last_export &&
      d->last_export->time > n.time)
    return refusal("package.revision",
                   "Phiếu trả lại nói về lần gửi " + std::to_string(n.package_revision) + "; hồ sơ đã được gửi lại ở lần gửi " +
                       std::to_string(w.exports.last_revision) + ".",
                   "The return note is about revision " + std::to_string(n.package_revision) +
                       "; the dossier was sent again in revision " + std::to_string(w.exports.last_revision) + ".");
  bool changed = false;
  // The unit's statuses have no "returned": back to draft, so it can be corrected and sent again.
  if (d->status == Status::ready || d->status == Status::exported) {
    auto back = change_status(*d, StatusChange{Status::draft, Role::unit, {}}, {}, ctx);
    if (!back) return back.error();
    changed = true;
  }
  std::string reason = text::nfc(text::trim(n.reason));
  if (d->return_reason != reason) {
    const Millis t = whole_seconds(ctx.now);
    d->audit.push_back({t, ctx.author, "return_reason", d->return_reason, reason});
    d->return_reason = std::move(reason);
    d->updated = t;
    changed = true;
  }
  return changed;
}

// ---- records -----------------------------------------------------------------------------------

namespace {

json change_json(const RegisterChange& c) {
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

std::vector<RegisterChange> read_changes(json_in::Reader& r, const json& j, std::string_view key) {
  std::vector<RegisterChange> out;
  const json* list = r.member(j, "", key, false);
  if (!list || !r.expect_array(*list, key)) return out;
  for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
    const std::string p = json_in::index_path(key, i);
    const json& e = (*list)[i];
    if (!r.expect_object(e, p)) break;
    RegisterChange c;
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

json changes_json(const std::vector<RegisterChange>& list) {
  json a = json::array();
  for (const RegisterChange& c : list) a.push_back(change_json(c));
  return a;
}

}  // namespace registry_detail

json to_json(const PackageRevision& p) {
  const PackageHeader& h = p.header;
  json notes = json::array(), minutes = json::array(), dossiers = json::array();
  for (const Bilingual& b : p.notes) notes.push_back({{"vi", b.vi}, {"en", b.en}});
  for (const Minutes& m : p.minutes) minutes.push_back(to_json(m));
  for (const Dossier& d : p.dossiers) dossiers.push_back(to_json(d));
  return {{"format", kRegisterFormat},
          {"format_version", kRegisterFormatVersion},
          {"package",
           {{"id", h.id},
            {"revision", h.revision},
            {"previous_hash", h.previous_hash.empty() ? json(nullptr) : json(h.previous_hash)},
            {"created", to_iso_instant(h.created)},
            {"app_version", h.app_version},
            {"campaign", {{"id", h.campaign.id}, {"version", h.campaign.version}, {"hash", h.campaign.hash}}},
            {"sender", {{"unit_id", h.sender.unit_id}, {"unit_name", h.sender.unit_name}}},
            {"contact", {{"name", h.contact.name}, {"phone", h.contact.phone}, {"email", h.contact.email}}},
            {"content_hash", h.content_hash}}},
          {"file_name", p.file_name},
          {"received", to_iso_instant(p.received)},
          {"set_aside", p.set_aside},
          {"notes", std::move(notes)},
          {"minutes", std::move(minutes)},
          {"dossiers", std::move(dossiers)}};
}

Outcome<PackageRevision> revision_from_json(const json& j, std::string_view file_name) {
  json_in::Reader r(file_name);
  PackageRevision p;
  if (!r.format(j, kRegisterFormat, kRegisterFormatVersion)) return r.take_error();
  PackageHeader& h = p.header;
  if (const json* pk = r.member(j, "", "package", true); pk && r.expect_object(*pk, "package")) {
    r.str(*pk, "package", "id", h.id);
    r.integer(*pk, "package", "revision", h.revision);
    r.str(*pk, "package", "previous_hash", h.previous_hash, false);
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
  return {{"format", kRegisterFormat},       {"format_version", kRegisterFormatVersion},
          {"dossier_id", d.dossier_id},     {"status", to_string(d.status)},
          {"return_reason", d.return_reason}, {"audit", std::move(audit)}, {"award_id", d.award_id}};
}

Outcome<Decision> decision_from_json(const json& j, std::string_view file_name) {
  json_in::Reader r(file_name);
  Decision d;
  if (!r.format(j, kRegisterFormat, kRegisterFormatVersion)) return r.take_error();
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

json register_state_json(const Register& r) {
  return {{"format", kRegisterFormat},
          {"format_version", kRegisterFormatVersion},
          {"campaign_id", r.campaign_id},
          {"log", changes_json(r.log)},
          {"closed_at", r.closed() ? json(to_iso_instant(r.closed_at)) : json(nullptr)},
          {"closed_by", r.closed_by},
          {"certificate_layout", doc::to_json(r.certificate_layout)}};
}

Outcome<Register> register_state_from_json(const json& j, std::string_view file_name) {
  json_in::Reader r(file_name);
  Register reg;
  if (!r.format(j, kRegisterFormat, kRegisterFormatVersion)) return r.take_error();
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

json register_snapshot(const Register& r) {
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
  for (const CouncilMeeting& m : r.meetings)
    meetings.push_back({{"id", m.id},
                        {"date", m.date.year ? to_iso(m.date) : std::string()},
                        {"closed", m.closed},
                        {"members_total", m.members_total},
                        {"members_present", m.members_present},
                        {"votes", m.votes.size()},
                        {"corrections", m.corrections.size()}});
  return {{"campaign_id", r.campaign_id}, {"closed", r.closed()},
          {"revisions", std::move(revisions)}, {"decisions", std::move(decisions)},
          {"by_status", by_status},       {"meetings", std::move(meetings)},   {"awards", std::move(awards)},
          {"log", r.log.size()}};
}

}  // namespace hoso
