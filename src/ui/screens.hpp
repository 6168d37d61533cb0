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
void dossier_editor(app::Session& s, const Dossier& d);  // the editor body, also shown beside the list
// Whether the window is wide enough for the editor beside the list (else the editor stands alone,
// with a way back). Ask it at the top of the screen, before any column is begun.
bool editor_beside_list();
// Opens the list with only the dossiers that still lack something (errors or warnings), its
// search and other filters cleared (the dashboard's "see all").
void show_incomplete_dossiers(app::Session& s);
void minutes_screen(app::Session& s);
void export_screen(app::Session& s);
void import_screen(app::Session& s);
void settings_screen(app::Session& s);
// The unit and the person's name, as fields (Settings, and the dashboard's first-run step).
void unit_and_author_fields(app::Session& s);
// The person's name alone (the secretariat's first look: the history names who did what).
void author_field(app::Session& s);
void intake_screen(app::Session& s);
void registry_screen(app::Session& s);
void council_screen(app::Session& s);
void awards_screen(app::Session& s);
void campaigns_screen(app::Session& s);

// The person chose the navigation entry of the screen already shown: as on a phone's tab bar,
// the screen goes back to its start (the register leaves a record's reading view). True for the
// frame that draws the screen after the choice.
bool screen_chosen_again();

// The settings screen's confirmation for a backup waiting to be restored (app/backup_actions.hpp).
void backup_restore_dialog(app::Session& s);

}  // namespace hoso::ui
