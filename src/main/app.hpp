#pragma once
// The application: the session (state) and the screens, wired to a platform. One frame at a time:
// the platform calls frame() between ImGui's NewFrame and Render.
#include <string>
#include <string_view>

#include "app/platform.hpp"
#include "app/session.hpp"

namespace hoso::app {

class App {
 public:
  explicit App(Platform& platform);
  bool start();
  void frame();

  // What the browser layer and tests ask of it.
  void flush() { session_.flush(); }
  std::string state_json();
  void on_file(FilePurpose purpose, std::string_view name, std::string_view mime, std::string_view bytes,
               int index, int count);
  void on_file_failed(FilePurpose purpose, std::string_view name, std::string_view message);
  // The browser layer checks File.size against this before reading a byte: the same limit the
  // reader behind each purpose applies, so nothing larger is ever copied into memory.
  static double max_file_bytes(FilePurpose purpose);
  void on_file_too_large(FilePurpose purpose, std::string_view name, double size);
  void on_share_result(int code, std::string_view message);
  // Developer hook: replaces the workspace with generated dossiers; for benchmarks, optionally
  // with `attachment_bytes` of made-up attachments (two per dossier) and every dossier ready.
  // `seed` picks other people (several units' workspaces that must not share dossiers).
  // `gaps`: that many dossiers (every fourth) keep no summary, so there is something to fill.
  void dev_generate(int dossiers, double attachment_bytes = 0, bool ready = false, unsigned seed = 1, int gaps = 0);
  float text_scale() const;

  Session& session() { return session_; }

 private:
  void apply_settings();
  Session session_;
  float applied_scale_ = 0;
  int applied_theme_ = -1;
  bool applied_touch_ = false;
  int applied_edition_ = -1;  // the role whose edition was last asked for (-1: none yet)
};

}  // namespace hoso::app
