#include "core/dossier_views.hpp"

#include <algorithm>
#include <map>

#include "core/paths.hpp"
#include "core/text.hpp"

namespace hoso {

bool matches(const Dossier& d, const DossierFilter& f) {
  if (f.status && d.status != *f.status) return false;
  if (f.kind && d.nominee.kind != *f.kind) return false;
  if (!f.award_form.empty() && d.award_form != f.award_form) return false;
  if (text::trim(f.search).empty()) return true;
  return text::matches_search(search_text(d), f.search);
}

std::string search_text(const Dossier& d) {
  const Nominee& n = d.nominee;
  std::string hay = display_name(n);
  for (const std::string* s : {&n.unit, &n.position, &n.parent_unit, &d.award_form, &d.id}) {
    hay += ' ';
    hay += *s;
  }
  return hay;
}

namespace {

// Collectives before people (the form lists them so), each in Vietnamese order of their name.
int compare_names(const Dossier& a, const Dossier& b) {
  if (a.nominee.kind != b.nominee.kind) return a.nominee.kind == NomineeKind::collective ? -1 : 1;
  if (a.nominee.kind == NomineeKind::collective) return text::compare_vi(a.nominee.name, b.nominee.name);
  return text::compare_person_names(a.nominee.full_name, b.nominee.full_name);
}

}  // namespace

std::vector<std::size_t> filter_and_sort(std::span<const Dossier> dossiers, const DossierFilter& f,
                                         SortOrder order) {
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < dossiers.size(); ++i)
    if (matches(dossiers[i], f)) idx.push_back(i);
  auto by = [&](std::size_t a, std::size_t b) {
    const Dossier& x = dossiers[a];
    const Dossier& y = dossiers[b];
    switch (order) {
      case SortOrder::updated:
        return x.updated > y.updated;
      case SortOrder::status:
        if (x.status != y.status) return x.status < y.status;
        return compare_names(x, y) < 0;
      case SortOrder::name:
        break;
    }
    return compare_names(x, y) < 0;
  };
  std::stable_sort(idx.begin(), idx.end(), by);
  return idx;
}

std::array<int, kAllStatuses.size()> count_by_status(std::span<const Dossier> dossiers) {
  std::array<int, kAllStatuses.size()> counts{};
  for (const Dossier& d : dossiers) ++counts[static_cast<std::size_t>(d.status)];
  return counts;
}

std::vector<QuotaUse> quota_use(const Campaign& c, std::span<const Dossier> dossiers) {
  std::vector<QuotaUse> out;
  for (const AwardForm& f : c.award_forms)
    for (const AwardRule& r : f.rules) {
      QuotaUse u{f.id, r.kind, 0, r.quota};
      for (const Dossier& d : dossiers)
        if (is_live(d.status) && d.award_form == f.id && d.nominee.kind == r.kind) ++u.count;
      out.push_back(std::move(u));
    }
  return out;
}

std::vector<FindingGroup> group_by_owner(std::span<const Finding> findings) {
  std::vector<FindingGroup> groups;
  std::map<std::pair<Finding::Owner, std::string_view>, std::size_t> where;
  for (const Finding& f : findings) {
    auto [it, fresh] = where.try_emplace({f.owner, f.owner_id}, groups.size());
    if (fresh) groups.push_back({f.owner, f.owner_id, 0, 0, {}});
    FindingGroup& g = groups[it->second];
    (f.severity == Severity::error ? g.errors : g.warnings) += 1;
    g.findings.push_back(&f);
  }
  return groups;
}

std::vector<SectionGroup> group_by_section(std::span<const Finding* const> findings) {
  std::vector<SectionGroup> groups;
  for (const Finding* f : findings) {
    std::string_view section = path_section(f->path);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const SectionGroup& g) { return g.section == section; });
    if (it == groups.end()) it = groups.insert(groups.end(), SectionGroup{std::string(section), 0, 0, {}});
    (f->severity == Severity::error ? it->errors : it->warnings) += 1;
    it->findings.push_back(f);
  }
  return groups;
}

}  // namespace hoso
