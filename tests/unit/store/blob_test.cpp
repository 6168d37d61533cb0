// Blobs: attachments by content name, written atomically, never overwritten with other bytes.
#include "store/record_store.hpp"

#include "core/sha256.hpp"
#include "store_test_util.hpp"

namespace hoso::store::testing {
namespace {

using BlobTest = StoreTest;

constexpr char kPdfBytes[] = "%PDF-1.4\0\xff\xfe binary";
const std::string kPdf(kPdfBytes, sizeof kPdfBytes - 1);  // with the NUL inside

TEST_F(BlobTest, WriteReadListRemove) {
  RecordStore s(dir_);
  const std::string name = sha256_hex(kPdf);
  ASSERT_TRUE(s.write_blob(name, kPdf));
  ASSERT_TRUE(s.write_blob("empty", ""));
  auto bytes = s.read_blob(name);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, kPdf);
  EXPECT_EQ(read_raw("blobs/" + name), kPdf);

  auto list = s.list_blobs();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].name, name);  // sorted: digits before letters
  EXPECT_EQ((*list)[0].bytes, kPdf.size());
  EXPECT_EQ((*list)[1].name, "empty");

  ASSERT_TRUE(s.remove_blob(name));
  EXPECT_FALSE(exists("blobs/" + name));
  auto gone = s.read_blob(name);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().kind, ErrorKind::not_found);
  auto again = s.remove_blob(name);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::not_found);
}

TEST_F(BlobTest, SameBytesAgainIsANoOpOtherBytesAreRefused) {
  RecordStore s(dir_);
  ASSERT_TRUE(s.write_blob("a1", "first"));
  ASSERT_TRUE(s.write_blob("a1", "first"));
  auto other = s.write_blob("a1", "second");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().kind, ErrorKind::blob_mismatch);
  EXPECT_EQ(read_raw("blobs/a1"), "first");
  ASSERT_TRUE(s.write_blob("a1", "second", /*replace=*/true));
  EXPECT_EQ(read_raw("blobs/a1"), "second");
}

TEST_F(BlobTest, InterruptedBlobWriteLeavesNoBlobAndIsCleanedUp) {
  RecordStore s(dir_);
  s.set_write_hook([](WriteStage, const fs::path&) { return false; });
  auto r = s.write_blob("a1", "bytes");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::simulated_crash);
  EXPECT_FALSE(s.read_blob("a1"));  // nothing half-written is visible under the name
  auto list = s.list_blobs();
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->empty());

  auto report = RecordStore(dir_).load_all(kT0);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->temps_removed, std::vector<std::string>{"blobs/a1.tmp"});
  EXPECT_FALSE(exists("blobs/a1.tmp"));
}

TEST_F(BlobTest, BadNamesAndOversizedBlobsAreRefused) {
  RecordStore s(dir_);
  for (const char* bad : {"", "../x", "a/b", ".hidden", "x.tmp", "tên"}) {
    auto r = s.write_blob(bad, "x");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_name) << bad;
  }
  auto big = s.write_blob("big", std::string(kMaxBlobBytes + 1, 'x'));
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().kind, ErrorKind::invalid_data);
  EXPECT_FALSE(exists("blobs"));
}

}  // namespace
}  // namespace hoso::store::testing
