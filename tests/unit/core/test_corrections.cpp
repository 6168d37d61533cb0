// Issue 15, "Corrections to what exists": what a clerk would otherwise fix by hand in the
// documents and the checks — the parent body in the header, the stamp line only for bodies with a
// seal, award titles in full, evidence outside the period and the unit's vote share as warnings,
// absent members' written opinions, the complaint declaration (and dossiers saved before it), the
// receiving office verbatim, one percentage formatter, addresses after the July 2025 reorganisation.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/assets.hpp"
#include "core/documents/html.hpp"
#include "core/documents/unit_documents.hpp"
#include "core/minutes.hpp"
#include "core/paths.hpp"
#include "core/share.hpp"
#include "core/synthetic.hpp"
#include "core/text.hpp"
#include "domain_fixtures.hpp"

namespace hoso {
namespace {

using nlohmann::json;
using testing::campaign;
using testing::check;
using testing::dump;
using testing::kCtx;
using testing::lib;
using testing::valid_workspace;

std::string visible(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) out += c;
  }
  return out;
}

std::string page(const doc::Document& d) { return visible(doc::to_html(d, "https://hoso.example/print.css")); }

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

int count_of(const std::string& s, std::string_view part) {
  int n = 0;
  for (std::size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + part.size())) ++n;
  return n;
}

std::vector<Finding> of_rule(const std::vector<Finding>& fs, std::string_view rule_id) {
  std::vector<Finding> out;
  for (const Finding& f : fs)
    if (f.rule == rule_id) out.push_back(f);
  return out;
}

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(HOSO_SOURCE_DIR) + "/tests/fixtures/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// ---- one percentage formatter ------------------------------------------------------------------

TEST(Corrections, OneShareFormatterForScreensExportsAndDocuments) {
  // 13 of 16 is 81.25 %: half up gives 81,3 (a double printed with %.1f gave 81,2 on the screen).
  EXPECT_EQ(share_percent(13, 16).vi, "81,3%");
  EXPECT_EQ(share_percent(13, 16).en, "81.3%");
  EXPECT_EQ(share_percent(7, 9).vi, "77,8%");
  EXPECT_EQ(share_percent(9, 9).vi, "100%");
  EXPECT_EQ(share_percent(0, 9).vi, "0%");
  EXPECT_EQ(share_percent(-1, 9).vi, "0%");
  EXPECT_EQ(share_percent(1, 0).vi, "");
  EXPECT_EQ(doc::percent(13, 16), share_percent(13, 16).vi);
  EXPECT_EQ(doc::percent(1, 0), std::string(doc::kBlank));

  // The unit's check says the same as the printed minutes.
  Workspace w = valid_workspace();
  w.minutes[0].members_total = 16;
  w.minutes[0].members_present = 16;
  w.minutes[0].absent.clear();
  w.settings.vote_threshold = Threshold{9, 10, false};
  w.minutes[0].votes[0].votes_for = 13;
  w.minutes[0].votes[0].votes_against = 3;
  w.minutes[0].votes[1].votes_for = 16;
  w.minutes[0].votes[1].votes_against = 0;
  const auto fs = of_rule(check(w), rule::vote_threshold);
  ASSERT_EQ(fs.size(), 1u) << dump(check(w));
  EXPECT_TRUE(contains(fs[0].message.vi, "(81,3%)")) << fs[0].message.vi;
  EXPECT_TRUE(contains(fs[0].message.en, "(81.3%)")) << fs[0].message.en;
  const doc::Document minutes = doc::review_minutes(w.minutes[0], campaign(), w.dossiers);
  EXPECT_TRUE(contains(page(minutes), "81,3%"));
}

// ---- the header, the seal, the titles ----------------------------------------------------------

TEST(Corrections, HeaderCarriesTheParentBodyAboveTheIssuer) {
  const Campaign& c = campaign();
  ASSERT_EQ(c.issuer_parent.vi, "UBND tỉnh Lạng Sơn");
  // The Department issues: the Provincial People's Committee above it (Decree 30/2020, Appendix I).
  doc::NationalHeader h = doc::agency_header(c, "Sở Ngoại vụ", {c.place, Date{2025, 11, 5}});
  EXPECT_EQ(h.parent, "UBND tỉnh Lạng Sơn");
  EXPECT_EQ(h.issuer, "Sở Ngoại vụ");
  // One of its divisions issues: the Department above it.
  h = doc::agency_header(c, "Phòng Hợp tác quốc tế", {c.place, Date{2025, 11, 5}});
  EXPECT_EQ(h.parent, "Sở Ngoại vụ");

  // A meeting held by the Department itself prints both levels, in capitals.
  Workspace w = valid_workspace();
  w.minutes[0].unit_name = "Sở Ngoại vụ";
  const std::string text = page(doc::review_minutes(w.minutes[0], c, w.dossiers));
  EXPECT_TRUE(contains(text, "UBND TỈNH LẠNG SƠN")) << text.substr(0, 400);
  EXPECT_LT(text.find("UBND TỈNH LẠNG SƠN"), text.find("SỞ NGOẠI VỤ"));

  // A collective whose parent is written "Sở Ngoại vụ tỉnh Lạng Sơn": the Department over it.
  const Dossier col = testing::valid_collective();
  const std::string report = page(doc::achievement_report(col, c, *lib().find_template(col.report_template.id)));
  EXPECT_TRUE(contains(report, "SỞ NGOẠI VỤ")) << report.substr(0, 400);
  EXPECT_FALSE(contains(report, "SỞ NGOẠI VỤ TỈNH LẠNG SƠN"));
}

TEST(Corrections, OnlyBodiesWithASealGetTheStampLine) {
  const Campaign& c = campaign();
  EXPECT_TRUE(c.has_seal("Sở Ngoại vụ"));
  EXPECT_TRUE(c.has_seal("SỞ NGOẠI VỤ tỉnh Lạng Sơn"));
  EXPECT_TRUE(c.has_seal("trung-tam-dich-vu-doi-ngoai"));
  EXPECT_TRUE(c.has_seal("Trung tâm Dịch vụ đối ngoại"));
  EXPECT_FALSE(c.has_seal("Phòng Hợp tác quốc tế"));
  EXPECT_FALSE(c.has_seal("Phòng Một Nơi Không Có"));
  EXPECT_FALSE(c.has_seal(""));

  // An individual of a division: the head of the division confirms without a stamp.
  const Dossier ind = testing::valid_individual();
  const ReportTemplate& ti = *lib().find_template(ind.report_template.id);
  std::string text = page(doc::achievement_report(ind, c, ti));
  EXPECT_FALSE(contains(text, "đóng dấu")) << text;
  // The same person in the Centre, which has a seal: the stamp line comes back.
  Dossier centre = ind;
  centre.nominee.unit = "Trung tâm Dịch vụ đối ngoại";
  text = page(doc::achievement_report(centre, c, ti));
  EXPECT_EQ(count_of(text, "(Ký, đóng dấu)"), 1);

  // A division as a collective: its own head signs without a stamp, the Department with one.
  const Dossier col = testing::valid_collective();
  text = page(doc::achievement_report(col, c, *lib().find_template(col.report_template.id)));
  EXPECT_EQ(count_of(text, "(Ký, đóng dấu)"), 1) << text;
  EXPECT_EQ(count_of(text, "(Ký, ghi rõ họ và tên)"), 1);

  // The division's package cover: no stamp either.
  const Workspace w = valid_workspace();
  doc::PackageContents p{"Phòng Hợp tác quốc tế", "pkg-1", 1, std::string(64, 'a'), {&w.dossiers[0]}, nullptr, {2025, 10, 6}};
  EXPECT_FALSE(contains(page(doc::package_cover(p, c)), "đóng dấu"));
}

TEST(Corrections, AwardTitlesInFullInDocumentTitles) {
  const Campaign& c = campaign();
  EXPECT_EQ(doc::award_title(c, "giay-khen-gd-so"), "Giấy khen của Giám đốc Sở Ngoại vụ");
  EXPECT_EQ(doc::award_title(c, "bang-khen-ct-ubnd"), "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn");
  EXPECT_EQ(doc::award_title(c, "khong-co"), "khong-co");
  const Dossier ind = testing::valid_individual();
  const std::string text = page(doc::achievement_report(ind, c, *lib().find_template(ind.report_template.id)));
  EXPECT_TRUE(contains(text, "ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ NGOẠI VỤ")) << text.substr(0, 600);
}

// ---- the checks ----------------------------------------------------------------------------------

TEST(Corrections, UnitThresholdIsACampaignSettingAndAMissOnlyWarns) {
  EXPECT_FALSE(campaign().voting.unit_threshold_blocks);
  Workspace w = valid_workspace();
  w.minutes[0].votes[0].votes_for = 4;  // 4 of 9: short of more than half
  auto fs = of_rule(check(w), rule::vote_threshold);
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].severity, Severity::warning);
  EXPECT_TRUE(can_mark_ready(check(w), "d-individual"));

  // A campaign that says the unit's share is binding, with its own share (2/3, not the council's).
  Campaign strict = campaign();
  strict.voting.unit_threshold = Threshold{2, 3, false};
  strict.voting.unit_threshold_blocks = true;
  w.minutes[0].votes[0].votes_for = 5;  // more than half, short of two thirds
  fs = of_rule(validate(lib(), strict, w, testing::kToday), rule::vote_threshold);
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].severity, Severity::error);
  EXPECT_TRUE(contains(fs[0].message.vi, "2/3")) << fs[0].message.vi;
  EXPECT_FALSE(can_mark_ready(validate(lib(), strict, w, testing::kToday), "d-individual"));
  EXPECT_EQ(vote_threshold(w.settings, strict), (Threshold{2, 3, false}));
  // The workspace's own setting still wins.
  w.settings.vote_threshold = Threshold{1, 2, true};
  EXPECT_TRUE(of_rule(validate(lib(), strict, w, testing::kToday), rule::vote_threshold).empty());
}

TEST(Corrections, AbsentMembersWrittenOpinionsAreCountedAtTheUnit) {
  Workspace w = valid_workspace();
  Minutes& m = w.minutes[0];
  m.members_total = 9;
  m.members_present = 7;
  m.absent = {{"Hà Thị Én", "Nghỉ phép", "Đồng ý cả hai trường hợp"}, {"Vy Văn Đức", "Đi công tác", ""}};
  m.votes[0].votes_for = 8;  // 7 present + 1 in writing
  m.votes[0].votes_against = 0;
  m.votes[1].votes_for = 6;  // 7 cast: within the members present either way
  m.votes[1].votes_against = 1;
  EXPECT_EQ(members_who_could_vote(m), 8);
  EXPECT_TRUE(of_rule(check(w), rule::vote_counts).empty()) << dump(check(w));
  m.absent[0].opinion.clear();  // no written opinion: 8 votes from 7 members
  const auto fs = of_rule(check(w), rule::vote_counts);
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].severity, Severity::error);
  EXPECT_TRUE(contains(fs[0].message.vi, "ý kiến bằng văn bản"));

  // Kept through an edit, a save and a load; printed in the minutes.
  ASSERT_TRUE(*set_field(m, "minutes.absent[0].opinion", "Đồng ý cả hai trường hợp", kCtx));
  EXPECT_EQ(get_field(m, "minutes.absent[0].opinion"), json("Đồng ý cả hai trường hợp"));
  auto back = minutes_from_json(to_json(m));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->absent[0].opinion, "Đồng ý cả hai trường hợp");
  EXPECT_TRUE(contains(page(doc::review_minutes(m, campaign(), w.dossiers)), "ý kiến bằng văn bản: Đồng ý cả hai trường hợp"));
  // The template offers the column, so the minutes screen shows it.
  const ReportTemplate* t = lib().find_template("review-minutes");
  ASSERT_NE(t, nullptr);
  const Field* absent = t->field("absent");
  ASSERT_NE(absent, nullptr);
  EXPECT_TRUE(std::any_of(absent->columns.begin(), absent->columns.end(), [](const Field& f) { return f.id == "opinion"; }));
}

TEST(Corrections, ComplaintDeclarationBesideTheDisciplineOnes) {
  Workspace w = valid_workspace();
  EXPECT_TRUE(check(w).empty()) << dump(check(w));
  Dossier& d = w.dossiers[0];
  ASSERT_TRUE(*set_field(lib(), d, "flags.no_complaint_under_verification", false, kCtx));
  EXPECT_EQ(d.audit.back().path, "flags.no_complaint_under_verification");
  const auto fs = check(w);
  ASSERT_EQ(fs.size(), 1u) << dump(fs);
  EXPECT_EQ(fs[0].rule, rule::declaration);
  EXPECT_EQ(fs[0].path, "flags.no_complaint_under_verification");
  EXPECT_EQ(fs[0].severity, Severity::warning);
  EXPECT_TRUE(contains(fs[0].message.vi, "khiếu nại, tố cáo"));
  EXPECT_EQ(path_section(fs[0].path), "flags");
  ASSERT_TRUE(*set_field(lib(), d, "flags.no_complaint_under_verification", true, kCtx));
  EXPECT_EQ(get_field(d, "flags.no_complaint_under_verification"), true);
  EXPECT_TRUE(check(w).empty());
  auto back = dossier_from_json(to_json(d));
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->flags.no_complaint_under_verification);
}

TEST(Corrections, DossierSavedByTheReleaseBeforeTheDeclarationStillLoads) {
  // Written by the release before issue 15 (tests/fixtures/README.md): no declaration in it.
  const json j = json::parse(read_fixture("dossier-before-issue-15.json"));
  ASSERT_FALSE(j.at("flags").contains("no_complaint_under_verification"));
  auto d = dossier_from_json(j);
  ASSERT_TRUE(d.ok()) << d.error().describe(Language::en);
  EXPECT_FALSE(d->flags.no_complaint_under_verification);  // simply not declared yet
  EXPECT_EQ(d->nominee.full_name, "Lương Thị Thu Trang");
  Workspace w;
  w.dossiers = {*d};
  const auto fs = of_rule(check(w), rule::declaration);
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].severity, Severity::warning);
  // And the minutes of that release, whose absent members have no separate opinion.
  auto m = minutes_from_json(json::parse(read_fixture("minutes-before-issue-15.json")));
  ASSERT_TRUE(m.ok()) << m.error().describe(Language::en);
  ASSERT_EQ(m->absent.size(), 2u);
  EXPECT_EQ(m->absent[0].reason, "Nghỉ phép");
  EXPECT_TRUE(m->absent[0].opinion.empty());
  // Saved the same, but for the campaign it now names: minutes of that release were Plan 32's.
  json expected = json::parse(read_fixture("minutes-before-issue-15.json"));
  expected["campaign_id"] = "32-KH-SNgV";
  EXPECT_EQ(to_json(*m), expected);
}

// ---- campaign data ----------------------------------------------------------------------------------

TEST(Corrections, ReceivingOfficeIsThePlansTextVerbatim) {
  EXPECT_EQ(campaign().receiving_office.vi,
            "Văn phòng Sở (bộ phận thường trực Hội đồng Thi đua - Khen thưởng Văn phòng)");
}

TEST(Corrections, OlderCampaignFilesLoadWithDefaults) {
  json j = json::parse(*assets::find("campaigns/32-KH-SNgV.json"));
  for (const char* key : {"issuer_abbreviation", "issuer_head_vi", "issuer_head_en", "secretariat", "provincial_office"})
    j.erase(key);
  for (json& f : j["award_forms"]) {
    f.erase("full_name_vi");
    f.erase("full_name_en");
    f.erase("decided_by");
  }
  j["voting"].erase("unit_threshold");
  j["voting"].erase("unit_threshold_blocks");
  for (json& u : j["units"]) u.erase("has_seal");
  auto c = campaign_from_json("old.json", j);
  ASSERT_TRUE(c.ok()) << c.error().describe(Language::en);
  EXPECT_EQ(c->award_forms[0].title().vi, "Giấy khen của Giám đốc Sở");  // the short name
  EXPECT_FALSE(c->voting.unit_threshold);
  EXPECT_EQ(c->voting.unit(), c->voting.threshold);
  EXPECT_FALSE(c->voting.unit_threshold_blocks);
  EXPECT_EQ(c->secretariat.abbreviation, "VP");
  EXPECT_EQ(c->authority("giay-khen-gd-so").decider, Decider::issuer_head);
  EXPECT_EQ(c->authority("giay-khen-gd-so").title.vi, "Giám đốc Sở Ngoại vụ");
  EXPECT_FALSE(c->has_seal("Trung tâm Dịch vụ đối ngoại"));
  EXPECT_TRUE(c->has_seal("Sở Ngoại vụ"));

  j["award_forms"][1]["decided_by"] = {{"level", "province"}};
  auto bad = campaign_from_json("bad.json", j);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().path, "award_forms[1].decided_by.level");
}

TEST(Corrections, FixturesHaveNoDistrictLevel) {
  // Local government has two levels since 1 July 2025: province, then commune or ward.
  auto has_district = [](const std::string& s) {
    const std::string f = text::fold(s);
    return contains(f, "huyen ") || contains(f, "quan ") || contains(f, "thi tran") || contains(f, "thi xa") ||
           contains(f, "thanh pho lang son");
  };
  SyntheticOptions o;
  o.dossiers = 60;
  o.seed = 7;
  o.collective_share = 0.3;
  const Workspace w = generate_workspace(lib(), campaign(), o);
  const Workspace fixed = valid_workspace();
  for (const Workspace* ws : {&w, &fixed})
    for (const Dossier& d : ws->dossiers)
      for (const std::string* s : {&d.nominee.home_town, &d.nominee.residence, &d.nominee.address})
        EXPECT_FALSE(has_district(*s)) << *s;
}

}  // namespace
}  // namespace hoso
