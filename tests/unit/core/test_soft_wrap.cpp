// Word wrap while editing (core/soft_wrap.hpp): which spaces become soft breaks, and how an edit
// of the wrapped display maps back to the text. Widths here are counted in letters.
#include "core/soft_wrap.hpp"
#include "core/text.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace {

using namespace hoso::text;

float letters(std::string_view s) { return static_cast<float>(length(s)); }

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == '\n') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

TEST(SoftWrap, ShortTextIsLeftAlone) {
  EXPECT_EQ(soft_wrap("", 10, letters), "");
  EXPECT_EQ(soft_wrap("Xin chào", 10, letters), "Xin chào");
  EXPECT_EQ(soft_wrap("Xin chào", 8, letters), "Xin chào");  // exactly full
}

TEST(SoftWrap, BreaksAtTheSpaceBeforeTheWordThatDoesNotFit) {
  // "Hoàn thành xuất sắc nhiệm vụ" at 12 letters a line.
  EXPECT_EQ(soft_wrap("Hoàn thành xuất sắc nhiệm vụ", 12, letters), "Hoàn thành\nxuất sắc\nnhiệm vụ");
}

TEST(SoftWrap, KeepsLineBreaksAndWrapsEachParagraph) {
  EXPECT_EQ(soft_wrap("một hai ba\nbốn năm sáu bảy", 8, letters), "một hai\nba\nbốn năm\nsáu bảy");
  EXPECT_EQ(soft_wrap("\n\nmột hai ba\n", 7, letters), "\n\nmột hai\nba\n");
}

TEST(SoftWrap, AnOverlongWordStaysWholeOnItsOwnLine) {
  EXPECT_EQ(soft_wrap("xem https://example.invalid/mot/duong/dan/dai nhé", 10, letters),
            "xem\nhttps://example.invalid/mot/duong/dan/dai\nnhé");
  EXPECT_EQ(soft_wrap("Sởngoạivụtỉnh", 4, letters), "Sởngoạivụtỉnh");
}

TEST(SoftWrap, ARunOfSpacesBreaksAtItsLastSpace) {
  EXPECT_EQ(soft_wrap("một   hai", 5, letters), "một  \nhai");
  // Leading spaces of a paragraph are not a place to break.
  EXPECT_EQ(soft_wrap("    dài", 3, letters), "    dài");
}

// Random texts of Vietnamese syllables, spaces, line breaks and long words, at random widths.
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"Nguyễn", "thị", "hoa", "ổ", "đạt", "xuất", "sắc", " ", " ", " ",
                                                  "  ",     "\n",  "a",   "Phòng-Hợp-tác-quốc-tế", "1.234"};
  std::string s;
  const int n = std::uniform_int_distribution<int>(0, 40)(rng);
  for (int i = 0; i < n; ++i) s += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
  return s;
}

float random_width(std::mt19937& rng) { return static_cast<float>(std::uniform_int_distribution<int>(1, 30)(rng)); }

TEST(SoftWrap, PropertiesOnRandomTexts) {
  std::mt19937 rng(20261206);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(rng);
    const float width = random_width(rng);
    const std::string shown = soft_wrap(text, width, letters);
    ASSERT_EQ(shown.size(), text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
      ASSERT_TRUE(shown[i] == text[i] || (text[i] == ' ' && shown[i] == '\n')) << text;
    // Every line fits, unless it cannot be broken (one word, after any leading spaces). Spaces at
    // a line's end are invisible and do not count.
    for (std::string line : lines_of(shown)) {
      line.erase(line.find_last_not_of(' ') + 1);
      if (letters(line) <= width) continue;
      const std::size_t first = line.find_first_not_of(' ');
      EXPECT_EQ(line.find(' ', first == std::string::npos ? line.size() : first), std::string::npos)
          << "a line wider than " << width << " could have wrapped: [" << line << "] in [" << text << "]";
    }
    // Wrapping is stable: the display wraps to itself once its soft breaks are spaces again.
    EXPECT_EQ(soft_wrap(text, width, letters), shown);
  }
}

TEST(UnwrapEdit, TypingAroundASoftBreak) {
  const std::string text = "ab cd";
  const std::string shown = "ab\ncd";
  // A letter at the end of the first line goes before the space.
  EXPECT_EQ(unwrap_edit(text, shown, "abx\ncd", 2, 3), "abx cd");
  // A space at the start of the second line goes after it.
  EXPECT_EQ(unwrap_edit(text, shown, "ab\n cd", 3, 4), "ab  cd");
  // Enter at the end of the first line is a real line break before the space.
  EXPECT_EQ(unwrap_edit(text, shown, "ab\n\ncd", 2, 3), "ab\n cd");
  // Enter at the start of the second line is one after it.
  EXPECT_EQ(unwrap_edit(text, shown, "ab\n\ncd", 3, 4), "ab \ncd");
  // Backspace at the start of the second line deletes the space.
  EXPECT_EQ(unwrap_edit(text, shown, "abcd", 2, 2), "abcd");
  // Pasting two lines over "b\nc" keeps the pasted line break.
  EXPECT_EQ(unwrap_edit(text, shown, "a1\n2d", 1, 4), "a1\n2d");
  // Pasting a line that ends in a line break over "b\n": the pasted break is kept, the space not.
  EXPECT_EQ(unwrap_edit(text, shown, "aX\ncd", 1, 3), "aX\ncd");
}

TEST(UnwrapEdit, WithoutKnownBreaksTheDisplayIsTakenAsTyped) {
  EXPECT_EQ(unwrap_edit("abc", "ab\ncd", "ab\ncdx"), "ab\ncdx");
}

// Any single edit of the display equals the same edit of the text, at every width.
TEST(UnwrapEdit, AnEditOfTheDisplayIsTheSameEditOfTheText) {
  std::mt19937 rng(32);
  for (int round = 0; round < 5000; ++round) {
    const std::string text = random_text(rng);
    const float width = random_width(rng);
    const std::string shown = soft_wrap(text, width, letters);
    // An edit on byte offsets that are character boundaries of both (soft breaks are ASCII).
    std::vector<std::size_t> bounds;
    for (std::size_t i = 0; i <= text.size(); ++i)
      if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) bounds.push_back(i);
    std::size_t a = bounds[std::uniform_int_distribution<std::size_t>(0, bounds.size() - 1)(rng)];
    std::size_t b = bounds[std::uniform_int_distribution<std::size_t>(0, bounds.size() - 1)(rng)];
    if (a > b) std::swap(a, b);
    const std::string inserted = std::uniform_int_distribution<int>(0, 2)(rng) == 0 ? "" : random_text(rng).substr(0, 12);
    std::string edited_shown = shown.substr(0, a) + inserted + shown.substr(b);
    std::string expected = text.substr(0, a) + inserted + text.substr(b);
    ASSERT_EQ(unwrap_edit(text, shown, edited_shown, a, a + inserted.size()), expected)
        << "text [" << text << "] width " << width << " edit [" << a << "," << b << ") <- [" << inserted << "]";
  }
}

}  // namespace
