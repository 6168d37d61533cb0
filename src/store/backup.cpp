// One-file backup: make, verify (a plan), apply. See backup.hpp for the document.
#include "store/backup.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/canonical_json.hpp"
#include "core/sha256.hpp"
#include "store/record_readers.hpp"
#include "store/store_files.hpp"

namespace hoso::store {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStaging = "restore";
constexpr std::string_view kReadyMarker = "READY";
constexpr std::string_view kBeforeRestore = "trash/before-restore/";

Error invalid(const std::string& file, std::string path, const std::string& vi, const std::string& en) {
  return make_error(ErrorKind::backup_invalid, file, vi + " Không thay đổi gì.", en + " Nothing was changed.",
                    std::move(path));
}

const json* member(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

bool is_positive(const json* j) { return j && j->is_number_unsigned() && j->get<uint64_t>() >= 1; }

bool is_instant(const json* j) {
  return j && j->is_string() && parse_iso_instant(j->get_ref<const std::string&>()).has_value();
}

bool is_sha256_hex(const json* j) {
  if (!j || !j->is_string()) return false;
  const auto& s = j->get_ref<const std::string&>();
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// What the workspace holds under a record name now. A record from a newer hoso, or one that
// cannot be read, stops the import: it must not be replaced blindly.
Result<DiskState> record_state(const RecordStore& store, const std::string& name, json* data) {
  auto current = store.read(name);
  if (current) {
    if (data) *data = std::move(current->data);
    return DiskState{DiskState::Kind::present, current->seq};
  }
  switch (current.error().kind) {
    case ErrorKind::not_found: return DiskState{DiskState::Kind::absent, 0};
    case ErrorKind::damaged: return DiskState{DiskState::Kind::damaged, 0};
    default: return current.error();
  }
}

Result<DiskState> blob_state(const RecordStore& store, const std::string& name, std::string* bytes) {
  auto current = store.read_blob(name);
  if (current) {
    if (bytes) *bytes = std::move(*current);
    return DiskState{DiskState::Kind::present, 0};
  }
  switch (current.error().kind) {
    case ErrorKind::not_found: return DiskState{DiskState::Kind::absent, 0};
    case ErrorKind::damaged: return DiskState{DiskState::Kind::damaged, 0};
    default: return current.error();
  }
}

PlanAction action_for(const DiskState& state, bool identical) {
  if (state.kind == DiskState::Kind::absent) return PlanAction::add;
  return identical ? PlanAction::same : PlanAction::replace;
}

}  // namespace

std::size_t BackupPlan::count(PlanAction action) const {
  std::size_t n = 0;
  for (const auto& r : records) n += r.action == action;
  for (const auto& b : blobs) n += b.action == action;
  return n;
}

std::vector<std::string> BackupPlan::replacements() const {
  std::vector<std::string> names;
  for (const auto& r : records) {
    if (r.action == PlanAction::replace) names.push_back(r.name);
  }
  for (const auto& b : blobs) {
    if (b.action == PlanAction::replace) names.push_back("blobs/" + b.name);
  }
  return names;
}

Result<std::string> make_backup(const RecordStore& store, Millis now) {
  auto names = store.list_records();
  if (!names) return names.error();
  json records = json::array();
  for (const auto& name : *names) {
    auto record = store.read(name);
    if (!record) {
      Error e = record.error();
      e.detail.what.vi = "Chưa sao lưu được: " + e.detail.what.vi;
      e.detail.what.en = "No backup made: " + e.detail.what.en;
      return e;
    }
    records.push_back(json{{"name", name},
                           {"seq", record->seq},
                           {"saved_at", record->saved_at},
                           {"data", std::move(record->data)}});
  }
  auto blob_list = store.list_blobs();
  if (!blob_list) return blob_list.error();
  json blobs = json::array();
  for (const auto& info : *blob_list) {
    auto bytes = store.read_blob(info.name);
    if (!bytes) return bytes.error();
    blobs.push_back(json{{"name", info.name},
                         {"size", bytes->size()},
                         {"sha256", sha256_hex(*bytes)},
                         {"base64", base64_encode(*bytes)}});
  }
  json doc = {{"format", kBackupFormat},
              {"version", kBackupVersion},
              {"created_at", to_iso_instant(now)},
              {"records", std::move(records)},
              {"blobs", std::move(blobs)}};
  doc["content_sha256"] = sha256_hex(canonical_dump(doc));
  // The text keeps the data exactly as stored (canonical_dump would also normalise it to NFC);
  // the hash is over the canonical form, so it does not depend on how the text is laid out.
  std::string text = doc.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > kMaxBackupBytes) {
    const std::string mb = std::to_string(text.size() >> 20);
    return make_error(ErrorKind::invalid_data, "backup",
                      "Bản sao lưu sẽ lớn " + mb + " MB, quá giới hạn 256 MB: hãy xoá bớt tệp đính kèm.",
                      "The backup would be " + mb + " MB, over the 256 MB limit: remove some attachments.");
  }
  return text;
}

Result<BackupPlan> verify_backup(std::string_view text, const RecordStore& store, std::string_view file_name) {
  const std::string file(file_name);
  if (text.size() > kMaxBackupBytes) {
    return invalid(file, {}, "Tệp sao lưu lớn hơn giới hạn 256 MB.", "The backup is larger than the 256 MB limit.");
  }
  ParseLimits limits;
  limits.max_bytes = kMaxBackupBytes;
  limits.max_depth = kMaxRecordDepth + 2;  // a record's data sits two levels deeper than in its file
  limits.max_string_bytes = (kMaxBlobBytes + 2) / 3 * 4;  // the base64 of the largest blob
  auto parsed = parse_json_text(text, file, limits);
  if (!parsed) {
    const auto& what = parsed.error().detail.what;
    return invalid(file, {}, "Tệp sao lưu hỏng hoặc không đầy đủ: " + what.vi,
                   "The backup is damaged or incomplete: " + what.en);
  }
  json& doc = *parsed;
  if (!doc.is_object()) {
    return invalid(file, {}, "Không phải tệp sao lưu hoso.", "Not a hoso backup.");
  }
  const json* format = member(doc, "format");
  if (!format || !format->is_string() || format->get_ref<const std::string&>() != kBackupFormat) {
    const std::string seen = format && format->is_string() ? "“" + format->get<std::string>() + "”" : "—";
    return invalid(file, "format", "Không phải tệp sao lưu hoso (định dạng " + seen + ").",
                   "Not a hoso backup (format " + seen + ").");
  }
  const json* version = member(doc, "version");
  if (!is_positive(version)) {
    return invalid(file, "version", "Thiếu hoặc sai phiên bản.", "Missing or invalid version.");
  }
  if (version->get<uint64_t>() != static_cast<uint64_t>(kBackupVersion)) {
    const std::string v = std::to_string(version->get<uint64_t>());
    return invalid(file, "version", "Bản sao lưu do phiên bản hoso mới hơn tạo (phiên bản " + v + "); hãy cập nhật ứng dụng.",
                   "Made by a newer version of hoso (version " + v + "); update the app.");
  }
  if (!is_instant(member(doc, "created_at"))) {
    return invalid(file, "created_at", "Thiếu hoặc sai thời điểm tạo.", "Missing or invalid creation time.");
  }

  const json* records = member(doc, "records");
  if (!records || !records->is_array()) {
    return invalid(file, "records", "Thiếu danh sách bản ghi.", "The list of records is missing.");
  }
  std::set<std::string> seen_names;
  for (std::size_t i = 0; i < records->size(); ++i) {
    const json& r = (*records)[i];
    const std::string at = "records[" + std::to_string(i) + "]";
    if (!r.is_object()) return invalid(file, at, "Bản ghi không phải đối tượng.", "A record is not an object.");
    const json* name = member(r, "name");
    if (!name || !name->is_string() || !is_valid_record_name(name->get_ref<const std::string&>())) {
      return invalid(file, at + ".name", "Tên bản ghi không hợp lệ.", "Invalid record name.");
    }
    if (!seen_names.insert(name->get<std::string>()).second) {
      return invalid(file, at + ".name", "Tên bản ghi bị lặp.", "The record name appears twice.");
    }
    if (!is_positive(member(r, "seq"))) {
      return invalid(file, at + ".seq", "Thiếu hoặc sai số thứ tự ghi.", "Missing or invalid sequence number.");
    }
    if (!is_instant(member(r, "saved_at"))) {
      return invalid(file, at + ".saved_at", "Thiếu hoặc sai thời điểm lưu.", "Missing or invalid save time.");
    }
    const json* data = member(r, "data");
    if (!data || !data->is_object()) {
      return invalid(file, at + ".data", "Thiếu dữ liệu hoặc dữ liệu không phải đối tượng.",
                     "Missing data, or it is not an object.");
    }
  }

  const json* blobs = member(doc, "blobs");
  if (!blobs || !blobs->is_array()) {
    return invalid(file, "blobs", "Thiếu danh sách tệp đính kèm.", "The list of attachments is missing.");
  }
  std::vector<std::string> decoded;
  std::set<std::string> seen_blobs;
  for (std::size_t i = 0; i < blobs->size(); ++i) {
    const json& b = (*blobs)[i];
    const std::string at = "blobs[" + std::to_string(i) + "]";
    if (!b.is_object()) return invalid(file, at, "Tệp đính kèm không phải đối tượng.", "An attachment is not an object.");
    const json* name = member(b, "name");
    if (!name || !name->is_string() || !is_valid_blob_name(name->get_ref<const std::string&>())) {
      return invalid(file, at + ".name", "Tên tệp đính kèm không hợp lệ.", "Invalid attachment name.");
    }
    if (!seen_blobs.insert(name->get<std::string>()).second) {
      return invalid(file, at + ".name", "Tên tệp đính kèm bị lặp.", "The attachment name appears twice.");
    }
    const json* size = member(b, "size");
    if (!size || !size->is_number_unsigned() || size->get<uint64_t>() > kMaxBlobBytes) {
      return invalid(file, at + ".size", "Thiếu hoặc sai kích thước.", "Missing or invalid size.");
    }
    if (!is_sha256_hex(member(b, "sha256"))) {
      return invalid(file, at + ".sha256", "Thiếu hoặc sai mã SHA-256.", "Missing or invalid SHA-256.");
    }
    const json* base64 = member(b, "base64");
    std::optional<std::string> bytes;
    if (base64 && base64->is_string()) bytes = base64_decode(base64->get_ref<const std::string&>());
    if (!bytes) {
      return invalid(file, at + ".base64", "Nội dung base64 hỏng.", "The base64 content is damaged.");
    }
    if (bytes->size() != size->get<uint64_t>()) {
      return invalid(file, at + ".size", "Kích thước không khớp nội dung: tệp đính kèm bị hỏng.",
                     "The size does not match the content: the attachment is damaged.");
    }
    if (sha256_hex(*bytes) != member(b, "sha256")->get_ref<const std::string&>()) {
      return invalid(file, at + ".sha256", "Nội dung không khớp mã SHA-256: tệp đính kèm bị hỏng.",
                     "The content does not match its SHA-256: the attachment is damaged.");
    }
    decoded.push_back(std::move(*bytes));
  }

  const json* content_hash = member(doc, "content_sha256");
  if (!is_sha256_hex(content_hash)) {
    return invalid(file, "content_sha256", "Thiếu hoặc sai mã SHA-256 của nội dung.",
                   "Missing or invalid content SHA-256.");
  }
  const std::string expected = content_hash->get<std::string>();
  doc.erase("content_sha256");
  if (sha256_hex(canonical_dump(doc)) != expected) {
    return invalid(file, "content_sha256", "Nội dung không khớp mã SHA-256: tệp sao lưu đã bị sửa hoặc hỏng.",
                   "The content does not match its SHA-256: the backup was edited or is damaged.");
  }

  // Every record as the loader will read it: a backup whose dossier would be reported broken on
  // the next start is refused now, before anything is replaced.
  for (std::size_t i = 0; i < records->size(); ++i) {
    const json& r = (*records)[i];
    const std::string& name = r["name"].get_ref<const std::string&>();
    if (auto problem = model_problem(name, r["data"])) {
      const std::string at = "records[" + std::to_string(i) + "].data" + (problem->path.empty() ? "" : "." + problem->path);
      return invalid(file, at, "Bản ghi “" + name + "” không đọc được: " + problem->what.vi,
                     "The record “" + name + "” cannot be read: " + problem->what.en);
    }
  }

  // Verified. Now compare with the workspace (reading only).
  BackupPlan plan;
  auto existing = store.list_records();
  if (!existing) return existing.error();
  for (const std::string& name : *existing) {
    if (seen_names.count(name)) continue;
    auto state = record_state(store, name, nullptr);
    if (!state) return state.error();
    plan.dropped.push_back(name);
    plan.dropped_state.push_back(*state);
  }
  plan.created_at = doc["created_at"].get<std::string>();
  plan.content_sha256 = expected;
  for (auto& r : doc["records"]) {
    PlannedRecord p;
    p.name = r["name"].get<std::string>();
    p.seq = r["seq"].get<uint64_t>();
    p.saved_at = r["saved_at"].get<std::string>();
    p.data = std::move(r["data"]);
    json current;
    auto state = record_state(store, p.name, &current);
    if (!state) return state.error();
    p.current = *state;
    p.action = action_for(p.current, p.current.kind == DiskState::Kind::present && current == p.data);
    plan.records.push_back(std::move(p));
  }
  std::size_t i = 0;
  for (auto& b : doc["blobs"]) {
    PlannedBlob p;
    p.name = b["name"].get<std::string>();
    p.sha256 = b["sha256"].get<std::string>();
    p.bytes = std::move(decoded[i++]);
    std::string current;
    auto state = blob_state(store, p.name, &current);
    if (!state) return state.error();
    p.current = *state;
    p.action = action_for(p.current, p.current.kind == DiskState::Kind::present && current == p.bytes);
    plan.blobs.push_back(std::move(p));
  }
  return plan;
}

namespace {

// Everything the plan would touch must be as it was when the user saw the plan.
Completed check_not_stale(const RecordStore& store, const BackupPlan& plan, bool with_dropped) {
  const auto stale = [](const std::string& name) {
    return make_error(ErrorKind::plan_stale, name,
                      "Dữ liệu đã thay đổi từ lúc kiểm tra bản sao lưu; không ghi gì. Hãy kiểm tra lại.",
                      "The workspace changed since the backup was verified; nothing was written. Verify again.");
  };
  for (const auto& r : plan.records) {
    if (r.action == PlanAction::same) continue;
    auto state = record_state(store, r.name, nullptr);
    if (!state) return state.error();
    if (!(*state == r.current)) return stale(r.name);
  }
  for (const auto& b : plan.blobs) {
    if (b.action == PlanAction::same) continue;
    auto state = blob_state(store, b.name, nullptr);
    if (!state) return state.error();
    if (!(*state == b.current)) return stale("blobs/" + b.name);
  }
  if (with_dropped) {
    auto names = store.list_records();
    if (!names) return names.error();
    std::set<std::string> known(plan.dropped.begin(), plan.dropped.end());
    for (const auto& r : plan.records) known.insert(r.name);
    for (const std::string& name : *names)
      if (!known.count(name)) return stale(name);  // written since: it would be swapped out unseen
    for (std::size_t i = 0; i < plan.dropped.size(); ++i) {
      auto state = record_state(store, plan.dropped[i], nullptr);
      if (!state) return state.error();
      if (!(*state == plan.dropped_state[i])) return stale(plan.dropped[i]);
    }
  }
  return Done{};
}

Completed move_record_files_aside(const fs::path& root, const std::string& name, Millis now) {
  for (std::string_view suffix : {std::string_view(), kPreviousSuffix, kTempSuffix}) {
    const fs::path file = root / (name + std::string(suffix));
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) continue;
    auto moved = move_aside(root, file, std::string(kBeforeRestore) + name + std::string(suffix), now);
    if (!moved) return moved.error();
  }
  return Done{};
}

}  // namespace

Result<bool> finish_interrupted_restore(const fs::path& root, Millis now) {
  const fs::path staging = root / kStaging;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(staging, ec))) return false;
  const std::string shown = std::string(kStaging) + "/" + std::string(kReadyMarker);
  auto marker = read_file(staging / kReadyMarker, shown, kMaxRecordBytes);
  std::set<std::string> wanted;
  bool verified = false;  // the marker is written, synced, only after the staged copy read back
  if (marker) {
    ParseLimits limits;
    limits.max_depth = 2;
    if (auto list = parse_json_text(*marker, shown, limits); list && list->is_array()) {
      verified = true;
      for (const json& n : *list)
        if (n.is_string() && is_valid_record_name(n.get_ref<const std::string&>())) wanted.insert(n.get<std::string>());
    }
  }
  if (!verified) {
    // Not verified, or the verification's record was lost: the old workspace stands.
    fs::remove_all(staging, ec);
    if (ec) return io_error(std::string(kStaging), "xoá bản khôi phục dở", "deleting an unfinished restore", ec);
    return false;
  }
  // Out: every record that does not belong, and every one whose staged copy still waits.
  auto found = scan_records(root);
  if (!found) return found.error();
  for (const auto& [name, files] : found->groups) {
    const bool waiting = fs::exists(fs::symlink_status(staging / name, ec));
    if (!wanted.count(name) || waiting)
      if (auto moved = move_record_files_aside(root, name, now); !moved) return moved.error();
  }
  // In: the staged copies (a rename each; one already moved by an earlier try is in place).
  for (const std::string& name : wanted) {
    const fs::path from = staging / name;
    if (!fs::exists(fs::symlink_status(from, ec))) continue;
    const fs::path to = root / name;
    fs::create_directories(to.parent_path(), ec);
    if (!ec) fs::rename(from, to, ec);
    if (ec) return io_error(name, "đưa bản khôi phục vào chỗ", "moving the restored record into place", ec);
  }
  fs::remove_all(staging, ec);
  if (ec) return io_error(std::string(kStaging), "dọn bản khôi phục", "cleaning up the restore", ec);
  return true;
}

Result<ApplyReport> restore_backup(RecordStore& store, const BackupPlan& plan, Millis now) {
  if (auto fresh = check_not_stale(store, plan, true); !fresh) return fresh.error();
  const fs::path staging = store.root() / kStaging;
  std::error_code ec;
  fs::remove_all(staging, ec);
  const auto abandon = [&](Error e) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    e.detail.what.vi = "Chưa khôi phục; dữ liệu đang có giữ nguyên: " + e.detail.what.vi;
    e.detail.what.en = "Not restored; the workspace is unchanged: " + e.detail.what.en;
    return e;
  };
  ApplyReport report;
  // Named by content: adding them first changes nothing the old workspace reads.
  for (const auto& b : plan.blobs) {
    if (b.action == PlanAction::same) continue;
    if (auto written = store.write_blob(b.name, b.bytes, b.action == PlanAction::replace); !written)
      return abandon(written.error());
    ++(b.action == PlanAction::add ? report.blobs_added : report.blobs_replaced);
  }
  RecordStore staged(staging);
  if (auto empty = staged.load_all(now); !empty) return abandon(empty.error());
  for (const auto& r : plan.records) {
    if (auto written = staged.import_record(r.name, r.data, r.seq, r.saved_at, now); !written)
      return abandon(written.error());
  }
  // Read back with the loader's own rules, each record by its model reader.
  auto loaded = staged.load_all(now);
  if (!loaded) return abandon(loaded.error());
  const auto unreadable = [&](const std::string& name, const std::string& vi, const std::string& en) {
    return abandon(make_error(ErrorKind::backup_invalid, name, "Bản ghi khôi phục không đọc lại được: " + vi,
                              "A restored record does not read back: " + en));
  };
  if (!loaded->quarantined.empty())
    return unreadable(loaded->quarantined[0].name, loaded->quarantined[0].problem.detail.what.vi,
                      loaded->quarantined[0].problem.detail.what.en);
  if (!loaded->left_in_place.empty())
    return unreadable(loaded->left_in_place[0].detail.file, loaded->left_in_place[0].detail.what.vi,
                      loaded->left_in_place[0].detail.what.en);
  if (loaded->records.size() != plan.records.size())
    return unreadable(std::string(kStaging), "thiếu bản ghi.", "records are missing.");
  for (const Record& r : loaded->records)
    if (auto problem = model_problem(r.name, r.data)) return unreadable(r.name, problem->what.vi, problem->what.en);

  json names = json::array();
  for (const auto& r : plan.records) names.push_back(r.name);
  if (auto marked = write_file_synced(staging / kReadyMarker, names.dump(), std::string(kStaging) + "/" + std::string(kReadyMarker));
      !marked)
    return abandon(marked.error());
  // From here the restore is decided: a crash is finished by the next load.
  auto swapped = finish_interrupted_restore(store.root(), now);
  if (!swapped) {
    Error e = swapped.error();
    e.detail.what.vi = "Khôi phục chưa xong, sẽ hoàn tất khi mở lại ứng dụng: " + e.detail.what.vi;
    e.detail.what.en = "The restore did not finish; it completes when the app is opened again: " + e.detail.what.en;
    return e;
  }
  for (const auto& r : plan.records)
    if (r.action != PlanAction::same) ++(r.action == PlanAction::add ? report.records_added : report.records_replaced);
  report.records_replaced += plan.dropped.size();
  // The store's memory of sequence numbers is the old workspace's: read the new one.
  if (auto reread = store.load_all(now); !reread) return reread.error();
  return report;
}

Result<ApplyReport> apply_backup(RecordStore& store, const BackupPlan& plan, Millis now) {
  if (auto fresh = check_not_stale(store, plan, false); !fresh) return fresh.error();

  // Blobs first, so no record ever refers to an attachment that is not there yet.
  ApplyReport report;
  const std::size_t total = plan.count(PlanAction::add) + plan.count(PlanAction::replace);
  const auto stopped = [&](Error e) {
    const std::string done = std::to_string(report.records_added + report.records_replaced +
                                            report.blobs_added + report.blobs_replaced);
    e.detail.what.vi = "Dừng sau " + done + "/" + std::to_string(total) +
                       " mục (các mục đã ghi đều đầy đủ; bản bị thay giữ ở .prev): " + e.detail.what.vi;
    e.detail.what.en = "Stopped after " + done + " of " + std::to_string(total) +
                       " items (those written are complete; replaced ones are kept as .prev): " +
                       e.detail.what.en;
    return e;
  };
  for (const auto& b : plan.blobs) {
    if (b.action == PlanAction::same) continue;
    if (auto written = store.write_blob(b.name, b.bytes, b.action == PlanAction::replace); !written) {
      return stopped(written.error());
    }
    ++(b.action == PlanAction::add ? report.blobs_added : report.blobs_replaced);
  }
  for (const auto& r : plan.records) {
    if (r.action == PlanAction::same) continue;
    if (auto written = store.import_record(r.name, r.data, r.seq, r.saved_at, now); !written) {
      return stopped(written.error());
    }
    ++(r.action == PlanAction::add ? report.records_added : report.records_replaced);
  }
  return report;
}

}  // namespace hoso::store
