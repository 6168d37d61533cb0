// The one-file backup: round trip, the plan before replacing anything, damaged files refused, and
// restore as a verified swap (the old workspace kept until the new one reads back; a crash in the
// swap finished on the next start). Most records here are not mapped to a model type ("notes/"):
// the store's rules are tested apart from the dossier reader, which has its own test below.
#include "store/backup.hpp"

#include "core/sha256.hpp"
#include "store_test_util.hpp"

namespace hoso::store::testing {
namespace {

class BackupTest : public StoreTest {
 protected:
  // A workspace with records in folders and at the top, and two blobs (one binary).
  void fill(RecordStore& s) {
    ASSERT_TRUE(s.save("notes/d1.json", sample(1), kT0));
    ASSERT_TRUE(s.save("notes/d1.json", sample(2), kT0 + 1000));  // seq 2, with a .prev
    ASSERT_TRUE(s.save("notes/d2.json", sample(3), kT0 + 2000));
    ASSERT_TRUE(s.save("lists/m1.json", json{{"votes", 7}, {"title", "Biên bản họp"}}, kT0 + 3000));
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
  for (const char* name : {"notes/d1.json", "notes/d2.json", "lists/m1.json", "settings.json"}) {
    EXPECT_EQ(read_raw(std::string("other/") + name), read_raw(std::string("a/") + name)) << name;
  }
  EXPECT_EQ(read_raw("other/blobs/" + sha256_hex(blob1)), blob1);
  auto again = make_backup(b, kT0 + 10'000);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *text);
  EXPECT_EQ(b.known_seq("notes/d1.json"), 2u);

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
  ASSERT_TRUE(b.save("notes/d1.json", sample(50), kT0));      // differs: replace
  ASSERT_TRUE(b.save("notes/d1.json", sample(51), kT0 + 1));  // seq 2
  ASSERT_TRUE(b.save("notes/d1.json", sample(52), kT0 + 2));  // seq 3
  ASSERT_TRUE(b.save("notes/d2.json", sample(3), kT0));       // same data: nothing to do
  ASSERT_TRUE(b.save("notes/mine.json", sample(9), kT0));     // not in the backup: kept
  ASSERT_TRUE(b.write_blob(sha256_hex(blob2), "not the same bytes", true));
  const auto before = snapshot();

  auto plan = verify_backup(*text, b);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->replacements(),
            (std::vector<std::string>{"notes/d1.json", "blobs/" + sha256_hex(blob2)}));
  EXPECT_EQ(plan->count(PlanAction::same), 1u);
  EXPECT_EQ(plan->count(PlanAction::add), 3u);  // minutes, settings, one blob
  EXPECT_EQ(snapshot(), before);                // verifying changes nothing

  auto applied = apply_backup(b, *plan, kT0 + 60'000);
  ASSERT_TRUE(applied);
  EXPECT_EQ(applied->records_replaced, 1u);
  EXPECT_EQ(applied->blobs_replaced, 1u);
  const json d1 = read_json("other/notes/d1.json");
  EXPECT_EQ(d1["data"], sample(2));
  EXPECT_EQ(d1["seq"], 4);  // above what was on disk (3) and in the backup (2)
  EXPECT_EQ(d1["saved_at"], "2025-10-20T08:16:00Z");
  EXPECT_EQ(read_json("other/notes/d1.json.prev")["data"], sample(52));  // the replaced one
  EXPECT_EQ(read_json("other/notes/mine.json")["data"], sample(9));
  EXPECT_EQ(read_json("other/notes/d2.json")["seq"], 1);
  EXPECT_EQ(read_raw("other/blobs/" + sha256_hex(blob2)), blob2);
}

TEST_F(BackupTest, APlanIsRefusedIfTheWorkspaceChangedSince) {
  RecordStore a(dir_ / "a");
  fill(a);
  auto text = make_backup(a, kT0);
  ASSERT_TRUE(text);
  RecordStore b(other());
  ASSERT_TRUE(b.save("notes/d1.json", sample(50), kT0));
  auto plan = verify_backup(*text, b);
  ASSERT_TRUE(plan);
  ASSERT_TRUE(b.save("notes/d1.json", sample(51), kT0 + 1));
  const auto before = snapshot();
  auto applied = apply_backup(b, *plan, kT0 + 2);
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().kind, ErrorKind::plan_stale);
  EXPECT_EQ(applied.error().detail.file, "notes/d1.json");
  EXPECT_EQ(snapshot(), before);
}

TEST_F(BackupTest, ABackupIsNotMadeWhenARecordCannotBeRead) {
  RecordStore a(dir_);
  ASSERT_TRUE(a.save("notes/d1.json", sample(1), kT0));
  write_raw("notes/d2.json", "broken");
  auto text = make_backup(a, kT0);
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().kind, ErrorKind::damaged);
  EXPECT_EQ(text.error().detail.file, "notes/d2.json");
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
  ASSERT_TRUE(b.save("notes/d1.json", sample(50), kT0));
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

// Everything under `prefix` in a snapshot, by name without the prefix.
std::map<std::string, std::string> under(const std::map<std::string, std::string>& files, const std::string& prefix) {
  std::map<std::string, std::string> out;
  for (const auto& [name, bytes] : files)
    if (name.rfind(prefix, 0) == 0) out[name.substr(prefix.size())] = bytes;
  return out;
}

TEST_F(BackupTest, RestoreReplacesTheWorkspaceAndKeepsTheOldOneInTheTrash) {
  RecordStore a(dir_ / "a");
  fill(a);
  auto text = make_backup(a, kT0 + 10'000);
  ASSERT_TRUE(text);

  RecordStore b(other());
  ASSERT_TRUE(b.save("notes/d1.json", sample(50), kT0));
  ASSERT_TRUE(b.save("notes/d1.json", sample(51), kT0 + 1));
  ASSERT_TRUE(b.save("notes/mine.json", sample(9), kT0));  // not in the backup: swapped out
  auto plan = verify_backup(*text, b);
  ASSERT_TRUE(plan) << plan.error().describe(Language::en);
  EXPECT_EQ(plan->dropped, std::vector<std::string>{"notes/mine.json"});

  auto restored = restore_backup(b, *plan, kT0 + 20'000);
  ASSERT_TRUE(restored) << restored.error().describe(Language::en);
  EXPECT_EQ(restored->records_added, 3u);
  EXPECT_EQ(restored->records_replaced, 2u);  // d1, and mine.json to the trash

  // The workspace is now exactly the backup's records (exact copies, no ".prev" mixing old and
  // new), and the old records with their previous versions are all in the trash.
  const auto files = snapshot();
  std::map<std::string, std::string> records;
  for (const auto& [name, bytes] : under(files, "other/"))
    if (name.find('/') == std::string::npos || name.rfind("notes/", 0) == 0 || name.rfind("lists/", 0) == 0)
      records[name] = bytes;
  std::map<std::string, std::string> expected;
  for (const auto& [name, bytes] : under(files, "a/"))
    if (!name.ends_with(".prev") && name.rfind("blobs/", 0) != 0) expected[name] = bytes;
  EXPECT_EQ(records, expected);
  EXPECT_FALSE(exists("other/restore"));
  const auto trash = under(files, "other/trash/before-restore/");
  ASSERT_EQ(trash.size(), 3u);  // d1, its .prev, mine
  int mine = 0;
  for (const auto& [name, bytes] : trash) mine += name.rfind("notes/mine.json.", 0) == 0;
  EXPECT_EQ(mine, 1);
  EXPECT_EQ(b.known_seq("notes/d1.json"), 2u);  // the store now knows the restored workspace
}

// A dossier the loader would report as broken is refused at verification, before anything is
// asked or replaced, with where it is.
TEST_F(BackupTest, ARecordTheLoaderCannotReadIsRefused) {
  RecordStore a(dir_ / "a");
  ASSERT_TRUE(a.save("dossiers/x.json", json{{"not", "a dossier"}}, kT0));
  auto text = make_backup(a, kT0);
  ASSERT_TRUE(text);
  RecordStore b(other());
  ASSERT_TRUE(b.save("notes/mine.json", sample(9), kT0));
  const auto before = snapshot();
  auto plan = verify_backup(*text, b, "sao-luu.json");
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().kind, ErrorKind::backup_invalid);
  EXPECT_EQ(plan.error().detail.path.rfind("records[0].data", 0), 0u) << plan.error().detail.path;
  EXPECT_NE(plan.error().detail.what.en.find("dossiers/x.json"), std::string::npos);
  EXPECT_EQ(snapshot(), before);
}

TEST_F(BackupTest, RestoreIsRefusedIfARecordWasWrittenSince) {
  RecordStore a(dir_ / "a");
  fill(a);
  auto text = make_backup(a, kT0);
  ASSERT_TRUE(text);
  RecordStore b(other());
  ASSERT_TRUE(b.save("notes/mine.json", sample(9), kT0));
  auto plan = verify_backup(*text, b);
  ASSERT_TRUE(plan);
  ASSERT_TRUE(b.save("notes/typed-meanwhile.json", sample(10), kT0 + 1));
  const auto before = snapshot();
  auto restored = restore_backup(b, *plan, kT0 + 2);
  ASSERT_FALSE(restored);
  EXPECT_EQ(restored.error().kind, ErrorKind::plan_stale);
  EXPECT_EQ(restored.error().detail.file, "notes/typed-meanwhile.json");
  EXPECT_EQ(snapshot(), before);
}

// The process dies during the swap, after the staged copy was verified (the marker is there) and
// some old records were moved out: the next load finishes it. Without the marker (a crash while
// staging), the next load drops the staged copy and the old workspace stands.
TEST_F(BackupTest, ACrashDuringTheSwapIsFinishedOnTheNextLoad) {
  RecordStore staged(dir_ / "restore");
  ASSERT_TRUE(staged.import_record("notes/new.json", sample(1), 4, "2025-10-20T08:15:00Z", kT0));
  ASSERT_TRUE(staged.import_record("notes/both.json", sample(2), 7, "2025-10-20T08:15:00Z", kT0));
  write_raw("restore/READY", R"(["notes/both.json","notes/new.json"])");
  RecordStore b(dir_);
  ASSERT_TRUE(b.save("notes/old.json", sample(3), kT0));
  ASSERT_TRUE(b.save("notes/both.json", sample(4), kT0));

  auto load = b.load_all(kT0 + 1000);
  ASSERT_TRUE(load);
  ASSERT_EQ(load->records.size(), 2u);
  EXPECT_EQ(load->records[0].name, "notes/both.json");
  EXPECT_EQ(load->records[0].seq, 7u);
  EXPECT_EQ(load->records[1].name, "notes/new.json");
  EXPECT_FALSE(exists("restore"));
  EXPECT_EQ(under(snapshot(), "trash/before-restore/notes/").size(), 2u);  // old and the old both

  // Staged but never verified: dropped, nothing else touched.
  RecordStore unverified(dir_ / "restore");
  ASSERT_TRUE(unverified.import_record("notes/half.json", sample(5), 1, "2025-10-20T08:15:00Z", kT0));
  auto again = b.load_all(kT0 + 2000);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->records.size(), 2u);
  EXPECT_FALSE(exists("restore"));
  EXPECT_FALSE(exists("notes/half.json"));
}

}  // namespace
}  // namespace hoso::store::testing
