#pragma once
// Pieces the unit's and the council's documents share (internal to src/core/documents).
#include <string>
#include <string_view>
#include <vector>

#include "core/documents/document.hpp"
#include "core/minutes.hpp"

namespace hoso::doc {

// Width of the "STT" (row number) column of every table, in per cent.
inline constexpr int kIndexWidth = 8;

// "- Chủ trì: Lê Thị Cúc": the label, a space, the value (nothing after the label if empty).
Paragraph labelled(std::string label, Runs value);
// Paragraphs of a multi-line value; one dotted blank when it is empty (these are required).
void add_lines(std::vector<Block>& out, std::string_view value);
// "08:00" -> "08 giờ 00"; anything else as typed.
std::string time_words(const std::string& hhmm);
// "- Tổng số thành viên: 9; có mặt: 8; vắng mặt: 1." with blanks for a missing total.
Paragraph members_line(int total, int present);
// "Tỷ lệ phiếu đồng ý tính trên tổng số 9 thành viên." (the law counts shares on all members).
Paragraph share_basis(int total);
// Appends `more` to `runs`.
void append(Runs& runs, Runs more);

// Minutes of a meeting, the unit's or the council's, share these parts.
// "Vào hồi 08 giờ 00, ngày 28/09/2025, tại Phòng họp, <who> họp xét đề nghị khen thưởng."
Paragraph meeting_opening(const std::string& time, const std::string& date, const std::string& place, Runs who);
// Chair, secretary, members in total, present and absent, then each absent member and why.
void add_participants(std::vector<Block>& out, const std::string& chair, const std::string& secretary, int total,
                      int present, const std::vector<AbsentMember>& absent);
// "Cuộc họp kết thúc vào hồi 10 giờ 30 cùng ngày./." and the secretary's and chair's signatures.
void add_closing(std::vector<Block>& out, const std::string& closing_time, const std::string& secretary,
                 const std::string& chair);

}  // namespace hoso::doc
