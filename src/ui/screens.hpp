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
void intake_screen(app::Session& s);
void registry_screen(app::Session& s);
void council_screen(app::Session& s);

// Files the person picked or dropped, routed by why they were asked for.
void on_file(app::Session& s, app::FilePurpose purpose, std::string_view name, std::string_view mime,
             std::string_view bytes, int index, int count);

}  // namespace hoso::ui
