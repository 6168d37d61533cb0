// Screens still being built (see the open issues). Each says so plainly instead of failing.
#include "app/session.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {

void attachments_section(app::Session&, Dossier&, const FindingIndex&) { muted(tr("pending.screen")); }
void minutes_screen(app::Session&) { heading(tr("nav.minutes")); muted(tr("pending.screen")); }
void export_screen(app::Session&) { heading(tr("nav.export")); muted(tr("pending.screen")); }
void import_screen(app::Session&) { heading(tr("nav.import")); muted(tr("pending.screen")); }
void intake_screen(app::Session&) { heading(tr("nav.intake")); muted(tr("pending.screen")); }
void registry_screen(app::Session&) { heading(tr("nav.registry")); muted(tr("pending.screen")); }
void council_screen(app::Session&) { heading(tr("nav.council")); muted(tr("pending.screen")); }
void on_file(app::Session&, app::FilePurpose, std::string_view, std::string_view, std::string_view, int, int) {}

}  // namespace hoso::ui
