#pragma once
// The one-file backup of a workspace: every record and blob in one JSON document, the user's real
// protection against a browser that deletes site data. Importing is two steps, so the interface
// can ask before anything is replaced: verify_backup checks everything and returns a plan;
// apply_backup carries it out. A damaged backup is refused by verify_backup with what is wrong and
// where, and nothing is changed.
//
// The document (keys in canonical order when written):
//   {"blobs":[{"base64":"…","name":"<sha256>","sha256":"…","size":N}…],
//    "content_sha256":"<hex>", "created_at":"2025-10-20T08:15:00Z", "format":"hoso-backup",
//    "records":[{"data":{…},"name":"dossiers/x.json","saved_at":"…","seq":N}…], "version":1}
// content_sha256 is the SHA-256 of the canonical JSON of the document without that member.
// Not included: ".prev" versions, trash/ and quarantine/.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "store/record_store.hpp"
#include "store/result.hpp"

namespace hoso::store {

inline constexpr std::string_view kBackupFormat = "hoso-backup";
inline constexpr int kBackupVersion = 1;
// Verifying holds the text, the parsed tree and the decoded attachments at once: a 256 MB backup
// already needs about 1 GB of wasm memory. Larger workspaces must shed attachments first.
inline constexpr std::size_t kMaxBackupBytes = 256u << 20;

// The whole store as backup text. Refused (nothing written anywhere) if a record cannot be read:
// a backup that silently leaves a dossier out would be worse than none.
Result<std::string> make_backup(const RecordStore& store, Millis now);

enum class PlanAction {
  add,      // not in the workspace: written as in the backup
  replace,  // in the workspace with other content: the user must agree first
  same,     // already identical: nothing to do
};

// What the workspace held when the plan was made, so apply_backup can tell it has changed since.
struct DiskState {
  enum class Kind { absent, present, damaged } kind = Kind::absent;
  uint64_t seq = 0;  // when present
  bool operator==(const DiskState&) const = default;
};

struct PlannedRecord {
  std::string name;
  PlanAction action = PlanAction::add;
  uint64_t seq = 0;      // in the backup
  std::string saved_at;  // in the backup
  nlohmann::json data;
  DiskState current;     // in the workspace when verified
};

struct PlannedBlob {
  std::string name;
  PlanAction action = PlanAction::add;
  std::string sha256;
  std::string bytes;     // decoded and checked against size and sha256
  DiskState current;     // seq unused
};

struct BackupPlan {
  std::string created_at;
  // Records in the workspace that the backup does not have: restore_backup moves them to the
  // trash with the rest of the old workspace (they are not lost, but no longer shown).
  std::vector<std::string> dropped;
  std::vector<DiskState> dropped_state;  // as verified, parallel to `dropped`
  std::string content_sha256;
  std::vector<PlannedRecord> records;  // in backup order (sorted by name when made by hoso)
  std::vector<PlannedBlob> blobs;

  std::size_t count(PlanAction action) const;
  // Names (records, then "blobs/<name>") that applying would replace: what to ask the user about.
  std::vector<std::string> replacements() const;
};

// Checks, in order: size (kMaxBackupBytes), JSON, format, version, created_at, each record (name,
// seq, saved_at, data object, no duplicate), each blob (name, base64, size, SHA-256),
// content_sha256, then each record's data with the reader the loader uses for its name
// (store/record_readers.hpp): a dossier that would not load is refused here, not after restoring. The first problem is returned as backup_invalid with the JSON path ("blobs[2].
// sha256") and nothing is changed. `file_name` is how errors name the backup.
Result<BackupPlan> verify_backup(std::string_view text, const RecordStore& store,
                                 std::string_view file_name = "backup.json");

struct ApplyReport {
  std::size_t records_added = 0, records_replaced = 0, blobs_added = 0, blobs_replaced = 0;
};

// Carries out a plan from verify_backup on the same store. First checks that nothing it would
// write has changed since (plan_stale otherwise, nothing written); then writes the blobs, then the
// records (each atomically; a replaced record's old version stays as its ".prev"). Added records
// are exact copies (the backup's seq and saved_at); replaced ones get a new seq and saved_at now.
// If a write fails midway the error says how far it got; what was written is complete.
Result<ApplyReport> apply_backup(RecordStore& store, const BackupPlan& plan, Millis now);

// Replaces the workspace with the backup as one verified swap (what the app does):
//  1. refused (plan_stale, nothing written) if anything the plan saw has changed since;
//  2. the blobs are added to blobs/ (named by content: extra blobs harm nothing), and every record
//     is written to restore/ as an exact copy;
//  3. restore/ is loaded back with the loader's own rules and every record read by its model
//     reader; any problem stops here, restore/ is deleted, and the workspace is as it was;
//  4. a marker restore/READY listing the records is written, then the old records (with their
//     ".prev") move to trash/before-restore/ and the staged ones into place, and restore/ goes.
// A crash during 4 is finished by the next load_all (the marker says what belongs); a crash
// before it leaves restore/ without a marker, which load_all deletes. Counts as apply_backup's,
// with records_replaced also counting the workspace's records the backup lacked (to the trash).
Result<ApplyReport> restore_backup(RecordStore& store, const BackupPlan& plan, Millis now);

// Finishes or abandons a restore interrupted by a crash (called by RecordStore::load_all): with
// restore/READY, the swap is completed; without it, restore/ is deleted. Returns whether a
// restore was completed.
Result<bool> finish_interrupted_restore(const std::filesystem::path& root, Millis now);

}  // namespace hoso::store
