// Attachments: file types from their bytes, sizes people read, the limits with messages that name
// the file, and what a dropped file is.
#include <gtest/gtest.h>

#include <string>

#include "core/attachments.hpp"
#include "core/sha256.hpp"
#include "domain_fixtures.hpp"

namespace hoso {
namespace {

using testing::kNow;

const std::string kPdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
const std::string kJpeg = "\xFF\xD8\xFF\xE0\0\x10JFIF";

TEST(Attachments, TypeFromBytesThenDeclaredThenName) {
  EXPECT_EQ(detect_file_type("a.pdf", "application/pdf", kPdf), (FileType{FileKind::pdf, "application/pdf"}));
  // A renamed photo is still a photo; a missing type comes from the bytes.
  EXPECT_EQ(detect_file_type("scan.pdf", "", kJpeg), (FileType{FileKind::image, "image/jpeg"}));
  EXPECT_EQ(detect_file_type("x", "application/octet-stream", kPng), (FileType{FileKind::image, "image/png"}));
  std::string heic = std::string("\0\0\0\x18" "ftypheic", 12);
  EXPECT_EQ(detect_file_type("IMG_0001.HEIC", "", heic).mime, "image/heic");
  // Unknown bytes: the declared type, then the extension.
  EXPECT_EQ(detect_file_type("a.txt", "Text/Plain; charset=utf-8", "hello").mime, "text/plain");
  EXPECT_EQ(detect_file_type("Anh.JPG", "", "????").mime, "image/jpeg");
  EXPECT_EQ(detect_file_type("goi.json", "", "{}").kind, FileKind::json);
  EXPECT_EQ(detect_file_type("noname", "", "").mime, "application/octet-stream");
  EXPECT_EQ(detect_file_type("noname", "", "").kind, FileKind::other);
}

TEST(Attachments, LabelsAndSizes) {
  EXPECT_EQ(type_label("application/pdf"), "PDF");
  EXPECT_EQ(type_label("image/jpeg"), "JPEG");
  EXPECT_EQ(type_label("image/png"), "PNG");
  EXPECT_EQ(type_label("image/svg+xml"), "SVG");
  EXPECT_EQ(type_label("application/vnd.x", "bao-cao.docx"), "DOCX");
  EXPECT_EQ(type_label("application/octet-stream", "noname"), "?");
  EXPECT_TRUE(is_image("image/webp"));
  EXPECT_FALSE(is_image("application/pdf"));

  EXPECT_EQ(format_size(0), (Bilingual{"0 B", "0 B"}));
  EXPECT_EQ(format_size(1023).en, "1023 B");
  EXPECT_EQ(format_size(1024).en, "1 KB");
  EXPECT_EQ(format_size(1025).en, "2 KB");  // rounded up: never "0 KB" for something
  EXPECT_EQ(format_size(1024 * 1024), (Bilingual{"1 MB", "1 MB"}));
  EXPECT_EQ(format_size(1258291), (Bilingual{"1,2 MB", "1.2 MB"}));
  EXPECT_EQ(format_size(kMaxAttachmentBytes).en, "10 MB");
  EXPECT_EQ(format_size(-5).en, "0 B");
}

TEST(Attachments, PrepareDescribesTheFile) {
  Dossier d = testing::valid_individual();
  auto a = prepare_attachment(d, "a1", " bang-khen.pdf ", "application/pdf", kPdf, kNow + 999);
  ASSERT_TRUE(a.ok()) << a.error().describe(Language::en);
  EXPECT_EQ(a->id, "a1");
  EXPECT_EQ(a->name, "bang-khen.pdf");
  EXPECT_EQ(a->mime_type, "application/pdf");
  EXPECT_EQ(a->size, static_cast<int64_t>(kPdf.size()));
  EXPECT_EQ(a->sha256, sha256_hex(kPdf));
  EXPECT_EQ(a->added, kNow);  // whole seconds, as files keep it
  // Names arrive NFC whatever the phone produced.
  auto nfd = prepare_attachment(d, "a2", "a\xCC\x89nh.jpg", "image/jpeg", kJpeg, kNow);
  ASSERT_TRUE(nfd.ok());
  EXPECT_EQ(nfd->name, "ảnh.jpg");
}

TEST(Attachments, RefusalsNameTheFile) {
  Dossier d = testing::valid_individual();
  auto not_image = prepare_attachment(d, "x", "bao-cao.docx", "application/vnd.openxmlformats", "PK\x03\x04", kNow);
  ASSERT_FALSE(not_image.ok());
  EXPECT_EQ(not_image.error().file, "bao-cao.docx");
  EXPECT_NE(not_image.error().what.vi.find("“bao-cao.docx”"), std::string::npos);

  auto empty = prepare_attachment(d, "x", "a.pdf", "application/pdf", "", kNow);
  ASSERT_FALSE(empty.ok());  // an empty .pdf: the name says PDF, but there is nothing in it
  EXPECT_NE(empty.error().what.en.find("empty"), std::string::npos);

  std::string big = kJpeg + std::string(static_cast<size_t>(kMaxAttachmentBytes), 'x');
  auto too_big = prepare_attachment(d, "x", "anh-lon.jpg", "image/jpeg", big, kNow);
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.error().describe(Language::vi).rfind("anh-lon.jpg: Tệp “anh-lon.jpg” nặng 10 MB, quá mức 10 MB", 0), 0u)
      << too_big.error().describe(Language::vi);

  // Exactly 10 MB is allowed.
  std::string limit = kJpeg + std::string(static_cast<size_t>(kMaxAttachmentBytes) - kJpeg.size(), 'x');
  EXPECT_TRUE(prepare_attachment(d, "x", "vua-du.jpg", "image/jpeg", limit, kNow).ok());

  // The dossier's 50 MB: 45 MB already attached leaves room for 5 MB.
  for (int i = 0; i < 5; ++i)
    d.attachments.push_back({"old" + std::to_string(i), "scan" + std::to_string(i) + ".pdf", "application/pdf",
                             9 * 1024 * 1024, std::string(64, 'a' + static_cast<char>(i)), kNow});
  EXPECT_EQ(attachments_size(d), 45LL * 1024 * 1024);
  std::string six_mb = kPdf + std::string(6 * 1024 * 1024, ' ');
  auto over = prepare_attachment(d, "x", "them.pdf", "application/pdf", six_mb, kNow);
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.error().what.en.find("already holds 45 MB of attachments, at most 50 MB"), std::string::npos)
      << over.error().what.en;
  std::string four_mb = kPdf + std::string(4 * 1024 * 1024, ' ');
  EXPECT_TRUE(prepare_attachment(d, "x", "them.pdf", "application/pdf", four_mb, kNow).ok());

  // The same bytes twice, under any name.
  d.attachments.push_back({"p", "bang-khen.pdf", "application/pdf", static_cast<int64_t>(kPdf.size()), sha256_hex(kPdf), kNow});
  auto again = prepare_attachment(d, "x", "copy.pdf", "application/pdf", kPdf, kNow);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().what.vi.find("trùng nội dung với “bang-khen.pdf”"), std::string::npos);
}

TEST(Attachments, PreparedAttachmentPassesValidationAndEdits) {
  Dossier d = testing::valid_individual();
  auto a = prepare_attachment(d, "a1", "the.png", "", kPng, kNow);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(add_attachment(d, *a, testing::kCtx).ok());
  Workspace w;
  w.dossiers.push_back(d);
  for (const Finding& f : validate(testing::lib(), testing::campaign(), w, testing::kToday))
    EXPECT_NE(f.rule, rule::attachment) << f.message.en;
}

TEST(Attachments, DroppedFiles) {
  EXPECT_EQ(classify_file("a.pdf", "application/pdf", kPdf), DroppedKind::attachment);
  EXPECT_EQ(classify_file("IMG_1.jpg", "", kJpeg), DroppedKind::attachment);
  // Backups put their blobs first: the format is found anywhere.
  std::string backup = "{\"blobs\":[{\"base64\":\"" + std::string(5000, 'A') + "\"}],\"format\":\"hoso-backup\"}";
  EXPECT_EQ(classify_file("sao-luu.json", "application/json", backup), DroppedKind::backup);
  EXPECT_EQ(classify_file("goi.json", "", "{\"format\": \"hoso-package\", \"x\": 1}"), DroppedKind::package);
  EXPECT_EQ(classify_file("ghi-chu.txt", "text/plain", "hello"), DroppedKind::unknown);
  EXPECT_EQ(classify_file("khac.json", "application/json", "{\"format\":\"hoso-campaign\"}"), DroppedKind::unknown);
}

// An attachment from a package opens in a tab of hoso's origin only when its bytes are a type
// that cannot run script; HTML or SVG claiming to be a picture or a PDF is downloaded instead.
TEST(Attachments, OnlyTypesThatCannotRunScriptOpenInATab) {
  const OpenAs pdf = safe_open("%PDF-1.7\n...");
  EXPECT_TRUE(pdf.in_tab);
  EXPECT_EQ(pdf.mime, "application/pdf");
  const OpenAs png = safe_open(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_TRUE(png.in_tab);
  EXPECT_EQ(png.mime, "image/png");
  EXPECT_TRUE(safe_open("\xFF\xD8\xFF\xE0 jpeg").in_tab);
  for (const char* script : {"<!DOCTYPE html><script>alert(1)</script>", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                             "<?xml version=\"1.0\"?><svg/>", " %PDF-1.4 (not at the start)", "GIF8 <html>", ""}) {
    const OpenAs how = safe_open(script);
    EXPECT_FALSE(how.in_tab) << script;
    EXPECT_EQ(how.mime, "application/octet-stream") << script;
  }
}

}  // namespace
}  // namespace hoso
