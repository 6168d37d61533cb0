#pragma once
// The store's file helpers (internal to src/store): reading with a size limit, writing with a
// flush to the device, moving a file aside with a time stamp, and finding the record files.
// Every function catches file system errors and returns them; nothing throws.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/canonical_json.hpp"
#include "core/date.hpp"
#include "store/record_store.hpp"
#include "store/result.hpp"

namespace hoso::store {

inline constexpr std::string_view kTempSuffix = ".tmp";
inline constexpr std::string_view kPreviousSuffix = ".prev";
inline constexpr int kMaxNameSegments = 4;  // "a/b/c/d.json" at most

// blobs/, trash/, quarantine/ and restore/ (a backup being staged): the store's own top-level
// folders, never record folders.
bool is_store_folder(std::string_view name);

// "dossiers/a.json" for root/dossiers/a.json: how files are named in reports and errors.
std::string relative_name(const std::filesystem::path& root, const std::filesystem::path& file);

Error io_error(std::string file, std::string_view doing_vi, std::string_view doing_en,
               const std::error_code& ec);

// The whole file, or not_found, or damaged ("larger than the limit", "not a file"), or io.
Result<std::string> read_file(const std::filesystem::path& path, const std::string& shown,
                              std::uintmax_t limit);

// Creates or truncates `path`, writes all bytes and flushes them to the device (fsync) before
// closing, so that a rename after it never exposes a file whose content is not complete.
Completed write_file_synced(const std::filesystem::path& path, std::string_view bytes,
                         const std::string& shown);

// "20251020T081500123Z": a sortable, file-name-safe form of an instant (UTC, milliseconds).
std::string file_stamp(Millis t);

// Moves `file` to root/<destination>.<stamp> (".1", ".2"… added if that exists) and returns the
// new path relative to the root. Used for quarantine/ and trash/.
Result<std::string> move_aside(const std::filesystem::path& root, const std::filesystem::path& file,
                               const std::string& destination, Millis now);

// JSON text from a file or a backup, parsed by the core's careful parser (size, depth, UTF-8,
// duplicate keys); damaged, with the reason and where, when it fails.
Result<nlohmann::json> parse_json_text(std::string_view text, const std::string& shown,
                                       const ParseLimits& limits);
// The limits for one record file: kMaxRecordBytes, kMaxRecordDepth.
ParseLimits record_limits();

// A record file's bytes checked against the envelope (format, version, seq, saved_at, data).
Result<Record> parse_record(const std::string& name, std::string_view bytes);

// The files found for one record name.
struct RecordFiles {
  bool current = false;   // "<name>"
  bool temp = false;      // "<name>.tmp"
  bool previous = false;  // "<name>.prev"
};
struct RecordScan {
  std::map<std::string, RecordFiles> groups;  // by record name, sorted
  std::vector<std::string> ignored;           // other entries (paths relative to the root)
};
// Walks the root for record files, skipping blobs/, trash/ and quarantine/, symbolic links, and
// folders deeper than a record name can be.
Result<RecordScan> scan_records(const std::filesystem::path& root);

}  // namespace hoso::store
