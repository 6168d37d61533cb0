#pragma once
// A campaign the secretariat is writing (the Campaigns screen's editor): the campaign file's JSON
// as it stands, changed one value at a time by its JSON path ("plan.number",
// "award_forms[0].rules[1].criteria[2].text_vi"), checked after every change, and published as a
// sealed campaign file (core/campaign_file.hpp) once nothing blocks it. Publishing runs the very
// check a unit's app runs when it opens the file, so what the secretariat sends, units can open.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/campaign_file.hpp"
#include "core/date.hpp"
#include "core/library.hpp"
#include "core/validation.hpp"

namespace hoso {

inline constexpr std::string_view kCampaignDraftFormat = "hoso-campaign-draft";
inline constexpr int kCampaignDraftFormatVersion = 1;

struct CampaignDraft {
  std::string key;             // stable name of its record ("d1765100000000"), never shown
  nlohmann::json content;      // the campaign file's JSON, without "content_sha256"
  std::string based_on;        // what it was made from: "32-KH-SNgV v1"
  int published_version = 0;   // the last version published from it; 0: never published
  std::string published_hash;  // that version's content hash
  Millis created = 0, changed = 0, published_at = 0;

  std::string id() const;        // content's "id"
  std::string plan_number() const;
  // True when it was published and has not changed since (its content hash is the published one).
  bool published_as_is() const;
  bool operator==(const CampaignDraft&) const = default;
};

// A new campaign for next year from `source` (a campaign file's JSON: built-in or held): the same
// content as version 1 of a new id, to be edited. `taken` are the ids already in use.
CampaignDraft duplicate_campaign(const nlohmann::json& source, std::span<const std::string> taken, Millis now);
// A new campaign of the same issuer, started from nothing of `source`'s plan: the number, dates,
// titles, name, theme, kind, period and deadline are empty, each award form keeps who decides it
// and its prizes but has no criteria and no quotas; what belongs to the issuer stays (its name,
// offices, decision bases, documents and templates, units, council rules).
CampaignDraft blank_campaign(const nlohmann::json& source, std::span<const std::string> taken, Millis now);
// A corrected version of a published campaign: the same id, published as the next version.
CampaignDraft correct_campaign(const nlohmann::json& source, Millis now);

// The id a never-published draft takes from its plan number and date ("15/KH-SNgV", 2026 ->
// "15-KH-SNgV-2026"), unique among `taken`. A published draft keeps its id.
std::string campaign_id_for(const nlohmann::json& content, std::span<const std::string> taken);

// The value at `path` ("award_forms[0].name_vi"), or null when the campaign has none there.
const nlohmann::json& draft_value(const CampaignDraft& d, std::string_view path);

// ---- changes: each refuses (nothing changed) a path that names nothing the campaign has ----
// Sets the value at `path`: an existing member, or a new member of an existing object. A string is
// stored in NFC; an empty optional number (a quota, a prize) is null.
Outcome<Done> set_draft_value(CampaignDraft& d, std::string_view path, const nlohmann::json& value);
// The deadline: its date (ISO, or as typed) and how the plan words it (before: "trước ngày", the
// date itself late; else "chậm nhất ngày", the date the last day).
Outcome<Done> set_draft_deadline(CampaignDraft& d, const nlohmann::json& date, bool stated_before);
// A new criterion at the end of a rule ("award_forms[0].rules[1]"), with a fresh stable id; its
// path ("award_forms[0].rules[1].criteria[3]").
Outcome<std::string> add_criterion(CampaignDraft& d, std::string_view rule_path);
// A new element at the end of the list at `list_path`; its path. The lists a clerk adds to:
// a rule's criteria ("award_forms[0].rules[1].criteria", as add_criterion), the decision's bases
// ("decision_bases"), and an award form's nominee kinds ("award_forms[0].rules", with `kind`
// "collective" or "individual": refused when the form already takes that kind; the campaign's
// nominee_kinds gain the kind when they lack it).
Outcome<std::string> add_draft_item(CampaignDraft& d, std::string_view list_path, std::string_view kind = {});
// Removes the element at `path` ("…criteria[2]", "award_forms[1]", "units[4]").
Outcome<Done> remove_draft_item(CampaignDraft& d, std::string_view path);
// Moves the element at `path` one place up (-1) or down (+1) in its list.
Outcome<Done> move_draft_item(CampaignDraft& d, std::string_view path, int by);
// The units that may nominate, one per line as typed or pasted from a spreadsheet column (tabs:
// the first cell). A unit already listed under the same name keeps its id and seal.
void set_units_from_lines(CampaignDraft& d, std::string_view lines);
// The units' names, one per line (what set_units_from_lines reads).
std::string units_as_lines(const CampaignDraft& d);

// Everything that keeps the draft from being published (errors) or that the secretariat should
// look at (warnings), each at the JSON path of the value to fix. `lib` holds the campaigns and
// templates of the workspace (the draft's own published versions among them).
std::vector<Finding> check_campaign_draft(const CampaignDraft& d, const Library& lib, Date today);

struct PublishedCampaign {
  std::string file_name;  // "15-KH-SNgV-2026_v1.json"
  std::string bytes;      // the sealed file
  CampaignFile file;      // as a unit's app reads it
};
// The sealed file of the draft's next version (or of the same version, when nothing changed since
// it was published). Refused while check_campaign_draft finds an error.
Outcome<PublishedCampaign> publish_draft(CampaignDraft& d, const Library& lib, Date today, Millis now);

// The draft's record ({"format":"hoso-campaign-draft",…}) and back.
nlohmann::json draft_to_json(const CampaignDraft& d);
Outcome<CampaignDraft> draft_from_json(std::string_view name, const nlohmann::json& j);

}  // namespace hoso
