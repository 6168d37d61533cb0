#pragma once
// A meeting that votes against its total members: the unit's review meeting (minutes.hpp: Minutes)
// and the emulation council's session (registry.hpp: CouncilMeeting) are both one. They share
// who met, who was absent and why, the written opinions of absent members, and how a share and
// the quorum are counted: always against the TOTAL members (Plan 32, Decree 152/2025), so absent
// members vote in writing.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/campaign.hpp"
#include "core/json_in.hpp"

namespace hoso {

struct AbsentMember {
  std::string name;
  std::string reason;
  // Their written opinion on the nominees. Non-empty: the member sent one and it is counted among
  // the votes cast (the share is of all members). The unit's minutes of the first releases kept
  // the opinion in `reason`; they load with this empty.
  std::string opinion;
  bool operator==(const AbsentMember&) const = default;
};

struct Meeting {
  std::string time, closing_time;  // "HH:MM"
  std::string place, chair, secretary;
  int members_total = 0;  // shares, the quorum and the threshold count against this
  int members_present = 0;
  std::vector<AbsentMember> absent;
  bool operator==(const Meeting&) const = default;
};

// Members present plus absent members who sent a written opinion (never more than the total when
// it is known): the most ballots the meeting can count on one nominee.
int members_who_could_vote(const Meeting& m);
bool has_quorum(const Meeting& m, const Threshold& quorum);
bool meets_threshold(int votes_for, const Meeting& m, const Threshold& t);

// Its members in a record (time, closing_time, place, chair, secretary, members_total,
// members_present, absent). The unit's minutes leave an empty opinion out, so that the files the
// first releases read stay as they were; the council's records always write it.
enum class OpinionWhenEmpty { left_out, written };
void write_meeting(nlohmann::json& j, const Meeting& m, OpinionWhenEmpty empty_opinion);
// Reads them back; the counts are required in the council's records, optional in the minutes.
void read_meeting(json_in::Reader& r, const nlohmann::json& j, Meeting& m, bool counts_required);

}  // namespace hoso
