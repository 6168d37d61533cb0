// The council's meeting (core/council.hpp): thresholds against TOTAL members, quorum, written
// opinions, ranking, quota, Art. 4 tie-breaks, and the meeting's life (open, closed, corrected).
#include "core/council.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "registry_fixtures.hpp"

namespace hoso {
namespace {

using testing::campaign;
using testing::kSecretariat;

#define EXPECT_CONTAINS(haystack, needle) EXPECT_NE(std::string(haystack).find(needle), std::string::npos) << (haystack)

Dossier person(const std::string& id, const std::string& name, bool woman, const std::string& form = "giay-khen-gd-so") {
  Dossier d = testing::valid_individual(id);
  d.nominee.full_name = name;
  d.nominee.gender = woman ? "female" : "male";
  d.award_form = form;
  return d;
}

Dossier group(const std::string& id, const std::string& name, int headcount, int women) {
  Dossier d = testing::valid_collective(id);
  d.nominee.name = name;
  d.nominee.headcount = headcount;
  d.nominee.women = women;
  return d;
}

// A register whose one revision holds these dossiers, all eligible.
Register register_with(const std::vector<Dossier>& dossiers) {
  Register r = testing::empty_register();
  PackageRevision p;
  p.header.id = testing::uuid_for(1);
  p.header.revision = 1;
  p.header.content_hash = std::string(64, 'a');
  p.header.sender = {"phong-hop-tac-quoc-te", "Phòng Hợp tác quốc tế"};
  p.dossiers = dossiers;
  r.revisions.push_back(p);
  for (const Dossier& d : dossiers) r.decisions.push_back({d.id, Status::eligible, "", {}});
  return r;
}

CouncilMeeting meeting(int total, int present, std::vector<CouncilVote> votes) {
  CouncilMeeting m;
  m.id = "hd-1";
  m.date = {2025, 11, 5};
  m.members_total = total;
  m.members_present = present;
  m.votes = std::move(votes);
  return m;
}

const BallotResult& of(const MeetingResult& res, const std::string& id) {
  for (const BallotResult& b : res.ballots)
    if (b.dossier_id == id) return b;
  static const BallotResult none;
  ADD_FAILURE() << "no ballot " << id;
  return none;
}

TEST(Council, ThresholdCountsAgainstTotalMembers) {
  const Register r = register_with({person("a", "Nguyễn Văn An", false), person("b", "Trần Văn Bình", false)});
  // 9 members, 6 present (quorum 2/3 met). 5 of 9 is more than half; 4 of 9 is not, though it is
  // two thirds of those present.
  const MeetingResult res = meeting_result(campaign(), r, meeting(9, 6, {{"a", 5, 1}, {"b", 4, 2}}));
  ASSERT_TRUE(res.decided);
  EXPECT_EQ(of(res, "a").outcome, BallotOutcome::proposed);
  EXPECT_EQ(of(res, "b").outcome, BallotOutcome::below_threshold);
  EXPECT_EQ(of(res, "b").why.vi, "4/9 thành viên đồng ý (44,4%), chưa đạt quá nửa tổng số thành viên.");
  EXPECT_EQ(of(res, "a").why.en, "5/9 members for (55.6%); within the quota of 3.");
  EXPECT_EQ(of(res, "b").rank, 0);
}

TEST(Council, NoQuorumNoResult) {
  const Register r = register_with({person("a", "Nguyễn Văn An", false)});
  const MeetingResult res = meeting_result(campaign(), r, meeting(9, 5, {{"a", 5, 0}}));
  EXPECT_FALSE(res.decided);
  EXPECT_EQ(res.why.vi, "Có mặt 5/9 thành viên, chưa đạt từ 2/3 tổng số thành viên trở lên: phiên họp không đủ điều kiện biểu quyết, không có kết quả.");
  EXPECT_EQ(of(res, "a").outcome, BallotOutcome::no_quorum);
  EXPECT_EQ(res.count(BallotOutcome::proposed), 0);
  EXPECT_TRUE(meeting_result(campaign(), r, meeting(9, 6, {{"a", 5, 0}})).decided);  // 6/9 = 2/3 exactly
  EXPECT_FALSE(meeting_result(campaign(), r, meeting(0, 0, {})).decided);
  EXPECT_FALSE(meeting_result(campaign(), r, meeting(9, 10, {})).decided);
}

TEST(Council, WrittenOpinionsCountAsBallots) {
  const Register r = register_with({person("a", "Nguyễn Văn An", false), person("b", "Trần Văn Bình", false)});
  CouncilMeeting m = meeting(9, 6, {{"a", 7, 0}, {"b", 6, 2}});
  m.absent = {{"Hà Thị Én", "Đi công tác", "Đồng ý cả hai trường hợp"}, {"Lò Văn Phúc", "Ốm", ""}, {"Vi Thị Gấm", "Nghỉ phép", ""}};
  MeetingResult res = meeting_result(campaign(), r, m);
  EXPECT_EQ(of(res, "a").outcome, BallotOutcome::proposed);  // 6 present + 1 written opinion
  EXPECT_EQ(of(res, "b").outcome, BallotOutcome::invalid_votes);  // 8 ballots, 7 could vote
  EXPECT_CONTAINS(of(res, "b").why.en, "exceed the members who could vote (7");
}

TEST(Council, RankingAndQuota) {
  std::vector<Dossier> ds;
  std::vector<CouncilVote> votes;
  const char* names[] = {"Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường", "Phạm Văn Dũng", "Hoàng Văn Giang"};
  for (int i = 0; i < 5; ++i) {
    ds.push_back(person("p" + std::to_string(i), names[i], false));
    votes.push_back({"p" + std::to_string(i), 5 + i, 0});  // 5, 6, 7, 8, 9 votes of 9
  }
  const MeetingResult res = meeting_result(campaign(), register_with(ds), meeting(9, 9, votes));
  ASSERT_EQ(res.ballots.size(), 5u);
  // Ranked by share; three within the quota for individuals.
  EXPECT_EQ(res.ballots[0].dossier_id, "p4");
  EXPECT_EQ(res.ballots[0].rank, 1);
  EXPECT_EQ(res.ballots[2].dossier_id, "p2");
  EXPECT_EQ(res.ballots[2].outcome, BallotOutcome::proposed);
  EXPECT_EQ(res.ballots[3].dossier_id, "p1");
  EXPECT_EQ(res.ballots[3].rank, 4);
  EXPECT_EQ(res.ballots[3].outcome, BallotOutcome::over_quota);
  EXPECT_EQ(res.ballots[3].why.vi, "6/9 thành viên đồng ý (66,7%); vượt số lượng 3: đã đủ người có tỷ lệ cao hơn.");
  EXPECT_EQ(res.ballots[4].dossier_id, "p0");
  EXPECT_EQ(res.ballots[4].outcome, BallotOutcome::over_quota);
  EXPECT_EQ(res.count(BallotOutcome::proposed), 3);
  for (const BallotResult& b : res.ballots) EXPECT_EQ(b.tie_break, TieBreak::none);
}

TEST(Council, TieAtTheEdgeGoesToAWoman) {
  const Register r = register_with({person("a", "Nguyễn Văn An", false), person("b", "Trần Văn Bình", false),
                                    person("m", "Lê Văn Cường", false), person("f", "Phạm Thị Dung", true)});
  const MeetingResult res = meeting_result(campaign(), r, meeting(9, 9, {{"a", 9, 0}, {"b", 8, 0}, {"m", 7, 2}, {"f", 7, 2}}));
  EXPECT_EQ(of(res, "f").outcome, BallotOutcome::proposed);
  EXPECT_EQ(of(res, "f").tie_break, TieBreak::women);
  EXPECT_TRUE(of(res, "f").priority);
  EXPECT_EQ(of(res, "m").outcome, BallotOutcome::over_quota);
  EXPECT_EQ(of(res, "m").tie_break, TieBreak::women);
  EXPECT_EQ(of(res, "f").rank, 3);
  EXPECT_EQ(of(res, "m").rank, 3);  // equal votes share a rank; the rule decided, and says so
  EXPECT_EQ(of(res, "f").why.vi, "7/9 thành viên đồng ý (77,8%); bằng phiếu ở vị trí cuối, được chọn do Ưu tiên theo Điều 4: nữ.");
  EXPECT_EQ(res.ballots[2].dossier_id, "f");  // the woman before the man she was preferred to
  EXPECT_EQ(res.ballots[3].dossier_id, "m");
}

TEST(Council, TrueTieStaysATie) {
  // Two women tied for the last place: priority cannot separate them.
  const Register r = register_with({person("a", "Nguyễn Văn An", false), person("b", "Trần Văn Bình", false),
                                    person("f1", "Lê Thị Cúc", true), person("f2", "Phạm Thị Dung", true)});
  MeetingResult res = meeting_result(campaign(), r, meeting(9, 9, {{"a", 9, 0}, {"b", 8, 0}, {"f1", 7, 2}, {"f2", 7, 2}}));
  for (const char* id : {"f1", "f2"}) {
    EXPECT_EQ(of(res, id).outcome, BallotOutcome::tied) << id;
    EXPECT_EQ(of(res, id).tie_break, TieBreak::unresolved);
    EXPECT_CONTAINS(of(res, id).why.vi, "Hội đồng cần quyết định");
  }
  EXPECT_EQ(res.count(BallotOutcome::proposed), 2);
  EXPECT_EQ(tie_break_label(TieBreak::unresolved).en, "A true tie: same share, same priority");

  // Three tied for two places, one a woman: she is in, the two men still tie for the last.
  const Register r2 = register_with({person("a", "Nguyễn Văn An", false), person("f", "Lê Thị Cúc", true),
                                     person("m1", "Trần Văn Bình", false), person("m2", "Phạm Văn Dũng", false)});
  res = meeting_result(campaign(), r2, meeting(9, 9, {{"a", 9, 0}, {"f", 7, 0}, {"m1", 7, 0}, {"m2", 7, 0}}));
  EXPECT_EQ(of(res, "f").outcome, BallotOutcome::proposed);
  EXPECT_EQ(of(res, "f").tie_break, TieBreak::women);
  EXPECT_EQ(of(res, "m1").outcome, BallotOutcome::tied);
  EXPECT_EQ(of(res, "m2").outcome, BallotOutcome::tied);

  // Equal votes that all fit in the quota: no tie to break.
  res = meeting_result(campaign(), r2, meeting(9, 9, {{"a", 9, 0}, {"f", 7, 0}, {"m1", 7, 0}}));
  EXPECT_EQ(res.count(BallotOutcome::proposed), 3);
  for (const BallotResult& b : res.ballots) EXPECT_EQ(b.tie_break, TieBreak::none);
}

TEST(Council, CollectivesWithSeventyPercentWomenArePreferred) {
  EXPECT_TRUE(has_priority(group("x", "X", 10, 7).nominee));  // exactly 70%
  EXPECT_FALSE(has_priority(group("x", "X", 10, 6).nominee));
  EXPECT_FALSE(has_priority(group("x", "X", 0, 0).nominee));
  const Register r = register_with({group("g1", "Phòng Quản lý biên giới", 10, 6), group("g2", "Văn phòng Sở", 10, 7)});
  // The quota for collectives is 1.
  const MeetingResult res = meeting_result(campaign(), r, meeting(9, 9, {{"g1", 8, 1}, {"g2", 8, 1}}));
  EXPECT_EQ(of(res, "g2").outcome, BallotOutcome::proposed);
  EXPECT_EQ(of(res, "g2").tie_break, TieBreak::women_collective);
  EXPECT_EQ(of(res, "g1").outcome, BallotOutcome::over_quota);
  EXPECT_EQ(of(res, "g1").tie_break, TieBreak::women_collective);
  EXPECT_EQ(tie_break_label(TieBreak::women_collective).vi, "Ưu tiên theo Điều 4: tập thể có từ 70% nữ trở lên");
}

TEST(Council, OrderAndFormsWithoutQuota) {
  const Register r = register_with({person("i1", "Nguyễn Văn An", false), group("g1", "Văn phòng Sở", 10, 2),
                                    person("b1", "Lê Văn Cường", false, "bang-khen-ct-ubnd"),
                                    person("b2", "Trần Văn Bình", false, "bang-khen-ct-ubnd"),
                                    person("b3", "Phạm Văn Dũng", false, "bang-khen-ct-ubnd"),
                                    person("b4", "Hoàng Văn Giang", false, "bang-khen-ct-ubnd")});
  Register changed = r;
  changed.decisions[0].status = Status::returned;
  const MeetingResult res = meeting_result(
      campaign(), changed, meeting(9, 9, {{"b1", 6, 0}, {"i1", 9, 0}, {"b2", 7, 0}, {"g1", 6, 0}, {"b3", 8, 0}, {"b4", 2, 0}, {"zz", 9, 0}}));
  std::vector<std::string> order;
  for (const BallotResult& b : res.ballots) order.push_back(b.dossier_id);
  // Giấy khen (collective, then individual), then Bằng khen by votes; below threshold, then the
  // rest, last in their group.
  EXPECT_EQ(order, (std::vector<std::string>{"g1", "i1", "b3", "b2", "b1", "b4", "zz"}));
  EXPECT_EQ(of(res, "i1").outcome, BallotOutcome::not_eligible);  // returned
  EXPECT_EQ(of(res, "zz").outcome, BallotOutcome::not_eligible);  // unknown
  for (const char* id : {"b1", "b2", "b3"}) EXPECT_EQ(of(res, id).outcome, BallotOutcome::proposed) << id;
  EXPECT_EQ(of(res, "b1").why.en, "6/9 members for (66.7%); no quota set.");
  EXPECT_EQ(of(res, "b4").outcome, BallotOutcome::below_threshold);
  EXPECT_EQ(of(res, "g1").sender_unit_name, "Phòng Hợp tác quốc tế");
  EXPECT_EQ(of(res, "g1").unit, "Sở Ngoại vụ tỉnh Lạng Sơn");
}

TEST(Council, NewMeetingListsTheEligible) {
  const BuiltPackage p = testing::export_package(testing::unit_workspace("thanh-tra", "Thanh tra Sở", 5, 4), testing::kSent, 1);
  Register r = testing::empty_register();
  testing::take_in(r, {testing::incoming(p)});
  const RegisterView v = testing::view_of(r);
  ASSERT_TRUE(set_status(r, v, p.workspace.dossiers[1].id, Status::eligible, "", kSecretariat).ok());
  ASSERT_TRUE(set_status(r, v, p.workspace.dossiers[3].id, Status::eligible, "", kSecretariat).ok());
  const CouncilMeeting m = new_meeting(campaign(), r, testing::view_of(r), "hd-2025", {2025, 11, 5}, kSecretariat.now);
  EXPECT_EQ(m.quorum, campaign().voting.quorum);
  EXPECT_EQ(m.threshold, campaign().voting.threshold);
  ASSERT_EQ(m.votes.size(), 2u);
  EXPECT_FALSE(m.closed);
}

TEST(Council, LifeOfAMeeting) {
  Register r = register_with({person("a", "Nguyễn Văn An", false), person("b", "Trần Văn Bình", false)});
  CouncilMeeting m = meeting(9, 7, {{"a", 6, 1}, {"b", 4, 3}});
  auto added = save_meeting(r, campaign(), m, "", kSecretariat);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->meetings, std::vector<std::string>{"hd-1"});
  // Open: corrected freely, nothing recorded.
  m.place = "Phòng họp số 1";
  m.votes[1].votes_for = 5;
  m.votes[1].votes_against = 2;
  ASSERT_TRUE(save_meeting(r, campaign(), m, "", kSecretariat).ok());
  EXPECT_TRUE(r.meeting("hd-1")->corrections.empty());
  EXPECT_TRUE(save_meeting(r, campaign(), m, "", kSecretariat)->empty());  // unchanged

  auto closed = close_meeting(r, campaign(), "hd-1", kSecretariat);
  ASSERT_TRUE(closed.ok());
  EXPECT_TRUE(r.meeting("hd-1")->closed);
  EXPECT_EQ(status_of(r, "a"), Status::proposed);
  EXPECT_EQ(status_of(r, "b"), Status::proposed);
  EXPECT_EQ(closed->decisions.size(), 2u);
  EXPECT_FALSE(close_meeting(r, campaign(), "hd-1", kSecretariat).ok());

  // Closed: a change needs a reason, is recorded value by value, and the statuses follow.
  m.votes[1].votes_for = 4;
  m.votes[1].votes_against = 3;
  m.chair = "Lê Thị Cúc";
  auto no_reason = save_meeting(r, campaign(), m, "", kSecretariat);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().what.vi, "Phiên họp đã kết thúc: cần ghi lý do sửa.");
  const EditContext later{"Chánh Văn phòng", kSecretariat.now + 3600000};
  auto fixed = save_meeting(r, campaign(), m, "Nhập nhầm số phiếu của ông Bình.", later);
  ASSERT_TRUE(fixed.ok()) << fixed.error().describe(Language::en);
  const CouncilMeeting& now = *r.meeting("hd-1");
  ASSERT_EQ(now.corrections.size(), 2u);
  EXPECT_EQ(now.corrections[0].subject, "meetings/hd-1.chair");
  EXPECT_EQ(now.corrections[1].subject, "meetings/hd-1.votes.b");
  EXPECT_EQ(now.corrections[1].old_value, (nlohmann::json{{"for", 5}, {"against", 2}}));
  EXPECT_EQ(now.corrections[1].new_value, (nlohmann::json{{"for", 4}, {"against", 3}}));
  EXPECT_EQ(now.corrections[1].reason, "Nhập nhầm số phiếu của ông Bình.");
  EXPECT_EQ(now.corrections[1].author, "Chánh Văn phòng");
  EXPECT_TRUE(now.closed);
  EXPECT_EQ(status_of(r, "b"), Status::eligible);  // 4/9: off the list
  EXPECT_EQ(status_of(r, "a"), Status::proposed);

  // The record keeps everything.
  auto back = meeting_from_json(nlohmann::json::parse(to_json(now).dump()));
  ASSERT_TRUE(back.ok()) << back.error().describe(Language::en);
  EXPECT_EQ(*back, now);
  nlohmann::json bad = to_json(now);
  bad["threshold"]["denominator"] = 0;
  EXPECT_EQ(meeting_from_json(bad).error().path, "threshold");
}

}  // namespace
}  // namespace hoso
