#include "ui/theme.hpp"

#include <algorithm>

#include "core/assets.hpp"

namespace hoso::ui {

Fonts fonts;

namespace {

// What the font subset holds (cmake/web.cmake HOSO_FONT_RANGES): ASCII, Latin-1, ă đ ĩ ũ ơ ư,
// tone marks, Latin Extended Additional, quotes, dashes, bullet, ellipsis, arrows, ₫.
const ImWchar kRanges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x0102, 0x0103, 0x0110, 0x0111, 0x0128, 0x0129,
                           0x0168, 0x0169, 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x0300, 0x0301, 0x0303, 0x0303,
                           0x0309, 0x0309, 0x0323, 0x0323, 0x1EA0, 0x1EF9, 0x2013, 0x2014, 0x2018, 0x201D,
                           0x2022, 0x2022, 0x2026, 0x2026, 0x2039, 0x203A, 0x20AB, 0x20AB, 0xFFFD, 0xFFFD, 0};

Palette light_palette() {
  return Palette{IM_COL32(31, 95, 168, 255),  IM_COL32(255, 255, 255, 255), IM_COL32(90, 100, 114, 255),
                 IM_COL32(179, 38, 30, 255),  IM_COL32(138, 90, 0, 255),    IM_COL32(30, 123, 52, 255),
                 IM_COL32(255, 255, 255, 255), IM_COL32(214, 219, 227, 255), IM_COL32(232, 240, 250, 255),
                 IM_COL32(252, 235, 234, 255), IM_COL32(255, 244, 214, 255), IM_COL32(228, 244, 232, 255)};
}
Palette dark_palette() {
  return Palette{IM_COL32(110, 168, 240, 255), IM_COL32(16, 22, 30, 255),    IM_COL32(160, 170, 184, 255),
                 IM_COL32(255, 128, 118, 255), IM_COL32(240, 190, 90, 255),  IM_COL32(110, 205, 130, 255),
                 IM_COL32(33, 38, 46, 255),    IM_COL32(62, 70, 82, 255),    IM_COL32(36, 52, 74, 255),
                 IM_COL32(74, 34, 34, 255),    IM_COL32(70, 56, 24, 255),    IM_COL32(28, 60, 38, 255)};
}
Palette current = light_palette();

ImFont* add(ImFontAtlas& atlas, const char* file, float px) {
  auto bytes = fonts::find(file);
  if (!bytes) return nullptr;
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes are static, compiled in
  cfg.OversampleH = 1;               // rasterised at the device's pixel size already
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  // Small text on a 1x screen: a mark is a pixel or two of partial coverage, grey enough to lose
  // its shape (the hook of "ổ" read as an acute). Fuller coverage keeps marks apart; larger
  // rasterisations (DPR 2, big text) are left as drawn.
  cfg.RasterizerMultiply = px < 30.0f ? 1.3f : 1.0f;
  return atlas.AddFontFromMemoryTTF(const_cast<char*>(bytes->data()), static_cast<int>(bytes->size()), px, &cfg,
                                    kRanges);
}

// How many pixels a synthetic bold widens each stroke by: about a sixteenth of the size, as
// typesetters embolden, and at least one.
int embolden_px(float px) { return std::max(1, static_cast<int>(px / 16.0f + 0.5f)); }

// Synthetic bold, from the regular face (one font file less to download): each glyph's coverage
// is spread `d` pixels to the right (a running maximum), into the padding its rectangle in the
// atlas already has, and the glyph and its advance grow by as much.
void embolden(ImFontAtlas& atlas, ImFont* font, int d) {
  if (!font) return;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
  for (ImFontGlyph& g : font->Glyphs) {
    if (g.Visible) {
      const int x0 = static_cast<int>(g.U0 * w + 0.5f), x1 = static_cast<int>(g.U1 * w + 0.5f);
      const int y0 = static_cast<int>(g.V0 * h + 0.5f), y1 = static_cast<int>(g.V1 * h + 0.5f);
      for (int y = y0; y < y1; ++y) {
        unsigned char* row = pixels + static_cast<size_t>(y) * w;
        for (int x = std::min(x1 + d, w) - 1; x > x0; --x)
          for (int k = 1; k <= d && x - k >= x0; ++k) row[x] = std::max(row[x], row[x - k]);
      }
      g.U1 += static_cast<float>(d) / w;
      g.X1 += static_cast<float>(d);
    }
    g.AdvanceX += static_cast<float>(d);
  }
  font->BuildLookupTable();
}

}  // namespace

const Palette& palette() { return current; }

void build_fonts(ImFontAtlas& atlas, float scale) {
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  const float bold_px[] = {kBodyPx * scale, kHeadingPx * scale, kTitlePx * scale};
  atlas.TexGlyphPadding = embolden_px(bold_px[2]) + 1;  // room for the widest emboldening
  fonts.body = add(atlas, "NotoSans-Regular.ttf", kBodyPx * scale);
  fonts.small = add(atlas, "NotoSans-Regular.ttf", kSmallPx * scale);
  fonts.bold = add(atlas, "NotoSans-Regular.ttf", bold_px[0]);
  fonts.heading = add(atlas, "NotoSans-Regular.ttf", bold_px[1]);
  fonts.title = add(atlas, "NotoSans-Regular.ttf", bold_px[2]);
  atlas.Build();
  embolden(atlas, fonts.bold, embolden_px(bold_px[0]));
  embolden(atlas, fonts.heading, embolden_px(bold_px[1]));
  embolden(atlas, fonts.title, embolden_px(bold_px[2]));
}

void apply_style(bool dark, float text_scale, bool touch) {
  current = dark ? dark_palette() : light_palette();
  ImGuiStyle style;
  if (dark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  const float s = text_scale;
  style.WindowPadding = ImVec2(14 * s, 12 * s);
  // On touch screens fields and buttons are 44 CSS px tall (16 px text + 2 × 14), a finger's size.
  style.FramePadding = ImVec2(10 * s, (touch ? 14 : 7) * s);
  style.ItemSpacing = ImVec2(10 * s, (touch ? 10 : 8) * s);
  style.ItemInnerSpacing = ImVec2(8 * s, 6 * s);
  style.CellPadding = ImVec2(8 * s, (touch ? 8 : 5) * s);
  style.ScrollbarSize = (touch ? 8 : 14) * s;
  style.GrabMinSize = 14 * s;
  style.WindowRounding = 0;
  style.ChildRounding = 8 * s;
  style.FrameRounding = 6 * s;
  style.PopupRounding = 8 * s;
  style.GrabRounding = 6 * s;
  style.TabRounding = 6 * s;
  style.ScrollbarRounding = 6 * s;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.FrameBorderSize = 1;
  style.PopupBorderSize = 1;
  style.IndentSpacing = 18 * s;
  style.TouchExtraPadding = touch ? ImVec2(4, 4) : ImVec2(0, 0);

  set_colors(style, current, dark);
  ImGui::GetStyle() = style;
}

ThemeColors theme_colors(bool dark) {
  ThemeColors t{dark ? dark_palette() : light_palette(), {}};
  if (dark) ImGui::StyleColorsDark(&t.style);
  else ImGui::StyleColorsLight(&t.style);
  set_colors(t.style, t.palette, dark);
  return t;
}

void set_colors(ImGuiStyle& style, const Palette& p, bool dark) {
  ImVec4* c = style.Colors;
  auto col = [](ImU32 u) { return ImGui::ColorConvertU32ToFloat4(u); };
  if (!dark) {
    c[ImGuiCol_WindowBg] = ImVec4(0.949f, 0.953f, 0.961f, 1);
    c[ImGuiCol_ChildBg] = col(p.surface);
    c[ImGuiCol_PopupBg] = col(p.surface);
    c[ImGuiCol_Text] = ImVec4(0.114f, 0.141f, 0.188f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.96f, 0.97f, 0.99f, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = col(p.border);
    c[ImGuiCol_Button] = ImVec4(0.91f, 0.93f, 0.96f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.85f, 0.89f, 0.95f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.78f, 0.84f, 0.93f, 1);
    c[ImGuiCol_Header] = col(p.accent_bg);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.86f, 0.91f, 0.97f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.80f, 0.87f, 0.96f, 1);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.93f, 0.94f, 0.96f, 1);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.975f, 0.978f, 0.985f, 1);
  } else {
    c[ImGuiCol_WindowBg] = ImVec4(0.086f, 0.098f, 0.118f, 1);
    c[ImGuiCol_ChildBg] = col(p.surface);
    c[ImGuiCol_PopupBg] = col(p.surface);
    c[ImGuiCol_FrameBg] = ImVec4(0.10f, 0.12f, 0.145f, 1);
    c[ImGuiCol_Border] = col(p.border);
    c[ImGuiCol_Header] = col(p.accent_bg);
    // ImGui's dark buttons and rows are a light blue under white text when hovered or pressed
    // (3:1); these keep 4.5:1 and more (tests/e2e/accessibility.test.mjs).
    c[ImGuiCol_Button] = ImVec4(0.19f, 0.27f, 0.39f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.23f, 0.34f, 0.50f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.27f, 0.40f, 0.58f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.21f, 0.31f, 0.46f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.25f, 0.37f, 0.54f, 1);
  }
  c[ImGuiCol_CheckMark] = col(p.primary);
  c[ImGuiCol_TextSelectedBg] = dark ? ImVec4(0.25f, 0.42f, 0.65f, 1) : ImVec4(0.70f, 0.82f, 0.97f, 1);
  c[ImGuiCol_NavHighlight] = col(p.primary);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.35f);
}

}  // namespace hoso::ui
