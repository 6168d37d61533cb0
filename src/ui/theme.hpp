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

// Base sizes in CSS pixels at text size 1.
inline constexpr float kBodyPx = 16.0f;

}  // namespace hoso::ui
