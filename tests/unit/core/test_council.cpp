// The council's meeting (core/council.hpp): thresholds against TOTAL members, quorum, written
// opinions, ranking, quota, Art. 4 tie-breaks, the meeting's life (open, closed, corrected), and
// the authority's decision recorded on what it proposed (core/award.hpp).
#include "core/council.hpp"

#include <gtest/gtest.h>

#include "core/award.hpp"
#include "core/documents/html.hpp"
#include "core/proposal_export.hpp"

#include <string>
#include <vector>

#include "registry_fixtures.hpp"
#include "core/registry_view.hpp"

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
Registry registry_with(const std::vector<Dossier>& dossiers) {
  Registry r = testing::empty_registry();
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
  const Registry r = registry_with({person("a", "Nguyễn Văn An", false), person("b", "Trần Văn Bình", false)});
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
  const Registry r = registry_with({person("a", "Nguyễn Văn An", false)});
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
  const Registry r = registry_with({person("a", "Nguyễn Văn An", false), person("b", "Trần Văn Bình", false)});
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
  const MeetingResult res = meeting_result(campaign(), registry_with(ds), meeting(9, 9, votes));
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
  const Registry r = registry_with({person("a", "Nguyễn Văn An", false), person("b", "Trần Văn Bình", false),
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
  const Registry r = registry_with({person("a", "Nguyễn Văn An", false), person("b", "Trần Văn Bình", false),
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
  const Registry r2 = registry_with({person("a", "Nguyễn Văn An", false), person("f", "Lê Thị Cúc", true),
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
  const Registry r = registry_with({group("g1", "Phòng Quản lý biên giới", 10, 6), group("g2", "Văn phòng Sở", 10, 7)});
  // The quota for collectives is 1.
  const MeetingResult res = meeting_result(campaign(), r, meeting(9, 9, {{"g1", 8, 1}, {"g2", 8, 1}}));
  EXPECT_EQ(of(res, "g2").outcome, BallotOutcome::proposed);
  EXPECT_EQ(of(res, "g2").tie_break, TieBreak::women_collective);
  EXPECT_EQ(of(res, "g1").outcome, BallotOutcome::over_quota);
  EXPECT_EQ(of(res, "g1").tie_break, TieBreak::women_collective);
  EXPECT_EQ(tie_break_label(TieBreak::women_collective).vi, "Ưu tiên theo Điều 4: tập thể có từ 70% nữ trở lên");
}

TEST(Council, OrderAndFormsWithoutQuota) {
  const Registry r = registry_with({person("i1", "Nguyễn Văn An", false), group("g1", "Văn phòng Sở", 10, 2),
                                    person("b1", "Lê Văn Cường", false, "bang-khen-ct-ubnd"),
                                    person("b2", "Trần Văn Bình", false, "bang-khen-ct-ubnd"),
                                    person("b3", "Phạm Văn Dũng", false, "bang-khen-ct-ubnd"),
                                    person("b4", "Hoàng Văn Giang", false, "bang-khen-ct-ubnd")});
  Registry changed = r;
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
  Registry r = testing::empty_registry();
  testing::take_in(r, {testing::incoming(p)});
  const RegistryView v = testing::view_of(r);
  ASSERT_TRUE(set_status(r, v, p.workspace.dossiers[1].id, Status::eligible, "", kSecretariat).ok());
  ASSERT_TRUE(set_status(r, v, p.workspace.dossiers[3].id, Status::eligible, "", kSecretariat).ok());
  const CouncilMeeting m = new_meeting(campaign(), r, testing::view_of(r), "hd-2025", {2025, 11, 5}, kSecretariat.now);
  EXPECT_EQ(m.quorum, campaign().voting.quorum);
  EXPECT_EQ(m.threshold, campaign().voting.threshold);
  ASSERT_EQ(m.votes.size(), 2u);
  EXPECT_FALSE(m.closed);
}

TEST(Council, LifeOfAMeeting) {
  Registry r = registry_with({person("a", "Nguyễn Văn An", false), person("b", "Trần Văn Bình", false)});
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

// ---- the authority's decision (award.hpp) -------------------------------------------------------

// Three people for the Director's Giấy khen, one for the Chairman's Bằng khen, all proposed by a
// closed meeting.
Registry proposed_registry() {
  Registry r = registry_with({person("a", "Nguyễn Văn An", false), person("b", "Trần Văn Bình", false),
                              person("c", "Lê Văn Cường", false), person("d", "Phạm Thị Dung", true, "bang-khen-ct-ubnd")});
  EXPECT_TRUE(save_meeting(r, campaign(), meeting(9, 9, {{"a", 9, 0}, {"b", 8, 1}, {"c", 7, 2}, {"d", 9, 0}}), "", kSecretariat).ok());
  return r;
}

AwardDecision director_decision(std::vector<std::string> awarded) {
  AwardDecision d;
  d.decider = Decider::issuer_head;
  d.number = " 120/QĐ-SNgV ";
  d.date = {2025, 11, 20};
  d.signer = "Hoàng Văn Sơn";
  d.meeting_id = "hd-1";
  d.awarded = std::move(awarded);
  return d;
}

constexpr Date kToday{2025, 11, 25};

std::vector<std::string> ids_of(const std::vector<AwardCandidate>& list) {
  std::vector<std::string> out;
  for (const AwardCandidate& a : list) out.push_back(a.dossier_id);
  return out;
}

TEST(Award, CandidatesAreTheMeetingsProposalsForThatAuthority) {
  Registry r = proposed_registry();
  EXPECT_TRUE(award_candidates(campaign(), r, "hd-1", Decider::issuer_head).empty());  // not closed yet
  ASSERT_TRUE(close_meeting(r, campaign(), "hd-1", kSecretariat).ok());
  EXPECT_EQ(ids_of(award_candidates(campaign(), r, "hd-1", Decider::issuer_head)), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(ids_of(award_candidates(campaign(), r, "hd-1", Decider::parent_head)), std::vector<std::string>{"d"});
  EXPECT_TRUE(award_candidates(campaign(), r, "hd-9", Decider::issuer_head).empty());
}

TEST(Award, RefusesWhatIsMissingOrWrong) {
  Registry r = proposed_registry();
  auto refused = [&](AwardDecision d, Date today = kToday) {
    auto out = record_award(r, campaign(), std::move(d), today, kSecretariat);
    return out.ok() ? std::string("ok") : out.error().path + ": " + out.error().what.vi;
  };
  EXPECT_EQ(refused(director_decision({"a"})),
            "meeting_id: Phiên họp Hội đồng chưa kết thúc: hãy kết thúc phiên họp trước khi ghi nhận quyết định.");
  ASSERT_TRUE(close_meeting(r, campaign(), "hd-1", kSecretariat).ok());
  AwardDecision d = director_decision({"a"});
  d.number = "  ";
  EXPECT_EQ(refused(d), "number: Hãy nhập số của quyết định, như trên bản đã ký (ví dụ 120/QĐ-SNgV).");
  d = director_decision({"a"});
  d.date = {};
  EXPECT_EQ(refused(d), "date: Hãy nhập ngày ký quyết định.");
  d.date = {2025, 2, 30};
  EXPECT_EQ(refused(d), "date: Hãy nhập ngày ký quyết định.");
  EXPECT_EQ(refused(director_decision({"a"}), {2025, 11, 19}), "date: Ngày quyết định 20/11/2025 ở sau hôm nay (19/11/2025).");
  d = director_decision({"a"});
  d.signer = "";
  EXPECT_EQ(refused(d), "signer: Hãy nhập họ tên người ký quyết định.");
  EXPECT_EQ(refused(director_decision({})), "awarded: Hãy đánh dấu những người, tập thể được khen thưởng theo quyết định.");
  // The Chairman decides the Bằng khen: it is not on the Director's list.
  EXPECT_EQ(refused(director_decision({"a", "d"})), "awarded: Hồ sơ “d” không nằm trong danh sách đề nghị chờ quyết định này.");
  EXPECT_EQ(refused(director_decision({"zz"})), "awarded: Hồ sơ “zz” không nằm trong danh sách đề nghị chờ quyết định này.");
  d = director_decision({"a"});
  d.meeting_id = "hd-9";
  EXPECT_EQ(refused(d), "meeting_id: Không có phiên họp “hd-9”.");
  // Nothing changed by any refusal.
  EXPECT_TRUE(r.awards.empty());
  for (const char* id : {"a", "b", "c", "d"}) EXPECT_EQ(status_of(r, id), Status::proposed) << id;
}

TEST(Award, RecordingAwardsTheTickedAndNotTheOthers) {
  Registry r = proposed_registry();
  ASSERT_TRUE(close_meeting(r, campaign(), "hd-1", kSecretariat).ok());
  const EditContext later{"Chánh Văn phòng", kSecretariat.now + 86400000};
  auto done = record_award(r, campaign(), director_decision({"b", "a"}), kToday, later);
  ASSERT_TRUE(done.ok()) << done.error().describe(Language::en);
  ASSERT_EQ(r.awards.size(), 1u);
  const AwardDecision& qd = r.awards.front();
  EXPECT_EQ(qd.id, "qd-1");
  EXPECT_EQ(qd.number, "120/QĐ-SNgV");  // trimmed
  EXPECT_EQ(qd.awarded, (std::vector<std::string>{"a", "b"}));  // in the meeting's order
  EXPECT_EQ(qd.not_awarded, std::vector<std::string>{"c"});
  EXPECT_EQ(qd.recorded_by, "Chánh Văn phòng");
  EXPECT_EQ(done->awards, std::vector<std::string>{"qd-1"});
  EXPECT_EQ(done->decisions, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(status_of(r, "a"), Status::awarded);
  EXPECT_EQ(status_of(r, "c"), Status::not_awarded);
  EXPECT_EQ(status_of(r, "d"), Status::proposed);  // the Chairman's, still waiting
  ASSERT_NE(r.award_of("c"), nullptr);
  EXPECT_EQ(r.award_of("c")->id, "qd-1");
  EXPECT_EQ(r.award_of("d"), nullptr);
  const AuditEntry& last = r.decision("a")->audit.back();
  EXPECT_EQ(last.new_value, "awarded");
  EXPECT_EQ(last.author, "Chánh Văn phòng");
  EXPECT_EQ(describe(qd, campaign()).vi, "Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ");

  // The meeting's result and its exports carry the answer; the ballots still stand.
  const MeetingResult res = meeting_result(campaign(), r, *r.meeting("hd-1"));
  EXPECT_EQ(of(res, "a").outcome, BallotOutcome::proposed);
  EXPECT_EQ(of(res, "a").decision_number, "120/QĐ-SNgV");
  EXPECT_EQ(of(res, "c").status, Status::not_awarded);
  const nlohmann::json list = proposal_list_json(campaign(), *r.meeting("hd-1"), res, later.now);
  for (const nlohmann::json& n : list["nominees"]) {
    if (n["dossier_id"] == "a") {
      EXPECT_EQ(n["award"], (nlohmann::json{{"awarded", true}, {"decision_number", "120/QĐ-SNgV"}, {"decision_date", "2025-11-20"}}));
    } else if (n["dossier_id"] == "c") {
      EXPECT_EQ(n["award"]["awarded"], false);
    } else if (n["dossier_id"] == "d") {
      EXPECT_TRUE(n["award"].is_null());
    }
  }
  EXPECT_CONTAINS(proposal_list_csv(campaign(), *r.meeting("hd-1"), res), "Không được khen thưởng,120/QĐ-SNgV,20/11/2025\r\n");

  // The answered dossiers belong to this decision: a second one for the Director finds nobody to
  // award, and the same number is refused whatever its spacing or marks.
  EXPECT_EQ(ids_of(award_candidates(campaign(), r, "hd-1", Decider::issuer_head)), (std::vector<std::string>{"a", "b", "c"}));
  auto again = record_award(r, campaign(), director_decision({"c"}), kToday, later);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().what.vi, "Đã có quyết định số 120/QĐ-SNgV (ghi nhận trước đây).");
  AwardDecision other = director_decision({"c"});
  other.number = "121/QĐ-SNgV";
  EXPECT_EQ(record_award(r, campaign(), other, kToday, later).error().path, "awarded");

  // The Chairman's decision, for the Bằng khen.
  AwardDecision chair = director_decision({"d"});
  chair.decider = Decider::parent_head;
  chair.number = "2150/QĐ-UBND";
  ASSERT_TRUE(record_award(r, campaign(), chair, kToday, later).ok());
  EXPECT_EQ(status_of(r, "d"), Status::awarded);
  EXPECT_EQ(r.award_of("d")->id, "qd-2");
}

TEST(Award, WithdrawingPutsTheDossiersBackAndLogsWhy) {
  Registry r = proposed_registry();
  ASSERT_TRUE(close_meeting(r, campaign(), "hd-1", kSecretariat).ok());
  ASSERT_TRUE(record_award(r, campaign(), director_decision({"a", "b"}), kToday, kSecretariat).ok());
  EXPECT_EQ(withdraw_award(r, "qd-1", " ", kSecretariat).error().path, "reason");
  EXPECT_EQ(withdraw_award(r, "qd-7", "x", kSecretariat).error().path, "id");
  auto back = withdraw_award(r, "qd-1", "Nhập nhầm số quyết định.", kSecretariat);
  ASSERT_TRUE(back.ok()) << back.error().describe(Language::en);
  EXPECT_TRUE(r.awards.empty());
  EXPECT_EQ(back->removed_awards, std::vector<std::string>{"qd-1"});
  EXPECT_TRUE(back->state);
  for (const char* id : {"a", "b", "c"}) {
    EXPECT_EQ(status_of(r, id), Status::proposed) << id;
    EXPECT_TRUE(r.decision(id)->award_id.empty()) << id;
  }
  ASSERT_EQ(r.log.size(), 1u);
  EXPECT_EQ(r.log[0].subject, "awards/qd-1");
  EXPECT_EQ(r.log[0].reason, "Nhập nhầm số quyết định.");
  EXPECT_EQ(r.log[0].old_value["number"], "120/QĐ-SNgV");
  // A withdrawn decision's id is not given again; its number may be used again.
  EXPECT_EQ(next_award_id(r), "qd-2");
  ASSERT_TRUE(record_award(r, campaign(), director_decision({"a"}), kToday, kSecretariat).ok());
  EXPECT_EQ(r.awards.front().id, "qd-2");
}

TEST(Award, RecordsReadBackAndOldDecisionsStillRead) {
  Registry r = proposed_registry();
  ASSERT_TRUE(close_meeting(r, campaign(), "hd-1", kSecretariat).ok());
  AwardDecision d = director_decision({"a"});
  d.signer_title = "Giám đốc";
  ASSERT_TRUE(record_award(r, campaign(), d, kToday, kSecretariat).ok());
  auto back = award_from_json(nlohmann::json::parse(to_json(r.awards.front()).dump()));
  ASSERT_TRUE(back.ok()) << back.error().describe(Language::en);
  EXPECT_EQ(*back, r.awards.front());
  nlohmann::json bad = to_json(r.awards.front());
  bad["decider"] = "king";
  EXPECT_EQ(award_from_json(bad).error().path, "decider");
  bad = to_json(r.awards.front());
  bad["awarded"] = {1};
  EXPECT_EQ(award_from_json(bad).error().path, "awarded[0]");
  auto dec = decision_from_json(nlohmann::json::parse(to_json(*r.decision("a")).dump()));
  ASSERT_TRUE(dec.ok());
  EXPECT_EQ(dec->award_id, "qd-1");
  // A decision record from the release before awards were recorded has no award_id.
  nlohmann::json old = to_json(*r.decision("b"));
  old.erase("award_id");
  ASSERT_TRUE(decision_from_json(old).ok());
  EXPECT_TRUE(decision_from_json(old)->award_id.empty());
}

TEST(Award, MoneyInFiguresAndInWords) {
  EXPECT_EQ(money(0), "0");
  EXPECT_EQ(money(710000), "710.000");
  EXPECT_EQ(money(4680000), "4.680.000");
  EXPECT_EQ(money(1234567890), "1.234.567.890");
  const std::pair<long long, const char*> words[] = {
      {0, "Không đồng"},
      {5, "Năm đồng"},
      {10, "Mười đồng"},
      {11, "Mười một đồng"},
      {15, "Mười lăm đồng"},
      {21, "Hai mươi mốt đồng"},
      {24, "Hai mươi tư đồng"},
      {105, "Một trăm lẻ năm đồng"},
      {710000, "Bảy trăm mười nghìn đồng"},
      {1005, "Một nghìn không trăm lẻ năm đồng"},
      {1410000, "Một triệu bốn trăm mười nghìn đồng"},
      {2340000, "Hai triệu ba trăm bốn mươi nghìn đồng"},
      {4680000, "Bốn triệu sáu trăm tám mươi nghìn đồng"},
      {1000000000, "Một tỷ đồng"},
      {2000050000, "Hai tỷ không trăm năm mươi nghìn đồng"},
  };
  for (const auto& [n, w] : words) EXPECT_EQ(money_in_words(n), w) << n;
}

TEST(Award, PaymentListFromTheDecisionAndTheCampaignsAmounts) {
  Registry r = proposed_registry();
  ASSERT_TRUE(close_meeting(r, campaign(), "hd-1", kSecretariat).ok());
  ASSERT_TRUE(record_award(r, campaign(), director_decision({"a", "b"}), kToday, kSecretariat).ok());
  const PaymentList p = payment_list(campaign(), r, r.awards.front());
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_EQ(p.lines[0].nominee, "Nguyễn Văn An");
  EXPECT_EQ(p.lines[0].amount, 710000);  // the campaign's Giấy khen for an individual
  EXPECT_EQ(p.total, 1420000);
  EXPECT_EQ(p.without_amount, 0);
  EXPECT_EQ(p.decision.vi, "Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ");
  const std::string csv = payment_list_csv(campaign(), p);
  EXPECT_CONTAINS(csv, "STT,\"Tập thể, cá nhân\",Chức vụ,Đơn vị,Hình thức khen thưởng,Số tiền (đồng),Quyết định\r\n");
  EXPECT_CONTAINS(csv, ",Giấy khen của Giám đốc Sở,710000,Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ\r\n");
  EXPECT_CONTAINS(csv, ",Tổng cộng,,,,1420000,\r\n");
  EXPECT_EQ(payment_file_name(r.awards.front(), "csv"), "hoso_chi-tien-thuong_120-qd-sngv.csv");
  const doc::Payment input = payment_document_input(p, kToday);
  EXPECT_TRUE(input.complete);
  EXPECT_EQ(input.rows.size(), 2u);
  // A campaign without amounts: the lines say so, the total counts none.
  Campaign none = campaign();
  for (AwardForm& f : none.award_forms)
    for (AwardRule& rule : f.rules) rule.prize.reset();
  const PaymentList q = payment_list(none, r, r.awards.front());
  EXPECT_EQ(q.without_amount, 2);
  EXPECT_EQ(q.total, 0);
  EXPECT_FALSE(payment_document_input(q, kToday).complete);
}

TEST(Award, CloseReportCountsEachUnitAndTheCampaignClosesAndReopens) {
  Registry r = proposed_registry();
  ASSERT_TRUE(close_meeting(r, campaign(), "hd-1", kSecretariat).ok());
  ASSERT_TRUE(record_award(r, campaign(), director_decision({"a", "b"}), kToday, kSecretariat).ok());
  const doc::CloseReport rep = close_report(campaign(), r, kToday);
  ASSERT_EQ(rep.units.size(), 1u);
  EXPECT_EQ(rep.units[0].unit, "Phòng Hợp tác quốc tế");
  EXPECT_EQ(rep.units[0].dossiers, 4);
  EXPECT_EQ(rep.units[0].proposed, 4);
  EXPECT_EQ(rep.units[0].awarded, 2);
  EXPECT_EQ(rep.units[0].not_awarded, 1);  // c; d waits for the Chairman
  EXPECT_EQ(rep.total.awarded, 2);
  ASSERT_EQ(rep.decisions.size(), 1u);
  EXPECT_EQ(rep.decisions[0], "Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ: 2 trường hợp được khen thưởng, "
                              "1 trường hợp không được khen thưởng.");
  const std::string html = doc::to_html(doc::close_report(rep, campaign()), "print.css");
  EXPECT_CONTAINS(html, "Kết quả xét, đề nghị khen thưởng");
  EXPECT_CONTAINS(html, "Không có hồ sơ nào bị trả lại.");

  auto closed = close_campaign(r, kSecretariat);
  ASSERT_TRUE(closed.ok());
  EXPECT_TRUE(closed->state);
  EXPECT_TRUE(r.closed());
  EXPECT_EQ(close_campaign(r, kSecretariat).error().path, "closed");
  EXPECT_EQ(reopen_campaign(r, " ", kSecretariat).error().path, "reason");
  // The register's head keeps the close, and an older head (no close) reads as open.
  auto head = registry_state_from_json(nlohmann::json::parse(registry_state_json(r).dump()));
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->closed_at, r.closed_at);
  nlohmann::json old = registry_state_json(r);
  old.erase("closed_at");
  old.erase("closed_by");
  EXPECT_FALSE(registry_state_from_json(old)->closed());
  ASSERT_TRUE(reopen_campaign(r, "Còn quyết định của Chủ tịch UBND tỉnh.", kSecretariat).ok());
  EXPECT_FALSE(r.closed());
  EXPECT_EQ(r.log.back().reason, "Còn quyết định của Chủ tịch UBND tỉnh.");
}

TEST(Award, CertificatesForTheDirectorsAwardees) {
  Registry r = proposed_registry();
  ASSERT_TRUE(close_meeting(r, campaign(), "hd-1", kSecretariat).ok());
  ASSERT_TRUE(record_award(r, campaign(), director_decision({"a"}), kToday, kSecretariat).ok());
  const std::vector<doc::Certificate> certs = certificates(campaign(), r, r.awards.front());
  ASSERT_EQ(certs.size(), 1u);
  EXPECT_EQ(certs[0].name, "Ông Nguyễn Văn An");
  EXPECT_EQ(certs[0].decision, "Quyết định số 120/QĐ-SNgV ngày 20/11/2025");
  EXPECT_EQ(certs[0].place_date, "Lạng Sơn, ngày 20 tháng 11 năm 2025");
  EXPECT_EQ(certs[0].signer_title, "GIÁM ĐỐC");
  EXPECT_EQ(certs[0].signer_name, "Hoàng Văn Sơn");
  EXPECT_EQ(certs[0].achievement.rfind("Đã có thành tích xuất sắc trong ", 0), 0u);
  EXPECT_EQ(certificate_frame(campaign(), r.awards.front()).authority, "GIÁM ĐỐC SỞ NGOẠI VỤ");
  // The Chairman's Bằng khen is printed by the province.
  AwardDecision chair = director_decision({"d"});
  chair.decider = Decider::parent_head;
  chair.number = "2150/QĐ-UBND";
  ASSERT_TRUE(record_award(r, campaign(), chair, kToday, kSecretariat).ok());
  EXPECT_TRUE(certificates(campaign(), r, r.awards.back()).empty());
  // The alignment is kept in the register's head; one off the sheet is refused.
  doc::CertificateLayout l = r.certificate_layout;
  l.offset_x = 3;
  auto kept = set_certificate_layout(r, l);
  ASSERT_TRUE(kept.ok());
  EXPECT_TRUE(kept->state);
  EXPECT_EQ(r.certificate_layout.offset_x, 3);
  l.offset_x = 99;
  EXPECT_EQ(set_certificate_layout(r, l).error().path, "certificate_layout");
  auto head = registry_state_from_json(nlohmann::json::parse(registry_state_json(r).dump()));
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->certificate_layout.offset_x, 3);
}

TEST(Award, HistoryKeepsEveryAwardAcrossCampaignsAndFindsItWithoutMarks) {
  Registry r = proposed_registry();
  ASSERT_TRUE(close_meeting(r, campaign(), "hd-1", kSecretariat).ok());
  auto done = record_award(r, campaign(), director_decision({"a", "b"}), kToday, kSecretariat);
  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(done->history);
  ASSERT_EQ(r.history.size(), 2u);  // the awarded ones, not c
  EXPECT_EQ(r.history[0].name, "Nguyễn Văn An");
  EXPECT_EQ(r.history[0].award_form, "Giấy khen của Giám đốc Sở");
  EXPECT_EQ(r.history[0].decision, "Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ");
  EXPECT_EQ(r.history[0].campaign_id, campaign().id);
  // Found without diacritics, by any of its words.
  ASSERT_EQ(search_history(r, "nguyen van an").size(), 1u);
  EXPECT_EQ(search_history(r, "tran binh")[0]->name, "Trần Văn Bình");
  EXPECT_EQ(search_history(r, "120/qd").size(), 2u);
  EXPECT_TRUE(search_history(r, "khong co ai").empty());
  // The same person nominated again, in another campaign's dossier: the earlier award shows.
  Dossier again = person("z", "Nguyễn Văn An", false);
  const auto earlier = history_of(r, again.nominee);
  ASSERT_EQ(earlier.size(), 1u);
  EXPECT_EQ(earlier[0]->dossier_id, "a");
  // An award of another campaign stays when this campaign's decision is withdrawn.
  AwardRecord older = r.history[0];
  older.campaign_id = "15-KH-SNgV";
  older.award_id = "qd-1";
  r.history.insert(r.history.begin(), older);
  ASSERT_TRUE(withdraw_award(r, "qd-1", "Nhập nhầm.", kSecretariat).ok());
  ASSERT_EQ(r.history.size(), 1u);
  EXPECT_EQ(r.history[0].campaign_id, "15-KH-SNgV");
  // The record reads back; a damaged one says where.
  auto back = history_from_json(nlohmann::json::parse(history_json(r.history).dump()));
  ASSERT_TRUE(back.ok()) << back.error().describe(Language::en);
  EXPECT_EQ(*back, r.history);
  nlohmann::json bad = history_json(r.history);
  bad["awards"][0]["kind"] = "group";
  EXPECT_EQ(history_from_json(bad).error().path, "awards[0].kind");
}

}  // namespace
}  // namespace hoso
