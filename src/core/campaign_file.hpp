#pragma once
// A published campaign file: what a secretariat sends its units so they can work on a campaign
// without a new build of the app. It is the campaign JSON of assets/schema/campaign.schema.json
// ("format": "hoso-campaign"), optionally sealed with "content_sha256": the SHA-256 of the
// canonical JSON of the file without that member, so the hash a unit sees in the preview is the
// one the secretariat published (the same value as Campaign::hash of the built-in campaigns).
//
// read_campaign_file is stricter than the loader of the built-in campaigns: it refuses, with a
// message that names what is wrong, anything a unit should not start working on — an oversized
// file, broken JSON, a file of another kind (a package, a backup…), a seal that does not match, a
// deadline before the competition period, and criteria still marked as placeholders.
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/campaign.hpp"

namespace hoso {

inline constexpr std::string_view kCampaignFormat = "hoso-campaign";
// A real campaign file is tens of kilobytes; a megabyte leaves room for long unit lists.
inline constexpr std::size_t kMaxCampaignFileBytes = std::size_t{1} << 20;

struct CampaignFile {
  Campaign campaign;
  nlohmann::json content;  // the file's JSON without "content_sha256": what the workspace keeps
};

// Never throws; nothing outside the result is changed.
Outcome<CampaignFile> read_campaign_file(std::string_view file_name, std::string_view bytes);

// The hash a campaign file is sealed with: SHA-256 of its canonical JSON without "content_sha256".
std::string campaign_content_hash(const nlohmann::json& content);
// The file to publish: canonical JSON with "content_sha256" set.
std::string seal_campaign_file(const nlohmann::json& content);

// True when an award form still has placeholder criteria (the plan refers to a text nobody has
// entered yet): nobody may be nominated for it until a corrected version of the campaign comes.
bool has_placeholder_criteria(const AwardForm& form);

// Where a campaign stands on `today`. `superseded`: the workspace holds another campaign that is
// still open, so a campaign past its deadline is closed (read-only, still printable). A person
// may also close a campaign, or archive it (closed, and out of the switcher): core/campaigns.hpp.
enum class CampaignState { open, past_deadline, closed, archived };
CampaignState campaign_state(const Campaign& c, Date today, bool superseded);
std::string_view to_string(CampaignState s);  // "open", "past_deadline", "closed", "archived"

}  // namespace hoso
