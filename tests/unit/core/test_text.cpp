// UTF-8, NFC, folding, search, slugs, trimming and Vietnamese collation (core/text.hpp).
#include "core/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace hoso::text;

std::string u8(std::u32string_view s) { return encode_utf8(s); }

// ---- UTF-8 ------------------------------------------------------------------------------------

TEST(Utf8, ValidAndInvalid) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Nguyễn Văn A"));
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));   // U+10FFFF
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));       // U+D7FF
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE1\xBB"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_EQ(first_invalid_utf8("abc\xE1\xBB"), 3u);
  EXPECT_EQ(first_invalid_utf8("ễ\xC3("), 3u);
  EXPECT_EQ(first_invalid_utf8("ễ"), std::string_view::npos);
}

TEST(Utf8, EachInvalidByteBecomesOneReplacement) {
  EXPECT_EQ(decode_utf8("a\xE1\xBB" "b"), (std::u32string{U'a', 0xFFFD, 0xFFFD, U'b'}));
  EXPECT_EQ(decode_utf8("\xED\xA0\x80"), (std::u32string{0xFFFD, 0xFFFD, 0xFFFD}));
  EXPECT_EQ(decode_utf8("ễ"), std::u32string{0x1EC5});
  EXPECT_EQ(length("Nguyễn"), 6u);
  EXPECT_EQ(length("\xE1\xBB"), 2u);
  EXPECT_EQ(length(""), 0u);
}

TEST(Utf8, EncodeRoundTripAndReplacement) {
  const std::u32string all = {0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x1EC5};
  EXPECT_EQ(decode_utf8(encode_utf8(all)), all);
  EXPECT_EQ(encode_utf8(std::u32string{0xD800}), "\xEF\xBF\xBD");
  EXPECT_EQ(encode_utf8(std::u32string{0x110000}), "\xEF\xBF\xBD");
  std::string out;
  append_utf8(out, 0x20AB);
  EXPECT_EQ(out, "₫");
}

TEST(Utf8, RandomBytesNeverCrashAndDecodeToValidText) {
  std::mt19937 rng(7);
  for (int n = 0; n < 2000; ++n) {
    std::string s(rng() % 24, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 4 ? 0x80 | rng() % 0x80 : rng() % 0x100);
    const std::string re = encode_utf8(decode_utf8(s));
    EXPECT_TRUE(is_valid_utf8(re));
    EXPECT_EQ(is_valid_utf8(s), re == s);
    EXPECT_EQ(length(s), decode_utf8(s).size());
    EXPECT_TRUE(is_valid_utf8(nfc(s)));
    EXPECT_TRUE(is_valid_utf8(fold(s)));
    EXPECT_TRUE(is_valid_utf8(trim(s)));
    (void)collation_key_vi(s);
    (void)compare_person_names(s, "An");
  }
}

// ---- NFC ---------------------------------------------------------------------------------------

TEST(Nfc, Basics) {
  EXPECT_EQ(nfc(""), "");
  EXPECT_EQ(nfc("plain ASCII"), "plain ASCII");
  EXPECT_EQ(nfc(u8(U"Nguye\u0302\u0303n")), "Nguyễn");
  EXPECT_EQ(nfc(u8(U"a\u0323\u0302")), "ậ");
  EXPECT_EQ(nfc(u8(U"a\u0302\u0323")), "ậ");          // reordered: dot below (220) first
  EXPECT_EQ(nfc(u8(U"\u1EA1\u0302")), "ậ");           // ạ + circumflex
  EXPECT_EQ(nfc(u8(U"a\u0300\u0302")), u8(U"\u00E0\u0302"));  // same class: blocked
  EXPECT_EQ(nfc(u8(U"\u212B")), "Å");                 // singleton
  EXPECT_EQ(nfc(u8(U"\u0958")), u8(U"\u0915\u093C")); // composition exclusion
  EXPECT_EQ(nfc(u8(U"\u0344")), u8(U"\u0308\u0301")); // non-starter decomposition
  EXPECT_EQ(nfc(u8(U"\u1100\u1161\u11A8")), "각");    // Hangul L V T
  EXPECT_EQ(nfc(u8(U"\uAC00\u11A8")), "각");          // Hangul LV + T
  EXPECT_EQ(nfc(u8(U"\u0301a")), u8(U"\u0301a"));     // leading combining mark
  EXPECT_EQ(nfc(u8(U"\uF900")), u8(U"\u8C48"));       // CJK compatibility ideograph
  EXPECT_EQ(nfc(u8(U"\U0002F800")), u8(U"\u4E3D"));
  EXPECT_EQ(nfc("a\xFF\xCC\x81"), u8(U"a\uFFFD\u0301"));  // U+FFFD blocks composition
  EXPECT_EQ(nfc("e\xCC\x81\xE1\xBB"), u8(U"\u00E9\uFFFD\uFFFD"));
}

TEST(Nfc, IsNfc) {
  EXPECT_TRUE(is_nfc(""));
  EXPECT_TRUE(is_nfc("Trần Thị Ánh"));
  EXPECT_FALSE(is_nfc(u8(U"Tra\u0300n")));
  EXPECT_FALSE(is_nfc("\xC3"));
  EXPECT_TRUE(is_nfc(u8(U"\u00E0\u0302")));
  EXPECT_FALSE(is_nfc(u8(U"\u212B")));
}

TEST(Nfc, LongRunsOfMarksAreReorderedStably) {
  std::u32string s = U"a";
  for (int i = 0; i < 1000; ++i) s += (i % 2) ? U'\u0301' : U'\u0323';
  const std::u32string got = decode_utf8(nfc(encode_utf8(s)));
  // Ordered: a, 500 x U+0323, 500 x U+0301; a + U+0323 -> U+1EA1, and no "ạ́" exists.
  ASSERT_EQ(got.size(), 1000u);
  EXPECT_EQ(got[0], U'\u1EA1');
  EXPECT_TRUE(std::all_of(got.begin() + 1, got.begin() + 500, [](char32_t c) { return c == 0x323; }));
  EXPECT_TRUE(std::all_of(got.begin() + 500, got.end(), [](char32_t c) { return c == 0x301; }));
  EXPECT_TRUE(is_nfc(nfc(encode_utf8(s))));
}

// The 134 precomposed Vietnamese letters: rows are a base letter, columns the tones (none,
// huyền, hỏi, ngã, sắc, nặng).
struct VietnameseLetter {
  std::string nfc;                  // the precomposed letter
  std::vector<std::string> forms;   // canonically equivalent spellings
};

std::vector<VietnameseLetter> vietnamese_letters() {
  // Base, the modifier mark (0 for none) and the precomposed row.
  struct Row {
    char32_t base, modifier;
    std::u32string lower, upper;
  };
  const Row rows[] = {
      {U'a', 0, U"aàảãáạ", U"AÀẢÃÁẠ"},         {U'a', 0x306, U"ăằẳẵắặ", U"ĂẰẲẴẮẶ"},
      {U'a', 0x302, U"âầẩẫấậ", U"ÂẦẨẪẤẬ"},     {U'e', 0, U"eèẻẽéẹ", U"EÈẺẼÉẸ"},
      {U'e', 0x302, U"êềểễếệ", U"ÊỀỂỄẾỆ"},     {U'i', 0, U"iìỉĩíị", U"IÌỈĨÍỊ"},
      {U'o', 0, U"oòỏõóọ", U"OÒỎÕÓỌ"},         {U'o', 0x302, U"ôồổỗốộ", U"ÔỒỔỖỐỘ"},
      {U'o', 0x31B, U"ơờởỡớợ", U"ƠỜỞỠỚỢ"},     {U'u', 0, U"uùủũúụ", U"UÙỦŨÚỤ"},
      {U'u', 0x31B, U"ưừửữứự", U"ƯỪỬỮỨỰ"},     {U'y', 0, U"yỳỷỹýỵ", U"YỲỶỸÝỴ"},
  };
  const char32_t tones[6] = {0, 0x300, 0x309, 0x303, 0x301, 0x323};
  const auto ccc = [](char32_t m) { return m == 0x31B ? 216 : m == 0x323 ? 220 : 230; };
  std::vector<VietnameseLetter> out;
  for (const Row& row : rows) {
    for (int upper = 0; upper < 2; ++upper) {
      const std::u32string& letters = upper ? row.upper : row.lower;
      const char32_t base = upper ? row.base - 32 : row.base;
      for (int t = 0; t < 6; ++t) {
        if (!row.modifier && !t) continue;  // a e i o u y: ASCII, not precomposed
        VietnameseLetter v{u8(std::u32string(1, letters[static_cast<std::size_t>(t)])), {}};
        const char32_t m = row.modifier, tone = tones[t];
        std::u32string marks;  // canonical order: stable by class, modifier first on a tie
        if (m && tone) {
          marks = ccc(tone) < ccc(m) ? std::u32string{tone, m} : std::u32string{m, tone};
        } else {
          marks = std::u32string(1, m ? m : tone);
        }
        v.forms.push_back(v.nfc);
        v.forms.push_back(u8(std::u32string(1, base) + marks));
        if (m && tone) {
          // The letter with its modifier, then the tone: always equivalent.
          v.forms.push_back(u8(std::u32string{letters[0], tone}));
          if (ccc(m) != ccc(tone)) {  // other orders are equivalent only across classes
            v.forms.push_back(u8(std::u32string{base, marks[1], marks[0]}));
            const std::u32string& plain = upper ? rows[row.base == U'a' ? 0 : row.base == U'e' ? 3 : row.base == U'o' ? 6 : 9].upper
                                                : rows[row.base == U'a' ? 0 : row.base == U'e' ? 3 : row.base == U'o' ? 6 : 9].lower;
            v.forms.push_back(u8(std::u32string{plain[static_cast<std::size_t>(t)], m}));
          }
        }
        out.push_back(std::move(v));
      }
    }
  }
  out.push_back({"đ", {"đ"}});
  out.push_back({"Đ", {"Đ"}});
  return out;
}

TEST(Nfc, All134VietnameseLettersInEveryForm) {
  const auto letters = vietnamese_letters();
  ASSERT_EQ(letters.size(), 134u);
  for (const auto& v : letters) {
    EXPECT_EQ(length(v.nfc), 1u) << v.nfc;
    EXPECT_TRUE(is_nfc(v.nfc)) << v.nfc;
    for (const auto& form : v.forms) EXPECT_EQ(nfc(form), v.nfc) << v.nfc;
  }
}

TEST(Nfc, RandomVietnameseMixturesNormaliseToTheExpectedText) {
  const auto letters = vietnamese_letters();
  const std::string others[] = {" ", "n", "g", "h", "t", "r", ".", "đ", "1", "\t", "Ng"};
  std::mt19937 rng(2025);
  for (int n = 0; n < 3000; ++n) {
    std::string input, want;
    const int len = static_cast<int>(rng() % 20);
    for (int k = 0; k < len; ++k) {
      if (rng() % 3 == 0) {
        const std::string& o = others[rng() % std::size(others)];
        input += o, want += o;
      } else {
        const auto& v = letters[rng() % letters.size()];
        input += v.forms[rng() % v.forms.size()];
        want += v.nfc;
      }
    }
    ASSERT_EQ(nfc(input), want) << input;
    EXPECT_TRUE(is_nfc(want));
    EXPECT_EQ(fold(input), fold(want));
  }
}

// Random text from code points that exercise normalisation: Vietnamese, combining marks, Greek,
// Hangul syllables and jamo, Indic, CJK compatibility ideographs, plus invalid bytes.
std::string random_text(std::mt19937& rng) {
  static const char32_t pool[] = {
      U'a', U'A', U'e', U'o', U'u', U'd', U'D', U' ', U'\t', 0xA0, 0x3000, 0x111, 0x110, 0xF0, 0xD0,
      0x300, 0x301, 0x302, 0x303, 0x306, 0x309, 0x31B, 0x323, 0x308, 0x345, 0x344, 0x340, 0x1EA0,
      0x1EC5, 0x1EF9, 0x1B0, 0x1A1, 0xC5, 0x212B, 0x2126, 0x212A, 0x391, 0x3B1, 0x3A9, 0x1F00,
      0x1F80, 0x399, 0x3D2, 0x130, 0x1C4, 0x1C5, 0x1C6, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01,
      0x915, 0x93C, 0x958, 0x9C7, 0x9BE, 0xF900, 0x2F800, 0x1D15E, 0x1D165, 0x110B9, 0x110BA,
      0x3099, 0x304B, 0x410, 0x419, 0x418, 0x306, 0xFFFD, 0x10FFFF, 0x0F71, 0x0F72, 0x0F73};
  std::u32string s;
  const int len = static_cast<int>(rng() % 16);
  for (int k = 0; k < len; ++k) s += pool[rng() % std::size(pool)];
  std::string out = encode_utf8(s);
  if (rng() % 8 == 0) out.insert(rng() % (out.size() + 1), 1, static_cast<char>(0x80 | rng() % 0x7F));
  return out;
}

TEST(Properties, NfcIdempotentAndFoldStable) {
  std::mt19937 rng(42);
  for (int n = 0; n < 20000; ++n) {
    const std::string x = random_text(rng);
    const std::string y = nfc(x);
    ASSERT_EQ(nfc(y), y) << x;
    ASSERT_TRUE(is_nfc(y)) << x;
    ASSERT_EQ(is_nfc(x), x == y) << x;
    const std::string f = fold(x);
    ASSERT_EQ(fold(y), f) << x;
    ASSERT_EQ(fold(f), f) << x;
    ASSERT_EQ(compare_vi(x, y), 0) << x;
    ASSERT_EQ(collation_key_vi(x), collation_key_vi(y)) << x;
  }
}

// ---- folding, search, slug, trim ---------------------------------------------------------------

TEST(Fold, Examples) {
  EXPECT_EQ(fold("Nguyễn Văn A"), "nguyen van a");
  EXPECT_EQ(fold("  ĐẶNG   Thị\tHồng\n "), "dang thi hong");
  EXPECT_EQ(fold(u8(U"Nguye\u0302\u0303n\u00A0Va\u0306n")), "nguyen van");
  EXPECT_EQ(fold("Ưu tú, Ở đây"), "uu tu, o day");
  EXPECT_EQ(fold("ÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬÈẺẼÉẸÊỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢÙỦŨÚỤƯỪỬỮỨỰỲỶỸÝỴĐ"),
            "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd");
  EXPECT_EQ(fold("ΑΘΗΝΑ Ἀθῆναι"), "αθηνα αθηναι");
  EXPECT_EQ(fold("МОСКВА Йошкар"), "москва иошкар");
  EXPECT_EQ(fold("   "), "");
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold(u8(U"\u1100\u0301\u1161")), "가");  // a removed mark lets jamo compose
}

TEST(Search, WordsInAnyOrderIgnoringMarksAndCase) {
  EXPECT_TRUE(matches_search("Nguyễn Văn A", "nguyen van a"));
  EXPECT_TRUE(matches_search("Nguyễn Văn A", "VĂN nguyễn"));
  EXPECT_TRUE(matches_search("Phòng Hợp tác quốc tế", "hop tac"));
  EXPECT_TRUE(matches_search("Phòng Hợp tác quốc tế", "  "));
  EXPECT_TRUE(matches_search("Đặng Thị Hồng", "dang"));
  EXPECT_TRUE(matches_search("Nguyễn Văn A", u8(U"nguye\u0302\u0303n")));
  EXPECT_FALSE(matches_search("Nguyễn Văn A", "nguyen van b"));
  EXPECT_FALSE(matches_search("", "a"));
}

TEST(Slug, Examples) {
  EXPECT_EQ(slug("Phòng Hợp tác quốc tế"), "phong-hop-tac-quoc-te");
  EXPECT_EQ(slug("  Sở Ngoại vụ — Kế hoạch 32/KH-SNgV  "), "so-ngoai-vu-ke-hoach-32-kh-sngv");
  EXPECT_EQ(slug("Đặng Thị Hồng (2025)"), "dang-thi-hong-2025");
  EXPECT_EQ(slug("---"), "");
  EXPECT_EQ(slug("Ωμέγα"), "");
}

TEST(Trim, AsciiAndUnicodeWhiteSpace) {
  EXPECT_EQ(trim("  a b  "), "a b");
  EXPECT_EQ(trim(u8(U"\u00A0\u3000 Trần\u2003\n")), "Trần");
  EXPECT_EQ(trim("\t\r\n"), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" a\xFF "), "a\xEF\xBF\xBD");
}

// ---- collation ---------------------------------------------------------------------------------

void expect_sorted(const std::vector<std::string>& v, int (*cmp)(std::string_view, std::string_view),
                   std::string (*key)(std::string_view)) {
  for (std::size_t i = 0; i + 1 < v.size(); ++i) {
    EXPECT_LT(cmp(v[i], v[i + 1]), 0) << v[i] << " < " << v[i + 1];
    EXPECT_GT(cmp(v[i + 1], v[i]), 0) << v[i + 1] << " > " << v[i];
    EXPECT_LT(key(v[i]), key(v[i + 1])) << v[i] << " < " << v[i + 1];
  }
  std::vector<std::string> shuffled = v;
  std::mt19937 rng(1);
  for (int n = 0; n < 5; ++n) {
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    std::sort(shuffled.begin(), shuffled.end(), [&](const auto& a, const auto& b) { return cmp(a, b) < 0; });
    EXPECT_EQ(shuffled, v);
  }
}

TEST(Collation, VietnameseAlphabet) {
  expect_sorted({"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô",
                 "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"},
                compare_vi, collation_key_vi);
  expect_sorted({"A", "Ă", "Â", "B", "D", "Đ", "E", "Ê", "O", "Ô", "Ơ", "U", "Ư", "Y"}, compare_vi, collation_key_vi);
  expect_sorted({"e", "ê", "f", "g", "i", "j", "k", "v", "w", "x", "y", "z"}, compare_vi, collation_key_vi);
}

TEST(Collation, TonesOnlyAfterLetters) {
  expect_sorted({"a", "à", "ả", "ã", "á", "ạ"}, compare_vi, collation_key_vi);
  expect_sorted({"ma", "mà", "mả", "mã", "má", "mạ", "mắ", "mâ"}, compare_vi, collation_key_vi);
  expect_sorted({"ác", "ad", "an", "án", "anh", "ảnh", "ánh", "ao"}, compare_vi, collation_key_vi);
  expect_sorted({"A", "Ă", "Ắ", "Â"}, compare_vi, collation_key_vi);
  EXPECT_LT(compare_vi("Dương", "Đào"), 0);
  EXPECT_LT(compare_vi("Dũng", "Đức"), 0);
  EXPECT_LT(compare_vi("A", "Ă"), 0);
  EXPECT_LT(compare_vi("Ă", "Â"), 0);
}

TEST(Collation, CaseLastAndEquivalence) {
  expect_sorted({"an", "An", "AN", "anh"}, compare_vi, collation_key_vi);
  expect_sorted({"ánh", "Ánh", "ạnh"}, compare_vi, collation_key_vi);
  EXPECT_EQ(compare_vi("Nguyễn", u8(U"Nguye\u0302\u0303n")), 0);
  EXPECT_EQ(compare_vi(u8(U"a\u0323\u0302"), u8(U"a\u0302\u0323")), 0);
  EXPECT_EQ(compare_vi("", ""), 0);
  EXPECT_LT(compare_vi("", "a"), 0);
  EXPECT_LT(compare_vi("Lê An", "Lê Anh"), 0);  // space before letters
  EXPECT_LT(compare_vi("z", "ß"), 0);           // others by code point, after the letters
  EXPECT_LT(compare_vi("1", "a"), 0);
  EXPECT_LT(compare_vi("e", u8(U"e\u0308")), 0);            // other marks after the letters...
  EXPECT_LT(compare_vi(u8(U"e\u0308"), "é"), 0);            // ...but before tones
  EXPECT_LT(compare_vi(u8(U"e\u0308"), "f"), 0);
}

TEST(Collation, PeopleByGivenName) {
  EXPECT_LT(compare_person_names("Nguyễn Văn An", "Trần Thị Ánh"), 0);
  EXPECT_LT(compare_person_names("Trần Thị Ánh", "Lê Văn Bình"), 0);
  EXPECT_LT(compare_person_names("Dương Văn Hải", "Đào Văn Hải"), 0);
  EXPECT_EQ(compare_person_names("Lê  Văn   An", " Lê Văn An "), 0);
  expect_sorted({"Nguyễn Văn An", "Phạm An", "Ánh", "Lê Thị Ánh", "Trần Thị Ánh", "Hoàng Văn Bình", "Hồ Bình",
                 "Lê Văn Bình", "Phan Văn Đạt", "Bùi Thị Hà", "Trần Hà", "Đỗ Văn Hải", "Dương Thị Hằng",
                 "Đào Thị Hằng", "Vũ Minh", "Nguyễn Thị Ngọc", "Lý Ư"},
                compare_person_names, collation_key_person);
  // Same given names sort by the rest, from the start: "Hoàng Văn" < "Lê Văn", "Hồ" after "Hoàng".
  EXPECT_LT(compare_person_names("Hoàng Văn Bình", "Hồ Bình"), 0);
}

TEST(Collation, StrictWeakOrderOnRandomSamples) {
  std::mt19937 rng(99);
  const std::u32string alphabet = U"aAăĂâÂbdDđĐeêEÊoôơOÔƠuưUƯyY àáảãạằắẳẵặầấẩẫậ \u0301\u0323\u0308 ñçøß1";
  std::vector<std::string> sample;
  for (int n = 0; n < 300; ++n) {
    std::u32string s;
    const int len = static_cast<int>(rng() % 5);
    for (int k = 0; k < len; ++k) s += alphabet[rng() % alphabet.size()];
    sample.push_back(encode_utf8(s));
  }
  std::vector<std::string> keys;
  for (const auto& s : sample) keys.push_back(collation_key_vi(s));
  for (std::size_t i = 0; i < sample.size(); ++i) {
    for (std::size_t j = 0; j < sample.size(); ++j) {
      const int c = compare_vi(sample[i], sample[j]);
      ASSERT_EQ(c, -compare_vi(sample[j], sample[i])) << sample[i] << " / " << sample[j];
      const int k = keys[i] < keys[j] ? -1 : keys[j] < keys[i] ? 1 : 0;
      ASSERT_EQ(c, k) << sample[i] << " / " << sample[j];
      if (c == 0) {
        ASSERT_EQ(nfc(sample[i]), nfc(sample[j]));
      }
    }
  }
  for (int n = 0; n < 20000; ++n) {
    const auto& a = sample[rng() % sample.size()];
    const auto& b = sample[rng() % sample.size()];
    const auto& c = sample[rng() % sample.size()];
    if (compare_vi(a, b) <= 0 && compare_vi(b, c) <= 0) {
      ASSERT_LE(compare_vi(a, c), 0) << a << b << c;
    }
    if (compare_person_names(a, b) < 0 && compare_person_names(b, c) < 0) {
      ASSERT_LT(compare_person_names(a, c), 0);
    }
    ASSERT_EQ(compare_person_names(a, b) < 0, collation_key_person(a) < collation_key_person(b));
  }
}

TEST(Tables, VersionAndLowerCase) {
  EXPECT_STREQ(unicode_version(), "15.0.0");
  EXPECT_EQ(simple_lower(U'Đ'), U'đ');
  EXPECT_EQ(simple_lower(U'Ỹ'), U'ỹ');
  EXPECT_EQ(simple_lower(U'Ω'), U'ω');
  EXPECT_EQ(simple_lower(U'Я'), U'я');
  EXPECT_EQ(simple_lower(U'ǅ'), U'ǆ');
  EXPECT_EQ(simple_lower(U'a'), U'a');
  EXPECT_EQ(simple_lower(0x1E900), 0x1E922u);  // Adlam
}

}  // namespace
