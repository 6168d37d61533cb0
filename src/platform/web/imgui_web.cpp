// The browser side of Dear ImGui: the WebGL2 context, the canvas size in physical pixels, fonts
// rebuilt for the device pixel ratio, and the input events that the JavaScript layer (pre_input.js)
// forwards. The JavaScript owns the frame loop and calls hoso_frame() only when something changed.
#include "platform/web/imgui_web.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"
#include "platform/web/item_registry.hpp"

extern "C" {
// Implemented in library_hoso.js.
void hoso_js_request_frame();
void hoso_js_ime(int want_visible, float x, float y, float line_height, unsigned int id);
void hoso_js_clipboard_out(const char* text);
void hoso_js_frame_drawn();
}

namespace hoso::web {
namespace {

struct Backend {
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  float css_w = 800, css_h = 600, dpr = 1;
  float ui_scale = 1;          // the user's text-size setting
  bool fonts_dirty = true;
  int settle_frames = 3;       // frames still to draw after the last change
  double last_time_ms = 0;
  std::string clipboard_in;    // what the last paste put on the clipboard
  FrameCallback frame_cb;
  FontSetup font_setup;
};
Backend B;

const char* get_clipboard(void*) { return B.clipboard_in.c_str(); }
void set_clipboard(void*, const char* text) {
  B.clipboard_in = text ? text : "";
  hoso_js_clipboard_out(B.clipboard_in.c_str());
}

void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
  ImGuiContext& g = *GImGui;
  hoso_js_ime(data->WantVisible ? 1 : 0, data->InputPos.x, data->InputPos.y, data->InputLineHeight,
              data->WantVisible ? g.ActiveId : 0);
}

void apply_canvas_size() {
  const int w = static_cast<int>(std::lround(B.css_w * B.dpr));
  const int h = static_cast<int>(std::lround(B.css_h * B.dpr));
  emscripten_set_canvas_element_size("#canvas", w, h);
}

void rebuild_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Rasterise at the device's pixel density so text is crisp at DPR 2 and 3 and under zoom.
  if (B.font_setup) B.font_setup(*io.Fonts, B.ui_scale * B.dpr);
  io.FontGlobalScale = 1.0f / B.dpr;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  B.fonts_dirty = false;
}

ImGuiKey key_from_name(std::string_view k) {
  if (k.size() == 1) {
    char c = k[0];
    if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
    if (c >= 'A' && c <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
    if (c >= '0' && c <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
    if (c == ' ') return ImGuiKey_Space;
    return ImGuiKey_None;
  }
  struct Named { std::string_view name; ImGuiKey key; };
  static constexpr Named table[] = {
      {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
      {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
      {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
      {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
      {"Enter", ImGuiKey_Enter}, {"Escape", ImGuiKey_Escape}, {"Control", ImGuiKey_LeftCtrl},
      {"Shift", ImGuiKey_LeftShift}, {"Alt", ImGuiKey_LeftAlt}, {"Meta", ImGuiKey_LeftSuper},
      {"F1", ImGuiKey_F1}, {"F2", ImGuiKey_F2}, {"F3", ImGuiKey_F3}, {"F5", ImGuiKey_F5},
  };
  for (const auto& n : table)
    if (n.name == k) return n.key;
  return ImGuiKey_None;
}

}  // namespace

void init(FontSetup font_setup, FrameCallback frame_cb) {
  B.font_setup = std::move(font_setup);
  B.frame_cb = std::move(frame_cb);
}

void set_ui_scale(float scale) {
  if (std::fabs(scale - B.ui_scale) > 0.001f) {
    B.ui_scale = scale;
    B.fonts_dirty = true;
    request_frame();
  }
}
float ui_scale() { return B.ui_scale; }
float device_pixel_ratio() { return B.dpr; }

void request_frame() {
  B.settle_frames = std::max(B.settle_frames, 3);
  hoso_js_request_frame();
}

}  // namespace hoso::web

using hoso::web::B;

extern "C" {

EMSCRIPTEN_KEEPALIVE int hoso_init(float css_w, float css_h, float dpr) {
  B.css_w = css_w;
  B.css_h = css_h;
  B.dpr = dpr > 0 ? dpr : 1;

  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = false;
  attrs.antialias = false;
  attrs.depth = false;
  attrs.stencil = false;
  attrs.preserveDrawingBuffer = true;  // screenshots and frames drawn outside rAF stay intact
  attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
  B.gl = emscripten_webgl_create_context("#canvas", &attrs);
  if (B.gl <= 0) return 1;
  emscripten_webgl_make_context_current(B.gl);
  hoso::web::apply_canvas_size();

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is the app's, not remembered in a file
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames forever
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  io.BackendPlatformName = "hoso_web";
  io.GetClipboardTextFn = hoso::web::get_clipboard;
  io.SetClipboardTextFn = hoso::web::set_clipboard;
  io.SetPlatformImeDataFn = hoso::web::set_ime_data;
  io.DisplaySize = ImVec2(B.css_w, B.css_h);
  io.DisplayFramebufferScale = ImVec2(B.dpr, B.dpr);
  ImGuiContext& g = *GImGui;
  g.TestEngineHookItems = true;

  if (!ImGui_ImplOpenGL3_Init("#version 300 es")) return 2;
  return 0;
}

EMSCRIPTEN_KEEPALIVE void hoso_resize(float css_w, float css_h, float dpr) {
  bool dpr_changed = std::fabs(dpr - B.dpr) > 0.001f;
  B.css_w = css_w;
  B.css_h = css_h;
  B.dpr = dpr > 0 ? dpr : 1;
  if (dpr_changed) B.fonts_dirty = true;
  hoso::web::apply_canvas_size();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(css_w, css_h);
  io.DisplayFramebufferScale = ImVec2(B.dpr, B.dpr);
  hoso::web::note_resized();
  hoso::web::request_frame();
}

// Draws one frame. Returns 1 while more frames are needed (input still queued, settling).
EMSCRIPTEN_KEEPALIVE int hoso_frame(double time_ms) {
  ImGuiIO& io = ImGui::GetIO();
  if (B.fonts_dirty) hoso::web::rebuild_fonts();
  io.DeltaTime = B.last_time_ms > 0 ? static_cast<float>((time_ms - B.last_time_ms) / 1000.0) : 1.0f / 60;
  if (io.DeltaTime <= 0) io.DeltaTime = 1.0f / 60;
  if (io.DeltaTime > 0.25f) io.DeltaTime = 0.25f;
  B.last_time_ms = time_ms;

  hoso::web::items_begin_frame();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  if (B.frame_cb) B.frame_cb();
  ImGui::Render();
  hoso::web::items_end_frame();

  emscripten_webgl_make_context_current(B.gl);
  glViewport(0, 0, static_cast<int>(std::lround(B.css_w * B.dpr)), static_cast<int>(std::lround(B.css_h * B.dpr)));
  glClearColor(0.95f, 0.95f, 0.96f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  hoso_js_frame_drawn();

  ImGuiContext& g = *GImGui;
  if (B.settle_frames > 0) --B.settle_frames;
  // Keep drawing while ImGui has queued input to trickle, a mouse button is held (dragging,
  // scrolling), or a window is still appearing; otherwise sleep until the next event.
  bool busy = g.InputEventsQueue.Size > 0 || ImGui::IsAnyMouseDown() || B.fonts_dirty;
  if (busy) B.settle_frames = std::max(B.settle_frames, 1);
  return B.settle_frames > 0 ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void hoso_pointer_move(float x, float y) {
  ImGui::GetIO().AddMousePosEvent(x, y);
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_pointer_leave() {
  ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_pointer_source(int source) {
  ImGui::GetIO().AddMouseSourceEvent(source == 1 ? ImGuiMouseSource_TouchScreen
                                     : source == 2 ? ImGuiMouseSource_Pen : ImGuiMouseSource_Mouse);
}
EMSCRIPTEN_KEEPALIVE void hoso_pointer_button(int button, int down) {
  ImGui::GetIO().AddMouseButtonEvent(button, down != 0);
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_wheel(float dx, float dy) {
  ImGui::GetIO().AddMouseWheelEvent(dx, dy);
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_modifiers(int ctrl, int shift, int alt, int super) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, ctrl != 0);
  io.AddKeyEvent(ImGuiMod_Shift, shift != 0);
  io.AddKeyEvent(ImGuiMod_Alt, alt != 0);
  io.AddKeyEvent(ImGuiMod_Super, super != 0);
}
// Returns 1 if the key is one ImGui knows (the caller then prevents the browser's default).
EMSCRIPTEN_KEEPALIVE int hoso_key(const char* name, int down) {
  ImGuiKey key = hoso::web::key_from_name(name ? name : "");
  if (key == ImGuiKey_None) return 0;
  ImGui::GetIO().AddKeyEvent(key, down != 0);
  hoso::web::request_frame();
  return 1;
}
EMSCRIPTEN_KEEPALIVE void hoso_text(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_focus(int focused) {
  ImGui::GetIO().AddFocusEvent(focused != 0);
  hoso::web::request_frame();
}
// The text a paste event carried; ImGui reads it through GetClipboardTextFn on Ctrl+V.
EMSCRIPTEN_KEEPALIVE void hoso_clipboard_in(const char* utf8) { B.clipboard_in = utf8 ? utf8 : ""; }
EMSCRIPTEN_KEEPALIVE int hoso_want_text_input() { return ImGui::GetIO().WantTextInput ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE int hoso_input_queue_size() { return GImGui->InputEventsQueue.Size; }

// WebGL context restored after a loss: recreate every GL object.
EMSCRIPTEN_KEEPALIVE int hoso_gl_restored() {
  ImGui_ImplOpenGL3_Shutdown();
  emscripten_webgl_make_context_current(B.gl);
  if (!ImGui_ImplOpenGL3_Init("#version 300 es")) return 1;
  B.fonts_dirty = true;
  hoso::web::request_frame();
  return 0;
}
}
