// main() for the browser: creates the platform, the app and the ImGui backend, then hands the
// frame loop to the JavaScript layer. The exports below are how that layer reaches the app.
#include <emscripten/emscripten.h>

#include <cmath>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "main/app.hpp"
#include "core/sha256.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/web/imgui_web.hpp"
#include "platform/web/web_platform.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

extern "C" {
int hoso_init(float css_w, float css_h, float dpr);
void hoso_js_started();
void hoso_js_viewport(float* w, float* h, float* dpr);
void hoso_js_fail(const char* code, const char* detail);
void hoso_js_input_mode(int keyboard);
}

namespace {
hoso::web::WebPlatform* platform = nullptr;
hoso::app::App* app = nullptr;
std::string exported;  // the last string handed to JavaScript
int keyboard_shown = 0;  // ui::Keyboard last passed to the text agent

// Developer hook hoso.dev.probeText (legibility tests): each letter of a string drawn alone in its
// own square cell, on white over everything, so a test can compare glyph images pixel by pixel.
// Only a test calls it; nothing in the interface leads here.
struct Probe {
  std::string text;
  int font = 0;  // 0 body, 1 small (help text)
} probe;

// The cell's side in CSS px: a multiple of 4, so every cell starts on a whole device pixel at
// DPR 1, 1.25, 1.5 and 2 and every letter is rasterised alike.
float probe_cell() {
  ImFont* f = probe.font == 1 ? hoso::ui::fonts.small : hoso::ui::fonts.body;
  const float css = f ? f->FontSize * ImGui::GetIO().FontGlobalScale : 16;
  return 4.0f * std::ceil(css * 1.5f / 4.0f);
}

void draw_probe() {
  ImFont* f = probe.font == 1 ? hoso::ui::fonts.small : hoso::ui::fonts.body;
  if (!f) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImGuiIO& io = ImGui::GetIO();
  dl->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32_WHITE);
  const float cell = probe_cell(), size = f->FontSize * io.FontGlobalScale;
  const char* s = probe.text.c_str();
  const char* end = s + probe.text.size();
  for (int i = 0; s < end; ++i) {
    unsigned c = 0;
    const int n = ImTextCharFromUtf8(&c, s, end);
    if (n <= 0) break;
    const ImVec2 at(cell * (1 + i), cell);
    dl->AddText(f, size, ImVec2(at.x + cell * 0.25f, at.y + (cell - size) * 0.5f), IM_COL32_BLACK, s, s + n);
    s += n;
  }
}
}  // namespace

int main() {
  platform = new hoso::web::WebPlatform();
  app = new hoso::app::App(*platform);
  hoso::web::init([](ImFontAtlas& atlas, float scale) { hoso::ui::build_fonts(atlas, scale); },
                  [] {
                    hoso::ui::set_viewport_resized(hoso::web::resized_this_frame());
                    hoso::web::set_ui_scale(app->text_scale());
                    hoso::ui::widgets_new_frame();
                    app->frame();
                    if (!probe.text.empty()) draw_probe();
                    const int keyboard = static_cast<int>(hoso::ui::keyboard_wanted());
                    if (keyboard != keyboard_shown) hoso_js_input_mode(keyboard_shown = keyboard);
                  });
  float w = 0, h = 0, dpr = 1;
  hoso_js_viewport(&w, &h, &dpr);
  if (int err = hoso_init(w, h, dpr); err != 0) {
    hoso_js_fail("webgl", err == 1 ? "context" : "backend");
    return 1;
  }
  if (!app->start()) {
    hoso_js_fail("start", "library");
    return 1;
  }
  hoso::web::set_ui_scale(app->text_scale());
  hoso_js_started();
  return 0;
}

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* hoso_state_json() {
  exported = app ? app->state_json() : "{}";
  return exported.c_str();
}
// A string of the interface in the current language, for the browser layer's own elements (the
// accessible mirror's skip link and landmark names).
EMSCRIPTEN_KEEPALIVE const char* hoso_tr(const char* key) { return hoso::ui::tr(key ? key : ""); }
EMSCRIPTEN_KEEPALIVE void hoso_flush() {
  if (app) app->flush();
}
EMSCRIPTEN_KEEPALIVE void hoso_dev_generate(int n, double attachment_bytes, int ready, int seed, int gaps) {
  if (app) app->dev_generate(n, attachment_bytes, ready != 0, static_cast<unsigned>(seed), gaps);
}
// Developer hook for the contrast check: a theme's colours as {"name": [r, g, b, a]} (0-255).
EMSCRIPTEN_KEEPALIVE const char* hoso_dev_theme_json(int dark) {
  const hoso::ui::ThemeColors t = hoso::ui::theme_colors(dark != 0);
  std::string out = "{";
  auto add = [&](const char* name, ImVec4 c) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s\"%s\":[%d,%d,%d,%d]", out.size() > 1 ? "," : "", name,
                  static_cast<int>(c.x * 255 + 0.5f), static_cast<int>(c.y * 255 + 0.5f),
                  static_cast<int>(c.z * 255 + 0.5f), static_cast<int>(c.w * 255 + 0.5f));
    out += buf;
  };
  auto pal = [&](const char* name, ImU32 u) { add(name, ImGui::ColorConvertU32ToFloat4(u)); };
  const hoso::ui::Palette& p = t.palette;
  pal("primary", p.primary); pal("primary_text", p.primary_text); pal("muted", p.muted); pal("error", p.error);
  pal("warning", p.warning); pal("success", p.success); pal("surface", p.surface); pal("border", p.border);
  pal("accent_bg", p.accent_bg); pal("error_bg", p.error_bg); pal("warning_bg", p.warning_bg);
  pal("success_bg", p.success_bg);
  const ImVec4* c = t.style.Colors;
  add("Text", c[ImGuiCol_Text]); add("WindowBg", c[ImGuiCol_WindowBg]); add("ChildBg", c[ImGuiCol_ChildBg]);
  add("PopupBg", c[ImGuiCol_PopupBg]); add("FrameBg", c[ImGuiCol_FrameBg]); add("Button", c[ImGuiCol_Button]);
  add("ButtonHovered", c[ImGuiCol_ButtonHovered]);
  add("ButtonActive", c[ImGuiCol_ButtonActive]); add("Header", c[ImGuiCol_Header]);
  add("HeaderHovered", c[ImGuiCol_HeaderHovered]); add("HeaderActive", c[ImGuiCol_HeaderActive]); add("TableHeaderBg", c[ImGuiCol_TableHeaderBg]);
  add("NavHighlight", c[ImGuiCol_NavHighlight]); add("CheckMark", c[ImGuiCol_CheckMark]);
  add("Border", c[ImGuiCol_Border]);
  out += "}";
  exported = out;
  return exported.c_str();
}
// Developer hook for benchmarks: the SHA-256 of bytes by the app's own code (core/sha256).
EMSCRIPTEN_KEEPALIVE const char* hoso_dev_sha256(const char* data, int size) {
  exported = hoso::sha256_hex(std::string_view(data, static_cast<size_t>(size)));
  return exported.c_str();
}
// Developer hook: the plain texts of the last frame (ui/widgets.hpp), as a JSON array; the first
// call starts recording (the frame after it has them).
EMSCRIPTEN_KEEPALIVE const char* hoso_dev_texts() {
  hoso::ui::record_texts(true);
  exported = nlohmann::json(hoso::ui::texts_last_frame()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  hoso::web::request_frame();
  return exported.c_str();
}
// Developer hook (see Probe): draws `text` letter by letter, cell i's top-left corner at
// (cell × (i + 1), cell) CSS px; an empty text ends it. Returns the cell's side in CSS px.
EMSCRIPTEN_KEEPALIVE float hoso_dev_probe(const char* text, int font) {
  probe.text = text ? text : "";
  probe.font = font;
  hoso::web::request_frame();
  return probe_cell();
}
EMSCRIPTEN_KEEPALIVE void hoso_file_received(int purpose, const char* name, const char* mime, const char* data,
                                             int size, int index, int count) {
  if (app)
    app->on_file(static_cast<hoso::app::FilePurpose>(purpose), name, mime,
                 std::string_view(data, static_cast<size_t>(size)), index, count);
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE double hoso_file_limit(int purpose) {
  return hoso::app::App::max_file_bytes(static_cast<hoso::app::FilePurpose>(purpose));
}
EMSCRIPTEN_KEEPALIVE void hoso_file_too_large(int purpose, const char* name, double size) {
  if (app) app->on_file_too_large(static_cast<hoso::app::FilePurpose>(purpose), name, size);
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_file_failed(int purpose, const char* name, const char* message) {
  if (app) app->on_file_failed(static_cast<hoso::app::FilePurpose>(purpose), name, message);
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_share_result(int code, const char* message) {
  if (app) app->on_share_result(code, message);
}
}
