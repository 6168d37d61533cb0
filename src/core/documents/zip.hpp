#pragma once
// A minimal ZIP writer (APPNOTE 6.3.x) for .docx files: entries are "stored" (not compressed),
// which every reader accepts, and keeps the code tiny. Names are flagged UTF-8 (bit 11). Every
// entry carries the same fixed time (1980-01-01 00:00), so the same input gives the same bytes:
// the core has no clock, and reproducible files can be hashed and compared. No ZIP64: an archive
// must stay under 4 GiB and 65,535 entries, far above any document.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace hoso::zip {

struct Entry {
  std::string name;  // "word/document.xml": forward slashes, no leading slash
  std::string data;  // the bytes
};

// CRC-32 (ISO-HDLC, polynomial 0xEDB88320 reflected), as ZIP and PNG use it.
uint32_t crc32(std::string_view bytes);

// The archive: local header and data of each entry in order, then the central directory and the
// end-of-central-directory record.
std::string write(std::span<const Entry> entries);

}  // namespace hoso::zip
