// Many campaigns in one workspace (core/workspace.hpp): accepted campaign files kept as
// published, minutes that belong to a campaign, and a package that answers one campaign only.
#include <gtest/gtest.h>

#include "core/assets.hpp"
#include "core/campaign_file.hpp"
#include "core/package.hpp"
#include "domain_fixtures.hpp"

namespace hoso::testing {
namespace {

using nlohmann::json;

CampaignFile next_campaign_file() {
  json c = json::parse(*assets::find("campaigns/32-KH-SNgV.json"));
  c["id"] = "15-KH-SNgV-2026";
  c["plan"]["number"] = "15/KH-SNgV";
  c["award_forms"].erase(1);  // the Bằng khen, whose criteria are placeholders
  auto f = read_campaign_file("15-KH-SNgV.json", seal_campaign_file(c));
  EXPECT_TRUE(f.ok()) << (f ? "" : f.error().describe(Language::en));
  return f ? std::move(f).value() : CampaignFile{};
}

TEST(CampaignsInAWorkspace, HeldCampaignRoundTripsAndReadsAsTheSameCampaign) {
  const CampaignFile f = next_campaign_file();
  Workspace w = valid_workspace();
  w.campaigns.push_back({f.campaign.id, f.campaign.version, f.campaign.hash, f.content, kNow});
  w.campaign_id = f.campaign.id;
  auto back = workspace_from_json(to_json(w));
  ASSERT_TRUE(back.ok()) << back.error().describe(Language::en);
  EXPECT_EQ(*back, w);
  auto c = campaign_from_json("x", back->campaigns[0].content);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(*c, f.campaign);
}

TEST(CampaignsInAWorkspace, DamagedHeldCampaignIsReportedWithItsPath) {
  const CampaignFile f = next_campaign_file();
  HeldCampaign h{f.campaign.id, f.campaign.version, f.campaign.hash, f.content, kNow};
  json j = to_json(h);
  j["file"]["period"]["start"] = "not a date";
  auto r = held_campaign_from_json(j, "campaigns/x_v1.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().path, "file.period.start");
  EXPECT_EQ(r.error().file, "campaigns/x_v1.json");
}

TEST(CampaignsInAWorkspace, MinutesBelongToACampaign) {
  Minutes m = valid_minutes({});
  EXPECT_EQ(m.campaign_id, kDefaultCampaignId);  // new minutes: Plan 32 unless told otherwise
  m.campaign_id = "15-KH-SNgV-2026";
  json j = to_json(m);
  EXPECT_EQ(j["campaign_id"], "15-KH-SNgV-2026");
  EXPECT_EQ(*minutes_from_json(j), m);
  // Minutes written before campaigns were data are Plan 32's.
  j.erase("campaign_id");
  EXPECT_EQ(minutes_from_json(j)->campaign_id, kDefaultCampaignId);
  j["campaign_id"] = "";
  EXPECT_EQ(minutes_from_json(j).error().path, "campaign_id");
}

TEST(CampaignsInAWorkspace, APackageAnswersOneCampaign) {
  const CampaignFile f = next_campaign_file();
  Library l = lib();
  ASSERT_TRUE(l.add(f.campaign).ok());
  Workspace w = valid_workspace();
  for (Dossier& d : w.dossiers) d.status = Status::ready;
  // A second set of minutes, for the new campaign: it stays out of Plan 32's package.
  Minutes other = valid_minutes({});
  other.id = "m-2026";
  other.campaign_id = f.campaign.id;
  w.minutes.push_back(other);
  std::vector<std::string> ids{w.dossiers[0].id, w.dossiers[1].id};
  auto p = build_package(l, PackageInput{w, ids, Contact{"Lê Thị Cúc", "0205 3812 345", "cuc@example.vn"},
                                         "3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b",
                                         "0b9e6a52-7c1d-4f3e-8a2b-5d6c7e8f9a01", kNow, {}});
  ASSERT_TRUE(p.ok()) << p.error().describe(Language::en);
  const json j = json::parse(p->text);
  ASSERT_EQ(j["minutes"].size(), 1u);
  EXPECT_EQ(j["minutes"][0]["campaign_id"], kDefaultCampaignId);
  // Under the new campaign, Plan 32's dossiers are refused by name.
  w.campaign_id = f.campaign.id;
  auto refused = build_package(l, PackageInput{w, ids, Contact{"Lê Thị Cúc", "0205 3812 345", "cuc@example.vn"},
                                               "3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b",
                                         "0b9e6a52-7c1d-4f3e-8a2b-5d6c7e8f9a01", kNow, {}});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().what.en.find("belongs to the campaign “32-KH-SNgV”"), std::string::npos)
      << refused.error().what.en;
}

}  // namespace
}  // namespace hoso::testing
