#pragma once
// Internal to unicode.cpp and text.cpp, not API (the API is text.hpp): the Unicode machinery that
// the Vietnamese text functions build on. Only unicode.cpp sees the generated tables; the small
// functions text.cpp calls per character (decoding, lower-casing ASCII) are inline here so that
// collation, which runs them for every character of every name it sorts, costs no extra calls.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace hoso::text::unicode_detail {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp;
  uint32_t len;  // bytes consumed (1 for an invalid byte)
  bool ok;
};

// Decodes the code point at p (avail > 0 bytes). An invalid byte decodes to U+FFFD, length 1.
inline Decoded decode_at(const unsigned char* p, std::size_t avail) {
  const unsigned char c = p[0];
  if (c < 0x80) return {c, 1, true};
  uint32_t len;
  char32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, cp = c & 0x1Fu, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, cp = c & 0x0Fu, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, cp = c & 0x07u, min = 0x10000;
  } else {
    return {kReplacement, 1, false};
  }
  if (avail < len) return {kReplacement, 1, false};
  for (uint32_t k = 1; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return {kReplacement, 1, false};
    cp = (cp << 6) | (p[k] & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {kReplacement, 1, false};
  return {cp, len, true};
}

inline Decoded decode_at(std::string_view s, std::size_t i) {
  return decode_at(reinterpret_cast<const unsigned char*>(s.data()) + i, s.size() - i);
}

// True if cp has ccc 0 and NFC_QC=Yes: it never interacts with what precedes it.
bool inert(char32_t cp);

// Simple (one code point) lower-case mapping of UnicodeData.txt. ASCII is mapped here; the
// tables, for cp >= 0x80, are in unicode.cpp.
char32_t to_lower_beyond_ascii(char32_t cp);
inline char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  return to_lower_beyond_ascii(cp);
}

// Decomposition buffers hold code points packed with their combining class: (ccc << 21) | cp.
constexpr char32_t cp_of(uint32_t packed) { return packed & 0x1FFFFF; }
constexpr uint32_t ccc_of(uint32_t packed) { return packed >> 21; }

// Appends the full canonical decomposition of cp (Hangul included), packed.
void decompose_full(char32_t cp, std::vector<uint32_t>& out);
// Canonical ordering: stable sort of every run of non-starters by combining class.
void canonical_order(std::vector<uint32_t>& buf);

}  // namespace hoso::text::unicode_detail
