// Submission packages: the format and export. See package.hpp and docs/PACKAGE.md.
#include "core/package.hpp"

#include <set>
#include <utility>

#include "core/canonical_json.hpp"
#include "core/edit.hpp"
#include "core/json_in.hpp"
#include "core/library.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"

#ifndef HOSO_VERSION
#error "HOSO_VERSION must be defined by the build"
#endif

namespace hoso {

using json_in::in_quotes;
using nlohmann::json;

std::string check_code(std::string_view hex) {
  if (hex.empty()) return "…";
  std::string out;
  for (std::size_t i = 0; i < hex.size() && i < 16; ++i) {
    if (i && i % 4 == 0) out += ' ';
    out += static_cast<char>(hex[i] >= 'A' && hex[i] <= 'F' ? hex[i] - 'A' + 'a' : hex[i]);
  }
  return out;
}

std::string package_content_hash(const json& package) {
  if (!package.is_object() || !package.contains("manifest")) return sha256_hex(canonical_dump(package));
  // A copy, attachments and all: export and import hash their own value before the manifest is
  // added or after it is erased, so only tests and the fuzzer pay for it.
  json content = package;
  content.erase("manifest");
  return sha256_hex(canonical_dump(content));
}

std::string package_file_name(std::string_view unit_name, std::string_view campaign_id,
                              Millis created, int revision) {
  std::string unit = text::slug(unit_name);
  if (unit.empty()) unit = "don-vi";
  std::string campaign(campaign_id);
  for (char& ch : campaign) {
    const bool keep = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    if (!keep) ch = '-';
  }
  return "hoso_" + unit + "_" + campaign + "_" + to_iso(vietnam_date(created)) + "_r" +
         std::to_string(revision) + ".json";
}

namespace {

DataError refuse(std::string path, std::string vi, std::string en) {
  return DataError{"", std::move(path), {std::move(vi), std::move(en)}};
}

json attachment_entry(const Attachment& a, std::string_view bytes) {
  return {{"sha256", a.sha256},
          {"size", static_cast<int64_t>(bytes.size())},
          {"name", a.name},
          {"mime_type", a.mime_type},
          {"base64", base64_encode(bytes)}};
}

// The bytes of one attachment, checked: the store could have lost or damaged them.
Outcome<std::string> fetch_attachment(const PackageInput& in, const Dossier& d, const Attachment& a) {
  const std::string who = in_quotes(a.name) + " (" + in_quotes(display_name(d.nominee)) + ")";
  std::optional<std::string> bytes;
  if (in.attachment_bytes) bytes = in.attachment_bytes(a.sha256);
  if (!bytes)
    return refuse("attachments", "Không tìm thấy nội dung tệp đính kèm " + who + " trong bộ nhớ của ứng dụng.",
                  "The content of the attachment " + who + " is not in the app's storage.");
  if (sha256_hex(*bytes) != a.sha256 || static_cast<int64_t>(bytes->size()) != a.size)
    return refuse("attachments", "Nội dung tệp đính kèm " + who + " trong bộ nhớ đã bị hỏng (SHA-256 không khớp).",
                  "The stored content of the attachment " + who + " is damaged (its SHA-256 does not match).");
  return std::move(*bytes);
}

}  // namespace

Outcome<BuiltPackage> build_package(const Library& lib, const PackageInput& in) {
  const Workspace& w = in.workspace;
  const Campaign* campaign = lib.campaign(w.campaign_id);
  if (!campaign)
    return refuse("campaign_id", "Kế hoạch " + in_quotes(w.campaign_id) + " không có trong ứng dụng.",
                  "The campaign " + in_quotes(w.campaign_id) + " is not known to this app.");
  if (text::trim(w.settings.unit_id).empty() || text::trim(w.settings.unit_name).empty())
    return refuse("settings.unit_name", "Chưa chọn đơn vị gửi trong phần Cài đặt.",
                  "The sending unit is not set in Settings.");
  if (text::trim(in.contact.name).empty())
    return refuse("contact.name", "Chưa nhập tên người liên hệ.", "The contact's name is missing.");
  if (in.dossier_ids.empty())
    return refuse("dossiers", "Chưa chọn hồ sơ nào để đưa vào gói.", "No dossier is chosen for the package.");

  // Revision 1 opens a chain with the caller's fresh id; later ones continue the workspace's.
  const ExportHistory& history = w.exports;
  const int revision = history.last_revision + 1;
  const std::string package_id = history.last_revision > 0 ? history.last_package_id : in.new_package_id;
  if (!is_uuid(package_id))
    return refuse("package_id", "Mã gói " + in_quotes(package_id) + " không phải UUID.",
                  "The package id " + in_quotes(package_id) + " is not a UUID.");
  const std::string workspace_id = w.workspace_id.empty() ? in.new_workspace_id : w.workspace_id;
  if (!is_uuid(workspace_id))
    return refuse("workspace_id", "Mã không gian làm việc " + in_quotes(workspace_id) + " không phải UUID.",
                  "The workspace id " + in_quotes(workspace_id) + " is not a UUID.");
  const Millis created = whole_seconds(in.now);
  const EditContext ctx{w.settings.author, created};

  BuiltPackage out;
  out.workspace = w;
  Workspace& after = out.workspace;
  json dossiers = json::array(), attachments = json::array();
  std::set<std::string> ids, stored;
  for (const std::string& id : in.dossier_ids) {
    Dossier* d = after.dossier(id);
    if (!d)
      return refuse("dossiers", "Không có hồ sơ mã " + in_quotes(id) + ".", "There is no dossier with id " + in_quotes(id) + ".");
    if (!ids.insert(id).second)
      return refuse("dossiers", "Hồ sơ " + in_quotes(id) + " được chọn hai lần.", "The dossier " + in_quotes(id) + " is chosen twice.");
    // A package answers one campaign: a dossier written for another goes in that campaign's package.
    if (d->campaign.id != campaign->id) {
      const std::string name = in_quotes(display_name(d->nominee));
      return refuse("dossiers", "Hồ sơ " + name + " thuộc đợt thi đua " + in_quotes(d->campaign.id) + ", không thuộc " + in_quotes(campaign->id) + ".",
                    "The dossier " + name + " belongs to the campaign " + in_quotes(d->campaign.id) + ", not " + in_quotes(campaign->id) + ".");
    }
    // Marked before it is written, so the package holds the dossier exactly as the workspace will
    // (status, audit entry, times); only the hash is filled in afterwards.
    if (auto marked = mark_exported(*d, "", ctx); !marked) {
      const std::string name = in_quotes(display_name(d->nominee));
      return refuse("dossiers", "Hồ sơ " + name + " chưa sẵn sàng (" + status_label(d->status).vi + "): chỉ gửi được hồ sơ đã sẵn sàng.",
                    "The dossier " + name + " is not ready (" + status_label(d->status).en + "): only ready dossiers can be sent.");
    }
    for (const Attachment& a : d->attachments) {
      if (!stored.insert(a.sha256).second) continue;  // the same bytes once, whoever uses them
      auto bytes = fetch_attachment(in, *d, a);
      if (!bytes) return bytes.error();
      attachments.push_back(attachment_entry(a, *bytes));
    }
    dossiers.push_back(to_json(*d));
  }
  json minutes = json::array();
  for (const Minutes& m : w.minutes)
    if (m.campaign_id == campaign->id) minutes.push_back(to_json(m));

  json package = {
      {"format", kPackageFormat},
      {"format_version", kPackageFormatVersion},
      {"package_id", package_id},
      {"revision", revision},
      {"previous_hash", revision > 1 ? json(history.last_package_hash) : json(nullptr)},
      {"workspace_id", workspace_id},
      {"created", to_iso_instant(created)},
      {"app_version", HOSO_VERSION},
      {"campaign", {{"id", campaign->id}, {"version", campaign->version}, {"hash", campaign->hash}}},
      {"sender", {{"unit_id", text::nfc(w.settings.unit_id)}, {"unit_name", text::nfc(w.settings.unit_name)}}},
      {"contact", {{"name", text::nfc(text::trim(in.contact.name))},
                   {"phone", text::nfc(text::trim(in.contact.phone))},
                   {"email", text::nfc(text::trim(in.contact.email))}}},
      {"minutes", std::move(minutes)},
      {"dossiers", std::move(dossiers)},
      {"attachments", std::move(attachments)},
  };
  out.content_hash = package_content_hash(package);
  package["manifest"] = {{"content_sha256", out.content_hash}};
  out.text = canonical_dump(package);
  package = json();  // holding the attachments' base64 in memory twice is enough
  out.file_name = package_file_name(w.settings.unit_name, campaign->id, created, revision);
  out.package_id = package_id;
  out.revision = revision;
  out.created = created;

  if (out.text.size() > kPackageMaxBytes) {
    const std::string mb = std::to_string((out.text.size() + (1 << 20) - 1) >> 20);
    return refuse("attachments", "Gói sẽ có khoảng " + mb + " MB, quá giới hạn 100 MB cho mỗi gói: hãy bớt tệp đính kèm hoặc chia thành nhiều lần gửi.",
                  "The package would be about " + mb + " MB, over the limit of 100 MB per package: remove attachments or send them in several packages.");
  }
  // The recipient will run exactly this: never hand out a file our own import refuses.
  if (auto checked = verify_package(lib, out.file_name, out.text); !checked) {
    const DataError& e = checked.error();
    return DataError{out.file_name, e.path,
                     {"Gói vừa tạo không qua được bước kiểm tra (lỗi của ứng dụng, xin báo lại): " + e.what.vi,
                      "The package just made fails its check (a bug in the app, please report it): " + e.what.en}};
  }

  for (const std::string& id : in.dossier_ids) after.dossier(id)->last_export->package_hash = out.content_hash;
  after.exports = ExportHistory{revision, package_id, out.content_hash, created};
  after.workspace_id = workspace_id;
  return out;
}

}  // namespace hoso
