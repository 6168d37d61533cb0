// The published campaign file (core/campaign_file.hpp): a next campaign made from Plan 32 reads
// back with the hash it was sealed with; every kind of bad file is refused with a message naming
// what is wrong; placeholder criteria cannot be published; campaign states.
#include "core/campaign_file.hpp"

#include <gtest/gtest.h>

#include "core/assets.hpp"
#include "core/canonical_json.hpp"
#include "domain_fixtures.hpp"

namespace hoso::testing {
namespace {

using nlohmann::json;

json plan32() { return json::parse(*assets::find("campaigns/32-KH-SNgV.json")); }

// Next year's campaign as a secretariat makes it from Plan 32: new id, number, period and
// deadline, and the placeholder criteria written out.
json next_campaign() {
  json c = plan32();
  c["id"] = "15-KH-SNgV-2026";
  c["plan"]["number"] = "15/KH-SNgV";
  c["plan"]["date"] = "2026-03-02";
  c["period"] = {{"start", "2026-03-01"}, {"end", "2026-11-30"}};
  c["deadline"] = {{"before", "2026-12-20"}};
  for (json& form : c["award_forms"])
    for (json& rule : form["rules"])
      for (json& k : rule["criteria"])
        if (k.value("placeholder", false)) {
          k["text_vi"] = "Hoàn thành xuất sắc nhiệm vụ năm 2026.";
          k["text_en"] = "Completed the tasks of 2026 with excellence.";
          k.erase("placeholder");
        }
  return c;
}

std::string refusal(std::string_view bytes) {
  auto r = read_campaign_file("dot-thi-dua.json", bytes);
  EXPECT_FALSE(r.ok());
  if (r) return {};
  EXPECT_FALSE(r.error().what.vi.empty());
  EXPECT_EQ(r.error().file, "dot-thi-dua.json");
  return r.error().describe(Language::en);
}

TEST(CampaignFile, SealedFileReadsBackWithItsHash) {
  const std::string text = seal_campaign_file(next_campaign());
  auto r = read_campaign_file("15-KH-SNgV.json", text);
  ASSERT_TRUE(r.ok()) << r.error().describe(Language::en);
  EXPECT_EQ(r->campaign.id, "15-KH-SNgV-2026");
  EXPECT_EQ(r->campaign.plan.number, "15/KH-SNgV");
  EXPECT_EQ(r->campaign.deadline.last_day, (Date{2026, 12, 19}));
  EXPECT_EQ(r->campaign.hash, json::parse(text)["content_sha256"].get<std::string>());
  EXPECT_FALSE(r->content.contains("content_sha256"));
  EXPECT_EQ(campaign_content_hash(r->content), r->campaign.hash);
  // White space and key order do not matter; an unsealed file is read too, with the same hash.
  auto pretty = read_campaign_file("x.json", next_campaign().dump(2));
  ASSERT_TRUE(pretty.ok());
  EXPECT_EQ(pretty->campaign.hash, r->campaign.hash);
  // And the library takes it beside Plan 32.
  Library l = lib();
  ASSERT_TRUE(l.add(r->campaign).ok());
  EXPECT_NE(l.campaign("15-KH-SNgV-2026"), nullptr);
  EXPECT_NE(l.campaign(kDefaultCampaignId), nullptr);
}

TEST(CampaignFile, RefusesTruncatedJson) {
  const std::string text = seal_campaign_file(next_campaign());
  EXPECT_NE(refusal(text.substr(0, text.size() / 2)).find("truncated"), std::string::npos);
  EXPECT_NE(refusal("").find("cannot be read"), std::string::npos);
}

TEST(CampaignFile, RefusesFilesOfAnotherKind) {
  EXPECT_NE(refusal(R"({"format":"hoso-package","format_version":1})").find("dossier package"), std::string::npos);
  EXPECT_NE(refusal(R"({"format":"hoso-backup","version":1,"records":[]})").find("backup"), std::string::npos);
  EXPECT_NE(refusal(R"({"format":"hoso-template","format_version":1})").find("template"), std::string::npos);
  EXPECT_NE(refusal("[1,2,3]").find("not a hoso campaign file"), std::string::npos);
  EXPECT_NE(refusal(R"({"format":"something-else","format_version":1})").find("hoso-campaign"), std::string::npos);
}

TEST(CampaignFile, RefusesADeadlineBeforeThePeriod) {
  json c = next_campaign();
  c["deadline"] = {{"on_or_before", "2026-02-01"}};
  const std::string why = refusal(c.dump());
  EXPECT_NE(why.find("deadline (01/02/2026) is before the competition period starts (01/03/2026)"), std::string::npos)
      << why;
}

TEST(CampaignFile, RefusesA50MegabyteFileBeforeParsingIt) {
  // A campaign followed by 50 MB of white space: valid JSON, but no campaign file is that big.
  std::string big = next_campaign().dump();
  big.resize(std::size_t{50} << 20, ' ');
  const std::string why = refusal(big);
  EXPECT_NE(why.find("too large (50,0 MB)"), std::string::npos) << why;
}

TEST(CampaignFile, RefusesPlaceholderCriteriaPublishedAsReal) {
  // Plan 32 as shipped: its Bằng khen criteria are placeholders.
  const std::string why = refusal(plan32().dump());
  EXPECT_NE(why.find("placeholder"), std::string::npos) << why;
  EXPECT_NE(why.find("award_forms[1].rules[0].criteria[0]"), std::string::npos) << why;
  EXPECT_TRUE(has_placeholder_criteria(*campaign().award_form(campaign().award_forms[1].id)));
  EXPECT_FALSE(has_placeholder_criteria(campaign().award_forms[0]));
}

TEST(CampaignFile, RefusesAFileChangedAfterItWasSealed) {
  json sealed = json::parse(seal_campaign_file(next_campaign()));
  sealed["deadline"] = {{"before", "2026-12-31"}};
  EXPECT_NE(refusal(sealed.dump()).find("changed or damaged"), std::string::npos);
}

TEST(CampaignFile, States) {
  const Campaign& c = campaign();  // last day on time: 29/10/2025
  EXPECT_EQ(campaign_state(c, {2025, 10, 29}, true), CampaignState::open);
  EXPECT_EQ(campaign_state(c, {2025, 10, 30}, false), CampaignState::past_deadline);
  EXPECT_EQ(campaign_state(c, {2025, 10, 30}, true), CampaignState::closed);
  EXPECT_EQ(to_string(CampaignState::past_deadline), "past_deadline");
}

}  // namespace
}  // namespace hoso::testing
