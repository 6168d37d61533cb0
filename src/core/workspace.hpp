#pragma once
// Everything one person works on: settings, the campaign, the dossiers, the unit's minutes and the
// export history. The store saves it; packages and backups serialise it.
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

struct Workspace {
  Settings settings;
  std::string campaign_id{kDefaultCampaignId};
  std::vector<Dossier> dossiers;
  std::vector<Minutes> minutes;
  ExportHistory exports;

  Dossier* dossier(std::string_view id);
  const Dossier* dossier(std::string_view id) const;
  Minutes* find_minutes(std::string_view id);
  const Minutes* find_minutes(std::string_view id) const;
  // The minutes that record a vote on this dossier (the first, if several do), or nullptr.
  const Minutes* minutes_voting_on(std::string_view dossier_id) const;
  bool operator==(const Workspace&) const = default;
};

// The vote threshold in force at the unit's review meeting: the workspace's override, else the
// campaign's unit threshold (its council threshold when it sets none).
Threshold vote_threshold(const Settings& s, const Campaign& c);

std::string_view to_string(Theme t);
std::string_view to_string(Language l);  // "vi", "en"

nlohmann::json to_json(const Settings& s);
Outcome<Settings> settings_from_json(const nlohmann::json& j, std::string_view file_name = {});
nlohmann::json to_json(const Workspace& w);
Outcome<Workspace> workspace_from_json(const nlohmann::json& j, std::string_view file_name = {});
// From text (a backup file): parse, then read. Never throws.
Outcome<Workspace> workspace_from_text(std::string_view text, std::string_view file_name = {});

}  // namespace hoso
