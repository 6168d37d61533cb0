// Workspaces saved by the release before a workspace held many campaigns open in this one with
// every dossier, minutes, export record, attachment and register record intact: from the store
// directory it left behind, and from its one-file backup restored into an empty store. Both were
// made by that release (release_fixture_test.cpp) and are committed under fixtures/release-1/.
// After the upgrade the workspace takes a second campaign, and everything reads back.
#include <fstream>
#include <iterator>

#include "../core/registry_fixtures.hpp"
#include "core/campaign_file.hpp"
#include "core/assets.hpp"
#include "store/backup.hpp"
#include "store/registry_store.hpp"
#include "store/workspace_store.hpp"
#include "store_test_util.hpp"

namespace hoso::store::testing {
namespace {

const fs::path kFixture = fs::path(HOSO_SOURCE_DIR) / "tests/unit/store/fixtures/release-1";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class UpgradeTest : public StoreTest {
 protected:
  // The records of the release's backup, by name: what the release had saved.
  std::map<std::string, json> saved_records() {
    std::map<std::string, json> out;
    const json backup = json::parse(read_file(kFixture / "backup.json"));
    for (const json& r : backup["records"]) out[r["name"].get<std::string>()] = r["data"];
    return out;
  }

  // Everything the release saved is there, read by this build.
  void expect_intact(const Workspace& w, RecordStore& records) {
    const auto saved = saved_records();
    EXPECT_EQ(w.campaign_id, kDefaultCampaignId);
    EXPECT_TRUE(w.campaigns.empty());
    EXPECT_EQ(w.settings.unit_id, "phong-hop-tac-quoc-te");
    EXPECT_EQ(w.settings.author, "Lê Thị Cúc");
    // Export history.
    const json& head = saved.at("workspace.json");
    EXPECT_EQ(w.exports.last_revision, 1);
    EXPECT_EQ(w.exports.last_package_hash, head["exports"]["last_package_hash"].get<std::string>());
    EXPECT_EQ(w.exports.last_package_id, head["exports"]["last_package_id"].get<std::string>());
    ASSERT_TRUE(w.exports.last_time.has_value());
    // Every dossier exactly as saved (campaign, audit, export mark and all).
    int dossiers = 0;
    for (const auto& [name, data] : saved) {
      if (name.rfind("dossiers/", 0) != 0) continue;
      ++dossiers;
      const Dossier* d = w.dossier(data["id"].get<std::string>());
      ASSERT_NE(d, nullptr) << name;
      // Exactly as saved, but for the declaration that release did not have (issue 15): it reads
      // as not yet declared.
      json expected = data;
      if (!expected["flags"].contains("no_complaint_under_verification"))
        expected["flags"]["no_complaint_under_verification"] = false;
      EXPECT_EQ(to_json(*d), expected) << name;
      EXPECT_EQ(d->campaign.id, kDefaultCampaignId);
      EXPECT_TRUE(d->last_export.has_value());
    }
    EXPECT_EQ(dossiers, 3);
    EXPECT_EQ(w.dossiers.size(), 3u);
    // The minutes, now marked as Plan 32's, otherwise as saved.
    ASSERT_EQ(w.minutes.size(), 1u);
    EXPECT_EQ(w.minutes[0].campaign_id, kDefaultCampaignId);
    json minutes = to_json(w.minutes[0]);
    minutes.erase("campaign_id");
    EXPECT_EQ(minutes, saved.at(minutes_record(w.minutes[0].id)));
    // The attachment.
    const Dossier* with_attachment = nullptr;
    for (const Dossier& d : w.dossiers)
      if (!d.attachments.empty()) with_attachment = &d;
    ASSERT_NE(with_attachment, nullptr);
    const Attachment& a = with_attachment->attachments[0];
    EXPECT_EQ(*WorkspaceStore(records.root()).attachment(a.sha256), "%PDF-1.4 giấy khen năm 2024");
    // The secretariat's register: the package revision and the decision.
    auto reg = RegistryStore(records).load(kT0 + 5000);
    ASSERT_TRUE(reg.ok());
    EXPECT_TRUE(reg->broken.empty());
    ASSERT_EQ(reg->reg.revisions.size(), 1u);
    EXPECT_EQ(reg->reg.revisions[0].dossiers.size(), 3u);
    ASSERT_EQ(reg->reg.decisions.size(), 3u);
    int returned = 0;
    for (const Decision& d : reg->reg.decisions) {
      EXPECT_NE(w.dossier(d.dossier_id), nullptr);
      if (d.status != hoso::Status::returned) continue;
      ++returned;
      EXPECT_EQ(d.return_reason, "Thiếu chữ ký.");
    }
    EXPECT_EQ(returned, 1);
  }

  // After the upgrade: a second campaign joins and becomes active; everything reads back.
  void take_a_second_campaign(WorkspaceStore& store, Workspace w) {
    json next = json::parse(*assets::find("campaigns/32-KH-SNgV.json"));
    next["id"] = "15-KH-SNgV-2026";
    next["award_forms"].erase(1);  // the Bằng khen with placeholder criteria
    auto file = read_campaign_file("15-KH-SNgV.json", seal_campaign_file(next));
    ASSERT_TRUE(file.ok()) << file.error().describe(Language::en);
    const ExportHistory plan32_exports = w.exports;
    w.campaigns.push_back({file->campaign.id, file->campaign.version, file->campaign.hash, file->content, kT0 + 9000});
    activate(w, file->campaign.id);
    // The new campaign's packages start their own chain; Plan 32's history is kept aside.
    EXPECT_EQ(w.exports, ExportHistory{});
    EXPECT_EQ(w.campaign_exports.at(std::string(kDefaultCampaignId)), plan32_exports);
    store.mark_campaign_dirty(w.campaigns.back());
    store.mark_settings_dirty();
    ASSERT_TRUE(store.flush(w, kT0 + 9000).errors.empty());
    EXPECT_TRUE(exists("campaigns/15-KH-SNgV-2026_v1.json"));
    auto again = WorkspaceStore(dir_).load(kT0 + 10000);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->broken.empty());
    EXPECT_EQ(again->workspace, w);
    EXPECT_EQ(again->workspace.campaigns.at(0).hash, file->campaign.hash);
    Workspace back = again->workspace;
    activate(back, kDefaultCampaignId);
    EXPECT_EQ(back.exports, plan32_exports);
  }
};

TEST_F(UpgradeTest, StoreDirectoryOfTheFirstReleaseOpensIntact) {
  fs::copy(kFixture / "store", dir_, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  WorkspaceStore store(dir_);
  auto loaded = store.load(kT0 + 1000);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->broken.empty());
  expect_intact(loaded->workspace, store.records());
  take_a_second_campaign(store, loaded->workspace);
}

TEST_F(UpgradeTest, BackupOfTheFirstReleaseRestoresIntact) {
  RecordStore records(dir_);
  ASSERT_TRUE(records.load_all(kT0).ok());
  auto plan = verify_backup(read_file(kFixture / "backup.json"), records, "hoso-backup.json");
  ASSERT_TRUE(plan.ok()) << plan.error().describe(Language::en);
  ASSERT_TRUE(apply_backup(records, *plan, kT0 + 500).ok());
  WorkspaceStore store(dir_);
  auto loaded = store.load(kT0 + 1000);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->broken.empty());
  expect_intact(loaded->workspace, store.records());
  // The backup and the store directory hold the same workspace.
  fs::path other = dir_.string() + "_store";
  fs::remove_all(other);
  fs::copy(kFixture / "store", other, fs::copy_options::recursive);
  auto from_dir = WorkspaceStore(other).load(kT0 + 1000);
  fs::remove_all(other);
  ASSERT_TRUE(from_dir.ok());
  EXPECT_EQ(from_dir->workspace, loaded->workspace);
  take_a_second_campaign(store, loaded->workspace);
}

// The whole-workspace form (hoso.state(), developer hooks) of the first release has neither
// "campaigns" nor a minutes' "campaign_id": it reads as Plan 32's.
TEST_F(UpgradeTest, WorkspaceJsonOfTheFirstReleaseReads) {
  const auto saved = saved_records();
  json whole = saved.at("workspace.json");
  ASSERT_FALSE(whole.contains("campaigns"));
  whole["minutes"] = json::array();
  for (const auto& [name, data] : saved)
    if (name.rfind("minutes/", 0) == 0) whole["minutes"].push_back(data);
  auto w = workspace_from_json(whole, "workspace.json");
  ASSERT_TRUE(w.ok()) << w.error().describe(Language::en);
  EXPECT_TRUE(w->campaigns.empty());
  ASSERT_EQ(w->minutes.size(), 1u);
  EXPECT_EQ(w->minutes[0].campaign_id, kDefaultCampaignId);
  // Written again, it carries both, and reads back equal.
  const json written = to_json(*w);
  EXPECT_TRUE(written.contains("campaigns"));
  EXPECT_EQ(written["minutes"][0]["campaign_id"], kDefaultCampaignId);
  auto back = workspace_from_json(written);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, *w);
}

}  // namespace
}  // namespace hoso::store::testing
