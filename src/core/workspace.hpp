#pragma once
// Everything one person works on: settings, the campaigns (the built-in ones plus the campaign
// files the person accepted), the active campaign, the dossiers and the unit's minutes (each
// belongs to one campaign) and the export history. The store saves it; packages and backups
// serialise it.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/campaign.hpp"
#include "core/dossier.hpp"
#include "core/minutes.hpp"
#include "core/status.hpp"

namespace hoso {

inline constexpr int kWorkspaceFormatVersion = 1;

enum class Theme { light, dark };

struct Settings {
  Language language = Language::vi;
  Role role = Role::unit;
  std::string unit_id;
  std::string unit_name;
  std::string author;  // recorded in the audit trail
  double text_scale = 1.0;  // 1 = normal; files outside 0.5 .. 4 are refused
  Theme theme = Theme::light;
  std::optional<Threshold> vote_threshold;  // overrides the campaign's when set
  bool operator==(const Settings&) const = default;
};

struct ExportHistory {
  int last_revision = 0;  // 0: never exported
  std::string last_package_id;
  std::string last_package_hash;
  std::optional<Millis> last_time;
  bool operator==(const ExportHistory&) const = default;
};

// A campaign file the person accepted (core/campaign_file.hpp), kept as it was published so that
// it reads back to the same campaign and hash. The built-in campaigns are not stored.
struct HeldCampaign {
  std::string id;
  int version = 0;
  std::string hash;        // Campaign::hash of `content`
  nlohmann::json content;  // the campaign file without its seal
  Millis accepted = 0;
  bool operator==(const HeldCampaign&) const = default;
};

// What a person decided about a campaign, beside what its dates say: closed by hand (its work
// read-only, no longer announced), or archived (also left out of the switcher).
enum class CampaignMark { closed, archived };
std::string_view to_string(CampaignMark m);  // "closed", "archived"

struct Workspace {
  // Drawn at the first export and written into every package (PackageHeader::workspace_id); kept
  // by backups (the same workspace moved), not by a package imported into another workspace.
  std::string workspace_id;
  Settings settings;
  // The active campaign: what the dashboard, dossier list, minutes and export show. Workspaces of
  // the first release hold only this field (always the built-in Plan 32).
  std::string campaign_id{kDefaultCampaignId};
  std::vector<HeldCampaign> campaigns;  // accepted campaign files, every version, in accepted order
  std::vector<Dossier> dossiers;
  std::vector<Minutes> minutes;
  ExportHistory exports;  // the active campaign's: each campaign's packages form their own chain
  // The other campaigns' histories, by campaign id; activate() swaps them with `exports`.
  std::map<std::string, ExportHistory, std::less<>> campaign_exports;
  // By campaign id; absent: as its dates say. Workspaces before 2026-12 hold none.
  std::map<std::string, CampaignMark, std::less<>> campaign_marks;

  Dossier* dossier(std::string_view id);
  const Dossier* dossier(std::string_view id) const;
  Minutes* find_minutes(std::string_view id);
  const Minutes* find_minutes(std::string_view id) const;
  // The minutes that record a vote on this dossier (the first, if several do), or nullptr.
  const Minutes* minutes_voting_on(std::string_view dossier_id) const;
  bool operator==(const Workspace&) const = default;
};

// The mark a person put on a campaign, if any.
std::optional<CampaignMark> mark_of(const Workspace& w, std::string_view campaign_id);

// Makes `campaign_id` the active campaign, bringing its export history into `exports` and
// putting the previous campaign's aside.
void activate(Workspace& w, std::string_view campaign_id);

// The vote threshold in force at the unit's review meeting: the workspace's override, else the
// campaign's unit threshold (its council threshold when it sets none).
Threshold vote_threshold(const Settings& s, const Campaign& c);

std::string_view to_string(Theme t);
std::string_view to_string(Language l);  // "vi", "en"

nlohmann::json to_json(const Settings& s);
Outcome<Settings> settings_from_json(const nlohmann::json& j, std::string_view file_name = {});
// {"format":"hoso-held-campaign","format_version":1,"accepted":"…Z","file":{…}}; reading parses
// the file again (campaign_from_json), so a damaged record is reported, never half-loaded.
nlohmann::json to_json(const HeldCampaign& h);
Outcome<HeldCampaign> held_campaign_from_json(const nlohmann::json& j, std::string_view file_name = {});
nlohmann::json to_json(const Workspace& w);
Outcome<Workspace> workspace_from_json(const nlohmann::json& j, std::string_view file_name = {});
// From text (a backup file): parse, then read. Never throws.
Outcome<Workspace> workspace_from_text(std::string_view text, std::string_view file_name = {});

}  // namespace hoso
