#pragma once
// The authority's decision (quyết định khen thưởng), recorded in the register: its number, date and
// signer, who was awarded and who was not. The council proposes (council.hpp); the Director decides
// the awards the campaign gives him, the Chairman of the Provincial People's Committee the others
// (Campaign::authority). When the signed decision comes back, the secretariat records it here:
// every proposed dossier it answers goes to "awarded" or "not awarded", audited with the
// decision's number, and keeps a link to it, so the register, the exports and the award history
// can say which decision gave the award.
//
// Pure like the rest of the core: time and author come from the caller (EditContext).
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/campaign.hpp"
#include "core/registry.hpp"

namespace hoso {

// A proposed dossier the decision of `decider` answers: on a closed meeting's list, its award form
// decided by that authority, and still proposed (or already answered by `decision_id`).
struct AwardCandidate {
  std::string dossier_id;
  std::string award_form;
  std::string nominee;  // display_name
  std::string unit;     // the sending unit's name
  Status status = Status::proposed;
};

// The dossiers `meeting_id` proposed whose award form `decider` decides, in the meeting's result
// order (award form, collectives then people, rank). Dossiers answered by another decision and
// those no longer proposed are left out.
std::vector<AwardCandidate> award_candidates(const Campaign& c, const Register& r, std::string_view meeting_id,
                                             Decider decider);

// The next free id: "qd-1", "qd-2", ...
std::string next_award_id(const Register& r);

// Records a signed decision. Refused, with what to fix, when: the number, the date or the signer is
// missing; the date is not a real date or lies in the future of `today`; the meeting is unknown or
// not closed; a dossier it lists is not a candidate of that meeting and decider; it awards nobody;
// the same decider already has a decision with that number. Every candidate in `awarded` goes to
// "awarded", every other candidate to "not awarded" (the reason names the decision), and the
// decision is kept in Register::awards. `d.not_awarded`, `recorded` and `recorded_by` are filled
// here.
Outcome<RegisterChanges> record_award(Register& r, const Campaign& c, AwardDecision d, Date today,
                                      const EditContext& ctx);

// Takes a recorded decision back (a mistaken number, the wrong list): its dossiers go back to
// "proposed" (audited), the decision leaves Register::awards, and the act is logged in
// Register::log with the reason. A reason is required.
Outcome<RegisterChanges> withdraw_award(Register& r, std::string_view award_id, std::string_view reason,
                                        const EditContext& ctx);

// "Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ" (the authority's title
// from the campaign).
Bilingual describe(const AwardDecision& d, const Campaign& c);

nlohmann::json to_json(const AwardDecision& d);
Outcome<AwardDecision> award_from_json(const nlohmann::json& j, std::string_view file_name = {});

}  // namespace hoso
