#include "core/documents/zip.hpp"

namespace hoso::zip {

uint32_t crc32(std::string_view bytes) {
  // Bit by bit rather than with a 1 KB table: documents are small, and this ships in the wasm.
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

namespace {

void u16(std::string& out, uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
void u32(std::string& out, uint32_t v) {
  u16(out, v & 0xFFFF);
  u16(out, v >> 16);
}

constexpr uint32_t kVersion = 20;        // 2.0: what a reader needs (and what wrote it, MS-DOS)
constexpr uint32_t kUtf8Names = 1u << 11;  // general purpose flag: names are UTF-8
constexpr uint32_t kDosTime = 0;           // 00:00:00
constexpr uint32_t kDosDate = (0u << 9) | (1u << 5) | 1u;  // 1980-01-01, the earliest DOS date

// The fields local and central headers share, from "version needed" to the name length.
void common(std::string& out, const Entry& e, uint32_t crc) {
  u16(out, kVersion);
  u16(out, kUtf8Names);
  u16(out, 0);  // method: stored
  u16(out, kDosTime);
  u16(out, kDosDate);
  u32(out, crc);
  u32(out, static_cast<uint32_t>(e.data.size()));  // compressed size
  u32(out, static_cast<uint32_t>(e.data.size()));  // uncompressed size
  u16(out, static_cast<uint32_t>(e.name.size()));
}

}  // namespace

std::string write(std::span<const Entry> entries) {
  std::string out, central;
  for (const Entry& e : entries) {
    const uint32_t crc = crc32(e.data);
    const auto offset = static_cast<uint32_t>(out.size());
    u32(out, 0x04034b50);  // local file header
    common(out, e, crc);
    u16(out, 0);  // extra field length
    out += e.name;
    out += e.data;

    u32(central, 0x02014b50);  // central directory header
    u16(central, kVersion);    // version made by (MS-DOS)
    common(central, e, crc);
    u16(central, 0);  // extra field length
    u16(central, 0);  // comment length
    u16(central, 0);  // disk number start
    u16(central, 0);  // internal attributes
    u32(central, 0);  // external attributes
    u32(central, offset);
    central += e.name;
  }
  const auto dir_offset = static_cast<uint32_t>(out.size());
  out += central;
  u32(out, 0x06054b50);  // end of central directory
  u16(out, 0);           // this disk
  u16(out, 0);           // disk with the directory
  u16(out, static_cast<uint32_t>(entries.size()));
  u16(out, static_cast<uint32_t>(entries.size()));
  u32(out, static_cast<uint32_t>(central.size()));
  u32(out, dir_offset);
  u16(out, 0);  // comment length
  return out;
}

}  // namespace hoso::zip
