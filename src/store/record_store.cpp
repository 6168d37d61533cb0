// The workspace on a directory. See record_store.hpp for the API and docs/STORE.md for the rules.
#include "store/record_store.hpp"

#include "store/backup.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

#include "core/sha256.hpp"
#include "store/backup.hpp"
#include "store/store_files.hpp"

namespace hoso::store {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxSegmentLength = 128;
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

// A path segment that means the same on every file system and can never be "." or "..".
bool is_segment(std::string_view s) {
  return !s.empty() && s.size() <= kMaxSegmentLength && s.front() != '.' &&
         std::all_of(s.begin(), s.end(), is_name_char);
}

fs::path with_suffix(fs::path p, std::string_view suffix) {
  p += std::string(suffix);
  return p;
}

Error invalid_name(std::string_view name) {
  return make_error(ErrorKind::invalid_name, std::string(name),
                    "Tên không hợp lệ trong kho dữ liệu.", "Not a valid name in the store.");
}

// The record files' envelope, in the order a person reading the file expects.
std::string envelope(uint64_t seq, std::string_view saved_at, std::string_view data_dump) {
  std::string s = R"({"format":")";
  s += kRecordFormat;
  s += R"(","version":)" + std::to_string(kRecordVersion) + R"(,"seq":)" + std::to_string(seq);
  s += R"(,"saved_at":)" + json(std::string(saved_at)).dump() + R"(,"data":)";
  s += data_dump;
  s += '}';
  return s;
}

// The data's bytes as they go into the file. nlohmann::json keeps object keys sorted, so equal
// data always gives equal bytes: that is what makes "unchanged, skip the write" cheap and exact.
// Without exceptions (the web build) dump() cannot throw on bad UTF-8, so bad bytes are found
// another way: "replace" turns them into U+FFFD and "ignore" drops them, so the two differ only
// when there were some; the second dump runs only when a U+FFFD appears at all.
Result<std::string> dump_data(const std::string& name, const json& data) {
  std::string out = data.dump(-1, ' ', false, json::error_handler_t::replace);
  if (out.find("\xEF\xBF\xBD") != std::string::npos && out != data.dump(-1, ' ', false, json::error_handler_t::ignore))
    return make_error(ErrorKind::invalid_data, name,
                      "Dữ liệu có văn bản không phải UTF-8 hợp lệ; chưa ghi.",
                      "The data has text that is not valid UTF-8; nothing was written.");
  return out;
}

Error damaged(const std::string& file, std::string path, std::string vi, std::string en) {
  return make_error(ErrorKind::damaged, file, std::move(vi), std::move(en), std::move(path));
}

}  // namespace

bool is_valid_record_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameLength) return false;
  int segments = 0;
  std::string_view rest = name;
  while (true) {
    const auto slash = rest.find('/');
    const std::string_view seg = rest.substr(0, slash);
    if (!is_segment(seg) || ++segments > kMaxNameSegments) return false;
    if (slash == std::string_view::npos) return seg.size() > 5 && seg.ends_with(".json");
    if (segments == 1 && is_store_folder(seg)) return false;  // the store's own folders
    rest.remove_prefix(slash + 1);
  }
}

bool is_valid_blob_name(std::string_view name) {
  return is_segment(name) && !name.ends_with(".tmp");
}

Result<Record> parse_record(const std::string& name, std::string_view bytes) {
  auto parsed = parse_json_text(bytes, name, record_limits());
  if (!parsed) return parsed.error();
  json& j = *parsed;
  if (!j.is_object()) {
    return damaged(name, {}, "Tệp không phải bản ghi hoso (không phải đối tượng JSON).",
                   "Not a hoso record (not a JSON object).");
  }
  const auto format = j.find("format");
  if (format == j.end() || !format->is_string() || format->get_ref<const std::string&>() != kRecordFormat) {
    return damaged(name, "format", "Tệp không phải bản ghi hoso (thiếu hoặc sai “format”).",
                   "Not a hoso record (missing or wrong “format”).");
  }
  const auto version = j.find("version");
  if (version == j.end() || !version->is_number_unsigned() || version->get<uint64_t>() < 1) {
    return damaged(name, "version", "Thiếu hoặc sai phiên bản định dạng (“version”).",
                   "Missing or invalid format version (“version”).");
  }
  if (version->get<uint64_t>() > static_cast<uint64_t>(kRecordVersion)) {
    const std::string v = std::to_string(version->get<uint64_t>());
    return make_error(ErrorKind::too_new, name,
                      "Bản ghi do phiên bản hoso mới hơn ghi (định dạng " + v +
                          "); giữ nguyên, không ghi đè. Hãy cập nhật ứng dụng.",
                      "Written by a newer version of hoso (format " + v +
                          "); left as it is, never overwritten. Update the app.",
                      "version");
  }
  const auto seq = j.find("seq");
  if (seq == j.end() || !seq->is_number_unsigned() || seq->get<uint64_t>() < 1) {
    return damaged(name, "seq", "Thiếu hoặc sai số thứ tự ghi (“seq”).",
                   "Missing or invalid sequence number (“seq”).");
  }
  const auto saved_at = j.find("saved_at");
  if (saved_at == j.end() || !saved_at->is_string() ||
      !parse_iso_instant(saved_at->get_ref<const std::string&>())) {
    return damaged(name, "saved_at", "Thiếu hoặc sai thời điểm lưu (“saved_at”).",
                   "Missing or invalid save time (“saved_at”).");
  }
  const auto data = j.find("data");
  if (data == j.end() || !data->is_object()) {
    return damaged(name, "data", "Thiếu dữ liệu (“data”) hoặc dữ liệu không phải đối tượng.",
                   "Missing data (“data”), or it is not an object.");
  }
  Record r;
  r.name = name;
  r.seq = seq->get<uint64_t>();
  r.saved_at = saved_at->get<std::string>();
  r.data = std::move(*data);
  r.bytes = bytes.size();
  return r;
}

// ---- the store ----------------------------------------------------------------------------------

struct RecordStore::WriteRequest {
  SaveOptions options;
  bool skip_if_unchanged = true;
  uint64_t min_seq = 0;  // the new seq is also above this (restoring an older version, importing)
  // Importing from a backup: where nothing is on disk, write the backup's seq and saved_at as is.
  std::optional<uint64_t> import_seq;
  std::string import_saved_at;
};

RecordStore::RecordStore(fs::path root) : root_(std::move(root)) {}

std::optional<uint64_t> RecordStore::known_seq(std::string_view name) const {
  const auto it = known_.find(name);
  if (it == known_.end()) return std::nullopt;
  return it->second.seq;
}

Result<Record> RecordStore::read(std::string_view name_view) const {
  const std::string name(name_view);
  if (!is_valid_record_name(name)) return invalid_name(name);
  auto bytes = read_file(root_ / name, name, kMaxRecordBytes);
  if (!bytes) return bytes.error();
  return parse_record(name, *bytes);
}

Result<std::vector<std::string>> RecordStore::list_records() const {
  auto found = scan_records(root_);
  if (!found) return found.error();
  std::vector<std::string> names;
  for (const auto& [name, files] : found->groups) {
    if (files.current) names.push_back(name);
  }
  return names;
}

// Write protocol: "<target>.tmp" written and flushed; the current file renamed to
// "<target>.prev"; the temp renamed to "<target>". Each rename is atomic (POSIX; a MEMFS node
// move on IDBFS), so a reader sees either the old or the new complete file. The first rename is
// the commit point: recovery rolls back (deletes the temp) while the current file exists, and
// rolls forward (the temp becomes the file) once it is gone.
Completed RecordStore::commit(const fs::path& target, std::string_view bytes, bool keep_previous) {
  const std::string shown = relative_name(root_, target);
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return io_error(shown, "tạo thư mục", "creating the folder", ec);
  const fs::path temp = with_suffix(target, kTempSuffix);
  if (auto written = write_file_synced(temp, bytes, shown); !written) return written;
  const auto crash = [&] {
    return make_error(ErrorKind::simulated_crash, shown, "Dừng ghi giữa chừng (kiểm thử).",
                      "Write stopped midway (test).");
  };
  if (hook_ && !hook_(WriteStage::temp_written, target)) return crash();

  const fs::path previous = with_suffix(target, kPreviousSuffix);
  bool kept = false;
  if (keep_previous && fs::is_regular_file(fs::symlink_status(target, ec))) {
    fs::rename(target, previous, ec);
    if (ec) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      return io_error(shown, "giữ phiên bản trước", "keeping the previous version", ec);
    }
    kept = true;
    if (hook_ && !hook_(WriteStage::previous_kept, target)) return crash();
  }
  fs::rename(temp, target, ec);
  if (ec) {
    // Put the current file back so the record is not missing for the rest of the session.
    std::error_code ignored;
    if (kept) fs::rename(previous, target, ignored);
    fs::remove(temp, ignored);
    return io_error(shown, "đổi tên tệp tạm", "renaming the temporary file", ec);
  }
  return Done{};
}

Result<SaveOutcome> RecordStore::save(std::string_view name, const json& data, Millis now,
                                      SaveOptions options) {
  WriteRequest request;
  request.options = options;
  return write_record(std::string(name), data, now, request);
}

Result<SaveOutcome> RecordStore::import_record(std::string_view name, const json& data, uint64_t seq,
                                               std::string_view saved_at, Millis now) {
  WriteRequest request;
  request.options = SaveOptions{.allow_empty = true, .overwrite_newer = true};
  request.skip_if_unchanged = false;
  request.min_seq = seq;
  request.import_seq = seq;
  request.import_saved_at = std::string(saved_at);
  return write_record(std::string(name), data, now, request);
}

Result<SaveOutcome> RecordStore::write_record(const std::string& name, const json& data, Millis now,
                                              const WriteRequest& request) {
  if (!is_valid_record_name(name)) return invalid_name(name);
  if (!data.is_object()) {
    return make_error(ErrorKind::invalid_data, name, "Dữ liệu phải là một đối tượng JSON; chưa ghi.",
                      "The data must be a JSON object; nothing was written.");
  }
  auto data_dump = dump_data(name, data);
  if (!data_dump) return data_dump.error();
  const std::string data_hash = sha256_hex(*data_dump);

  const auto known = known_.find(name);
  const uint64_t expected = known == known_.end() ? 0 : known->second.seq;
  if (request.skip_if_unchanged && known != known_.end() && known->second.data_sha256 == data_hash) {
    SaveOutcome unchanged;
    unchanged.seq = expected;
    return unchanged;
  }

  // What is on disk now decides whether this write may go ahead.
  SaveOutcome outcome;
  uint64_t disk_seq = 0;
  bool disk_has_data = false;
  bool disk_absent = false;
  std::optional<Error> disk_damage;
  const fs::path target = root_ / name;
  if (auto current = read(name)) {
    disk_seq = current->seq;
    disk_has_data = !current->data.empty();
  } else if (current.error().kind == ErrorKind::not_found) {
    disk_absent = true;
  } else if (current.error().kind == ErrorKind::damaged) {
    disk_damage = current.error();  // moved aside below, once this write is known to be good
  } else {
    return current.error();  // too new (never overwritten), or an I/O error
  }

  if (disk_seq > expected && !request.options.overwrite_newer) {
    return make_error(
        ErrorKind::conflict, name,
        "Trên đĩa đã có phiên bản mới hơn (số thứ tự " + std::to_string(disk_seq) + ", bản đang mở " +
            std::to_string(expected) + "): nơi khác vừa ghi. Không ghi gì; hãy tải lại.",
        "A newer version is on disk (seq " + std::to_string(disk_seq) + ", this copy has " +
            std::to_string(expected) + "): someone else wrote it. Nothing was written; reload.",
        "seq");
  }
  if (data.empty() && disk_has_data && !request.options.allow_empty) {
    return make_error(ErrorKind::empty_over_data, name,
                      "Không ghi trạng thái rỗng đè lên bản ghi đang có dữ liệu.",
                      "An empty state is never written over a record that has data.", "data");
  }

  uint64_t seq = std::max({expected, disk_seq, request.min_seq}) + 1;
  std::string saved_at = to_iso_instant(now);
  if (request.import_seq && disk_absent) {
    seq = *request.import_seq;
    saved_at = request.import_saved_at;
  }
  const std::string bytes = envelope(seq, saved_at, *data_dump);
  if (bytes.size() > kMaxRecordBytes) {
    return make_error(ErrorKind::invalid_data, name, "Bản ghi lớn hơn giới hạn 64 MB; chưa ghi.",
                      "The record is larger than the 64 MB limit; nothing was written.");
  }
  // Never write what the loader would quarantine (too deep, keys equal under NFC…): the user
  // would lose it on the next start. Costs one parse of the new file.
  if (auto check = parse_record(name, bytes); !check) {
    Error e = check.error();
    e.kind = ErrorKind::invalid_data;
    e.detail.what.vi = "Dữ liệu không ghi được (sẽ không đọc lại được): " + e.detail.what.vi;
    e.detail.what.en = "The data cannot be stored (it would not load back): " + e.detail.what.en;
    return e;
  }
  if (disk_damage) {
    // Keep the damaged bytes (moved aside, reported) and write: both survive. Its ".prev" stays
    // the last good version because the damaged file is not rotated into it.
    auto moved = move_aside(root_, target, "quarantine/" + name, now);
    if (!moved) return moved.error();
    const auto previous = read_file(with_suffix(target, kPreviousSuffix), name, kMaxRecordBytes);
    outcome.quarantined = Quarantined{name, *moved, *disk_damage, previous.ok(),
                                      previous.ok() && parse_record(name, *previous).ok()};
  }
  if (auto committed = commit(target, bytes, true); !committed) return committed.error();
  known_[name] = Known{seq, data_hash};
  outcome.written = true;
  outcome.seq = seq;
  outcome.bytes = bytes.size();
  return outcome;
}

Completed RecordStore::remove(std::string_view name_view, Millis now) {
  const std::string name(name_view);
  if (!is_valid_record_name(name)) return invalid_name(name);
  const fs::path target = root_ / name;
  if (auto current = read(name)) {
    const uint64_t expected = known_seq(name).value_or(0);
    if (current->seq > expected) {
      return make_error(ErrorKind::conflict, name,
                        "Trên đĩa đã có phiên bản mới hơn bản đang mở; không xoá. Hãy tải lại.",
                        "A newer version than the one open is on disk; not removed. Reload.", "seq");
    }
  } else if (current.error().kind != ErrorKind::damaged) {
    return current.error();  // not found, too new, I/O
  }
  // Into the trash with the time, the ".prev" too: a removal can always be undone by hand.
  auto moved = move_aside(root_, target, "trash/" + name, now);
  if (!moved) return moved.error();
  std::error_code ec;
  const fs::path previous = with_suffix(target, kPreviousSuffix);
  if (fs::exists(fs::symlink_status(previous, ec))) {
    auto moved_previous = move_aside(root_, previous, "trash/" + name + std::string(kPreviousSuffix), now);
    if (!moved_previous) return moved_previous.error();
  }
  fs::remove(with_suffix(target, kTempSuffix), ec);
  known_.erase(name);
  return Done{};
}

Error held_unreadable_error(std::string_view name) {
  return make_error(ErrorKind::held_unreadable, std::string(name),
                    "Bản ghi đã lưu không đọc được nên chưa ghi đè lên nó. Hãy khôi phục bản trước, hoặc chọn "
                    "làm lại từ đầu (tệp không đọc được vẫn được giữ riêng).",
                    "The stored record could not be read, so it is not written over. Restore the previous "
                    "version, or choose to start it over (the unreadable file is kept aside).");
}

Completed RecordStore::set_aside(std::string_view name_view, Millis now) {
  const std::string name(name_view);
  if (!is_valid_record_name(name)) return invalid_name(name);
  const fs::path target = root_ / name;
  for (const fs::path& file : {target, with_suffix(target, kPreviousSuffix)}) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) continue;
    const std::string suffix = file == target ? std::string() : std::string(kPreviousSuffix);
    auto moved = move_aside(root_, file, "quarantine/" + name + suffix, now);
    if (!moved) return moved.error();
  }
  known_.erase(name);
  return Done{};
}

Result<Record> RecordStore::restore_previous(std::string_view name_view, Millis now) {
  const std::string name(name_view);
  if (!is_valid_record_name(name)) return invalid_name(name);
  auto bytes = read_file(with_suffix(root_ / name, kPreviousSuffix), name, kMaxRecordBytes);
  if (!bytes) {
    if (bytes.error().kind == ErrorKind::not_found) {
      return make_error(ErrorKind::not_found, name, "Không có phiên bản trước của bản ghi này.",
                        "There is no previous version of this record.");
    }
    return bytes.error();
  }
  auto previous = parse_record(name, *bytes);
  if (!previous) {
    Error e = previous.error();
    e.detail.what.vi = "Phiên bản trước cũng hỏng: " + e.detail.what.vi;
    e.detail.what.en = "The previous version is damaged too: " + e.detail.what.en;
    return e;
  }
  // A new version with the old data: sequence numbers only grow, so no other copy mistakes the
  // restored data for something older than what it has seen.
  WriteRequest request;
  request.options.allow_empty = true;  // the user asked for exactly this version
  request.skip_if_unchanged = false;
  request.min_seq = previous->seq;
  auto written = write_record(name, previous->data, now, request);
  if (!written) return written.error();
  previous->seq = written->seq;
  previous->saved_at = to_iso_instant(now);
  previous->bytes = written->bytes;
  return previous;
}

Result<LoadReport> RecordStore::load_all(Millis now) {
  std::error_code ec;
  fs::create_directories(root_, ec);
  if (ec || !fs::is_directory(root_, ec)) {
    return io_error(root_.generic_string(), "mở thư mục dữ liệu", "opening the data folder", ec);
  }
  known_.clear();
  // A restore (store/backup.hpp) interrupted by a crash: finished if it was verified, else dropped.
  if (auto restore = finish_interrupted_restore(root_, now); !restore) return restore.error();
  auto found = scan_records(root_);
  if (!found) return found.error();

  LoadReport report;
  report.ignored = std::move(found->ignored);
  for (auto& [name, files] : found->groups) {
    const fs::path target = root_ / name;
    const fs::path temp = with_suffix(target, kTempSuffix);
    const fs::path previous = with_suffix(target, kPreviousSuffix);
    if (files.temp && files.current) {
      // Interrupted before the commit point: the current file is the truth.
      fs::remove(temp, ec);
      report.temps_removed.push_back(name + std::string(kTempSuffix));
    } else if (files.temp) {
      // Interrupted after it (or a new record's first write): bring back the newest complete copy.
      auto from_temp = read_file(temp, name, kMaxRecordBytes);
      auto from_previous = read_file(previous, name, kMaxRecordBytes);
      std::optional<Record> temp_record, previous_record;
      if (from_temp) {
        if (auto r = parse_record(name, *from_temp)) temp_record = std::move(*r);
      }
      if (from_previous) {
        if (auto r = parse_record(name, *from_previous)) previous_record = std::move(*r);
      }
      if (temp_record && (!previous_record || temp_record->seq > previous_record->seq)) {
        fs::rename(temp, target, ec);
        if (ec) {
          // Leave the temp where it is: it is the only complete copy of the newest version.
          report.left_in_place.push_back(io_error(name, "khôi phục từ tệp tạm", "recovering from the temporary file", ec));
          continue;
        }
        report.recovered.push_back(Recovered{name, "tmp", temp_record->seq});
        files.current = true;
      } else if (previous_record) {
        // Copied, not moved: the ".prev" stays the previous version.
        if (auto copied = commit(target, *from_previous, false); !copied) {
          report.left_in_place.push_back(copied.error());
          continue;
        }
        report.recovered.push_back(Recovered{name, "prev", previous_record->seq});
        files.current = true;
      }
      if (fs::exists(fs::symlink_status(temp, ec))) {
        fs::remove(temp, ec);
        report.temps_removed.push_back(name + std::string(kTempSuffix));
      }
    }
    if (!files.current) {
      if (files.previous) report.previous_only.push_back(name);
      continue;
    }
    auto record = read(name);
    if (record) {
      auto dump = dump_data(name, record->data);
      known_[name] = Known{record->seq, dump ? sha256_hex(*dump) : std::string()};
      report.records.push_back(std::move(*record));
      continue;
    }
    const Error& problem = record.error();
    if (problem.kind == ErrorKind::damaged) {
      auto moved = move_aside(root_, target, "quarantine/" + name, now);
      if (!moved) {
        report.left_in_place.push_back(moved.error());
        continue;
      }
      const auto previous_bytes = read_file(previous, name, kMaxRecordBytes);
      report.quarantined.push_back(
          Quarantined{name, *moved, problem, previous_bytes.ok(),
                      previous_bytes.ok() && parse_record(name, *previous_bytes).ok()});
    } else if (problem.kind != ErrorKind::not_found) {
      report.left_in_place.push_back(problem);  // too new, or unreadable
    }
  }

  // Blob temps are writes that never completed: the caller still has the bytes.
  const fs::path blobs = root_ / "blobs";
  for (fs::directory_iterator it(blobs, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (file.ends_with(kTempSuffix) && it->is_regular_file(ec)) {
      std::error_code removed;
      fs::remove(it->path(), removed);
      report.temps_removed.push_back("blobs/" + file);
    }
  }
  return report;
}

// ---- blobs --------------------------------------------------------------------------------------

Completed RecordStore::write_blob(std::string_view name_view, std::string_view bytes, bool replace) {
  const std::string name(name_view);
  if (!is_valid_blob_name(name)) return invalid_name(name);
  if (bytes.size() > kMaxBlobBytes) {
    return make_error(ErrorKind::invalid_data, name, "Tệp đính kèm lớn hơn giới hạn 64 MB.",
                      "The attachment is larger than the 64 MB limit.");
  }
  auto existing = read_blob(name);
  if (existing) {
    if (*existing == bytes) return Done{};  // content-addressed: already there
    if (!replace) {
      return make_error(ErrorKind::blob_mismatch, name,
                        "Đã có tệp đính kèm cùng tên nhưng nội dung khác; không ghi đè.",
                        "An attachment with this name but other content exists; not overwritten.");
    }
  } else if (existing.error().kind != ErrorKind::not_found && !replace) {
    return existing.error();
  }
  return commit(root_ / "blobs" / name, bytes, false);
}

Result<std::string> RecordStore::read_blob(std::string_view name_view) const {
  const std::string name(name_view);
  if (!is_valid_blob_name(name)) return invalid_name(name);
  return read_file(root_ / "blobs" / name, "blobs/" + name, kMaxBlobBytes);
}

Completed RecordStore::remove_blob(std::string_view name_view) {
  const std::string name(name_view);
  if (!is_valid_blob_name(name)) return invalid_name(name);
  std::error_code ec;
  const bool removed = fs::remove(root_ / "blobs" / name, ec);
  if (ec) return io_error("blobs/" + name, "xoá tệp đính kèm", "removing the attachment", ec);
  if (!removed) {
    return make_error(ErrorKind::not_found, "blobs/" + name, "Không có tệp đính kèm này.",
                      "No such attachment.");
  }
  return Done{};
}

Result<std::vector<BlobInfo>> RecordStore::list_blobs() const {
  std::vector<BlobInfo> blobs;
  std::error_code ec;
  const fs::path dir = root_ / "blobs";
  if (!fs::exists(dir, ec)) return blobs;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    std::error_code size_ec;
    if (!is_valid_blob_name(file) || !fs::is_regular_file(it->symlink_status(size_ec))) continue;
    const auto size = fs::file_size(it->path(), size_ec);
    if (!size_ec) blobs.push_back(BlobInfo{file, size});
  }
  if (ec) return io_error("blobs", "liệt kê tệp đính kèm", "listing the attachments", ec);
  std::sort(blobs.begin(), blobs.end(), [](const BlobInfo& a, const BlobInfo& b) { return a.name < b.name; });
  return blobs;
}

// ---- usage and housekeeping ---------------------------------------------------------------------

Result<Usage> RecordStore::usage() const {
  Usage u;
  std::map<std::string, RecordSize> sizes;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root_, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    std::error_code file_ec;
    if (!fs::is_regular_file(it->symlink_status(file_ec))) continue;
    const uint64_t size = fs::file_size(it->path(), file_ec);
    if (file_ec) continue;
    u.total_bytes += size;
    const std::string rel = relative_name(root_, it->path());
    const std::string top = rel.substr(0, rel.find('/'));
    if (top == "blobs" && is_valid_blob_name(it->path().filename().string())) {
      u.blob_bytes += size;
      ++u.blob_count;
    } else if (top == "trash") {
      u.trash_bytes += size;
    } else if (top == "quarantine") {
      u.quarantine_bytes += size;
    } else if (rel.ends_with(kPreviousSuffix) &&
               is_valid_record_name(std::string_view(rel).substr(0, rel.size() - kPreviousSuffix.size()))) {
      u.previous_bytes += size;
      auto& s = sizes[rel.substr(0, rel.size() - kPreviousSuffix.size())];
      s.previous_bytes = size;
    } else if (is_valid_record_name(rel)) {
      u.record_bytes += size;
      ++u.record_count;
      auto& s = sizes[rel];
      s.name = rel;
      s.bytes = size;
    } else {
      u.other_bytes += size;
    }
  }
  if (ec) return io_error(root_.generic_string(), "đo dung lượng", "measuring usage", ec);
  for (auto& [name, s] : sizes) {
    if (!s.name.empty()) u.records.push_back(s);  // a ".prev" alone is not a record
  }
  return u;
}

Completed RecordStore::empty_trash() {
  std::error_code ec;
  fs::remove_all(root_ / "trash", ec);
  if (ec) return io_error("trash", "dọn thùng rác", "emptying the trash", ec);
  return Done{};
}

}  // namespace hoso::store
