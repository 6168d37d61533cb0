#include "core/documents/council_documents.hpp"

#include <optional>

#include "core/award.hpp"
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
  // A date not set yet (year 0) prints as dotted blanks to fill in, never as "00/00/0".
  return agency_header(c, issuer, {c.place, date.year > 0 ? std::optional<Date>(date) : std::nullopt}, std::move(number));
}

std::string in_campaign(const Campaign& c) { return c.name.vi.empty() ? std::string() : "Trong " + c.name.vi; }

Title title(std::vector<std::string> lines) {
  Title t;
  for (std::string& l : lines)
    if (!l.empty()) t.lines.push_back({plain(std::move(l))});
  return t;
}

std::string secretariat_of(const CouncilSession& s, const Campaign& c) {
  return text::trim(s.secretariat).empty() ? c.secretariat.name.vi : s.secretariat;
}

// Whether `to` decides this award form (a form the campaign does not know: the Director).
bool decided_by(const Campaign& c, const std::string& form, std::optional<Decider> to) {
  return !to || c.authority(form).decider == *to;
}

// Proposed ballots of one award form and kind.
std::vector<const CouncilBallot*> proposed(const CouncilSession& s, const std::string& form, NomineeKind kind) {
  std::vector<const CouncilBallot*> out;
  for (const CouncilBallot& b : s.ballots)
    if (b.proposed && b.award_form == form && b.kind == kind) out.push_back(&b);
  return out;
}

// The award forms with someone proposed: the campaign's in its order, then any it does not know;
// only those `to` decides when it is given.
std::vector<std::string> proposed_forms(const CouncilSession& s, const Campaign& c, std::optional<Decider> to = {}) {
  std::vector<std::string> forms;
  auto add = [&](const std::string& id) {
    if (!decided_by(c, id, to)) return;
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

std::string date_text(Date d) { return d.year > 0 ? to_display(d) : std::string(kBlank); }

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

namespace {

std::string authority_title(const CouncilSession& s, const Campaign& c, Decider to);

// The list: the council's whole result (no `to`), the one attached to the submission to `to`, or
// (with `decision`) the one attached to the Director's decision.
Document list_document(const CouncilSession& s, const Campaign& c, std::optional<Decider> to,
                       const DecisionDraft* decision = nullptr) {
  Document doc{decision ? "Danh sách khen thưởng" : "Danh sách đề nghị khen thưởng", {}};
  const bool to_parent = to == Decider::parent_head;
  const Date date = decision ? decision->date : to_parent ? s.parent_submission_date : s.submission_date;
  doc.blocks.push_back(header(c, to_parent || decision ? c.issuer.vi : secretariat_of(s, c), date));
  doc.blocks.push_back(title({"DANH SÁCH", decision ? "Tập thể, cá nhân được khen thưởng" : "Tập thể, cá nhân đề nghị khen thưởng",
                              in_campaign(c)}));
  Paragraph attached{{}, Align::center, false};
  if (decision) {
    attached.runs.push_back(italic("(Kèm theo Quyết định số "));
    for (Run& r : document_number(decision->number, "QĐ", c.issuer_abbreviation)) {
      r.italic = true;
      attached.runs.push_back(std::move(r));
    }
    attached.runs.push_back(italic(" ngày " + date_text(date) + " của " + authority_title(s, c, Decider::issuer_head) + ")"));
  } else if (to) {
    attached.runs.push_back(italic("(Kèm theo Tờ trình số "));
    for (Run& r : document_number(to_parent ? s.parent_submission_number : s.submission_number, "TTr",
                              to_parent ? c.issuer_abbreviation : c.secretariat.abbreviation)) {
      r.italic = true;
      attached.runs.push_back(std::move(r));
    }
    attached.runs.push_back(italic(" ngày " + date_text(date) + " của " + (to_parent ? c.issuer.vi : secretariat_of(s, c)) + ")"));
  } else {
    attached.runs.push_back(italic("(Theo kết quả họp " + s.council + " ngày " + date_text(s.date) + ")"));
  }
  doc.blocks.push_back(std::move(attached));

  const std::vector<std::string> forms = proposed_forms(s, c, to);
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
      t.header = {"STT", collective ? "Tên tập thể" : "Họ và tên", collective ? "Đơn vị cấp trên" : "Chức vụ, đơn vị"};
      t.widths = {kIndexWidth, 37, 37};
      t.align = {Align::center, Align::left, Align::left};
      if (decision) {
        t.widths = {kIndexWidth, 46, 100 - kIndexWidth - 46};  // a decision lists the awardees, not the votes
      } else {
        t.header.push_back("Tỷ lệ phiếu đồng ý");
        t.widths.push_back(100 - kIndexWidth - 74);
        t.align.push_back(Align::center);
      }
      for (const CouncilBallot* b : list) {
        std::string where = text::trim(b->unit);
        if (!collective && !text::trim(b->position).empty())
          where = text::trim(b->position) + (where.empty() ? "" : ", " + where);
        std::vector<Runs> row{{plain(std::to_string(t.rows.size() + 1))}, value_or_blank(b->nominee), value_or_blank(where, false)};
        if (!decision) row.push_back({plain(percent(b->votes_for, s.members_total))});
        t.rows.push_back(std::move(row));
      }
      doc.blocks.push_back(std::move(t));
    }
  }
  return doc;
}

// The authority `to` by name, from the first award form it decides ("Giám đốc Sở Ngoại vụ").
std::string authority_title(const CouncilSession& s, const Campaign& c, Decider to) {
  for (const std::string& f : proposed_forms(s, c, to)) return c.authority(f).title.vi;
  for (const AwardForm& f : c.award_forms)
    if (c.authority(f.id).decider == to) return c.authority(f.id).title.vi;
  return to == Decider::parent_head ? "Chủ tịch " + c.issuer_parent.vi : c.issuer_head.vi + " " + c.issuer.vi;
}

// "Căn cứ Luật …; Căn cứ Kế hoạch số 134/KH-UBND …; Căn cứ Kế hoạch số 32/KH-SNgV …; Căn cứ kết quả …,"
void add_bases(std::vector<Block>& out, const CouncilSession& s, const Campaign& c) {
  out.emplace_back(Paragraph{{plain("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")}});
  for (const DocumentRef* plan : {&c.parent_plan, &c.plan}) {
    if (plan->number.empty()) continue;
    out.emplace_back(Paragraph{{plain("Căn cứ Kế hoạch số " + plan->number + " ngày " + date_text(plan->date) +
                                      (plan->issuer.vi.empty() ? "" : " của " + plan->issuer.vi) + ";")}});
  }
  out.emplace_back(Paragraph{{plain("Căn cứ kết quả họp xét của " + s.council + " " + c.issuer.vi + " ngày " +
                                    date_text(s.date) + ",")}});
}

std::string count_text(std::size_t collectives, std::size_t individuals) {
  return std::to_string(collectives) + " tập thể, " + std::to_string(individuals) + " cá nhân";
}

}  // namespace

Runs document_number(std::string_view number, std::string_view kind, std::string_view abbreviation) {
  Runs out = value_or_blank(std::string(text::trim(number)));
  out.push_back(plain("/" + std::string(kind) + "-"));
  append(out, value_or_blank(std::string(text::trim(abbreviation))));
  return out;
}

Runs number_line(std::string_view number, std::string_view kind, std::string_view abbreviation) {
  Runs out{plain("Số: ")};
  append(out, document_number(number, kind, abbreviation));
  return out;
}

Document proposal_list(const CouncilSession& s, const Campaign& c) { return list_document(s, c, std::nullopt); }

Document proposal_list(const CouncilSession& s, const Campaign& c, Decider to) { return list_document(s, c, to); }

Document decision_list(const CouncilSession& s, const Campaign& c, const DecisionDraft& d) {
  return list_document(s, c, Decider::issuer_head, &d);
}

Document decision(const CouncilSession& s, const Campaign& c, const DecisionDraft& d) {
  const std::string director = authority_title(s, c, Decider::issuer_head);
  Document doc{"Quyết định khen thưởng", {}};
  doc.blocks.push_back(header(c, c.issuer.vi, d.date, number_line(d.number, "QĐ", c.issuer_abbreviation)));
  const std::vector<std::string> forms = proposed_forms(s, c, Decider::issuer_head);
  std::string awards;
  for (const std::string& f : forms) awards += (awards.empty() ? "" : ", ") + award_title(c, f);
  doc.blocks.push_back(title({"QUYẾT ĐỊNH", awards.empty() ? "Về việc khen thưởng" : "Về việc tặng " + awards, in_campaign(c)}));
  doc.blocks.push_back(Paragraph{{bold(upper(director))}, Align::center, false});
  for (const LegalBasis& b : c.decision_bases) doc.blocks.push_back(Paragraph{{plain(b.text.vi)}});
  doc.blocks.push_back(Paragraph{{plain("Căn cứ kết quả họp xét của " + s.council + " " + c.issuer.vi + " ngày " +
                                        date_text(s.date) + ";")}});
  doc.blocks.push_back(Paragraph{{plain("Theo đề nghị của " + c.secretariat.head.vi + " " + c.issuer.vi + ".")}});
  doc.blocks.push_back(Paragraph{{bold("QUYẾT ĐỊNH:")}, Align::center, false});

  std::size_t collectives = 0, individuals = 0;
  for (const std::string& f : forms) {
    collectives += proposed(s, f, NomineeKind::collective).size();
    individuals += proposed(s, f, NomineeKind::individual).size();
  }
  Paragraph one{{bold("Điều 1. "), plain("Tặng " + (awards.empty() ? std::string(kBlank) : awards) + " cho " +
                                           count_text(collectives, individuals) + " (có danh sách kèm theo) đã có thành tích "
                                           "xuất sắc" + (c.name.vi.empty() ? "" : " trong " + c.name.vi) + ".")}};
  doc.blocks.push_back(std::move(one));
  doc.blocks.push_back(Paragraph{{bold("Điều 2. "), plain("Tiền thưởng kèm theo thực hiện theo quy định hiện hành.")}});
  doc.blocks.push_back(Paragraph{{bold("Điều 3. "),
                                  plain("Quyết định này có hiệu lực kể từ ngày ký. " + c.secretariat.head.vi + " " + c.issuer.vi +
                                        ", Thủ trưởng các phòng, đơn vị thuộc " + c.issuer.vi +
                                        " và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")}});
  doc.blocks.push_back(Signatures{{"- Như Điều 3;", "- Lưu: VT, " + c.secretariat.abbreviation + "."},
                                  {{upper(c.issuer_head.vi), {}, value_or_blank(d.signer_name, false)}}});
  return doc;
}

Document payment_list(const Payment& p, const Campaign& c) {
  Document doc{"Danh sách chi tiền thưởng", {}};
  doc.blocks.push_back(header(c, c.issuer.vi, p.date));
  doc.blocks.push_back(title({"DANH SÁCH", "Chi tiền thưởng", in_campaign(c)}));
  doc.blocks.push_back(Paragraph{{italic("(Kèm theo " + p.decision + ")")}, Align::center, false});
  Table t;
  t.header = {"STT", "Tập thể, cá nhân", "Đơn vị", "Hình thức khen thưởng", "Số tiền (đồng)", "Ký nhận"};
  t.widths = {kIndexWidth, 27, 22, 20, 13, 100 - kIndexWidth - 82};
  t.align = {Align::center, Align::left, Align::left, Align::left, Align::right, Align::left};
  int n = 0;
  for (const PaymentRow& r : p.rows) {
    const std::string pos = text::trim(r.position);
    t.rows.push_back({{plain(std::to_string(++n))},
                      {plain(pos.empty() ? r.nominee : r.nominee + ", " + pos)},
                      {plain(r.unit)},
                      {plain(award_title(c, r.award_form))},
                      r.amount ? Runs{plain(hoso::money(*r.amount))} : Runs{blank()},
                      {}});
  }
  t.rows.push_back({{}, {bold("Tổng cộng")}, {}, {}, {p.complete ? bold(hoso::money(p.total)) : blank()}, {}});
  doc.blocks.push_back(std::move(t));
  doc.blocks.push_back(Paragraph{p.complete ? Runs{plain("Số tiền bằng chữ: "), italic(hoso::money_in_words(p.total) + ".")}
                                            : Runs{plain("Số tiền bằng chữ: "), blank()},
                                 Align::left, false});
  doc.blocks.push_back(Signatures{{}, {{"NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", {}},
                                       {upper(c.issuer_head.vi), "(Ký, ghi rõ họ tên)", {}}}});
  return doc;
}

Document close_report(const CloseReport& r, const Campaign& c) {
  Document doc{"Báo cáo kết quả khen thưởng", {}};
  const std::string office = secretariat_of(CouncilSession{}, c);
  doc.blocks.push_back(header(c, office, r.date, number_line("", "BC", c.secretariat.abbreviation)));
  doc.blocks.push_back(title({"BÁO CÁO", "Kết quả xét, đề nghị khen thưởng", in_campaign(c)}));
  doc.blocks.push_back(Paragraph{{plain("Kính gửi: " + authority_title(CouncilSession{}, c, Decider::issuer_head) + ".")},
                                 Align::center, false});
  doc.blocks.push_back(Paragraph{{plain(office + " báo cáo kết quả tiếp nhận, thẩm định, xét và khen thưởng" +
                                        (c.name.vi.empty() ? "" : " trong " + c.name.vi) + " như sau:")}});
  doc.blocks.push_back(Heading{"I. HỒ SƠ CÁC ĐƠN VỊ GỬI VÀ KẾT QUẢ"});
  Table t;
  t.header = {"STT", "Đơn vị", "Số hồ sơ", "Trả lại", "Hội đồng đề nghị", "Được khen thưởng", "Không được khen thưởng"};
  t.widths = {kIndexWidth, 100 - kIndexWidth - 60, 12, 12, 12, 12, 12};
  t.align = {Align::center, Align::left, Align::center, Align::center, Align::center, Align::center, Align::center};
  auto counts = [](const CloseRow& row, Runs first) {
    auto n = [](int v) { return Runs{plain(std::to_string(v))}; };
    return std::vector<Runs>{{}, std::move(first), n(row.dossiers), n(row.returned), n(row.proposed), n(row.awarded), n(row.not_awarded)};
  };
  int i = 0;
  for (const CloseRow& row : r.units) {
    std::vector<Runs> cells = counts(row, {plain(row.unit)});
    cells[0] = {plain(std::to_string(++i))};
    t.rows.push_back(std::move(cells));
  }
  std::vector<Runs> total = counts(r.total, {bold("Tổng cộng")});
  for (std::size_t k = 2; k < total.size(); ++k) total[k].front().bold = true;
  t.rows.push_back(std::move(total));
  doc.blocks.push_back(std::move(t));
  doc.blocks.push_back(Heading{"II. HỒ SƠ TRẢ LẠI"});
  if (r.returned.empty()) {
    doc.blocks.push_back(Paragraph{{plain("Không có hồ sơ nào bị trả lại.")}});
  } else {
    Table back;
    back.header = {"STT", "Tập thể, cá nhân", "Đơn vị gửi", "Lý do trả lại"};
    back.widths = {kIndexWidth, 28, 24, 100 - kIndexWidth - 52};
    back.align = {Align::center, Align::left, Align::left, Align::left};
    int k = 0;
    for (const ReturnedRow& row : r.returned)
      back.rows.push_back({{plain(std::to_string(++k))}, {plain(row.nominee)}, {plain(row.unit)}, {plain(row.reason)}});
    doc.blocks.push_back(std::move(back));
  }
  doc.blocks.push_back(Heading{"III. QUYẾT ĐỊNH KHEN THƯỞNG"});
  if (r.decisions.empty()) doc.blocks.push_back(Paragraph{{plain("Chưa có quyết định khen thưởng nào được ghi nhận.")}});
  for (const std::string& d : r.decisions) doc.blocks.push_back(Paragraph{{plain("- " + d)}});
  doc.blocks.push_back(Paragraph{{plain(office + " kính báo cáo./.")}});
  doc.blocks.push_back(Signatures{{"- Như trên;", "- Lưu: VT, " + c.secretariat.abbreviation + "."},
                                  {{upper(c.secretariat.head.vi), {}, {}}}});
  return doc;
}

Document submission(const CouncilSession& s, const Campaign& c) {
  Document doc{"Tờ trình đề nghị khen thưởng", {}};
  const std::string office = secretariat_of(s, c);
  doc.blocks.push_back(header(c, office, s.submission_date, number_line(s.submission_number, "TTr", c.secretariat.abbreviation)));
  doc.blocks.push_back(title({"TỜ TRÌNH", c.name.vi.empty() ? "Về việc đề nghị khen thưởng"
                                                           : "Về việc đề nghị khen thưởng trong " + c.name.vi}));
  const std::string director = authority_title(s, c, Decider::issuer_head);
  doc.blocks.push_back(Paragraph{{plain("Kính gửi: " + director + ".")}, Align::center, false});

  add_bases(doc.blocks, s, c);
  doc.blocks.push_back(Paragraph{{plain(office + " kính trình " + director +
                                        " xem xét, quyết định khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc" +
                                        (c.name.vi.empty() ? "" : " trong " + c.name.vi) + ", cụ thể như sau:")}});
  const std::vector<std::string> forms = proposed_forms(s, c, Decider::issuer_head);
  if (forms.empty()) doc.blocks.push_back(Paragraph{{plain("- "), blank()}});
  for (const std::string& f : forms) doc.blocks.push_back(Paragraph{{plain("- " + tally(s, c, f) + ".")}});
  doc.blocks.push_back(Paragraph{{plain("(Có danh sách và biên bản họp Hội đồng kèm theo).")}});
  // The awards the Director does not decide go up in the Department's own submission.
  const std::vector<std::string> above = proposed_forms(s, c, Decider::parent_head);
  if (!above.empty()) {
    std::string what;
    for (const std::string& f : above) what += (what.empty() ? "" : "; ") + tally(s, c, f);
    const std::string chairman = authority_title(s, c, Decider::parent_head);
    doc.blocks.push_back(Paragraph{{plain("Đối với hình thức khen thưởng thuộc thẩm quyền của " + chairman + " (" + what + "), " +
                                          office + " trình " + director + " ký Tờ trình của " + c.issuer.vi + " đề nghị " +
                                          chairman + " xem xét, quyết định.")}});
  }
  doc.blocks.push_back(Paragraph{{plain("Kính trình " + director + " xem xét, quyết định./.")}});
  const std::string signer = text::trim(s.signer_title).empty() ? upper(c.secretariat.head.vi) : s.signer_title;
  doc.blocks.push_back(Signatures{{"- Như trên;", "- Lưu: VT, " + c.secretariat.abbreviation + "."},
                                  {{signer, {}, value_or_blank(s.signer_name, false)}}});
  return doc;
}

Document submission_to_parent(const CouncilSession& s, const Campaign& c) {
  Document doc{"Tờ trình đề nghị " + authority_title(s, c, Decider::parent_head) + " khen thưởng", {}};
  doc.blocks.push_back(header(c, c.issuer.vi, s.parent_submission_date,
                              number_line(s.parent_submission_number, "TTr", c.issuer_abbreviation)));
  const std::vector<std::string> forms = proposed_forms(s, c, Decider::parent_head);
  std::string awards;
  for (const std::string& f : forms) awards += (awards.empty() ? "" : ", ") + award_title(c, f);
  if (awards.empty())
    for (const AwardForm& f : c.award_forms)
      if (c.authority(f.id).decider == Decider::parent_head) awards += (awards.empty() ? "" : ", ") + f.title().vi;
  doc.blocks.push_back(title({"TỜ TRÌNH", awards.empty() ? "Về việc đề nghị khen thưởng" : "Về việc đề nghị tặng " + awards}));
  const std::string chairman = authority_title(s, c, Decider::parent_head);
  doc.blocks.push_back(Paragraph{{plain("Kính gửi: " + chairman + ".")}, Align::center, false});
  if (!c.provincial_office.vi.empty())
    doc.blocks.push_back(Paragraph{{plain("(Qua " + c.provincial_office.vi + ")")}, Align::center, false});

  add_bases(doc.blocks, s, c);
  doc.blocks.push_back(Paragraph{{plain(c.issuer.vi + " kính trình " + chairman + " xem xét, khen thưởng cho các tập thể, cá nhân "
                                        "đã có thành tích xuất sắc" + (c.name.vi.empty() ? "" : " trong " + c.name.vi) +
                                        ", cụ thể như sau:")}});
  std::size_t collectives = 0, individuals = 0;
  if (forms.empty()) doc.blocks.push_back(Paragraph{{plain("- "), blank()}});
  for (const std::string& f : forms) {
    doc.blocks.push_back(Paragraph{{plain("- " + tally(s, c, f) + ".")}});
    collectives += proposed(s, f, NomineeKind::collective).size();
    individuals += proposed(s, f, NomineeKind::individual).size();
  }
  // What goes with it: the secretariat forwards the nominees' own dossiers.
  doc.blocks.push_back(Paragraph{{plain("Hồ sơ kèm theo gồm:")}});
  doc.blocks.push_back(Paragraph{{plain("- Danh sách tập thể, cá nhân đề nghị khen thưởng;")}});
  doc.blocks.push_back(Paragraph{{plain("- Biên bản họp xét của " + s.council + " " + c.issuer.vi + " ngày " + date_text(s.date) + ";")}});
  doc.blocks.push_back(Paragraph{{plain("- Báo cáo thành tích, tóm tắt thành tích của " + count_text(collectives, individuals) +
                                        " và biên bản họp xét của các phòng, đơn vị.")}});
  doc.blocks.push_back(Paragraph{{plain(c.issuer.vi + " kính trình " + chairman + " xem xét, quyết định./.")}});
  std::vector<std::string> recipients{"- Như trên;"};
  if (!c.provincial_office.vi.empty()) recipients.push_back("- " + c.provincial_office.vi + ";");
  recipients.push_back("- Lưu: VT, " + c.secretariat.abbreviation + ".");
  doc.blocks.push_back(Signatures{std::move(recipients), {{upper(c.issuer_head.vi), {}, value_or_blank(s.parent_signer_name, false)}}});
  return doc;
}

}  // namespace hoso::doc
