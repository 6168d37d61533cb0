#include "core/documents/council_documents.hpp"

#include "core/documents/builders.hpp"
#include "core/documents/unit_documents.hpp"
#include "core/text.hpp"

namespace hoso::doc {

namespace {

std::string roman(int n) {  // section numbers: I, II, … (n < 40 in practice)
  static constexpr std::pair<int, const char*> digits[] = {{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
  std::string out;
  for (const auto& [v, s] : digits)
    for (; n >= v; n -= v) out += s;
  return out;
}

std::string who(const CouncilBallot& b) {
  const std::string pos = text::trim(b.position);
  return b.kind == NomineeKind::individual && !pos.empty() && !b.nominee.empty() ? b.nominee + ", " + pos : b.nominee;
}

NationalHeader header(const Campaign& c, const std::string& issuer, Date date, Runs number = {}) {
  return agency_header(c, issuer, {c.place, date}, std::move(number));
}

std::string in_campaign(const Campaign& c) { return c.name.vi.empty() ? std::string() : "Trong " + c.name.vi; }

Title title(std::vector<std::string> lines) {
  Title t;
  for (std::string& l : lines)
    if (!l.empty()) t.lines.push_back({plain(std::move(l))});
  return t;
}

// Proposed ballots of one award form and kind.
std::vector<const CouncilBallot*> proposed(const CouncilSession& s, const std::string& form, NomineeKind kind) {
  std::vector<const CouncilBallot*> out;
  for (const CouncilBallot& b : s.ballots)
    if (b.proposed && b.award_form == form && b.kind == kind) out.push_back(&b);
  return out;
}

// The award forms with someone proposed: the campaign's in its order, then any it does not know.
std::vector<std::string> proposed_forms(const CouncilSession& s, const Campaign& c) {
  std::vector<std::string> forms;
  auto add = [&](const std::string& id) {
    for (const std::string& f : forms)
      if (f == id) return;
    for (const CouncilBallot& b : s.ballots)
      if (b.proposed && b.award_form == id) return forms.push_back(id);
  };
  for (const AwardForm& f : c.award_forms) add(f.id);
  for (const CouncilBallot& b : s.ballots) add(b.award_form);
  return forms;
}

// "Giấy khen của Giám đốc Sở: 1 tập thể, 3 cá nhân"
std::string tally(const CouncilSession& s, const Campaign& c, const std::string& form) {
  return award_name(c, form) + ": " + std::to_string(proposed(s, form, NomineeKind::collective).size()) +
         " tập thể, " + std::to_string(proposed(s, form, NomineeKind::individual).size()) + " cá nhân";
}

std::string date_text(Date d) { return to_display(d); }

}  // namespace

Document council_minutes(const CouncilSession& s, const Campaign& c) {
  Document doc{"Biên bản họp " + s.council, {}};
  doc.blocks.push_back(header(c, s.council, s.date));
  doc.blocks.push_back(title({"BIÊN BẢN", "Họp " + s.council + " xét đề nghị khen thưởng", in_campaign(c)}));

  doc.blocks.push_back(meeting_opening(s.time, date_text(s.date), s.place, {plain(s.council + " " + c.issuer.vi)}));
  doc.blocks.push_back(Heading{"I. THÀNH PHẦN"});
  add_participants(doc.blocks, s.chair, s.secretary, s.members_total, s.members_present, s.absent);
  if (s.members_total > 0) {
    const bool quorum = s.quorum.met(s.members_present, s.members_total);
    doc.blocks.push_back(Paragraph{{plain("Số thành viên có mặt " + std::to_string(s.members_present) + "/" +
                                          std::to_string(s.members_total) + " (yêu cầu: " + s.quorum.describe().vi +
                                          "): cuộc họp " + (quorum ? "đủ" : "không đủ") + " điều kiện tiến hành.")}});
  }

  doc.blocks.push_back(Heading{"II. NỘI DUNG"});
  doc.blocks.push_back(Paragraph{{plain("Hội đồng xem xét hồ sơ đề nghị khen thưởng của các tập thể, cá nhân do các "
                                        "phòng, đơn vị trình và biểu quyết từng trường hợp. Tiêu chuẩn đề nghị: số phiếu "
                                        "đồng ý đạt " + s.threshold.describe().vi + ".")}});

  doc.blocks.push_back(Heading{"III. KẾT QUẢ BIỂU QUYẾT"});
  doc.blocks.push_back(share_basis(s.members_total));
  if (s.ballots.empty()) {
    doc.blocks.push_back(Paragraph{{blank()}});
  } else {
    Table t;
    t.header = {"STT", "Tập thể, cá nhân", "Hình thức khen thưởng", "Đồng ý", "Không đồng ý", "Tỷ lệ đồng ý", "Kết quả"};
    t.widths = {kIndexWidth, 26, 17, 11, 11, 11, 100 - kIndexWidth - 76};
    t.align = {Align::center, Align::left, Align::left, Align::center, Align::center, Align::center, Align::left};
    for (const CouncilBallot& b : s.ballots) {
      Runs nominee = value_or_blank(who(b));
      if (!text::trim(b.unit).empty()) nominee.push_back(plain(std::string("\n").append(text::trim(b.unit))));
      std::string result = b.proposed ? "Đề nghị" : "Không đề nghị";
      if (!text::trim(b.note).empty()) result += "\n(" + text::trim(b.note) + ")";
      t.rows.push_back({{plain(std::to_string(t.rows.size() + 1))}, std::move(nominee),
                        value_or_blank(award_name(c, b.award_form)), {plain(std::to_string(b.votes_for))},
                        {plain(std::to_string(b.votes_against))}, {plain(percent(b.votes_for, s.members_total))},
                        {plain(result)}});
    }
    doc.blocks.push_back(std::move(t));
  }

  doc.blocks.push_back(Heading{"IV. KẾT LUẬN"});
  const std::vector<std::string> forms = proposed_forms(s, c);
  if (forms.empty())
    doc.blocks.push_back(Paragraph{{plain("Không có tập thể, cá nhân nào đạt tiêu chuẩn đề nghị khen thưởng.")}});
  for (const std::string& f : forms)
    doc.blocks.push_back(Paragraph{{plain("Hội đồng thống nhất đề nghị khen thưởng " + tally(s, c, f) + " (có danh sách kèm theo).")}});
  add_closing(doc.blocks, s.closing_time, s.secretary, s.chair);
  return doc;
}

Document proposal_list(const CouncilSession& s, const Campaign& c) {
  Document doc{"Danh sách đề nghị khen thưởng", {}};
  doc.blocks.push_back(header(c, s.secretariat, s.submission_date));
  doc.blocks.push_back(title({"DANH SÁCH", "Tập thể, cá nhân đề nghị khen thưởng", in_campaign(c)}));
  Paragraph attached{{italic("(Kèm theo Tờ trình số ")}, Align::center, false};
  for (Run& r : value_or_blank(s.submission_number)) {
    r.italic = true;
    attached.runs.push_back(std::move(r));
  }
  attached.runs.push_back(italic(" ngày " + date_text(s.submission_date) + ")"));
  doc.blocks.push_back(std::move(attached));

  const std::vector<std::string> forms = proposed_forms(s, c);
  if (forms.empty()) doc.blocks.push_back(Paragraph{{plain("Không có tập thể, cá nhân nào được đề nghị khen thưởng.")}});
  int section = 0;
  for (const std::string& f : forms) {
    doc.blocks.push_back(Heading{roman(++section) + ". " + upper(award_title(c, f))});
    int part = 0;
    for (NomineeKind kind : {NomineeKind::collective, NomineeKind::individual}) {
      const std::vector<const CouncilBallot*> list = proposed(s, f, kind);
      if (list.empty()) continue;
      const bool collective = kind == NomineeKind::collective;
      doc.blocks.push_back(Paragraph{{bold(std::to_string(++part) + ". " + kind_name(c, kind) + " (" +
                                           std::to_string(list.size()) + ")")}});
      Table t;
      t.header = {"STT", collective ? "Tên tập thể" : "Họ và tên", collective ? "Đơn vị cấp trên" : "Chức vụ, đơn vị",
                  "Tỷ lệ phiếu đồng ý"};
      t.widths = {kIndexWidth, 37, 37, 100 - kIndexWidth - 74};
      t.align = {Align::center, Align::left, Align::left, Align::center};
      for (const CouncilBallot* b : list) {
        std::string where = text::trim(b->unit);
        if (!collective && !text::trim(b->position).empty())
          where = text::trim(b->position) + (where.empty() ? "" : ", " + where);
        t.rows.push_back({{plain(std::to_string(t.rows.size() + 1))}, value_or_blank(b->nominee),
                          value_or_blank(where, false), {plain(percent(b->votes_for, s.members_total))}});
      }
      doc.blocks.push_back(std::move(t));
    }
  }
  return doc;
}

Document submission(const CouncilSession& s, const Campaign& c) {
  Document doc{"Tờ trình đề nghị khen thưởng", {}};
  Runs number{plain("Số: ")};
  append(number, value_or_blank(s.submission_number));
  doc.blocks.push_back(header(c, s.secretariat, s.submission_date, std::move(number)));
  doc.blocks.push_back(title({"TỜ TRÌNH", c.name.vi.empty() ? "Về việc đề nghị khen thưởng"
                                                           : "Về việc đề nghị khen thưởng trong " + c.name.vi}));
  const std::string director = "Giám đốc " + c.issuer.vi;
  doc.blocks.push_back(Paragraph{{plain("Kính gửi: " + director + ".")}, Align::center, false});

  doc.blocks.push_back(Paragraph{{plain("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")}});
  for (const DocumentRef* plan : {&c.parent_plan, &c.plan}) {
    if (plan->number.empty()) continue;
    doc.blocks.push_back(Paragraph{{plain("Căn cứ Kế hoạch số " + plan->number + " ngày " + date_text(plan->date) +
                                          (plan->issuer.vi.empty() ? "" : " của " + plan->issuer.vi) + ";")}});
  }
  doc.blocks.push_back(Paragraph{{plain("Căn cứ kết quả họp xét của " + s.council + " ngày " + date_text(s.date) + ",")}});
  doc.blocks.push_back(Paragraph{{plain(s.secretariat + " kính trình " + director +
                                        " xem xét, quyết định khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc" +
                                        (c.name.vi.empty() ? "" : " trong " + c.name.vi) + ", cụ thể như sau:")}});
  const std::vector<std::string> forms = proposed_forms(s, c);
  if (forms.empty()) doc.blocks.push_back(Paragraph{{plain("- "), blank()}});
  for (const std::string& f : forms) doc.blocks.push_back(Paragraph{{plain("- " + tally(s, c, f) + ".")}});
  doc.blocks.push_back(Paragraph{{plain("(Có danh sách và biên bản họp Hội đồng kèm theo).")}});
  doc.blocks.push_back(Paragraph{{plain("Kính trình " + director + " xem xét, quyết định./.")}});
  doc.blocks.push_back(Signatures{{"- Như trên;", "- Lưu: VT."}, {{s.signer_title, {}, value_or_blank(s.signer_name, false)}}});
  return doc;
}

}  // namespace hoso::doc
