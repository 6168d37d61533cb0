// The workspace on the store: what did not load is always reported, with the previous version
// offered when there is one — a damaged dossier, the same dossier on the next start (only its
// ".prev" left), and a record written by a newer hoso.
#include "store/workspace_store.hpp"

#include "core/library.hpp"
#include "core/sha256.hpp"
#include "core/synthetic.hpp"
#include "store_test_util.hpp"

namespace hoso::store::testing {
namespace {

class WorkspaceStoreTest : public StoreTest {
 protected:
  // Three generated dossiers, each saved twice (so each has a previous version).
  Workspace saved_workspace() {
    auto lib = load_builtin_library();
    EXPECT_TRUE(lib.ok());
    SyntheticOptions opts;
    opts.dossiers = 3;
    Workspace w = generate_workspace(*lib, lib->campaigns().front(), opts);
    WorkspaceStore ws(dir_);
    EXPECT_TRUE(ws.load(kT0).ok());
    ws.mark_all_dirty(w);
    EXPECT_TRUE(ws.flush(w, kT0).errors.empty());
    for (Dossier& d : w.dossiers) d.summary += " (sửa lần hai)";
    ws.mark_all_dirty(w);
    EXPECT_TRUE(ws.flush(w, kT0 + 1000).errors.empty());
    return w;
  }
};

TEST_F(WorkspaceStoreTest, DamagedDossierIsReportedOnThisStartAndTheNext) {
  Workspace w = saved_workspace();
  const std::string broken = dossier_record(w.dossiers[1].id);
  write_raw(broken, "{garbage");

  auto first = WorkspaceStore(dir_).load(kT0 + 2000);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->workspace.dossiers.size(), 2u);
  ASSERT_EQ(first->broken.size(), 1u);
  EXPECT_EQ(first->broken[0].name, broken);
  EXPECT_EQ(first->broken[0].kind, BrokenRecord::Kind::damaged);
  EXPECT_TRUE(first->broken[0].previous_valid);

  // The damaged file is in quarantine now; on the next start only its ".prev" is left. It must
  // still be reported, with the previous version offered, not silently dropped.
  WorkspaceStore again(dir_);
  auto second = again.load(kT0 + 3000);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->workspace.dossiers.size(), 2u);
  ASSERT_EQ(second->broken.size(), 1u);
  EXPECT_EQ(second->broken[0].name, broken);
  EXPECT_EQ(second->broken[0].kind, BrokenRecord::Kind::previous_only);
  EXPECT_TRUE(second->broken[0].previous_valid);

  ASSERT_TRUE(again.restore_previous(broken, kT0 + 4000));
  auto third = WorkspaceStore(dir_).load(kT0 + 5000);
  ASSERT_TRUE(third);
  EXPECT_TRUE(third->broken.empty());
  ASSERT_EQ(third->workspace.dossiers.size(), 3u);
  const Dossier* back = third->workspace.dossier(w.dossiers[1].id);
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(back->summary + " (sửa lần hai)", w.dossiers[1].summary);  // the first save
}

TEST_F(WorkspaceStoreTest, RecordFromANewerHosoIsReportedAndLeftAlone) {
  Workspace w = saved_workspace();
  const std::string name = dossier_record(w.dossiers[0].id);
  const std::string newer =
      R"({"format":"hoso-record","version":2,"seq":9,"saved_at":"2025-10-20T08:15:00Z","data":{"x":1}})";
  write_raw(name, newer);

  auto load = WorkspaceStore(dir_).load(kT0 + 2000);
  ASSERT_TRUE(load);
  EXPECT_EQ(load->workspace.dossiers.size(), 2u);
  ASSERT_EQ(load->broken.size(), 1u);
  EXPECT_EQ(load->broken[0].name, name);
  EXPECT_EQ(load->broken[0].kind, BrokenRecord::Kind::left_in_place);
  EXPECT_FALSE(load->broken[0].previous_valid);
  EXPECT_NE(load->broken[0].problem_en.find("newer"), std::string::npos);
  EXPECT_EQ(read_raw(name), newer);
}

// The quarantine in store/ of every file under it whose relative name starts with `prefix`.
std::vector<std::string> quarantined(const std::map<std::string, std::string>& files, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& [name, bytes] : files)
    if (name.rfind("quarantine/" + prefix, 0) == 0) out.push_back(bytes);
  return out;
}

// The settings record is damaged while its ".prev" is good. The workspace runs on defaults, and
// however often it saves, the defaults never reach the disk: two saves used to rotate the good
// ".prev" away. Restoring the previous version brings the settings back.
TEST_F(WorkspaceStoreTest, DamagedSettingsAreHeldNotOverwrittenByDefaults) {
  Workspace w = saved_workspace();
  WorkspaceStore first(dir_);
  ASSERT_TRUE(first.load(kT0 + 1500));
  w.settings.unit_name = "Phòng Tổ chức cán bộ";
  first.mark_settings_dirty();
  ASSERT_TRUE(first.flush(w, kT0 + 1600).errors.empty());
  w.settings.unit_name = "Phòng Tổ chức - Cán bộ";
  first.mark_settings_dirty();
  ASSERT_TRUE(first.flush(w, kT0 + 1700).errors.empty());
  const std::string good_previous = read_raw(std::string(kWorkspaceRecord) + ".prev");
  write_raw(std::string(kWorkspaceRecord), "{\"format\":\"hoso-rec");

  WorkspaceStore ws(dir_);
  auto load = ws.load(kT0 + 2000);
  ASSERT_TRUE(load);
  EXPECT_TRUE(ws.settings_held());
  EXPECT_EQ(load->workspace.settings, Settings{});
  ASSERT_EQ(load->broken.size(), 1u);
  EXPECT_EQ(load->broken[0].name, kWorkspaceRecord);
  EXPECT_TRUE(load->broken[0].previous_valid);

  for (int save = 0; save < 2; ++save) {
    ws.mark_all_dirty(load->workspace);
    const FlushResult r = ws.flush(load->workspace, kT0 + 3000 + save);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].kind, ErrorKind::held_unreadable);
    EXPECT_EQ(r.errors[0].detail.file, kWorkspaceRecord);
  }
  EXPECT_TRUE(ws.dirty());  // still to be written once the person has decided
  EXPECT_FALSE(exists(std::string(kWorkspaceRecord)));
  EXPECT_EQ(read_raw(std::string(kWorkspaceRecord) + ".prev"), good_previous);
  EXPECT_EQ(quarantined(snapshot(), std::string(kWorkspaceRecord)).size(), 1u);

  ASSERT_TRUE(ws.restore_previous(kWorkspaceRecord, kT0 + 4000));
  WorkspaceStore after(dir_);
  auto back = after.load(kT0 + 5000);
  ASSERT_TRUE(back);
  EXPECT_FALSE(after.settings_held());
  EXPECT_EQ(back->workspace.settings.unit_name, "Phòng Tổ chức cán bộ");
}

// A settings record that parses but does not read as settings (here: a newer workspace format)
// stays where it is, byte for byte, until the person starts it over; then it is kept in
// quarantine and the settings in memory are written.
TEST_F(WorkspaceStoreTest, NewerFormatSettingsAreLeftAloneUntilStartedOver) {
  saved_workspace();
  const std::string newer =
      R"({"data":{"campaign_id":"x","format":"hoso-workspace","format_version":99,"settings":{}},)"
      R"("format":"hoso-record","saved_at":"2026-01-01T00:00:00.000Z","seq":7,"version":1})";
  write_raw(std::string(kWorkspaceRecord), newer);

  WorkspaceStore ws(dir_);
  auto load = ws.load(kT0 + 2000);
  ASSERT_TRUE(load);
  EXPECT_TRUE(ws.settings_held());
  ws.mark_settings_dirty();
  for (int save = 0; save < 2; ++save) {
    const FlushResult r = ws.flush(load->workspace, kT0 + 3000 + save);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].kind, ErrorKind::held_unreadable);
  }
  EXPECT_EQ(read_raw(std::string(kWorkspaceRecord)), newer);

  ASSERT_TRUE(ws.start_over(kWorkspaceRecord, kT0 + 4000));
  EXPECT_FALSE(ws.settings_held());
  EXPECT_EQ(quarantined(snapshot(), std::string(kWorkspaceRecord)), std::vector<std::string>{newer});
  load->workspace.settings.unit_name = "Văn phòng Sở";
  const FlushResult r = ws.flush(load->workspace, kT0 + 5000);
  EXPECT_TRUE(r.errors.empty());
  auto again = WorkspaceStore(dir_).load(kT0 + 6000);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->broken.empty());
  EXPECT_EQ(again->workspace.settings.unit_name, "Văn phòng Sở");
}

// Full storage is not a dead end: a removed attachment, and a removed package revision's
// attachment, are deleted from storage once nothing on disk or in memory names them.
TEST_F(WorkspaceStoreTest, BlobsNothingRefersToAreDeleted) {
  Workspace w = saved_workspace();
  WorkspaceStore ws(dir_);
  ASSERT_TRUE(ws.load(kT0 + 1500));
  const std::string kept = "%PDF-1.4 giữ lại", removed = "%PDF-1.4 đã gỡ", unsaved = "ảnh chưa lưu",
                    in_package = "%PDF-1.4 trong gói";
  for (const std::string* b : {&kept, &removed, &unsaved, &in_package}) ASSERT_TRUE(ws.put_attachment(sha256_hex(*b), *b));
  Dossier& d = w.dossiers[0];
  d.attachments.push_back(Attachment{"a1", "giu.pdf", "application/pdf", int64_t(kept.size()), sha256_hex(kept), kT0});
  d.attachments.push_back(Attachment{"a2", "go.pdf", "application/pdf", int64_t(removed.size()), sha256_hex(removed), kT0});
  ws.mark_dossier_dirty(d.id);
  ASSERT_TRUE(ws.flush(w, kT0 + 1600).errors.empty());
  const std::string revision = "registry/packages/p_r1_abc.json";
  ASSERT_TRUE(ws.records().save(revision, json{{"dossiers", json::array({{{"attachments", json::array({{{"sha256", sha256_hex(in_package)}}})}}})}}, kT0));

  // Removed from the dossier and saved: its ".prev" still names it (restore_previous would bring
  // it back), so it stays until the dossier is saved once more.
  d.attachments.pop_back();
  ws.mark_dossier_dirty(d.id);
  ASSERT_TRUE(ws.flush(w, kT0 + 1700).errors.empty());
  auto first = ws.collect_garbage({sha256_hex(unsaved)});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->removed, 0);

  d.summary += " (lưu thêm)";
  ws.mark_dossier_dirty(d.id);
  ASSERT_TRUE(ws.flush(w, kT0 + 1800).errors.empty());
  ASSERT_TRUE(ws.records().remove(revision, kT0 + 1900));  // the secretariat removed the revision
  auto second = ws.collect_garbage({sha256_hex(unsaved)});
  ASSERT_TRUE(second);
  EXPECT_EQ(second->removed, 2);
  EXPECT_EQ(second->bytes, removed.size() + in_package.size());
  EXPECT_TRUE(ws.attachment(sha256_hex(kept)));
  EXPECT_TRUE(ws.attachment(sha256_hex(unsaved)));  // named only in memory: not saved yet
  EXPECT_FALSE(ws.attachment(sha256_hex(removed)));
  EXPECT_FALSE(ws.attachment(sha256_hex(in_package)));
}

TEST_F(WorkspaceStoreTest, ClosedAndArchivedCampaignsAreKeptWithTheSettings) {
  Workspace w = saved_workspace();
  WorkspaceStore ws(dir_);
  ASSERT_TRUE(ws.load(kT0 + 1500));
  w.campaign_marks["15-KH-SNgV-2026"] = CampaignMark::closed;
  w.campaign_marks[std::string(kDefaultCampaignId)] = CampaignMark::archived;
  ws.mark_settings_dirty();
  ASSERT_TRUE(ws.flush(w, kT0 + 1600).errors.empty());
  WorkspaceStore again(dir_);
  auto loaded = again.load(kT0 + 1700);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->workspace.campaign_marks, w.campaign_marks);
}

}  // namespace
}  // namespace hoso::store::testing
