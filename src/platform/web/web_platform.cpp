// hoso::app::Platform for the browser: each call goes to the JavaScript layer (library_hoso.js),
// and the JavaScript's answers (storage status, files) come back through the exports below.
#include "platform/web/web_platform.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>

#include "platform/web/imgui_web.hpp"

extern "C" {
void hoso_js_wake_after(int ms);
void hoso_js_random_bytes(uint8_t* p, int n);
double hoso_js_now_ms();
int hoso_js_timezone_offset_min();
void hoso_js_storage_save(int urgent);
void hoso_js_download(const char* name, const char* mime, const char* p, int n);
void hoso_js_share(const char* name, const char* mime, const char* p, int n);
int hoso_js_can_share_files();
void hoso_js_pick_files(int purpose, const char* accept, int multiple);
void hoso_js_open_blob(const char* name, const char* mime, const char* p, int n);
void hoso_js_copy_text(const char* text);
void hoso_js_describe_page(const char* title, const char* language);
void hoso_js_reload();
char* hoso_js_base_url();
char* hoso_js_build_id();
int hoso_js_use_edition(int full, int reload_now);
void hoso_js_apply_update();
void hoso_js_take_over();
void hoso_js_choose_leave(int choice);
int hoso_js_storage_read_only();
int hoso_js_storage_available();
char* hoso_js_storage_load_error();
}

namespace hoso::web {
namespace {
WebPlatform* instance = nullptr;
std::string z(std::string_view s) { return std::string(s); }
}  // namespace

WebPlatform::WebPlatform() {
  instance = this;
  if (hoso_js_storage_read_only()) storage_status.state = app::SaveState::read_only;
  else if (!hoso_js_storage_available()) {
    storage_status.state = app::SaveState::unavailable;
    char* err = hoso_js_storage_load_error();
    storage_status.error = err ? err : "";
    free(err);
  }
}

WebPlatform* WebPlatform::get() { return instance; }

Millis WebPlatform::now() { return static_cast<Millis>(hoso_js_now_ms()); }
int WebPlatform::utc_offset_minutes() { return hoso_js_timezone_offset_min(); }
std::array<uint8_t, 16> WebPlatform::random16() {
  std::array<uint8_t, 16> r{};
  hoso_js_random_bytes(r.data(), 16);
  return r;
}
void WebPlatform::request_frame() { web::request_frame(); }
void WebPlatform::wake_after(int ms) { hoso_js_wake_after(ms); }
std::string WebPlatform::data_dir() { return "/data"; }
// Read-only tabs never write. Without storage the JavaScript side only notes that work exists
// (a reload would lose it: pre_storage.js asks first).
void WebPlatform::save_soon() {
  if (storage_status.state == app::SaveState::read_only) return;
  hoso_js_storage_save(0);
}
void WebPlatform::save_now() {
  if (storage_status.state == app::SaveState::read_only) return;
  hoso_js_storage_save(1);
}
void WebPlatform::take_over() { hoso_js_take_over(); }
void WebPlatform::choose_leave(app::LeaveChoice choice) { hoso_js_choose_leave(static_cast<int>(choice)); }
void WebPlatform::download(std::string_view name, std::string_view mime, std::string_view bytes) {
  hoso_js_download(z(name).c_str(), z(mime).c_str(), bytes.data(), static_cast<int>(bytes.size()));
}
bool WebPlatform::can_share_files() { return hoso_js_can_share_files() != 0; }
void WebPlatform::share(std::string_view name, std::string_view mime, std::string_view bytes) {
  hoso_js_share(z(name).c_str(), z(mime).c_str(), bytes.data(), static_cast<int>(bytes.size()));
}
void WebPlatform::pick_files(app::FilePurpose purpose, std::string_view accept, bool multiple) {
  hoso_js_pick_files(static_cast<int>(purpose), z(accept).c_str(), multiple ? 1 : 0);
}
void WebPlatform::open_file(std::string_view name, std::string_view mime, std::string_view bytes) {
  hoso_js_open_blob(z(name).c_str(), z(mime).c_str(), bytes.data(), static_cast<int>(bytes.size()));
}
void WebPlatform::copy_text(std::string_view text) { hoso_js_copy_text(z(text).c_str()); }

void WebPlatform::describe_page(std::string_view title, std::string_view language) {
  static std::string shown_title, shown_language;
  if (title == shown_title && language == shown_language) return;
  shown_title.assign(title);
  shown_language.assign(language);
  hoso_js_describe_page(shown_title.c_str(), shown_language.c_str());
}
void WebPlatform::reload() { hoso_js_reload(); }
std::string WebPlatform::app_base_url() {
  char* url = hoso_js_base_url();
  std::string out = url ? url : "";
  free(url);
  return out;
}
std::string WebPlatform::build_id() {
  char* id = hoso_js_build_id();
  std::string out = id ? id : "";
  free(id);
  return out;
}
bool WebPlatform::use_edition(bool full, bool reload_now) { return hoso_js_use_edition(full, reload_now) != 0; }
void WebPlatform::apply_update() { hoso_js_apply_update(); }

}  // namespace hoso::web

using hoso::web::instance;

extern "C" {
EMSCRIPTEN_KEEPALIVE void hoso_storage_status(int code, const char* message) {
  if (!instance) return;
  auto& s = instance->storage_status;
  s.state = static_cast<hoso::app::SaveState>(code);
  s.error = message ? message : "";
  if (s.state == hoso::app::SaveState::saved) s.last_saved = instance->now();
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_storage_info(int persisted, double usage, double quota) {
  if (!instance) return;
  auto& s = instance->storage_status;
  s.persist_known = true;
  s.persisted = persisted != 0;
  s.usage_bytes = usage;
  s.quota_bytes = quota;
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_lock_released() {
  if (instance) instance->storage_status.can_take_over = true;
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_leave_held(int held) {
  if (instance) instance->storage_status.leave_held = held != 0;
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_update_available(int available) {
  if (instance) instance->update_ready = available != 0;
  hoso::web::request_frame();
}
EMSCRIPTEN_KEEPALIVE void hoso_wake() { hoso::web::request_frame(); }
EMSCRIPTEN_KEEPALIVE float hoso_ui_scale() { return hoso::web::ui_scale(); }
}
