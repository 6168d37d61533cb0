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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/campaign.hpp"
#include "core/documents/certificates.hpp"
#include "core/documents/council_documents.hpp"
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
std::vector<AwardCandidate> award_candidates(const Campaign& c, const Registry& r, std::string_view meeting_id,
                                             Decider decider);

// The next free id: "qd-1", "qd-2", ...
std::string next_award_id(const Registry& r);

// Records a signed decision. Refused, with what to fix, when: the number, the date or the signer is
// missing; the date is not a real date or lies in the future of `today`; the meeting is unknown or
// not closed; a dossier it lists is not a candidate of that meeting and decider; it awards nobody;
// the same decider already has a decision with that number. Every candidate in `awarded` goes to
// "awarded", every other candidate to "not awarded" (the reason names the decision), and the
// decision is kept in Registry::awards. `d.not_awarded`, `recorded` and `recorded_by` are filled
// here.
Outcome<RegistryChanges> record_award(Registry& r, const Campaign& c, AwardDecision d, Date today,
                                      const EditContext& ctx);

// Takes a recorded decision back (a mistaken number, the wrong list): its dossiers go back to
// "proposed" (audited), the decision leaves Registry::awards, and the act is logged in
// Registry::log with the reason. A reason is required.
Outcome<RegistryChanges> withdraw_award(Registry& r, std::string_view award_id, std::string_view reason,
                                        const EditContext& ctx);

// The authority as the campaign names it for the first award form `decider` decides; nullopt when
// it decides none.
std::optional<Authority> authority_of(const Campaign& c, Decider decider);

// "Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ" (the authority's title
// from the campaign).
Bilingual describe(const AwardDecision& d, const Campaign& c);

// ---- the award history -------------------------------------------------------------------------

// Awards recorded for this nominee (the same nominee_key), in any campaign, oldest first.
std::vector<const AwardRecord*> history_of(const Registry& r, const Nominee& n);
// Records whose name, unit, award form, decision or campaign contain every word of `query`,
// without diacritics ("tran minh ha" finds "Trần Minh Hà"); newest first. An empty query: all.
std::vector<const AwardRecord*> search_history(const Registry& r, std::string_view query);
nlohmann::json history_json(const std::vector<AwardRecord>& h);
Outcome<std::vector<AwardRecord>> history_from_json(const nlohmann::json& j, std::string_view file_name = {});

// ---- award money (tiền thưởng) -----------------------------------------------------------------

// One awardee of a decision and the money that goes with the award (Campaign: AwardRule::prize).
struct PaymentLine {
  std::string dossier_id;
  std::string nominee;   // display_name
  std::string position;  // individuals; may be empty
  std::string unit;      // individuals: their unit; collectives: the parent unit
  NomineeKind kind = NomineeKind::individual;
  std::string award_form;
  std::optional<long long> amount;  // dong; nullopt when the campaign sets none for this form and kind
};

struct PaymentList {
  std::string decision_id;
  Bilingual decision;  // describe() of the decision
  std::vector<PaymentLine> lines;  // the decision's awardees, in its order
  long long total = 0;             // of the amounts set
  int without_amount = 0;          // lines the campaign gives no amount for
};
PaymentList payment_list(const Campaign& c, const Registry& r, const AwardDecision& d);

// The printable list's input (documents/council_documents.hpp), dated `date`.
doc::Payment payment_document_input(const PaymentList& p, Date date);

// "1.410.000" (dots between thousands, as Vietnamese amounts are written).
std::string money(long long dong);
// "Một triệu bốn trăm mười nghìn đồng" (Vietnamese reading of an amount, for "Bằng chữ:").
std::string money_in_words(long long dong);
// One row per awardee and a total, columns named in Vietnamese; bytes for Excel as
// proposal_list_csv writes them (BOM, CRLF, RFC 4180 quoting, no formulas).
std::string payment_list_csv(const Campaign& c, const PaymentList& p);
// "hoso_chi-tien-thuong_<decision number slug>.<ext>"
std::string payment_file_name(const AwardDecision& d, std::string_view ext);

// ---- certificates (Giấy khen) ---------------------------------------------------------------------

// The certificates of a decision of the issuer's head, one per awardee in the decision's order:
// "Bà …" / "Ông …" for people (by their recorded gender), the collective's name; position and
// unit; the achievement in the campaign; the decision's number and date; place and date; the
// signer. Empty for the Chairman's decisions (the province prints its Bằng khen).
std::vector<doc::Certificate> certificates(const Campaign& c, const Registry& r, const AwardDecision& d);
doc::CertificateFrame certificate_frame(const Campaign& c, const AwardDecision& d);

// Keeps the secretariat's alignment of the certificates' lines. Refused when a line would leave
// the sheet (doc::layout_problem).
Outcome<RegistryChanges> set_certificate_layout(Registry& r, const doc::CertificateLayout& l);

// ---- the campaign's close ------------------------------------------------------------------------

// What the campaign came to, per sending unit and in all: the dossiers in force, returned (with
// the reasons), proposed by the council, awarded and not awarded; and every decision recorded.
doc::CloseReport close_report(const Campaign& c, const Registry& r, Date date);

// Closes the campaign's register: from then on nothing in it changes (intake, statuses, meetings,
// decisions) until it is reopened. Logged. Refused when already closed.
Outcome<RegistryChanges> close_campaign(Registry& r, const EditContext& ctx);
// Reopens a closed register, with a reason (logged). Refused when it is open or without a reason.
Outcome<RegistryChanges> reopen_campaign(Registry& r, std::string_view reason, const EditContext& ctx);

nlohmann::json to_json(const AwardDecision& d);
Outcome<AwardDecision> award_from_json(const nlohmann::json& j, std::string_view file_name = {});

}  // namespace hoso
