#pragma once
#include "app/platform.hpp"

namespace hoso::web {

class WebPlatform final : public app::Platform {
 public:
  WebPlatform();
  static WebPlatform* get();

  Millis now() override;
  int utc_offset_minutes() override;
  std::array<uint8_t, 16> random16() override;
  void request_frame() override;
  void wake_after(int ms) override;
  std::string data_dir() override;
  void save_soon() override;
  void save_now() override;
  void choose_leave(app::LeaveChoice choice) override;
  const app::StorageStatus& storage() const override { return storage_status; }
  void take_over() override;
  void download(std::string_view file_name, std::string_view mime, std::string_view bytes) override;
  bool can_share_files() override;
  void share(std::string_view file_name, std::string_view mime, std::string_view bytes) override;
  void pick_files(app::FilePurpose purpose, std::string_view accept, bool multiple) override;
  void open_file(std::string_view file_name, std::string_view mime, std::string_view bytes) override;
  void copy_text(std::string_view text) override;
  void describe_page(std::string_view title, std::string_view language) override;
  void reload() override;
  std::string app_base_url() override;
  std::string build_id() override;
  bool use_edition(bool full, bool reload_now) override;
  bool update_available() const override { return update_ready; }
  void apply_update() override;

  // Updated by the JavaScript layer's callbacks (web_platform.cpp).
  app::StorageStatus storage_status;
  bool update_ready = false;
};

}  // namespace hoso::web
