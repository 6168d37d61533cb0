#include "core/registry_view.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/intake.hpp"
#include "core/library.hpp"
#include "core/paths.hpp"
#include "core/registry_detail.hpp"
#include "core/share.hpp"
#include "core/text.hpp"

namespace hoso {

using json_in::in_quotes;
using nlohmann::json;
using namespace registry_detail;

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
    k.meets_threshold = meets_threshold(v->votes_for, *m, c.voting.threshold);
  }
  return k;
}

void add_finding(RegistryRow& row, const Dossier& d, std::string path, Severity s, std::string_view rule_id,
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
void cross_checks(const Campaign& c, const Registry& r, RegistryView& v) {
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
    RegistryRow& row = v.rows[i];
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

std::size_t RegistryView::find(std::string_view dossier_id) const {
  for (std::size_t i = 0; i < dossiers.size(); ++i)
    if (dossiers[i].id == dossier_id) return i;
  return npos;
}

RegistryView make_view(const Library& lib, const Campaign& c, const Registry& r, Date today) {
  RegistryView v;
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
      RegistryRow row;
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

std::vector<std::size_t> filter_and_sort(const Registry& r, const RegistryView& v, const RegistryFilter& f,
                                         RegistrySort order) {
  DossierFilter fields = f.dossier;
  fields.search.clear();
  const bool search = !text::trim(f.dossier.search).empty();
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const RegistryRow& row = v.rows[i];
    const Sender& sender = r.revisions[row.revision].header.sender;
    if (!f.unit_id.empty() && sender.unit_id != f.unit_id) continue;
    if (f.with_errors && row.errors == 0) continue;
    if (f.incomplete && row.completeness.complete()) continue;
    if (!matches(v.dossiers[i], fields)) continue;
    if (search && !text::matches_search(search_text(v.dossiers[i]) + " " + sender.unit_name, f.dossier.search)) continue;
    idx.push_back(i);
  }
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    const RegistryRow& x = v.rows[a];
    const RegistryRow& y = v.rows[b];
    if (order == RegistrySort::unit && x.unit_key != y.unit_key) return x.unit_key < y.unit_key;
    if (order == RegistrySort::status && x.status != y.status) return x.status < y.status;
    return x.name_key < y.name_key;
  });
  return idx;
}

Outcome<RegistryChanges> set_status(Registry& r, const RegistryView& v, std::string_view dossier_id, Status to,
                                    std::string_view reason, const EditContext& ctx) {
  const std::size_t i = v.find(dossier_id);
  if (i == RegistryView::npos)
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
  RegistryChanges out;
  out.decisions.push_back(d.dossier_id);
  return out;
}

}  // namespace hoso
