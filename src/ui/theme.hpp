#pragma once
// The visual style: colours for the light and dark themes, spacing that grows on touch screens,
// and the fonts (Noto Sans subset to Latin and Vietnamese, regular and bold).
#include "imgui.h"

namespace hoso::ui {

struct Fonts {
  ImFont* body = nullptr;     // 16 px × text size
  ImFont* small = nullptr;    // 14 px
  ImFont* bold = nullptr;     // 16 px bold
  ImFont* heading = nullptr;  // 19 px bold
  ImFont* title = nullptr;    // 23 px bold
};
extern Fonts fonts;

struct Palette {
  ImU32 primary, primary_text, muted, error, warning, success, surface, border, accent_bg, error_bg,
      warning_bg, success_bg;
};
const Palette& palette();

// Adds the fonts to the atlas at `scale` (text size × device pixel ratio).
void build_fonts(ImFontAtlas& atlas, float scale);
// Applies colours and sizes. `touch`: larger targets for fingers.
void apply_style(bool dark, float text_scale, bool touch);

// A theme's colours without applying them: the palette and ImGui's colours (the contrast check in
// tests/e2e/accessibility.test.mjs reads them through hoso.dev.theme()).
struct ThemeColors {
  Palette palette;
  ImGuiStyle style;
};
ThemeColors theme_colors(bool dark);
void set_colors(ImGuiStyle& style, const Palette& palette, bool dark);

// Base sizes in CSS pixels at text size 1.
inline constexpr float kBodyPx = 16.0f;

}  // namespace hoso::ui
