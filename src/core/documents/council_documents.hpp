#pragma once
// The secretariat's printable documents: the council session's minutes, the proposal list by
// award form, and the submissions (Tờ trình) to the authority that decides each award form
// (Campaign::authority): the Office's to the Director for his Giấy khen, the Department's to the
// Chairman of the Provincial People's Committee (through the provincial emulation office) for his
// Bằng khen, each with its own list. They take a plain struct (proposal_export.hpp fills it from a
// meeting and its result); the documents follow the unit's rules (unit_documents.hpp): blanks for
// what is required and missing.
#include <optional>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/date.hpp"
#include "core/documents/document.hpp"
#include "core/meeting.hpp"
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

struct CouncilSession : Meeting {  // who met, who was absent, the counts (meeting.hpp)
  std::string council = "Hội đồng Thi đua - Khen thưởng";  // its name, as the header prints it
  Date date;               // of the session; also the minutes' date line
  Threshold quorum{2, 3, false};
  Threshold threshold{1, 2, true};
  std::vector<CouncilBallot> ballots;

  // The Office's Tờ trình to the Director and the list attached to it.
  std::string secretariat;        // the issuing unit in the header; empty: the campaign's ("Văn phòng")
  std::string submission_number;  // the number alone, "15" (the line adds "/TTr-VP"); empty: a blank
  std::string signer_title;       // above the signature; empty: the campaign's secretariat head
  std::string signer_name;        // empty: written by hand
  Date submission_date;           // the Tờ trình's date

  // The Department's Tờ trình to the head of its parent body (the Chairman) and its list.
  std::string parent_submission_number;  // "42" (the line adds "/TTr-SNgV"); empty: a blank
  std::string parent_signer_name;        // the Director's name; empty: written by hand
  Date parent_submission_date;
};

Document council_minutes(const CouncilSession& s, const Campaign& c);
// The proposed nominees grouped by award form (in the campaign's order), collectives then
// individuals, with the share of votes of each: the council's whole result, from the Office.
Document proposal_list(const CouncilSession& s, const Campaign& c);
// The list attached to the submission to `to`: only the award forms that authority decides, from
// the body that submits (the Office to the Director, the Department to the Chairman).
Document proposal_list(const CouncilSession& s, const Campaign& c, Decider to);
// The Office's Tờ trình to the Director for the award forms he decides ("Số: …/TTr-VP").
Document submission(const CouncilSession& s, const Campaign& c);
// The Department's Tờ trình to the head of its parent (the Chairman of the Provincial People's
// Committee), through the campaign's provincial office, for the award forms he decides, with the
// dossiers it forwards ("Số: …/TTr-SNgV").
Document submission_to_parent(const CouncilSession& s, const Campaign& c);
// The draft decision (Quyết định khen thưởng) of the head of the issuer (the Director) for the
// award forms he decides, in the Decree 30/2020 layout: number line "Số: …/QĐ-SNgV", the bases
// from the campaign data (Campaign::decision_bases, then the council's session and the Office's
// proposal), the articles, the signature and, as its own document, the attached list.
struct DecisionDraft {
  std::string number;       // "120" (the line adds "/QĐ-SNgV"); empty: a blank
  Date date;                // the decision's date
  std::string signer_name;  // the Director's name; empty: written by hand
};
Document decision(const CouncilSession& s, const Campaign& c, const DecisionDraft& d);
Document decision_list(const CouncilSession& s, const Campaign& c, const DecisionDraft& d);

// The list for paying the award money of a recorded decision (danh sách chi tiền thưởng), from the
// issuer: each awardee with the form and the amount the campaign sets, a column to sign on
// receipt, the total in figures and in words, and who makes and approves it. An awardee whose
// amount is not set prints a blank to fill in.
struct PaymentRow {
  std::string nominee, position, unit, award_form;
  std::optional<long long> amount;
};
struct Payment {
  std::string decision;  // "Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ"
  Date date;             // the list's date
  std::vector<PaymentRow> rows;
  long long total = 0;
  bool complete = true;  // every row has an amount
};
Document payment_list(const Payment& p, const Campaign& c);

// The secretariat's report on the campaign's close (báo cáo kết quả), to the head of the issuer:
// a table of the dossiers each unit sent and what became of them, the returned ones with the
// reason, and the decisions recorded.
struct CloseRow {
  std::string unit;
  int dossiers = 0, returned = 0, proposed = 0, awarded = 0, not_awarded = 0;
};
struct ReturnedRow {
  std::string nominee, unit, reason;
};
struct CloseReport {
  Date date;
  std::vector<CloseRow> units;  // in the order of the units' names
  CloseRow total;
  std::vector<ReturnedRow> returned;
  std::vector<std::string> decisions;  // "Quyết định số … ngày … của …: 3 được khen thưởng, 1 không."
};
Document close_report(const CloseReport& r, const Campaign& c);
// "15/TTr-VP": the number (or a blank) and the issuing body's abbreviation (or a blank).
Runs document_number(std::string_view number, std::string_view kind, std::string_view abbreviation);
// "Số: 15/TTr-VP", the number line under the issuer in the header.
Runs number_line(std::string_view number, std::string_view kind, std::string_view abbreviation);

}  // namespace hoso::doc
