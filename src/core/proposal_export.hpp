#pragma once
// What leaves the secretariat after a council meeting: the proposal list as JSON
// (assets/schema/proposal-list.schema.json) and as CSV that Excel opens with the Vietnamese intact,
// and the input of the printable council documents (documents/council_documents.hpp).
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/campaign.hpp"
#include "core/council.hpp"
#include "core/documents/council_documents.hpp"
#include "core/registry.hpp"

namespace hoso {

inline constexpr std::string_view kProposalListFormat = "hoso-proposal-list";
inline constexpr int kProposalListFormatVersion = 1;

// The list as data: the campaign, the meeting (members, quorum, threshold, closed or not), and one
// entry per ballot in the result's order — the proposed ones and, with why, those that are not.
// Integers only (shares are votes over members_total), so the canonical text is the same
// everywhere. `now` is when the list was made.
nlohmann::json proposal_list_json(const Campaign& c, const CouncilMeeting& m, const MeetingResult& res,
                                  Millis now);
std::string proposal_list_text(const Campaign& c, const CouncilMeeting& m, const MeetingResult& res,
                               Millis now);  // canonical JSON

// One row per nominee on the ballot, in the result's order, columns named in Vietnamese. Bytes for
// Excel: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting (a field with a comma,
// quote, CR or LF is quoted, quotes doubled). A text field starting with = + - @ gets a leading
// apostrophe, so a name from a unit's file can never run as a formula.
std::string proposal_list_csv(const Campaign& c, const CouncilMeeting& m, const MeetingResult& res);
// One CSV field as written above (exposed for tests).
std::string csv_field(std::string_view value);
// The CSV files' shared parts: the byte order mark that starts one, and a row of fields (quoted
// as csv_field does) ended by CRLF, appended to `out`.
inline constexpr std::string_view kCsvStart = "\xEF\xBB\xBF";  // UTF-8 BOM: Excel then reads UTF-8
void csv_row(std::string& out, std::initializer_list<std::string_view> fields);

// "hoso_de-nghi_<campaign>_<yyyy-mm-dd>.<ext>": the meeting's date.
std::string proposal_file_name(const Campaign& c, const CouncilMeeting& m, std::string_view ext);

// The printable documents' input: the meeting and its ballots (proposed from the result, the
// tie-break or reason as the note). The Tờ trình's own fields (number, signer, date) keep their
// defaults; the caller sets them.
doc::CouncilSession council_document_input(const CouncilMeeting& m, const MeetingResult& res);

}  // namespace hoso
