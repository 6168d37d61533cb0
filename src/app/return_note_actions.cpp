// The unit's side of a return note. See return_note_actions.hpp.
#include "app/return_note_actions.hpp"

#include "app/session.hpp"
#include "core/registry.hpp"
#include "app/strings.hpp"
#include "core/return_note.hpp"

namespace hoso::app {


void choose_return_note_file(Session& s) {
  s.platform().pick_files(FilePurpose::return_note, ".json,application/json", false);
}

bool looks_like_return_note(std::string_view bytes) {
  return bytes.find("\"hoso-return-note\"") != std::string_view::npos;
}

void on_return_note_file(Session& s, std::string_view name, std::string_view bytes) {
  if (s.read_only()) {
    s.toast(Toast::Kind::error, Message("return_note.read_only", {name}), 12);
    return;
  }
  auto note = read_return_note(name, bytes);
  if (!note) {
    s.toast(Toast::Kind::error, Message::error(note.error()), 15);
    return;
  }
  // The note concerns one dossier: it is applied to a copy of that dossier alone, with the
  // workspace's campaign, unit and export history that apply_return_note checks.
  const Workspace& w = s.workspace();
  Workspace probe;
  probe.campaign_id = w.campaign_id;
  probe.settings = w.settings;
  probe.exports = w.exports;
  if (const Dossier* d = w.dossier(note->dossier_id)) probe.dossiers.push_back(*d);
  auto applied = apply_return_note(probe, *note, s.edit_context());
  if (!applied) {
    s.toast(Toast::Kind::error, Message::failed("file.named_error", applied.error(), {name}), 15);
    return;
  }
  if (!s.dossier(note->dossier_id)) return;  // apply_return_note refuses a dossier the workspace lacks
  if (*applied) {
    if (!s.replace_dossier(std::move(probe.dossiers.front()))) return;
    s.save_now();
  }
  s.nav.dossier_id = note->dossier_id;
  s.nav.screen = Screen::dossier;
  s.nav.open_section = "status";
  s.toast(Toast::Kind::warning,
          Message(*applied ? "return_note.applied" : "return_note.already", {note->nominee_name, note->reason}), 15);
}

}  // namespace hoso::app
