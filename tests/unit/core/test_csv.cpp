// The proposal list's exports (core/proposal_export.hpp): CSV bytes for Excel, the JSON list and
// its schema, and the printable documents' input.
#include "core/proposal_export.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/assets.hpp"
#include "core/canonical_json.hpp"
#include "registry_fixtures.hpp"
#include "core/registry_view.hpp"
#include "core/return_note.hpp"

namespace hoso {
namespace {

using nlohmann::json;
using testing::campaign;

// A published schema, read from the source tree (schemas are not compiled into the app).
std::string schema_file(const char* name) {
  std::ifstream in(std::filesystem::path(HOSO_SOURCE_DIR) / "assets" / "schema" / name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(Csv, Field) {
  EXPECT_EQ(csv_field("Nguyễn Văn An"), "Nguyễn Văn An");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("Trưởng phòng, kiêm Tổ trưởng"), "\"Trưởng phòng, kiêm Tổ trưởng\"");
  EXPECT_EQ(csv_field("Nguyễn Thị \"Út\""), "\"Nguyễn Thị \"\"Út\"\"\"");
  EXPECT_EQ(csv_field("dòng 1\ndòng 2"), "\"dòng 1\ndòng 2\"");
  EXPECT_EQ(csv_field("a\r\nb"), "\"a\r\nb\"");
  // Never a formula in Excel.
  EXPECT_EQ(csv_field("=1+1"), "'=1+1");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
}

// A hand-made result, so every byte of the file is known.
struct Fixture {
  CouncilMeeting meeting;
  MeetingResult result;
};

Fixture fixture() {
  Fixture f;
  f.meeting.id = "hd-1";
  f.meeting.date = {2025, 11, 5};
  f.meeting.members_total = 9;
  f.meeting.members_present = 8;
  f.meeting.absent = {{"Hà Thị Én", "Đi công tác", "Đồng ý"}};
  f.meeting.votes = {{"d-1", 8, 1}, {"d-2", 3, 6}};
  f.result.decided = true;
  BallotResult a;
  a.dossier_id = "d-1";
  a.award_form = "giay-khen-gd-so";
  a.kind = NomineeKind::individual;
  a.nominee = "Nguyễn Thị \"Út\"";
  a.position = "Trưởng phòng, kiêm Tổ trưởng";
  a.unit = "Phòng Hợp tác\nquốc tế";
  a.sender_unit_id = "phong-hop-tac-quoc-te";
  a.sender_unit_name = "Phòng Hợp tác quốc tế";
  a.votes_for = 8;
  a.votes_against = 1;
  a.rank = 1;
  a.priority = true;
  a.outcome = BallotOutcome::proposed;
  a.tie_break = TieBreak::women;
  a.why = {"Được chọn", "Chosen"};
  BallotResult b;
  b.dossier_id = "d-2";
  b.award_form = "giay-khen-gd-so";
  b.kind = NomineeKind::collective;
  b.nominee = "=HYPERLINK(\"x\")";
  b.unit = "Sở Ngoại vụ";
  b.sender_unit_id = "thanh-tra";
  b.sender_unit_name = "Thanh tra Sở";
  b.votes_for = 3;
  b.votes_against = 6;
  b.outcome = BallotOutcome::below_threshold;
  b.why = {"3/9, chưa đạt", "3/9, short"};
  f.result.ballots = {a, b};
  return f;
}

TEST(Csv, ProposalListBytes) {
  const Fixture f = fixture();
  const std::string csv = proposal_list_csv(campaign(), f.meeting, f.result);
  const std::string expected =
      "\xEF\xBB\xBF"
      "STT,Hình thức khen thưởng,Đối tượng,Tên tập thể / Họ và tên,Chức vụ,Đơn vị,Đơn vị đề nghị,Số phiếu đồng ý,"
      "Số phiếu không đồng ý,Tổng số thành viên,Tỷ lệ đồng ý,Xếp hạng,Kết quả,Ưu tiên (Điều 4),Ghi chú,"
      "Khen thưởng,Số quyết định,Ngày quyết định\r\n"
      "1,Giấy khen của Giám đốc Sở,Cá nhân,\"Nguyễn Thị \"\"Út\"\"\",\"Trưởng phòng, kiêm Tổ trưởng\",\"Phòng Hợp tác\n"
      "quốc tế\",Phòng Hợp tác quốc tế,8,1,9,\"88,9%\",1,Đề nghị,Ưu tiên theo Điều 4: nữ,Được chọn,,,\r\n"
      "2,Giấy khen của Giám đốc Sở,Tập thể,\"'=HYPERLINK(\"\"x\"\")\",,Sở Ngoại vụ,Thanh tra Sở,3,6,9,\"33,3%\",,"
      "Không đạt tỷ lệ,,\"3/9, chưa đạt\",,,\r\n";
  EXPECT_EQ(csv, expected);
  EXPECT_EQ(proposal_file_name(campaign(), f.meeting, "csv"), "hoso_de-nghi_32-KH-SNgV_2025-11-05.csv");
}

TEST(ProposalList, JsonFromARealMeeting) {
  // Units' packages -> register -> eligible -> meeting -> list.
  Registry r = testing::empty_registry();
  const BuiltPackage p = testing::export_package(testing::unit_workspace("thanh-tra", "Thanh tra Sở", 5, 6, 0.3), testing::kSent, 1);
  testing::take_in(r, {testing::incoming(p)});
  const RegistryView v = testing::view_of(r);
  for (const Dossier& d : v.dossiers) ASSERT_TRUE(set_status(r, v, d.id, Status::eligible, "", testing::kSecretariat).ok());
  CouncilMeeting m = new_meeting(campaign(), r, testing::view_of(r), "hd-1", {2025, 11, 5}, testing::kSecretariat.now);
  m.members_total = 9;
  m.members_present = 9;
  int k = 0;
  for (CouncilVote& vote : m.votes) vote.votes_for = 9 - k++;
  const MeetingResult res = meeting_result(campaign(), r, m);
  const json list = proposal_list_json(campaign(), m, res, testing::kSecretariat.now);
  EXPECT_EQ(list["format"], "hoso-proposal-list");
  EXPECT_EQ(list["format_version"], 1);
  EXPECT_EQ(list["meeting"]["members_total"], 9);
  EXPECT_EQ(list["meeting"]["decided"], true);
  ASSERT_EQ(list["nominees"].size(), 6u);
  int proposed = 0;
  for (const json& n : list["nominees"]) proposed += n["outcome"] == "proposed";
  EXPECT_EQ(proposed, res.count(BallotOutcome::proposed));
  EXPECT_GT(proposed, 0);
  const std::string text = proposal_list_text(campaign(), m, res, testing::kSecretariat.now);
  EXPECT_EQ(text, canonical_dump(json::parse(text)));

  // The schema describes every member written.
  const std::string schema_text = schema_file("proposal-list.schema.json");
  ASSERT_FALSE(schema_text.empty());
  {
    const json schema = json::parse(schema_text);
    EXPECT_EQ(schema["$id"], "https://hoso.invalid/schema/proposal-list/1");
    for (const auto& [key, value] : list.items()) EXPECT_TRUE(schema["properties"].contains(key)) << key;
    for (const auto& [key, value] : list["nominees"][0].items())
      EXPECT_TRUE(schema["$defs"]["nominee"]["properties"].contains(key)) << key;
  }

  // The printable documents' input.
  const doc::CouncilSession s = council_document_input(m, res);
  EXPECT_EQ(s.members_total, 9);
  EXPECT_EQ(s.date, (Date{2025, 11, 5}));
  ASSERT_EQ(s.ballots.size(), m.votes.size());
  EXPECT_EQ(s.ballots[0].votes_for, 9);  // the meeting's order
  int doc_proposed = 0;
  for (const doc::CouncilBallot& b : s.ballots) doc_proposed += b.proposed;
  EXPECT_EQ(doc_proposed, proposed);
  EXPECT_FALSE(doc::council_minutes(s, campaign()).blocks.empty());
  EXPECT_FALSE(doc::proposal_list(s, campaign()).blocks.empty());
}

TEST(ProposalList, DocumentNotesSayWhy) {
  Fixture f = fixture();
  f.meeting.absent = {{"Hà Thị Én", "Đi công tác", "Đồng ý"}};
  const doc::CouncilSession s = council_document_input(f.meeting, f.result);
  ASSERT_EQ(s.ballots.size(), 2u);
  EXPECT_TRUE(s.ballots[0].proposed);
  EXPECT_EQ(s.ballots[0].note, "Ưu tiên theo Điều 4: nữ");
  EXPECT_FALSE(s.ballots[1].proposed);
  EXPECT_EQ(s.ballots[1].note, "Không đạt tỷ lệ");
  ASSERT_EQ(s.absent.size(), 1u);
  EXPECT_EQ(s.absent[0].reason, "Đi công tác");
  EXPECT_EQ(s.absent[0].opinion, "Đồng ý");  // printed apart: it counts among the votes
}

#ifndef HOSO_WASM_TEST
// The independent check: what this build writes, validated by ajv against the two schemas.
TEST(ProposalList, AjvAcceptsWhatWeWrite) {
  const std::filesystem::path root = HOSO_SOURCE_DIR;
  if (!std::filesystem::exists(root / "node_modules/ajv") || std::system("node --version > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "node or ajv not installed";
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "hoso-proposal-schema-test";
  std::filesystem::create_directories(dir);
  const Fixture f = fixture();
  std::ofstream(dir / "list.json", std::ios::binary) << proposal_list_text(campaign(), f.meeting, f.result, testing::kSent);
  ReturnNote n;
  n.campaign = ref_of(campaign());
  n.unit = {"thanh-tra", "Thanh tra Sở"};
  n.package_id = testing::uuid_for(3);
  n.package_revision = 2;
  n.dossier_id = "d-1";
  n.nominee_name = "Nguyễn Văn An";
  n.reason = "Thiếu minh chứng.";
  n.time = testing::kSent;
  std::ofstream(dir / "note.json", std::ios::binary) << return_note_text(n);
  // Run from the source folder so node finds its node_modules; -e takes the folders as arguments.
  const std::string script =
      "import{readFileSync as r}from\"node:fs\";import A from\"ajv/dist/2020.js\";import F from\"ajv-formats\";"
      "const a=new A({allErrors:true,strict:true,allowUnionTypes:true});F(a);let bad=0;"
      "for(const[s,f]of[[\"proposal-list\",\"list\"],[\"return-note\",\"note\"]]){"
      "const v=a.compile(JSON.parse(r(process.argv[1]+\"/assets/schema/\"+s+\".schema.json\",\"utf8\")));"
      "if(!v(JSON.parse(r(process.argv[2]+\"/\"+f+\".json\",\"utf8\")))){bad++;console.error(s,JSON.stringify(v.errors));}}"
      "process.exit(bad)";
  const std::string cmd = "cd '" + root.string() + "' && node --input-type=module -e '" + script + "' '" + root.string() +
                          "' '" + dir.string() + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::filesystem::remove_all(dir);
}
#endif

}  // namespace
}  // namespace hoso
