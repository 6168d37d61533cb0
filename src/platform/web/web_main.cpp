// main() for the browser: creates the platform, the app and the ImGui backend, then hands the
// frame loop to the JavaScript layer. The exports below are how that layer reaches the app.
#include <emscripten/emscripten.h>

#include <string>

#include "app/app.hpp"
#include "core/sha256.hpp"
#include "platform/web/imgui_web.hpp"
#include "platform/web/web_platform.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

extern "C" {
int hoso_init(float css_w, float css_h, float dpr);
void hoso_js_started();
void hoso_js_viewport(float* w, float* h, float* dpr);
void hoso_js_fail(const char* code, const char* detail);
}

namespace {
hoso::web::WebPlatform* platform = nullptr;
hoso::app::App* app = nullptr;
std::string exported;  // the last string handed to JavaScript
}  // namespace

int main() {
  platform = new hoso::web::WebPlatform();
  app = new hoso::app::App(*platform);
  hoso::web::init([](ImFontAtlas& atlas, float scale) { hoso::ui::build_fonts(atlas, scale); },
                  [] {
                    hoso::ui::set_viewport_resized(hoso::web::resized_this_frame());
                    hoso::web::set_ui_scale(app->text_scale());
                    app->frame();
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
EMSCRIPTEN_KEEPALIVE void hoso_flush() {
  if (app) app->flush();
}
EMSCRIPTEN_KEEPALIVE void hoso_dev_generate(int n, double attachment_bytes, int ready, int seed) {
  if (app) app->dev_generate(n, attachment_bytes, ready != 0, static_cast<unsigned>(seed));
}
// Developer hook for benchmarks: the SHA-256 of bytes by the app's own code (core/sha256).
EMSCRIPTEN_KEEPALIVE const char* hoso_dev_sha256(const char* data, int size) {
  exported = hoso::sha256_hex(std::string_view(data, static_cast<size_t>(size)));
  return exported.c_str();
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
