#pragma once
// The screens, one file each. They read the session and change it through its functions.
#include <string_view>

#include "app/platform.hpp"
#include "core/dossier.hpp"

namespace hoso::app {
class Session;
}

namespace hoso::ui {

void shell(app::Session& s);  // top bar, navigation, notices, then the current screen

void dashboard_screen(app::Session& s);
void dossier_list_screen(app::Session& s);
void dossier_editor_screen(app::Session& s);
void dossier_editor(app::Session& s, Dossier& d);  // the editor body, also shown beside the list
void minutes_screen(app::Session& s);
void export_screen(app::Session& s);
void import_screen(app::Session& s);
void settings_screen(app::Session& s);
// The unit and the person's name, as fields (Settings, and the dashboard's first-run step).
void unit_and_author_fields(app::Session& s);
void intake_screen(app::Session& s);
void registry_screen(app::Session& s);
void council_screen(app::Session& s);

// Files the person picked or dropped, routed by why they were asked for.
void on_file(app::Session& s, app::FilePurpose purpose, std::string_view name, std::string_view mime,
             std::string_view bytes, int index, int count);

// Files for other screens, routed by on_file (file_routing.cpp): submission packages to import
// (picked, or dropped: `index` of `count` files) and a workspace backup to restore. The package
// and backup screens define them; file_routing.cpp holds weak defaults that say "not yet".
void on_package_file(app::Session& s, std::string_view name, std::string_view bytes, int index, int count);
void on_backup_file(app::Session& s, std::string_view name, std::string_view bytes);

}  // namespace hoso::ui
