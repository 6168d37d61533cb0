#pragma once
// The one-file backup of the whole workspace, from the settings screen: write it (every dossier,
// minutes, attachment and the settings, store/backup.hpp), and restore one. Restoring verifies the
// file first (a damaged file is refused with what is wrong, and nothing changes), then waits for
// the person's word: the settings screen's dialog (ui/backup_dialog.cpp) lists what would be added
// and, above all, what would be replaced. The file arrives through on_backup_file, from
// file_routing. Nothing here draws.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/backup.hpp"

namespace hoso::app {

class Session;

// "hoso-sao-luu_<unit slug>_<yyyy-mm-dd>.json" (Vietnam date); without a unit, no slug part.
std::string backup_file_name(Session& s);

// Flushes what is on screen to the store, then offers the backup file as a download.
void export_backup(Session& s);
// Opens the file picker for a backup; the file comes back through on_backup_file.
void choose_backup_file(Session& s);
// A backup file picked or dropped, between frames: verified and planned, then it waits.
void on_backup_file(Session& s, std::string_view name, std::string_view bytes);

// A verified backup waiting for the person's answer, with what it would do in words.
struct PendingBackup {
  enum Count { dossiers, minutes, attachments, settings, other, kinds };
  int seq = 0;  // 1, 2, ... per backup verified in this session (the dialog opens once for each)
  std::string file_name;
  store::BackupPlan plan;
  int added[kinds] = {};              // by Count
  std::vector<std::string> replaced;  // what people call the things that would be replaced
  std::vector<std::string> dropped;   // in the workspace, not in the backup: to the trash
};
const std::optional<PendingBackup>& pending_backup();
// "3 hồ sơ, 1 biên bản, 2 tệp đính kèm, cài đặt".
std::string added_text(const PendingBackup& p);
// The person's answer: restore it (then the workspace is reloaded from the store), or not.
void restore_pending_backup(Session& s);
void forget_pending_backup();

}  // namespace hoso::app
