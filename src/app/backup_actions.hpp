#pragma once
// The one-file backup of the whole workspace, from the settings screen: write it (every dossier,
// minutes, attachment and the settings, store/backup.hpp), and restore one. Restoring verifies the
// file first (a damaged file is refused with what is wrong, and nothing changes), then asks: the
// dialog lists what would be added and, above all, what would be replaced. The file arrives
// through on_backup_file (screens.hpp), called by file_routing.cpp.
#include <string>
#include <string_view>

namespace hoso::app {
class Session;
}

namespace hoso::ui {

// "hoso-sao-luu_<unit slug>_<yyyy-mm-dd>.json" (Vietnam date); without a unit, no slug part.
std::string backup_file_name(app::Session& s);

// Flushes what is on screen to the store, then offers the backup file as a download.
void export_backup(app::Session& s);
// Opens the file picker for a backup; the file comes back through on_backup_file.
void choose_backup_file(app::Session& s);
// Draws the confirmation dialog while a verified backup waits for an answer. Call every frame
// from the settings screen.
void backup_restore_dialog(app::Session& s);

}  // namespace hoso::ui
