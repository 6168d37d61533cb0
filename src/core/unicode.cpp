// UTF-8 and NFC (see text.hpp), and the Unicode machinery that text.cpp's folding and collation
// build on (unicode_detail.hpp). The only file that sees the generated tables.
//
// Normalisation data comes from scripts/gen_unicode_tables.py (the whole of Unicode's canonical
// data, about 16 KB). NFC works segment by segment: a code point that is "inert" (ccc 0 and
// NFC_QC=Yes) never interacts with what precedes it, so runs of inert code points are copied as
// they are and only the short segments around combining marks are decomposed, reordered and
// recomposed (UAX #15).
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/unicode_detail.hpp"

namespace hoso::text {

using unicode_detail::ccc_of;
using unicode_detail::cp_of;
using unicode_detail::Decoded;
using unicode_detail::decode_at;
using unicode_detail::kReplacement;

namespace {

#include "unicode_tables.inc"

// ---- Unicode properties -------------------------------------------------------------------------

// The kProps entry covering cp, or 0 if cp is inert (ccc 0 and NFC_QC=Yes).
inline uint32_t prop(char32_t cp) {
  if (cp < 0x300) return 0;
  if (cp < 0x10000 && !((kBmpBlockBits[cp >> 12] >> ((cp >> 6) & 63)) & 1)) return 0;
  const auto* it = std::upper_bound(std::begin(kProps), std::end(kProps), cp,
                                    [](char32_t c, uint32_t e) { return c < (e >> 14); });
  if (it == std::begin(kProps)) return 0;
  const uint32_t e = *(it - 1);
  return cp < (e >> 14) + ((e >> 8) & 63) + 1 ? e : 0;
}
inline uint32_t ccc(char32_t cp) {
  if (cp - 0x300 < std::size(kCcc0300)) return kCcc0300[cp - 0x300];
  return prop(cp) & 0xFF;
}

constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
                   kSCount = kLCount * kNCount;

constexpr std::size_t kDecomp16Count = std::size(kDecomp16) / 3;
constexpr std::size_t kDecomp32Count = std::size(kDecomp32) / 3;

// One level of canonical decomposition (Hangul excepted). Returns how many code points were
// written to d (0 if cp has no decomposition).
int decompose1(char32_t cp, char32_t d[2]) {
  if (cp < 0xC0) return 0;
  if (cp < 0x10000 && !((kBmpDecompBits[cp >> 12] >> ((cp >> 6) & 63)) & 1)) return 0;
  if (cp >= 0xF900 && cp < 0xF900 + std::size(kCjkF900)) {
    d[0] = kCjkF900[cp - 0xF900];
    return d[0] ? 1 : 0;
  }
  if (cp >= 0x2F800 && cp < 0x2F800 + std::size(kCjk2F800)) {
    d[0] = kCjk2F800[cp - 0x2F800];
    return d[0] ? 1 : 0;
  }
  auto find = [&](const auto* table, std::size_t count) -> int {
    std::size_t lo = 0, hi = count;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (table[3 * mid] < cp) lo = mid + 1; else hi = mid;
    }
    if (lo == count || table[3 * lo] != cp) return 0;
    d[0] = table[3 * lo + 1];
    d[1] = table[3 * lo + 2];
    return d[1] ? 2 : 1;
  };
  return cp < 0x10000 ? find(kDecomp16, kDecomp16Count) : find(kDecomp32, kDecomp32Count);
}

inline char32_t comp_first(std::size_t idx) {
  return idx < kDecomp16Count ? kDecomp16[3 * idx + 1] : kDecomp32[3 * (idx - kDecomp16Count) + 1];
}
inline char32_t comp_second(std::size_t idx) {
  return idx < kDecomp16Count ? kDecomp16[3 * idx + 2] : kDecomp32[3 * (idx - kDecomp16Count) + 2];
}
inline char32_t comp_result(std::size_t idx) {
  return idx < kDecomp16Count ? kDecomp16[3 * idx] : kDecomp32[3 * (idx - kDecomp16Count)];
}

// The primary composite of a + b, or 0.
char32_t compose(char32_t a, char32_t b) {
  if (a - kLBase < kLCount && b - kVBase < kVCount)
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  if (a - kSBase < kSCount && (a - kSBase) % kTCount == 0 && b - kTBase - 1 < kTCount - 1)
    return a + (b - kTBase);
  const auto* it = std::lower_bound(std::begin(kComp), std::end(kComp), 0,
                                    [&](uint16_t idx, int) {
                                      const char32_t f = comp_first(idx);
                                      return f < a || (f == a && comp_second(idx) < b);
                                    });
  if (it != std::end(kComp) && comp_first(*it) == a && comp_second(*it) == b) return comp_result(*it);
  return 0;
}

// Packed as unicode_detail.hpp describes.
inline uint32_t pack(char32_t cp) { return (ccc(cp) << 21) | cp; }

// Appends the full canonical decomposition of cp (Hangul excepted).
void decompose_slow(char32_t cp, std::vector<uint32_t>& out) {
  char32_t d[2];
  const int n = decompose1(cp, d);
  if (n == 0) {
    out.push_back(pack(cp));
    return;
  }
  for (int k = 0; k < n; ++k) decompose_slow(d[k], out);  // depth <= 3 in Unicode 15
}

// Full decompositions of the Latin letters (U+00C0..U+024F, U+1E00..U+1EFF), computed once from
// the tables on first use: the common case of Vietnamese text without the binary searches.
struct LatinDecompositions {
  static constexpr char32_t kRanges[2][2] = {{0xC0, 0x250}, {0x1E00, 0x1F00}};
  static constexpr std::size_t kSize = (0x250 - 0xC0) + (0x1F00 - 0x1E00);
  std::array<std::array<uint32_t, 4>, kSize> packed{};  // [0] = count, then (ccc << 21) | cp

  LatinDecompositions() {
    std::vector<uint32_t> tmp;
    std::size_t i = 0;
    for (const auto& r : kRanges) {
      for (char32_t cp = r[0]; cp < r[1]; ++cp, ++i) {
        tmp.clear();
        decompose_slow(cp, tmp);
        packed[i][0] = static_cast<uint32_t>(tmp.size());  // at most 3 in these ranges
        std::copy(tmp.begin(), tmp.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(tmp.size(), 3)), packed[i].begin() + 1);
      }
    }
  }
  const std::array<uint32_t, 4>* find(char32_t cp) const {
    if (cp - 0xC0 < 0x250 - 0xC0) return &packed[cp - 0xC0];
    if (cp - 0x1E00 < 0x100) return &packed[(0x250 - 0xC0) + (cp - 0x1E00)];
    return nullptr;
  }
};

// Canonical composition in place (UAX #15).
void canonical_compose(std::vector<uint32_t>& buf) {
  if (buf.empty()) return;
  std::size_t starter = 0, out = 1;
  uint32_t last_ccc = ccc_of(buf[0]) ? 256 : 0;
  for (std::size_t i = 1; i < buf.size(); ++i) {
    const uint32_t c = buf[i], cc = ccc_of(c);
    if (last_ccc < cc || last_ccc == 0) {
      if (const char32_t composite = compose(cp_of(buf[starter]), cp_of(c))) {
        buf[starter] = composite;  // primary composites are starters
        continue;
      }
    }
    if (cc == 0) starter = out;
    last_ccc = cc;
    buf[out++] = c;
  }
  buf.resize(out);
}

void append_packed(std::string& out, const std::vector<uint32_t>& buf) {
  for (uint32_t p : buf) append_utf8(out, cp_of(p));
}

}  // namespace

// ---- shared with text.cpp (unicode_detail.hpp) -------------------------------------------------

namespace unicode_detail {

bool inert(char32_t cp) { return prop(cp) == 0; }

char32_t to_lower_beyond_ascii(char32_t cp) {
  const auto* it = std::upper_bound(std::begin(kLowerRuns), std::end(kLowerRuns), cp,
                                    [](char32_t c, uint32_t e) { return c < (e >> 8); });
  if (it == std::begin(kLowerRuns)) return cp;
  const std::size_t r = static_cast<std::size_t>(it - std::begin(kLowerRuns)) - 1;
  const uint32_t e = kLowerRuns[r], start = e >> 8, count = ((e >> 1) & 127) + 1, stride = (e & 1) + 1;
  const uint32_t off = cp - start;
  if (off >= count * stride || off % stride) return cp;
  return static_cast<char32_t>(static_cast<int32_t>(cp) + kLowerDelta[r]);
}

// Appends the full canonical decomposition of cp (Hangul included).
void decompose_full(char32_t cp, std::vector<uint32_t>& out) {
  static const LatinDecompositions latin;
  if (const auto* d = latin.find(cp)) {
    out.insert(out.end(), d->begin() + 1, d->begin() + 1 + (*d)[0]);
    return;
  }
  if (cp - kSBase < kSCount) {
    const char32_t s = cp - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount) out.push_back(kTBase + s % kTCount);
    return;
  }
  decompose_slow(cp, out);
}

// Canonical ordering: stable sort of every run of non-starters by combining class.
void canonical_order(std::vector<uint32_t>& buf) {
  const auto by_ccc = [](uint32_t x, uint32_t y) { return ccc_of(x) < ccc_of(y); };
  for (std::size_t i = 0; i < buf.size();) {
    if (ccc_of(buf[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < buf.size() && ccc_of(buf[j]) != 0) ++j;
    if (j - i > 32) {
      std::stable_sort(buf.begin() + static_cast<std::ptrdiff_t>(i), buf.begin() + static_cast<std::ptrdiff_t>(j), by_ccc);
    } else {
      for (std::size_t k = i + 1; k < j; ++k) {  // insertion sort: runs are short
        const uint32_t v = buf[k];
        std::size_t m = k;
        for (; m > i && ccc_of(buf[m - 1]) > ccc_of(v); --m) buf[m] = buf[m - 1];
        buf[m] = v;
      }
    }
    i = j;
  }
}

}  // namespace unicode_detail

using unicode_detail::canonical_order;
using unicode_detail::decompose_full;
using unicode_detail::inert;

// ---- UTF-8 ------------------------------------------------------------------------------------

bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

std::size_t first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const Decoded d = decode_at(s, i);
    if (!d.ok) return i;
    i += d.len;
  }
  return std::string_view::npos;
}

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    out.push_back(d.cp);
    i += d.len;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encode_utf8(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t cp : cps) append_utf8(out, cp);
  return out;
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) i += decode_at(s, i).len;
  return n;
}

const char* unicode_version() { return kUnicodeVersion; }

char32_t simple_lower(char32_t cp) { return unicode_detail::to_lower(cp); }

// ---- NFC --------------------------------------------------------------------------------------

std::string nfc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  std::vector<uint32_t> seg;
  std::size_t copied = 0;                          // s[0, copied) is in out
  std::size_t last_inert = std::string_view::npos;  // start of the previous code point if inert
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    if (p[i] < 0x80) {  // ASCII is inert
      last_inert = i++;
      continue;
    }
    const Decoded d = decode_at(p + i, s.size() - i);
    if (!d.ok) {  // U+FFFD is inert and composes with nothing
      out.append(s.substr(copied, i - copied));
      append_utf8(out, kReplacement);
      copied = ++i;
      last_inert = std::string_view::npos;
      continue;
    }
    if (inert(d.cp)) {
      last_inert = i;
      i += d.len;
      continue;
    }
    // A segment: the previous inert code point (a starter that may compose) and every code point
    // up to the next inert one.
    const std::size_t seg_begin = last_inert != std::string_view::npos && last_inert >= copied ? last_inert : i;
    out.append(s.substr(copied, seg_begin - copied));
    seg.clear();
    std::size_t j = seg_begin;
    while (j < s.size()) {
      const Decoded e = decode_at(p + j, s.size() - j);
      if (!e.ok || (j > i && inert(e.cp))) break;
      decompose_full(e.cp, seg);
      j += e.len;
    }
    canonical_order(seg);
    canonical_compose(seg);
    append_packed(out, seg);
    copied = i = j;
    last_inert = std::string_view::npos;
  }
  out.append(s.substr(copied));
  return out;
}

bool is_nfc(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const Decoded d = decode_at(s, i);
    if (!d.ok) return false;
    if (!inert(d.cp)) return nfc(s) == s;
    i += d.len;
  }
  return true;
}

}  // namespace hoso::text
