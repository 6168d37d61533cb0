#pragma once
// The register as one table (registry_view.cpp): every nominee of every unit in force, with its
// completeness, findings and the quotas; filtered and sorted for the screens; the secretariat's
// status change, checked against the row.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/registry.hpp"

namespace hoso {

// ---- the register's table ----------------------------------------------------------------------

// The three documents and the checks that make a dossier complete, read from its findings.
struct Completeness {
  bool minutes_vote = false;  // the unit's minutes record a vote on it
  bool summary = false;       // the achievement summary has no error
  bool report = false;        // the Form 08 report is filled (no error)
  bool criteria = false;      // an award form it may seek, every criterion met with evidence
  // The unit's vote, counted against the unit's TOTAL members, and the campaign's threshold.
  int votes_for = 0;
  int members_total = 0;
  bool meets_threshold = false;
  bool complete() const { return minutes_vote && summary && report && criteria && meets_threshold; }
  bool operator==(const Completeness&) const = default;
};

// Rule ids of the register's own findings (beside validation.hpp's rule::).
namespace registry_rule {
inline constexpr std::string_view same_nominee = "same_nominee";  // the same nominee_key in two units
inline constexpr std::string_view same_dossier = "same_dossier";  // one dossier id in two packages
inline constexpr std::string_view late = "late";                  // its package was received late
}  // namespace registry_rule

struct RegistryRow {
  std::size_t revision = 0;  // index into Registry::revisions: the revision in force holding it
  Status status = Status::received;
  Completeness completeness;
  std::vector<Finding> findings;  // validate() of its package, then the register's own checks
  int errors = 0;
  int warnings = 0;
  bool late = false;
  std::string name_key;  // collectives first, then people by given name, in Vietnamese order
  std::string unit_key;  // the sending unit's name in Vietnamese order
};

struct RegistryView {
  // Every dossier of every revision in force, in register order, with the register's status and
  // return reason (so dossier_views' functions apply), and its row at the same index.
  std::vector<Dossier> dossiers;
  std::vector<RegistryRow> rows;
  std::vector<Finding> minutes_findings;  // the units' own minutes (quorum, counts), by minutes id
  // Per award form and kind: live nominations (not returned, not not-awarded) against the quota.
  std::vector<QuotaUse> quota;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  // Index of a dossier's row, or npos.
  std::size_t find(std::string_view dossier_id) const;
  const PackageRevision& revision_of(const Registry& r, std::size_t row) const {
    return r.revisions[rows[row].revision];
  }
};

// Validates each revision in force as a unit workspace (validate() with the campaign's threshold,
// `today` the Vietnam date), then checks across units: the same nominee_key in two units' live
// dossiers, one dossier id in two packages, late packages.
RegistryView make_view(const Library& lib, const Campaign& c, const Registry& r, Date today);

struct RegistryFilter {
  DossierFilter dossier;       // search (without diacritics), status, kind, award form
  std::string unit_id;         // the sending unit; empty: every unit
  bool with_errors = false;    // only rows with an error
  bool incomplete = false;     // only rows whose Completeness is not complete()
};
enum class RegistrySort {
  unit,    // by sending unit, then collectives first, people by given name (Vietnamese order)
  name,    // by nominee, Vietnamese order
  status,  // in Status order, then by name
};
// Row indices that pass, in the order asked for (ties keep register order). Search also looks at
// the sending unit's name.
std::vector<std::size_t> filter_and_sort(const Registry& r, const RegistryView& v,
                                         const RegistryFilter& f, RegistrySort order = RegistrySort::unit);

// The secretariat's status change for a dossier, through refuse_transition() with
// Role::secretariat: "returned" needs a reason a unit can read; "eligible" needs no error among
// the row's findings (a cross-unit duplicate is an error: return one of the two first).
Outcome<RegistryChanges> set_status(Registry& r, const RegistryView& v, std::string_view dossier_id,
                                    Status to, std::string_view reason, const EditContext& ctx);

}  // namespace hoso
