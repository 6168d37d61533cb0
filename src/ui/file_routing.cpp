// Files the person picked or dropped reach the app here, routed by why they were asked for:
// attachments go to the dossier open in the editor; packages and backups to the screens that
// import them (on_package_file / on_backup_file). Those screens define the real functions; the
// weak defaults below only say the feature is not in this build yet. A dropped file is recognised
// by what it is. This runs between frames: no ImGui calls here.
#include <string>
#include <vector>

#include "app/edition.hpp"
#include "app/session.hpp"
#include "core/attachments.hpp"
#include "core/edit.hpp"
#include "ui/campaign_actions.hpp"
#include "ui/screens.hpp"
#include "ui/return_note_actions.hpp"
#include "ui/strings.hpp"

namespace hoso::ui {

[[gnu::weak]] void on_package_file(app::Session& s, std::string_view name, std::string_view bytes, int index,
                                   int count) {
  (void)bytes;
  (void)index;
  (void)count;
  s.toast(app::Toast::Kind::warning, trf("file.not_supported_yet", {name}));
}

[[gnu::weak]] void on_backup_file(app::Session& s, std::string_view name, std::string_view bytes) {
  (void)bytes;
  s.toast(app::Toast::Kind::warning, trf("file.not_supported_yet", {name}));
}

namespace {

// Files chosen together arrive one by one; one message sums them up after the last.
struct Batch {
  int added = 0;
  std::string last_added;
  std::vector<std::string> refused;  // each names its file
};
Batch batch;

void attach(app::Session& s, std::string_view name, std::string_view mime, std::string_view bytes) {
  Dossier* d = s.dossier(s.nav.dossier_id);
  if (!d) {
    batch.refused.push_back(trf("attachments.no_dossier", {name}));
    return;
  }
  if (s.read_only()) {
    batch.refused.push_back(trf("attachments.read_only", {name}));
    return;
  }
  auto a = prepare_attachment(*d, s.new_id(), name, mime, bytes, s.now());
  if (!a) {
    batch.refused.push_back(a.error().describe(language()));
    return;
  }
  // The bytes first: a dossier never names a blob the store does not hold.
  auto stored = s.store().put_attachment(a->sha256, bytes);
  if (!stored) {
    batch.refused.push_back(std::string(name) + ": " + stored.error().describe(language()));
    return;
  }
  std::string added_name = a->name;
  auto r = add_attachment(*d, std::move(*a), s.edit_context());
  if (!r) {
    batch.refused.push_back(r.error().describe(language()));
    return;
  }
  s.touched(*d);
  s.nav.open_section = "attachments";
  ++batch.added;
  batch.last_added = std::move(added_name);
}

void report_batch(app::Session& s) {
  if (batch.refused.empty()) {
    if (batch.added == 1) s.toast(app::Toast::Kind::success, trf("attachments.added_one", {batch.last_added}));
    else if (batch.added > 1) s.toast(app::Toast::Kind::success, trf("attachments.added_many", batch.added));
    return;
  }
  std::string text;
  if (batch.added > 0) text = trf("attachments.added_many", batch.added) + "\n";
  for (size_t i = 0; i < batch.refused.size(); ++i) text += (i ? "\n" : "") + batch.refused[i];
  s.toast(app::Toast::Kind::error, std::move(text), 15);
}

// The secretariat's packages go to its intake (a report, then the register), except on the
// package import screen, which imports into the workspace as a unit's does.
void package(app::Session& s, std::string_view name, std::string_view bytes, int index, int count) {
  if (s.workspace().settings.role == Role::secretariat && s.nav.screen != app::Screen::package_import &&
      app::has_secretariat_tools()) {
    s.nav.screen = app::Screen::intake;
    app::secretariat_receive(s, name, bytes, index, count);
  } else {
    on_package_file(s, name, bytes, index, count);
  }
}

}  // namespace

void on_file(app::Session& s, app::FilePurpose purpose, std::string_view name, std::string_view mime,
             std::string_view bytes, int index, int count) {
  using app::FilePurpose;
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
          if (s.nav.screen == app::Screen::dossier && s.dossier(s.nav.dossier_id)) attach(s, name, mime, bytes);
          else batch.refused.push_back(trf("attachments.drop_needs_dossier", {name}));
          break;
        case DroppedKind::package: package(s, name, bytes, index, count); break;
        case DroppedKind::backup: on_backup_file(s, name, bytes); break;
        case DroppedKind::unknown:
          if (bytes.find("\"hoso-campaign\"") != std::string_view::npos) on_campaign_file(s, name, bytes);
          else if (looks_like_return_note(bytes)) on_return_note_file(s, name, bytes);
          else batch.refused.push_back(trf("file.unknown", {name}));
          break;
      }
      break;
  }
  if (index + 1 >= count) report_batch(s);
}

}  // namespace hoso::ui
