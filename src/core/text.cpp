// UTF-8, NFC, search folding and Vietnamese collation. See text.hpp.
//
// Normalisation data comes from scripts/gen_unicode_tables.py (the whole of Unicode's canonical
// data, about 16 KB). NFC works segment by segment: a code point that is "inert" (ccc 0 and
// NFC_QC=Yes) never interacts with what precedes it, so runs of inert code points are copied as
// they are and only the short segments around combining marks are decomposed, reordered and
// recomposed (UAX #15).
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace hoso::text {
namespace {

#include "unicode_tables.inc"

constexpr char32_t kReplacement = 0xFFFD;

// ---- UTF-8 ------------------------------------------------------------------------------------

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
inline bool inert(char32_t cp) { return prop(cp) == 0; }
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

// Buffers hold code points packed with their combining class: (ccc << 21) | cp.
inline uint32_t pack(char32_t cp) { return (ccc(cp) << 21) | cp; }
constexpr char32_t cp_of(uint32_t p) { return p & 0x1FFFFF; }
constexpr uint32_t ccc_of(uint32_t p) { return p >> 21; }

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

// ---- case, white space ------------------------------------------------------------------------

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  const auto* it = std::upper_bound(std::begin(kLowerRuns), std::end(kLowerRuns), cp,
                                    [](char32_t c, uint32_t e) { return c < (e >> 8); });
  if (it == std::begin(kLowerRuns)) return cp;
  const std::size_t r = static_cast<std::size_t>(it - std::begin(kLowerRuns)) - 1;
  const uint32_t e = kLowerRuns[r], start = e >> 8, count = ((e >> 1) & 127) + 1, stride = (e & 1) + 1;
  const uint32_t off = cp - start;
  if (off >= count * stride || off % stride) return cp;
  return static_cast<char32_t>(static_cast<int32_t>(cp) + kLowerDelta[r]);
}

// Unicode White_Space.
constexpr bool is_space(char32_t c) {
  return c == 0x20 || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

constexpr bool is_diacritic(uint32_t packed) {
  const char32_t c = cp_of(packed);
  return ccc_of(packed) != 0 || (c >= 0x300 && c <= 0x36F);
}

// ---- Vietnamese collation -----------------------------------------------------------------------

// Base letters, in order: Vietnamese's 29 plus f j w z where Latin puts them.
constexpr char32_t kGrave = 0x300, kAcute = 0x301, kCircumflex = 0x302, kTilde = 0x303,
                   kBreve = 0x306, kHook = 0x309, kHorn = 0x31B, kDotBelow = 0x323;

// Rank of a letter (after lower-casing; for a..z the modifier may turn it into ă â ê ô ơ ư).
// a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z
constexpr std::array<uint8_t, 26> kLatinRank = {0, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16,
                                                17, 18, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 32};
constexpr uint32_t kLetterWeight = 0x62;  // weights: other < 'a' -> cp + 1; letters; others -> cp + 8

int tone_of(char32_t mark) {
  switch (mark) {
    case kGrave: return 1;
    case kHook: return 2;
    case kTilde: return 3;
    case kAcute: return 4;
    case kDotBelow: return 5;
    default: return 0;
  }
}

// Appends w in UTF-8's order-preserving form, extended to 21 bits (weights reach 0x10FFFF + 8).
void append_weight(std::string& out, uint32_t w) {
  if (w < 0x80) {
    out += static_cast<char>(w);
  } else if (w < 0x800) {
    out += static_cast<char>(0xC0 | (w >> 6));
    out += static_cast<char>(0x80 | (w & 0x3F));
  } else if (w < 0x10000) {
    out += static_cast<char>(0xE0 | (w >> 12));
    out += static_cast<char>(0x80 | ((w >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (w & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (w >> 18));
    out += static_cast<char>(0x80 | ((w >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((w >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (w & 0x3F));
  }
}

struct KeyBuffers {
  std::vector<uint32_t> cps;
  std::string tones, marks, cases;
  std::string a, b, rest_a, rest_b;  // not used by append_key
};
KeyBuffers& buffers() {
  thread_local KeyBuffers b;
  return b;
}

// The sort key: level 1 letters, 0, level 2 tones, 0, level 3 other diacritics, 0, level 4 case.
// Level 1 weights are >= 1, tones 1..6, level 3 bytes >= 1, case 1..2: the only zero bytes are the
// three separators, so a key followed by a zero byte is prefix-free.
void append_key(std::string& out, std::string_view s) {
  KeyBuffers& kb = buffers();
  std::vector<uint32_t>& cps = kb.cps;
  cps.clear();
  bool ascii = true;
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    i += d.len;
    if (d.cp < 0x80) {
      cps.push_back(d.cp);
    } else {
      ascii = false;
      decompose_full(d.cp, cps);
    }
  }
  if (!ascii) canonical_order(cps);
  kb.tones.clear();
  kb.marks.clear();
  kb.cases.clear();
  bool any_mark = false, any_upper = false;
  for (std::size_t i = 0; i < cps.size();) {
    std::size_t j = i + 1;
    while (j < cps.size() && ccc_of(cps[j]) != 0) ++j;
    const char32_t base = cp_of(cps[i]);
    const char32_t lower = to_lower(base);
    uint32_t weight;
    std::size_t used_modifier = j;  // index of the mark that made ă â ê ô ơ ư, if any
    if (lower >= 'a' && lower <= 'z') {
      uint32_t rank = kLatinRank[lower - 'a'];
      for (std::size_t k = i + 1; k < j && used_modifier == j; ++k) {
        const char32_t m = cp_of(cps[k]);
        const uint32_t bumped = (lower == 'a' && m == kBreve) ? 1
                                : (lower == 'a' && m == kCircumflex) ? 2
                                : ((lower == 'e' || lower == 'o') && m == kCircumflex) ? 1
                                : ((lower == 'o' || lower == 'u') && m == kHorn) ? (lower == 'o' ? 2 : 1)
                                                                               : 0;
        if (bumped) rank += bumped, used_modifier = k;
      }
      weight = kLetterWeight + rank;
    } else if (lower == 0x111) {  // đ
      weight = kLetterWeight + 6;
    } else {
      weight = lower < 'a' ? lower + 1 : lower + 8;
    }
    append_weight(out, weight);
    int tone = 0;
    const std::size_t marks_before = kb.marks.size();
    for (std::size_t k = i + 1; k < j; ++k) {
      if (k == used_modifier) continue;
      const char32_t m = cp_of(cps[k]);
      if (!tone && (tone = tone_of(m)) != 0) continue;
      append_weight(kb.marks, m);  // marks are >= U+0300: first byte >= 0xCC
    }
    any_mark |= kb.marks.size() != marks_before;
    kb.marks += '\x01';
    kb.tones += static_cast<char>(tone + 1);
    const bool upper = lower != base;
    any_upper |= upper;
    kb.cases += static_cast<char>(upper ? 2 : 1);
    i = j;
  }
  out += '\0';
  out += kb.tones;
  out += '\0';
  if (any_mark) out += kb.marks;
  out += '\0';
  if (any_upper) out += kb.cases;
}

// A person's name split on white space: the given name is the last word, the rest is the words
// before it.
struct NameParts {
  std::string_view given, before;
};
NameParts split_name(std::string_view name) {
  std::size_t given_begin = 0, given_end = 0;
  for (std::size_t i = 0; i < name.size();) {
    Decoded d = decode_at(name, i);
    if (is_space(d.cp)) {
      i += d.len;
      continue;
    }
    given_begin = i;
    while (i < name.size() && !is_space((d = decode_at(name, i)).cp)) i += d.len;
    given_end = i;
  }
  return {name.substr(given_begin, given_end - given_begin), name.substr(0, given_begin)};
}

// The words of `before` joined by one space.
void append_rest(std::string& rest, std::string_view before) {
  rest.clear();
  bool gap = false;
  for (std::size_t i = 0; i < before.size();) {
    const Decoded d = decode_at(before, i);
    if (is_space(d.cp)) {
      gap = true;
    } else {
      if (gap && !rest.empty()) rest += ' ';
      gap = false;
      rest.append(before.substr(i, d.len));
    }
    i += d.len;
  }
}

int sign(int v) { return (v > 0) - (v < 0); }

}  // namespace

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

char32_t simple_lower(char32_t cp) { return to_lower(cp); }

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

// ---- folding, search, slugs, trimming ---------------------------------------------------------

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::vector<uint32_t> cps;
  bool space = false, recompose = false;
  auto emit = [&](char32_t c) {
    if (space && !out.empty()) out += ' ';
    space = false;
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      recompose |= !inert(c);
      append_utf8(out, c);
    }
  };
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    i += d.len;
    const char32_t c = d.cp;
    if (c < 0x80) {
      if (is_space(c)) space = true; else emit(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    if (is_space(c)) {
      space = true;
      continue;
    }
    cps.clear();
    decompose_full(c, cps);
    for (std::size_t k = 0; k < cps.size(); ++k) {
      if (is_diacritic(cps[k])) continue;
      const char32_t base = cp_of(cps[k]);
      const char32_t lower = to_lower(base);
      if (lower == 0x111 || lower == 0xF0) {  // đ, and ð which looks the same
        emit('d');
      } else if (lower != base && lower >= 0xC0) {
        // A lower-case letter may decompose where its capital did not: fold it in turn.
        const std::size_t n = cps.size();
        decompose_full(lower, cps);
        for (std::size_t m = n; m < cps.size(); ++m)
          if (!is_diacritic(cps[m])) emit(to_lower(cp_of(cps[m])));
        cps.resize(n);
      } else {
        emit(lower);
      }
    }
  }
  // Removing marks may leave starters that compose with each other (Hangul jamo, some Indic vowel
  // signs): recompose so that fold is idempotent.
  return recompose ? nfc(out) : out;
}

bool matches_search(std::string_view haystack, std::string_view query) {
  const std::string q = fold(query);
  if (q.empty()) return true;
  const std::string h = fold(haystack);
  for (std::size_t i = 0; i < q.size();) {
    std::size_t j = q.find(' ', i);
    if (j == std::string::npos) j = q.size();
    if (h.find(std::string_view(q).substr(i, j - i)) == std::string::npos) return false;
    i = j + 1;
  }
  return true;
}

std::string slug(std::string_view s) {
  const std::string f = fold(s);
  std::string out;
  out.reserve(f.size());
  for (char c : f) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  if (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string trim(std::string_view s) {
  std::size_t begin = s.size(), end = 0;
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    if (!is_space(d.cp)) {
      if (begin == s.size()) begin = i;
      end = i + d.len;
    }
    i += d.len;
  }
  if (begin >= end) return {};
  const std::string_view t = s.substr(begin, end - begin);
  return is_valid_utf8(t) ? std::string(t) : encode_utf8(decode_utf8(t));
}

// ---- collation --------------------------------------------------------------------------------

std::string collation_key_vi(std::string_view s) {
  std::string key;
  key.reserve(s.size() * 2 + 4);
  append_key(key, s);
  return key;
}

// The given name's key, a zero byte, then the rest's key: a key followed by a zero byte is
// prefix-free, so this orders by given name first.
std::string collation_key_person(std::string_view name) {
  const NameParts parts = split_name(name);
  std::string rest, key;
  key.reserve(name.size() * 2 + 8);
  append_key(key, parts.given);
  key += '\0';
  append_rest(rest, parts.before);
  append_key(key, rest);
  return key;
}

int compare_vi(std::string_view a, std::string_view b) {
  KeyBuffers& kb = buffers();  // append_key does not use kb.a and kb.b
  kb.a.clear();
  kb.b.clear();
  append_key(kb.a, a);
  append_key(kb.b, b);
  return sign(kb.a.compare(kb.b));
}

// The same order as collation_key_person, comparing the given names' keys first.
int compare_person_names(std::string_view a, std::string_view b) {
  KeyBuffers& kb = buffers();
  const NameParts pa = split_name(a), pb = split_name(b);
  kb.a.clear();
  kb.b.clear();
  append_key(kb.a, pa.given);
  append_key(kb.b, pb.given);
  if (const int c = kb.a.compare(kb.b)) return sign(c);
  append_rest(kb.rest_a, pa.before);
  append_rest(kb.rest_b, pb.before);
  kb.a.clear();
  kb.b.clear();
  append_key(kb.a, kb.rest_a);
  append_key(kb.b, kb.rest_b);
  return sign(kb.a.compare(kb.b));
}

}  // namespace hoso::text
