#pragma once
// The workspace (core/workspace.hpp) mapped onto a RecordStore: one small record per dossier and
// per minutes, one for the settings, active campaign and export history, one per accepted
// campaign file and version, and attachments as blobs named by their SHA-256. Only what changed is written: callers mark dossiers, minutes or settings dirty, and
// flush() saves those records.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/workspace.hpp"
#include "store/record_store.hpp"

namespace hoso::store {

inline constexpr std::string_view kWorkspaceRecord = "workspace.json";
std::string dossier_record(std::string_view dossier_id);  // "dossiers/<id>.json"
std::string minutes_record(std::string_view minutes_id);  // "minutes/<id>.json"
// "campaigns/<id>_v<version>.json" (campaign ids are file-name safe: campaign.schema.json)
std::string campaign_record(std::string_view campaign_id, int version);

// A record that exists but could not become part of the workspace: the store moved a damaged
// file to quarantine, or the file parsed but is not a valid dossier/minutes/settings. Either way
// it is reported, never deleted, and its previous version can be restored when it is valid.
// A record whose current file is missing but whose ".prev" is there (previous_only), or that was
// left where it is (written by a newer hoso, or unreadable), is reported the same way.
struct BrokenRecord {
  enum class Kind { damaged, previous_only, left_in_place };
  std::string name;      // "dossiers/….json"
  std::string problem_vi, problem_en;
  bool previous_valid = false;
  Kind kind = Kind::damaged;
};

struct WorkspaceLoad {
  Workspace workspace;
  std::vector<BrokenRecord> broken;
  std::vector<std::string> recovered;  // records rolled forward after an interrupted write
};

struct FlushResult {
  int written = 0;
  std::vector<Error> errors;  // what could not be written (the rest was)
};

class WorkspaceStore {
 public:
  explicit WorkspaceStore(std::filesystem::path root) : records_(std::move(root)) {}

  // Reads every record into a workspace. Damaged records are reported in `broken`; the rest loads.
  Result<WorkspaceLoad> load(Millis now);

  void mark_settings_dirty() { settings_dirty_ = true; }
  // A record written again is no longer removed (a deletion undone before the next flush).
  void mark_dossier_dirty(std::string_view id) { dirty_dossiers_.emplace(id); removed_dossiers_.erase(std::string(id)); }
  void mark_minutes_dirty(std::string_view id) { dirty_minutes_.emplace(id); removed_minutes_.erase(std::string(id)); }
  // An accepted campaign file: written once, never changed (a correction is a new version).
  void mark_campaign_dirty(const HeldCampaign& h) { dirty_campaigns_.insert(campaign_record(h.id, h.version)); }
  void mark_dossier_removed(std::string_view id) { removed_dossiers_.emplace(id); dirty_dossiers_.erase(std::string(id)); }
  void mark_minutes_removed(std::string_view id) { removed_minutes_.emplace(id); dirty_minutes_.erase(std::string(id)); }
  void mark_all_dirty(const Workspace& w);
  bool dirty() const;

  // Writes every dirty record of `w`. Records that fail stay dirty, to be retried.
  FlushResult flush(const Workspace& w, Millis now);

  // Restores the previous version of a broken record; the caller reloads.
  Completed restore_previous(std::string_view record_name, Millis now);

  // The settings record did not load (damaged, from a newer hoso, or only its ".prev" is left):
  // the workspace runs on defaults, and they are never written over it (two saves would rotate
  // the last good copy away) until the person decides: restore_previous, or start_over.
  bool settings_held() const { return settings_held_; }
  // The person chose to start the record over: it and its ".prev" go to quarantine/ (kept), and
  // the next flush writes the settings in memory as a new record.
  Completed start_over(std::string_view record_name, Millis now);

  // Attachments: bytes by SHA-256 (hex).
  Completed put_attachment(std::string_view sha256, std::string_view bytes);
  Result<std::string> attachment(std::string_view sha256) const;
  // Deletes the blobs nothing refers to: no file of the workspace on disk (every record, its
  // ".prev" and ".tmp", the register's revisions included; trash/ and quarantine/ do not count)
  // names them, and neither does `in_memory` (the attachments of what is open and not yet
  // saved). A reference is any 64-hex run in a file's text, so a record that no longer reads
  // (damaged, from a newer hoso) still keeps its attachments. A removed attachment is freed once
  // its dossier's ".prev" no longer names it (after the next save of that dossier).
  struct Garbage {
    int removed = 0;
    uint64_t bytes = 0;
  };
  Result<Garbage> collect_garbage(const std::set<std::string, std::less<>>& in_memory);

  RecordStore& records() { return records_; }

 private:
  RecordStore records_;
  bool settings_dirty_ = false;
  bool settings_held_ = false;
  std::set<std::string, std::less<>> dirty_dossiers_, dirty_minutes_, removed_dossiers_, removed_minutes_;
  std::set<std::string, std::less<>> dirty_campaigns_;  // record names
};

}  // namespace hoso::store
