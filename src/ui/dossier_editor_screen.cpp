// One dossier, in the order a person fills it: nominee, award form, criteria, summary, the Form 08
// report from its template, attachments, declared flags, status. The findings panel on top lists
// what is missing; choosing one opens its section, scrolls to the field and focuses it.
#include <algorithm>
#include <array>
#include <cfloat>
#include <cstdio>

#include "app/session.hpp"
#include "core/edit.hpp"
#include "core/paths.hpp"
#include "imgui.h"
#include "ui/dossier_fields.hpp"
#include "ui/print_actions.hpp"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {

namespace sem = semantics;

void attachments_section(app::Session& s, const Dossier& d, const FindingIndex& idx);  // attachments_panel.cpp

namespace {

// The editor's sections, in order: each a row (its id for findings and tests, its title, what
// draws it). Adding a section is adding a row.
void nominee_section(app::Session& s, const Dossier& d, const FindingIndex& idx);
void award_section(app::Session& s, const Dossier& d, const FindingIndex& idx);
void criteria_section(app::Session& s, const Dossier& d, const FindingIndex& idx);
void summary_section(app::Session& s, const Dossier& d, const FindingIndex& idx);
void report_section(app::Session& s, const Dossier& d, const FindingIndex& idx);
void flags_section(app::Session& s, const Dossier& d, const FindingIndex& idx);
void status_section(app::Session& s, const Dossier& d, const FindingIndex& idx);
struct EditorSection {
  const char* id;
  const char* title;  // catalogue key; the first section's depends on the nominee's kind
  void (*draw)(app::Session&, const Dossier&, const FindingIndex&);
};
constexpr EditorSection kEditorSections[] = {
    {"nominee", "section.nominee.individual", nominee_section},
    {"award", "section.award", award_section},
    {"criteria", "section.criteria", criteria_section},
    {"summary", "section.summary", summary_section},
    {"report", "section.report", report_section},
    {"attachments", "section.attachments", attachments_section},
    {"flags", "section.flags", flags_section},
    {"status", "section.status", status_section},
};
constexpr auto kSections = [] {
  std::array<const char*, std::size(kEditorSections)> ids{};
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = kEditorSections[i].id;
  return ids;
}();
// The first section names who it is about: "Cá nhân được đề nghị" or "Tập thể được đề nghị".
const char* section_title(size_t i, NomineeKind kind) {
  if (i == 0 && kind == NomineeKind::collective) return "section.nominee.collective";
  return kEditorSections[i].title;
}

// A section chosen in "Đến mục…": opened, and scrolled to the top when its header is drawn.
std::string jump_to_section;
// "Xem phần Còn thiếu" was pressed at the foot of the form: the findings open at the top.
bool show_findings = false;

// A section header that opens itself when a finding points into it.
bool section(app::Session& s, const char* id, const char* title, const FindingTally& tally) {
  if (s.nav.open_section == id) {
    ImGui::SetNextItemOpen(true);
    s.nav.open_section.clear();
  }
  const bool jumped = jump_to_section == id;
  if (jumped) ImGui::SetNextItemOpen(true);
  const std::string counts = tally.text();
  ImGui::PushFont(is_phone() ? fonts.bold : fonts.heading);  // a phone's width holds the titles in bold
  // The counts go beside the title when they fit, else on a line of their own below it (a phone):
  // a header never runs past the screen's edge.
  std::string label = title;
  bool counts_below = false;
  if (!counts.empty()) {
    const std::string beside = label + "  (" + counts + ")";
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 4;
    if (ImGui::CalcTextSize(beside.c_str()).x <= room) label = beside;
    else counts_below = true;
  }
  label += "###section.";
  label += id;
  bool open = ImGui::CollapsingHeader(label.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
  ImGui::PopFont();
  if (jumped) {
    scroll_last_item_to_top();
    jump_to_section.clear();
  }
  if (counts_below) noted(tally.color(), counts.c_str(), std::string("section.") + id + ".counts");
  return open;
}

void mark_ready(app::Session& s, const Dossier& d) {
  if (auto r = s.change_status(d, Status::ready)) s.toast(app::Toast::Kind::success, app::Message("status.now_ready"));
  else s.toast(app::Toast::Kind::error, app::Message::error(r.error()));
}

void findings_panel(app::Session& s, const Dossier& d, std::span<const Finding* const> mine) {
  const Palette& p = palette();
  FindingTally tally;
  for (const Finding* f : mine) tally.add(*f);
  // Nothing blocks "ready" (warnings may remain): the next step is here, not ten phone screens
  // below in the status section.
  const bool can_ready = d.status == Status::draft &&
                         std::none_of(mine.begin(), mine.end(), [](const Finding* f) { return f->severity == Severity::error; });
  auto ready_button = [&] {
    if (can_ready && button(tr("status.mark_ready"), "findings.mark_ready", ButtonKind::primary)) mark_ready(s, d);
  };
  if (mine.empty()) {
    badge(tr("findings.none"), p.success, p.success_bg, "findings.none");
    ready_button();
    return;
  }
  // As the section headers: the tally beside the title when it fits, else on its own line below
  // (a phone), so the header never runs past the screen's edge.
  std::string title = trf("findings.title_tally", {tally.text()});
  const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 4;
  const bool tally_below = ImGui::CalcTextSize(title.c_str()).x > room;
  if (tally_below) title = tr("dashboard.missing");
  title += "###findings.panel";
  ImGui::PushStyleColor(ImGuiCol_Header, tally.errors ? p.error_bg : p.warning_bg);
  ImGui::PushStyleColor(ImGuiCol_Text, tally.color());
  // Open at first on a laptop when short; otherwise a tap shows the list.
  const bool short_list = mine.size() <= 6;
  if (show_findings) ImGui::SetNextItemOpen(true);
  bool open = ImGui::CollapsingHeader(title.c_str(), !is_phone() && short_list ? ImGuiTreeNodeFlags_DefaultOpen : 0);
  ImGui::PopStyleColor(2);
  if (open) check_all_fields(d.id);  // the clerk asked what is missing: each field says it too
  if (show_findings) {
    scroll_last_item_to_top();
    show_findings = false;
  }
  if (tally_below) noted(tally.color(), tally.text().c_str(), "findings.panel.counts");
  ready_button();
  if (!open) return;
  for (size_t i = 0; i < mine.size(); ++i) {
    const Finding* f = mine[i];
    if (finding_row(*f, i, f->severity == Severity::error && !still_to_fill(*f) ? p.error : p.warning)) {
      std::string_view sec = path_section(f->path);
      if (sec == "minutes") {
        s.nav.screen = app::Screen::minutes;
      } else {
        s.nav.dossier_id = d.id;
      }
      s.nav.open_section = std::string(sec);
      s.nav.focus_path = f->path;
      s.nav.focus_frames = 6;  // a field out of sight takes a frame or two to scroll into view
    }
  }
}

FindingTally count_in(std::span<const Finding* const> mine, std::string_view sec) {
  FindingTally t;
  for (const Finding* f : mine)
    if (path_section(f->path) == sec) t.add(*f);
  return t;
}

// The editor is about ten phone screens long: a list of its sections, each with what is left in
// it, goes straight to one.
void section_jump(std::span<const Finding* const> mine, NomineeKind kind) {
  const int chosen = ui::section_jump("editor.jump", kSections, [&](std::size_t i) {
    const FindingTally tally = count_in(mine, kSections[i]);
    std::string item = tr(section_title(i, kind));
    if (tally.empty()) return item;
    // Beside the title when it fits, else on a line of its own: never cut at the edge.
    const std::string beside = item + "  (" + tally.text() + ")";
    return ImGui::CalcTextSize(beside.c_str()).x <= ImGui::GetContentRegionAvail().x - em() ? beside
                                                                                           : item + "\n(" + tally.text() + ")";
  });
  if (chosen >= 0) jump_to_section = kSections[chosen];
}

// A dossier sent to the secretariat says so, and is reopened for editing only on purpose: the
// person is told that it then goes back to draft and has to be sent again.
void sent_notice(app::Session& s, const Dossier& d, const std::string& name) {
  const Palette& p = palette();
  const std::string when = d.last_export ? to_display_vietnam(d.last_export->time) : std::string("—");
  noted(p.warning, trf("dossier.sent_notice", {when}).c_str(), "dossier.sent_notice");
  if (button(tr("dossier.reopen"), "dossier.reopen")) ImGui::OpenPopup("##confirm_reopen");
  if (ImGui::BeginPopupModal("##confirm_reopen", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ImGui::PushTextWrapPos(std::min(em() * 20, ImGui::GetIO().DisplaySize.x - em() * 3));
    ImGui::TextUnformatted(trf("dossier.reopen_confirm", {name_or_unnamed(name)}).c_str());
    ImGui::PopTextWrapPos();
    if (button(tr("dossier.reopen_yes"), "confirm.reopen", ButtonKind::primary)) {
      if (auto r = s.change_status(d, Status::draft)) s.toast(app::Toast::Kind::info, app::Message("dossier.reopened"));
      else s.toast(app::Toast::Kind::error, app::Message::error(r.error()));
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button(tr("action.cancel"), "confirm.cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  spacer(0.3f);
}

void nominee_section(app::Session& s, const Dossier& d, const FindingIndex& idx) {
  NomineeKind kind = d.nominee.kind;
  small_muted(tr("nominee.kind.label"));
  if (kind_toggle(kind, "nominee.kind")) {
    auto r = s.set_kind(d, kind);
    app::report(s, r);
  }
  if (const NomineeKindSpec* spec = s.campaign().kind_spec(d.nominee.kind)) {
    small_muted(tr(spec->description).c_str());
  }
  spacer(0.3f);
  for (const IdentityField* f : identity_fields(d.nominee.kind)) identity_field(s, d, *f, idx);
}

void award_section(app::Session& s, const Dossier& d, const FindingIndex& idx) {
  std::vector<Option> options;
  std::vector<const AwardForm*> not_open;
  for (const AwardForm& f : s.campaign().award_forms) {
    if (!f.accepts(d.nominee.kind)) continue;
    // Criteria still placeholders: nobody can be proposed for it until the campaign is corrected
    // (a dossier that chose it earlier keeps its choice, and is told).
    if (has_placeholder_criteria(f)) not_open.push_back(&f);
    if (!has_placeholder_criteria(f) || f.id == d.award_form) options.push_back({f.id, tr(f.name)});
  }
  FieldSpec spec{kAwardFormPath, tr("award.label"), tr("award.help"), true};
  focus_if_target(s, spec.path);
  if (auto v = choice_field(spec, d.award_form, options, idx)) apply_edit(s, d, kAwardFormPath, *v);
  for (const AwardForm* f : not_open) {
    small_muted(trf("award.not_open", {tr(f->name)}).c_str());
  }
  if (const AwardForm* form = s.campaign().award_form(d.award_form))
    if (const AwardRule* rule = form->rule_for(d.nominee.kind); rule && rule->quota) {
      small_muted(trf("award.quota", static_cast<long long>(*rule->quota)).c_str());
    }
}

void criteria_section(app::Session& s, const Dossier& d, const FindingIndex& idx) {
  const AwardForm* form = s.campaign().award_form(d.award_form);
  const AwardRule* rule = form ? form->rule_for(d.nominee.kind) : nullptr;
  if (!rule) {
    muted(tr("criteria.choose_award_first"));
    return;
  }
  if (has_placeholder_criteria(*form)) {  // nothing real to tick yet
    colored_wrapped(palette().warning, trf("award.not_open", {tr(form->name)}).c_str());
    return;
  }
  if (!tr(rule->preamble).empty()) {
    small_muted(tr(rule->preamble).c_str());
  }
  int number = 0;
  for (const Criterion& c : rule->criteria) {
    ++number;
    ImGui::PushID(c.id.c_str());
    begin_card("##criterion");
    subheading(trf("criteria.number", number).c_str());
    wrapped(tr(c.text).c_str());
    spacer(0.2f);
    const std::string met_path = criterion_met_path(c.id), ev_path = criterion_evidence_path(c.id);
    auto it = d.criteria.find(c.id);
    bool met = it != d.criteria.end() && it->second.met;
    FieldSpec met_spec{met_path, tr("criteria.met")};
    focus_if_target(s, met_path);
    if (auto v = checkbox_field(met_spec, met, idx)) apply_edit(s, d, met_path, *v);
    FieldSpec ev{ev_path, tr("criteria.evidence"), tr("criteria.evidence_help"), true, 0, InputKind::multiline, 3};
    focus_if_target(s, ev_path);
    if (auto v = input_field(ev, get_field(d, ev_path), idx)) apply_edit(s, d, ev_path, *v);
    end_card();
    ImGui::PopID();
  }
}

void summary_section(app::Session& s, const Dossier& d, const FindingIndex& idx) {
  FieldSpec spec{kSummaryPath, tr("summary.label"), tr("summary.help"), true, summary_limit(s, d), InputKind::multiline, 8};
  focus_if_target(s, spec.path);
  if (auto v = input_field(spec, get_field(d, spec.path), idx)) apply_edit(s, d, spec.path, *v);
}

void report_section(app::Session& s, const Dossier& d, const FindingIndex& idx) {
  const ReportTemplate* t = s.library().find_template(d.report_template.id);
  if (!t) {
    colored_wrapped(palette().error, tr("report.no_template"));
    return;
  }
  ImGui::PushFont(fonts.small);
  muted(tr(t->title).c_str());
  if (t->unverified) colored_wrapped(palette().warning, tr("report.unverified"));
  ImGui::PopFont();
  for (const Section& sec : t->sections) {
    std::string title = (sec.number.empty() ? "" : sec.number + ". ") + tr(sec.title);
    spacer(0.3f);
    subheading(title.c_str());
    if (!tr(sec.help).empty()) {
      small_muted(tr(sec.help).c_str());
    }
    for (const Field& f : sec.fields) template_field(s, d, *t, f, idx);
  }
}

void flags_section(app::Session& s, const Dossier& d, const FindingIndex& idx) {
  muted(tr("flags.help"));
  struct Flag {
    const char* path;
    const char* key;
    bool value;
  } flags[] = {{"flags.under_discipline", "flags.under_discipline", d.flags.under_discipline},
               {"flags.under_inspection", "flags.under_inspection", d.flags.under_inspection},
               {"flags.under_investigation", "flags.under_investigation", d.flags.under_investigation},
               // A declaration, ticked when made (Decree 98/152 Art. 4): unticked is "not declared yet".
               {"flags.no_complaint_under_verification", "flags.no_complaint_under_verification",
                d.flags.no_complaint_under_verification}};
  for (const Flag& f : flags) {
    FieldSpec spec{f.path, tr(f.key)};
    focus_if_target(s, f.path);
    if (auto v = checkbox_field(spec, f.value, idx)) apply_edit(s, d, f.path, *v);
  }
}

void status_section(app::Session& s, const Dossier& d, const FindingIndex&) {
  const Palette& p = palette();
  wrapped(trf("status.current", {tr(status_label(d.status))}).c_str());
  if (d.last_export) {
    small_muted(trf("status.last_export", {to_display_vietnam(d.last_export->time), d.last_export->package_hash.substr(0, 12)}).c_str());
  } else {
    small_muted(tr("status.never_exported"));
  }
  const auto& all = s.findings(true);
  if (d.status == Status::draft) {
    // What blocks "ready" (its errors, as ready_blockers counts them), in the findings' words.
    FindingTally left;
    for (const Finding* f : findings_for(all, d.id))
      if (f->severity == Severity::error) left.add(*f);
    if (!left.empty()) {
      colored_wrapped(left.color(), trf("status.cannot_ready", {left.text()}).c_str());
      // Ten phone screens below the list of what is missing: a link back up to it.
      if (button(tr("status.show_missing"), "status.show_missing", ButtonKind::subtle)) show_findings = true;
      sem::describe_last_item(sem::Role::link);
      ImGui::BeginDisabled();
      button(tr("status.mark_ready"), "status.mark_ready", ButtonKind::primary);
      ImGui::EndDisabled();
    } else if (button(tr("status.mark_ready"), "status.mark_ready", ButtonKind::primary)) {
      mark_ready(s, d);
    }
  } else if (d.status == Status::ready) {
    if (button(tr("status.back_to_draft"), "status.back_to_draft")) {
      app::report(s, s.change_status(d, Status::draft));
    }
  }
  if (!d.return_reason.empty()) colored_wrapped(p.warning, trf("status.returned", {d.return_reason}).c_str());
}

}  // namespace

namespace {
bool editor_alone = false;  // drawn by itself (a phone, a narrow window or large text), not beside the list
}  // namespace

void dossier_editor(app::Session& s, const Dossier& d) {
  const Palette& p = palette();
  // Another dossier, or the editor opened again: start at the top (unless a finding is being
  // jumped to), not where the list or the last dossier was scrolled.
  static std::string shown_id;
  static int shown_frame = -2;
  if ((shown_id != d.id || shown_frame < ImGui::GetFrameCount() - 1) && s.nav.focus_path.empty()) scroll_to_top();
  shown_id = d.id;
  shown_frame = ImGui::GetFrameCount();
  if (editor_alone && button(tr("action.back"), "editor.back", ButtonKind::subtle)) {
    s.nav.screen = app::Screen::dossiers;
    return;
  }
  // Header: who, status, actions.
  const std::string& name = display_name(d.nominee);
  ImGui::PushFont(fonts.title);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(name_or_unnamed(name).c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  badge(tr(status_label(d.status)).c_str(), d.status == Status::ready ? p.success : p.primary,
        d.status == Status::ready ? p.success_bg : p.accent_bg);
  ImGui::SameLine();
  if (button(tr("action.duplicate"), "editor.duplicate", ButtonKind::subtle)) {
    if (auto copy = s.duplicate(d)) {
      s.nav.dossier_id = *copy;
      s.toast(app::Toast::Kind::success, app::Message("list.duplicated"));
    }
    return;
  }
  // Delete looks like what it does, and stands well apart from "Nhân bản" (no slip of a finger).
  ImGui::SameLine(0, em() * 2.5f);
  if (button(tr("action.delete"), "editor.delete", ButtonKind::destructive)) ImGui::OpenPopup("##confirm_delete");
  if (ImGui::BeginPopupModal("##confirm_delete", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    // Wrapped at 20 em: wrapped() would wrap at the auto-sized popup's own (narrow) width.
    ImGui::PushTextWrapPos(em() * 20);
    ImGui::TextUnformatted(trf("list.confirm_delete", {name_or_unnamed(name)}).c_str());
    ImGui::PopTextWrapPos();
    if (button(tr("action.delete"), "confirm.delete", ButtonKind::danger)) {
      std::string id = d.id;
      ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
      if (s.delete_dossier(id)) s.toast(app::Toast::Kind::info, app::Message("list.deleted"), 10);
      return;
    }
    ImGui::SameLine();
    if (button(tr("action.cancel"), "confirm.cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  // On a phone the documents are printed at the end, once filled: at the top their four buttons
  // pushed the first field off the first screen.
  const bool print_at_end = is_phone();
  spacer(0.3f);
  if (!print_at_end) {
    dossier_print_buttons(s, d);
    spacer(0.3f);
  }
  const bool sent = d.status == Status::exported;
  if (sent) sent_notice(s, d, name);

  const auto mine = findings_for(s.findings(), d.id);
  findings_panel(s, d, mine);
  spacer(0.3f);
  section_jump(mine, d.nominee.kind);
  spacer(0.4f);
  const FindingIndex idx(findings_at_fields(d.id, mine));
  // As it was sent: shown, printable, not editable until reopened (the session refuses too). At
  // full contrast: it is there to be read.
  if (sent) {
    ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
    ImGui::BeginDisabled();
  }
  for (size_t i = 0; i < std::size(kSections); ++i) {
    const FindingTally tally = count_in(mine, kSections[i]);
    ImGui::PushID(kSections[i]);
    if (section(s, kSections[i], tr(section_title(i, d.nominee.kind)), tally)) {
      ImGui::Indent(em() * 0.25f);
      kEditorSections[i].draw(s, d, idx);
      ImGui::Unindent(em() * 0.25f);
      spacer(0.4f);
    }
    ImGui::PopID();
  }
  if (sent) {
    ImGui::EndDisabled();
    ImGui::PopStyleVar();
  }
  if (print_at_end) {
    spacer(0.4f);
    dossier_print_buttons(s, d);
  }
  spacer(0.6f);
  if (button(tr("editor.top"), "editor.top", ButtonKind::subtle)) scroll_to_top();
  spacer(2.0f);  // the last button can scroll clear of the window's edge (and of a toast)
  // A finding was chosen but its field was not drawn (a collapsed row, a kind change): give up
  // after a few frames rather than stealing focus later.
  if (!s.nav.focus_path.empty() && --s.nav.focus_frames <= 0) s.nav.focus_path.clear();
  else if (!s.nav.focus_path.empty() || fields_moving()) s.platform().request_frame();
}

void dossier_editor_screen(app::Session& s) {
  const Dossier* d = s.dossier(s.nav.dossier_id);
  if (!d) {
    s.nav.screen = app::Screen::dossiers;
    dossier_list_screen(s);
    return;
  }
  if (editor_beside_list()) {
    dossier_list_screen(s);  // the list shows the editor beside it
    return;
  }
  // Too narrow for both (a phone, or a laptop with larger text): the editor alone, with "back".
  editor_alone = true;
  dossier_editor(s, *d);
  editor_alone = false;
}

}  // namespace hoso::ui
