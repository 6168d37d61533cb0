#pragma once
// Opening a campaign file (unit edition and full): the file picker or a dropped file, then a
// preview of what the file is (issuer, plan number and date, period, deadline, version, hash)
// before anything changes; accepting adds it to the workspace and makes it the active campaign.
// And the switcher between the campaigns the workspace holds. The model side is Session's
// read_campaign_file / accept_campaign / switch_campaign (core/campaigns.hpp).
#include <string_view>

namespace hoso::app {
class Session;
}

namespace hoso::ui {

// Opens the file picker; the file comes back through app::on_file (file_routing), which keeps it
// in Session::pending_campaign for the dialog, or refuses it with what is wrong.
void choose_campaign_file(app::Session& s);
// The confirmation dialog while a read campaign file waits for an answer. Call every frame.
void campaign_accept_dialog(app::Session& s);
// "campaign.switch": the campaigns the workspace holds, with their state, and the open-file action.
void campaign_switcher(app::Session& s);

}  // namespace hoso::ui
