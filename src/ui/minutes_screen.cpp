// The unit's review minutes (biên bản họp xét khen thưởng): the meeting, who attended and who was
// absent (with reasons), the agenda, the votes on each of this unit's nominees with the share of
// ALL members computed live against the threshold, and the conclusion. Fields come from the
// minutes template; paths are "minutes.<field>", "minutes.absent[i].name" and
// "minutes.votes.<dossier id>.for", so a finding lands on its widget. On a laptop the votes are a
// table; on a phone each nominee is a card.
#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "app/session.hpp"
#include "core/dossier_views.hpp"
#include "core/edit.hpp"
#include "core/paths.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/dossier_fields.hpp"
#include "ui/print_actions.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

// The minutes being shown. Viewing creates nothing: until the first edit the screen shows an empty
// minutes, and the first edit creates the unit's record.
struct MinutesView {
  app::Session& s;
  const Minutes* real = nullptr;
  // Before the first change there are no minutes yet: what is shown is what the first change
  // creates (the unit's name already in it).
  const Minutes& shown() const {
    if (real) return *real;
    static Minutes blank;
    const Settings& settings = s.workspace().settings;
    blank = new_minutes("", settings.unit_id, settings.unit_name, 0);
    return blank;
  }
  void set(std::string_view path, const nlohmann::json& value) {
    auto r = s.set_minutes(path, value);
    real = s.unit_minutes();  // the first change creates them
    app::report(s, r);
  }
};

const ReportTemplate* minutes_template(app::Session& s) {
  const Library& lib = s.library();
  const ReportTemplate* t = lib.template_for(s.campaign(), DocumentKind::minutes, NomineeKind::individual);
  return t ? t : lib.template_for(s.campaign(), DocumentKind::minutes, NomineeKind::collective);
}

const Field* column(const Field& rows, std::string_view id) {
  for (const Field& c : rows.columns)
    if (c.id == id) return &c;
  return nullptr;
}

std::string column_label(const Field& rows, std::string_view id) {
  const Field* c = column(rows, id);
  return c ? tr(c->label) : std::string(id);
}


std::string dossier_title(const Dossier& d) {
  const std::string& name = display_name(d.nominee);
  return name_or_unnamed(name);
}

// Everything that points into the minutes: the minutes' own findings and the dossiers' (a missing
// vote, a vote short of the threshold), which carry minutes paths.
std::vector<const Finding*> minutes_findings(app::Session& s) {
  std::vector<const Finding*> out;
  for (const Finding& f : s.findings())
    if (path_section(f.path) == "minutes") out.push_back(&f);
  return out;
}

// The unit's one minutes, as a scope of visited fields (widgets.hpp: findings_at_fields).
constexpr std::string_view kMinutesScope = "minutes";

void findings_panel(app::Session& s, std::span<const Finding* const> mine) {
  const Palette& p = palette();
  if (mine.empty()) {
    badge(tr("findings.none"), p.success, p.success_bg, "minutes.findings.none");
    return;
  }
  // As the dossier's list: what is only still to fill reads "mục chưa điền" in amber, not "lỗi".
  FindingTally tally;
  for (const Finding* f : mine) tally.add(*f);
  std::string title = trf("findings.title_tally", {tally.text()}) + "###minutes.findings";
  ImGui::PushStyleColor(ImGuiCol_Header, tally.errors ? p.error_bg : p.warning_bg);
  ImGui::PushStyleColor(ImGuiCol_Text, tally.color());
  // Folded at first: the form below would jump each time a line went away as it is filled in.
  // Each field shows its own findings beside it; the list is a tap away.
  bool open = ImGui::CollapsingHeader(title.c_str());
  ImGui::PopStyleColor(2);
  if (!open) return;
  check_all_fields(kMinutesScope);  // the clerk asked what is missing: each field says it too
  for (size_t i = 0; i < mine.size(); ++i) {
    const Finding* f = mine[i];
    std::string text = tr(f->message);
    // A dossier's finding says "this dossier": name it here.
    if (f->owner == Finding::Owner::dossier)
      if (const Dossier* d = s.workspace().dossier(f->owner_id)) text = dossier_title(*d) + ": " + text;
    std::string label = (f->severity == Severity::error ? "• " : "– ") + text + "##finding." + f->path + "." + std::to_string(i);
    ImGui::PushStyleColor(ImGuiCol_Text, f->severity == Severity::error ? p.error : p.warning);
    ImGui::PushTextWrapPos(0.0f);
    if (ImGui::Selectable(label.c_str())) {
      s.nav.focus_path = f->path;
      s.nav.focus_frames = 6;
    }
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
}

// Members total and present are whole numbers the model keeps as 0 until typed: show them empty.
nlohmann::json shown_value(const Minutes& m, const Field& f, const std::string& path) {
  nlohmann::json v = get_field(m, path);
  if ((f.id == "members_total" || f.id == "members_present") && v.is_number_integer() && v.get<int>() == 0) return nullptr;
  return v;
}

// A card out of sight is skipped whole: its tables are not even begun, so a field in one would
// never see its focus request. When the chosen finding's path starts with `prefix`, scroll to the
// card now; the field takes focus once it is drawn.
void scroll_toward(app::Session& s, std::string_view prefix) {
  const std::string& target = s.nav.focus_path;
  if (!ImGui::GetCurrentWindow()->SkipItems || target.size() < prefix.size() || target.compare(0, prefix.size(), prefix) != 0)
    return;
  if (target.size() == prefix.size() || target[prefix.size()] == '.' || target[prefix.size()] == '[')
    focus_if_target(s, target);
}

bool is_short(const Field& f) {
  return f.type == FieldType::date || f.type == FieldType::time || f.type == FieldType::number;
}

void plain_field(MinutesView& mv, const Field& f, const FindingIndex& idx) {
  const std::string path = minutes_path(f.id);
  if (auto v = typed_field(mv.s, f, path, shown_value(mv.shown(), f, path), idx)) mv.set(path, *v);
}

// Two short fields side by side: labels (and help) in one row, inputs in the next, so the inputs
// line up whatever help either has.
void field_pair(MinutesView& mv, const Field& a, const Field& b, const FindingIndex& idx) {
  if (!ImGui::BeginTable("##pair", 2, ImGuiTableFlags_SizingStretchSame)) return;
  for (const Field* f : {&a, &b}) {
    ImGui::TableNextColumn();
    const std::string label = tr(f->label), help = tr(f->help);
    field_label(FieldSpec{minutes_path(f->id), label.c_str(), help.empty() ? nullptr : help.c_str(), f->required});
  }
  for (const Field* f : {&a, &b}) {
    ImGui::TableNextColumn();
    Field bare = *f;
    bare.label = {};
    bare.help = {};
    plain_field(mv, bare, idx);
  }
  ImGui::EndTable();
}

// The quorum reached, said in green. Short of it is the present field's finding (said once,
// there); nothing is said before the members present are typed.
void absent_rows(MinutesView& mv, const Field& f, const FindingIndex& idx) {
  app::Session& s = mv.s;
  const std::string path = minutes_path(f.id);  // "minutes.absent"
  const std::string label = tr(f.label), help = tr(f.help);
  FieldSpec head{path, label.c_str(), help.empty() ? nullptr : help.c_str(), f.required};
  field_label(head);
  const AbsentEdit edit = absent_members(s, f, path, mv.shown().absent, idx, tr("minutes.absent_add"));
  switch (edit.kind) {
    case AbsentEdit::Kind::none: break;
    case AbsentEdit::Kind::set: mv.set(edit.cell, edit.value); break;
    case AbsentEdit::Kind::remove:
      app::report(s, s.remove_minutes_row(path, edit.row));
      mv.real = s.unit_minutes();
      break;
    case AbsentEdit::Kind::add: {
      auto r = s.add_minutes_row(path);
      mv.real = s.unit_minutes();
      // On a laptop, straight into the new row's name. A phone opens its keyboard only for a tap
      // on the field itself, so there the person taps it.
      if (app::report(s, r) && !is_phone()) {
        s.nav.focus_path = cell_path(path, *r, "name");
        s.nav.focus_frames = 6;
      }
      break;
    }
  }
}

// ---- votes ------------------------------------------------------------------------------------

struct VoteRow {
  const Dossier* d;
  const Vote* v;  // nullptr: no vote recorded yet
};

std::vector<Option> award_options(app::Session& s, const Dossier& d) {
  std::vector<Option> out;
  for (const AwardForm& f : s.campaign().award_forms)
    if (f.accepts(d.nominee.kind) || f.id == d.award_form) out.push_back({f.id, tr(f.name)});
  return out;
}

// Votes typed for a dossier whose vote names no award form yet: the form is the one the dossier
// seeks (what the meeting voted on), recorded at once so the minutes are complete.
void set_count(MinutesView& mv, const Dossier& d, std::string_view member, const nlohmann::json& value) {
  mv.set(vote_path(d.id, member), value);
  if (!mv.real) return;
  const Vote* v = mv.real->vote_for(d.id);
  if (v && v->award_form.empty() && !d.award_form.empty()) mv.set(vote_path(d.id, "award_form"), d.award_form);
}

// The vote's two counts (the same inputs as the council's ballots); typing one records the vote.
void counts(MinutesView& mv, const Field& votes, const VoteRow& r, const FindingIndex& idx, bool in_table, bool first) {
  const Minutes& m = mv.shown();
  const Dossier& d = *r.d;
  const std::string base = "minutes.votes." + d.id;
  const BallotEdit edit = ballot_inputs(mv.s, base, column_label(votes, "for"), column_label(votes, "against"),
                                        r.v ? get_field(m, base + ".for") : nlohmann::json(),
                                        r.v ? get_field(m, base + ".against") : nlohmann::json(), idx, in_table, false,
                                        first ? "minutes.votes" : "");
  if (edit.member) set_count(mv, d, edit.member, edit.value);
}

// "Passes" / "Short", centred on the line of the inputs beside it (a badge is shorter than a frame).
void result_badge(bool pass, const std::string& id) {
  const Palette& p = palette();
  ImGui::PushFont(fonts.small);
  const float badge_h = ImGui::GetTextLineHeight() + em() * 0.3f;
  ImGui::PopFont();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, (ImGui::GetFrameHeight() - badge_h) * 0.5f));
  badge(pass ? tr("minutes.pass") : tr("minutes.fail"), pass ? p.success : p.error, pass ? p.success_bg : p.error_bg, id);
}

void share_and_result(app::Session& s, const Minutes& m, const VoteRow& r, bool inline_layout) {
  if (!r.v || m.members_total <= 0) {
    small_muted(m.members_total <= 0 ? tr("minutes.share_needs_total") : "—");
    return;
  }
  const std::string share = share_text(r.v->votes_for, m.members_total);
  const bool pass = meets_threshold(r.v->votes_for, m, vote_threshold(s.workspace().settings, s.campaign()));
  if (inline_layout) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted((std::string(tr("minutes.share")) + ": " + share).c_str());
    ImGui::SameLine();
  } else {
    ImGui::TextUnformatted(share.c_str());
  }
  result_badge(pass, vote_path(r.d->id, "result"));
}

std::vector<const Finding*> vote_findings(const FindingIndex& idx, const std::string& id) {
  std::vector<const Finding*> out;
  for (const char* member : {"for", "against", "award_form"})
    for (const Finding* f : idx.at(vote_path(id, member))) out.push_back(f);
  return out;
}

void vote_card(MinutesView& mv, const Field& votes, const VoteRow& r, const FindingIndex& idx, bool first) {
  app::Session& s = mv.s;
  const Minutes& m = mv.shown();
  const Dossier& d = *r.d;
  ImGui::PushID(d.id.c_str());
  begin_card("##vote");
  scroll_toward(s, "minutes.votes." + d.id);
  subheading(dossier_title(d).c_str());
  ImGui::PushFont(fonts.small);
  const AwardForm* sought = s.campaign().award_form(d.award_form);
  muted((std::string(tr(d.nominee.kind == NomineeKind::collective ? "nominee.kind.collective" : "nominee.kind.individual")) +
         " · " + (sought ? tr(sought->name) : std::string(tr("award.none")))).c_str());
  ImGui::PopFont();
  const std::string form_path = vote_path(d.id, "award_form");
  const std::string form_label = column_label(votes, "award_form");
  FieldSpec form{form_path, form_label.c_str(), nullptr, true};
  focus_if_target(s, form_path);
  auto options = award_options(s, d);
  // Before a vote is typed the row shows the form the dossier seeks: the one a vote would record.
  if (auto v = choice_field(form, r.v && !r.v->award_form.empty() ? std::string_view(r.v->award_form) : std::string_view(d.award_form),
                            options, idx))
    mv.set(form_path, *v);
  counts(mv, votes, r, idx, false, first);
  share_and_result(s, m, r, true);
  end_card();
  ImGui::PopID();
}

// The vote table's columns: the nominee takes what the others leave. The award form's column is
// as wide as the longest form's name (a choice cut to "Giấy khen của Giá…" cannot be checked).
struct VoteColumns {
  std::string h_for, h_against, h_share, h_result;
  float award = 0, for_w = 0, against_w = 0, share_w = 0, result_w = 0;
  float fixed_total() const { return award + for_w + against_w + share_w + result_w; }
};
VoteColumns vote_columns(app::Session& s, const Field& votes) {
  VoteColumns c{column_label(votes, "for"), column_label(votes, "against"), tr("minutes.share"), tr("minutes.result")};
  const float pad = ImGui::GetStyle().CellPadding.x * 2;
  auto fixed = [&](const std::string& header, float min_em) { return std::max(ImGui::CalcTextSize(header.c_str()).x + pad, em() * min_em); };
  c.for_w = fixed(c.h_for, 5.5f);
  c.against_w = fixed(c.h_against, 5.5f);
  c.share_w = fixed(c.h_share, 7.0f);
  c.result_w = fixed(c.h_result, 6.0f);
  c.award = ImGui::CalcTextSize(column_label(votes, "award_form").c_str()).x;
  for (const AwardForm& f : s.campaign().award_forms) c.award = std::max(c.award, ImGui::CalcTextSize(tr(f.name).c_str()).x);
  c.award += ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2 + pad;
  return c;
}

void vote_table(MinutesView& mv, const Field& votes, const VoteColumns& cols, const std::vector<VoteRow>& rows,
                const FindingIndex& idx) {
  app::Session& s = mv.s;
  const Minutes& m = mv.shown();
  const FindingIndex none;
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_PadOuterX | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##minutes.votes.table", 6, flags)) return;
  ImGui::TableSetupColumn(tr("minutes.nominee"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(column_label(votes, "award_form").c_str(), ImGuiTableColumnFlags_WidthFixed, cols.award);
  ImGui::TableSetupColumn(cols.h_for.c_str(), ImGuiTableColumnFlags_WidthFixed, cols.for_w);
  ImGui::TableSetupColumn(cols.h_against.c_str(), ImGuiTableColumnFlags_WidthFixed, cols.against_w);
  ImGui::TableSetupColumn(cols.h_share.c_str(), ImGuiTableColumnFlags_WidthFixed, cols.share_w);
  ImGui::TableSetupColumn(cols.h_result.c_str(), ImGuiTableColumnFlags_WidthFixed, cols.result_w);
  header_row("minutes.votes");
  bool first = true;
  for (const VoteRow& r : rows) {
    const Dossier& d = *r.d;
    ImGui::PushID(d.id.c_str());
    ImGui::TableNextRow();
    // Who, what they seek, and what is wrong with this vote.
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(fonts.bold);
    wrapped(dossier_title(d).c_str());
    ImGui::PopFont();
    small_muted(tr(d.nominee.kind == NomineeKind::collective ? "nominee.kind.collective" : "nominee.kind.individual"));
    field_findings(vote_findings(idx, d.id));
    // The award form voted on.
    ImGui::TableNextColumn();
    const std::string form_path = vote_path(d.id, "award_form");
    FieldSpec form{form_path, "", nullptr, true};
    focus_if_target(s, form_path);
    auto options = award_options(s, d);
    if (auto v = choice_field(form, r.v && !r.v->award_form.empty() ? std::string_view(r.v->award_form) : std::string_view(d.award_form),
                              options, none))
      mv.set(form_path, *v);
    annotate(column_label(votes, "award_form").c_str(), form_path);
    // Votes for and against.
    counts(mv, votes, r, none, true, first);
    // The share of ALL members, and whether it passes.
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (r.v && m.members_total > 0)
      ImGui::TextUnformatted(share_text(r.v->votes_for, m.members_total).c_str());
    else
      muted("—");
    ImGui::TableNextColumn();
    if (r.v && m.members_total > 0) {
      result_badge(meets_threshold(r.v->votes_for, m, vote_threshold(s.workspace().settings, s.campaign())), vote_path(d.id, "result"));
    } else {
      ImGui::AlignTextToFramePadding();
      muted("—");
    }
    ImGui::PopID();
    first = false;
  }
  ImGui::EndTable();
  if (m.members_total <= 0 && !rows.empty()) {
    small_muted(tr("minutes.share_needs_total"));
  }
}

// Votes the minutes hold on dossiers that are no longer in the workspace: shown so they can go.
void unknown_votes(MinutesView& mv, const FindingIndex& idx) {
  app::Session& s = mv.s;
  if (!mv.real) return;
  for (size_t i = 0; i < mv.real->votes.size(); ++i) {
    const Vote& v = mv.real->votes[i];
    if (s.workspace().dossier(v.dossier_id)) continue;
    const std::string id = v.dossier_id;
    colored_wrapped(palette().warning, trf("minutes.unknown_vote", {id.substr(0, 8), std::to_string(v.votes_for),
                                                                     std::to_string(v.votes_against)}).c_str());
    field_findings(idx.at(vote_path(id, "dossier_id")));
    focus_if_target(s, vote_path(id, "dossier_id"));
    if (button(tr("minutes.remove_vote"), "minutes.votes." + id + ".remove", ButtonKind::subtle)) {
      app::report(s, s.remove_vote(id));
      break;
    }
  }
}

void votes_section(MinutesView& mv, const Field& f, const FindingIndex& idx) {
  app::Session& s = mv.s;
  const std::string label = tr(f.label);
  FieldSpec head{"minutes.votes", label.c_str(), nullptr, f.required};
  field_label(head);
  const Bilingual threshold = vote_threshold(s.workspace().settings, s.campaign()).describe();
  small_muted(trf("minutes.threshold", {tr(threshold)}).c_str());
  field_findings(idx.at("minutes.votes"));
  const Workspace& w = s.workspace();
  if (w.dossiers.empty()) {
    focus_if_target(s, "minutes.votes");
    muted(tr("minutes.no_dossiers"));
    if (button(tr("minutes.go_dossiers"), "minutes.go_dossiers")) s.nav.screen = app::Screen::dossiers;
    unknown_votes(mv, idx);
    return;
  }
  const Minutes& m = mv.shown();
  std::vector<VoteRow> rows;
  for (size_t i : filter_and_sort(w.dossiers, DossierFilter{}, SortOrder::name))
    rows.push_back({&w.dossiers[i], m.vote_for(w.dossiers[i].id)});
  spacer(0.2f);
  // Cards where the table would leave the nominee's name less than 12 em.
  const VoteColumns cols = vote_columns(s, f);
  if (is_phone() || ImGui::GetContentRegionAvail().x < cols.fixed_total() + em() * 12) {
    bool first = true;
    for (const VoteRow& r : rows) {
      vote_card(mv, f, r, idx, first);
      first = false;
    }
  } else {
    vote_table(mv, f, cols, rows, idx);
  }
  unknown_votes(mv, idx);
}

// One template section as a card: its fields, short ones (dates, times, numbers) side by side
// when there is room.
void section_card(MinutesView& mv, const Section& sec, const FindingIndex& idx) {
  const bool wide = !is_phone() && ImGui::GetContentRegionAvail().x > em() * 30;
  ImGui::PushID(sec.id.c_str());
  begin_card("##section");
  for (const Field& f : sec.fields) scroll_toward(mv.s, minutes_path(f.id));
  std::string title = (sec.number.empty() ? "" : sec.number + ". ") + tr(sec.title);
  ImGui::PushFont(fonts.heading);
  wrapped(title.c_str());
  ImGui::PopFont();
  if (!tr(sec.help).empty() && sec.id != "votes") {
    small_muted(tr(sec.help).c_str());
  }
  spacer(0.2f);
  const auto& fields = sec.fields;
  for (size_t i = 0; i < fields.size(); ++i) {
    const Field& f = fields[i];
    if (f.type == FieldType::rows) {
      if (f.id == "absent") absent_rows(mv, f, idx);
      else if (f.id == "votes") votes_section(mv, f, idx);
      continue;
    }
    if (wide && is_short(f) && i + 1 < fields.size() && is_short(fields[i + 1])) {
      field_pair(mv, f, fields[i + 1], idx);
      if (f.id == "members_total" || fields[i + 1].id == "members_present") quorum_line(mv.shown(), mv.s.campaign().voting.quorum, "minutes.quorum", false);
      ++i;
      continue;
    }
    plain_field(mv, f, idx);
    if (f.id == "members_present") quorum_line(mv.shown(), mv.s.campaign().voting.quorum, "minutes.quorum", false);
  }
  end_card();
  ImGui::PopID();
}

}  // namespace

void minutes_screen(app::Session& s) {
  if (s.nav.open_section == "minutes") s.nav.open_section.clear();
  MinutesView mv{s, s.unit_minutes()};
  const ReportTemplate* t = minutes_template(s);
  heading(t ? tr(t->title).c_str() : tr("nav.minutes"));
  if (t && !tr(t->description).empty()) {
    small_muted(tr(t->description).c_str());
  }
  spacer(0.3f);
  minutes_print_buttons(s, mv.real);
  spacer(0.3f);
  const auto mine = minutes_findings(s);
  if (!mv.real && mine.empty()) muted(tr("minutes.not_started"));  // nothing is checked before it exists
  else findings_panel(s, mine);
  spacer(0.4f);
  if (!t) {
    colored_wrapped(palette().error, tr("minutes.no_template"));
    return;
  }
  const FindingIndex idx(findings_at_fields(kMinutesScope, mine));
  for (const Section& sec : t->sections) section_card(mv, sec, idx);
  // A finding was chosen but its field was not drawn: give up after a few frames.
  if (!s.nav.focus_path.empty() && --s.nav.focus_frames <= 0) s.nav.focus_path.clear();
  else if (!s.nav.focus_path.empty() || fields_moving()) s.platform().request_frame();
}

}  // namespace hoso::ui
