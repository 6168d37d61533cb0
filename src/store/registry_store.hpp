#pragma once
// The secretariat's register (core/registry.hpp) on the same RecordStore as the workspace, saved
// and protected the same way: one small record per package revision, per dossier decision and per
// council meeting, one for the register's head, and attachments as blobs named by SHA-256. Only
// what changed is written (mark the RegistryChanges a core function returns, then flush()).
//
// One register per campaign: Plan 32's under registry/ (where the first release kept it), any other
// campaign's under registers/<campaign id>/ with the same layout:
//   registry/state.json                       campaign id and the log of removals and choices
//   registry/packages/<package id>_r<n>_<hash12>.json   one revision, as received
//   registry/decisions/<dossier id>.json      a dossier's status, return reason and their audit
//   registry/sessions/<meeting id>.json       a council session (CouncilMeeting), with its corrections
//   registry/awards/<award id>.json           an authority's recorded decision (AwardDecision)
//   history/awards.json                       every award recorded here, in every campaign
//   campaign-drafts/<key>.json                a campaign the secretariat writes (core/campaign_draft.hpp)
//
// Loading follows WorkspaceStore: a damaged record is quarantined by the RecordStore and reported,
// a record that parses but does not read as its type is reported and left in place, the rest loads.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/registry.hpp"
#include "store/record_store.hpp"
#include "store/workspace_store.hpp"

namespace hoso::store {

// One register per campaign, each under its root: Plan 32's (the first release's, the only
// campaign there was) at "registry/", every other campaign's at "registers/<campaign id>/".
inline constexpr std::string_view kDefaultRegistryRoot = "registry/";
std::string registry_root(std::string_view campaign_id);
inline constexpr std::string_view kRegistryStateRecord = "registry/state.json";  // Plan 32's head
bool is_registry_head(std::string_view record_name);  // "<any register's root>state.json"
// Outside registry/: the history outlives one campaign's register.
inline constexpr std::string_view kAwardHistoryRecord = "history/awards.json";
// "<root>packages/<key>.json"
std::string revision_record(std::string_view key, std::string_view root = kDefaultRegistryRoot);
// "<root>decisions/<id>.json"; an id that is not a safe file name (it came from a unit's
// file) is named by "h-" and the first 40 hex of its SHA-256. The record holds the real id.
std::string decision_record(std::string_view dossier_id, std::string_view root = kDefaultRegistryRoot);
std::string meeting_record(std::string_view meeting_id, std::string_view root = kDefaultRegistryRoot);  // "<root>sessions/<id>.json"
std::string award_record(std::string_view award_id, std::string_view root = kDefaultRegistryRoot);      // "<root>awards/<id>.json"
// Outside registry/: a campaign being written outlives one campaign's register.
inline constexpr std::string_view kCampaignDrafts = "campaign-drafts/";
std::string draft_record(std::string_view key);            // "campaign-drafts/<key>.json"

// The first problem the register's loader would report for a record of the register (its head, a
// revision, decision, meeting or award decision, the award history), or nothing when it reads or
// is not the register's. The full edition installs it as record_readers.hpp's register check.
std::optional<DataError> registry_record_problem(std::string_view name, const nlohmann::json& data);

struct RegistryLoad {
  Registry reg;
  std::vector<BrokenRecord> broken;    // registry records only
  std::vector<std::string> recovered;  // registry records rolled forward after a crash
};

class RegistryStore {
 public:
  // `records` is the workspace's store (WorkspaceStore::records()); it must outlive this.
  explicit RegistryStore(RecordStore& records, std::string root = std::string(kDefaultRegistryRoot))
      : records_(records), root_(std::move(root)) {}
  // Another campaign's register: what is still dirty is dropped (flush first), load() reads it.
  void set_root(std::string root);
  const std::string& root() const { return root_; }
  std::string state_record() const { return root_ + "state.json"; }

  // Reads the registry's records (load_all on the RecordStore). Revisions come in the order they
  // were received, decisions and meetings by name.
  Result<RegistryLoad> load(Millis now);
  // The same from a load the caller has already done (no second pass over the disk).
  RegistryLoad read(const LoadReport& report);

  void mark(const RegistryChanges& changes);
  void mark_all_dirty(const Registry& r);
  bool dirty() const;

  // Writes every dirty record of `r`; removed revisions go to the trash. Records that fail stay
  // dirty, to be retried.
  FlushResult flush(const Registry& r, Millis now);

  Completed restore_previous(std::string_view record_name, Millis now);

  // As WorkspaceStore: a register head (state) that did not load is never written over until
  // the person restores its previous version or starts it over (kept in quarantine/).
  bool state_held() const { return state_held_; }
  Completed start_over(std::string_view record_name, Millis now);

  Completed put_attachment(std::string_view sha256, std::string_view bytes);
  Result<std::string> attachment(std::string_view sha256) const;

 private:
  bool ours(std::string_view name) const;
  void forget_changes();  // nothing marked to write

  RecordStore& records_;
  std::string root_;
  bool state_dirty_ = false;
  bool history_dirty_ = false;
  bool state_held_ = false;
  std::set<std::string, std::less<>> revisions_, removed_, decisions_, meetings_, awards_, removed_awards_, drafts_;
};

}  // namespace hoso::store
