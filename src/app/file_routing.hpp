#pragma once
// Files the person picked or dropped reach the app here (App::on_file), routed by why they were
// asked for: attachments to the dossier open in the editor, packages to the unit's import
// (package_actions.hpp) or the secretariat's intake, backups to the restore (backup_actions.hpp),
// return notes to their dossier (return_note_actions.hpp). A dropped file is recognised by what
// it is. Runs between frames; nothing here draws.
#include <string_view>

#include "app/platform.hpp"
#include "core/return_note.hpp"

namespace hoso::app {

class Session;

// `index` of `count` files chosen or dropped together; one message sums them up after the last.
void on_file(Session& s, FilePurpose purpose, std::string_view name, std::string_view mime, std::string_view bytes,
             int index, int count);

}  // namespace hoso::app
