#pragma once
// Text in hoso is UTF-8 and NFC. These functions never throw and never crash on invalid input:
// invalid UTF-8 sequences are replaced by U+FFFD where text is produced.
//
// unicode.cpp implements the Unicode part (UTF-8, NFC, Unicode data); text.cpp the Vietnamese
// text handling built on it (folding, search, slugs, trimming, collation).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hoso::text {

// ---- Unicode (unicode.cpp) ----------------------------------------------------------------------

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);
// Byte offset of the first invalid UTF-8 sequence, or std::string_view::npos if there is none.
std::size_t first_invalid_utf8(std::string_view s);

// Decodes to code points; each invalid byte becomes U+FFFD.
std::u32string decode_utf8(std::string_view s);
std::string encode_utf8(std::u32string_view cps);
void append_utf8(std::string& out, char32_t cp);

// Number of code points (what a person calls "characters" for Vietnamese text in NFC).
std::size_t length(std::string_view s);

// Unicode Normalization Form C (canonical decomposition, then canonical composition), from tables
// generated from Debian's unicode-data. Idempotent: nfc(nfc(s)) == nfc(s).
std::string nfc(std::string_view s);
bool is_nfc(std::string_view s);

// Simple (one code point) lower-case mapping of UnicodeData.txt.
char32_t simple_lower(char32_t cp);
// Version of the Unicode data the tables were generated from, e.g. "15.0.0".
const char* unicode_version();

// ---- Vietnamese text (text.cpp) ----------------------------------------------------------------

// Folding for search: NFC, lower case, every diacritic removed, "đ"/"Đ" -> "d", runs of white
// space collapsed to one space, trimmed. fold("Nguyễn Văn A") == "nguyen van a".
std::string fold(std::string_view s);

// True if every word of `query` (folded) occurs in `haystack` (folded), in any order.
bool matches_search(std::string_view haystack, std::string_view query);

// ASCII slug for file names: fold, then anything not [a-z0-9] becomes one '-', trimmed.
// slug("Phòng Hợp tác quốc tế") == "phong-hop-tac-quoc-te".
std::string slug(std::string_view s);

// Trims ASCII and Unicode white space at both ends.
std::string trim(std::string_view s);

// Vietnamese alphabetical order of two strings: letters a ă â b c d đ e ê g h i k l m n o ô ơ p q
// r s t u ư v x y (others by code point), case ignored at first, tones compared only when the
// letters are equal (no tone < huyền < hỏi < ngã < sắc < nặng). Returns <0, 0, >0.
int compare_vi(std::string_view a, std::string_view b);

// People's names sort by given name (the last word), then the rest from the start.
int compare_person_names(std::string_view a, std::string_view b);

// A sort key whose byte order equals compare_vi's order (for sorting many rows quickly).
std::string collation_key_vi(std::string_view s);
// A sort key whose byte order equals compare_person_names's order.
std::string collation_key_person(std::string_view name);

}  // namespace hoso::text
