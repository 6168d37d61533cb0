// Search folding, slugs, trimming and Vietnamese collation (see text.hpp), built on the Unicode
// machinery of unicode.cpp (unicode_detail.hpp).
#include "core/text.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/unicode_detail.hpp"

namespace hoso::text {

using unicode_detail::canonical_order;
using unicode_detail::ccc_of;
using unicode_detail::cp_of;
using unicode_detail::Decoded;
using unicode_detail::decode_at;
using unicode_detail::decompose_full;
using unicode_detail::inert;
using unicode_detail::to_lower;

namespace {

// ---- white space, diacritics ------------------------------------------------------------------

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
