// The wasm build's own sscanf (src/platform/web/small_sscanf.cpp) reads what Dear ImGui and its
// OpenGL backend give it exactly as the C library does: each format they use, on good, partial and
// bad input, compared with this machine's sscanf (values and the count returned).
#include <gtest/gtest.h>

#include <cstdarg>
#include <cstdio>
#include <string>

#include "platform/web/small_sscanf.cpp"  // NOLINT: the file under test is built for wasm only

namespace {

int small_sscanf(const char* in, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int r = hoso_vsscanf(in, format, args);
  va_end(args);
  return r;
}

struct Ints {
  int a = -7, b = -7, n = -7;
  bool operator==(const Ints&) const = default;
};

TEST(SmallSscanf, ImGuiIniAndBackendFormatsReadAsTheCLibraryDoes) {
  const char* formats[] = {"Pos=%i,%i", "Size=%i,%i", "Collapsed=%d", "IsChild=%d", "%d.%d",
                           "#version %d", "Column %d%n", "Order=%d%n", "Visible=%d%n", "Width=%d%n"};
  const char* inputs[] = {"Pos=60,-40", "Size=400,0x10", "Collapsed=1", "IsChild=", "3.0 OpenGL ES",
                          "#version 300 es", "Column 2  Width=120", "Order=-1 x", "Visible=", "Width=abc",
                          "", "   ", "Pos=  7 , 8", "OpenGL ES 3.0", "Size=12"};
  for (const char* f : formats)
    for (const char* in : inputs) {
      SCOPED_TRACE(std::string(f) + " <- \"" + in + "\"");
      Ints mine, libc;
      const bool has_n = std::string(f).find("%n") != std::string::npos;
      const bool two = std::string(f).find(",%") != std::string::npos || std::string(f) == "%d.%d";
      int r1, r2;
      if (has_n) {
        r1 = small_sscanf(in, f, &mine.a, &mine.n);
        r2 = std::sscanf(in, f, &libc.a, &libc.n);
      } else if (two) {
        r1 = small_sscanf(in, f, &mine.a, &mine.b);
        r2 = std::sscanf(in, f, &libc.a, &libc.b);
      } else {
        r1 = small_sscanf(in, f, &mine.a);
        r2 = std::sscanf(in, f, &libc.a);
      }
      EXPECT_EQ(r1, r2);
      EXPECT_EQ(mine, libc);
    }
}

TEST(SmallSscanf, HexFloatsCharactersAndWidths) {
  unsigned id1 = 0, id2 = 0;
  int c1 = 0, c2 = 0;
  EXPECT_EQ(small_sscanf("0x1A2B3C4D,5", "0x%08X,%d", &id1, &c1), std::sscanf("0x1A2B3C4D,5", "0x%08X,%d", &id2, &c2));
  EXPECT_EQ(id1, id2);
  EXPECT_EQ(c1, c2);
  EXPECT_EQ(small_sscanf("DEADBEEF", "%X", &id1), 1);
  EXPECT_EQ(id1, 0xDEADBEEFu);
  float w1 = 0, w2 = 0;
  int n1 = 0, n2 = 0;
  EXPECT_EQ(small_sscanf("Weight=0.25 Visible=1", "Weight=%f%n", &w1, &n1),
            std::sscanf("Weight=0.25 Visible=1", "Weight=%f%n", &w2, &n2));
  EXPECT_EQ(w1, w2);
  EXPECT_EQ(n1, n2);
  EXPECT_EQ(small_sscanf("RefScale=13", "RefScale=%f", &w1), 1);
  EXPECT_EQ(w1, 13.0f);
  int sort1 = 0, sort2 = 0, r1 = 0, r2 = 0;
  char ch1 = 0, ch2 = 0;
  EXPECT_EQ(small_sscanf("Sort=0v x", "Sort=%d%c%n", &sort1, &ch1, &r1), std::sscanf("Sort=0v x", "Sort=%d%c%n", &sort2, &ch2, &r2));
  EXPECT_EQ(sort1, sort2);
  EXPECT_EQ(ch1, ch2);
  EXPECT_EQ(r1, r2);
  unsigned b[3] = {}, c[3] = {};
  EXPECT_EQ(small_sscanf("FF8000", "%02X%02X%02X", &b[0], &b[1], &b[2]),
            std::sscanf("FF8000", "%02X%02X%02X", &c[0], &c[1], &c[2]));
  EXPECT_EQ(b[0], c[0]);
  EXPECT_EQ(b[1], c[1]);
  EXPECT_EQ(b[2], c[2]);
  double d = 0;
  long long big = 0;
  EXPECT_EQ(small_sscanf("2.5 9000000000", "%lf %lld", &d, &big), 2);
  EXPECT_EQ(d, 2.5);
  EXPECT_EQ(big, 9000000000LL);
  EXPECT_EQ(small_sscanf("", "%d", &n1), EOF);
  EXPECT_EQ(small_sscanf("x", "%d", &n1), 0);
  EXPECT_EQ(small_sscanf("100%", "%d%%", &n1), 1);
}

}  // namespace
