// The workspace on the store: what did not load is always reported, with the previous version
// offered when there is one — a damaged dossier, the same dossier on the next start (only its
// ".prev" left), and a record written by a newer hoso.
#include "store/workspace_store.hpp"

#include "core/library.hpp"
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

}  // namespace
}  // namespace hoso::store::testing
