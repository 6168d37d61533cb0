#pragma once
// The visual style: colours for the light and dark themes, spacing that grows on touch screens,
// and the fonts (Noto Sans subset to Latin and Vietnamese, regular and bold).
#include "imgui.h"

namespace hoso::ui {

// Sizes as CSS font-size (the em), at text size 1 on a desktop; a phone's text is 16/15 larger.
struct Fonts {
  ImFont* body = nullptr;     // 15 px × text size
  ImFont* small = nullptr;    // 13 px: help text
  ImFont* bold = nullptr;     // 15 px bold
  ImFont* heading = nullptr;  // 18 px bold
  ImFont* title = nullptr;    // 22 px bold
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

// ImGui sizes a font by its line (ascender to descender), CSS by its em: Noto Sans's line is
// 1.362 em (hhea 1069 + 293 of 1000). Sizes below are ImGui's, in CSS px at text size 1.
inline constexpr float kLinePerEm = 1.362f;
inline constexpr float kBodyPx = 15.0f * kLinePerEm;
inline constexpr float kSmallPx = 13.0f * kLinePerEm;
inline constexpr float kHeadingPx = 18.0f * kLinePerEm;
inline constexpr float kTitlePx = 22.0f * kLinePerEm;
// Phones read from further below the eye and at a lower pixel density per letter: 16 px body.
inline constexpr float kPhoneTextScale = 16.0f / 15.0f;
inline constexpr float kPhoneWidth = 700.0f;  // narrower than this (CSS px) is a phone's layout

}  // namespace hoso::ui
