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

namespace hoso {

inline constexpr int kMinutesFormatVersion = 1;

struct AbsentMember {
  std::string name;
  std::string reason;
  // Their written opinion on the nominees. Non-empty: the member sent one and it is counted among
  // the votes cast, as the council counts it (the share is of all members, so absent members vote
  // in writing). Older minutes kept the opinion in `reason`; they load with this empty.
  std::string opinion;
  bool operator==(const AbsentMember&) const = default;
};

struct Vote {  // path "minutes.votes.<dossier_id>.for"
  std::string dossier_id;
  std::string award_form;
  int votes_for = 0;      // JSON "for"
  int votes_against = 0;  // JSON "against"
  bool operator==(const Vote&) const = default;
};

struct Minutes {
  std::string id;
  // The campaign whose nominees it votes on. Minutes saved before a workspace held many campaigns
  // have none: they are read as the built-in Plan 32's, the only campaign there was.
  std::string campaign_id{kDefaultCampaignId};
  std::string unit_id, unit_name;
  std::string date;  // ISO when valid, else as typed
  std::string time;  // "HH:MM"
  std::string place, chair, secretary;
  int members_total = 0;
  int members_present = 0;
  std::vector<AbsentMember> absent;
  std::string agenda, conclusion;
  std::string closing_time;  // "HH:MM"
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
bool meets_threshold(const Vote& v, const Minutes& m, const Threshold& t);
bool has_quorum(const Minutes& m, const Threshold& quorum);
// Members present plus absent members who sent a written opinion (never more than the total when
// it is known): the most votes the meeting can count on one nominee.
int members_who_could_vote(const Minutes& m);

nlohmann::json to_json(const Minutes& m);
Outcome<Minutes> minutes_from_json(const nlohmann::json& j, std::string_view file_name = {});

}  // namespace hoso
