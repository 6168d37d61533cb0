// The secretariat's campaign editor (core/campaign_draft.hpp): next year's campaign made from
// Plan 32, what keeps it from being published, each finding at the path of the value to fix,
// publishing as a file a unit's app opens, versions and what changed, and the draft's record.
#include "core/campaign_draft.hpp"

#include <gtest/gtest.h>

#include "core/assets.hpp"
#include "core/campaigns.hpp"
#include "core/documents/campaign_summary.hpp"
#include "core/documents/html.hpp"

namespace hoso::testing {
namespace {

using nlohmann::json;

json plan32() { return json::parse(*assets::find("campaigns/32-KH-SNgV.json")); }
Library builtin() { return load_builtin_library().value(); }
const Date kToday{2026, 3, 10};
constexpr Millis kNow = 1773100000000;

std::vector<std::string> paths(const std::vector<Finding>& fs, Severity s = Severity::error) {
  std::vector<std::string> out;
  for (const Finding& f : fs)
    if (f.severity == s) out.push_back(f.path);
  return out;
}
bool has(const std::vector<std::string>& v, std::string_view p) { return std::find(v.begin(), v.end(), p) != v.end(); }

// Plan 32 duplicated and made next year's: number, dates, and the Bằng khen (placeholders) left out.
CampaignDraft next_year(const Library& lib) {
  std::vector<std::string> taken{"32-KH-SNgV"};
  CampaignDraft d = duplicate_campaign(plan32(), taken, kNow);
  EXPECT_TRUE(set_draft_value(d, "plan.number", "15/KH-SNgV"));
  EXPECT_TRUE(set_draft_value(d, "plan.date", "2026-03-02"));
  EXPECT_TRUE(set_draft_value(d, "period.start", "2026-03-01"));
  EXPECT_TRUE(set_draft_value(d, "period.end", "2026-11-30"));
  EXPECT_TRUE(set_draft_deadline(d, "2026-12-20", true));
  EXPECT_TRUE(remove_draft_item(d, "award_forms[1]"));
  (void)lib;
  return d;
}

TEST(CampaignDraft, DuplicateOfPlan32ShowsWhatStillBelongsToLastYear) {
  const Library lib = builtin();
  std::vector<std::string> taken{"32-KH-SNgV"};
  CampaignDraft d = duplicate_campaign(plan32(), taken, kNow);
  EXPECT_EQ(d.id(), "32-KH-SNgV-2025");
  EXPECT_EQ(d.content["version"], 1);
  EXPECT_EQ(d.based_on, "32-KH-SNgV v1");
  EXPECT_FALSE(d.content.contains("content_sha256"));
  const auto fs = check_campaign_draft(d, lib, kToday);
  const auto errors = paths(fs);
  EXPECT_TRUE(has(errors, "plan.number")) << "the number is last year's plan's";
  EXPECT_TRUE(has(paths(fs, Severity::warning), "deadline")) << "the deadline has passed";
  // The Bằng khen's criteria are placeholders: each is named, at its text.
  EXPECT_TRUE(has(errors, "award_forms[1].rules[0].criteria[0].text_vi"));
  for (const Finding& f : fs) EXPECT_EQ(f.owner, Finding::Owner::campaign);
  EXPECT_FALSE(publish_draft(d, lib, kToday, kNow)) << "nothing is published with an error";
  EXPECT_EQ(d.published_version, 0);
}

TEST(CampaignDraft, FixedDraftPublishesAFileAUnitOpens) {
  const Library lib = builtin();
  CampaignDraft d = next_year(lib);
  EXPECT_EQ(d.id(), "15-KH-SNgV-2026") << "a new draft's id follows its plan number and year";
  EXPECT_TRUE(check_campaign_draft(d, lib, kToday).empty());
  auto p = publish_draft(d, lib, kToday, kNow + 1000);
  ASSERT_TRUE(p) << p.error().describe(Language::en);
  EXPECT_EQ(p->file_name, "15-KH-SNgV-2026_v1.json");
  auto read = read_campaign_file(p->file_name, p->bytes);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->campaign.id, "15-KH-SNgV-2026");
  EXPECT_EQ(read->campaign.version, 1);
  EXPECT_EQ(read->campaign.deadline.last_day, (Date{2026, 12, 19}));
  EXPECT_TRUE(d.published_as_is());
  // Published again unchanged: the same version, the same bytes.
  auto again = publish_draft(d, lib, kToday, kNow + 2000);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->bytes, p->bytes);
}

TEST(CampaignDraft, DeadlineBeforePeriodAndEndBeforeStartAreFoundAtTheirFields) {
  const Library lib = builtin();
  CampaignDraft d = next_year(lib);
  ASSERT_TRUE(set_draft_deadline(d, "2026-02-01", false));
  auto errors = paths(check_campaign_draft(d, lib, kToday));
  EXPECT_EQ(errors, std::vector<std::string>{"deadline"});
  ASSERT_TRUE(set_draft_deadline(d, "2026-12-20", false));
  ASSERT_TRUE(set_draft_value(d, "period.end", "2026-01-01"));
  EXPECT_EQ(paths(check_campaign_draft(d, lib, kToday)), std::vector<std::string>{"period.end"});
  ASSERT_TRUE(set_draft_value(d, "period.end", "31/13/2026"));  // no such date
  EXPECT_TRUE(has(paths(check_campaign_draft(d, lib, kToday)), "period.end"));
}

TEST(CampaignDraft, CorrectedCriterionIsTheNextVersionAndSaysWhatChanged) {
  const Library lib = builtin();
  CampaignDraft d = next_year(lib);
  auto v1 = publish_draft(d, lib, kToday, kNow);
  ASSERT_TRUE(v1);
  Library held = lib;
  ASSERT_TRUE(held.add(v1->file.campaign));
  const std::string path = "award_forms[0].rules[1].criteria[1].text_vi";
  ASSERT_TRUE(set_draft_value(d, path, "Hoàn thành xuất sắc nhiệm vụ được giao năm 2026."));
  EXPECT_FALSE(d.published_as_is());
  auto v2 = publish_draft(d, held, kToday, kNow + 1);
  ASSERT_TRUE(v2) << v2.error().describe(Language::en);
  EXPECT_EQ(v2->file.campaign.version, 2);
  EXPECT_EQ(v2->file_name, "15-KH-SNgV-2026_v2.json");
  const auto changes = campaign_changes(v1->file.campaign, v2->file.campaign);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_NE(changes[0].vi.find("Sửa tiêu chuẩn 2"), std::string::npos) << changes[0].vi;
  EXPECT_NE(changes[0].vi.find("năm 2026"), std::string::npos);
  // A unit holding version 1 takes version 2 (the library's own rule).
  EXPECT_TRUE(held.add(v2->file.campaign));
}

TEST(CampaignDraft, NewCriterionNeedsBothTextsAndKeepsAStableId) {
  const Library lib = builtin();
  CampaignDraft d = next_year(lib);
  auto added = add_criterion(d, "award_forms[0].rules[0]");
  ASSERT_TRUE(added);
  EXPECT_EQ(*added, "award_forms[0].rules[0].criteria[3]");
  EXPECT_EQ(d.content["award_forms"][0]["rules"][0]["criteria"][3]["id"], "gk_tt_4");
  EXPECT_EQ(paths(check_campaign_draft(d, lib, kToday)), std::vector<std::string>{*added + ".text_vi"});
  ASSERT_TRUE(set_draft_value(d, *added + ".text_vi", "Có sáng kiến được công nhận."));
  EXPECT_EQ(paths(check_campaign_draft(d, lib, kToday)), std::vector<std::string>{*added + ".text_en"});
  ASSERT_TRUE(set_draft_value(d, *added + ".text_en", "Has a recognised initiative."));
  EXPECT_TRUE(check_campaign_draft(d, lib, kToday).empty());
  // Reordered: the id moves with its text.
  ASSERT_TRUE(move_draft_item(d, *added, -1));
  EXPECT_EQ(d.content["award_forms"][0]["rules"][0]["criteria"][2]["id"], "gk_tt_4");
  EXPECT_FALSE(move_draft_item(d, "award_forms[0].rules[0].criteria[0]", -1)) << "the first goes no higher";
  ASSERT_TRUE(remove_draft_item(d, "award_forms[0].rules[0].criteria[2]"));
  EXPECT_EQ(d.content["award_forms"][0]["rules"][0]["criteria"].size(), 3u);
  // Every criterion gone: the rule is named.
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(remove_draft_item(d, "award_forms[0].rules[0].criteria[0]"));
  EXPECT_TRUE(has(paths(check_campaign_draft(d, lib, kToday)), "award_forms[0].rules[0].criteria"));
}

TEST(CampaignDraft, UnitsPastedFromASpreadsheetKeepTheirIdsAndDuplicatesAreFound) {
  const Library lib = builtin();
  CampaignDraft d = next_year(lib);
  const std::string first = d.content["units"][0]["name_vi"].get<std::string>();
  const std::string first_id = d.content["units"][0]["id"].get<std::string>();
  set_units_from_lines(d, first + "\t12 người\r\nPhòng Lãnh sự\n\n  Trung tâm Dịch vụ đối ngoại  \t\n");
  ASSERT_EQ(d.content["units"].size(), 3u);
  EXPECT_EQ(d.content["units"][0]["id"], first_id);
  EXPECT_EQ(d.content["units"][1]["id"], "phong-lanh-su");
  EXPECT_EQ(d.content["units"][2]["name_vi"], "Trung tâm Dịch vụ đối ngoại");
  EXPECT_EQ(units_as_lines(d), first + "\nPhòng Lãnh sự\nTrung tâm Dịch vụ đối ngoại");
  EXPECT_TRUE(check_campaign_draft(d, lib, kToday).empty());
  set_units_from_lines(d, "Phòng Lãnh sự\nPHÒNG LÃNH SỰ");
  EXPECT_EQ(paths(check_campaign_draft(d, lib, kToday)), std::vector<std::string>{"units"});
}

TEST(CampaignDraft, ValuesOnlyWhereTheCampaignHasThem) {
  CampaignDraft d = next_year(builtin());
  const json before = d.content;
  EXPECT_FALSE(set_draft_value(d, "award_forms[9].name_vi", "x"));
  EXPECT_FALSE(set_draft_value(d, "nothing.here", "x"));
  EXPECT_FALSE(set_draft_value(d, "id", "other"));
  EXPECT_FALSE(set_draft_value(d, "version", 7));
  EXPECT_FALSE(set_draft_value(d, "units[", "x"));
  EXPECT_FALSE(remove_draft_item(d, "units[99]"));
  EXPECT_FALSE(add_criterion(d, "award_forms[0].rules[7]"));
  EXPECT_EQ(d.content, before);
  // A quota left empty is none (null: the reader wants the member); a number sets it.
  ASSERT_TRUE(set_draft_value(d, "award_forms[0].rules[1].quota", ""));
  EXPECT_TRUE(d.content["award_forms"][0]["rules"][1]["quota"].is_null());
  EXPECT_TRUE(check_campaign_draft(d, builtin(), kToday).empty());
  ASSERT_TRUE(set_draft_value(d, "award_forms[0].rules[1].prize", nullptr));
  EXPECT_TRUE(check_campaign_draft(d, builtin(), kToday).empty()) << "no prize set is allowed";
  ASSERT_TRUE(set_draft_value(d, "award_forms[0].rules[1].quota", 4));
  EXPECT_EQ(d.content["award_forms"][0]["rules"][1]["quota"], 4);
}

TEST(CampaignDraft, KindIsChosenBeforePublishingAndReadBackFromTheFile) {
  const Library lib = builtin();
  EXPECT_EQ(lib.campaign("32-KH-SNgV")->kind, CampaignKind::special) << "the plan calls it a special campaign";
  CampaignDraft d = next_year(lib);
  d.content.erase("kind");
  EXPECT_TRUE(has(paths(check_campaign_draft(d, lib, kToday)), "kind"));
  ASSERT_TRUE(set_draft_value(d, "kind", "regular"));
  EXPECT_TRUE(check_campaign_draft(d, lib, kToday).empty());
  auto p = publish_draft(d, lib, kToday, kNow);
  ASSERT_TRUE(p) << p.error().describe(Language::en);
  EXPECT_EQ(p->file.campaign.kind, CampaignKind::regular);
  EXPECT_EQ(describe(CampaignKind::regular).vi, "Thi đua thường xuyên");
  // A file of the first releases names no kind and still opens; a kind the format lacks does not.
  json old = plan32();
  old.erase("kind");
  auto read_old = campaign_from_json("old.json", old);
  ASSERT_TRUE(read_old);
  EXPECT_EQ(read_old->kind, CampaignKind::unspecified);
  old["kind"] = "yearly";
  auto bad = campaign_from_json("bad.json", old);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().path, "kind");
}

TEST(CampaignDraft, NomineeKindsAndDecisionBasesAreAddedAndRemovedByPath) {
  const Library lib = builtin();
  CampaignDraft d = next_year(lib);
  // The Giấy khen takes both kinds: a second collective rule is refused.
  EXPECT_FALSE(add_draft_item(d, "award_forms[0].rules", "collective"));
  ASSERT_TRUE(remove_draft_item(d, "award_forms[0].rules[0]"));
  EXPECT_EQ(d.content["award_forms"][0]["rules"].size(), 1u);
  auto rule = add_draft_item(d, "award_forms[0].rules", "collective");
  ASSERT_TRUE(rule);
  EXPECT_EQ(*rule, "award_forms[0].rules[1]");
  // Back with no criteria: found, at the list the clerk adds to.
  EXPECT_TRUE(has(paths(check_campaign_draft(d, lib, kToday)), "award_forms[0].rules[1].criteria"));
  auto crit = add_draft_item(d, "award_forms[0].rules[1].criteria");
  ASSERT_TRUE(crit);
  ASSERT_TRUE(set_draft_value(d, *crit + ".text_vi", "Hoàn thành xuất sắc nhiệm vụ."));
  ASSERT_TRUE(set_draft_value(d, *crit + ".text_en", "Accomplishes its tasks excellently."));
  ASSERT_TRUE(set_draft_value(d, "award_forms[0].rules[1].quota", 2));
  EXPECT_TRUE(check_campaign_draft(d, lib, kToday).empty());
  EXPECT_FALSE(add_draft_item(d, "award_forms[0].rules", "everyone"));
  {
    // A campaign for individuals only gains the collective kind with its first collective rule.
    CampaignDraft only = next_year(lib);
    only.content["nominee_kinds"].erase(0);
    ASSERT_TRUE(remove_draft_item(only, "award_forms[0].rules[0]"));
    ASSERT_EQ(only.content["nominee_kinds"].size(), 1u);
    ASSERT_TRUE(add_draft_item(only, "award_forms[0].rules", "collective"));
    ASSERT_EQ(only.content["nominee_kinds"].size(), 2u);
    EXPECT_EQ(only.content["nominee_kinds"][1]["kind"], "collective");
    EXPECT_EQ(only.content["nominee_kinds"][1]["name_vi"], "Tập thể");
  }
  EXPECT_FALSE(add_draft_item(d, "units"));

  // A new basis starts as "Căn cứ " and is an error until it names a document.
  const std::size_t bases = d.content["decision_bases"].size();
  auto basis = add_draft_item(d, "decision_bases");
  ASSERT_TRUE(basis);
  EXPECT_EQ(*basis, "decision_bases[" + std::to_string(bases) + "]");
  EXPECT_TRUE(has(paths(check_campaign_draft(d, lib, kToday)), *basis + ".text_vi"));
  ASSERT_TRUE(set_draft_value(d, *basis + ".text_vi", "Căn cứ Kế hoạch số 15/KH-SNgV ngày 02/3/2026;"));
  EXPECT_TRUE(has(paths(check_campaign_draft(d, lib, kToday), Severity::warning), *basis + ".text_en"));
  ASSERT_TRUE(set_draft_value(d, *basis + ".text_en", "Pursuant to Plan No. 15/KH-SNgV of 2 March 2026;"));
  ASSERT_TRUE(set_draft_value(d, "secretariat.unverified", false));
  EXPECT_TRUE(check_campaign_draft(d, lib, kToday).empty());
  auto p = publish_draft(d, lib, kToday, kNow);
  ASSERT_TRUE(p) << p.error().describe(Language::en);
  const Campaign& c = p->file.campaign;
  EXPECT_EQ(c.decision_bases.back().text.vi, "Căn cứ Kế hoạch số 15/KH-SNgV ngày 02/3/2026;");
  EXPECT_FALSE(c.secretariat.unverified);
  ASSERT_EQ(c.award_forms[0].rules.size(), 2u);
  EXPECT_EQ(c.award_forms[0].rules[1].kind, NomineeKind::collective);
  EXPECT_EQ(c.award_forms[0].rules[1].quota, 2);
}

TEST(CampaignDraft, BlankCampaignKeepsTheIssuerAndAsksForEverythingOfThePlan) {
  const Library lib = builtin();
  std::vector<std::string> taken{"32-KH-SNgV"};
  CampaignDraft d = blank_campaign(plan32(), taken, kNow);
  EXPECT_EQ(d.content["issuer_vi"], "Sở Ngoại vụ");
  EXPECT_EQ(d.content["units"], plan32()["units"]);
  EXPECT_EQ(d.content["decision_bases"], plan32()["decision_bases"]);
  EXPECT_EQ(d.content["award_forms"][0]["decided_by"], plan32()["award_forms"][0]["decided_by"]);
  EXPECT_TRUE(d.content["award_forms"][0]["rules"][0]["criteria"].empty());
  EXPECT_TRUE(d.content["award_forms"][0]["rules"][0]["quota"].is_null());
  EXPECT_EQ(d.id(), "dot-thi-dua") << "until it has a number";
  const auto errors = paths(check_campaign_draft(d, lib, kToday));
  for (const char* p : {"plan.number", "name_vi", "kind", "period.start", "period.end", "deadline",
                        "award_forms[0].rules[0].criteria", "award_forms[1].rules[1].criteria"})
    EXPECT_TRUE(has(errors, p)) << p;
  EXPECT_FALSE(publish_draft(d, lib, kToday, kNow));
}

TEST(CampaignDraft, DatesAsTypedAreKeptAsTheFileWritesThem) {
  CampaignDraft d = next_year(builtin());
  ASSERT_TRUE(set_draft_value(d, "plan.date", "2/3/2026"));
  EXPECT_EQ(d.content["plan"]["date"], "2026-03-02");
  ASSERT_TRUE(set_draft_deadline(d, "20/12/2026", false));
  EXPECT_EQ(d.content["deadline"], (json{{"on_or_before", "2026-12-20"}}));
  ASSERT_TRUE(set_draft_value(d, "period.start", "mùng 1"));
  EXPECT_EQ(d.content["period"]["start"], "mùng 1") << "what is not a date is kept, and found";
  EXPECT_TRUE(has(paths(check_campaign_draft(d, builtin(), kToday)), "period.start"));
}

TEST(CampaignDraft, TemplateThatDoesNotFitTheDocumentIsFound) {
  const Library lib = builtin();
  CampaignDraft d = next_year(lib);
  ASSERT_TRUE(set_draft_value(d, "documents[2].template_individual", "review-minutes"));
  auto errors = paths(check_campaign_draft(d, lib, kToday));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("documents[2]", 0), 0u) << errors[0];
}

// The printed summary quotes what units will be held to: the deadline in words, every criterion
// verbatim, the quotas, the file's version and hash.
TEST(CampaignDraft, SummaryQuotesTheCampaignAsPublished) {
  const Library lib = builtin();
  CampaignDraft d = next_year(lib);
  auto p = publish_draft(d, lib, kToday, kNow);
  ASSERT_TRUE(p);
  const Campaign& c = p->file.campaign;
  const std::string html = doc::to_html(doc::campaign_summary(c), "print.css");
  EXPECT_NE(html.find("Kế hoạch số 15/KH-SNgV ngày 02/03/2026"), std::string::npos);
  EXPECT_NE(html.find(doc::escape_markup(c.deadline.describe().vi)), std::string::npos);
  for (const AwardForm& f : c.award_forms)
    for (const AwardRule& r : f.rules)
      for (const Criterion& k : r.criteria) EXPECT_NE(html.find(doc::escape_markup(k.text.vi)), std::string::npos) << k.id;
  EXPECT_NE(html.find(c.hash), std::string::npos);
  EXPECT_NE(html.find("phiên bản 1"), std::string::npos);
}

TEST(CampaignDraft, RecordRoundTripsAndRefusesOtherFiles) {
  CampaignDraft d = next_year(builtin());
  d.published_version = 3;
  d.published_hash = "ab";
  d.published_at = kNow + 5000;
  auto back = draft_from_json("campaign-drafts/x.json", draft_to_json(d));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->content, d.content);
  EXPECT_EQ(back->key, d.key);
  EXPECT_EQ(back->published_version, 3);
  EXPECT_EQ(back->published_at / 1000, d.published_at / 1000);
  EXPECT_FALSE(draft_from_json("x", json{{"format", "hoso-campaign"}}));
  json no_content = draft_to_json(d);
  no_content.erase("content");
  EXPECT_FALSE(draft_from_json("x", no_content));
}

}  // namespace
}  // namespace hoso::testing
