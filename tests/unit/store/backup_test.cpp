// The one-file backup: round trip, the plan before replacing anything, damaged files refused.
#include "store/backup.hpp"

#include "core/sha256.hpp"
#include "store_test_util.hpp"

namespace hoso::store::testing {
namespace {

class BackupTest : public StoreTest {
 protected:
  // A workspace with records in folders and at the top, and two blobs (one binary).
  void fill(RecordStore& s) {
    ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
    ASSERT_TRUE(s.save("dossiers/d1.json", sample(2), kT0 + 1000));  // seq 2, with a .prev
    ASSERT_TRUE(s.save("dossiers/d2.json", sample(3), kT0 + 2000));
    ASSERT_TRUE(s.save("minutes/m1.json", json{{"votes", 7}, {"title", "Biên bản họp"}}, kT0 + 3000));
    ASSERT_TRUE(s.save("settings.json", json{{"language", "vi"}}, kT0 + 4000));
    ASSERT_TRUE(s.write_blob(sha256_hex(blob1), blob1));
    ASSERT_TRUE(s.write_blob(sha256_hex(blob2), blob2));
  }
  fs::path other() const { return dir_ / "other"; }
  std::string blob1 = std::string("\x89PNG\r\n\x1a\n\0\0\0", 11);
  std::string blob2 = "Giấy khen";
};

TEST_F(BackupTest, RoundTripIntoAnEmptyWorkspaceGivesTheSameWorkspace) {
  RecordStore a(dir_ / "a");
  fill(a);
  auto text = make_backup(a, kT0 + 10'000);
  ASSERT_TRUE(text);
  auto doc = json::parse(*text);
  EXPECT_EQ(doc["format"], "hoso-backup");
  EXPECT_EQ(doc["version"], 1);
  EXPECT_EQ(doc["created_at"], "2025-10-20T08:15:10Z");
  EXPECT_EQ(doc["records"].size(), 4u);
  EXPECT_EQ(doc["blobs"].size(), 2u);

  RecordStore b(other());
  ASSERT_TRUE(b.load_all(kT0));
  auto plan = verify_backup(*text, b);
  ASSERT_TRUE(plan) << plan.error().describe(Language::en);
  EXPECT_EQ(plan->count(PlanAction::add), 6u);
  EXPECT_TRUE(plan->replacements().empty());
  auto applied = apply_backup(b, *plan, kT0 + 20'000);
  ASSERT_TRUE(applied);
  EXPECT_EQ(applied->records_added, 4u);
  EXPECT_EQ(applied->blobs_added, 2u);

  // Byte for byte the same records and blobs (no .prev: previous versions are not backed up).
  for (const char* name : {"dossiers/d1.json", "dossiers/d2.json", "minutes/m1.json", "settings.json"}) {
    EXPECT_EQ(read_raw(std::string("other/") + name), read_raw(std::string("a/") + name)) << name;
  }
  EXPECT_EQ(read_raw("other/blobs/" + sha256_hex(blob1)), blob1);
  auto again = make_backup(b, kT0 + 10'000);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *text);
  EXPECT_EQ(b.known_seq("dossiers/d1.json"), 2u);

  // Verifying the same backup once more: everything is already there.
  auto second = verify_backup(*text, b);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->count(PlanAction::same), 6u);
}

TEST_F(BackupTest, IntoANonEmptyWorkspaceThePlanListsWhatWouldBeReplaced) {
  RecordStore a(dir_ / "a");
  fill(a);
  auto text = make_backup(a, kT0 + 10'000);
  ASSERT_TRUE(text);

  RecordStore b(other());
  ASSERT_TRUE(b.save("dossiers/d1.json", sample(50), kT0));      // differs: replace
  ASSERT_TRUE(b.save("dossiers/d1.json", sample(51), kT0 + 1));  // seq 2
  ASSERT_TRUE(b.save("dossiers/d1.json", sample(52), kT0 + 2));  // seq 3
  ASSERT_TRUE(b.save("dossiers/d2.json", sample(3), kT0));       // same data: nothing to do
  ASSERT_TRUE(b.save("dossiers/mine.json", sample(9), kT0));     // not in the backup: kept
  ASSERT_TRUE(b.write_blob(sha256_hex(blob2), "not the same bytes", true));
  const auto before = snapshot();

  auto plan = verify_backup(*text, b);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->replacements(),
            (std::vector<std::string>{"dossiers/d1.json", "blobs/" + sha256_hex(blob2)}));
  EXPECT_EQ(plan->count(PlanAction::same), 1u);
  EXPECT_EQ(plan->count(PlanAction::add), 3u);  // minutes, settings, one blob
  EXPECT_EQ(snapshot(), before);                // verifying changes nothing

  auto applied = apply_backup(b, *plan, kT0 + 60'000);
  ASSERT_TRUE(applied);
  EXPECT_EQ(applied->records_replaced, 1u);
  EXPECT_EQ(applied->blobs_replaced, 1u);
  const json d1 = read_json("other/dossiers/d1.json");
  EXPECT_EQ(d1["data"], sample(2));
  EXPECT_EQ(d1["seq"], 4);  // above what was on disk (3) and in the backup (2)
  EXPECT_EQ(d1["saved_at"], "2025-10-20T08:16:00Z");
  EXPECT_EQ(read_json("other/dossiers/d1.json.prev")["data"], sample(52));  // the replaced one
  EXPECT_EQ(read_json("other/dossiers/mine.json")["data"], sample(9));
  EXPECT_EQ(read_json("other/dossiers/d2.json")["seq"], 1);
  EXPECT_EQ(read_raw("other/blobs/" + sha256_hex(blob2)), blob2);
}

TEST_F(BackupTest, APlanIsRefusedIfTheWorkspaceChangedSince) {
  RecordStore a(dir_ / "a");
  fill(a);
  auto text = make_backup(a, kT0);
  ASSERT_TRUE(text);
  RecordStore b(other());
  ASSERT_TRUE(b.save("dossiers/d1.json", sample(50), kT0));
  auto plan = verify_backup(*text, b);
  ASSERT_TRUE(plan);
  ASSERT_TRUE(b.save("dossiers/d1.json", sample(51), kT0 + 1));
  const auto before = snapshot();
  auto applied = apply_backup(b, *plan, kT0 + 2);
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().kind, ErrorKind::plan_stale);
  EXPECT_EQ(applied.error().detail.file, "dossiers/d1.json");
  EXPECT_EQ(snapshot(), before);
}

TEST_F(BackupTest, ABackupIsNotMadeWhenARecordCannotBeRead) {
  RecordStore a(dir_);
  ASSERT_TRUE(a.save("dossiers/d1.json", sample(1), kT0));
  write_raw("dossiers/d2.json", "broken");
  auto text = make_backup(a, kT0);
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().kind, ErrorKind::damaged);
  EXPECT_EQ(text.error().detail.file, "dossiers/d2.json");
}

// ---- damaged backups: each refused with what and where, and nothing changes --------------------

struct Damage {
  const char* label;
  std::string (*damage)(const std::string& text);
  const char* path;  // where the refusal points
};

json parsed(const std::string& text) { return json::parse(text); }

const Damage kDamages[] = {
    {"truncated", [](const std::string& t) { return t.substr(0, t.size() / 2); }, ""},
    {"empty", [](const std::string&) { return std::string(); }, ""},
    {"not_json", [](const std::string&) { return std::string("PK\x03\x04 a zip file"); }, ""},
    {"not_an_object", [](const std::string&) { return std::string("[]"); }, ""},
    {"blob_byte_changed",
     [](const std::string& t) {
       json d = parsed(t);
       std::string b64 = d["blobs"][1]["base64"].get<std::string>();
       b64[0] = b64[0] == 'A' ? 'B' : 'A';  // still valid base64, one byte different
       d["blobs"][1]["base64"] = b64;
       return d.dump();
     },
     "blobs[1].sha256"},
    {"blob_size_edited",
     [](const std::string& t) {
       json d = parsed(t);
       d["blobs"][0]["size"] = 3;
       return d.dump();
     },
     "blobs[0].size"},
    {"blob_base64_broken",
     [](const std::string& t) {
       json d = parsed(t);
       d["blobs"][0]["base64"] = "@@@@";
       return d.dump();
     },
     "blobs[0].base64"},
    {"content_hash_edited",
     [](const std::string& t) {
       json d = parsed(t);
       std::string h = d["content_sha256"].get<std::string>();
       h[0] = h[0] == '0' ? '1' : '0';
       d["content_sha256"] = h;
       return d.dump();
     },
     "content_sha256"},
    {"record_data_edited",
     [](const std::string& t) {
       json d = parsed(t);
       d["records"][0]["data"]["nominee"]["full_name"] = "Người khác";
       return d.dump();
     },
     "content_sha256"},
    {"wrong_format",
     [](const std::string& t) {
       json d = parsed(t);
       d["format"] = "hoso-package";
       return d.dump();
     },
     "format"},
    {"newer_version",
     [](const std::string& t) {
       json d = parsed(t);
       d["version"] = 2;
       return d.dump();
     },
     "version"},
    {"record_name_escapes",
     [](const std::string& t) {
       json d = parsed(t);
       d["records"][2]["name"] = "../../etc/x.json";
       return d.dump();
     },
     "records[2].name"},
    {"duplicate_record",
     [](const std::string& t) {
       json d = parsed(t);
       d["records"].push_back(d["records"][0]);
       return d.dump();
     },
     "records[4].name"},
    {"record_data_not_object",
     [](const std::string& t) {
       json d = parsed(t);
       d["records"][1]["data"] = "x";
       return d.dump();
     },
     "records[1].data"},
};

class DamagedBackupTest : public BackupTest, public ::testing::WithParamInterface<Damage> {};

TEST_P(DamagedBackupTest, IsRefusedAndChangesNothing) {
  RecordStore a(dir_ / "a");
  fill(a);
  auto text = make_backup(a, kT0);
  ASSERT_TRUE(text);

  RecordStore b(other());
  ASSERT_TRUE(b.save("dossiers/d1.json", sample(50), kT0));
  const auto before = snapshot();
  auto plan = verify_backup(GetParam().damage(*text), b, "sao-luu.json");
  ASSERT_FALSE(plan);
  const Error& e = plan.error();
  EXPECT_EQ(e.kind, ErrorKind::backup_invalid);
  EXPECT_EQ(e.detail.file, "sao-luu.json");
  EXPECT_EQ(e.detail.path, GetParam().path);
  EXPECT_NE(e.detail.what.en.find("Nothing was changed."), std::string::npos);
  EXPECT_NE(e.detail.what.vi.find("Không thay đổi gì."), std::string::npos);
  EXPECT_EQ(snapshot(), before);
}

INSTANTIATE_TEST_SUITE_P(Store, DamagedBackupTest, ::testing::ValuesIn(kDamages),
                         [](const auto& param_info) { return std::string(param_info.param.label); });

TEST_F(BackupTest, OversizedBackupIsRefusedBeforeParsing) {
  RecordStore b(dir_);
  const std::string huge(kMaxBackupBytes + 1, ' ');
  auto plan = verify_backup(huge, b);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().kind, ErrorKind::backup_invalid);
  EXPECT_NE(plan.error().detail.what.en.find("256 MB"), std::string::npos);
}

}  // namespace
}  // namespace hoso::store::testing
