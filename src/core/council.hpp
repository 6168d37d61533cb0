#pragma once
// The council's meeting (phiên họp Hội đồng Thi đua - Khen thưởng): who attended, the ballots on
// each eligible nominee, and the result — who meets the threshold (counted against the TOTAL
// members), ranked by share, within the quota per award form and kind, ties broken as Decree
// 98/152 Art. 4 says (women; collectives with at least 70% women) and shown as such.
// The meeting's data is CouncilMeeting (registry.hpp); this is what is computed from it and how it
// changes: freely while open, with a reason per change once closed.
#include <string>
#include <string_view>
#include <vector>

#include "core/bilingual.hpp"
#include "core/campaign.hpp"
#include "core/registry.hpp"
#include "core/registry_view.hpp"

namespace hoso {

// A new, open meeting on `date`: the campaign's quorum and threshold, and a vote row (0 / 0) for
// every eligible dossier of the view, collectives first, then people, in Vietnamese order.
CouncilMeeting new_meeting(const Campaign& c, const Registry& r, const RegistryView& v, std::string id,
                           Date date, Millis now);

enum class BallotOutcome {
  proposed,         // meets the threshold and is within the quota: on the list to the Director
  over_quota,       // meets the threshold, but the quota is filled by higher shares (or Art. 4)
  tied,             // meets the threshold, equal with others for the last places: the council decides
  below_threshold,  // short of the threshold, counted against the total members
  not_eligible,     // not an eligible dossier of the register (unknown, returned, ...)
  invalid_votes,    // more ballots than members who could cast them
  no_quorum,        // the meeting had no quorum: nothing is decided
};
std::string_view to_string(BallotOutcome o);
Bilingual outcome_label(BallotOutcome o);  // "Đề nghị" / "Proposed", ...

// Which rule decided a nominee's place against others with the same share, at the quota's edge.
enum class TieBreak {
  none,              // no tie at the edge of the quota
  women,             // Art. 4: a woman is preferred among individuals with the same share
  women_collective,  // Art. 4: a collective with at least 70% women is preferred
  unresolved,        // a true tie: the same share and the same priority; stays a tie
};
std::string_view to_string(TieBreak t);
Bilingual tie_break_label(TieBreak t);  // "Ưu tiên theo Điều 4: nữ" / "Art. 4 priority: a woman"

// Art. 4's priority: a woman; a collective whose women are at least 70% of its headcount.
bool has_priority(const Nominee& n);

struct BallotResult {
  std::string dossier_id;
  std::string award_form;
  NomineeKind kind = NomineeKind::individual;
  std::string nominee;   // display_name; empty when the register has no such dossier
  std::string position;  // individuals
  std::string unit;      // individuals: their unit; collectives: the parent unit
  std::string sender_unit_id, sender_unit_name;  // the unit that nominated
  int votes_for = 0;
  int votes_against = 0;
  // 1-based within award form and kind among those meeting the threshold; equal votes share a
  // rank ("2, 2, 4"). 0 when not ranked.
  int rank = 0;
  bool priority = false;  // has_priority()
  BallotOutcome outcome = BallotOutcome::no_quorum;
  TieBreak tie_break = TieBreak::none;
  Bilingual why;  // "8/9 thành viên đồng ý (88,9%), trong số lượng 3." ...
  // Once the authority's decision is recorded (award.hpp): awarded or not, and which decision.
  Status status = Status::received;  // the register's status of the dossier
  std::string decision_number;       // "120/QĐ-SNgV"; empty until a decision answers it
  Date decision_date;
};

struct MeetingResult {
  bool decided = false;  // quorum reached and the counts make sense
  Bilingual why;         // when not decided: no quorum, present > total, no members
  // Award forms in the campaign's order, collectives then individuals, then by rank (ties in
  // meeting order); ballots whose form the campaign lacks last.
  std::vector<BallotResult> ballots;
  int count(BallotOutcome o) const;
};

// The result of a meeting, from its data and the register's dossiers and statuses (a vote on a
// dossier that is not eligible counts as not_eligible — unless a closed meeting made it proposed
// and a decision may since have awarded it or not). Ballots are invalid when for + against exceeds
// the members present plus the absent members' written opinions.
MeetingResult meeting_result(const Campaign& c, const Registry& r, const CouncilMeeting& m);

// Adds or replaces a meeting with the edited copy. Open: replaced as is. Closed: `reason` is
// required and every changed value is recorded in its corrections (who, when, what, old -> new,
// why); the statuses follow the new result (see close_meeting). `closed`, `closed_at`,
// `corrections` and `created` of the edited copy are ignored: they change only here.
Outcome<RegistryChanges> save_meeting(Registry& r, const Campaign& c, CouncilMeeting edited,
                                      std::string_view reason, const EditContext& ctx);

// Closes the meeting with its result: the proposed nominees go from eligible to proposed (on the
// council's list to the Director); a nominee proposed by this meeting before a correction that
// took it off goes back to eligible. A meeting without a quorum can be closed too: the record
// says it decided nothing, and no status changes. Closing twice is refused.
Outcome<RegistryChanges> close_meeting(Registry& r, const Campaign& c, std::string_view id,
                                       const EditContext& ctx);

nlohmann::json to_json(const CouncilMeeting& m);
Outcome<CouncilMeeting> meeting_from_json(const nlohmann::json& j, std::string_view file_name = {});

}  // namespace hoso
