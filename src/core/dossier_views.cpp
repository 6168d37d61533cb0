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

// The name's sort key: collectives before people (the form lists them so), each in Vietnamese
// order of their name (text::compare_vi, compare_person_names): one key a row, not two a comparison.
std::string name_key(const Dossier& d) {
  if (d.nominee.kind == NomineeKind::collective) return '0' + text::collation_key_vi(d.nominee.name);
  return '1' + text::collation_key_person(d.nominee.full_name);
}

}  // namespace

std::vector<std::size_t> filter_and_sort(std::span<const Dossier> dossiers, const DossierFilter& f,
                                         SortOrder order) {
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < dossiers.size(); ++i)
    if (matches(dossiers[i], f)) idx.push_back(i);
  std::vector<std::string> keys(dossiers.size());
  if (order != SortOrder::updated)
    for (std::size_t i : idx) keys[i] = name_key(dossiers[i]);
  auto by = [&](std::size_t a, std::size_t b) {
    const Dossier& x = dossiers[a];
    const Dossier& y = dossiers[b];
    switch (order) {
      case SortOrder::updated:
        return x.updated > y.updated;
      case SortOrder::status:
        if (x.status != y.status) return x.status < y.status;
        return keys[a] < keys[b];
      case SortOrder::name:
        break;
    }
    return keys[a] < keys[b];
  };
  std::stable_sort(idx.begin(), idx.end(), by);
  return idx;
}

uint64_t list_signature(std::span<const Dossier> dossiers, SortOrder order) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    h = (h ^ 0xFF) * 1099511628211ULL;  // a separator: ("ab","c") differs from ("a","bc")
  };
  for (const Dossier& d : dossiers) {
    const Nominee& n = d.nominee;
    for (const std::string* t : {&d.id, &d.award_form, &n.name, &n.full_name, &n.unit, &n.position, &n.parent_unit}) mix(*t);
    mix(std::to_string(static_cast<int>(d.status) * 2 + static_cast<int>(n.kind)));
    if (order == SortOrder::updated) mix(std::to_string(d.updated));
  }
  return h;
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
