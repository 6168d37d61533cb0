// NFC conformance against Unicode's own NormalizationTest.txt.
//
// The full test file is turned into unicode_nfc_tests.inc at build time by
// scripts/gen_unicode_tables.py (second output), so no file is read at run time (the tests also run
// as wasm under node). When the build does not generate it, the full conformance test is skipped
// and only the hand-picked vectors below run.
#include "core/text.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#if __has_include("unicode_nfc_tests.inc")
#define HOSO_HAVE_NFC_TESTS 1
namespace nfc_data {
#include "unicode_nfc_tests.inc"
}
#endif

namespace {

using hoso::text::encode_utf8;
using hoso::text::is_nfc;
using hoso::text::nfc;

// "1E0A 0323" -> UTF-8.
std::string from_hex(std::string_view field) {
  std::u32string cps;
  char32_t cp = 0;
  bool any = false;
  for (char c : field) {
    if (c == ' ') {
      if (any) cps += cp;
      cp = 0, any = false;
    } else {
      cp = cp * 16 + static_cast<char32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      any = true;
    }
  }
  if (any) cps += cp;
  return encode_utf8(cps);
}

struct Columns {
  std::string c[5];
};

Columns parse_line(std::string_view line) {
  Columns out;
  for (int i = 0; i < 5; ++i) {
    const std::size_t semi = line.find(';');
    out.c[i] = from_hex(line.substr(0, semi));
    line.remove_prefix(semi == std::string_view::npos ? line.size() : semi + 1);
  }
  return out;
}

// NFC's invariants for one NormalizationTest line: c2 == NFC(c1) == NFC(c2) == NFC(c3) and
// c4 == NFC(c4) == NFC(c5).
int check(std::string_view line, int& shown) {
  const Columns t = parse_line(line);
  const std::pair<int, int> cases[] = {{0, 1}, {1, 1}, {2, 1}, {3, 3}, {4, 3}};
  int failures = 0;
  for (const auto& [from, want] : cases) {
    if (nfc(t.c[from]) != t.c[want] || !is_nfc(t.c[want])) {
      ++failures;
      if (shown++ < 20) ADD_FAILURE() << "NFC(c" << from + 1 << ") != c" << want + 1 << " in: " << line;
    }
  }
  return failures;
}

// Reviewed vectors from NormalizationTest.txt (Unicode 15.0.0), Part 0 and Part 2, that touch
// Latin and Vietnamese; they always run.
constexpr const char* kVectors[] = {
    "1E0A;1E0A;0044 0307;1E0A;0044 0307",
    "1E0C;1E0C;0044 0323;1E0C;0044 0323",
    "1E0A 0323;1E0C 0307;0044 0323 0307;1E0C 0307;0044 0323 0307",
    "1E0C 0307;1E0C 0307;0044 0323 0307;1E0C 0307;0044 0323 0307",
    "0044 0307 0323;1E0C 0307;0044 0323 0307;1E0C 0307;0044 0323 0307",
    "0044 0323 0307;1E0C 0307;0044 0323 0307;1E0C 0307;0044 0323 0307",
    "1E0A 031B;1E0A 031B;0044 031B 0307;1E0A 031B;0044 031B 0307",
    "1E0C 031B;1E0C 031B;0044 031B 0323;1E0C 031B;0044 031B 0323",
    "1E0A 031B 0323;1E0C 031B 0307;0044 031B 0323 0307;1E0C 031B 0307;0044 031B 0323 0307",
    "00C8;00C8;0045 0300;00C8;0045 0300",
    "0112;0112;0045 0304;0112;0045 0304",
    "0045 0300;00C8;0045 0300;00C8;0045 0300",
    "0045 0304;0112;0045 0304;0112;0045 0304",
    "1E14;1E14;0045 0304 0300;1E14;0045 0304 0300",
    "0112 0300;1E14;0045 0304 0300;1E14;0045 0304 0300",
    "1E14 0304;1E14 0304;0045 0304 0300 0304;1E14 0304;0045 0304 0300 0304",
    "0045 0304 0300;1E14;0045 0304 0300;1E14;0045 0304 0300",
    "0045 0300 0304;00C8 0304;0045 0300 0304;00C8 0304;0045 0300 0304",
    "212B;00C5;0041 030A;00C5;0041 030A",
    "1EA0;1EA0;0041 0323;1EA0;0041 0323",
    "1EAC;1EAC;0041 0323 0302;1EAC;0041 0323 0302",
    "1EE2;1EE2;004F 031B 0323;1EE2;004F 031B 0323",
    "1EF0;1EF0;0055 031B 0323;1EF0;0055 031B 0323",
    "0061 0315 0300 05AE 0300 0062;00E0 05AE 0300 0315 0062;0061 05AE 0300 0300 0315 0062;00E0 05AE 0300 0315 0062;0061 05AE 0300 0300 0315 0062",
    "0061 0300 0315 0300 05AE 0062;00E0 05AE 0300 0315 0062;0061 05AE 0300 0300 0315 0062;00E0 05AE 0300 0315 0062;0061 05AE 0300 0300 0315 0062",
    "0061 302A 0316 1DFA 031B 0062;0061 031B 302A 1DFA 0316 0062;0061 031B 302A 1DFA 0316 0062;0061 031B 302A 1DFA 0316 0062;0061 031B 302A 1DFA 0316 0062",
    "1100 AC00 11A8;1100 AC01;1100 1100 1161 11A8;1100 AC01;1100 1100 1161 11A8",
    "0958;0915 093C;0915 093C;0915 093C;0915 093C",
};

TEST(NormalizationTest, ReviewedVectors) {
  int shown = 0, failures = 0;
  for (const char* line : kVectors) failures += check(line, shown);
  EXPECT_EQ(failures, 0);
}

#ifdef HOSO_HAVE_NFC_TESTS

TEST(NormalizationTest, AllOfUnicodesVectors) {
  EXPECT_STREQ(nfc_data::kNormalizationTestVersion, hoso::text::unicode_version());
  int shown = 0, failures = 0;
  std::size_t lines = 0;
  std::set<char32_t> part1;  // code points with their own line: all others are NFC-invariant
  for (const char* entry : nfc_data::kNormalizationTests) {
    const std::string_view s(entry);
    const int part = s[0] - '0';
    const std::string_view line = s.substr(2);
    failures += check(line, shown);
    ++lines;
    if (part == 1) part1.insert(static_cast<char32_t>(std::stoul(std::string(line.substr(0, line.find(';'))), nullptr, 16)));
  }
  EXPECT_GT(lines, 18000u);
  EXPECT_EQ(failures, 0);

  // Part 1's promise: every code point not listed there is its own NFC.
  int unchanged_failures = 0;
  std::string s;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || part1.count(cp)) continue;
    s.clear();
    hoso::text::append_utf8(s, cp);
    if (nfc(s) != s && unchanged_failures++ < 20) ADD_FAILURE() << "NFC changes U+" << std::hex << uint32_t{cp};
  }
  EXPECT_EQ(unchanged_failures, 0);
}

#else

TEST(NormalizationTest, AllOfUnicodesVectors) {
  GTEST_SKIP() << "unicode_nfc_tests.inc was not generated: give scripts/gen_unicode_tables.py a "
                  "second output and put it on this target's include path";
}

#endif

}  // namespace
