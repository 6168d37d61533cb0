#pragma once
// What the lists and dashboards show, computed outside ImGui so it is tested: filtering by search
// text, status, kind and award form; Vietnamese ordering of names; counts by status and by award
// form against the quota; findings grouped by dossier and by section.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/campaign.hpp"
#include "core/dossier.hpp"
#include "core/status.hpp"
#include "core/validation.hpp"

namespace hoso {

struct DossierFilter {
  std::string search;  // words matched without diacritics or case: "nguyen van a"
  std::optional<Status> status;
  std::optional<NomineeKind> kind;
  std::string award_form;  // empty: any
};

// True if the dossier passes the filter. Search looks at search_text().
bool matches(const Dossier& d, const DossierFilter& f);
// What search looks at: the nominee's name, unit, position, parent unit, the award form id and
// the dossier id (the register adds the sending unit's name).
std::string search_text(const Dossier& d);

enum class SortOrder {
  name,     // Vietnamese order; people by given name (last word) first, collectives by name
  updated,  // most recently changed first
  status,   // in the order of the Status enum, then by name
};

// Indices into `dossiers` of those that pass, in the order asked for. Ties keep workspace order.
std::vector<std::size_t> filter_and_sort(std::span<const Dossier> dossiers,
                                         const DossierFilter& f, SortOrder order = SortOrder::name);
// A fingerprint of everything filter_and_sort looks at (names, unit, position, status, kind,
// award form, id; the time of the last change when sorting by it): when it is unchanged, so is
// the list's order, and typing into a report need not sort the list again.
uint64_t list_signature(std::span<const Dossier> dossiers, SortOrder order);

// How many dossiers are in each status, indexed by the Status value.
std::array<int, kAllStatuses.size()> count_by_status(std::span<const Dossier> dossiers);

// For each award form and kind the campaign offers: how many dossiers seek it, and the quota.
// Only live dossiers count (is_live in status.hpp: not returned, not not-awarded).
struct QuotaUse {
  std::string award_form;
  NomineeKind kind = NomineeKind::individual;
  int count = 0;
  std::optional<int> quota;
  bool over() const { return quota && count > *quota; }
  bool operator==(const QuotaUse&) const = default;
};
std::vector<QuotaUse> quota_use(const Campaign& c, std::span<const Dossier> dossiers);

// Findings per owner (dossier or minutes), in first-seen order, with tallies.
struct FindingGroup {
  Finding::Owner owner = Finding::Owner::dossier;
  std::string owner_id;
  int errors = 0;
  int warnings = 0;
  std::vector<const Finding*> findings;
};
std::vector<FindingGroup> group_by_owner(std::span<const Finding> findings);

// One owner's findings per section (path_section of the path), in first-seen order.
struct SectionGroup {
  std::string section;
  int errors = 0;
  int warnings = 0;
  std::vector<const Finding*> findings;
};
std::vector<SectionGroup> group_by_section(std::span<const Finding* const> findings);

}  // namespace hoso
