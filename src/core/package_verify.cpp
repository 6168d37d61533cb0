// Verifying a package file that comes from outside. See package.hpp and docs/PACKAGE.md.
//
// The order of the checks is part of the design: cheap refusals of the bytes first (size, then the
// careful parser), then the format version (so a newer app's file is named as such instead of
// failing on some member), the structure, the attachments (the most specific message for an
// edited attachment), the manifest, and only then the domain readers.
#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>
#include <utility>

#include "core/canonical_json.hpp"
#include "core/json_in.hpp"
#include "core/library.hpp"
#include "core/package.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"

namespace hoso {

using json_in::in_quotes;
using json_in::index_path;
using json_in::member_path;
using json_in::Reader;
using nlohmann::json;

const PackageAttachment* VerifiedPackage::attachment(std::string_view sha256) const {
  for (const auto& a : attachments)
    if (a.sha256 == sha256) return &a;
  return nullptr;
}

namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;

bool is_sha256_hex(std::string_view s) {
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A limit as people read it: "100 MB" when it is whole megabytes, else bytes.
std::string size_text(std::size_t n) {
  return n % kMiB == 0 ? std::to_string(n / kMiB) + " MB" : std::to_string(n) + " byte";
}

// A key from the file as shown in a message: at most 60 bytes, cut on a character boundary.
std::string shown(std::string_view key) {
  if (key.size() <= 60) return std::string(key);
  std::size_t n = 57;
  while (n > 0 && (static_cast<unsigned char>(key[n]) & 0xC0) == 0x80) --n;
  return std::string(key.substr(0, n)) + "…";
}

// Errors of a nested reader (a dossier, the minutes) are relative to that value.
DataError nested(DataError e, const std::string& prefix) {
  e.path = e.path.empty() ? prefix : prefix + "." + e.path;
  return e;
}

Bilingual msg_unknown_member(std::string_view key) {
  return {"Mục " + in_quotes(shown(key)) + " không thuộc định dạng gói phiên bản " +
              std::to_string(kPackageFormatVersion) + ".",
          "The member " + in_quotes(shown(key)) + " is not part of package format version " +
              std::to_string(kPackageFormatVersion) + "."};
}

Bilingual msg_not_sha256() {
  return {"Phải là mã SHA-256: 64 chữ số thập lục phân viết thường.",
          "Must be a SHA-256: 64 lower-case hexadecimal digits."};
}

Bilingual msg_empty() { return {"Không được để trống.", "Must not be empty."}; }

DataError problem(std::string_view file, std::string path, std::string vi, std::string en) {
  return DataError{std::string(file), std::move(path), {std::move(vi), std::move(en)}};
}

// The schema's additionalProperties: false, for the package's own objects.
void only_members(Reader& r, const json& obj, std::string_view path,
                  std::initializer_list<std::string_view> allowed) {
  if (!r.ok() || !obj.is_object()) return;
  for (const auto& [key, value] : obj.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      r.fail(member_path(path, shown(key)), msg_unknown_member(key));
      return;
    }
  }
}

// An object member that must be there.
const json* object_member(Reader& r, const json& obj, std::string_view path, std::string_view key) {
  const json* v = r.member(obj, path, key, true);
  return v && r.expect_object(*v, member_path(path, key)) ? v : nullptr;
}

const json* array_member(Reader& r, const json& obj, std::string_view key) {
  const json* v = r.member(obj, "", key, true);
  return v && r.expect_array(*v, key) ? v : nullptr;
}

void non_empty_str(Reader& r, const json& obj, std::string_view path, std::string_view key, std::string& out) {
  if (r.str(obj, path, key, out) && text::trim(out).empty()) r.fail(member_path(path, key), msg_empty());
}

void sha256_str(Reader& r, const json& obj, std::string_view path, std::string_view key, std::string& out) {
  if (r.str(obj, path, key, out) && !is_sha256_hex(out)) r.fail(member_path(path, key), msg_not_sha256());
}

// ---- the steps -------------------------------------------------------------------------------

std::optional<DataError> check_format(std::string_view file, const json& doc) {
  const std::string kind = in_quotes(kPackageFormat);
  if (!doc.is_object())
    return problem(file, "", "Tệp không phải gói hồ sơ: nội dung phải là một đối tượng JSON.",
                   "The file is not a submission package: its content must be a JSON object.");
  const auto f = doc.find("format");
  if (f == doc.end() || !f->is_string() || f->get_ref<const std::string&>() != kPackageFormat)
    return problem(file, "format", "Tệp không phải gói hồ sơ hoso (cần " + kind + ").",
                   "The file is not a hoso submission package (" + kind + " expected).");
  const auto v = doc.find("format_version");
  const std::string ours = std::to_string(kPackageFormatVersion);
  if (v == doc.end() || !v->is_number_integer())
    return problem(file, "format_version", "Thiếu số phiên bản định dạng (một số nguyên).",
                   "The format version (a whole number) is missing.");
  const auto version = v->get<int64_t>();
  if (version > kPackageFormatVersion)
    return problem(file, "format_version",
                   "Gói theo định dạng phiên bản " + std::to_string(version) + ", mới hơn phiên bản " + ours +
                       " mà ứng dụng này đọc được: hãy cập nhật ứng dụng rồi mở lại gói.",
                   "The package is in format version " + std::to_string(version) + ", newer than version " + ours +
                       " that this app reads: update the app, then open the package again.");
  if (version < kPackageOldestFormatVersion)
    return problem(file, "format_version", "Phiên bản định dạng " + std::to_string(version) + " không hợp lệ.",
                   "Format version " + std::to_string(version) + " is not valid.");
  return std::nullopt;
}

// Everything the schema says of the package's own members; dossiers and minutes are read later.
void read_header(Reader& r, const json& doc, PackageHeader& h, std::string& manifest_hash) {
  // Version 1 has no workspace_id (check_format took the version: 1 or 2).
  if (doc.at("format_version").get<int64_t>() >= 2) {
    only_members(r, doc, "",
                 {"format", "format_version", "package_id", "revision", "previous_hash", "workspace_id", "created",
                  "app_version", "campaign", "sender", "contact", "minutes", "dossiers", "attachments", "manifest"});
    if (r.str(doc, "", "workspace_id", h.workspace_id) && !is_uuid(h.workspace_id))
      r.fail("workspace_id", {"Mã không gian làm việc phải là một UUID.", "The workspace id must be a UUID."});
  } else {
    only_members(r, doc, "",
                 {"format", "format_version", "package_id", "revision", "previous_hash", "created", "app_version",
                  "campaign", "sender", "contact", "minutes", "dossiers", "attachments", "manifest"});
  }
  if (r.str(doc, "", "package_id", h.id) && !is_uuid(h.id))
    r.fail("package_id", {"Mã gói phải là một UUID.", "The package id must be a UUID."});
  if (r.integer(doc, "", "revision", h.revision) && h.revision < 1)
    r.fail("revision", {"Số lần gửi phải từ 1 trở lên.", "The revision must be 1 or more."});
  if (r.ok() && h.revision > 1) {
    sha256_str(r, doc, "", "previous_hash", h.previous_hash);
  } else if (r.member(doc, "", "previous_hash", false)) {
    r.fail("previous_hash", {"Lần gửi thứ nhất không có mã của lần trước: phải là null.",
                             "The first revision has no previous hash: it must be null."});
  }
  r.instant(doc, "", "created", h.created);
  non_empty_str(r, doc, "", "app_version", h.app_version);
  if (const json* c = object_member(r, doc, "", "campaign")) {
    only_members(r, *c, "campaign", {"id", "version", "hash"});
    non_empty_str(r, *c, "campaign", "id", h.campaign.id);
    if (r.integer(*c, "campaign", "version", h.campaign.version) && h.campaign.version < 1)
      r.fail("campaign.version", {"Phiên bản phải từ 1 trở lên.", "The version must be 1 or more."});
    sha256_str(r, *c, "campaign", "hash", h.campaign.hash);
  }
  if (const json* s = object_member(r, doc, "", "sender")) {
    only_members(r, *s, "sender", {"unit_id", "unit_name"});
    non_empty_str(r, *s, "sender", "unit_id", h.sender.unit_id);
    non_empty_str(r, *s, "sender", "unit_name", h.sender.unit_name);
  }
  if (const json* c = object_member(r, doc, "", "contact")) {
    only_members(r, *c, "contact", {"name", "phone", "email"});
    non_empty_str(r, *c, "contact", "name", h.contact.name);
    r.str(*c, "contact", "phone", h.contact.phone);
    r.str(*c, "contact", "email", h.contact.email);
  }
  array_member(r, doc, "minutes");
  if (const json* d = array_member(r, doc, "dossiers"); d && d->empty())
    r.fail("dossiers", {"Gói phải có ít nhất một hồ sơ.", "A package holds at least one dossier."});
  if (const json* list = array_member(r, doc, "attachments")) {
    for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
      const std::string p = index_path("attachments", i);
      const json& a = (*list)[i];
      if (!r.expect_object(a, p)) break;
      only_members(r, a, p, {"sha256", "size", "name", "mime_type", "base64"});
      std::string value;  // only checked here: read_attachments takes the values
      int64_t size = 0;
      sha256_str(r, a, p, "sha256", value);
      if (r.int64(a, p, "size", size) && size < 0)
        r.fail(member_path(p, "size"), {"Kích thước không được âm.", "The size must not be negative."});
      else if (r.ok() && size > kMaxAttachmentBytes)
        r.fail(member_path(p, "size"), {"Tệp đính kèm " + std::to_string(size) + " byte, vượt giới hạn 10 MB cho mỗi tệp.",
                                        "An attachment of " + std::to_string(size) + " bytes, over the limit of 10 MB a file."});
      r.str(a, p, "name", value);
      r.str(a, p, "mime_type", value);
      // Not read through Reader::str: that would copy (and NFC-scan) megabytes of base64.
      if (const json* b = r.member(a, p, "base64", true); b && !b->is_string())
        r.fail(member_path(p, "base64"), json_in::msg_type("chuỗi ký tự", "a string"));
    }
  }
  if (const json* m = object_member(r, doc, "", "manifest")) {
    only_members(r, *m, "manifest", {"content_sha256"});
    sha256_str(r, *m, "manifest", "content_sha256", manifest_hash);
  }
}

// Decodes every attachment, moving its base64 out of `list` (the content hash is taken already),
// so at most one attachment exists twice in memory at a time.
std::optional<DataError> read_attachments(std::string_view file, json& list, std::vector<PackageAttachment>& out) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string p = index_path("attachments", i);
    json& a = list[i];
    PackageAttachment att;
    att.sha256 = a["sha256"].get<std::string>();
    att.name = a["name"].get<std::string>();
    att.mime_type = a["mime_type"].get<std::string>();
    const auto size = a["size"].get<int64_t>();
    std::optional<std::string> bytes;
    {
      const std::string b64 = std::move(a["base64"].get_ref<std::string&>());
      bytes = base64_decode(b64);
    }
    if (!bytes)
      return problem(file, member_path(p, "base64"), "Nội dung base64 không hợp lệ — tệp đính kèm bị hỏng.",
                     "The base64 content is not valid — the attachment is damaged.");
    if (static_cast<int64_t>(bytes->size()) != size)
      return problem(file, member_path(p, "size"),
                     "Kích thước ghi " + std::to_string(size) + " byte nhưng nội dung có " +
                         std::to_string(bytes->size()) + " byte — tệp đính kèm đã bị sửa.",
                     "The size says " + std::to_string(size) + " bytes but the content has " +
                         std::to_string(bytes->size()) + " bytes — the attachment was altered.");
    if (sha256_hex(*bytes) != att.sha256)
      return problem(file, p, "Mã SHA-256 không khớp — tệp đính kèm đã bị sửa.",
                     "The SHA-256 does not match — the attachment was altered.");
    if (!seen.insert(att.sha256).second)
      return problem(file, member_path(p, "sha256"), "Tệp đính kèm này có hai lần trong gói.",
                     "This attachment is in the package twice.");
    att.bytes = std::move(*bytes);
    out.push_back(std::move(att));
  }
  return std::nullopt;
}

// Refuses a campaign the app does not know; another version or content of it is only a warning.
std::optional<DataError> check_campaign(const Library& lib, std::string_view file, VerifiedPackage& v) {
  const ContentRef& ref = v.header.campaign;
  const Campaign* ours = lib.campaign(ref.id);
  const std::string id = in_quotes(shown(ref.id));
  if (!ours)
    return problem(file, "campaign.id", "Gói thuộc kế hoạch " + id + ", không có trong ứng dụng này: không nhận được.",
                   "The package belongs to the campaign " + id + ", which this app does not know: it cannot be accepted.");
  // The campaign's text is not in the package: a difference is worth a look, not a refusal (the
  // dossiers record their own campaign reference; validation compares them with the app's).
  const std::string theirs = std::to_string(ref.version), mine = std::to_string(ours->version);
  // An older version: the unit had not opened the correction yet. A newer one: this app has not.
  if (ref.version < ours->version)
    v.warnings.push_back({std::string(file), "campaign.version",
                          {"Gói được lập theo phiên bản " + theirs + " của kế hoạch " + id + ", cũ hơn phiên bản " + mine +
                               " ứng dụng này dùng (đơn vị chưa mở bản sửa đổi): hãy đối chiếu tiêu chuẩn.",
                           "The package was made under version " + theirs + " of the campaign " + id + ", older than version " +
                               mine + " this app uses (the unit had not opened the correction): compare the criteria."}});
  else if (ref.version > ours->version)
    v.warnings.push_back({std::string(file), "campaign.version",
                          {"Gói được lập theo phiên bản " + theirs + " của kế hoạch " + id + ", mới hơn phiên bản " + mine +
                               " ứng dụng này dùng: mở tệp đợt thi đua phiên bản " + theirs + " rồi hãy đối chiếu tiêu chuẩn.",
                           "The package was made under version " + theirs + " of the campaign " + id + ", newer than version " +
                               mine + " this app uses: open version " + theirs + " of the campaign file, then compare the criteria."}});
  else if (ref.hash != ours->hash)
    v.warnings.push_back({std::string(file), "campaign.hash",
                          {"Nội dung kế hoạch " + id + " (phiên bản " + mine + ") khi lập gói khác với bản trong ứng dụng này.",
                           "The campaign " + id + " (version " + mine + ") had other content when the package was made than in this app."}});
  return std::nullopt;
}

std::optional<DataError> read_minutes(std::string_view file, const json& list, std::vector<Minutes>& out) {
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string p = index_path("minutes", i);
    auto m = minutes_from_json(list[i], file);
    if (!m) return nested(m.error(), p);
    if (!ids.insert(m->id).second)
      return DataError{std::string(file), member_path(p, "id"), json_in::msg_duplicate_id(shown(m->id))};
    out.push_back(std::move(m).value());
  }
  return std::nullopt;
}

std::optional<DataError> read_dossiers(std::string_view file, const json& list, VerifiedPackage& v) {
  std::set<std::string> ids;
  std::map<std::string_view, std::pair<const PackageAttachment*, std::size_t>> by_hash;  // -> uses
  for (const auto& a : v.attachments) by_hash[a.sha256] = {&a, 0};
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string p = index_path("dossiers", i);
    auto read = dossier_from_json(list[i], file);
    if (!read) return nested(read.error(), p);
    Dossier& d = *read;
    if (!ids.insert(d.id).second)
      return DataError{std::string(file), member_path(p, "id"), json_in::msg_duplicate_id(shown(d.id))};
    if (d.campaign.id != v.header.campaign.id)
      return problem(file, member_path(p, "campaign.id"),
                     "Hồ sơ thuộc kế hoạch " + in_quotes(shown(d.campaign.id)) + ", khác với kế hoạch của gói.",
                     "The dossier belongs to the campaign " + in_quotes(shown(d.campaign.id)) + ", not the package's.");
    for (std::size_t k = 0; k < d.attachments.size(); ++k) {
      const Attachment& a = d.attachments[k];
      const std::string ap = index_path(member_path(p, "attachments"), k);
      const auto it = by_hash.find(a.sha256);
      if (it == by_hash.end())
        return problem(file, member_path(ap, "sha256"), "Gói không có nội dung của tệp đính kèm này.",
                       "The package does not hold the content of this attachment.");
      if (static_cast<int64_t>(it->second.first->bytes.size()) != a.size)
        return problem(file, member_path(ap, "size"), "Kích thước khác với nội dung tệp trong gói.",
                       "The size differs from the content in the package.");
      ++it->second.second;
    }
    // The export this dossier records is this package, whose hash the file cannot hold.
    if (d.last_export && d.last_export->package_hash.empty()) d.last_export->package_hash = v.header.content_hash;
    v.dossiers.push_back(std::move(d));
  }
  for (std::size_t i = 0; i < v.attachments.size(); ++i)
    if (by_hash[v.attachments[i].sha256].second == 0)
      return problem(file, index_path("attachments", i), "Không hồ sơ nào trong gói dùng tệp đính kèm này.",
                     "No dossier in the package uses this attachment.");
  return std::nullopt;
}

}  // namespace

namespace {

Outcome<VerifiedPackage> verify_package_unguarded(const Library& lib, const std::string& file, std::string_view bytes,
                                                  const VerifyLimits& limits) {
  if (bytes.size() > limits.max_bytes)
    return problem(file, "",
                   "Tệp quá lớn: " + std::to_string(bytes.size()) + " byte, vượt giới hạn " + size_text(limits.max_bytes) +
                       " cho mỗi gói.",
                   "The file is too large: " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                       size_text(limits.max_bytes) + " per package.");
  ParseResult parsed = parse_untrusted_json(bytes, ParseLimits{limits.max_bytes, limits.max_depth, limits.max_string_bytes});
  if (!parsed.ok()) {
    const JsonError& e = *parsed.error;
    // A download cut short is the commonest damage: say so rather than quote the parser.
    if (e.json_path_or_offset == "byte " + std::to_string(bytes.size()))
      return problem(file, e.json_path_or_offset,
                     "Tệp bị cắt cụt: nội dung dừng ở byte " + std::to_string(bytes.size()) +
                         " khi JSON chưa kết thúc (có thể tải về hoặc sao chép chưa xong).",
                     "The file is truncated: it ends at byte " + std::to_string(bytes.size()) +
                         " before the JSON is complete (perhaps a download or copy did not finish).");
    return problem(file, e.json_path_or_offset, "Không đọc được tệp: " + e.message_vi,
                   "The file cannot be read: " + e.message_en);
  }
  json& doc = parsed.value;
  // Keys equal after NFC were refused by the parser, so this cannot collide.
  normalize_nfc_in_place(doc);
  if (auto e = check_format(file, doc)) return *e;

  VerifiedPackage v;
  v.file_name = file;
  std::string manifest_hash;
  Reader r(file);
  read_header(r, doc, v.header, manifest_hash);
  if (!r.ok()) return r.take_error();

  doc.erase("manifest");
  v.header.content_hash = package_content_hash(doc);
  if (auto e = read_attachments(file, doc["attachments"], v.attachments)) return *e;
  if (v.header.content_hash != manifest_hash)
    return problem(file, "manifest.content_sha256",
                   "Mã SHA-256 của nội dung không khớp với bản kê — gói đã bị sửa sau khi tạo, hoặc bị hỏng.",
                   "The content's SHA-256 does not match the manifest — the package was altered after it was made, or is damaged.");
  std::optional<DataError> error = check_campaign(lib, file, v);
  if (!error) error = read_minutes(file, doc["minutes"], v.minutes);
  if (!error) error = read_dossiers(file, doc["dossiers"], v);
  if (error) return *error;
  return v;
}

}  // namespace

Outcome<VerifiedPackage> verify_package(const Library& lib, std::string_view file_name, std::string_view bytes,
                                        const VerifyLimits& limits) {
  const std::string file(file_name);
#if defined(__cpp_exceptions)
  try {
    return verify_package_unguarded(lib, file, bytes, limits);
  } catch (const std::exception& e) {  // out of memory, or a bug: never past this function
    return problem(file, "", std::string("Không đọc được gói: ") + e.what(), std::string("The package cannot be read: ") + e.what());
  } catch (...) {
    return problem(file, "", "Không đọc được gói.", "The package cannot be read.");
  }
#else
  // The web build has no exceptions (smaller code): the reading below checks every type itself,
  // and the native fuzzer, built the same way, holds it to that.
  return verify_package_unguarded(lib, file, bytes, limits);
#endif
}

}  // namespace hoso
