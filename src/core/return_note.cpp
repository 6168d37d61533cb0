#include "core/return_note.hpp"

#include "core/canonical_json.hpp"
#include "core/json_in.hpp"
#include "core/paths.hpp"
#include "core/registry_detail.hpp"
#include "core/text.hpp"

namespace hoso {

using json_in::in_quotes;
using nlohmann::json;
using namespace registry_detail;

// ---- return notes ------------------------------------------------------------------------------

Outcome<ReturnNote> make_return_note(const Registry& r, const Campaign& c, std::string_view dossier_id) {
  const Decision* d = r.decision(dossier_id);
  const Registry::Found found = r.find_dossier(dossier_id);
  if (!found.dossier || !d || d->status != Status::returned)
    return refusal("status", "Chỉ lập được phiếu trả lại cho hồ sơ đã trả lại.",
                   "A return note can only be made for a returned dossier.");
  ReturnNote n;
  n.campaign = ref_of(c);
  n.unit = found.revision->header.sender;
  n.package_id = found.revision->header.id;
  n.package_revision = found.revision->header.revision;
  n.dossier_id = d->dossier_id;
  n.nominee_name = display_name(found.dossier->nominee);
  n.reason = d->return_reason;
  for (const AuditEntry& e : d->audit)
    if (e.path == kStatusPath && e.new_value == "returned") {
      n.time = e.time;
      n.returned_by = e.author;
    }
  return n;
}

json to_json(const ReturnNote& n) {
  return {{"format", kReturnNoteFormat},
          {"format_version", kReturnNoteFormatVersion},
          {"campaign", {{"id", n.campaign.id}, {"version", n.campaign.version}, {"hash", n.campaign.hash}}},
          {"unit", {{"unit_id", n.unit.unit_id}, {"unit_name", n.unit.unit_name}}},
          {"package", {{"id", n.package_id}, {"revision", n.package_revision}}},
          {"dossier_id", n.dossier_id},
          {"nominee_name", n.nominee_name},
          {"reason", n.reason},
          {"time", to_iso_instant(n.time)},
          {"returned_by", n.returned_by}};
}

std::string return_note_text(const ReturnNote& n) { return canonical_dump(to_json(n)); }

std::string return_note_file_name(const ReturnNote& n) {
  return "hoso_tra-lai_" + text::slug(n.unit.unit_name) + "_" + text::slug(n.nominee_name) + ".json";
}

Outcome<ReturnNote> read_return_note(std::string_view file_name, std::string_view bytes) {
  ParseLimits limits;
  limits.max_bytes = kReturnNoteMaxBytes;
  limits.max_depth = 8;
  limits.max_string_bytes = std::size_t{64} << 10;
  ParseResult parsed = parse_untrusted_json(bytes, limits);
  if (!parsed.ok())
    return DataError{std::string(file_name), parsed.error->json_path_or_offset,
                     {"Không đọc được tệp: " + parsed.error->message_vi, "The file cannot be read: " + parsed.error->message_en}};
  const json& j = parsed.value;
  json_in::Reader r(file_name);
  ReturnNote n;
  if (r.format(j, kReturnNoteFormat, kReturnNoteFormatVersion)) {
    if (const json* c = r.member(j, "", "campaign", true); c && r.expect_object(*c, "campaign")) {
      r.str(*c, "campaign", "id", n.campaign.id);
      r.integer(*c, "campaign", "version", n.campaign.version);
      r.str(*c, "campaign", "hash", n.campaign.hash);
    }
    if (const json* u = r.member(j, "", "unit", true); u && r.expect_object(*u, "unit")) {
      r.str(*u, "unit", "unit_id", n.unit.unit_id);
      r.str(*u, "unit", "unit_name", n.unit.unit_name);
    }
    if (const json* p = r.member(j, "", "package", true); p && r.expect_object(*p, "package")) {
      r.str(*p, "package", "id", n.package_id);
      r.integer(*p, "package", "revision", n.package_revision);
    }
    r.str(j, "", "dossier_id", n.dossier_id);
    r.str(j, "", "nominee_name", n.nominee_name);
    if (r.str(j, "", "reason", n.reason) && text::trim(n.reason).empty())
      r.fail("reason", {"Phiếu trả lại không ghi lý do.", "The return note gives no reason."});
    r.instant(j, "", "time", n.time);
    r.str(j, "", "returned_by", n.returned_by, false);
  }
  if (!r.ok()) return r.take_error();
  return n;
}

Outcome<bool> apply_return_note(Workspace& w, const ReturnNote& n, const EditContext& ctx) {
  if (w.campaign_id != n.campaign.id)
    return refusal("campaign.id", "Phiếu trả lại thuộc kế hoạch " + in_quotes(n.campaign.id) + ", không phải kế hoạch của bộ hồ sơ này.",
                   "The return note belongs to the campaign " + in_quotes(n.campaign.id) + ", not this workspace's.");
  if (!w.settings.unit_id.empty() && w.settings.unit_id != n.unit.unit_id)
    return refusal("unit.unit_id", "Phiếu trả lại gửi cho " + in_quotes(n.unit.unit_name) + ", không phải đơn vị này.",
                   "The return note is for " + in_quotes(n.unit.unit_name) + ", not this unit.");
  Dossier* d = w.dossier(n.dossier_id);
  if (!d)
    return refusal("dossier_id", "Không có hồ sơ " + in_quotes(n.nominee_name) + " (mã " + n.dossier_id + ") trong bộ hồ sơ này.",
                   "This workspace has no dossier " + in_quotes(n.nominee_name) + " (id " + n.dossier_id + ").");
  // Sent again after it was returned: the note is about an older copy, the secretariat will see
  // the new one.
  if (w.exports.last_package_id == n.package_id && w.exports.last_revision > n.package_revision && d->last_export &&
      d->last_export->time > n.time)
    return refusal("package.revision",
                   "Phiếu trả lại nói về lần gửi " + std::to_string(n.package_revision) + "; hồ sơ đã được gửi lại ở lần gửi " +
                       std::to_string(w.exports.last_revision) + ".",
                   "The return note is about revision " + std::to_string(n.package_revision) +
                       "; the dossier was sent again in revision " + std::to_string(w.exports.last_revision) + ".");
  bool changed = false;
  // The unit's statuses have no "returned": back to draft, so it can be corrected and sent again.
  if (d->status == Status::ready || d->status == Status::exported) {
    auto back = change_status(*d, StatusChange{Status::draft, Role::unit, {}}, {}, ctx);
    if (!back) return back.error();
    changed = true;
  }
  std::string reason = text::nfc(text::trim(n.reason));
  if (d->return_reason != reason) {
    const Millis t = whole_seconds(ctx.now);
    d->audit.push_back({t, ctx.author, "return_reason", d->return_reason, reason});
    d->return_reason = std::move(reason);
    d->updated = t;
    changed = true;
  }
  return changed;
}

}  // namespace hoso
