#include "core/proposal_export.hpp"

#include "core/canonical_json.hpp"
#include "core/registry_detail.hpp"
#include "core/text.hpp"

namespace hoso {

using nlohmann::json;
using namespace registry_detail;

namespace {

json threshold_json(const Threshold& t) {
  return {{"numerator", t.numerator}, {"denominator", t.denominator}, {"strict", t.strict}};
}

std::string iso_or_empty(Date d) { return d.year ? to_iso(d) : std::string(); }

// The authority's answer, once its decision is recorded; null before.
json award_json(const BallotResult& b) {
  if (b.decision_number.empty()) return nullptr;
  return {{"awarded", b.status == Status::awarded}, {"decision_number", b.decision_number},
          {"decision_date", iso_or_empty(b.decision_date)}};
}

std::string award_cell(const BallotResult& b) {
  if (b.decision_number.empty()) return {};
  return b.status == Status::awarded ? "Được khen thưởng" : "Không được khen thưởng";
}

}  // namespace

json proposal_list_json(const Campaign& c, const CouncilMeeting& m, const MeetingResult& res, Millis now) {
  int opinions = 0;
  for (const AbsentMember& a : m.absent)
    if (!text::trim(a.opinion).empty()) ++opinions;
  json nominees = json::array();
  for (const BallotResult& b : res.ballots)
    nominees.push_back({{"dossier_id", b.dossier_id},
                        {"award_form", b.award_form},
                        {"award_form_name", form_name(c, b.award_form).vi},
                        {"kind", to_string(b.kind)},
                        {"nominee", b.nominee},
                        {"position", b.position},
                        {"unit", b.unit},
                        {"sender", {{"unit_id", b.sender_unit_id}, {"unit_name", b.sender_unit_name}}},
                        {"votes_for", b.votes_for},
                        {"votes_against", b.votes_against},
                        {"rank", b.rank > 0 ? json(b.rank) : json(nullptr)},
                        {"priority", b.priority},
                        {"outcome", to_string(b.outcome)},
                        {"tie_break", to_string(b.tie_break)},
                        {"why_vi", b.why.vi},
                        {"why_en", b.why.en},
                        {"award", award_json(b)}});
  return {{"format", kProposalListFormat},
          {"format_version", kProposalListFormatVersion},
          {"created", to_iso_instant(whole_seconds(now))},
          {"campaign", {{"id", c.id}, {"version", c.version}, {"hash", c.hash}, {"name", c.name.vi}}},
          {"meeting",
           {{"id", m.id},
            {"council", m.council},
            {"date", iso_or_empty(m.date)},
            {"members_total", m.members_total},
            {"members_present", m.members_present},
            {"written_opinions", opinions},
            {"quorum", threshold_json(m.quorum)},
            {"threshold", threshold_json(m.threshold)},
            {"closed", m.closed},
            {"decided", res.decided},
            {"why_vi", res.why.vi},
            {"why_en", res.why.en}}},
          {"nominees", std::move(nominees)}};
}

std::string proposal_list_text(const Campaign& c, const CouncilMeeting& m, const MeetingResult& res, Millis now) {
  return canonical_dump(proposal_list_json(c, m, res, now));
}

std::string csv_field(std::string_view value) {
  std::string v(value);
  // Excel runs a cell starting with one of these as a formula; names come from units' files.
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char ch : v) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

void csv_row(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) out += ',';
    out += csv_field(f);
    first = false;
  }
  out += "\r\n";
}

std::string proposal_list_csv(const Campaign& c, const CouncilMeeting& m, const MeetingResult& res) {
  std::string out(kCsvStart);
  auto row = [&out](std::initializer_list<std::string_view> fields) { csv_row(out, fields); };
  row({"STT", "Hình thức khen thưởng", "Đối tượng", "Tên tập thể / Họ và tên", "Chức vụ", "Đơn vị", "Đơn vị đề nghị",
       "Số phiếu đồng ý", "Số phiếu không đồng ý", "Tổng số thành viên", "Tỷ lệ đồng ý", "Xếp hạng", "Kết quả",
       "Ưu tiên (Điều 4)", "Ghi chú", "Khen thưởng", "Số quyết định", "Ngày quyết định"});
  int n = 0;
  const std::string total = std::to_string(m.members_total);
  for (const BallotResult& b : res.ballots) {
    const std::string index = std::to_string(++n), yes = std::to_string(b.votes_for), no = std::to_string(b.votes_against),
                      rank = b.rank > 0 ? std::to_string(b.rank) : std::string();
    row({index, form_name(c, b.award_form).vi, b.kind == NomineeKind::collective ? "Tập thể" : "Cá nhân", b.nominee,
         b.position, b.unit, b.sender_unit_name, yes, no, total, percent(b.votes_for, m.members_total).vi, rank,
         outcome_label(b.outcome).vi, tie_break_label(b.tie_break).vi, b.why.vi, award_cell(b), b.decision_number,
         b.decision_date.year ? to_display(b.decision_date) : std::string()});
  }
  return out;
}

std::string proposal_file_name(const Campaign& c, const CouncilMeeting& m, std::string_view ext) {
  std::string id = c.id;
  for (char& ch : id)
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')) ch = '-';
  return "hoso_de-nghi_" + id + "_" + (m.date.year ? to_iso(m.date) : std::string("chua-co-ngay")) + "." + std::string(ext);
}

doc::CouncilSession council_document_input(const CouncilMeeting& m, const MeetingResult& res) {
  doc::CouncilSession s;
  s.council = m.council;
  s.date = m.date;
  s.submission_date = m.date;
  static_cast<Meeting&>(s) = m;  // who met, who was absent, the counts
  s.quorum = m.quorum;
  s.threshold = m.threshold;
  // In the order the council took them, as the minutes record it.
  for (const CouncilVote& v : m.votes)
    for (const BallotResult& b : res.ballots) {
      if (b.dossier_id != v.dossier_id) continue;
      const bool proposed = b.outcome == BallotOutcome::proposed;
      std::string note = b.tie_break != TieBreak::none ? tie_break_label(b.tie_break).vi
                         : proposed                      ? std::string()
                                                         : outcome_label(b.outcome).vi;
      // The one an Art. 4 priority put behind: its own outcome first, so the printed minutes do not
      // read as if the priority were its own ("Không đề nghị (Ưu tiên theo Điều 4: nữ)" for a man).
      if (!proposed && (b.tie_break == TieBreak::women || b.tie_break == TieBreak::women_collective))
        note = outcome_label(b.outcome).vi + "; cùng số phiếu, ưu tiên theo Điều 4 cho " +
               (b.tie_break == TieBreak::women ? "nữ" : "tập thể có từ 70% nữ trở lên");
      s.ballots.push_back({b.nominee, b.position, b.unit, b.kind, b.award_form, b.votes_for, b.votes_against, proposed, std::move(note)});
      break;
    }
  return s;
}

}  // namespace hoso
