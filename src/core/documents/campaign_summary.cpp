#include "core/documents/campaign_summary.hpp"

namespace hoso::doc {

namespace {
Paragraph line(Runs runs) { return Paragraph{std::move(runs), Align::left, false}; }
Paragraph labelled(std::string label, std::string value) {
  return line({bold(std::move(label) + ": "), plain(std::move(value))});
}
}  // namespace

Document campaign_summary(const Campaign& c) {
  Document doc;
  doc.title = "Tóm tắt đợt thi đua " + c.plan.number;
  doc.blocks.push_back(Title{{{plain("TÓM TẮT ĐỢT THI ĐUA")},
                              {plain("Kế hoạch số " + c.plan.number + " ngày " + to_display(c.plan.date) + " của " +
                                     c.issuer.vi)}}});
  doc.blocks.push_back(labelled("Phong trào", c.name.vi));
  if (c.kind != CampaignKind::unspecified) doc.blocks.push_back(labelled("Loại", describe(c.kind).vi));
  if (!c.theme.vi.empty()) doc.blocks.push_back(labelled("Chủ đề", c.theme.vi));
  if (!c.parent_plan.number.empty())
    doc.blocks.push_back(labelled("Căn cứ", "Kế hoạch số " + c.parent_plan.number + " ngày " +
                                               to_display(c.parent_plan.date) +
                                               (c.parent_plan.issuer.vi.empty() ? "" : " của " + c.parent_plan.issuer.vi)));
  doc.blocks.push_back(labelled("Thời gian thi đua", c.period.describe().vi));
  doc.blocks.push_back(labelled("Hạn nộp hồ sơ", c.deadline.describe().vi));
  doc.blocks.push_back(labelled("Nơi nhận hồ sơ", c.receiving_office.vi));

  doc.blocks.push_back(Heading{"HÌNH THỨC KHEN THƯỞNG VÀ TIÊU CHUẨN"});
  for (const AwardForm& form : c.award_forms) {
    const Authority a = c.authority(form.id);
    doc.blocks.push_back(line({bold(form.title().vi), plain(a.title.vi.empty() ? "" : " (" + a.title.vi + " quyết định)")}));
    for (const AwardRule& rule : form.rules) {
      const std::string who = rule.kind == NomineeKind::collective ? "Tập thể" : "Cá nhân";
      doc.blocks.push_back(line({italic(who + " — số lượng đề nghị: " +
                                        (rule.quota ? std::to_string(*rule.quota) : std::string("không quy định")))}));
      if (!rule.preamble.vi.empty()) doc.blocks.push_back(Paragraph{{plain(rule.preamble.vi)}});
      for (std::size_t k = 0; k < rule.criteria.size(); ++k)
        doc.blocks.push_back(Paragraph{{plain(std::to_string(k + 1) + ". " + rule.criteria[k].text.vi)}});
    }
  }
  if (!c.units.empty()) {
    doc.blocks.push_back(Heading{"ĐƠN VỊ ĐƯỢC ĐỀ NGHỊ"});
    for (const Unit& u : c.units) doc.blocks.push_back(line({plain("– " + u.name.vi)}));
  }
  doc.blocks.push_back(Heading{"HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"});
  doc.blocks.push_back(labelled("Số thành viên có mặt", c.voting.quorum.describe().vi));
  doc.blocks.push_back(labelled("Tỷ lệ đồng ý để đề nghị", c.voting.threshold.describe().vi));
  doc.blocks.push_back(line({italic("Tệp đợt thi đua " + c.id + ", phiên bản " + std::to_string(c.version) +
                                    ", mã kiểm tra " + c.hash + ".")}));
  return doc;
}

}  // namespace hoso::doc
