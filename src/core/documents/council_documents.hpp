#pragma once
// The secretariat's printable documents: the council session's minutes, the proposal list by
// award form, and a draft Tờ trình (submission) to the Director. The secretariat's data model does
// not exist yet, so these take a plain struct that its code fills; the documents then follow the
// same rules as the unit's (unit_documents.hpp): blanks for what is required and missing.
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/date.hpp"
#include "core/documents/document.hpp"
#include "core/minutes.hpp"

namespace hoso::doc {

// One nominee before the council, in the order the session took them.
struct CouncilBallot {
  std::string nominee;     // the collective's name or the person's full name
  std::string position;    // individuals: their position ("Chuyên viên"); may be empty
  std::string unit;        // the unit that nominated (individuals: their unit; collectives: its parent)
  NomineeKind kind = NomineeKind::individual;
  std::string award_form;  // the campaign's award form id
  int votes_for = 0;
  int votes_against = 0;
  bool proposed = false;   // over the threshold and within the quota: on the list to the Director
  std::string note;        // e.g. "Ưu tiên theo Điều 4: nữ" when a tie was resolved; may be empty
};

struct CouncilSession {
  std::string council = "Hội đồng Thi đua - Khen thưởng";  // its name, as the header prints it
  Date date;               // of the session; also the minutes' date line
  std::string time;        // "HH:MM" it opened
  std::string closing_time;
  std::string place;       // the meeting room
  std::string chair, secretary;
  int members_total = 0;   // shares and thresholds are counted against this
  int members_present = 0;
  std::vector<AbsentMember> absent;  // with their written opinions in `reason`
  Threshold quorum{2, 3, false};
  Threshold threshold{1, 2, true};
  std::vector<CouncilBallot> ballots;

  // The Tờ trình and the list attached to it, from the secretariat to the Director.
  std::string secretariat = "Văn phòng";        // the issuing unit in the header
  std::string submission_number;                // "15/TTr-VP"; empty: "Số: ……………"
  std::string signer_title = "CHÁNH VĂN PHÒNG"; // above the signature
  std::string signer_name;                      // empty: written by hand
  Date submission_date;                         // the Tờ trình's date
};

Document council_minutes(const CouncilSession& s, const Campaign& c);
// The proposed nominees grouped by award form (in the campaign's order), collectives then
// individuals, with the share of votes of each.
Document proposal_list(const CouncilSession& s, const Campaign& c);
Document submission(const CouncilSession& s, const Campaign& c);

}  // namespace hoso::doc
