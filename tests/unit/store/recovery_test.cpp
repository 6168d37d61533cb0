// Loading a workspace that is not clean: broken files (quarantine), crashes between write and
// rename (recovery), stray and odd files.
#include "store/record_store.hpp"

#include "store_test_util.hpp"

namespace hoso::store::testing {
namespace {

using RecoveryTest = StoreTest;

// A store that stops its next write at `stage`, as if the process died there.
void crash_at(RecordStore& s, WriteStage stage) {
  s.set_write_hook([stage](WriteStage now, const fs::path&) { return now != stage; });
}

TEST_F(RecoveryTest, BrokenFileIsQuarantinedAndTheRestLoads) {
  RecordStore s(dir_);
  for (int i = 1; i <= 3; ++i) ASSERT_TRUE(s.save("dossiers/d" + std::to_string(i) + ".json", sample(i), kT0));
  write_raw("dossiers/d2.json", R"({"format":"hoso-record","version":1,"seq":1,"saved_at":"2025-10-)");

  RecordStore t(dir_);
  auto report = t.load_all(kT0 + 60'000);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->records.size(), 2u);
  EXPECT_EQ(report->records[0].name, "dossiers/d1.json");
  EXPECT_EQ(report->records[1].name, "dossiers/d3.json");
  ASSERT_EQ(report->quarantined.size(), 1u);
  const Quarantined& q = report->quarantined[0];
  EXPECT_EQ(q.name, "dossiers/d2.json");
  EXPECT_EQ(q.moved_to, "quarantine/dossiers/d2.json.20251020T081600000Z");
  EXPECT_EQ(q.problem.kind, ErrorKind::damaged);
  EXPECT_EQ(q.problem.detail.file, "dossiers/d2.json");
  EXPECT_NE(q.problem.detail.what.en.find("JSON"), std::string::npos);  // the parser says where
  EXPECT_FALSE(q.previous_exists);
  EXPECT_FALSE(exists("dossiers/d2.json"));
  EXPECT_EQ(read_raw(q.moved_to), R"({"format":"hoso-record","version":1,"seq":1,"saved_at":"2025-10-)");

  // Loading again finds nothing broken: quarantine/ is not loaded.
  auto again = RecordStore(dir_).load_all(kT0);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->quarantined.empty());
  EXPECT_EQ(again->records.size(), 2u);
}

TEST_F(RecoveryTest, QuarantineOffersTheValidPreviousVersion) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(2), kT0 + 1));
  write_raw("dossiers/d1.json", "garbage");

  RecordStore t(dir_);
  auto report = t.load_all(kT0 + 2);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->records.empty());
  ASSERT_EQ(report->quarantined.size(), 1u);
  EXPECT_TRUE(report->quarantined[0].previous_exists);
  EXPECT_TRUE(report->quarantined[0].previous_valid);
  EXPECT_TRUE(report->previous_only.empty());  // reported once, as part of the quarantine

  auto restored = t.restore_previous("dossiers/d1.json", kT0 + 3);
  ASSERT_TRUE(restored);
  EXPECT_EQ(restored->data, sample(1));
  EXPECT_EQ(restored->seq, 2u);  // above the previous version's 1
  EXPECT_EQ(read_json("dossiers/d1.json")["data"], sample(1));
  EXPECT_TRUE(exists("dossiers/d1.json.prev"));  // no current file to rotate: .prev unchanged
}

struct BadFile {
  const char* label;
  std::string bytes;
  const char* path;  // the JSON path the problem names
};

class BadEnvelopeTest : public StoreTest, public ::testing::WithParamInterface<BadFile> {};

TEST_P(BadEnvelopeTest, IsQuarantinedWithTheReason) {
  write_raw("dossiers/good.json",
            R"({"format":"hoso-record","version":1,"seq":4,"saved_at":"2025-10-20T08:15:00Z","data":{"a":1}})");
  write_raw("dossiers/bad.json", GetParam().bytes);
  RecordStore s(dir_);
  auto report = s.load_all(kT0);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->records.size(), 1u);
  EXPECT_EQ(report->records[0].seq, 4u);
  ASSERT_EQ(report->quarantined.size(), 1u);
  EXPECT_EQ(report->quarantined[0].problem.detail.path, GetParam().path);
  EXPECT_FALSE(report->quarantined[0].problem.detail.what.vi.empty());
  EXPECT_EQ(read_raw(report->quarantined[0].moved_to), GetParam().bytes);
}

INSTANTIATE_TEST_SUITE_P(
    Store, BadEnvelopeTest,
    ::testing::Values(
        BadFile{"empty", "", ""}, BadFile{"not_json", "{not json", ""},
        BadFile{"nul_bytes", std::string("\0\0\0", 3), ""}, BadFile{"array", "[1,2]", ""},
        BadFile{"wrong_format", R"({"format":"other","version":1,"seq":1,"saved_at":"2025-10-20T08:15:00Z","data":{}})", "format"},
        BadFile{"no_version", R"({"format":"hoso-record","seq":1,"saved_at":"2025-10-20T08:15:00Z","data":{}})", "version"},
        BadFile{"seq_zero", R"({"format":"hoso-record","version":1,"seq":0,"saved_at":"2025-10-20T08:15:00Z","data":{}})", "seq"},
        BadFile{"seq_text", R"({"format":"hoso-record","version":1,"seq":"1","saved_at":"2025-10-20T08:15:00Z","data":{}})", "seq"},
        BadFile{"bad_time", R"({"format":"hoso-record","version":1,"seq":1,"saved_at":"yesterday","data":{}})", "saved_at"},
        BadFile{"no_data", R"({"format":"hoso-record","version":1,"seq":1,"saved_at":"2025-10-20T08:15:00Z"})", "data"},
        BadFile{"data_array", R"({"format":"hoso-record","version":1,"seq":1,"saved_at":"2025-10-20T08:15:00Z","data":[]})", "data"}),
    [](const auto& param_info) { return std::string(param_info.param.label); });

TEST_F(RecoveryTest, RecordFromANewerVersionIsLeftAloneAndNeverOverwritten) {
  const std::string newer =
      R"({"format":"hoso-record","version":2,"seq":7,"saved_at":"2025-10-20T08:15:00Z","data":{"x":1}})";
  write_raw("dossiers/d1.json", newer);
  RecordStore s(dir_);
  auto report = s.load_all(kT0);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->records.empty());
  EXPECT_TRUE(report->quarantined.empty());
  ASSERT_EQ(report->left_in_place.size(), 1u);
  EXPECT_EQ(report->left_in_place[0].kind, ErrorKind::too_new);
  auto r = s.save("dossiers/d1.json", sample(1), kT0, {.allow_empty = false, .overwrite_newer = true});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::too_new);
  EXPECT_EQ(read_raw("dossiers/d1.json"), newer);
}

TEST_F(RecoveryTest, HugeFileIsMovedAsideWithoutReadingIt) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  write_raw("dossiers/huge.json", "");
  fs::resize_file(path("dossiers/huge.json"), kMaxRecordBytes + 1);  // sparse: cheap
  auto report = RecordStore(dir_).load_all(kT0);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->records.size(), 1u);
  ASSERT_EQ(report->quarantined.size(), 1u);
  EXPECT_NE(report->quarantined[0].problem.detail.what.en.find("64 MB"), std::string::npos);
}

TEST_F(RecoveryTest, OddDirectoryContentsAreIgnoredNotFatal) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  write_raw("notes.txt", "hello");
  write_raw("dossiers/Ảnh chụp.json", "{}");
  write_raw("a/b/c/d/e/deep.json", "{}");
  fs::create_directories(path("empty"));
  fs::create_directories(path("folder.json"));  // a folder with a record's name
  fs::create_symlink(path("dossiers/d1.json"), path("link.json"));
  auto report = RecordStore(dir_).load_all(kT0);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->records.size(), 1u);
  EXPECT_TRUE(report->quarantined.empty());
  const auto& ignored = report->ignored;
  for (const char* name : {"notes.txt", "dossiers/Ảnh chụp.json", "a/b/c/d/", "link.json"}) {
    EXPECT_NE(std::find(ignored.begin(), ignored.end(), name), ignored.end()) << name;
  }
  EXPECT_TRUE(exists("notes.txt"));  // left alone
}

TEST_F(RecoveryTest, StrayPreviousIsNeverLoadedAsARecord) {
  write_raw("dossiers/gone.json.prev",
            R"({"format":"hoso-record","version":1,"seq":3,"saved_at":"2025-10-20T08:15:00Z","data":{"a":1}})");
  RecordStore s(dir_);
  auto report = s.load_all(kT0);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->records.empty());
  ASSERT_EQ(report->previous_only.size(), 1u);
  EXPECT_EQ(report->previous_only[0], "dossiers/gone.json");
  auto names = s.list_records();
  ASSERT_TRUE(names);
  EXPECT_TRUE(names->empty());
  // Offered, and restored only when asked.
  auto restored = s.restore_previous("dossiers/gone.json", kT0);
  ASSERT_TRUE(restored);
  EXPECT_EQ(restored->seq, 4u);
}

TEST_F(RecoveryTest, CrashBeforeTheCommitPointKeepsTheOldVersion) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  crash_at(s, WriteStage::temp_written);
  auto r = s.save("dossiers/d1.json", sample(2), kT0 + 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::simulated_crash);
  EXPECT_TRUE(exists("dossiers/d1.json.tmp"));
  EXPECT_EQ(read_json("dossiers/d1.json")["data"], sample(1));

  // Next start: the uncommitted temp is removed; the record is the old version.
  RecordStore next(dir_);
  auto report = next.load_all(kT0 + 2);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->records.size(), 1u);
  EXPECT_EQ(report->records[0].data, sample(1));
  EXPECT_EQ(report->records[0].seq, 1u);
  EXPECT_EQ(report->temps_removed, std::vector<std::string>{"dossiers/d1.json.tmp"});
  EXPECT_TRUE(report->recovered.empty());
  EXPECT_FALSE(exists("dossiers/d1.json.tmp"));
  EXPECT_TRUE(next.save("dossiers/d1.json", sample(2), kT0 + 3));
}

TEST_F(RecoveryTest, CrashAfterTheCommitPointRollsForward) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  crash_at(s, WriteStage::previous_kept);
  ASSERT_FALSE(s.save("dossiers/d1.json", sample(2), kT0 + 1));
  EXPECT_FALSE(exists("dossiers/d1.json"));  // the crash window: only .prev and .tmp
  EXPECT_TRUE(exists("dossiers/d1.json.prev"));
  EXPECT_TRUE(exists("dossiers/d1.json.tmp"));

  RecordStore next(dir_);
  auto report = next.load_all(kT0 + 2);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->records.size(), 1u);
  EXPECT_EQ(report->records[0].data, sample(2));
  EXPECT_EQ(report->records[0].seq, 2u);
  ASSERT_EQ(report->recovered.size(), 1u);
  EXPECT_EQ(report->recovered[0].from, "tmp");
  EXPECT_FALSE(exists("dossiers/d1.json.tmp"));
  EXPECT_EQ(read_json("dossiers/d1.json.prev")["data"], sample(1));
}

TEST_F(RecoveryTest, CrashDuringTheFirstWriteOfARecordRecoversIt) {
  RecordStore s(dir_);
  crash_at(s, WriteStage::temp_written);
  ASSERT_FALSE(s.save("dossiers/new.json", sample(1), kT0));
  auto report = RecordStore(dir_).load_all(kT0);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->records.size(), 1u);
  EXPECT_EQ(report->records[0].data, sample(1));
  ASSERT_EQ(report->recovered.size(), 1u);
}

TEST_F(RecoveryTest, TornTempFallsBackToThePreviousVersion) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(2), kT0 + 1));
  const std::string full = read_raw("dossiers/d1.json");
  fs::remove(path("dossiers/d1.json"));
  write_raw("dossiers/d1.json.tmp", full.substr(0, full.size() / 2));

  auto report = RecordStore(dir_).load_all(kT0 + 2);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->records.size(), 1u);
  EXPECT_EQ(report->records[0].data, sample(1));
  ASSERT_EQ(report->recovered.size(), 1u);
  EXPECT_EQ(report->recovered[0].from, "prev");
  EXPECT_TRUE(exists("dossiers/d1.json.prev"));
  EXPECT_FALSE(exists("dossiers/d1.json.tmp"));
}

TEST_F(RecoveryTest, TornTempAloneIsRemoved) {
  write_raw("dossiers/d1.json.tmp", R"({"format":"hoso-rec)");
  auto report = RecordStore(dir_).load_all(kT0);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->records.empty());
  EXPECT_EQ(report->temps_removed, std::vector<std::string>{"dossiers/d1.json.tmp"});
  EXPECT_TRUE(snapshot().empty());
}

TEST_F(RecoveryTest, DamagedFileFoundWhenSavingIsMovedAsideAndTheSaveProceeds) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(2), kT0 + 1));
  write_raw("dossiers/d1.json", "{\"broken");
  auto out = s.save("dossiers/d1.json", sample(3), kT0 + 2);
  ASSERT_TRUE(out);
  ASSERT_TRUE(out->quarantined);
  EXPECT_EQ(read_raw(out->quarantined->moved_to), "{\"broken");
  EXPECT_TRUE(out->quarantined->previous_valid);
  EXPECT_EQ(out->seq, 3u);
  EXPECT_EQ(read_json("dossiers/d1.json")["data"], sample(3));
  EXPECT_EQ(read_json("dossiers/d1.json.prev")["data"], sample(1));  // the last good one stays
}

TEST_F(RecoveryTest, QuarantineNeverOverwritesAnEarlierOne) {
  for (int i = 0; i < 3; ++i) {
    write_raw("dossiers/d1.json", "bad " + std::to_string(i));
    auto report = RecordStore(dir_).load_all(kT0);  // same instant each time
    ASSERT_TRUE(report);
    ASSERT_EQ(report->quarantined.size(), 1u);
  }
  EXPECT_EQ(read_raw("quarantine/dossiers/d1.json.20251020T081500000Z"), "bad 0");
  EXPECT_EQ(read_raw("quarantine/dossiers/d1.json.20251020T081500000Z.1"), "bad 1");
  EXPECT_EQ(read_raw("quarantine/dossiers/d1.json.20251020T081500000Z.2"), "bad 2");
}

}  // namespace
}  // namespace hoso::store::testing
