#pragma once
// The unit's review minutes (biên bản họp xét khen thưởng): the meeting, who attended, and for each
// nominee the award form and the votes. Shares are always counted against the TOTAL members.
// Field ids equal the keys of the review-minutes template, so paths are "minutes.<field id>".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/campaign.hpp"
#include "core/date.hpp"
#include "core/dossier.hpp"
#include "core/meeting.hpp"

namespace hoso {

inline constexpr int kMinutesFormatVersion = 1;

struct Vote {  // path "minutes.votes.<dossier_id>.for"
  std::string dossier_id;
  std::string award_form;
  int votes_for = 0;      // JSON "for"
  int votes_against = 0;  // JSON "against"
  bool operator==(const Vote&) const = default;
};

struct Minutes : Meeting {  // who met, who was absent, the counts: meeting.hpp
  std::string id;
  // The campaign whose nominees it votes on. Minutes saved before a workspace held many campaigns
  // have none: they are read as the built-in Plan 32's, the only campaign there was.
  std::string campaign_id{kDefaultCampaignId};
  std::string unit_id, unit_name;
  std::string date;  // ISO when valid, else as typed
  std::string agenda, conclusion;
  std::vector<Vote> votes;   // in the order the meeting took them
  std::vector<AuditEntry> audit;
  Millis created = 0;
  Millis updated = 0;

  const Vote* vote_for(std::string_view dossier_id) const;
  Vote* vote_for(std::string_view dossier_id);
  bool operator==(const Minutes&) const = default;
};

Minutes new_minutes(std::string id, std::string unit_id, std::string unit_name, Millis now);

// The share of votes for, against total members (0 when total is not positive).
double vote_share(const Vote& v, const Minutes& m);

nlohmann::json to_json(const Minutes& m);
Outcome<Minutes> minutes_from_json(const nlohmann::json& j, std::string_view file_name = {});

}  // namespace hoso
