// The unit's edition (edition.hpp): no secretariat tools. Its screens, if the secretariat role is
// chosen here, only say that the full edition is on its way (App reloads into it).
#include "app/edition.hpp"
#include "app/session.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace hoso::app {

bool has_secretariat_tools() { return false; }
void load_edition_strings() {}
bool flush_secretariat(Secretariat&) { return true; }
void reload_secretariat(Secretariat&) {}
void destroy_secretariat(Secretariat*) {}  // this edition makes none
nlohmann::json secretariat_snapshot(Session&) { return nullptr; }
void secretariat_receive(Session&, std::string_view, std::string_view, int, int) {}

}  // namespace hoso::app

namespace hoso::ui {
namespace {
void loading_full_edition() {
  heading(tr("edition.loading_title"));
  muted(tr("edition.loading"));
}
}  // namespace

void intake_screen(app::Session&) { loading_full_edition(); }
void registry_screen(app::Session&) { loading_full_edition(); }
void council_screen(app::Session&) { loading_full_edition(); }
void awards_screen(app::Session&) { loading_full_edition(); }
void campaigns_screen(app::Session&) { loading_full_edition(); }

}  // namespace hoso::ui
