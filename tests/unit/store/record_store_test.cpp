// Records: the envelope, atomic writes, the previous version, the sequence guard, removal, names.
#include "store/record_store.hpp"

#include "store_test_util.hpp"

namespace hoso::store::testing {
namespace {

using RecordStoreTest = StoreTest;

TEST_F(RecordStoreTest, SavedRecordsLoadBackInAFreshStore) {
  RecordStore a(dir_);
  ASSERT_TRUE(a.load_all(kT0));
  ASSERT_TRUE(a.save("dossiers/d1.json", sample(1), kT0));
  ASSERT_TRUE(a.save("settings.json", json{{"language", "vi"}}, kT0 + 1000));

  RecordStore b(dir_);
  auto report = b.load_all(kT0 + 2000);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->records.size(), 2u);
  EXPECT_EQ(report->records[0].name, "dossiers/d1.json");  // sorted by name
  EXPECT_EQ(report->records[0].data, sample(1));
  EXPECT_EQ(report->records[0].seq, 1u);
  EXPECT_EQ(report->records[0].saved_at, "2025-10-20T08:15:00Z");
  EXPECT_EQ(report->records[1].name, "settings.json");
  EXPECT_EQ(report->records[1].saved_at, "2025-10-20T08:15:01Z");
  EXPECT_TRUE(report->quarantined.empty());
  EXPECT_TRUE(report->ignored.empty());
  EXPECT_EQ(b.known_seq("dossiers/d1.json"), 1u);
}

TEST_F(RecordStoreTest, FileIsTheDocumentedEnvelope) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", json{{"b", 2}, {"a", "Đ"}}, kT0));
  EXPECT_EQ(read_raw("dossiers/d1.json"),
            R"({"format":"hoso-record","version":1,"seq":1,"saved_at":"2025-10-20T08:15:00Z",)"
            R"("data":{"a":"Đ","b":2}})");
}

TEST_F(RecordStoreTest, SeqGrowsWithEveryWrite) {
  RecordStore s(dir_);
  for (int i = 1; i <= 3; ++i) {
    auto out = s.save("dossiers/d1.json", sample(i), kT0 + i);
    ASSERT_TRUE(out);
    EXPECT_TRUE(out->written);
    EXPECT_EQ(out->seq, static_cast<uint64_t>(i));
    EXPECT_EQ(read_json("dossiers/d1.json")["seq"], i);
  }
}

TEST_F(RecordStoreTest, UnchangedDataIsNotWrittenAgain) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  const auto before = snapshot();
  auto again = s.save("dossiers/d1.json", sample(1), kT0 + 5000);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->written);
  EXPECT_EQ(again->seq, 1u);
  EXPECT_EQ(snapshot(), before);  // no new saved_at, no .prev

  // Also after loading: what was read counts as written.
  RecordStore t(dir_);
  ASSERT_TRUE(t.load_all(kT0));
  auto loaded = t.save("dossiers/d1.json", sample(1), kT0 + 6000);
  ASSERT_TRUE(loaded);
  EXPECT_FALSE(loaded->written);
  EXPECT_TRUE(t.save("dossiers/d1.json", sample(2), kT0 + 7000)->written);
}

TEST_F(RecordStoreTest, PreviousVersionIsKept) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  EXPECT_FALSE(exists("dossiers/d1.json.prev"));
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(2), kT0 + 1));
  EXPECT_EQ(read_json("dossiers/d1.json.prev")["data"], sample(1));
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(3), kT0 + 2));
  EXPECT_EQ(read_json("dossiers/d1.json.prev")["data"], sample(2));
  EXPECT_EQ(read_json("dossiers/d1.json")["data"], sample(3));
}

TEST_F(RecordStoreTest, RestorePreviousWritesItBackAsANewVersion) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(2), kT0 + 1000));
  auto restored = s.restore_previous("dossiers/d1.json", kT0 + 2000);
  ASSERT_TRUE(restored);
  EXPECT_EQ(restored->data, sample(1));
  EXPECT_EQ(restored->seq, 3u);  // sequence numbers never go back
  EXPECT_EQ(restored->saved_at, "2025-10-20T08:15:02Z");
  EXPECT_EQ(read_json("dossiers/d1.json")["data"], sample(1));
  EXPECT_EQ(read_json("dossiers/d1.json.prev")["data"], sample(2));  // undo is possible
  // Restoring again swaps back.
  auto again = s.restore_previous("dossiers/d1.json", kT0 + 3000);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->data, sample(2));
  EXPECT_EQ(again->seq, 4u);
}

TEST_F(RecordStoreTest, RestorePreviousWithoutOneIsNotFound) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  auto r = s.restore_previous("dossiers/d1.json", kT0);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::not_found);
  EXPECT_FALSE(r.error().detail.what.vi.empty());
  EXPECT_FALSE(r.error().detail.what.en.empty());
}

TEST_F(RecordStoreTest, WriteIsAtomicNoPartialFileIsEverVisible) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  const std::string old_bytes = read_raw("dossiers/d1.json");
  int calls = 0;
  s.set_write_hook([&](WriteStage stage, const fs::path& target) {
    ++calls;
    EXPECT_EQ(target, path("dossiers/d1.json"));
    // The temp is complete before anything else happens.
    EXPECT_EQ(read_json("dossiers/d1.json.tmp")["data"], sample(2));
    if (stage == WriteStage::temp_written) {
      EXPECT_EQ(read_raw("dossiers/d1.json"), old_bytes);  // readers still see the old file, whole
    } else {
      EXPECT_FALSE(exists("dossiers/d1.json"));
      EXPECT_EQ(read_raw("dossiers/d1.json.prev"), old_bytes);
    }
    return true;
  });
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(2), kT0 + 1));
  EXPECT_EQ(calls, 2);
  EXPECT_FALSE(exists("dossiers/d1.json.tmp"));
  EXPECT_EQ(read_json("dossiers/d1.json")["data"], sample(2));
}

TEST_F(RecordStoreTest, GuardRefusesAWriterThatHasNotSeenTheNewerVersion) {
  RecordStore first(dir_), second(dir_);
  ASSERT_TRUE(first.save("dossiers/d1.json", sample(1), kT0));
  ASSERT_TRUE(second.load_all(kT0));
  ASSERT_TRUE(first.save("dossiers/d1.json", sample(2), kT0 + 1));  // seq 2 on disk
  const auto before = snapshot();

  auto stale = second.save("dossiers/d1.json", sample(99), kT0 + 2);  // second knows seq 1
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ(stale.error().detail.file, "dossiers/d1.json");
  EXPECT_NE(stale.error().detail.what.en.find("seq 2"), std::string::npos);
  EXPECT_EQ(snapshot(), before);  // nothing written, no temp left

  // The user may choose to keep their version: explicit.
  auto forced = second.save("dossiers/d1.json", sample(99), kT0 + 3, {.allow_empty = false, .overwrite_newer = true});
  ASSERT_TRUE(forced);
  EXPECT_EQ(forced->seq, 3u);
  EXPECT_EQ(read_json("dossiers/d1.json.prev")["data"], sample(2));
}

TEST_F(RecordStoreTest, GuardRefusesOverwritingARecordNeverRead) {
  RecordStore first(dir_);
  ASSERT_TRUE(first.save("dossiers/d1.json", sample(1), kT0));
  RecordStore second(dir_);  // has not loaded
  const auto before = snapshot();
  auto r = second.save("dossiers/d1.json", sample(2), kT0);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::conflict);
  EXPECT_EQ(snapshot(), before);
}

TEST_F(RecordStoreTest, EmptyStateIsNeverWrittenOverData) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  const auto before = snapshot();
  auto r = s.save("dossiers/d1.json", json::object(), kT0 + 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::empty_over_data);
  EXPECT_EQ(snapshot(), before);

  EXPECT_TRUE(s.save("dossiers/d1.json", json::object(), kT0 + 2, {.allow_empty = true, .overwrite_newer = false}));
  EXPECT_TRUE(s.save("dossiers/new.json", json::object(), kT0 + 3));  // nothing to lose there
}

TEST_F(RecordStoreTest, RemoveMovesTheRecordAndItsPreviousToTheTrash) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(2), kT0 + 1));
  ASSERT_TRUE(s.save("dossiers/d2.json", sample(3), kT0 + 2));
  ASSERT_TRUE(s.remove("dossiers/d1.json", kT0 + 3000));

  EXPECT_FALSE(exists("dossiers/d1.json"));
  EXPECT_FALSE(exists("dossiers/d1.json.prev"));
  EXPECT_EQ(read_json("trash/dossiers/d1.json.20251020T081503000Z")["data"], sample(2));
  EXPECT_EQ(read_json("trash/dossiers/d1.json.prev.20251020T081503000Z")["data"], sample(1));
  EXPECT_FALSE(s.known_seq("dossiers/d1.json"));

  RecordStore t(dir_);
  auto report = t.load_all(kT0);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->records.size(), 1u);  // trash/ is never loaded
  EXPECT_EQ(report->records[0].name, "dossiers/d2.json");

  auto missing = s.remove("dossiers/d1.json", kT0);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);

  ASSERT_TRUE(s.empty_trash());
  EXPECT_FALSE(exists("trash"));
}

TEST_F(RecordStoreTest, RemoveIsGuardedToo) {
  RecordStore first(dir_), second(dir_);
  ASSERT_TRUE(first.save("dossiers/d1.json", sample(1), kT0));
  ASSERT_TRUE(second.load_all(kT0));
  ASSERT_TRUE(first.save("dossiers/d1.json", sample(2), kT0 + 1));
  auto r = second.remove("dossiers/d1.json", kT0 + 2);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::conflict);
  EXPECT_TRUE(exists("dossiers/d1.json"));
}

TEST_F(RecordStoreTest, NamesAreChecked) {
  for (const char* good : {"settings.json", "dossiers/1b4e-x_y.json", "a/b/c/d.json", "blobs.json"}) {
    EXPECT_TRUE(is_valid_record_name(good)) << good;
  }
  for (const char* bad : {"", "x", ".json", "x.txt", "../x.json", "/x.json", "a//b.json", "./x.json",
                          ".hidden.json", "dossiers/.x.json", "a/b/c/d/e.json", "trash/x.json",
                          "blobs/x.json", "quarantine/x.json", "x.json.prev", "x.json.tmp",
                          "hồ sơ.json", "a b.json", "a\\b.json"}) {
    EXPECT_FALSE(is_valid_record_name(bad)) << bad;
  }
  RecordStore s(dir_);
  auto r = s.save("../escape.json", sample(1), kT0);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_name);
  EXPECT_FALSE(fs::exists(dir_.parent_path() / "escape.json"));
  EXPECT_FALSE(is_valid_blob_name("x.tmp"));
  EXPECT_FALSE(is_valid_blob_name("a/b"));
  EXPECT_TRUE(is_valid_blob_name("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
}

TEST_F(RecordStoreTest, DataThatCannotBeStoredIsRefused) {
  RecordStore s(dir_);
  auto not_object = s.save("dossiers/d1.json", json::array({1, 2}), kT0);
  ASSERT_FALSE(not_object);
  EXPECT_EQ(not_object.error().kind, ErrorKind::invalid_data);
  auto bad_utf8 = s.save("dossiers/d1.json", json{{"name", std::string("Tr\xff")}}, kT0);
  ASSERT_FALSE(bad_utf8);
  EXPECT_EQ(bad_utf8.error().kind, ErrorKind::invalid_data);
  // Deeper than the loader accepts: refused now rather than quarantined at the next start.
  json deep = json::object();
  for (int i = 0; i < kMaxRecordDepth; ++i) deep = json{{"x", std::move(deep)}};
  auto too_deep = s.save("dossiers/d1.json", deep, kT0);
  ASSERT_FALSE(too_deep);
  EXPECT_EQ(too_deep.error().kind, ErrorKind::invalid_data);
  EXPECT_NE(too_deep.error().detail.what.en.find("would not load back"), std::string::npos);
  EXPECT_FALSE(exists("dossiers/d1.json"));
  EXPECT_FALSE(exists("dossiers/d1.json.tmp"));
}

TEST_F(RecordStoreTest, UsageCountsEveryKindOfFile) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(1), kT0));
  ASSERT_TRUE(s.save("dossiers/d1.json", sample(2), kT0 + 1));
  ASSERT_TRUE(s.save("settings.json", json{{"theme", "dark"}}, kT0));
  ASSERT_TRUE(s.write_blob("abc", "12345"));
  write_raw("notes.txt", "xy");
  auto u = s.usage();
  ASSERT_TRUE(u);
  const uint64_t d1 = fs::file_size(path("dossiers/d1.json"));
  const uint64_t d1_prev = fs::file_size(path("dossiers/d1.json.prev"));
  const uint64_t settings = fs::file_size(path("settings.json"));
  EXPECT_EQ(u->record_count, 2u);
  EXPECT_EQ(u->record_bytes, d1 + settings);
  EXPECT_EQ(u->previous_bytes, d1_prev);
  EXPECT_EQ(u->blob_count, 1u);
  EXPECT_EQ(u->blob_bytes, 5u);
  EXPECT_EQ(u->other_bytes, 2u);
  EXPECT_EQ(u->total_bytes, d1 + d1_prev + settings + 5 + 2);
  ASSERT_EQ(u->records.size(), 2u);
  EXPECT_EQ(u->records[0].name, "dossiers/d1.json");
  EXPECT_EQ(u->records[0].bytes, d1);
  EXPECT_EQ(u->records[0].previous_bytes, d1_prev);
}

TEST_F(RecordStoreTest, ListRecordsOnAnEmptyOrMissingRootIsEmpty) {
  RecordStore missing(dir_ / "not-yet");
  auto names = missing.list_records();
  ASSERT_TRUE(names);
  EXPECT_TRUE(names->empty());
  auto report = missing.load_all(kT0);  // creates it
  ASSERT_TRUE(report);
  EXPECT_TRUE(fs::is_directory(dir_ / "not-yet"));
}

TEST_F(RecordStoreTest, RootThatIsAFileIsAnErrorNotACrash) {
  write_raw("file", "x");
  RecordStore s(dir_ / "file");
  auto report = s.load_all(kT0);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().kind, ErrorKind::io);
  EXPECT_FALSE(s.save("settings.json", json{{"a", 1}}, kT0));
}

}  // namespace
}  // namespace hoso::store::testing
