// The campaigns of a workspace (core/campaigns.hpp): accepting a file (preview first, nothing
// changed on refusal), versions, switching, states, the library rebuilt from what is held, and
// one campaign's part of the workspace.
#include "core/campaigns.hpp"

#include <gtest/gtest.h>

#include "core/assets.hpp"
#include "domain_fixtures.hpp"

namespace hoso::testing {
namespace {

using nlohmann::json;

json next_json(int version = 1) {
  json c = json::parse(*assets::find("campaigns/32-KH-SNgV.json"));
  c["id"] = "15-KH-SNgV-2026";
  c["version"] = version;
  c["plan"]["number"] = "15/KH-SNgV";
  c["plan"]["date"] = "2026-03-02";
  c["period"] = {{"start", "2026-03-01"}, {"end", "2026-11-30"}};
  c["deadline"] = {{"before", "2026-12-20"}};
  c["award_forms"].erase(1);  // the Bằng khen, whose criteria are placeholders
  return c;
}

CampaignFile file_of(const json& c) {
  auto f = read_campaign_file("15-KH-SNgV.json", seal_campaign_file(c));
  EXPECT_TRUE(f.ok()) << (f ? "" : f.error().describe(Language::en));
  return f ? std::move(f).value() : CampaignFile{};
}

constexpr Date kDecember{2026, 12, 6};

TEST(CampaignsModel, AcceptingAFileAddsItAndMakesItActive) {
  Library l = lib();
  Workspace w = valid_workspace();
  const CampaignFile f = file_of(next_json());
  auto p = preview_campaign(l, w, f);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->replaces, nullptr);
  EXPECT_FALSE(p->same_as_held);
  ASSERT_TRUE(accept_campaign(l, w, f, kNow).ok());
  EXPECT_EQ(w.campaign_id, "15-KH-SNgV-2026");
  ASSERT_EQ(w.campaigns.size(), 1u);
  EXPECT_EQ(w.campaigns[0].hash, f.campaign.hash);
  EXPECT_EQ(w.campaigns[0].accepted, kNow);
  // The same file again: nothing new, only active.
  ASSERT_TRUE(switch_campaign(l, w, kDefaultCampaignId));
  EXPECT_TRUE(preview_campaign(l, w, f)->same_as_held);
  ASSERT_TRUE(accept_campaign(l, w, f, kNow + 1).ok());
  EXPECT_EQ(w.campaigns.size(), 1u);
  EXPECT_EQ(w.campaign_id, "15-KH-SNgV-2026");
  EXPECT_FALSE(switch_campaign(l, w, "no-such-campaign"));
  EXPECT_EQ(w.campaign_id, "15-KH-SNgV-2026");
}

TEST(CampaignsModel, EachCampaignHasItsOwnExportHistory) {
  Library l = lib();
  Workspace w = valid_workspace();
  w.exports = ExportHistory{2, "3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b", "abc", kNow};
  const ExportHistory plan32 = w.exports;
  ASSERT_TRUE(accept_campaign(l, w, file_of(next_json()), kNow).ok());
  EXPECT_EQ(w.exports, ExportHistory{});  // the new campaign's first package is revision 1
  EXPECT_EQ(campaign_part(w, kDefaultCampaignId).exports, plan32);
  w.exports.last_revision = 1;
  ASSERT_TRUE(switch_campaign(l, w, kDefaultCampaignId));
  EXPECT_EQ(w.exports, plan32);
  EXPECT_EQ(w.campaign_exports.at("15-KH-SNgV-2026").last_revision, 1);
  auto back = workspace_from_json(to_json(w));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, w);
}

TEST(CampaignsModel, VersionsReplaceForwardOnlyAndRefusalsChangeNothing) {
  Library l = lib();
  Workspace w = valid_workspace();
  ASSERT_TRUE(accept_campaign(l, w, file_of(next_json(2)), kNow).ok());
  // Version 2 corrected again: version 3 replaces it and says so.
  json v3 = next_json(3);
  v3["award_forms"][0]["rules"][0]["criteria"][0]["text_vi"] = "Tiêu chuẩn đã sửa.";
  const CampaignFile f3 = file_of(v3);
  auto p = preview_campaign(l, w, f3);
  ASSERT_TRUE(p.ok());
  ASSERT_NE(p->replaces, nullptr);
  EXPECT_EQ(p->replaces->version, 2);
  ASSERT_TRUE(accept_campaign(l, w, f3, kNow + 1).ok());
  EXPECT_EQ(l.campaign("15-KH-SNgV-2026")->version, 3);
  EXPECT_EQ(w.campaigns.size(), 2u);  // both versions kept: dossiers written against 2 keep it
  // An older version, or version 3 with other content, is refused and nothing changes.
  const Workspace before = w;
  auto older = accept_campaign(l, w, file_of(next_json(1)), kNow + 2);
  ASSERT_FALSE(older.ok());
  EXPECT_NE(older.error().what.en.find("older than the loaded version 3"), std::string::npos) << older.error().what.en;
  auto other = accept_campaign(l, w, file_of(next_json(3)), kNow + 2);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().what.en.find("raise the version number"), std::string::npos);
  EXPECT_EQ(w, before);
  EXPECT_EQ(l.campaign("15-KH-SNgV-2026")->version, 3);
  // The library rebuilt from the workspace holds the highest version.
  WorkspaceLibrary again = library_for(lib(), w);
  EXPECT_TRUE(again.left_out.empty());
  EXPECT_EQ(again.library.campaign("15-KH-SNgV-2026")->version, 3);
  EXPECT_EQ(again.library.campaign("15-KH-SNgV-2026")->hash, f3.campaign.hash);
}

TEST(CampaignsModel, AHeldCampaignThatNoLongerReadsIsLeftOutAndReported) {
  Workspace w = valid_workspace();
  Library l = lib();
  ASSERT_TRUE(accept_campaign(l, w, file_of(next_json()), kNow).ok());
  w.campaigns[0].content["documents"][0]["template_individual"] = "no-such-template";
  WorkspaceLibrary built = library_for(lib(), w);
  ASSERT_EQ(built.left_out.size(), 1u);
  EXPECT_EQ(built.left_out[0].file, "15-KH-SNgV-2026_v1");
  EXPECT_EQ(built.library.campaign("15-KH-SNgV-2026"), nullptr);
  EXPECT_NE(built.library.campaign(kDefaultCampaignId), nullptr);
}

TEST(CampaignsModel, PlanThirtyTwoClosesOnceANewCampaignIsOpen) {
  Library l = lib();
  Workspace w = valid_workspace();
  // Alone, Plan 32 is past its deadline but still the campaign to work on.
  auto alone = campaign_summaries(l, w, kDecember);
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].state, CampaignState::past_deadline);
  EXPECT_TRUE(alone[0].built_in);
  ASSERT_TRUE(accept_campaign(l, w, file_of(next_json()), kNow).ok());
  auto both = campaign_summaries(l, w, kDecember);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].id, kDefaultCampaignId);
  EXPECT_EQ(both[0].plan_number, "32/KH-SNgV");
  EXPECT_EQ(both[0].state, CampaignState::closed);
  EXPECT_EQ(both[1].id, "15-KH-SNgV-2026");
  EXPECT_EQ(both[1].version, 1);
  EXPECT_EQ(both[1].deadline, (Date{2026, 12, 19}));
  EXPECT_EQ(both[1].state, CampaignState::open);
  EXPECT_FALSE(both[1].built_in);
  // Once the new one is past too, neither is superseded.
  EXPECT_EQ(state_of(l, w, *l.campaign("15-KH-SNgV-2026"), {2026, 12, 20}), CampaignState::past_deadline);
}

TEST(CampaignsModel, APersonClosesArchivesAndReopensACampaignAndTheWorkspaceKeepsIt) {
  Library l = lib();
  Workspace w = valid_workspace();
  ASSERT_TRUE(accept_campaign(l, w, file_of(next_json()), kNow).ok());
  const Campaign& next = *l.campaign("15-KH-SNgV-2026");
  // Closed by hand before its deadline: closed, and so read-only.
  ASSERT_TRUE(mark_campaign(l, w, next.id, CampaignMark::closed));
  EXPECT_EQ(state_of(l, w, next, kDecember), CampaignState::closed);
  EXPECT_TRUE(is_closed(state_of(l, w, next, kDecember)));
  // The chosen campaign is not archived; another is chosen first.
  auto refused = mark_campaign(l, w, next.id, CampaignMark::archived);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().what.vi.find("chọn đợt khác"), std::string::npos);
  EXPECT_EQ(w.campaign_marks.at(next.id), CampaignMark::closed) << "nothing changed";
  ASSERT_TRUE(mark_campaign(l, w, kDefaultCampaignId, CampaignMark::archived));
  EXPECT_FALSE(switch_campaign(l, w, kDefaultCampaignId)) << "an archived campaign is unarchived first";
  EXPECT_EQ(campaign_summaries(l, w, kDecember)[0].state, CampaignState::archived);
  EXPECT_FALSE(mark_campaign(l, w, "no-such", CampaignMark::closed));
  // Kept across a save and a load, and undone.
  auto back = workspace_from_json(to_json(w));
  ASSERT_TRUE(back) << back.error().describe(Language::en);
  EXPECT_EQ(back->campaign_marks, w.campaign_marks);
  ASSERT_TRUE(mark_campaign(l, w, next.id, std::nullopt));
  EXPECT_EQ(state_of(l, w, next, kDecember), CampaignState::open);
  ASSERT_TRUE(mark_campaign(l, w, kDefaultCampaignId, std::nullopt));
  EXPECT_TRUE(switch_campaign(l, w, kDefaultCampaignId));
  // A mark of a newer release reads as none; the rest of the workspace loads.
  json j = to_json(w);
  j["campaign_marks"] = {{"15-KH-SNgV-2026", "hidden"}};
  auto newer = workspace_from_json(j);
  ASSERT_TRUE(newer) << newer.error().describe(Language::en);
  EXPECT_TRUE(newer->campaign_marks.empty());
  EXPECT_EQ(newer->campaign_id, w.campaign_id);
  // An archived campaign opened again from its file comes back, and is the one chosen.
  ASSERT_TRUE(mark_campaign(l, w, next.id, CampaignMark::closed));
  ASSERT_TRUE(switch_campaign(l, w, kDefaultCampaignId));
  ASSERT_TRUE(mark_campaign(l, w, next.id, CampaignMark::archived));
  ASSERT_TRUE(accept_campaign(l, w, file_of(next_json()), kNow + 1));
  EXPECT_EQ(w.campaign_id, next.id);
  EXPECT_EQ(state_of(l, w, next, kDecember), CampaignState::open);
}

TEST(CampaignsModel, OneCampaignsPartOfTheWorkspace) {
  Workspace w = valid_workspace();
  EXPECT_FALSE(spans_campaigns(w));
  Dossier next = w.dossiers[0];
  next.id = "d-2026";
  next.campaign.id = "15-KH-SNgV-2026";
  w.dossiers.push_back(next);
  Minutes m = w.minutes[0];
  m.id = "m-2026";
  m.campaign_id = "15-KH-SNgV-2026";
  m.votes.clear();
  w.minutes.push_back(m);
  EXPECT_TRUE(spans_campaigns(w));
  const Workspace plan32 = campaign_part(w, kDefaultCampaignId);
  EXPECT_EQ(plan32.dossiers.size(), 2u);
  EXPECT_EQ(plan32.minutes.size(), 1u);
  EXPECT_EQ(plan32.campaign_id, kDefaultCampaignId);
  const Workspace now = campaign_part(w, "15-KH-SNgV-2026");
  ASSERT_EQ(now.dossiers.size(), 1u);
  EXPECT_EQ(now.dossiers[0].id, "d-2026");
  ASSERT_EQ(now.minutes.size(), 1u);
  EXPECT_EQ(now.settings, w.settings);
  // Plan 32's findings are the same as before the new campaign joined.
  EXPECT_EQ(dump(check(plan32)), dump(check(valid_workspace())));
}

}  // namespace
}  // namespace hoso::testing
