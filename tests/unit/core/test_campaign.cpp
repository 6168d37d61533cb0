// The shipped campaign: loaded whole, verbatim where it must be, and refused clearly when broken.
#include <gtest/gtest.h>

#include <string>

#include "core/assets.hpp"
#include "core/canonical_json.hpp"
#include "core/library.hpp"
#include "core/sha256.hpp"
#include "domain_fixtures.hpp"

namespace hoso {
namespace {

using nlohmann::json;
using testing::campaign;
using testing::lib;

json shipped_campaign() {
  auto bytes = assets::find("campaigns/32-KH-SNgV.json");
  EXPECT_TRUE(bytes.has_value());
  return json::parse(bytes.value_or("{}"));
}

std::string text_of(const json& j) { return j.dump(); }

TEST(Campaign, EveryShippedAssetLoads) {
  int campaigns = 0, templates = 0;
  for (const auto& a : assets::all()) {
    if (a.name.starts_with("campaigns/")) {
      auto c = load_campaign(a.name, a.bytes);
      EXPECT_TRUE(c.ok()) << a.name << ": " << (c ? "" : c.error().describe(Language::en));
      ++campaigns;
    } else if (a.name.starts_with("templates/")) {
      auto t = load_template(a.name, a.bytes);
      EXPECT_TRUE(t.ok()) << a.name << ": " << (t ? "" : t.error().describe(Language::en));
      ++templates;
    }
  }
  EXPECT_GE(campaigns, 1);
  EXPECT_GE(templates, 5);
  auto l = load_builtin_library();
  ASSERT_TRUE(l.ok()) << l.error().describe(Language::en);
  EXPECT_EQ(l->campaigns().size(), static_cast<std::size_t>(campaigns));
  EXPECT_EQ(l->templates().size(), static_cast<std::size_t>(templates));
}

TEST(Campaign, PlanFacts) {
  const Campaign& c = campaign();
  EXPECT_EQ(c.id, "32-KH-SNgV");
  EXPECT_EQ(c.version, 1);
  EXPECT_EQ(c.plan.number, "32/KH-SNgV");
  EXPECT_EQ(c.plan.date, (Date{2025, 5, 30}));
  EXPECT_EQ(c.place, "Lạng Sơn");
  EXPECT_EQ(c.issuer_parent.vi, "UBND tỉnh Lạng Sơn");
  EXPECT_EQ(c.issuer.vi, "Sở Ngoại vụ");
  EXPECT_EQ(c.parent_plan.number, "134/KH-UBND");
  EXPECT_EQ(c.parent_plan.date, (Date{2025, 5, 15}));
  EXPECT_EQ(c.period.start, (Date{2025, 5, 1}));
  EXPECT_EQ(c.period.end, (Date{2025, 10, 31}));
  EXPECT_EQ(c.report_decree.number, "98/2023/NĐ-CP");
  EXPECT_EQ(c.theme.vi,
            "Đoàn kết, đổi mới, sáng tạo, thi đua lập thành tích xuất sắc chào mừng Đại hội đảng bộ các cấp, "
            "Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ XVIII");
  EXPECT_EQ(c.name.vi,
            "phong trào thi đua đặc biệt lập thành tích chào mừng Đại hội đảng bộ các cấp, Đại hội Đảng bộ "
            "tỉnh Lạng Sơn lần thứ XVIII");
  EXPECT_NE(c.receiving_office.vi.find("Văn phòng Sở"), std::string::npos);
  EXPECT_EQ(c.hash.size(), 64u);
  ASSERT_NE(c.kind_spec(NomineeKind::individual), nullptr);
  EXPECT_EQ(c.kind_spec(NomineeKind::individual)->categories.size(), 3u);
  ASSERT_NE(c.category("vien_chuc"), nullptr);
  EXPECT_EQ(c.category("vien_chuc")->name.vi, "Viên chức");
  EXPECT_EQ(c.category("giam_doc"), nullptr);
  EXPECT_TRUE(c.units_are_examples);
  ASSERT_NE(c.unit("van-phong"), nullptr);
  EXPECT_EQ(c.unit("van-phong")->name.vi, "Văn phòng Sở");
  EXPECT_EQ(c.unit("nowhere"), nullptr);
  for (DocumentKind k : {DocumentKind::minutes, DocumentKind::summary, DocumentKind::report})
    EXPECT_NE(c.document(k), nullptr) << to_string(k);
  EXPECT_EQ(c.document(DocumentKind::report)->template_for(NomineeKind::collective), "form08-collective-nd98");
  EXPECT_EQ(c.document(DocumentKind::report)->template_for(NomineeKind::individual), "form08-individual-nd98");
}

TEST(Campaign, CertificateCriteriaAreVerbatim) {
  const AwardForm* gk = campaign().award_form("giay-khen-gd-so");
  ASSERT_NE(gk, nullptr);
  EXPECT_EQ(gk->name.vi, "Giấy khen của Giám đốc Sở");
  const AwardRule* tt = gk->rule_for(NomineeKind::collective);
  const AwardRule* cn = gk->rule_for(NomineeKind::individual);
  ASSERT_TRUE(tt && cn);
  ASSERT_EQ(tt->criteria.size(), 3u);
  ASSERT_EQ(cn->criteria.size(), 2u);
  EXPECT_EQ(tt->quota, 1);
  EXPECT_EQ(cn->quota, 3);
  EXPECT_EQ(tt->criteria[1].text.vi,
            "Chấp hành nghiêm kỷ luật, kỷ cương hành chính; thực hành tiết kiệm, chống lãng phí; đảm bảo thực "
            "hiện tốt quy chế dân chủ ở cơ sở, nội bộ đoàn kết;");
  EXPECT_EQ(cn->criteria[1].id, "gk_cn_2");
  EXPECT_TRUE(cn->criteria[1].text.vi.starts_with("Tích cực tham gia đợt thi đua đặc biệt; có tinh thần đoàn kết"));
  EXPECT_TRUE(cn->criteria[1].text.vi.ends_with("được đánh giá hoàn thành tốt 100% các nhiệm vụ được giao trong 10 tháng đầu năm 2025."));
  EXPECT_FALSE(cn->criteria[0].placeholder);
  auto found = campaign().find_criterion("gk_tt_3");
  ASSERT_NE(found.criterion, nullptr);
  EXPECT_EQ(found.number, 3);
  EXPECT_EQ(found.form, gk);
  EXPECT_EQ(campaign().find_criterion("nope").criterion, nullptr);
}

TEST(Campaign, ChairmansCertificateIsAMarkedPlaceholder) {
  const AwardForm* bk = campaign().award_form("bang-khen-ct-ubnd");
  ASSERT_NE(bk, nullptr);
  for (NomineeKind k : {NomineeKind::collective, NomineeKind::individual}) {
    const AwardRule* r = bk->rule_for(k);
    ASSERT_NE(r, nullptr);
    EXPECT_FALSE(r->quota.has_value());
    ASSERT_EQ(r->criteria.size(), 1u);
    EXPECT_TRUE(r->criteria[0].placeholder);
    EXPECT_NE(r->criteria[0].text.vi.find("134/KH-UBND ngày 15/5/2025"), std::string::npos);
  }
}

TEST(Campaign, DeadlineBeforeThe30thMeansThe29thIsTheLastDay) {
  const Deadline& dl = campaign().deadline;
  EXPECT_EQ(dl.last_day, (Date{2025, 10, 29}));
  EXPECT_EQ(dl.stated_date(), (Date{2025, 10, 30}));
  EXPECT_FALSE(dl.is_late({2025, 10, 29}));
  EXPECT_TRUE(dl.is_late({2025, 10, 30}));
  EXPECT_EQ(dl.days_left({2025, 10, 1}), 28);
  EXPECT_EQ(dl.days_left({2025, 10, 29}), 0);
  EXPECT_EQ(dl.days_left({2025, 10, 31}), -2);
  EXPECT_EQ(dl.describe().vi, "trước ngày 30/10/2025 (hạn cuối: 29/10/2025)");
  EXPECT_EQ(dl.describe().en, "before 30/10/2025 (last day: 29/10/2025)");
  Deadline by{{2025, 10, 29}, false};
  EXPECT_EQ(by.stated_date(), (Date{2025, 10, 29}));
  EXPECT_EQ(by.describe().vi, "chậm nhất ngày 29/10/2025");
  EXPECT_FALSE(by.is_late({2025, 10, 29}));
}

TEST(Campaign, OnOrBeforeDeadlineLoads) {
  json j = shipped_campaign();
  j["deadline"] = {{"on_or_before", "2025-10-29"}};
  auto c = load_campaign("x.json", text_of(j));
  ASSERT_TRUE(c.ok()) << c.error().describe(Language::en);
  EXPECT_EQ(c->deadline.last_day, (Date{2025, 10, 29}));
  EXPECT_FALSE(c->deadline.stated_before);
}

TEST(Campaign, ThresholdsAreExactFractionsOfTheTotal) {
  const Voting& v = campaign().voting;
  EXPECT_EQ(v.threshold, (Threshold{1, 2, true}));
  EXPECT_EQ(v.quorum, (Threshold{2, 3, false}));
  EXPECT_FALSE(v.threshold.met(5, 10));  // exactly half is not "more than half"
  EXPECT_TRUE(v.threshold.met(6, 10));
  EXPECT_TRUE(v.threshold.met(5, 9));
  EXPECT_FALSE(v.threshold.met(0, 0));
  EXPECT_TRUE(v.quorum.met(6, 9));  // 2/3 exactly is enough
  EXPECT_FALSE(v.quorum.met(5, 9));
  EXPECT_EQ(v.threshold.describe().vi, "quá nửa tổng số thành viên");
  EXPECT_EQ(v.quorum.describe().en, "at least 2/3 of all members");
  EXPECT_EQ((Threshold{3, 4, true}).describe().vi, "trên 3/4 tổng số thành viên");
  EXPECT_EQ(campaign().period.describe().vi, "từ 01/05/2025 đến 31/10/2025");
}

TEST(Campaign, HashIsOfCanonicalContent) {
  json j = shipped_campaign();
  auto a = load_campaign("a.json", j.dump());
  auto b = load_campaign("b.json", j.dump(4));  // other white space, same content
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->hash, b->hash);
  EXPECT_EQ(a->hash, sha256_hex(canonical_dump(j)));
  EXPECT_EQ(a->hash, campaign().hash);
  j["version"] = 2;
  auto c = load_campaign("c.json", j.dump());
  ASSERT_TRUE(c);
  EXPECT_NE(c->hash, a->hash);
}

TEST(Campaign, EnumsRoundTrip) {
  for (NomineeKind k : {NomineeKind::collective, NomineeKind::individual})
    EXPECT_EQ(nominee_kind_from_string(to_string(k)), k);
  EXPECT_FALSE(nominee_kind_from_string("team"));
  for (DocumentKind k : {DocumentKind::minutes, DocumentKind::summary, DocumentKind::report})
    EXPECT_EQ(document_kind_from_string(to_string(k)), k);
  EXPECT_FALSE(document_kind_from_string("letter"));
}

// ---- refusals: each names the file, the JSON path and what is wrong ------------------------------

struct Broken {
  const char* name;
  void (*edit)(json&);
  const char* path;
};

class CampaignRefusal : public ::testing::TestWithParam<Broken> {};

TEST_P(CampaignRefusal, NamesFileAndPath) {
  json j = shipped_campaign();
  GetParam().edit(j);
  auto c = load_campaign("bad-campaign.json", j.dump());
  ASSERT_FALSE(c.ok()) << GetParam().name;
  EXPECT_EQ(c.error().file, "bad-campaign.json");
  EXPECT_EQ(c.error().path, GetParam().path);
  EXPECT_FALSE(c.error().what.vi.empty());
  EXPECT_FALSE(c.error().what.en.empty());
  EXPECT_TRUE(c.error().describe(Language::vi).starts_with("bad-campaign.json"));
}

INSTANTIATE_TEST_SUITE_P(
    Campaign, CampaignRefusal,
    ::testing::Values(
        Broken{"wrong format", [](json& j) { j["format"] = "hoso-template"; }, "format"},
        Broken{"future format version", [](json& j) { j["format_version"] = 2; }, "format_version"},
        Broken{"no id", [](json& j) { j.erase("id"); }, "id"},
        Broken{"version zero", [](json& j) { j["version"] = 0; }, "version"},
        Broken{"version as text", [](json& j) { j["version"] = "1"; }, "version"},
        Broken{"not a date", [](json& j) { j["period"]["start"] = "2025-02-31"; }, "period.start"},
        Broken{"period reversed", [](json& j) { j["period"]["end"] = "2025-04-30"; }, "period.end"},
        Broken{"both deadlines", [](json& j) { j["deadline"]["on_or_before"] = "2025-10-29"; }, "deadline"},
        Broken{"no deadline", [](json& j) { j["deadline"] = json::object(); }, "deadline"},
        Broken{"plan without number", [](json& j) { j["plan"].erase("number"); }, "plan.number"},
        Broken{"empty English name", [](json& j) { j["name_en"] = " "; }, "name_en"},
        Broken{"unknown kind", [](json& j) { j["nominee_kinds"][0]["kind"] = "team"; }, "nominee_kinds[0].kind"},
        Broken{"kind twice", [](json& j) { j["nominee_kinds"][1]["kind"] = "collective"; j["nominee_kinds"][1].erase("categories"); }, "nominee_kinds[1].kind"},
        Broken{"categories on collective", [](json& j) { j["nominee_kinds"][0]["categories"] = j["nominee_kinds"][1]["categories"]; }, "nominee_kinds[0].categories"},
        Broken{"duplicate award form", [](json& j) { j["award_forms"][1]["id"] = "giay-khen-gd-so"; }, "award_forms[1].id"},
        Broken{"award id with capitals", [](json& j) { j["award_forms"][0]["id"] = "GiayKhen"; }, "award_forms[0].id"},
        Broken{"duplicate criterion", [](json& j) { j["award_forms"][0]["rules"][1]["criteria"][1]["id"] = "gk_cn_1"; }, "award_forms[0].rules[1].criteria[1].id"},
        Broken{"criterion without text", [](json& j) { j["award_forms"][0]["rules"][0]["criteria"][2].erase("text_vi"); }, "award_forms[0].rules[0].criteria[2].text_vi"},
        Broken{"no criteria", [](json& j) { j["award_forms"][0]["rules"][0]["criteria"] = json::array(); }, "award_forms[0].rules[0].criteria"},
        Broken{"negative quota", [](json& j) { j["award_forms"][0]["rules"][0]["quota"] = -1; }, "award_forms[0].rules[0].quota"},
        Broken{"quota absent", [](json& j) { j["award_forms"][0]["rules"][0].erase("quota"); }, "award_forms[0].rules[0].quota"},
        Broken{"fractional quota", [](json& j) { j["award_forms"][0]["rules"][0]["quota"] = 1.5; }, "award_forms[0].rules[0].quota"},
        Broken{"rule kind twice", [](json& j) { j["award_forms"][0]["rules"][1]["kind"] = "collective"; }, "award_forms[0].rules[1].kind"},
        Broken{"rules not a list", [](json& j) { j["award_forms"][0]["rules"] = json::object(); }, "award_forms[0].rules"},
        Broken{"document kind unknown", [](json& j) { j["documents"][0]["kind"] = "letter"; }, "documents[0].kind"},
        Broken{"document twice", [](json& j) { j["documents"][1]["kind"] = "minutes"; }, "documents[1].kind"},
        Broken{"threshold above one", [](json& j) { j["voting"]["threshold"]["numerator"] = 3; }, "voting.threshold"},
        Broken{"threshold not strictness", [](json& j) { j["voting"]["quorum"]["strict"] = "no"; }, "voting.quorum.strict"},
        Broken{"unit twice", [](json& j) { j["units"][1]["id"] = "van-phong"; }, "units[1].id"},
        Broken{"units not a list", [](json& j) { j["units"] = "Văn phòng"; }, "units"},
        Broken{"not an object", [](json& j) { j = json::array(); }, ""}),
    [](const ::testing::TestParamInfo<Broken>& p) {
      std::string n = p.param.name;
      for (char& ch : n)
        if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return n;
    });

TEST(Campaign, SyntaxErrorNamesFileAndOffset) {
  auto c = load_campaign("broken.json", "{\"id\": ");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().file, "broken.json");
  EXPECT_FALSE(c.error().path.empty());
  auto e = load_campaign("empty.json", "");
  EXPECT_FALSE(e.ok());
}

TEST(Campaign, NestingBombIsRefused) {
  std::string deep(10000, '[');
  auto c = load_campaign("deep.json", deep);
  EXPECT_FALSE(c.ok());
}

TEST(Library, CampaignNeedsItsTemplates) {
  Library empty;
  json j = shipped_campaign();
  auto c = campaign_from_json("c.json", j);
  ASSERT_TRUE(c);
  auto r = empty.add(*c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().path, "documents[0].template_collective");
  EXPECT_TRUE(empty.campaigns().empty());  // nothing half-added

  auto rr = empty.import_campaign("c.json", j.dump());
  ASSERT_FALSE(rr.ok());
  EXPECT_EQ(rr.error().file, "c.json");
}

TEST(Library, CampaignTemplateMustFitDocumentAndKind) {
  Library l = lib();
  json j = shipped_campaign();
  j["version"] = 2;
  j["documents"][2]["template_collective"] = "summary";  // a summary is not a report
  auto r = l.import_campaign("c.json", j.dump());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().path, "documents[2].template_collective");
  j["documents"][2]["template_collective"] = "form08-individual-nd98";  // wrong nominee kind
  r = l.import_campaign("c.json", j.dump());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(l.campaign("32-KH-SNgV")->version, 1);
}

TEST(Library, VersionsReplaceOnlyUpwards) {
  Library l = lib();
  json j = shipped_campaign();
  // Same version, same content: accepted, nothing changes.
  EXPECT_TRUE(l.import_campaign("same.json", j.dump(2)).ok());
  EXPECT_EQ(l.campaigns().size(), lib().campaigns().size());
  // Same version, other content: refused.
  json changed = j;
  changed["place"] = "Cao Bằng";
  auto r = l.import_campaign("changed.json", changed.dump());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, "changed.json");
  EXPECT_EQ(r.error().path, "version");
  // Higher version: replaces.
  changed["version"] = 2;
  ASSERT_TRUE(l.import_campaign("v2.json", changed.dump()).ok());
  EXPECT_EQ(l.campaign("32-KH-SNgV")->version, 2);
  EXPECT_EQ(l.campaign("32-KH-SNgV")->place, "Cao Bằng");
  // Lower version afterwards: refused.
  r = l.import_campaign("old.json", j.dump());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().what.en.find("older"), std::string::npos);
  // Another campaign id: added beside.
  json other = j;
  other["id"] = "12-KH-SNV";
  ASSERT_TRUE(l.import_campaign("other.json", other.dump()).ok());
  EXPECT_EQ(l.campaigns().size(), lib().campaigns().size() + 1);
  EXPECT_EQ(l.campaign("missing"), nullptr);
}

}  // namespace
}  // namespace hoso
