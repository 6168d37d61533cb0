// Sending the unit's dossiers to the secretariat: the ready dossiers to include (all by default),
// those not ready (listed, each a tap away), the contact person, which revision this is and
// whether it continues the last one. The package is built and checked (build_package refuses
// anything the recipient would refuse), downloaded, and on phones that can share files offered to
// a chat or mail app. Building marks the dossiers exported and advances the export history; the
// session saves that. The unit's import (restore or check a package) is one button away.
#include <set>
#include <string>
#include <unordered_map>

#include "app/return_note_actions.hpp"
#include "app/session.hpp"
#include "core/attachments.hpp"
#include "core/documents/unit_documents.hpp"
#include "core/package.hpp"
#include "core/return_note.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "ui/print_actions.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

// A package made in this session, to share or download again.
struct Made {
  std::string file_name, text, content_hash;
  std::vector<std::string> names;  // the nominees it holds, for "what was sent"
  int revision = 0;
  bool reveal = true;  // scroll to it once: on a phone it appears below the fold
};

struct ExportState {
  std::set<std::string, std::less<>> excluded;  // ready dossiers the person left out
  // The workspace has no place for the contact yet: it is kept while the app is open, and its
  // name starts as the author's (Settings).
  Contact contact;
  bool contact_started = false;
  enum class Step { idle, asked, building } step = Step::idle;
  std::optional<DataError> refusal;  // why the last attempt was refused
  std::optional<Made> made;
  // After a package is made, another revision is a deliberate step ("Chuẩn bị lần gửi thứ N"),
  // never the main button with the sent dossiers still ticked.
  bool new_revision = false;
};
ExportState st;

std::string n(std::size_t v) { return std::to_string(v); }

bool sendable(const Dossier& d) { return d.status == Status::ready || d.status == Status::exported; }

std::string name_of(const Dossier& d) {
  const std::string& name = display_name(d.nominee);
  return name_or_unnamed(name);
}

std::string award_of(const app::Session& s, const Dossier& d) {
  const AwardForm* f = s.campaign().award_form(d.award_form);
  return f ? tr(f->name) : std::string(tr("award.none"));
}

std::vector<std::string> chosen_ids(const Workspace& w) {
  std::vector<std::string> ids;
  for (const Dossier& d : w.dossiers)
    if (sendable(d) && !st.excluded.contains(d.id)) ids.push_back(d.id);
  return ids;
}

void dossiers_card(app::Session& s) {
  const Workspace& w = s.workspace();
  begin_card("##export.dossiers");
  subheading(tr("export.dossiers"));
  std::size_t sendable_count = 0;
  for (const Dossier& d : w.dossiers) sendable_count += sendable(d);
  if (sendable_count == 0) {
    muted(tr("export.none_ready"));
    end_card();
    return;
  }
  muted(tr("export.dossiers_help"));
  if (sendable_count > 1) {
    if (button(tr("export.select_all"), "export.select_all", ButtonKind::subtle)) st.excluded.clear();
    ImGui::SameLine();
    if (button(tr("export.select_none"), "export.select_none", ButtonKind::subtle))
      for (const Dossier& d : w.dossiers)
        if (sendable(d)) st.excluded.insert(d.id);
  }
  const float indent = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
  for (const Dossier& d : w.dossiers) {
    if (!sendable(d)) continue;
    bool included = !st.excluded.contains(d.id);
    const std::string label = name_of(d) + "##export.include." + d.id;
    if (wrapped_checkbox(label.c_str(), &included)) {
      if (included) st.excluded.erase(d.id);
      else st.excluded.insert(d.id);
    }
    std::string detail = award_of(s, d) + " · ";
    detail += d.status == Status::exported && d.last_export ? trf("export.sent_before", {to_display_vietnam(d.last_export->time)})
                                                            : tr(status_label(d.status));
    ImGui::Indent(indent);
    small_muted(detail.c_str());
    ImGui::Unindent(indent);
  }
  end_card();
}

// Dossiers that cannot go yet, each with its errors and a way to open it.
void not_ready_card(app::Session& s) {
  const Workspace& w = s.workspace();
  std::size_t waiting = 0;
  for (const Dossier& d : w.dossiers) waiting += !sendable(d);
  if (waiting == 0) return;
  std::unordered_map<std::string_view, int> errors;
  for (const Finding& f : s.findings())
    if (f.owner == Finding::Owner::dossier && f.severity == Severity::error) ++errors[f.owner_id];
  const Palette& p = palette();
  begin_card("##export.not_ready");
  noted(p.warning, trf("export.not_ready", static_cast<long long>(waiting)).c_str(), "export.not_ready");
  for (const Dossier& d : w.dossiers) {
    if (sendable(d)) continue;
    std::string line = name_of(d) + " — " + tr(status_label(d.status));
    const int e = errors.count(d.id) ? errors[d.id] : 0;
    line += " · " + (e > 0 ? trf("export.errors", e) : std::string(tr("export.no_errors")));
    wrapped(line.c_str());
    if (button(tr("export.open_dossier"), "export.open." + d.id, ButtonKind::subtle)) {
      s.nav.screen = app::Screen::dossier;
      s.nav.dossier_id = d.id;
      s.nav.open_section = e > 0 ? "" : "status";
    }
  }
  end_card();
}

void contact_card(app::Session& s) {
  if (!st.contact_started) {
    st.contact.name = s.workspace().settings.author;
    st.contact_started = true;
  }
  begin_card("##export.contact");
  subheading(tr("export.contact"));
  muted(tr("export.contact_help"));
  spacer(0.2f);
  struct Row {
    std::string_view path;
    const char* key;
    std::string* value;
    bool required;
  } rows[] = {{"contact.name", "export.contact_name", &st.contact.name, true},
              {"contact.phone", "export.contact_phone", &st.contact.phone, false},
              {"contact.email", "export.contact_email", &st.contact.email, false}};
  for (const Row& r : rows) {
    FieldSpec spec{r.path, tr(r.key), nullptr, r.required};
    if (auto v = input_field(spec, *r.value, {}); v && v->is_string()) *r.value = v->get<std::string>();
  }
  end_card();
}

void build(app::Session& s) {
  st.refusal.reset();
  const std::vector<std::string> ids = chosen_ids(s.workspace());
  auto built = s.export_package(ids, st.contact);
  if (!built) {
    st.refusal = built.error();
    s.toast(app::Toast::Kind::error, app::Message::error(built.error()), 20);
    return;
  }
  std::vector<std::string> names;
  for (const std::string& id : ids)
    if (const Dossier* d = s.workspace().dossier(id)) names.push_back(name_of(*d));
  st.made = Made{built->file_name, std::move(built->text), built->content_hash, std::move(names), built->revision};
  st.new_revision = false;
}

// The revision this export will be, what it holds, and the button that makes it.
void send_card(app::Session& s) {
  const Workspace& w = s.workspace();
  const Palette& p = palette();
  const ExportHistory& h = w.exports;
  const std::vector<std::string> ids = chosen_ids(w);
  begin_card("##export.send");
  subheading(tr("export.package"));
  const int revision = h.last_revision + 1;
  noted(ImGui::GetColorU32(ImGuiCol_Text), trf("export.revision", revision).c_str(), "export.revision");
  ImGui::PushFont(fonts.small);
  if (h.last_revision == 0) {
    muted(tr("export.first_revision"));
  } else {
    const std::string when = h.last_time ? to_display_vietnam(*h.last_time) : std::string("?");
    muted(trf("export.chains", {n(static_cast<std::size_t>(h.last_revision)), when, doc::short_hash(h.last_package_hash)}).c_str());
  }
  ImGui::PopFont();
  spacer(0.2f);
  // What goes in: the chosen dossiers, every minutes, each attachment once.
  std::set<std::string_view> blobs;
  int64_t bytes = 0;
  for (const std::string& id : ids)
    for (const Attachment& a : w.dossier(id)->attachments)
      if (blobs.insert(a.sha256).second) bytes += a.size;
  wrapped(trf("export.contents", {n(ids.size()), n(w.minutes.size()), n(blobs.size()), tr(format_size(bytes))}).c_str());
  if (w.minutes.empty()) colored_wrapped(p.warning, tr("export.no_minutes"));
  small_muted(trf("export.to", {tr(s.campaign().receiving_office)}).c_str());
  spacer(0.3f);

  // Why the button waits, if it does; the builder checks again.
  const bool no_unit = text::trim(w.settings.unit_id).empty() || text::trim(w.settings.unit_name).empty();
  const char* blocked = s.read_only() ? "export.blocked_read_only"
                        : no_unit     ? "export.blocked_unit"
                        : ids.empty() ? "export.blocked_no_dossier"
                        : text::trim(st.contact.name).empty() ? "export.blocked_contact"
                                                              : nullptr;
  const bool busy = st.step != ExportState::Step::idle;
  ImGui::BeginDisabled(blocked != nullptr || busy);
  if (full_width_button(tr(busy ? "export.building" : "export.build"), "export.build")) {
    st.step = ExportState::Step::asked;  // the next frame says so; the one after builds
    s.platform().request_frame();
  }
  ImGui::EndDisabled();
  if (blocked) {
    noted(p.warning, tr(blocked), "export.blocked");
    if (no_unit && !s.read_only() && button(tr("export.open_settings"), "export.open_settings")) s.nav.screen = app::Screen::settings;
  }
  if (st.refusal) noted(p.error, trf("export.refused", {st.refusal->describe(language())}).c_str(), "export.refusal");
  end_card();
}

// The package just made: its name and check code, where it went, and sharing it from a phone.
void made_card(app::Session& s) {
  if (!st.made) return;
  const Palette& p = palette();
  Made& m = *st.made;
  if (m.reveal) {
    ImGui::SetScrollHereY(0.2f);
    m.reveal = false;
  }
  begin_card("##export.made");
  noted(p.success, trf("export.done", {n(static_cast<std::size_t>(m.revision))}).c_str(), "export.done");
  wrapped(trf("export.done_holds", {n(m.names.size()), n(s.workspace().minutes.size())}).c_str());
  for (std::size_t i = 0; i < m.names.size(); ++i) noted(ImGui::GetColorU32(ImGuiCol_Text), ("• " + m.names[i]).c_str(), "export.sent." + n(i + 1));
  spacer(0.2f);
  subheading(tr("export.next_title"));
  noted(ImGui::GetColorU32(ImGuiCol_Text), trf("export.next_steps", {m.file_name, tr(s.campaign().receiving_office)}).c_str(), "export.next");
  small_muted(trf("export.check_code", {doc::short_hash(m.content_hash)}).c_str());
  spacer(0.3f);
  if (s.platform().can_share_files()) {
    if (button(tr("export.share"), "export.share", ButtonKind::primary)) s.platform().share(m.file_name, "application/json", m.text);
    ImGui::SameLine();
  }
  if (button(tr("export.download_again"), "export.download_again")) s.platform().download(m.file_name, "application/json", m.text);
  spacer(0.3f);
  package_print_buttons(s, m.file_name, m.text);
  end_card();
}

// Everything sendable has gone (just now, or in an earlier session): another revision is only for a
// change or the office's request, and it starts with nothing ticked but what changed since.
bool all_sent(const app::Session& s) {
  const Workspace& w = s.workspace();
  if (w.exports.last_revision == 0 && !st.made) return false;
  for (const Dossier& d : w.dossiers)
    if (d.status == Status::ready) return false;
  return true;
}

void new_revision_card(app::Session& s) {
  const Workspace& w = s.workspace();
  begin_card("##export.again");
  if (!st.made) {
    const std::string when = w.exports.last_time ? to_display_vietnam(*w.exports.last_time) : std::string("?");
    noted(palette().success, trf("export.sent_already", {n(static_cast<std::size_t>(w.exports.last_revision)), when}).c_str(),
          "export.sent_already");
  }
  subheading(tr("export.again_title"));
  small_muted(tr("export.again_help"));
  ImGui::BeginDisabled(s.read_only());
  if (button(trf("export.again", w.exports.last_revision + 1).c_str(), "export.again")) {
    st.new_revision = true;
    st.made.reset();
    st.excluded.clear();
    for (const Dossier& d : w.dossiers)
      if (d.status == Status::exported) st.excluded.insert(d.id);  // sent already: ticked only on purpose
  }
  ImGui::EndDisabled();
  end_card();
}

void import_card(app::Session& s) {
  begin_card("##export.import");
  subheading(tr("export.import_title"));
  small_muted(tr("export.import_help"));
  if (button(tr("export.import"), "export.to_import")) s.nav.screen = app::Screen::package_import;
  end_card();
}

// A return note from the secretariat (a dossier sent back with its reason): picked here, or dropped
// anywhere; it opens the dossier at its status.
void return_note_card(app::Session& s) {
  begin_card("##export.return_note");
  small_muted(tr("return_note.help"));
  if (button(tr("return_note.choose"), "return_note.choose", ButtonKind::subtle)) app::choose_return_note_file(s);
  end_card();
}

}  // namespace

void export_screen(app::Session& s) {
  // A build takes a moment with many attachments: one frame shows "building", the next builds.
  if (st.step == ExportState::Step::building) {
    build(s);
    st.step = ExportState::Step::idle;
  } else if (st.step == ExportState::Step::asked) {
    st.step = ExportState::Step::building;
    s.platform().request_frame();
  }
  heading(tr("nav.export"));
  if (all_sent(s) && !st.new_revision) {
    // Sent: what went, what to do next, and a new revision only as a deliberate step.
    made_card(s);
    new_revision_card(s);
    import_card(s);
    return_note_card(s);
    return;
  }
  muted(trf("export.intro", {tr(s.campaign().receiving_office)}).c_str());
  if (st.new_revision) {
    spacer(0.2f);
    noted(palette().warning, tr("export.again_replaces"), "export.again_replaces");
  }
  spacer(0.3f);
  if (ImGui::GetContentRegionAvail().x > em() * 44 && ImGui::BeginTable("##export", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    dossiers_card(s);
    not_ready_card(s);
    ImGui::TableNextColumn();
    contact_card(s);
    send_card(s);
    made_card(s);
    import_card(s);
    return_note_card(s);
    ImGui::EndTable();
  } else {
    dossiers_card(s);
    not_ready_card(s);
    contact_card(s);
    send_card(s);
    made_card(s);
    import_card(s);
    return_note_card(s);
  }
}

}  // namespace hoso::ui
