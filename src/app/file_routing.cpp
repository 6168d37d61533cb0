// Files picked or dropped, routed by why they were asked for. See file_routing.hpp.
#include "app/file_routing.hpp"

#include <string>
#include <vector>

#include "app/backup_actions.hpp"
#include "app/edition.hpp"
#include "app/package_actions.hpp"
#include "app/return_note_actions.hpp"
#include "app/session.hpp"
#include "app/strings.hpp"
#include "core/attachments.hpp"
#include "core/intake.hpp"
#include "core/return_note.hpp"

namespace hoso::app {

namespace {

// Files chosen together arrive one by one; one message sums them up after the last.
struct Batch {
  int added = 0;
  std::string last_added;
  Message refused;  // a line for each file refused, naming it
};
Batch batch;

void attach(Session& s, std::string_view name, std::string_view mime, std::string_view bytes) {
  const Dossier* d = s.dossier(s.nav.dossier_id);
  if (!d) {
    batch.refused.then(Message("attachments.no_dossier", {name}));
    return;
  }
  if (s.read_only()) {  // one line per file in the batch's message, not a toast each
    batch.refused.then(Message("attachments.read_only", {name}));
    return;
  }
  auto added = s.add_attachment(*d, name, mime, bytes);
  if (!added) {
    batch.refused.then(Message::error(added.error()));
    return;
  }
  s.nav.open_section = "attachments";
  ++batch.added;
  batch.last_added = std::move(*added);
}

// A campaign file: refused with what is wrong, or kept for the person's word (the dialog).
void on_campaign_file(Session& s, std::string_view name, std::string_view bytes) {
  auto file = s.read_campaign_file(name, bytes);
  if (!file) {
    s.toast(Toast::Kind::error, Message::failed("campaign.refused", file.error()), 20);
    return;
  }
  s.pending_campaign = PendingCampaign{std::string(name), std::move(file).value()};
  s.platform().request_frame();
}

void report_batch(Session& s) {
  if (batch.refused.empty()) {
    if (batch.added == 1) s.toast(Toast::Kind::success, Message("attachments.added_one", {batch.last_added}));
    else if (batch.added > 1) s.toast(Toast::Kind::success, Message("attachments.added_many", {std::to_string(batch.added)}));
    return;
  }
  Message text;
  if (batch.added > 0) text = Message("attachments.added_many", {std::to_string(batch.added)});
  s.toast(Toast::Kind::error, std::move(text.then(batch.refused)), 15);
}

// The secretariat's packages go to its intake (a report, then the register), wherever they are
// picked or dropped: the unit's import would make the secretariat's workspace that unit's.
void package(Session& s, std::string_view name, std::string_view bytes, int index, int count) {
  if (s.workspace().settings.role == Role::secretariat && has_secretariat_tools()) {
    s.nav.screen = Screen::intake;
    secretariat_receive(s, name, bytes, index, count);
  } else {
    on_package_file(s, name, bytes, index, count);
  }
}

}  // namespace

void on_file(Session& s, FilePurpose purpose, std::string_view name, std::string_view mime, std::string_view bytes,
             int index, int count) {
  if (index == 0) batch = Batch{};
  switch (purpose) {
    case FilePurpose::attachment: attach(s, name, mime, bytes); break;
    case FilePurpose::package: package(s, name, bytes, index, count); break;
    case FilePurpose::backup: on_backup_file(s, name, bytes); break;
    case FilePurpose::return_note: on_return_note_file(s, name, bytes); break;
    case FilePurpose::campaign: on_campaign_file(s, name, bytes); break;
    case FilePurpose::dropped:
      switch (classify_file(name, mime, bytes)) {
        case DroppedKind::attachment:
          if (s.nav.screen == Screen::dossier && s.dossier(s.nav.dossier_id)) attach(s, name, mime, bytes);
          else batch.refused.then(Message("attachments.drop_needs_dossier", {name}));
          break;
        case DroppedKind::package: package(s, name, bytes, index, count); break;
        case DroppedKind::backup: on_backup_file(s, name, bytes); break;
        case DroppedKind::unknown:
          if (bytes.find("\"hoso-campaign\"") != std::string_view::npos) on_campaign_file(s, name, bytes);
          else if (looks_like_return_note(bytes)) on_return_note_file(s, name, bytes);
          else batch.refused.then(Message("file.unknown", {name}));
          break;
      }
      break;
  }
  if (index + 1 >= count) report_batch(s);
}

}  // namespace hoso::app
