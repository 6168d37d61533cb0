#pragma once
// What the app needs from the device it runs on. The web build implements it in
// src/platform/web/web_platform.cpp; the UI and the app never call the browser directly.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/return_note.hpp"

namespace hoso::app {

// Why files were asked for, so the answer reaches the right place.
enum class FilePurpose : int {
  dropped = 0,        // dropped on the page: the app decides by screen and role
  attachment = 1,     // a dossier's attachment
  package = 2,        // submission packages to import
  backup = 3,         // a workspace backup to restore
  campaign = 4,       // a campaign or template file
  return_note = 5,    // the secretariat's return note
};

enum class SaveState : int { saved = 0, saving = 1, error = 2, unavailable = 3, read_only = 4 };

struct StorageStatus {
  SaveState state = SaveState::saved;
  std::string error;       // the browser's words, or "quota", "timeout"
  Millis last_saved = 0;   // when IndexedDB last confirmed a save
  bool persist_known = false, persisted = false;
  double usage_bytes = -1, quota_bytes = -1;
  bool can_take_over = false;  // read-only, and the tab that owned the workspace has closed
  bool leave_held = false;     // a reload waits: the last save failed, the person must choose
};

// The answers to a held reload (StorageStatus::leave_held).
enum class LeaveChoice : int { retry_save = 0, leave_unsaved = 1, stay = 2 };

class Platform {
 public:
  virtual ~Platform() = default;
  virtual Millis now() = 0;
  virtual int utc_offset_minutes() = 0;
  virtual std::array<uint8_t, 16> random16() = 0;

  virtual void request_frame() = 0;
  virtual void wake_after(int ms) = 0;

  // Persistence: the workspace's files are under data_dir(); tell the platform they changed.
  virtual std::string data_dir() = 0;
  virtual void save_soon() = 0;  // debounced
  virtual void save_now() = 0;
  virtual const StorageStatus& storage() const = 0;
  virtual void take_over() = 0;  // reopen as the owner once the other tab has closed
  virtual void choose_leave(LeaveChoice) {}

  // Files out and in. Answers to pick_files arrive through App::on_file.
  virtual void download(std::string_view file_name, std::string_view mime, std::string_view bytes) = 0;
  virtual bool can_share_files() = 0;
  virtual void share(std::string_view file_name, std::string_view mime, std::string_view bytes) = 0;
  virtual void pick_files(FilePurpose purpose, std::string_view accept, bool multiple) = 0;
  virtual void open_file(std::string_view file_name, std::string_view mime, std::string_view bytes) = 0;
  virtual void copy_text(std::string_view text) = 0;
  // The page's title and language ("vi", "en"), which screen readers announce and use to pick a
  // voice. Called every frame: an implementation acts only on a change.
  virtual void describe_page(std::string_view title, std::string_view language) {
    (void)title;
    (void)language;
  }
  virtual void reload() = 0;
  // The URL of the folder the app is served from, ending in '/' ("https://example.org/hoso/"):
  // printable pages opened from blob: URLs link the published print.css by its absolute URL.
  virtual std::string app_base_url() = 0;

  // A new version of the app is ready (the web build's service worker has it). apply_update()
  // saves everything, then reloads into it: call it only on the person's word.
  // Which edition (edition.hpp) starts next time: the full one or the unit's. With reload_now, it
  // saves everything and reloads into it at once. Returns false when the choice cannot be kept
  // (the browser refuses the page any storage), and then does not reload.
  virtual bool use_edition(bool full, bool reload_now) = 0;

  // The build's content hash (Settings shows it beside the version); empty where unknown.
  virtual std::string build_id() { return {}; }
  virtual bool update_available() const { return false; }
  virtual void apply_update() {}
};

}  // namespace hoso::app
