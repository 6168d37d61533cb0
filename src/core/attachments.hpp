#pragma once
// A dossier's attachments (scans, photos): which files are taken (images and PDF), the limits
// (10 MB a file, 50 MB a dossier), why a file is refused (the message names it), and the metadata
// the dossier keeps (type, size, SHA-256). The bytes live in the store, named by their SHA-256.
// Also: what a file dropped on the page is, so the app can send it to the right place.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/bilingual.hpp"
#include "core/date.hpp"
#include "core/dossier.hpp"

namespace hoso {

inline constexpr int64_t kMaxAttachmentBytes = 10LL * 1024 * 1024;         // one file
inline constexpr int64_t kMaxDossierAttachmentBytes = 50LL * 1024 * 1024;  // all of a dossier's
// What the file picker offers (phones also offer the camera for image/*).
inline constexpr std::string_view kAttachmentAccept = "image/*,application/pdf";

enum class FileKind { pdf, image, json, other };

struct FileType {
  FileKind kind = FileKind::other;
  std::string mime;   // "application/pdf", "image/jpeg"; the declared type when unknown
  bool operator==(const FileType&) const = default;
};

// What a file is: from its first bytes (PDF, PNG, JPEG, GIF, WebP, HEIC/HEIF), else from the type
// the browser declared, else from the name's extension. Bytes win: a renamed file is what it is.
FileType detect_file_type(std::string_view name, std::string_view declared_mime, std::string_view bytes);

// A short name for a type, for a file tile and the list: "PDF", "JPEG", "PNG", "HEIC", or the
// name's extension in capitals ("DOCX"), or "?" .
std::string type_label(std::string_view mime, std::string_view name = {});
bool is_image(std::string_view mime);

// How an attachment may be shown. A file from a unit's package is opened in a tab of hoso's own
// origin, so only types that cannot run script open there, judged by the bytes, never by the
// claimed type: PDF, PNG, JPEG, GIF, WebP, HEIC/HEIF/AVIF. Anything else (HTML, SVG, XML, a text
// claiming to be an image) is downloaded instead, as application/octet-stream.
struct OpenAs {
  bool in_tab = false;
  std::string mime;  // the sniffed type when in_tab; "application/octet-stream" otherwise
};
OpenAs safe_open(std::string_view bytes);

// "0 B", "850 KB", "1,2 MB" (Vietnamese writes a decimal comma) / "1.2 MB". 1 KB = 1024 B.
Bilingual format_size(int64_t bytes);

// The bytes a dossier's attachments take together.
int64_t attachments_size(const Dossier& d);

// Checks a file for `d` and describes it: type, size and SHA-256 computed here. Refused, with a
// sentence that names the file: not an image or PDF, empty, over 10 MB, over the dossier's 50 MB,
// or already attached (the same bytes). `id` comes from the caller (a UUID).
Outcome<Attachment> prepare_attachment(const Dossier& d, std::string id, std::string_view name,
                                       std::string_view declared_mime, std::string_view bytes, Millis now);

// A file dropped on the page: an attachment (image or PDF), a submission package, a workspace
// backup, or something the app does not take. Packages and backups are recognised by their
// "format" member anywhere in the text (backups put their blobs first, so it is not at the start).
enum class DroppedKind { attachment, package, backup, unknown };
DroppedKind classify_file(std::string_view name, std::string_view declared_mime, std::string_view bytes);

}  // namespace hoso
