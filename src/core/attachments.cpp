#include "core/attachments.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/json_in.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"

namespace hoso {

namespace {

using json_in::in_quotes;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The name's extension, lower case, without the dot ("" when none).
std::string extension(std::string_view name) {
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 >= name.size()) return {};
  return lower_ascii(name.substr(dot + 1));
}

// The MIME type from the first bytes, or "" when they say nothing known.
std::string_view sniff(std::string_view b) {
  if (starts_with(b, "%PDF-")) return "application/pdf";
  if (starts_with(b, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts_with(b, "\xFF\xD8\xFF")) return "image/jpeg";
  if (starts_with(b, "GIF87a") || starts_with(b, "GIF89a")) return "image/gif";
  if (b.size() >= 12 && starts_with(b, "RIFF") && b.substr(8, 4) == "WEBP") return "image/webp";
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") {  // ISO media: phones' HEIC/HEIF photos
    std::string_view brand = b.substr(8, 4);
    if (brand == "heic" || brand == "heix" || brand == "hevc" || brand == "heim" || brand == "heis") return "image/heic";
    if (brand == "mif1" || brand == "msf1") return "image/heif";
    if (brand == "avif") return "image/avif";
  }
  return {};
}

std::string_view mime_from_extension(std::string_view ext) {
  struct Ext {
    std::string_view ext, mime;
  };
  static constexpr std::array<Ext, 11> table = {{{"pdf", "application/pdf"},
                                                 {"png", "image/png"},
                                                 {"jpg", "image/jpeg"},
                                                 {"jpeg", "image/jpeg"},
                                                 {"gif", "image/gif"},
                                                 {"webp", "image/webp"},
                                                 {"heic", "image/heic"},
                                                 {"heif", "image/heif"},
                                                 {"avif", "image/avif"},
                                                 {"json", "application/json"},
                                                 {"txt", "text/plain"}}};
  for (const Ext& e : table)
    if (e.ext == ext) return e.mime;
  return {};
}

FileKind kind_of(std::string_view mime) {
  if (mime == "application/pdf") return FileKind::pdf;
  if (starts_with(mime, "image/")) return FileKind::image;
  if (mime == "application/json" || (starts_with(mime, "application/") && mime.ends_with("+json"))) return FileKind::json;
  return FileKind::other;
}

// One decimal place, with the language's decimal mark.
std::pair<std::string, std::string> one_decimal(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  std::string en = buf;
  if (en.size() > 2 && en.compare(en.size() - 2, 2, ".0") == 0) en.resize(en.size() - 2);
  std::string vi = en;
  std::replace(vi.begin(), vi.end(), '.', ',');
  return {vi, en};
}

DataError refusal(std::string_view name, Bilingual what) { return DataError{std::string(name), {}, std::move(what)}; }

}  // namespace

FileType detect_file_type(std::string_view name, std::string_view declared_mime, std::string_view bytes) {
  std::string mime(sniff(bytes));
  if (mime.empty()) {
    std::string declared = lower_ascii(text::trim(declared_mime));
    if (auto semi = declared.find(';'); semi != std::string::npos) declared = text::trim(declared.substr(0, semi));
    mime = declared.empty() || declared == "application/octet-stream" ? std::string(mime_from_extension(extension(name)))
                                                                      : declared;
  }
  if (mime.empty()) mime = "application/octet-stream";
  return FileType{kind_of(mime), mime};
}

bool is_image(std::string_view mime) { return kind_of(mime) == FileKind::image; }

OpenAs safe_open(std::string_view bytes) {
  // sniff() knows only PDF and raster image signatures: none of them is a document a browser
  // runs script in on this origin.
  const std::string_view mime = sniff(bytes);
  if (mime.empty()) return OpenAs{false, "application/octet-stream"};
  return OpenAs{true, std::string(mime)};
}

std::string type_label(std::string_view mime, std::string_view name) {
  if (mime == "application/pdf") return "PDF";
  if (mime == "image/jpeg") return "JPEG";
  if (starts_with(mime, "image/")) {
    std::string sub = std::string(mime.substr(6));
    if (auto plus = sub.find('+'); plus != std::string::npos) sub.resize(plus);  // "svg+xml"
    for (char& c : sub)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return sub;
  }
  std::string ext = extension(name);
  if (!ext.empty() && ext.size() <= 5) {
    for (char& c : ext)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return ext;
  }
  return "?";
}

Bilingual format_size(int64_t bytes) {
  if (bytes < 0) bytes = 0;
  if (bytes < 1024) return {std::to_string(bytes) + " B", std::to_string(bytes) + " B"};
  if (bytes < 1024 * 1024) {
    // Whole kilobytes, rounded up: a 10-byte-over file never reads "0 KB".
    std::string kb = std::to_string((bytes + 1023) / 1024);
    return {kb + " KB", kb + " KB"};
  }
  auto [vi, en] = one_decimal(static_cast<double>(bytes) / (1024.0 * 1024.0));
  return {vi + " MB", en + " MB"};
}

int64_t attachments_size(const Dossier& d) {
  int64_t total = 0;
  for (const Attachment& a : d.attachments) total += std::max<int64_t>(0, a.size);
  return total;
}

Outcome<Attachment> prepare_attachment(const Dossier& d, std::string id, std::string_view name,
                                       std::string_view declared_mime, std::string_view bytes, Millis now) {
  std::string clean = text::trim(text::nfc(name));
  if (clean.empty()) clean = "?";
  const std::string q = in_quotes(clean);
  const FileType type = detect_file_type(clean, declared_mime, bytes);
  if (type.kind != FileKind::image && type.kind != FileKind::pdf)
    return refusal(clean, {"Chỉ đính kèm được ảnh hoặc tệp PDF; " + q + " không phải.",
                           "Only images and PDF files can be attached; " + q + " is neither."});
  const auto size = static_cast<int64_t>(bytes.size());
  if (size == 0) return refusal(clean, {"Tệp " + q + " trống (0 byte).", "The file " + q + " is empty (0 bytes)."});
  const Bilingual file_mb = format_size(size), limit = format_size(kMaxAttachmentBytes);
  if (size > kMaxAttachmentBytes)
    return refusal(clean, {"Tệp " + q + " nặng " + file_mb.vi + ", quá mức " + limit.vi + " cho mỗi tệp. Hãy chụp hoặc quét lại với độ phân giải thấp hơn.",
                           "The file " + q + " is " + file_mb.en + ", over the " + limit.en + " limit for one file. Scan or photograph it again at a lower resolution."});
  const int64_t used = attachments_size(d);
  if (used + size > kMaxDossierAttachmentBytes) {
    const Bilingual total = format_size(kMaxDossierAttachmentBytes), have = format_size(used);
    return refusal(clean, {"Không thể thêm " + q + " (" + file_mb.vi + "): hồ sơ đã có " + have.vi + " tệp đính kèm, tối đa " + total.vi + ".",
                           "Cannot add " + q + " (" + file_mb.en + "): the dossier already holds " + have.en + " of attachments, at most " + total.en + "."});
  }
  std::string sha = sha256_hex(bytes);
  for (const Attachment& a : d.attachments)
    if (a.sha256 == sha)
      return refusal(clean, {"Tệp " + q + " đã được đính kèm (trùng nội dung với " + in_quotes(a.name) + ").",
                             "The file " + q + " is already attached (same content as " + in_quotes(a.name) + ")."});
  Attachment a;
  a.id = std::move(id);
  a.name = std::move(clean);
  a.mime_type = type.mime;
  a.size = size;
  a.sha256 = std::move(sha);
  a.added = whole_seconds(now);
  return a;
}

DroppedKind classify_file(std::string_view name, std::string_view declared_mime, std::string_view bytes) {
  const FileType type = detect_file_type(name, declared_mime, bytes);
  if (type.kind == FileKind::image || type.kind == FileKind::pdf) return DroppedKind::attachment;
  // Canonical JSON has no spaces; a hand-formatted file may. Either way the format's name, in
  // quotes, is distinctive enough.
  if (bytes.find("\"hoso-backup\"") != std::string_view::npos) return DroppedKind::backup;
  if (bytes.find("\"hoso-package\"") != std::string_view::npos) return DroppedKind::package;
  return DroppedKind::unknown;
}

}  // namespace hoso
