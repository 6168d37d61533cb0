#pragma once
// The workspace on a directory: named JSON records and binary blobs, written so that nothing the
// user typed is lost. It knows nothing of dossiers: the app maps its model to record names such
// as "dossiers/<id>.json" and "settings.json", and attachments to blobs named by SHA-256.
// docs/STORE.md describes the files on disk, the rules and the recovery.
//
// Natively the directory is any folder; in the browser it is /data on IDBFS (MEMFS in memory,
// mirrored to IndexedDB by the platform layer after each save). Time always comes from the
// caller; the store has no clock.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "store/result.hpp"

namespace hoso::store {

// Records above this size are refused on write and moved aside on load: a dossier is tens of
// kilobytes, so 64 MB can only be damage, and reading it must not exhaust wasm memory.
inline constexpr std::uintmax_t kMaxRecordBytes = 64u << 20;
// Blobs are attachments, at most 10 MB where they come in (core/attachments.hpp: a unit's pick,
// a package's attachment); the store refuses only what can be nothing but damage, as for records,
// so that a backup of an earlier release (which took larger attachments from packages) restores.
inline constexpr std::uintmax_t kMaxBlobBytes = 64u << 20;
// Nesting of a record file, the envelope included ({"data":{…}} is 2): the depth the core's
// parser accepts. A save that the loader would refuse is refused instead.
inline constexpr int kMaxRecordDepth = 64;

inline constexpr std::string_view kRecordFormat = "hoso-record";
inline constexpr int kRecordVersion = 1;

// The error for a record that did not load and so is not written over (WorkspaceStore and
// RegistryStore hold their head records this way).
Error held_unreadable_error(std::string_view name);

// Record names: 1–4 segments joined by '/', each of [A-Za-z0-9._-], not starting with '.', the
// last ending in ".json"; the first may not be one of the store's own folders (blobs, trash,
// quarantine, restore). Blob names: one such segment, not ending in ".tmp".
bool is_valid_record_name(std::string_view name);
bool is_valid_blob_name(std::string_view name);

struct Record {
  std::string name;      // "dossiers/1b4e….json"
  uint64_t seq = 0;      // incremented on every write of this record
  std::string saved_at;  // ISO instant of that write, as the caller's clock gave it
  nlohmann::json data;   // always an object
  uint64_t bytes = 0;    // size of the file on disk
};

// A record file that failed to load, moved aside so that the rest could load.
struct Quarantined {
  std::string name;       // record name
  std::string moved_to;   // path relative to the root: "quarantine/dossiers/x.json.20251020T081500123Z"
  Error problem;          // what is wrong with it
  bool previous_exists = false;  // "<name>.prev" is there…
  bool previous_valid = false;   // …and loads: offer restore_previous(name)
};

struct Recovered {
  std::string name;
  std::string from;  // "tmp" (the interrupted write, rolled forward) or "prev"
  uint64_t seq = 0;
};

struct LoadReport {
  std::vector<Record> records;           // sorted by name
  std::vector<Quarantined> quarantined;  // broken files, moved aside
  std::vector<Recovered> recovered;      // records rebuilt after a crash between write and rename
  std::vector<std::string> temps_removed;   // uncommitted writes deleted (paths under the root)
  std::vector<std::string> previous_only;   // a ".prev" with no current file: offer to restore it
  // Records that stay where they are, untouched: written by a newer hoso (too_new: never
  // overwritten), unreadable (io), or whose recovery failed (its temp is kept for the next try).
  std::vector<Error> left_in_place;
  std::vector<std::string> ignored;         // anything else found under the root, left alone
};

struct SaveOptions {
  bool allow_empty = false;      // allow an empty object to replace a non-empty record
  bool overwrite_newer = false;  // skip the sequence guard (the user chose "keep my version")
};

struct SaveOutcome {
  bool written = false;  // false: the data equals what this store last read or wrote (no-op)
  uint64_t seq = 0;      // the record's sequence number now
  uint64_t bytes = 0;    // size of the record file (0 when nothing was written)
  // A damaged file found where the record was about to be written, moved aside first.
  std::optional<Quarantined> quarantined;
};

struct BlobInfo {
  std::string name;
  uint64_t bytes = 0;
};

struct RecordSize {
  std::string name;
  uint64_t bytes = 0;           // the record file
  uint64_t previous_bytes = 0;  // its ".prev", 0 when there is none
};

struct Usage {
  uint64_t total_bytes = 0;  // every file under the root
  uint64_t record_bytes = 0, previous_bytes = 0, blob_bytes = 0;
  uint64_t trash_bytes = 0, quarantine_bytes = 0, other_bytes = 0;
  std::size_t record_count = 0, blob_count = 0;
  std::vector<RecordSize> records;  // sorted by name
};

// The points where a test can stop a write as if the process had died there.
enum class WriteStage {
  temp_written,   // "<name>.tmp" is complete and flushed; nothing else changed yet
  previous_kept,  // the current file has been renamed to "<name>.prev"; "<name>" is missing
};
// Return false to stop the write at that stage (the write then reports simulated_crash).
using WriteHook = std::function<bool(WriteStage, const std::filesystem::path& target)>;

class RecordStore {
 public:
  explicit RecordStore(std::filesystem::path root);
  const std::filesystem::path& root() const { return root_; }

  // Reads every record (creating the root if missing), after recovering interrupted writes.
  // Broken files are moved to quarantine/ and reported; the rest loads. Resets what the store
  // remembers (sequence numbers, last written bytes) to what is on disk.
  Result<LoadReport> load_all(Millis now);

  // One record as it is on disk now (the store's memory is not changed).
  Result<Record> read(std::string_view name) const;
  // Names of the record files on disk (no ".prev"/".tmp"), sorted.
  Result<std::vector<std::string>> list_records() const;

  // Writes `data` (an object) as the next version of `name`: to "<name>.tmp", flushed, the
  // current file renamed to "<name>.prev", then the temp renamed to "<name>". Refused, writing
  // nothing, when the file on disk is newer than what this store last read or wrote, or when an
  // empty object would replace a non-empty one (see SaveOptions). A no-op when the data equals
  // the last data read or written.
  Result<SaveOutcome> save(std::string_view name, const nlohmann::json& data, Millis now,
                           SaveOptions options = {});

  // Moves the record (and its ".prev") to trash/<name>.<time>; nothing is destroyed. Guarded by
  // the sequence number like save.
  Completed remove(std::string_view name, Millis now);

  // Writes the ".prev" version back as the next version (new sequence number); the current file,
  // if any, becomes the ".prev", so restoring twice swaps back. Returns the restored record.
  Result<Record> restore_previous(std::string_view name, Millis now);

  // Used by apply_backup: writes a record from a backup. Into an empty place it is an exact copy
  // (the backup's seq and saved_at); over an existing record it is a new version (seq above both,
  // saved_at now), the replaced one kept as ".prev". The caller has asked the user first.
  Result<SaveOutcome> import_record(std::string_view name, const nlohmann::json& data,
                                    uint64_t seq, std::string_view saved_at, Millis now);

  // Moves the record and its ".prev" to quarantine/ (kept byte for byte), so that a fresh record
  // can be written without rotating anything away: the person chose to start this record over.
  // Nothing there is not an error.
  Completed set_aside(std::string_view name, Millis now);

  // The sequence number this store last read or wrote for `name`.
  std::optional<uint64_t> known_seq(std::string_view name) const;

  // Blobs live in blobs/<name>, written atomically. The caller names them by content (SHA-256),
  // so writing an existing name with the same bytes is a no-op and with different bytes is
  // refused (blob_mismatch) unless `replace` (used only by an approved backup import).
  Completed write_blob(std::string_view name, std::string_view bytes, bool replace = false);
  Result<std::string> read_blob(std::string_view name) const;
  // Deletes for real: removing attachments is how a user frees space when storage is full.
  Completed remove_blob(std::string_view name);
  Result<std::vector<BlobInfo>> list_blobs() const;  // sorted by name

  Result<Usage> usage() const;
  // Deletes everything in trash/ (removed records); quarantine/ is never emptied by the store.
  Completed empty_trash();

  // Tests: called at each WriteStage of every record and blob write.
  void set_write_hook(WriteHook hook) { hook_ = std::move(hook); }

 private:
  struct Known {
    uint64_t seq = 0;
    std::string data_sha256;  // of the data's compact dump: the cheap "unchanged?" test
  };
  struct WriteRequest;
  Result<SaveOutcome> write_record(const std::string& name, const nlohmann::json& data, Millis now,
                                   const WriteRequest& request);
  Completed commit(const std::filesystem::path& target, std::string_view bytes, bool keep_previous);

  std::filesystem::path root_;
  std::map<std::string, Known, std::less<>> known_;
  WriteHook hook_;
};

}  // namespace hoso::store
