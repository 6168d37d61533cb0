#include "core/documents/builders.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace hoso::doc {

Paragraph labelled(std::string label, Runs value) {
  Paragraph p{{plain(std::move(label))}};
  if (!value.empty()) p.runs.push_back(plain(" "));
  append(p.runs, std::move(value));
  return p;
}

void add_lines(std::vector<Block>& out, std::string_view value) {
  const std::vector<std::string> lines = lines_of(value);
  if (lines.empty()) out.emplace_back(Paragraph{{blank()}});
  for (const std::string& l : lines) out.emplace_back(Paragraph{{plain(l)}});
}

std::string time_words(const std::string& hhmm) {
  const bool ok = hhmm.size() == 5 && hhmm[2] == ':' &&
                  std::all_of(hhmm.begin(), hhmm.end(), [](char ch) { return ch == ':' || (ch >= '0' && ch <= '9'); });
  return ok ? hhmm.substr(0, 2) + " giờ " + hhmm.substr(3) : hhmm;
}

namespace {
Runs count_or_blank(int n, bool known) { return known ? Runs{plain(std::to_string(n))} : Runs{blank()}; }
}  // namespace

Paragraph members_line(int total, int present) {
  const bool known = total > 0;
  Paragraph p = labelled("- Tổng số thành viên:", count_or_blank(total, known));
  p.runs.push_back(plain("; có mặt: " + std::to_string(present) + "; vắng mặt: "));
  append(p.runs, count_or_blank(total - present, known));
  p.runs.push_back(plain("."));
  return p;
}

Paragraph share_basis(int total) {
  Paragraph p{{plain("Tỷ lệ phiếu đồng ý tính trên tổng số ")}};
  p.runs.push_back(total > 0 ? plain(std::to_string(total)) : blank());
  p.runs.push_back(plain(" thành viên."));
  return p;
}

void append(Runs& runs, Runs more) {
  for (Run& r : more) runs.push_back(std::move(r));
}

Paragraph meeting_opening(const std::string& time, const std::string& date, const std::string& place, Runs who) {
  Paragraph p{{plain("Vào hồi ")}};
  append(p.runs, value_or_blank(time_words(time)));
  p.runs.push_back(plain(", ngày "));
  append(p.runs, value_or_blank(date));
  p.runs.push_back(plain(", tại "));
  append(p.runs, value_or_blank(place));
  p.runs.push_back(plain(", "));
  append(p.runs, std::move(who));
  p.runs.push_back(plain(" họp xét đề nghị khen thưởng."));
  return p;
}

void add_participants(std::vector<Block>& out, const std::string& chair, const std::string& secretary, int total,
                      int present, const std::vector<AbsentMember>& absent) {
  out.emplace_back(labelled("- Chủ trì:", value_or_blank(chair)));
  out.emplace_back(labelled("- Thư ký:", value_or_blank(secretary)));
  out.emplace_back(members_line(total, present));
  for (const AbsentMember& a : absent) {
    Paragraph p = labelled("+ Vắng mặt:", value_or_blank(a.name));
    p.runs.push_back(plain(" - lý do: "));
    append(p.runs, value_or_blank(a.reason));
    // A written opinion counts among the votes (the share is of all members), so it is printed.
    if (!text::trim(a.opinion).empty()) p.runs.push_back(plain("; ý kiến bằng văn bản: " + text::trim(a.opinion)));
    out.emplace_back(std::move(p));
  }
}

void add_closing(std::vector<Block>& out, const std::string& closing_time, const std::string& secretary,
                 const std::string& chair) {
  Paragraph closing{{plain("Cuộc họp kết thúc vào hồi ")}};
  append(closing.runs, value_or_blank(time_words(closing_time)));
  closing.runs.push_back(plain(" cùng ngày./."));
  out.emplace_back(std::move(closing));
  const std::string note = "(Ký, ghi rõ họ và tên)";
  out.emplace_back(Signatures{{}, {{"THƯ KÝ", note, value_or_blank(secretary)}, {"CHỦ TRÌ", note, value_or_blank(chair)}}});
}

}  // namespace hoso::doc
