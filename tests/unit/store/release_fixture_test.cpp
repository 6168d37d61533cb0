// Writes the fixture of a workspace saved by a release: a store directory and its one-file
// backup, with dossiers (one with an attachment), the unit's minutes, an export record and a
// secretariat register. The committed copy in tests/unit/store/fixtures/ was made by the release
// before a workspace held many campaigns (one campaign, Plan 32); upgrade_test.cpp opens it.
// Not run by ctest: run it by hand with the target folder, at the commit whose format it records:
//   HOSO_WRITE_FIXTURE=tests/unit/store/fixtures/release-1 build/native/hoso_store_tests
//     --gtest_also_run_disabled_tests --gtest_filter=*WriteReleaseFixture*
#include <cstdlib>
#include <fstream>

#include "../core/registry_fixtures.hpp"
#include "core/council.hpp"
#include "store/backup.hpp"
#include "store/registry_store.hpp"
#include "store/workspace_store.hpp"
#include "store_test_util.hpp"
#include "core/intake.hpp"
#include "core/registry_view.hpp"

namespace hoso::store::testing {
namespace {

namespace core = ::hoso::testing;

TEST(ReleaseFixture, DISABLED_WriteReleaseFixture) {
  const char* out = std::getenv("HOSO_WRITE_FIXTURE");
  ASSERT_NE(out, nullptr) << "set HOSO_WRITE_FIXTURE to the folder to write";
  const fs::path root = fs::path(out);
  fs::remove_all(root);
  fs::create_directories(root / "store");
  const Millis now = core::kSent;

  // The unit's side: three dossiers and minutes, one attachment, exported once.
  WorkspaceStore ws_store(root / "store");
  ASSERT_TRUE(ws_store.load(now).ok());
  Workspace w = core::unit_workspace("phong-hop-tac-quoc-te", "Phòng Hợp tác quốc tế", 11, 3, 0.34);
  w.settings.author = "Lê Thị Cúc";
  const std::string pdf = "%PDF-1.4 giấy khen năm 2024";
  Attachment att{"att-1", "giấy khen 2024.pdf", "application/pdf", static_cast<int64_t>(pdf.size()), sha256_hex(pdf),
                 now};
  w.dossiers[0].attachments.push_back(att);
  ASSERT_TRUE(ws_store.put_attachment(att.sha256, pdf).ok());
  core::Blobs blobs{{att.sha256, pdf}};
  const BuiltPackage sent = core::export_package(w, now, 7, blobs);
  Workspace saved = sent.workspace;
  ASSERT_EQ(saved.exports.last_revision, 1);
  ASSERT_FALSE(saved.minutes.empty());
  ws_store.mark_all_dirty(saved);
  ASSERT_TRUE(ws_store.flush(saved, now).errors.empty());

  // The secretariat's side in the same store: the unit's package taken in, a decision.
  RegistryStore reg_store(ws_store.records());
  Registry r = core::empty_registry();
  IntakeApplied applied =
      apply_intake(r, classify(core::lib(), r, std::vector<IncomingFile>{core::incoming(sent)}), core::kSecretariat);
  ASSERT_EQ(applied.added, 1);
  for (const PackageAttachment& x : applied.attachments) ASSERT_TRUE(reg_store.put_attachment(x.sha256, x.bytes).ok());
  reg_store.mark(applied.changes);
  auto decided = set_status(r, core::view_of(r), saved.dossiers[1].id, hoso::Status::returned, "Thiếu chữ ký.",
                            core::kSecretariat);
  ASSERT_TRUE(decided.ok());
  reg_store.mark(*decided);
  ASSERT_TRUE(reg_store.flush(r, now).errors.empty());

  auto backup = make_backup(ws_store.records(), now);
  ASSERT_TRUE(backup.ok());
  std::ofstream(root / "backup.json", std::ios::binary) << *backup;
}

}  // namespace
}  // namespace hoso::store::testing
