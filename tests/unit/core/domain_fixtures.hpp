#pragma once
// Shared by the domain tests: the built-in library, and a small workspace that is valid in every
// respect (zero findings), so each rule's test breaks exactly one thing.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/dossier.hpp"
#include "core/edit.hpp"
#include "core/library.hpp"
#include "core/validation.hpp"
#include "core/workspace.hpp"

namespace hoso::testing {

inline const Library& lib() {
  static const Library l = [] {
    auto r = load_builtin_library();
    if (!r) ADD_FAILURE() << r.error().describe(Language::en);
    return r ? std::move(r).value() : Library{};
  }();
  return l;
}

inline const Campaign& campaign() {
  const Campaign* c = lib().campaign(kDefaultCampaignId);
  if (!c) {
    static const Campaign empty;
    ADD_FAILURE() << "campaign 32-KH-SNgV not loaded";
    return empty;
  }
  return *c;
}

inline constexpr Date kToday{2025, 10, 1};
inline constexpr Millis kNow = 1759287600000;  // 2025-10-01T03:00:00Z = 10:00 in Vietnam
inline const EditContext kCtx{"Tester", kNow};

inline Dossier valid_individual(std::string id = "d-individual") {
  Dossier d = new_dossier(lib(), campaign(), std::move(id), NomineeKind::individual, "giay-khen-gd-so",
                          "Tester", kNow - 86400000);
  Nominee& n = d.nominee;
  n.full_name = "Nguyễn Văn An";
  n.gender = "male";
  n.birth_date = "1985-03-14";
  n.home_town = "phường Đông Kinh, tỉnh Lạng Sơn";
  n.residence = "phường Lương Văn Tri, tỉnh Lạng Sơn";
  n.unit = "Phòng Hợp tác quốc tế";
  n.position = "Chuyên viên";
  n.category = "cong_chuc";
  n.qualifications = "Cử nhân Quan hệ quốc tế";
  d.flags.no_complaint_under_verification = true;
  d.criteria["gk_cn_1"] = {true, "Không vi phạm nội quy; hoàn thành tốt nhiệm vụ năm 2024."};
  d.criteria["gk_cn_2"] = {true, "Hoàn thành 100% nhiệm vụ 10 tháng đầu năm 2025; 01 sáng kiến được công nhận."};
  d.summary =
      "Đồng chí Nguyễn Văn An luôn gương mẫu chấp hành tốt chủ trương của Đảng, chính sách pháp luật của "
      "Nhà nước; tích cực tham gia đợt thi đua đặc biệt, hoàn thành xuất sắc nhiệm vụ được giao.";
  d.report = {
      {"targets", {{{"target", "Tham mưu tổ chức các đoàn công tác đối ngoại"},
                    {"result", "Tổ chức 5 đoàn ra, 8 đoàn vào đúng quy định"},
                    {"completed", "2025-09-30"}}}},
      {"measures", "Xây dựng kế hoạch chi tiết theo tháng, phân công rõ người, rõ việc."},
      {"place", "Lạng Sơn"},
      {"date", "2025-09-30"},
  };
  return d;
}

inline Dossier valid_collective(std::string id = "d-collective") {
  Dossier d = new_dossier(lib(), campaign(), std::move(id), NomineeKind::collective, "giay-khen-gd-so",
                          "Tester", kNow - 86400000);
  Nominee& n = d.nominee;
  n.name = "Phòng Quản lý biên giới";
  n.parent_unit = "Sở Ngoại vụ tỉnh Lạng Sơn";
  n.address = "Số 2 đường Hùng Vương, phường Lương Văn Tri, tỉnh Lạng Sơn";
  n.email = "qlbg.sngv@langson.gov.vn";
  n.headcount = 8;
  n.women = 3;
  n.party_members = 6;
  n.functions = "Tham mưu quản lý nhà nước về biên giới lãnh thổ quốc gia.";
  d.flags.no_complaint_under_verification = true;
  for (const char* cid : {"gk_tt_1", "gk_tt_2", "gk_tt_3"}) d.criteria[cid] = {true, "Báo cáo kết quả công tác, có xác nhận."};
  d.summary = std::string(120, 'x');
  d.report = {
      {"targets", {{{"target", "Hoàn thành 100% nhiệm vụ"}, {"result", "Hoàn thành 100%, 30% trước hạn"}}}},
      {"measures", "Phối hợp chặt chẽ với các địa phương biên giới."},
      {"place", "Lạng Sơn"},
      {"date", "2025-09-30"},
      {"head_name", "Hoàng Văn Bình"},
  };
  return d;
}

inline Minutes valid_minutes(const std::vector<const Dossier*>& voted) {
  Minutes m = new_minutes("m-1", "phong-hop-tac-quoc-te", "Phòng Hợp tác quốc tế", kNow - 3600000);
  m.date = "2025-09-28";
  m.time = "08:00";
  m.place = "Phòng họp tầng 2";
  m.chair = "Lê Thị Cúc";
  m.secretary = "Vi Văn Đông";
  m.members_total = 9;
  m.members_present = 8;
  m.absent = {{"Hà Thị Én", "Nghỉ phép", "Đồng ý đề nghị khen thưởng các trường hợp"}};
  m.agenda = "Xét đề nghị khen thưởng trong đợt thi đua đặc biệt.";
  m.conclusion = "Thống nhất đề nghị.";
  m.closing_time = "10:30";
  for (const Dossier* d : voted) m.votes.push_back({d->id, d->award_form, 7, 1});
  return m;
}

inline Workspace valid_workspace() {
  Workspace w;
  w.settings.unit_id = "phong-hop-tac-quoc-te";
  w.settings.unit_name = "Phòng Hợp tác quốc tế";
  w.settings.author = "Tester";
  w.dossiers = {valid_individual(), valid_collective()};
  w.minutes = {valid_minutes({&w.dossiers[0], &w.dossiers[1]})};
  return w;
}

inline std::vector<Finding> check(const Workspace& w, Date today = kToday) {
  return validate(lib(), campaign(), w, today);
}

inline std::string dump(const std::vector<Finding>& fs) {
  std::string s;
  for (const auto& f : fs)
    s += std::string(to_string(f.severity)) + " " + f.owner_id + " " + f.path + " [" + std::string(f.rule) +
         "] " + f.message.vi + " | " + f.message.en + "\n";
  return s;
}

}  // namespace hoso::testing
